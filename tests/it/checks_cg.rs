//! Punctuation, numbering, number, wording and attachment rules over drafts with planted errors
//! and over correct look-alikes.

use std::collections::BTreeMap;

use gongwen::check::Checker;
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::{corpus_text, root};

/// The rules of this area (cjk-one-as-dash has its own tests).
const RULES: &[&str] = &[
    "halfwidth-punct-in-cjk",
    "range-mark-form",
    "quote-form",
    "unpaired-marks",
    "duplicate-punct",
    "heading-trailing-period",
    "ellipsis-form",
    "fullwidth-colon",
    "space-in-cjk",
    "heading-number-form",
    "heading-number-sequence",
    "heading-level-order",
    "year-abbrev",
    "date-zero-padding",
    "signoff-date-chinese",
    "date-invalid",
    "zero-glyph",
    "fullwidth-digits",
    "numeral-mixing",
    "range-unit-omission",
    "approx-adjacent-dunhao",
    "numeric-wording",
    "yu-position",
    "session-numerals",
    "thousands-separator",
    "term-odd-one-out",
    "fazhi-vs-fazhi",
    "confusable-lexicon",
    "repeated-token",
    "placeholder-residue",
    "traditional-variant-chars",
    "outdated-institution",
    "canonical-phrase",
    "attachment-note-form",
    "attachment-note-mismatch",
];

fn findings(name: &str, text: &str) -> Vec<(String, String)> {
    let doc = Document::from_text(name, text);
    analyse(&doc, Segmenter::global(), &Checker::default_rules())
        .findings
        .into_iter()
        .map(|f| (f.rule.to_string(), f.text))
        .collect()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/drafts-cg").join(name)).unwrap()
}

#[test]
fn every_rule_finds_its_planted_error() {
    let found = findings("planted.txt", &fixture("planted.txt"));
    let mut by_rule: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (r, t) in &found {
        by_rule.entry(r.as_str()).or_default().push(t.as_str());
    }
    let missed: Vec<&&str> = RULES
        .iter()
        .filter(|r| !by_rule.contains_key(**r))
        .collect();
    assert!(missed.is_empty(), "missed: {missed:?}\nfound: {by_rule:#?}");
    // The flagged text is the planted error itself.
    let has = |rule: &str, text: &str| by_rule[rule].contains(&text);
    assert!(has("term-odd-one-out", "程度"));
    assert!(has("heading-number-form", "（一）、"));
    assert!(has("heading-number-form", "1、"));
    assert!(has("range-mark-form", "3——6月"));
    assert!(has("year-abbrev", "24年"));
    assert!(has("date-zero-padding", "2025年04月30日"));
    assert!(has("date-invalid", "2025年2月29日"));
    assert!(has("zero-glyph", "二○二四年"));
    assert!(has("numeral-mixing", "6千"));
    assert!(has("yu-position", "7余万"));
    assert!(has("repeated-token", "的的"));
    assert!(has("placeholder-residue", "××"));
    assert!(has("confusable-lexicon", "截止"));
    assert!(has("confusable-lexicon", "布署"));
    assert!(has("canonical-phrase", "“两个拥护”"));
    assert!(has("attachment-note-mismatch", "临川市公共信用修复细则"));
    assert!(has("signoff-date-chinese", "二〇二五年一月二十二日"));
    assert!(has("approx-adjacent-dunhao", "5、6个"));
    assert!(has("session-numerals", "第8次代表大会"));
    assert!(has("heading-number-sequence", "（二）"));
    assert!(has("heading-number-sequence", "三是"));
}

#[test]
fn correct_look_alikes_are_not_flagged() {
    let found = findings("lookalike.txt", &fixture("lookalike.txt"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_punctuation_style_is_one_finding() {
    // Twelve sentences joined by ASCII commas: one finding that counts them.
    let text = "平江县坚持依法行政,推进政务公开,".repeat(6) + "取得实效。\n";
    let found = findings("style.txt", &text);
    let half: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "halfwidth-punct-in-cjk")
        .collect();
    assert_eq!(half.len(), 1, "{found:?}");
    let doc = Document::from_text("style.txt", text.as_str());
    let a = analyse(&doc, Segmenter::global(), &Checker::default_rules());
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "halfwidth-punct-in-cjk")
        .unwrap();
    assert!(f.message.contains("共12处"), "{}", f.message);
    assert_eq!((f.at.line, f.at.column), (1, 10));
}

#[test]
fn the_seed_yields_only_its_real_problems() {
    let text = corpus_text("baoshan-fzzf-report-2022.txt");
    let found = findings("seed.txt", &text);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (r, _) in &found {
        *counts.entry(r.as_str()).or_default() += 1;
    }
    assert_eq!(counts.get("cjk-one-as-dash"), Some(&3));
    assert_eq!(counts.get("halfwidth-punct-in-cjk"), Some(&1));
    assert_eq!(counts.get("term-odd-one-out"), Some(&1));
    let odd = found.iter().find(|f| f.0 == "term-odd-one-out").unwrap();
    assert_eq!(odd.1, "程度");
    let others: Vec<_> = found
        .iter()
        .filter(|f| {
            ![
                "cjk-one-as-dash",
                "halfwidth-punct-in-cjk",
                "term-odd-one-out",
            ]
            .contains(&f.0.as_str())
        })
        .filter(|f| RULES.contains(&f.0.as_str()))
        .collect();
    assert!(others.is_empty(), "{others:#?}");
}
