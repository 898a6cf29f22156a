//! Safe fixes: the replacements of the rules marked safe, applied to a text.
//!
//! A fix is applied only where its rule is safe and no other finding that states a different
//! fix (one a person must judge) overlaps it; of two safe fixes that overlap, the one starting
//! first (the longer at the same start) wins and the other waits for the next round. Rounds go
//! on until the text no longer changes, so that running the fixes again changes nothing.

use crate::check::{self, Checker, Located};
use crate::document::Document;
use crate::pipeline::analyse;
use crate::segment::Segmenter;
use crate::span::Span;

/// One replacement of a byte span of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
    pub rule: &'static str,
}

/// Most rounds of checking and fixing: each round fixes what the previous one's fixes uncovered
/// or left waiting; a text needing more is left as it is after the last.
const MAX_ROUNDS: usize = 6;

/// Whether the fixes of `rule` may be applied without a person reading them.
pub fn is_safe(rule: &str) -> bool {
    check::rule(rule).is_some_and(|r| r.safe_fix)
}

/// The edits to apply to `text` among `findings` (of that text): safe, not overlapping each
/// other nor any finding whose different fix needs a person. In text order.
pub fn plan(text: &str, findings: &[Located]) -> Vec<Edit> {
    let mut held: Vec<Span> = findings
        .iter()
        .filter(|f| f.replacement.is_some() && !is_safe(f.rule))
        .map(|f| f.span)
        .collect();
    held.sort_by_key(|s| (s.start, s.end));
    let mut safe: Vec<&Located> = findings
        .iter()
        .filter(|f| is_safe(f.rule))
        .filter(|f| {
            f.replacement
                .as_deref()
                .is_some_and(|r| text.get(f.span.start..f.span.end) != Some(r))
        })
        .collect();
    safe.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out: Vec<Edit> = Vec::new();
    let mut h = 0;
    // The furthest end of the held spans starting before the current edit's end.
    let mut held_end = 0usize;
    let mut last_end = 0usize;
    for f in safe {
        let s = f.span;
        if !out.is_empty() && s.start < last_end {
            continue;
        }
        while h < held.len() && held[h].start < s.end.max(s.start + 1) {
            held_end = held_end.max(held[h].end);
            h += 1;
        }
        // A held span starting before this edit's end overlaps it unless it ended before it.
        if held_end > s.start {
            continue;
        }
        last_end = s.end;
        out.push(Edit {
            span: s,
            text: f.replacement.clone().unwrap_or_default(),
            rule: f.rule,
        });
    }
    out
}

/// `text` with `edits` (in text order, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `base` (edits of an original text that give `current`) followed by `next` (edits of
/// `current`), as edits of the original text: in text order, not overlapping. Edits of the two
/// lists that overlap or touch become one. One pass over both lists.
pub fn compose(base: &[Edit], current: &str, next: &[Edit]) -> Vec<Edit> {
    // Each base edit's place in `current`.
    let mut shift = 0isize;
    let placed: Vec<(usize, usize)> = base
        .iter()
        .map(|e| {
            let s = e.span.start.saturating_add_signed(shift);
            shift += e.text.len() as isize - (e.span.end - e.span.start) as isize;
            (s, s + e.text.len())
        })
        .collect();
    let mut out = Vec::with_capacity(base.len() + next.len());
    let (mut i, mut j) = (0, 0);
    // `current` minus original, before base edit `i`.
    let mut delta = 0isize;
    while i < base.len() || j < next.len() {
        let (first_i, first_j) = (i, j);
        let from_base = j == next.len() || (i < base.len() && placed[i].0 <= next[j].span.start);
        let (c0, mut c1) = if from_base {
            i += 1;
            placed[i - 1]
        } else {
            j += 1;
            (next[j - 1].span.start, next[j - 1].span.end)
        };
        loop {
            if i < base.len() && placed[i].0 <= c1 {
                c1 = c1.max(placed[i].1);
                i += 1;
            } else if j < next.len() && next[j].span.start <= c1 {
                c1 = c1.max(next[j].span.end);
                j += 1;
            } else {
                break;
            }
        }
        let cluster = &base[first_i..i];
        let delta_after = cluster.iter().fold(delta, |d, e| {
            d + e.text.len() as isize - (e.span.end - e.span.start) as isize
        });
        if j == first_j {
            out.extend_from_slice(cluster);
        } else {
            let start = match cluster.first() {
                Some(e) if from_base => e.span.start,
                _ => c0.saturating_add_signed(-delta),
            };
            let end = match (cluster.last(), placed[first_i..i].last()) {
                (Some(e), Some(p)) if p.1 == c1 => e.span.end,
                _ => c1.saturating_add_signed(-delta_after),
            };
            let mut text = String::new();
            let mut at = c0;
            for e in &next[first_j..j] {
                text.push_str(&current[at..e.span.start]);
                text.push_str(&e.text);
                at = e.span.end;
            }
            text.push_str(&current[at..c1]);
            out.push(Edit {
                span: Span::new(start, end),
                text,
                rule: next[first_j].rule,
            });
        }
        delta = delta_after;
    }
    out
}

/// What fixing one text did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied, per rule, in the order of the rules' first fix.
    pub counts: Vec<(&'static str, usize)>,
    /// The edits of the original text that give `text`, all rounds together.
    pub edits: Vec<Edit>,
}

/// Checks `text` as the document `file` and applies the safe fixes, round after round until
/// nothing changes. `checker` should report every occurrence (`Checker::verbose`).
pub fn fix_text(file: &str, text: &str, seg: &Segmenter, checker: &Checker) -> Fixed {
    let mut current = text.to_string();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let mut all: Vec<Edit> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let doc = Document::from_text(file, current.as_str());
        let findings = analyse(&doc, seg, checker).findings;
        let edits = plan(&current, &findings);
        if edits.is_empty() {
            break;
        }
        for e in &edits {
            match counts.iter_mut().find(|(r, _)| *r == e.rule) {
                Some((_, n)) => *n += 1,
                None => counts.push((e.rule, 1)),
            }
        }
        all = compose(&all, &current, &edits);
        current = apply(&current, &edits);
    }
    Fixed {
        text: current,
        counts,
        edits: all,
    }
}

/// A unified diff of `old` and `new`, with `file` in the headers; empty when they are equal.
pub fn unified_diff(file: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(&side("a", file), &side("b", file))
        .to_string()
}

/// A side of a diff header: `a/` or `b/` before a relative path, as patch tools expect; an
/// absolute path as it is.
fn side(prefix: &str, file: &str) -> String {
    if file.starts_with('/') {
        file.to_string()
    } else {
        format!("{prefix}/{file}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(rule: &'static str, start: usize, end: usize, r: Option<&str>) -> Located {
        Located {
            at: check::Location {
                file: "t".into(),
                line: 1,
                column: 1,
                page: None,
            },
            span: Span::new(start, end),
            rule,
            severity: check::Severity::Error,
            message: String::new(),
            text: String::new(),
            related: Vec::new(),
            excerpt: None,
            end_line: 1,
            end_column: 1,
            replacement: r.map(str::to_string),
        }
    }

    #[test]
    fn plan_keeps_safe_fixes_that_overlap_nothing_a_person_must_judge() {
        let text = "ab,cd(ef)gh";
        let findings = [
            located("halfwidth-punct-in-cjk", 2, 3, Some("，")),
            // Overlapped by a fix that needs a person: left.
            located("halfwidth-punct-in-cjk", 5, 6, Some("（")),
            located("canonical-phrase", 4, 7, Some("xyz")),
            // Overlapping the first safe fix: waits for the next round.
            located("duplicate-punct", 2, 4, Some("，")),
            // A finding with no fix holds nothing back.
            located("title-near-duplicate", 7, 9, None),
            located("halfwidth-punct-in-cjk", 8, 9, Some("）")),
        ];
        let edits = plan(text, &findings);
        let spans: Vec<(usize, usize)> = edits.iter().map(|e| (e.span.start, e.span.end)).collect();
        assert_eq!(spans, vec![(2, 4), (8, 9)]);
        assert_eq!(apply(text, &edits), "ab，d(ef）gh");
    }

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            text: text.into(),
            rule: "r",
        }
    }

    #[test]
    fn composed_edits_give_what_the_rounds_gave() {
        let original = "ab,cd,,ef(gh)ij";
        let base = vec![edit(2, 3, "，"), edit(5, 7, "，"), edit(9, 10, "（")];
        let current = apply(original, &base);
        assert_eq!(current, "ab，cd，ef（gh)ij");
        // Over a base edit's text, touching one, and in text no base edit changed.
        let next = vec![edit(2, 5, "、"), edit(10, 11, "E"), edit(17, 18, "）")];
        let fixed = apply(&current, &next);
        let composed = compose(&base, &current, &next);
        assert_eq!(apply(original, &composed), fixed);
        let spans: Vec<(usize, usize)> = composed
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        assert_eq!(spans, vec![(2, 3), (5, 8), (9, 10), (12, 13)]);
        // Edits of a later round only: as they are.
        assert_eq!(compose(&[], original, &base), base);
        assert_eq!(compose(&base, &current, &[]), base);
    }

    /// Edits of `text` from raw picks: (character position, length, replacement), made
    /// non-overlapping and put in text order.
    fn edits_of(text: &str, picks: &[(usize, usize, String)]) -> Vec<Edit> {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut spans: Vec<(usize, usize, &str)> = picks
            .iter()
            .map(|(at, len, r)| {
                let s = at % bounds.len();
                (s, (s + len % 3).min(bounds.len() - 1), r.as_str())
            })
            .collect();
        spans.sort();
        let mut out: Vec<Edit> = Vec::new();
        let mut reach = 0;
        for (s, e, r) in spans {
            // Not overlapping, and no two insertions at one place.
            if s < reach || (s == reach && !out.is_empty() && s == e) {
                continue;
            }
            reach = e.max(s + 1);
            out.push(edit(bounds[s], bounds[e], r));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn composing_two_rounds_gives_what_applying_them_in_turn_gives(
            text in "[a,，一—其它 ]{0,24}",
            first in proptest::collection::vec((0usize..30, 0usize..3, "[，—他x]{0,2}"), 0..6),
            second in proptest::collection::vec((0usize..40, 0usize..3, "[，—他y]{0,2}"), 0..6),
        ) {
            let base = edits_of(&text, &first);
            let current = apply(&text, &base);
            let next = edits_of(&current, &second);
            let composed = compose(&base, &current, &next);
            proptest::prop_assert_eq!(apply(&text, &composed), apply(&current, &next));
            for w in composed.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start);
            }
        }
    }

    #[test]
    fn the_edits_of_every_round_give_the_fixed_report() {
        let text = include_str!("../corpus/baoshan-fzzf-report-2022.txt");
        let seg = Segmenter::new();
        let checker = Checker::default_rules().verbose(true);
        let fixed = fix_text("r.txt", text, &seg, &checker);
        assert!(fixed.edits.len() >= 100, "{}", fixed.edits.len());
        assert_eq!(apply(text, &fixed.edits), fixed.text);
    }
}
