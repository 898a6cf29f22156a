//! The document-number and citation rules (rules.md §A and §B) over a batch of drafts with planted
//! errors and correct look-alikes, and over the seed report.

use std::collections::BTreeSet;
use std::process::Command;

use crate::common::{bin, root};

/// The rules under test.
const RULES: &[&str] = &[
    "docno-bracket-form",
    "docno-year-full",
    "docno-serial-di",
    "docno-serial-leading-zero",
    "docno-missing-hao",
    "docno-spacing",
    "docno-agency-mismatch",
    "docno-title-conflict",
    "title-docno-conflict",
    "docno-year-future",
    "citation-order",
    "citation-paren-width",
    "title-agency-informal",
    "title-near-duplicate",
    "title-variant-punct",
    "abbrev-undeclared",
    "law-name-prefix",
    "title-nested-marks",
    "title-marks-misuse",
    "title-enum-dunhao",
];

/// Every planted error: (file, rule, flagged text, related file or "" when none).
const PLANTED: &[(&str, &str, &str, &str)] = &[
    ("d1", "docno-bracket-form", "澄政发［2020］44号", ""),
    ("d1", "docno-year-full", "澄教发〔25〕19号", ""),
    ("d1", "docno-serial-di", "临政发〔2024〕第8号", ""),
    ("d1", "citation-paren-width", "(临川市人民政府令第58号)", ""),
    ("d2", "docno-serial-leading-zero", "桐政发〔2024〕003号", ""),
    ("d2", "docno-missing-hao", "澄卫发〔2020〕41", ""),
    ("d2", "docno-spacing", "澄人社发 〔2024〕 12 号", ""),
    ("d2", "title-enum-dunhao", "》、《", ""),
    ("d2", "law-name-prefix", "《安全生产法》", ""),
    ("d2", "title-marks-misuse", "《行政执法技能大比武》", ""),
    (
        "d2",
        "title-nested-marks",
        "《关于印发《江澄省政务公开工作细则》的通知》",
        "",
    ),
    ("d2", "docno-agency-mismatch", "桐府办发〔2024〕29号", "d2"),
    ("d2", "docno-year-future", "桐府发〔2027〕5号", ""),
    (
        "d2",
        "title-docno-conflict",
        "《临川市人民政府关于推进一网通办的实施意见》",
        "d1",
    ),
    (
        "d3",
        "citation-order",
        "澄财预〔2020〕53号《江澄省财政厅关于规范专项资金管理的通知》",
        "",
    ),
    ("d3", "citation-order", "澄政发〔2023〕15号", ""),
    ("d3", "title-agency-informal", "江澄省政府", ""),
    ("d3", "abbrev-undeclared", "《采购法》", ""),
    ("d3", "abbrev-undeclared", "《实施纲要》", "d3"),
    (
        "d3",
        "docno-title-conflict",
        "《临川市人民政府关于提升基层应急管理能力的实施意见》",
        "d1",
    ),
    (
        "d4",
        "title-variant-punct",
        "《临川市法治政府建设规划(2021一2025年)》",
        "d4",
    ),
    (
        "d4",
        "title-near-duplicate",
        "《江澄省重大行政决策规定》",
        "d4",
    ),
    ("d4", "title-docno-conflict", "平政发〔2024〕17号", "d4"),
    (
        "d4",
        "docno-title-conflict",
        "《平江县人民政府关于加强耕地保护的意见》",
        "d4",
    ),
    ("d6", "title-near-duplicate", "《临川市城市供水办法》", "d5"),
    (
        "d6",
        "title-variant-punct",
        "《江澄省法治社会建设实施纲要2021—2025年》",
        "d3",
    ),
];

fn findings(args: &[&str]) -> Vec<(String, String, String, String, String)> {
    let o = Command::new(bin())
        .current_dir(root())
        .arg("check")
        .args(args)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(
        o.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut r = csv::ReaderBuilder::new().from_reader(&o.stdout[..]);
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let short = |s: &str| {
                let name = s.rsplit('/').next().unwrap_or(s);
                name.get(..2).unwrap_or(name).to_string()
            };
            let related = rec[7].split(';').next().unwrap_or("").to_string();
            (
                short(&rec[0]),
                rec[3].to_string(),
                rec[6].to_string(),
                if related.is_empty() {
                    String::new()
                } else {
                    short(&related)
                },
                rec[5].to_string(),
            )
        })
        .filter(|f| RULES.contains(&f.1.as_str()))
        .collect()
}

#[test]
fn drafts_every_planted_error_and_nothing_else() {
    let got = findings(&["tests/fixtures/drafts"]);
    let got_set: BTreeSet<(String, String, String, String)> = got
        .iter()
        .map(|(f, r, t, rel, _)| (f.clone(), r.clone(), t.clone(), rel.clone()))
        .collect();
    assert_eq!(
        got_set.len(),
        got.len(),
        "a problem reported twice: {got:#?}"
    );
    let want: BTreeSet<(String, String, String, String)> = PLANTED
        .iter()
        .map(|&(f, r, t, rel)| (f.into(), r.into(), t.into(), rel.into()))
        .collect();
    // Recall per rule: every planted error of every rule is found.
    for rule in RULES {
        let planted: Vec<_> = want.iter().filter(|w| w.1 == *rule).collect();
        assert!(!planted.is_empty(), "no planted error for {rule}");
        let missed: Vec<_> = planted.iter().filter(|w| !got_set.contains(w)).collect();
        assert!(missed.is_empty(), "{rule} missed {missed:?}");
    }
    // Zero findings on the look-alikes: nothing but the planted errors.
    let extra: Vec<_> = got_set.difference(&want).collect();
    assert!(extra.is_empty(), "false findings: {extra:#?}");
    // Messages say what is wrong and what is right.
    for (_, rule, _, _, message) in &got {
        assert!(
            message.contains("应")
                && message
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{rule}: {message}"
        );
    }
}

#[test]
fn seed_report_citation_and_number_problems_each_once() {
    let got = findings(&["corpus/baoshan-fzzf-report-2022.txt"]);
    let got: BTreeSet<(String, String, String)> = got
        .into_iter()
        .map(|(_, r, t, rel, _)| (r, t, rel))
        .collect();
    let rel = "ba".to_string();
    let want: BTreeSet<(String, String, String)> = [
        ("docno-bracket-form", "保政发﹝2022﹞10号", ""),
        ("title-docno-conflict", "云政发〔2019〕67号", "ba"),
        ("title-agency-informal", "云南省政府办公厅", "ba"),
        ("title-near-duplicate", "《云南省重大行政决策规定》", "ba"),
        (
            "title-variant-punct",
            "《法治保山建设规划(2021一2025年)》",
            "ba",
        ),
        (
            "title-variant-punct",
            "《保山市法治政府建设实施纲要(2021一2025年)》",
            "ba",
        ),
        (
            "title-variant-punct",
            "《保山市法治社会建设实施纲要(2021一2025年)》",
            "ba",
        ),
        // The report writes every parenthesis half-width, those after titles included.
        ("citation-paren-width", "(云政办发〔2019〕67号)", ""),
        ("citation-paren-width", "(云政发〔2019〕67号)", ""),
    ]
    .iter()
    .map(|&(r, t, l)| {
        (
            r.into(),
            t.into(),
            if l.is_empty() {
                String::new()
            } else {
                rel.clone()
            },
        )
    })
    .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_conflict_points_at_the_odd_number_and_names_the_right_one() {
    let o = Command::new(bin())
        .current_dir(root())
        .args(["check", "corpus/baoshan-fzzf-report-2022.txt"])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let line = out
        .lines()
        .find(|l| l.contains("[title-docno-conflict]"))
        .expect("title-docno-conflict reported");
    assert!(
        line.starts_with("corpus/baoshan-fzzf-report-2022.txt:17:"),
        "{line}"
    );
    assert!(line.contains("机关代字应为“云政办发”"), "{line}");
    assert!(out.contains("相关位置：corpus/baoshan-fzzf-report-2022.txt:6:"));
}
