//! `numeric-wording`: doubled estimates (约……左右) and decreases counted in multiples (减少N倍).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `numeric-wording`: 约…左右 and similar redundant or illogical quantity wording.
pub static NUMERIC_WORDING: Rule = Rule {
    id: "numeric-wording",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "数量表述重复或不合逻辑（约……左右、减少N倍）",
    doc: "检查：约……左右、大约……上下、超过……以上、近……余 等重复的概数表述，以及“减少/降低/缩短 N倍”。\n\
          原因：“约”和“左右”都表示概数，只用其一；减少不能以“倍”计，应说减少了几分之几或百分之几。\n\
          错误：约460户左右 · 超过300人以上 · 办理时限减少了3倍\n\
          正确：约460户 / 460户左右 · 超过300人 · 办理时限缩短了四分之三\n\
          不报告：“增加N倍”“提高N倍”。\n\
          依据：GB/T 15835-2011 4.3（“约300人”与“300人左右”是两种写法，不叠用）。",
    summary_en: "Redundant or illogical wording of quantities (“约……左右”, “减少N倍”)",
    doc_en: "Checks: doubled estimates such as 约……左右, 大约……上下, 超过……以上, 近……余, and “减少/降低/缩短 N倍”.\n\
         Why: “约” and “左右” both mark an estimate, so only one is used; a decrease cannot be counted in multiples,\n\
         it is stated as a fraction or a percentage.\n\
         Wrong: 约460户左右 · 超过300人以上 · 办理时限减少了3倍\n\
         Right: 约460户 / 460户左右 · 超过300人 · 办理时限缩短了四分之三\n\
         Not reported: “增加N倍”, “提高N倍”.\n\
         Source: GB/T 15835-2011 4.3 (“约300人” and “300人左右” are two forms, not to be combined).",
    check: Check::Doc(numeric_wording),
    safe_fix: false,
};

static WORDING: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"[0-9.０-９一二三四五六七八九十百千万亿余多]+";
    let u = r"[^\s，。；：、,;0-9]{0,4}";
    Regex::new(&format!(
        r"(大约|约)({n}{u})(左右|上下)|(超过|多于|高于)({n}{u})以上|(近)({n}{u})余|(减少|降低|缩短|下降|压缩)了?({n})倍"
    ))
    .unwrap()
});

fn numeric_wording(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in ctx.lines_matching(&WORDING) {
        for c in WORDING.captures_iter(line) {
            let m = c.get(0).unwrap();
            let s = m.as_str();
            let msg = if c.get(1).is_some() {
                msg!(
                    zh = "“{}”与“{}”重复表示概数：“{s}”应只用其一",
                    en = "“{}” and “{}” both mark an estimate: use only one of them in “{s}”",
                    &c[1],
                    &c[3]
                )
            } else if c.get(4).is_some() {
                msg!(
                    zh = "“{}”与“以上”重复：“{s}”应只用其一",
                    en = "“{}” and “以上” say the same thing: use only one of them in “{s}”",
                    &c[4]
                )
            } else if c.get(6).is_some() {
                msg!(
                    zh = "“近”与“余”矛盾：“{s}”应只用其一",
                    en =
                        "“近” (nearly) contradicts “余” (more than): use only one of them in “{s}”"
                )
            } else {
                msg!(
                    zh = "减少不能以“倍”计：“{s}”应改为减少了几分之几或百分之几",
                    en = "A decrease cannot be counted in multiples (“倍”): restate “{s}” as a fraction or a percentage"
                )
            };
            out.push(text::finding(
                NUMERIC_WORDING.id,
                start + m.start(),
                start + m.end(),
                msg,
            ));
        }
    }
}
