//! `placeholder-residue`: template placeholders left in (××, XX, □□, 【待补】, TODO).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
          不报告：与其他拉丁字母相连的 X（XXL、XX型号代码）；汉字年份中的“○○”（由 zero-glyph 报告）；\
          描述格式的文字中的空位（引号内的“××人民法院”，写明、字样、名义、例如、编排方式、用语是……所在行，\
          后接数字的编码位“××××3”）；文书样式、参考文本一类标题之后的文书样式，以及其后有空白日期\
          “××××年××月××日”的附件（样式中的空位本应留空）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Template placeholder left in (“××”, “XX”, “□□”, “【待补】”)",
    doc_en: "Checks: placeholders left from a template: ××, XX, □□, ○○, 【待补】, 【待定】, （此处……）, TODO.\n\
         Why: a placeholder left in means the document is unfinished, and an error once it is issued.\n\
         Wrong: 由××局牵头 · 截至XX月底\n\
         Right: 由平江县市场监督管理局牵头 · 截至6月底\n\
         Not reported: X joined to other Latin letters (XXL, model codes); “○○” in years in Chinese numerals\n\
         (zero-glyph reports those); slots in text that describes a form of words (a quoted “××人民法院”, lines\n\
         with 写明, 字样, 名义, 例如, 编排方式, 用语是 …, numbered code positions such as “××××3”); model\n\
         forms after a heading such as 文书样式 or 参考文本, and an attachment followed by a wholly blank date\n\
         “××××年××月××日” (a form's slots are meant to stay blank).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(placeholder_residue),
    safe_fix: false,
};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"×{2,}|X{2,}|Ｘ{2,}|x{2,}|□{2,}|○{2,}|【待[^】\n]{0,10}】|[（(]此处[^）)\n]{0,20}[）)]|TODO|TBD").unwrap()
});

/// A line that describes a form of words rather than using one: a prescribed phrase, a format,
/// the wording printed on something. Slots in such a line are the described form's own.
static DESCRIBES_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"写明|字样|名义|例如|编排方式|编号方式|(用语|表述|格式|样式|式样|写法)(是|为|如下)")
        .unwrap()
});

/// A short line that announces a model form (文书样式, 示范文本): what follows is the form, whose
/// slots are meant to stay blank.
static ANNOUNCES_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"样式|式样|范本|示范文本|参考文本|格式文本|文书格式|模板").unwrap()
});

/// A date left wholly blank (××××年××月××日): the signature date of a model form.
static DATE_SLOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[×X]{2,4}年[×X]{1,2}月[×X]{1,2}日").unwrap());

/// Longest line read as announcing a form or an attachment (a heading, not a sentence).
const HEADING_CHARS: usize = 30;

fn placeholder_residue(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // One search of the whole text: most documents hold no placeholder, and only those that do
    // need their lines and their model forms read.
    let mut found = PLACEHOLDER.find_iter(text).peekable();
    if found.peek().is_none() {
        return;
    }
    let forms_from = form_section_start(text);
    // The line of the last match, and whether it describes a form of words.
    let mut line_at: Option<(usize, &str, bool)> = None;
    for m in found.take_while(|m| m.start() < forms_from) {
        let start = ctx
            .doc
            .lines
            .line_start(text, ctx.doc.line_col(m.start()).line);
        let (start, line, describes) = match line_at {
            Some(l) if l.0 == start => l,
            _ => {
                let line = ctx.doc.lines.line_text(text, m.start());
                let l = (start, line, DESCRIBES_FORM.is_match(line));
                line_at = Some(l);
                l
            }
        };
        let (a, b) = (m.start(), m.end());
        if is_slot(text, line, a - start, b - start, a, b, describes) {
            continue;
        }
        out.push(text::finding(
            PLACEHOLDER_RESIDUE.id,
            a,
            b,
            msg!(
                zh = "模板占位符“{}”未替换为实际内容",
                en = "The template placeholder “{}” has not been replaced with the actual content",
                m.as_str()
            ),
        ));
    }
}

/// Whether the match `line[s..e]` (document bytes `a..b`) is not a leftover: part of a Latin
/// word, a year in Chinese numerals, or a slot of a form the text describes.
fn is_slot(
    text: &str,
    line: &str,
    s: usize,
    e: usize,
    a: usize,
    b: usize,
    describes: bool,
) -> bool {
    let found = &line[s..e];
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let (before, after) = (text::char_before(text, a), text::char_at(text, b));
    if found.starts_with(['X', 'x', 'T']) && (latin(before) || latin(after)) {
        return true;
    }
    // 二○○四年 is a year with the wrong zero (zero-glyph), not a placeholder.
    let numeral = |c: Option<char>| c.is_some_and(|c| "〇○零一二三四五六七八九十".contains(c));
    if found.starts_with('○') && (numeral(before) || numeral(after)) {
        return true;
    }
    let slot = found.starts_with(['×', 'X', 'Ｘ', 'x', '□', '○']);
    if !slot {
        return false;
    }
    // ××××3为首次注册年份: a numbered position of a described code. 20XX年 (digits only
    // before) is a year not filled in and stays reported.
    let digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if digit(after) {
        return true;
    }
    describes || in_quotes(line, s)
}

/// Whether byte `at` of `line` is inside “…” or ‘…’ opened earlier on the line: a name or a
/// title quoted as a pattern (以“××人民法院”名义).
fn in_quotes(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let open = before.rfind(['“', '‘']);
    let close = before.rfind(['”', '’']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Where the model forms of a document begin, or the text's length: after a short line that
/// announces one (附件：主要文书参考样式), or after an attachment heading (附件1) when a wholly blank
/// date follows it — the attached paper is then a form, not content.
fn form_section_start(text: &str) -> usize {
    let mut attachment = None;
    for (start, line) in text::lines(text) {
        let t = line.trim();
        if t.is_empty() || t.chars().count() > HEADING_CHARS {
            continue;
        }
        if announces_form(t) {
            return start;
        }
        if attachment.is_none() && is_attachment_heading(t) {
            attachment = Some(start);
        }
    }
    match attachment {
        Some(at) if DATE_SLOT.is_match(&text[at..]) => at,
        _ => text.len(),
    }
}

/// 附件：主要文书参考样式, 文书样式, 申请书（样式）: a heading naming a model form. A numbered
/// heading (（二）推广合同示范文本) is a section about such forms, not one.
fn announces_form(t: &str) -> bool {
    let bare = t.trim_end_matches(['）', ')']);
    let Some(m) = ANNOUNCES_FORM.find_iter(bare).last() else {
        return false;
    };
    if t.starts_with("附件") {
        return true;
    }
    let numbered = t.starts_with([
        '（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
    ]) || t.starts_with(|c: char| c.is_ascii_digit());
    m.end() == bare.len() && !numbered
}

/// 附件, 附件1, 附件：: the line that opens an attached paper.
fn is_attachment_heading(t: &str) -> bool {
    t.strip_prefix("附件").is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || "：:".contains(c))
    })
}
