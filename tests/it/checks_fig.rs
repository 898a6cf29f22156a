//! Rules over figures (rate-overflow, sum-mismatch, metric-inconsistent) over drafts with
//! planted errors and over correct look-alikes.

use gongwen::check::{BatchDoc, Checker};
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::root;

const RULES: &[&str] = &["rate-overflow", "sum-mismatch", "metric-inconsistent"];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/drafts-fig").join(name)).unwrap()
}

/// The findings of this area's rules in one document, and what the batch rules see of it.
fn check(name: &str) -> (Vec<(String, String)>, BatchDoc) {
    let doc = Document::from_text(name, fixture(name));
    let a = analyse(&doc, Segmenter::global(), &Checker::default_rules());
    let found = a
        .findings
        .into_iter()
        .filter(|f| RULES.contains(&f.rule))
        .map(|f| (f.rule.to_string(), f.text))
        .collect();
    (found, a.batch)
}

fn text_findings(text: &str) -> Vec<(String, String)> {
    let doc = Document::from_text("inline.txt", text);
    analyse(&doc, Segmenter::global(), &Checker::default_rules())
        .findings
        .into_iter()
        .filter(|f| RULES.contains(&f.rule))
        .map(|f| (f.rule.to_string(), f.text))
        .collect()
}

fn pair(rule: &str, text: &str) -> (String, String) {
    (rule.to_string(), text.to_string())
}

#[test]
fn every_rule_finds_its_planted_error() {
    let (found, _) = check("planted.txt");
    assert_eq!(
        found,
        vec![
            pair("sum-mismatch", "73起"),
            pair("rate-overflow", "101.6%"),
            pair("rate-overflow", "9.1%、41.5%、52.3%"),
            pair("metric-inconsistent", "241件"),
        ],
        "{found:#?}"
    );
}

#[test]
fn lookalikes_stay_silent() {
    let (found, _) = check("lookalike.txt");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn batch_compares_the_same_place_and_year_only() {
    let docs: Vec<BatchDoc> = ["lookalike.txt", "planted.txt", "summary.txt"]
        .iter()
        .map(|n| check(n).1)
        .collect();
    let found = Checker::default_rules().check_batch(&docs);
    let ours: Vec<(String, &str)> = found
        .iter()
        .filter(|l| l.rule == "metric-inconsistent")
        .map(|l| (l.text.clone(), l.at.file.as_str()))
        .collect();
    // 平江县 214件 (look-alike and report) against 241件 (report) and 228件 (summary); 临川市's 305件
    // is another place and is never compared.
    assert_eq!(
        ours,
        vec![
            ("241件".to_string(), "planted.txt"),
            ("228件".to_string(), "summary.txt"),
        ],
        "{found:#?}"
    );
    let summary = found.iter().find(|l| l.text == "228件").unwrap();
    assert!(summary.message.contains("214件"), "{}", summary.message);
    assert_eq!(summary.related.len(), 1);
}

#[test]
fn batch_needs_the_same_year() {
    let mut docs: Vec<BatchDoc> = ["planted.txt", "summary.txt"]
        .iter()
        .map(|n| check(n).1)
        .collect();
    assert!(!docs[1].metrics.is_empty());
    for m in &mut docs[1].metrics {
        m.key = m.key.replace("2024", "2023");
    }
    let found = Checker::default_rules().check_batch(&docs);
    assert!(
        !found.iter().any(|l| l.rule == "metric-inconsistent"),
        "{found:#?}"
    );
}

#[test]
fn rates_that_may_exceed_100_are_left_alone() {
    for ok in [
        "全县新能源产业产值增长150%。",
        "全年化债任务完成率达120%。",
        "全县行政复议案件结案率较上年提高120%。",
        "全县行政复议案件结案率为100%，办结率为99.5%。",
    ] {
        assert!(text_findings(ok).is_empty(), "{ok}");
    }
    assert_eq!(
        text_findings("全市政务服务事项网上办理覆盖率达到102%。"),
        vec![pair("rate-overflow", "102%")]
    );
    assert_eq!(
        text_findings("全县抽检合格率分别为98.5%、100.8%。"),
        vec![pair("rate-overflow", "100.8%")]
    );
}

#[test]
fn sums_respect_rounding_and_subsets() {
    // Decimals that add up once rounded.
    assert!(
        text_findings("累计发放资金3.5亿元，其中中央资金1.22亿元、省级资金2.27亿元。").is_empty()
    );
    // A list that names only some parts.
    assert!(text_findings("全年共办理建议120件，其中重点建议15件、督办件8件。").is_empty());
    // Different units in the list.
    assert!(
        text_findings("共查处案件50起，其中涉企案件30起、涉及企业12家，涉民案件18起。").is_empty()
    );
    assert_eq!(
        text_findings("共受理投诉举报56件，其中投诉30件、举报24件。"),
        vec![pair("sum-mismatch", "56件")]
    );
}
