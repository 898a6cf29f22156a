//! `unpaired-marks`: a title mark, parenthesis or quotation mark without its other half.

use std::collections::VecDeque;
use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `unpaired-marks`: a paired mark left open or closed without opening.
pub static UNPAIRED_MARKS: Rule = Rule {
    id: "unpaired-marks",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号、括号、引号不成对",
    doc: "检查：一段之内不成对的《》（）“”〈〉【】（半角括号按同一种括号配对）。\n\
          原因：成对标点缺一半，读者无法判断引文、括注在何处结束，常是删改时漏删或漏补。\n\
          错误：应当及时调整（调整程序另行通知；逾期未调整的……\n\
          正确：应当及时调整（调整程序另行通知）；逾期未调整的……\n\
          不报告：跨段引文（前段不收引号、下段以“开头，或在60段内收引号）；在12行内闭合的括号、书名号\n          （折行的标题、法规题注）；\n\
          行首“1）”“一）”式序号；网页元数据行。\n\
          依据：GB/T 15834-2011《标点符号用法》（引号、括号、书名号均成对使用）。",
    summary_en: "Title marks, parentheses or quotation marks not in pairs",
    doc_en: "Checks: 《》 （） “” 〈〉 【】 without their other half within a paragraph (half-width parentheses pair like\n\
         full-width ones).\n\
         Why: with half a pair missing, readers cannot tell where a quotation or a parenthesis ends; usually a\n\
         mark was left behind or forgotten in an edit.\n\
         Wrong: 应当及时调整（调整程序另行通知；逾期未调整的……\n\
         Right: 应当及时调整（调整程序另行通知）；逾期未调整的……\n\
         Not reported: quotations running over paragraphs (a paragraph left open and the next starting with “, or\n\
         closed within 60 paragraphs); parentheses and title marks closed within 12 lines (wrapped titles, notes\n\
         under the title of a regulation); item numbers “1）”, “一）” at the start of a line; metadata lines of web pages.\n\
         Source: GB/T 15834-2011 《标点符号用法》 (quotation marks, parentheses and title marks come in pairs).",
    check: Check::Doc(unpaired_marks),
    safe_fix: false,
};

const OPENERS: &str = "《（(“〈【";
const CLOSERS: &str = "》）)”〉】";

fn pair_kind(c: char) -> Option<(usize, bool)> {
    // Asked of every character: a match compiles to a few comparisons. The kinds are the
    // positions in OPENERS and CLOSERS, with ( and （ one kind.
    Some(match c {
        '《' => (0, true),
        '（' | '(' => (1, true),
        '“' => (3, true),
        '〈' => (4, true),
        '【' => (5, true),
        '》' => (0, false),
        '）' | ')' => (1, false),
        '”' => (3, false),
        '〉' => (4, false),
        '】' => (5, false),
        _ => return None,
    })
}

static LINE_ORDINAL_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*([0-9]{1,2}|[一二三四五六七八九十]+|[a-zA-Z])[）)]").unwrap()
});

/// Most openers held open at once. A real text has a few open at a time; past this, the oldest
/// is reported as unclosed there and then, so that a text of nothing but openers holds a bounded
/// stack (and a closer's search of it stays short) rather than an entry per character.
const MOST_OPEN: usize = 4096;

fn unpaired_marks(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // Openers still open: (kind, absolute byte, char, line number). A quotation may run over many
    // paragraphs and a law's 题注 （……通过 / ……修正） over several lines, so openers are carried
    // for a while before they count as unclosed.
    let mut open: VecDeque<(usize, usize, char, usize)> = VecDeque::new();
    let mut report = |at: usize, c: char, opener: bool| {
        let Some(i) = OPENERS
            .chars()
            .position(|o| o == c)
            .or_else(|| CLOSERS.chars().position(|o| o == c))
        else {
            return;
        };
        let (o, cl) = match i {
            2 => ('（', '）'),
            i => (
                OPENERS.chars().nth(i).unwrap_or(c),
                CLOSERS.chars().nth(i).unwrap_or(c),
            ),
        };
        let msg = if opener {
            msg!(
                zh = "“{c}”没有对应的“{cl}”：成对标点缺少后一半，请补上或删去",
                en = "“{c}” has no matching “{cl}”: a paired mark lacks its second half; add it or delete this one"
            )
        } else {
            msg!(
                zh = "“{c}”前面没有对应的“{o}”：成对标点缺少前一半，请补上或删去",
                en = "“{c}” has no matching “{o}” before it: a paired mark lacks its first half; add it or delete this one"
            )
        };
        out.push(text::finding(UNPAIRED_MARKS.id, at, at + c.len_utf8(), msg));
    };
    // How many openers of each kind are open: a closer whose kind has none open would
    // otherwise search the whole stack, once per closer (《）《）… grows with its square).
    let mut open_of_kind = [0usize; 8];
    let carry_lines = |c: char| if c == '“' { 60 } else { 12 };
    let mut n = 0usize;
    for (start, line) in text::lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        if !ctx.is_text_line(start) {
            continue;
        }
        // Openers carried too long are unclosed.
        open.retain(|s| {
            let keep = n - s.3 <= carry_lines(s.2);
            if !keep {
                open_of_kind[s.0] -= 1;
                report(s.1, s.2, true);
            }
            keep
        });
        let t = line.trim_start_matches([' ', '\u{3000}', '\t']);
        // The next paragraph of a quotation starts with “ again.
        if t.starts_with('“') {
            if let Some(s) = open
                .iter()
                .rposition(|s| s.2 == '“' && s.3 < n)
                .and_then(|p| open.remove(p))
            {
                open_of_kind[s.0] -= 1;
            }
        }
        // Asked only of a closer without its opener, which is rare.
        let ordinal_close = || LINE_ORDINAL_CLOSE.find(line).map(|m| m.end() - 1);
        // The marks are ( ) and characters led by the bytes E2, E3 and EF: only those
        // characters are decoded.
        let lb = line.as_bytes();
        let marks = text::merged(
            memchr::memchr3_iter(0xE2, 0xE3, 0xEF, lb),
            memchr::memchr2_iter(b'(', b')', lb),
        );
        for i in marks {
            let Some(c) = line[i..].chars().next() else {
                continue;
            };
            let Some((kind, is_open)) = pair_kind(c) else {
                continue;
            };
            if is_open {
                open.push_back((kind, start + i, c, n));
                open_of_kind[kind] += 1;
                if open.len() > MOST_OPEN {
                    if let Some(s) = open.pop_front() {
                        open_of_kind[s.0] -= 1;
                        report(s.1, s.2, true);
                    }
                }
                continue;
            }
            let p = if open_of_kind[kind] == 0 {
                None
            } else {
                open.iter().rposition(|s| s.0 == kind)
            };
            if let Some(p) = p {
                open_of_kind[kind] -= 1;
                // Openers of this line inside the pair are unclosed; carried ones wait.
                let inner: Vec<_> = open.drain(p..).skip(1).collect();
                for s in inner {
                    if s.3 == n {
                        open_of_kind[s.0] -= 1;
                        report(s.1, s.2, true);
                    } else {
                        open.push_back(s);
                    }
                }
            } else if c == '》' || ordinal_close() != Some(i) {
                report(start + i, c, false);
            }
        }
    }
    for s in open {
        report(s.1, s.2, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_kinds_follow_the_lists_of_marks() {
        let kind = |i: usize| if i == 2 { 1 } else { i };
        for (i, c) in OPENERS.chars().enumerate() {
            assert_eq!(pair_kind(c), Some((kind(i), true)), "{c}");
        }
        for (i, c) in CLOSERS.chars().enumerate() {
            assert_eq!(pair_kind(c), Some((kind(i), false)), "{c}");
        }
        assert_eq!(pair_kind('「'), None);
        assert_eq!(pair_kind('法'), None);
        // unpaired-marks decodes only ( ) and the characters led by these bytes.
        for c in OPENERS.chars().chain(CLOSERS.chars()) {
            let lead = c.to_string().as_bytes()[0];
            assert!(matches!(lead, b'(' | b')' | 0xE2 | 0xE3 | 0xEF), "{c}");
        }
    }
}
