//! `duplicate-punct`: the same pause or stop mark twice, or two that clash.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `duplicate-punct`: the same mark twice, or two marks that clash.
pub static DUPLICATE_PUNCT: Rule = Rule {
    id: "duplicate-punct",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "标点重复或连用冲突",
    doc: "检查：连续两个点号，如 。。 ，， 、、 或相冲突的 ，。 ；。 、，。\n\
          原因：一处停顿只用一个点号；连用多是修改时遗留。\n\
          错误：予以公布。。 · 各单位，。\n\
          正确：予以公布。 · 各单位，\n\
          不报告：三个以上的句号（由 ellipsis-form 报告）；？！ 连用（表示疑问兼感叹）。\n\
          依据：GB/T 15834-2011《标点符号用法》4.1—4.7 点号。",
    summary_en: "Repeated or conflicting punctuation",
    doc_en: "Checks: two pause or stop marks in a row, such as 。。 ，， 、、, or conflicting ones such as ，。 ；。 、，.\n\
         Why: one pause takes one mark; doubled marks are usually left over from an edit.\n\
         Wrong: 予以公布。。 · 各单位，。\n\
         Right: 予以公布。 · 各单位，\n\
         Not reported: three or more full stops (ellipsis-form reports those); ？！ together (a question that is\n\
         also an exclamation).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.1–4.7 (pause and stop marks).",
    check: Check::Doc(duplicate_punct),
    safe_fix: true,
};

static PUNCT_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。，、；：！？,;]{2,}").unwrap());

fn duplicate_punct(ctx: &DocContext, out: &mut Findings) {
    // Two marks of PUNCT_RUN in a row are rare: one pass over the bytes finds the lines that
    // have them, and only those are searched. A mark is ASCII or one of the three-byte forms
    // below, whose lead bytes (E3, EF) are not those of CJK ideographs, so the pass seldom
    // looks further than one byte.
    const WIDE: [[u8; 3]; 7] = [
        *b"\xE3\x80\x82", // 。
        *b"\xEF\xBC\x8C", // ，
        *b"\xE3\x80\x81", // 、
        *b"\xEF\xBC\x9B", // ；
        *b"\xEF\xBC\x9A", // ：
        *b"\xEF\xBC\x81", // ！
        *b"\xEF\xBC\x9F", // ？
    ];
    let b = ctx.doc.text.as_bytes();
    // Candidate bytes by SIMD search, the semicolon apart (memchr takes three bytes at most),
    // merged in order.
    let candidates = text::merged(
        memchr::memchr3_iter(b',', 0xE3, 0xEF, b),
        memchr::memchr_iter(b';', b),
    );
    let mut pairs = Vec::new();
    // The end of the last mark seen: a mark starting there follows a mark.
    let mut mark_end = usize::MAX;
    for i in candidates {
        let len = match b[i] {
            b',' | b';' => 1,
            _ if b.len() - i >= 3 && WIDE.contains(&[b[i], b[i + 1], b[i + 2]]) => 3,
            _ => continue,
        };
        if mark_end == i {
            pairs.push(i);
        }
        mark_end = i + len;
    }
    for (start, line) in ctx.lines_at(pairs.into_iter()) {
        for m in PUNCT_RUN.find_iter(line) {
            let s = m.as_str();
            if s.chars().all(|c| c == '。') && s.chars().count() >= 3 {
                continue;
            }
            if s.chars().all(|c| c == '？' || c == '！') {
                continue;
            }
            let finding = text::finding(
                DUPLICATE_PUNCT.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "标点“{s}”重复或连用冲突，此处只应保留一个点号",
                    en =
                        "The punctuation “{s}” is repeated or conflicting: keep only one mark here"
                ),
            );
            // Which of two different marks stays is the writer's choice; a doubled one is one.
            let mut marks = s.chars();
            let first = marks.next();
            out.push(match first {
                Some(c) if marks.all(|d| d == c) => finding.with_replacement(c),
                _ => finding,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    /// The byte search finds the same runs as the pattern run over every line of the drafter's.
    #[test]
    fn the_byte_search_misses_no_run() {
        let mut texts = crate::corpus_texts();
        // One case a line: the search picks the lines that the pattern then reads.
        texts.push("一，，二\n三、；四\n五;,六\n七。。。\n八？！\n九：，十\n七,八\n八；;九\n，，开头。\n一,二;三\n结尾、、".into());
        let mut runs = 0;
        for text in &texts {
            let doc = Document::from_text("t.txt", text.as_str());
            let ctx = DocContext::text_only(&doc);
            let allow = std::collections::HashSet::new();
            let mut found = Findings::new(DUPLICATE_PUNCT.id, &doc.text, &allow, usize::MAX);
            duplicate_punct(&ctx, &mut found);
            let (found, _, _) = found.into_parts();
            let mut want = Vec::new();
            for &(start, line) in ctx.text_lines() {
                for m in PUNCT_RUN.find_iter(line) {
                    let s = m.as_str();
                    let dots = s.chars().all(|c| c == '。') && s.chars().count() >= 3;
                    if !dots && !s.chars().all(|c| c == '？' || c == '！') {
                        want.push(start + m.start());
                    }
                }
            }
            let got: Vec<usize> = found.iter().map(|f| f.span.start).collect();
            assert_eq!(got, want);
            runs += want.len();
        }
        assert!(runs >= 7, "{runs}");
    }
}
