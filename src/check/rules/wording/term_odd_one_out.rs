//! `term-odd-one-out`: a phrase written once with the confusable partner of a word it uses
//! several times elsewhere; the pairs are in `dicts/confusable-pairs.txt`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::entries;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::span::Span;

const PAIRS: &str = include_str!("../../../../dicts/confusable-pairs.txt");

/// `term-odd-one-out`: a phrase written once with the confusable partner of a word it uses
/// several times elsewhere.
pub static TERM_ODD_ONE_OUT: Rule = Rule {
    id: "term-odd-one-out",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "同一术语仅一处写法不同（易混字）",
    doc: "检查：一个词组在文中只出现一次，而把其中易混词换成另一半后的同一词组出现两次以上，如文中多处\n\
          “重大行政决策程序制度”，一处写作“重大行政决策程度制度”。易混词对见 dicts/confusable-pairs.txt\n\
          （程序/程度、法治/法制、制定/制订、截止/截至、权力/权利、部署/布署、其他/其它）。\n\
          原因：同一事物前后用字不一，多是输入法误选；用字以多数处为准。\n\
          错误：严肃落实重大行政决策程度制度（别处均为“程序制度”）\n\
          正确：严肃落实重大行政决策程序制度\n\
          不报告：比较的词组连同易混词须有六个以上汉字且易混词两侧都有字（“维护社会主义法制的统一”与\n          “社会主义法治国家”都对），两种写法各自多次出现时不报告。暂只在单个文件内比较。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）（用字准确）。",
    summary_en: "A term written differently in one place only (confusable characters)",
    doc_en: "Checks: a phrase that occurs once, while the same phrase with its confusable word replaced by the other of\n\
         the pair occurs twice or more, such as “重大行政决策程序制度” in several places and “重大行政决策程度制度”\n\
         in one. The pairs are in dicts/confusable-pairs.txt (程序/程度, 法治/法制, 制定/制订, 截止/截至, 权力/权利,\n\
         部署/布署, 其他/其它).\n\
         Why: the same thing written differently is usually a slip of the input method; the majority form is taken as right.\n\
         Wrong: 严肃落实重大行政决策程度制度 (“程序制度” everywhere else)\n\
         Right: 严肃落实重大行政决策程序制度\n\
         Not reported: the compared phrase must have at least six Chinese characters, confusable word included,\n\
         with characters on both sides of it (“维护社会主义法制的统一” and “社会主义法治国家” are both right); both\n\
         forms occurring several times. Only phrases within one file are compared for now.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (accurate wording).",
    check: Check::Doc(term_odd_one_out),
    safe_fix: false,
};

static PAIR_LIST: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    entries(PAIRS)
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?.to_string(), it.next()?.to_string()))
        })
        .collect()
});

/// Up to `n` ideographs ending at byte `at`, and up to `m` starting at `to`.
fn han_context(text: &str, at: usize, to: usize, n: usize, m: usize) -> Option<(usize, usize)> {
    let mut s = at;
    for (k, c) in text[..at].char_indices().rev().take(n) {
        if !text::is_han(c) {
            return None;
        }
        s = k;
    }
    if text[s..at].chars().count() < n {
        return None;
    }
    let mut e = to;
    for (k, c) in text[to..].char_indices().take(m) {
        if !text::is_han(c) {
            return None;
        }
        e = to + k + c.len_utf8();
    }
    (text[to..e].chars().count() == m).then_some((s, e))
}

/// Ideographs compared before and after a word, in order of preference. Context on both sides:
/// 社会主义法制 and 社会主义法治 are both right (法制的统一).
const WINDOWS: [(usize, usize); 7] = [(4, 2), (2, 4), (3, 2), (2, 3), (3, 1), (1, 3), (2, 2)];

/// Both words of every pair, pattern `2i` and `2i + 1` for pair `i`: one pass over a document
/// tells which pairs it holds at all.
pub(super) static PAIR_WORDS: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(PAIR_LIST.iter().flat_map(|(a, b)| [a, b])));

/// Where each pair word occurs (by pattern number), in text order, from the shared pass over
/// the word lists' `starts`: no pair word overlaps itself (a test holds the list to that), so
/// these are the places `match_indices` finds.
fn pair_places(text: &str, starts: &[u32]) -> Vec<Vec<usize>> {
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); PAIR_LIST.len() * 2];
    for (pattern, p) in PAIR_WORDS.find_overlapping_at(text, starts) {
        at[pattern].push(p);
    }
    at
}

fn term_odd_one_out(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let at = pair_places(text, ctx.list_starts());
    for (i, (a, b)) in PAIR_LIST.iter().enumerate() {
        let (at_a, at_b) = (&at[2 * i], &at[2 * i + 1]);
        if at_a.is_empty() || at_b.is_empty() {
            continue;
        }
        let (ca, cb) = (contexts(text, a, at_a), contexts(text, b, at_b));
        for (common, odd, cc, co, at_odd) in [(a, b, &ca, &cb, at_b), (b, a, &cb, &ca, at_a)] {
            for &p in at_odd {
                let end = p + odd.len();
                let hit = WINDOWS.iter().enumerate().find_map(|(w, &(l, r))| {
                    let (s, e) = han_context(text, p, end, l, r)?;
                    let key = (w, &text[s..p], &text[end..e]);
                    if co.get(&key).map(|c| c.0) != Some(1) {
                        return None;
                    }
                    let &(n, first) = cc.get(&key)?;
                    let other = format!("{}{common}{}", key.1, key.2);
                    (n >= 2).then(|| (text[s..e].to_string(), other, first, n))
                });
                if let Some((written, other, first, n)) = hit {
                    out.push(
                        text::finding(
                            TERM_ODD_ONE_OUT.id,
                            p,
                            end,
                            msg!(
                                zh = "“{written}”仅此一处，文中另有{n}处写作“{other}”：“{odd}”疑为“{common}”之误",
                                en = "“{written}” occurs only here, while the text writes “{other}” in {n} places: “{odd}” is likely a mistake for “{common}”"
                            ),
                        )
                        .with_related(Span::new(first, first + other.len())),
                    );
                }
            }
        }
    }
}

/// Context key of an occurrence: which window, the ideographs before and after.
type ContextKey<'t> = (usize, &'t str, &'t str);

/// For every occurrence of `word` (at the offsets `at`, in order) and every context window
/// around it, how often the word occurs in that same context and where the first such phrase
/// starts — counted in one pass over the occurrences, instead of searching the whole text for
/// each phrase.
fn contexts<'t>(
    text: &'t str,
    word: &str,
    at: &[usize],
) -> FxHashMap<ContextKey<'t>, (usize, usize)> {
    let mut map: FxHashMap<ContextKey<'t>, (usize, usize)> = FxHashMap::default();
    for &p in at {
        let end = p + word.len();
        for (w, &(l, r)) in WINDOWS.iter().enumerate() {
            if let Some((s, e)) = han_context(text, p, end, l, r) {
                map.entry((w, &text[s..p], &text[end..e]))
                    .or_insert((0, s))
                    .0 += 1;
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::wording::LIST_STARTS;

    #[test]
    fn no_pair_word_overlaps_itself() {
        for (a, b) in PAIR_LIST.iter() {
            for w in [a, b] {
                let cs: Vec<char> = w.chars().collect();
                for k in 1..cs.len() {
                    assert_ne!(cs[..k], cs[cs.len() - k..], "{w}");
                }
            }
        }
    }

    #[test]
    fn the_shared_pass_finds_what_match_indices_finds() {
        let mut seen = 0;
        for text in crate::corpus_texts() {
            let at = pair_places(&text, &LIST_STARTS.scan(&text));
            for (i, (a, b)) in PAIR_LIST.iter().enumerate() {
                for (w, found) in [(a, &at[2 * i]), (b, &at[2 * i + 1])] {
                    let want: Vec<usize> = text.match_indices(w.as_str()).map(|m| m.0).collect();
                    assert_eq!(found, &want, "{w}");
                    seen += want.len();
                }
            }
        }
        assert!(seen > 50, "{seen}");
    }
}
