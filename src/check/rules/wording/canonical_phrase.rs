//! `canonical-phrase`: a fixed political phrase of `dicts/canonical-phrases.txt` written with
//! one wrong character.

use std::sync::LazyLock;

use super::entries;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

const PHRASES: &str = include_str!("../../../../dicts/canonical-phrases.txt");

/// `canonical-phrase`: a near miss of a fixed formulation.
pub static CANONICAL_PHRASE: Rule = Rule {
    id: "canonical-phrase",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "固定政治表述有错字",
    doc: "检查：与 dicts/canonical-phrases.txt 所列固定表述（习近平法治思想、“两个维护”、“四个意识”、\n\
          全过程人民民主等）长度相同、只差一个字的写法。\n\
          原因：固定表述一字不能错，错字属于严重差错。\n\
          错误：做到“两个拥护” · 习近平法制思想\n\
          正确：做到“两个维护” · 习近平法治思想\n\
          不报告：首尾字不同（“的发展格局”是别的词连着“发展格局”）；数目字不同（“三位一体”是另一提法）；\n          差一个字后仍是表中另一条表述的写法；一字之差也正确的表述（全面依法治省）不收入表中。\n\
          依据：中央文件的规范表述。",
    summary_en: "Miswritten character in a fixed political phrase",
    doc_en: "Checks: a phrase of the same length as a fixed phrase of dicts/canonical-phrases.txt (习近平法治思想, “两个维护”,\n\
         “四个意识”, 全过程人民民主 and others) that differs from it by one character.\n\
         Why: a fixed phrase must be exact to the character; a wrong character in one is a serious error.\n\
         Wrong: 做到“两个拥护” · 习近平法制思想\n\
         Right: 做到“两个维护” · 习近平法治思想\n\
         Not reported: a different first or last character (“的发展格局” is another word joined to “发展格局”); different\n\
         numerals (“三位一体” is another phrase); forms that are another phrase of the list; phrases that are also\n\
         right with one character changed (全面依法治省) are not listed.\n\
         Source: the standard wording of central documents.",
    check: Check::Doc(canonical_phrase),
    safe_fix: false,
};

static PHRASE_LIST: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    entries(PHRASES)
        .map(|l| l.chars().collect::<Vec<_>>())
        .filter(|p| p.len() >= 4)
        .collect()
});

/// The first and the second half of every phrase, patterns `2i` and `2i + 1` for phrase `i`:
/// a phrase with one wrong character still has one half intact, and one pass over a document
/// finds every such half of every phrase.
pub(super) static PHRASE_HALVES: LazyLock<text::Needles> = LazyLock::new(|| {
    text::Needles::new(PHRASE_LIST.iter().flat_map(|p| {
        let half = p.len() / 2;
        [
            p[..half].iter().collect::<String>(),
            p[half..].iter().collect::<String>(),
        ]
    }))
});

fn canonical_phrase(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // Where each phrase could start, by phrase: an earlier phrase of the list wins a place.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (pattern, start) in PHRASE_HALVES.find_overlapping_at(text, ctx.list_starts()) {
        let i = pattern / 2;
        if pattern % 2 == 0 {
            candidates.push((i, start));
        } else {
            let half = PHRASE_LIST[i].len() / 2;
            let back = text[..start].char_indices().rev().nth(half - 1);
            candidates.extend(back.map(|(k, _)| (i, k)));
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut seen: Vec<usize> = Vec::new();
    for (i, s) in candidates {
        let phrase = &PHRASE_LIST[i];
        let n = phrase.len();
        let window: Vec<char> = text[s..].chars().take(n).collect();
        if window.len() != n {
            continue;
        }
        let diff: Vec<usize> = (0..n).filter(|&k| window[k] != phrase[k]).collect();
        // An edge character belongs to the neighbouring word (的发展格局), and a different
        // count (“三位一体”) is a different formulation.
        let numeral = |c: char| "一二三四五六七八九十两".contains(c);
        if diff.len() != 1
            || diff[0] == 0
            || diff[0] == n - 1
            || !text::is_han(window[diff[0]])
            || (numeral(window[diff[0]]) && numeral(phrase[diff[0]]))
            || PHRASE_LIST.contains(&window)
        {
            continue;
        }
        if seen.contains(&s) {
            continue;
        }
        seen.push(s);
        let written: String = window.iter().collect();
        let right: String = phrase.iter().collect();
        out.push(
            text::finding(
                CANONICAL_PHRASE.id,
                s,
                s + written.len(),
                msg!(
                    zh = "固定表述有错字：“{written}”应为“{right}”",
                    en = "A miswritten set phrase: write “{right}”, not “{written}”"
                ),
            )
            .with_replacement(right.as_str()),
        );
    }
}
