//! `placeholder-residue`: template placeholders left in (××, XX, □□, 【待补】, TODO).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};

/// `placeholder-residue`: template leftovers.
pub static PLACEHOLDER_RESIDUE: Rule = Rule {
    id: "placeholder-residue",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "模板占位符未替换（××、XX、□□、【待补】）",
    doc: "检查：模板遗留的占位符：××、XX、□□、○○、【待补】【待定】、（此处……）、TODO。\n\
          原因：占位符未替换，说明文件尚未写完，印发后造成差错。\n\
          错误：由××局牵头 · 截至XX月底\n\
          正确：由平江县市场监督管理局牵头 · 截至6月底\n\
          不报告：与其他拉丁字母相连的 X（XXL、XX型号代码）；汉字年份中的“○○”（由 zero-glyph 报告）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Template placeholder left in (“××”, “XX”, “□□”, “【待补】”)",
    doc_en: "Checks: placeholders left from a template: ××, XX, □□, ○○, 【待补】, 【待定】, （此处……）, TODO.\n\
         Why: a placeholder left in means the document is unfinished, and an error once it is issued.\n\
         Wrong: 由××局牵头 · 截至XX月底\n\
         Right: 由平江县市场监督管理局牵头 · 截至6月底\n\
         Not reported: X joined to other Latin letters (XXL, model codes); “○○” in years in Chinese numerals\n\
         (zero-glyph reports those).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(placeholder_residue),
    safe_fix: false,
};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"×{2,}|X{2,}|Ｘ{2,}|x{2,}|□{2,}|○{2,}|【待[^】\n]{0,10}】|[（(]此处[^）)\n]{0,20}[）)]|TODO|TBD").unwrap()
});

fn placeholder_residue(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for m in PLACEHOLDER.find_iter(text) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if m.as_str().starts_with(['X', 'x', 'T'])
            && (latin(text::char_before(text, m.start())) || latin(text::char_at(text, m.end())))
        {
            continue;
        }
        // 二○○四年 is a year with the wrong zero (zero-glyph), not a placeholder.
        let numeral = |c: Option<char>| c.is_some_and(|c| "〇○零一二三四五六七八九十".contains(c));
        if m.as_str().starts_with('○')
            && (numeral(text::char_before(text, m.start()))
                || numeral(text::char_at(text, m.end())))
        {
            continue;
        }
        out.push(text::finding(
            PLACEHOLDER_RESIDUE.id,
            m.start(),
            m.end(),
            msg!(
                zh = "模板占位符“{}”未替换为实际内容",
                en = "The template placeholder “{}” has not been replaced with the actual content",
                m.as_str()
            ),
        ));
    }
}
