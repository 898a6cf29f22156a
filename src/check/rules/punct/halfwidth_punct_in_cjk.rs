//! `halfwidth-punct-in-cjk`: ASCII punctuation next to Chinese text.

use std::sync::LazyLock;

use regex::Regex;

use super::{label_colons, URL};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

/// `halfwidth-punct-in-cjk`: ASCII punctuation in Chinese text.
pub static HALFWIDTH_PUNCT_IN_CJK: Rule = Rule {
    id: "halfwidth-punct-in-cjk",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "中文语句中使用了半角标点",
    doc: "检查：紧挨汉字或全角标点的半角 , . ; : ? ! ( )。\n\
          原因：公文标点依 GB/T 15834 使用全角形式；半角逗号、括号在公文版面上显得窄小且不合规范。\n\
          全文通篇使用半角标点时只在首处报告一次，并给出各标点的处数。\n\
          错误：按期完成台账销号;四是…… · 2022年,市政府…… · 规划(2021—2025年)\n\
          正确：按期完成台账销号；四是…… · 2022年，市政府…… · 规划（2021—2025年）\n\
          不报告：小数 4.5、千分位 24,150、时刻 14:30、网址、标准编号、拉丁缩写，序号“1.”的下脚点，\n\
          代替无法显示的字的“?”（加固二期、?水灌区）；\n\
          直引号由 quote-form 报告，附件、联系人等标签后的冒号由 attachment-note-form、fullwidth-colon 报告，\n\
          “一.”之类序号由 heading-number-form 报告，“...”由 ellipsis-form 报告。\n\
          依据：GB/T 15834-2011《标点符号用法》；GB/T 9704-2012 第9章。",
    summary_en: "Half-width punctuation in Chinese text",
    doc_en: "Checks: half-width , . ; : ? ! ( ) next to Chinese characters or full-width punctuation.\n\
         Why: documents use the full-width punctuation of GB/T 15834; half-width commas and parentheses look cramped\n\
         on the page and are not standard. When a document uses half-width punctuation throughout, it is reported\n\
         once, at the first place, with the count of each mark.\n\
         Wrong: 按期完成台账销号;四是…… · 2022年,市政府…… · 规划(2021—2025年)\n\
         Right: 按期完成台账销号；四是…… · 2022年，市政府…… · 规划（2021—2025年）\n\
         Not reported: decimals 4.5, thousands separators 24,150, times 14:30, web addresses, standard numbers,\n\
         Latin abbreviations, the point of an item number “1.”, a “?” standing for a character that could not be shown\n\
         (加固二期、?水灌区); straight quotes (quote-form), colons after labels\n\
         such as 附件 and 联系人 (attachment-note-form, fullwidth-colon), numbers such as “一.”\n\
         (heading-number-form) and “...” (ellipsis-form) are reported by their own rules.\n\
         Source: GB/T 15834-2011 《标点符号用法》; GB/T 9704-2012 chapter 9.",
    check: Check::Doc(halfwidth_punct_in_cjk),
    safe_fix: true,
};

/// ASCII marks and the full-width marks Chinese text uses instead.
const ASCII_TO_FULL: &[(char, char)] = &[
    (',', '，'),
    ('.', '。'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
    (')', '）'),
];

static CN_ORDINAL_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s\u{3000}]*[（(]?[一二三四五六七八九十]+[）)]?\.").unwrap());

/// Whether `rest`, the text after a full stop, starts with a file extension ending there.
fn is_file_extension(rest: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "docx", "doc", "pdf", "xlsx", "xls", "wps", "et", "ofd", "zip", "rar", "jpg", "jpeg",
        "png", "txt", "pptx", "ppt", "html", "htm",
    ];
    let word_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    EXTENSIONS
        .iter()
        .any(|e| rest[..word_len].eq_ignore_ascii_case(e))
}

fn halfwidth_punct_in_cjk(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // Made only for a document with an ASCII colon in Chinese text.
    let labels = std::cell::OnceCell::new();
    let mut found = text::Folding::default();
    let mut counts: Vec<(char, usize)> = Vec::new();
    // Only the drafter's lines with one of the ASCII marks are read; SIMD byte searches find
    // them.
    for (start, line) in ctx.lines_with_bytes(b",.;:?!()") {
        // Searched only when a mark sits by Chinese text.
        let urls = std::cell::OnceCell::new();
        let urls = || -> &Vec<(usize, usize)> {
            urls.get_or_init(|| URL.find_iter(line).map(|m| (m.start(), m.end())).collect())
        };
        let ordinal_dot = std::cell::OnceCell::new();
        let ordinal_dot =
            || *ordinal_dot.get_or_init(|| CN_ORDINAL_DOT.find(line).map(|m| m.end() - 1));
        // The marks are ASCII, so their bytes are found without decoding the line.
        for (i, b) in line.bytes().enumerate() {
            if !matches!(b, b',' | b'.' | b';' | b':' | b'?' | b'!' | b'(' | b')') {
                continue;
            }
            let c = char::from(b);
            let Some(&(_, full)) = ASCII_TO_FULL.iter().find(|(a, _)| *a == c) else {
                continue;
            };
            let prev = text::char_before(line, i);
            let next = text::char_at(line, i + 1);
            if !(prev.is_some_and(text::is_cjk) || next.is_some_and(text::is_cjk)) {
                continue;
            }
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            let guarded = match c {
                // 4.5 and the ordinal 1. (its dot is the right mark); U.S. style abbreviations.
                // ... is an ellipsis written wrongly (ellipsis-form), not a full stop.
                // A file name's extension (细则.docx on a download line) is part of the name.
                '.' => {
                    digit(prev)
                        || latin(prev)
                        || ordinal_dot() == Some(i)
                        || prev == Some('.')
                        || next == Some('.')
                        || is_file_extension(&line[i + 1..])
                }
                ',' | ':' => digit(prev) && digit(next),
                // 1? is a character the page could not encode (1‱), not a question; so is a ?
                // that starts a name after a list mark (加固二期、?水灌区: a lost character).
                '?' => {
                    digit(prev)
                        || (matches!(prev, Some('、' | '，' | '（' | '“' | '《'))
                            && next.is_some_and(text::is_cjk))
                }
                _ => false,
            };
            if guarded
                || text::in_ranges(urls(), i)
                || (c == ':'
                    && labels
                        .get_or_init(|| label_colons(text))
                        .binary_search(&(start + i))
                        .is_ok())
            {
                continue;
            }
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
            found.push(
                text::finding(
                    HALFWIDTH_PUNCT_IN_CJK.id,
                    start + i,
                    start + i + 1,
                    msg!(
                        zh = "中文语句中误用半角“{c}”，应使用全角“{full}”",
                        en = "Half-width “{c}” in Chinese text: use the full-width “{full}”"
                    ),
                )
                .with_replacement(full),
            );
        }
    }
    text::push_folded(out, found, |n| {
        let parts: Vec<String> = counts
            .iter()
            .map(|(c, k)| msg!(zh = "“{c}”{k}处", en = "“{c}” ×{k}"))
            .collect();
        let fulls: String = counts
            .iter()
            .filter_map(|(c, _)| ASCII_TO_FULL.iter().find(|(a, _)| a == c).map(|p| p.1))
            .collect();
        // "Throughout" only when the half-width forms are at least four in five of these
        // marks; a document with six ASCII commas among 300 full-width ones has slips.
        let full: usize = fulls.chars().map(|f| text.matches(f).count()).sum();
        if n * 5 >= (n + full) * 4 {
            msg!(
                zh = "全文通篇使用半角标点，共{n}处（{}），中文语句中应使用全角标点“{fulls}”；此处为首处",
                en = "This document uses half-width punctuation throughout, {n} places ({}); Chinese text takes the full-width “{fulls}”; this is the first",
                parts.join(tr("、", ", "))
            )
        } else {
            msg!(
                zh = "全文{n}处误用半角标点（{}），中文语句中应使用全角标点“{fulls}”；此处为首处",
                en = "{n} places in this document use half-width punctuation ({}); Chinese text takes the full-width “{fulls}”; this is the first",
                parts.join(tr("、", ", "))
            )
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::check::{Checker, DocContext};
    use crate::Document;

    fn messages(text: &str) -> Vec<String> {
        let doc = Document::from_text("t.txt", text);
        Checker::default_rules()
            .check_document(&DocContext::text_only(&doc))
            .into_iter()
            .filter(|f| f.rule == "halfwidth-punct-in-cjk")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn throughout_is_said_only_of_a_document_written_so() {
        let all_ascii = "第一项工作,按照要求完成,并报告。\n".repeat(3);
        let m = messages(&all_ascii);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("通篇") && m[0].contains("共6处"), "{m:?}");
        let slips = all_ascii + &"第二项工作，按照要求完成，并报告。\n".repeat(20);
        let m = messages(&slips);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(!m[0].contains("通篇") && m[0].contains("6处"), "{m:?}");
    }
}
