//! One place, one finding: a general rule yields to the specific one on the same characters.

use super::finding::Located;
use crate::span::Span;

/// Pairs of rules that can flag the same characters, the general one first: where both flag
/// overlapping text, only the specific one is reported, so that a place gets one finding and
/// never two fixes that disagree.
const YIELDS_TO: &[(&str, &str)] = &[
    // 4.5-5%: the specific fix (4.5%—5%) mends the mark too.
    ("range-mark-form", "range-unit-omission"),
    // The parentheses of a citation's edition note: the citation rule says what they enclose.
    ("halfwidth-punct-in-cjk", "citation-paren-width"),
    // 其它 once among 其他: the word's norm is the reason, the document's usage only a hint.
    ("term-odd-one-out", "confusable-lexicon"),
];

/// The rules whose finding replaces one of rule `id` at the same place.
pub fn yields_to(id: &str) -> impl Iterator<Item = &'static str> + '_ {
    YIELDS_TO
        .iter()
        .filter(move |(general, _)| *general == id)
        .map(|(_, specific)| *specific)
}

/// Drops each finding of a general rule whose span overlaps a finding of a rule it yields to.
pub(super) fn one_finding_per_place(out: &mut Vec<Located>) {
    for (general, specific) in YIELDS_TO {
        let mut spans: Vec<Span> = out
            .iter()
            .filter(|l| l.rule == *specific)
            .map(|l| l.span)
            .collect();
        if spans.is_empty() || !out.iter().any(|l| l.rule == *general) {
            continue;
        }
        spans.sort_by_key(|s| s.start);
        // The furthest end among the spans starting up to each one: a general span overlaps
        // some specific span iff one starting before its end reaches past its start.
        let reach: Vec<usize> = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        out.retain(|l| {
            if l.rule != *general {
                return true;
            }
            let before_end = spans.partition_point(|s| s.start < l.span.end.max(l.span.start + 1));
            before_end == 0 || reach[before_end - 1] <= l.span.start
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{rule, Checker, Config};
    use crate::document::Document;

    #[test]
    fn one_place_gets_one_finding() {
        for (general, specific) in YIELDS_TO {
            assert!(
                rule(general).is_some() && rule(specific).is_some(),
                "{general}"
            );
        }
        let checker = Checker::new(&Config::default());
        let seg = crate::segment::Segmenter::global();
        let rules_at = |text: &str| -> Vec<&'static str> {
            let doc = Document::from_text("a.txt", text);
            crate::pipeline::analyse(&doc, seg, &checker)
                .findings
                .iter()
                .map(|l| l.rule)
                .collect()
        };
        assert_eq!(rules_at("全年增长4.5-5%。\n"), ["range-unit-omission"]);
        // Apart, each is reported.
        assert_eq!(
            rules_at("全年增长4.5%-5%，完成8%—10%。\n"),
            ["range-mark-form"]
        );
    }
}
