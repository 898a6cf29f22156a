//! The cross-document citation index and the law catalogue, on real documents.

use std::collections::BTreeMap;
use std::process::Command;

use crate::common::{bin, read_csv, root, shared_real};

fn rows(out: &std::path::Path, table: &str) -> Vec<BTreeMap<String, String>> {
    let (header, rows) = read_csv(&out.join(format!("{table}.csv")));
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

fn extract(paths: &[&std::path::Path]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(bin())
        .current_dir(root())
        .arg("extract")
        .args(paths)
        .arg("-q")
        .arg("-o")
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    out
}

#[test]
fn the_seed_cites_one_implementing_opinion_with_two_titles_and_two_numbers() {
    let seed = root().join("corpus/baoshan-fzzf-report-2022.txt");
    let out = extract(&[&seed]);
    let index = rows(out.path(), "citation_index");
    let opinion: Vec<_> = index
        .iter()
        .filter(|r| r["title"].contains("全面推行行政规范性文件合法性审核机制的实施意见"))
        .collect();
    assert_eq!(opinion.len(), 1, "one document, one row");
    let r = opinion[0];
    assert_eq!(
        r["title"],
        "云南省人民政府办公厅关于全面推行行政规范性文件合法性审核机制的实施意见"
    );
    assert_eq!(r["variants"].split(';').count(), 2);
    assert_eq!(r["docnums"], "云政办发〔2019〕67号;云政发〔2019〕67号");
    assert_eq!(
        (r["citations"].as_str(), r["first_line"].as_str()),
        ("2", "6")
    );
    // Two regulations whose titles differ by one word stay apart.
    assert!(index.iter().any(|r| r["title"] == "云南省重大行政决策规定"));
    assert!(index
        .iter()
        .any(|r| r["title"] == "云南省重大行政决策程序规定"));
    let petition = index.iter().find(|r| r["title"] == "信访条例").unwrap();
    assert_eq!(petition["registry_status"], "repealed");
    let edges = rows(out.path(), "citation_edges");
    assert_eq!(edges.len(), rows(out.path(), "citations").len());
    let findings = rows(out.path(), "findings");
    let currency: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "law-currency")
        .collect();
    assert_eq!(currency.len(), 1);
    assert_eq!(currency[0]["text"], "《信访条例》");
    assert!(currency[0]["message"].contains("《信访工作条例》"));
}

#[test]
fn real_documents_link_citations_to_the_documents_of_the_run() {
    let Some(real) = shared_real() else { return };
    let out = extract(&[&real]);
    let index = rows(out.path(), "citation_index");
    let by_key = |k: &str| index.iter().find(|r| r["key"] == k).unwrap();
    // A declared run of short forms maps each to its own full title.
    let law = by_key("药品管理法");
    assert_eq!(law["variants"], "中华人民共和国药品管理法;药品管理法");
    assert_eq!(law["registry_status"], "in-force");
    let rules = by_key("药品管理法实施条例");
    assert!(rules["in_corpus"].ends_with("tiaoli-guowuyuan-2019-yaopinguanlifashishi.txt"));
    // A short form declared in two reports names two different plans.
    let plans: Vec<_> = index
        .iter()
        .filter(|r| r["variants"].contains(";纲要草案"))
        .collect();
    assert_eq!(plans.len(), 2, "Beijing and Xinjiang declare it");
    assert!(plans
        .iter()
        .all(|r| r["title"].contains("第十五个五年规划纲要（草案）")));
    assert!(plans.iter().all(|r| r["citing_files"] == "1"));
    let keys: std::collections::HashSet<_> = index.iter().map(|r| r["key"].clone()).collect();
    assert_eq!(keys.len(), index.len(), "keys are unique");
}
