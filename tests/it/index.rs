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

/// The judged sample of tests/fixtures/index/sample.tsv: fifty index rows over the bench with
/// several citing files, each one document. Rebuilt over their citing files (and six files that
/// each cite their own legislature's 《关于修改部分地方性法规的决定》), no row takes a title or a
/// file beyond the judged ones, and the generic title is a row per file.
#[test]
fn judged_rows_each_name_one_document() {
    let Some(real) = shared_real() else {
        return;
    };
    let shared = real
        .parent()
        .and_then(|p| p.parent())
        .expect("shared folder");
    if !shared.join("bench").is_dir() {
        return;
    }
    let text = std::fs::read_to_string(root().join("tests/fixtures/index/sample.tsv")).unwrap();
    let sample: Vec<(String, Vec<String>, Vec<String>)> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "{l}");
            let list = |s: &str| s.split(';').map(String::from).collect::<Vec<_>>();
            (f[0].to_string(), list(f[1]), list(f[2]))
        })
        .collect();
    assert_eq!(sample.len(), 50);
    let generic = [
        "bench/lawrefbook/difang-fagui/beijing/00003.txt",
        "bench/lawrefbook/difang-fagui/beijing/00131.txt",
        "bench/lawrefbook/difang-fagui/chongqing/00051.txt",
        "bench/lawrefbook/difang-fagui/henan/00079.txt",
        "bench/lawrefbook/difang-fagui/henan/00169.txt",
        "bench/lawrefbook/difang-fagui/shandong/00446.txt",
    ];
    let mut files: Vec<String> = sample.iter().flat_map(|s| s.2.clone()).collect();
    files.extend(generic.iter().map(|s| s.to_string()));
    files.sort();
    files.dedup();
    let paths: Vec<std::path::PathBuf> = files.iter().map(|f| shared.join(f)).collect();
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let out = extract(&refs);
    let index = rows(out.path(), "citation_index");
    let edges = rows(out.path(), "citation_edges");
    let rel = |f: &str| f[f.find("bench/").unwrap_or(0)..].to_string();
    let mut citing: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for e in &edges {
        citing
            .entry(e["key"].as_str())
            .or_default()
            .push(rel(&e["citing_file"]));
    }
    for (key, variants, judged_files) in &sample {
        let row = index
            .iter()
            .find(|r| &r["key"] == key)
            .unwrap_or_else(|| panic!("no row {key}"));
        for v in row["variants"].split(';') {
            assert!(variants.iter().any(|j| j == v), "{key}: took title {v}");
        }
        for f in &citing[key.as_str()] {
            assert!(judged_files.contains(f), "{key}: took file {f}");
        }
    }
    let amending: Vec<_> = index
        .iter()
        .filter(|r| r["title"] == "关于修改部分地方性法规的决定")
        .collect();
    // The six files and the sample's other files that cite one: a row for each.
    assert!(amending.len() >= generic.len(), "{}", amending.len());
    assert!(amending.iter().all(|r| r["citing_files"] == "1"));
    assert!(edges
        .iter()
        .all(|e| e["kind"] == "cites" || e["kind"] == "self"));
}
