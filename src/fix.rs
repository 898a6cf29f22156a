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

/// What fixing one text did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied, per rule, in the order of the rules' first fix.
    pub counts: Vec<(&'static str, usize)>,
}

/// Checks `text` as the document `file` and applies the safe fixes, round after round until
/// nothing changes. `checker` should report every occurrence (`Checker::verbose`).
pub fn fix_text(file: &str, text: &str, seg: &Segmenter, checker: &Checker) -> Fixed {
    let mut current = text.to_string();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
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
        current = apply(&current, &edits);
    }
    Fixed {
        text: current,
        counts,
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
}
