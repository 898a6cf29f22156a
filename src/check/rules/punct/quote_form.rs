//! `quote-form`: straight quotes, corner quotes 「」, or double quotes nested in double quotes.

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

/// `quote-form`: straight quotes, 「」, or double quotes nested in double quotes.
pub static QUOTE_FORM: Rule = Rule {
    id: "quote-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "引号形式错误（直引号、直角引号或双引号套双引号）",
    doc: "检查：中文语句中的直引号 \" '，简化字文本中的直角引号「」『』，以及双引号内又用双引号。\n\
          原因：横排中文用弯引号“”，引号内再引用用单引号‘’。通篇使用直引号时只在首处报告一次。\n\
          错误：\"最多跑一次\"改革 · 「放管服」 · “他说“可以””\n\
          正确：“最多跑一次”改革 · “放管服” · “他说‘可以’”\n\
          不报告：两侧都不是中文的直引号（英文、代码）；本段引号不成对时的嵌套（由 unpaired-marks 报告）。\n\
          依据：GB/T 15834-2011《标点符号用法》4.8 引号。",
    summary_en: "Wrong quotation marks (straight, corner, or double within double)",
    doc_en: "Checks: straight quotes \" ' in Chinese text, the corner quotes 「」『』 in simplified Chinese text, and double\n\
         quotes inside double quotes.\n\
         Why: horizontal Chinese text takes the curly quotes “”, and a quotation within a quotation the single\n\
         quotes ‘’. When a document uses straight quotes throughout, it is reported once, at the first place.\n\
         Wrong: \"最多跑一次\"改革 · 「放管服」 · “他说“可以””\n\
         Right: “最多跑一次”改革 · “放管服” · “他说‘可以’”\n\
         Not reported: straight quotes with no Chinese on either side (English, code); nesting in a paragraph whose\n\
         quotes do not pair up (unpaired-marks reports that).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.8 (quotation marks).",
    check: Check::Doc(quote_form),
    safe_fix: true,
};

fn quote_form(ctx: &DocContext, out: &mut Findings) {
    let mut straight = text::Folding::default();
    let mut corner = text::Folding::default();
    for &(start, line) in ctx.text_lines() {
        let mut depth = 0usize;
        let mut nested: Option<usize> = None;
        // Straight double and single quotes seen so far on the line, and on the whole line.
        let mut seen = [0usize; 2];
        let mut totals: [Option<usize>; 2] = [None, None];
        // The marks are " ' and characters led by the bytes E2 (“”) and E3 (「」『』): only
        // those characters are decoded.
        let lb = line.as_bytes();
        let marks = text::merged(
            memchr::memchr3_iter(b'"', b'\'', 0xE2, lb),
            memchr::memchr_iter(0xE3, lb),
        );
        for i in marks {
            let Some(c) = line[i..].chars().next() else {
                continue;
            };
            match c {
                '"' | '\'' => {
                    let nth = seen[usize::from(c == '\'')];
                    seen[usize::from(c == '\'')] += 1;
                    let prev = text::char_before(line, i);
                    let next = text::char_at(line, i + 1);
                    if prev.is_some_and(text::is_cjk) || next.is_some_and(text::is_cjk) {
                        // Straight quotes pair in order on a line: the first of a pair opens.
                        // With an odd count which one opens is not known, and none is fixed.
                        let (open, close) = if c == '"' {
                            ('“', '”')
                        } else {
                            ('‘', '’')
                        };
                        let total = *totals[usize::from(c == '\'')]
                            .get_or_insert_with(|| line.matches(c).count());
                        let fix =
                            (total % 2 == 0).then_some(if nth % 2 == 0 { open } else { close });
                        let finding = text::finding(
                            QUOTE_FORM.id,
                            start + i,
                            start + i + 1,
                            msg!(
                                zh = "中文语句中误用直引号“{c}”，应使用弯引号{}",
                                en =
                                    "Straight quote “{c}” in Chinese text: use the curly quotes {}",
                                if c == '"' { "“”" } else { "‘’" }
                            ),
                        );
                        straight.push(match fix {
                            Some(q) => finding.with_replacement(q),
                            None => finding,
                        });
                    }
                }
                '「' | '」' | '『' | '』' => corner.push(
                    text::finding(
                        QUOTE_FORM.id,
                        start + i,
                        start + i + c.len_utf8(),
                        msg!(
                            zh = "简化字文本中误用直角引号“{c}”，应使用{}",
                            en = "Corner quote “{c}” in simplified Chinese text: use {}",
                            if matches!(c, '「' | '」') {
                                "“”"
                            } else {
                                "‘’"
                            }
                        ),
                    )
                    .with_replacement(match c {
                        '「' => '“',
                        '」' => '”',
                        '『' => '‘',
                        _ => '’',
                    }),
                ),
                '“' => {
                    if depth >= 1 && nested.is_none() {
                        nested = Some(i);
                    }
                    depth += 1;
                }
                '”' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        // Counted only for the rare line with a nested “.
        let balanced = || line.matches('“').count() == line.matches('”').count();
        if let Some(i) = nested.filter(|_| balanced()) {
            out.push(text::finding(
                QUOTE_FORM.id,
                start + i,
                start + i + '“'.len_utf8(),
                tr(
                    "双引号内又用双引号：引号内的引用应使用单引号‘’",
                    "Double quotes inside double quotes: a quotation within a quotation takes the single quotes ‘’",
                ),
            ));
        }
    }
    text::push_folded(out, straight, |n| {
        // "Throughout" only when straight quotes are at least four in five of the quotes.
        let curly = ctx.doc.text.matches(['“', '”', '‘', '’']).count();
        if n * 5 >= (n + curly) * 4 {
            msg!(
                zh = "全文通篇使用直引号，共{n}处，中文语句中应使用弯引号“”‘’；此处为首处",
                en = "This document uses straight quotes throughout, {n} places; Chinese text takes the curly quotes “” ‘’; this is the first"
            )
        } else {
            msg!(
                zh = "全文{n}处误用直引号，中文语句中应使用弯引号“”‘’；此处为首处",
                en = "{n} places in this document use straight quotes; Chinese text takes the curly quotes “” ‘’; this is the first"
            )
        }
    });
    text::push_folded(out, corner, |n| {
        msg!(
            zh = "全文{n}处使用直角引号「」『』，简化字文本应使用“”‘’；此处为首处",
            en = "{n} places in this document use the corner quotes 「」『』; simplified Chinese text takes “” ‘’; this is the first"
        )
    });
}
