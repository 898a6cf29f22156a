//! Word frequencies and keywords (terms.csv, term_counts.csv) on real reports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{bin, read_csv, root, shared_real};

/// Runs `gongwen terms` over `paths` and returns terms.csv as rows of column → value.
fn terms(paths: &[PathBuf], args: &[&str], out: &Path) -> Vec<BTreeMap<String, String>> {
    let o = Command::new(bin())
        .arg("terms")
        .args(paths)
        .args(args)
        .arg("-q")
        .arg("-o")
        .arg(out)
        .output()
        .expect("run gongwen");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (header, rows) = read_csv(&out.join("terms.csv"));
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

/// Rows grouped by file, in rank order.
fn by_file(rows: &[BTreeMap<String, String>]) -> BTreeMap<String, Vec<&BTreeMap<String, String>>> {
    let mut m: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for r in rows {
        m.entry(r["file"].clone()).or_default().push(r);
    }
    m
}

fn word_list(path: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    gongwen::terms::parse_word_list(&text)
        .map(String::from)
        .collect()
}

fn reports(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("gzbg-"))
        })
        .collect();
    v.sort();
    v
}

/// A term is a fragment when every occurrence of it in the text lies inside an occurrence of a
/// longer policy word that contains it: the segmenter should have kept the longer word whole.
fn is_fragment(term: &str, text: &str, policy: &BTreeSet<String>) -> bool {
    let longer: Vec<&String> = policy
        .iter()
        .filter(|w| w.len() > term.len() && w.contains(term))
        .collect();
    if longer.is_empty() {
        return false;
    }
    let covered: BTreeSet<usize> = longer
        .iter()
        .flat_map(|w| {
            text.match_indices(w.as_str())
                .flat_map(move |(i, _)| w.match_indices(term).map(move |(j, _)| i + j))
        })
        .collect();
    text.match_indices(term).all(|(i, _)| covered.contains(&i))
}

#[test]
fn top_terms_of_the_provincial_reports_are_content_words() {
    let Some(real) = shared_real() else { return };
    let files = reports(&real);
    assert_eq!(files.len(), 23);
    let out = tempfile::tempdir().unwrap();
    let rows = terms(&files, &["--top", "0"], out.path());
    let blocks = by_file(&rows);
    assert_eq!(blocks.len(), 24, "23 reports and the corpus block");
    let stop = word_list("dicts/stopwords.txt");
    let policy = word_list("dicts/userwords.txt");
    for f in &files {
        let name = f.to_str().unwrap();
        let text = std::fs::read_to_string(f).unwrap();
        let block = &blocks[name];
        for (i, r) in block.iter().enumerate() {
            assert_eq!(r["rank"], (i + 1).to_string());
        }
        for r in block.iter().take(20) {
            let t = r["term"].as_str();
            assert!(!stop.contains(t), "stop word {t} in the top 20 of {name}");
            assert!(t.chars().count() > 1, "single character {t} in {name}");
            assert!(!gongwen::terms::is_number(t), "number {t} in {name}");
            assert!(
                !is_fragment(t, &text, &policy),
                "{t} in the top 20 of {name} is a piece of a longer policy word"
            );
        }
        // Policy words that no other word of the dictionaries contains are counted exactly as
        // often as they occur.
        for w in [
            "营商环境",
            "乡村振兴",
            "新质生产力",
            "全国统一大市场",
            "低空经济",
            "稳中求进",
        ] {
            let n = text.matches(w).count();
            let got = block
                .iter()
                .find(|r| r["term"] == w)
                .map_or(0, |r| r["count"].parse::<usize>().unwrap());
            assert_eq!(got, n, "{w} in {name}");
        }
    }
    // 23 documents: the IDF is the run's own, so a term that every report uses weighs nothing.
    let everywhere: Vec<_> = rows
        .iter()
        .filter(|r| r["file"] != "*" && r["docs"] == "23")
        .collect();
    assert!(everywhere.iter().any(|r| r["term"] == "高质量发展"));
    assert!(everywhere.iter().all(|r| r["tfidf"] == "0"));
    // The corpus block totals the documents' counts.
    let corpus = &blocks["*"];
    let total = |t: &str| -> usize {
        blocks
            .iter()
            .filter(|(f, _)| f.as_str() != "*")
            .flat_map(|(_, b)| b.iter().filter(|r| r["term"] == t))
            .map(|r| r["count"].parse::<usize>().unwrap())
            .sum()
    };
    for r in corpus.iter().take(30) {
        assert_eq!(r["count"], total(&r["term"]).to_string(), "{}", r["term"]);
    }
}

#[test]
fn terms_do_not_depend_on_thread_count() {
    let mut paths = vec![root().join("corpus")];
    if let Some(real) = shared_real() {
        paths.push(real);
    }
    let run = |threads: &str| {
        let out = tempfile::tempdir().unwrap();
        terms(&paths, &["-j", threads], out.path());
        std::fs::read(out.path().join("terms.csv")).unwrap()
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn bundled_reports_rank_their_own_words_first_with_the_builtin_idf() {
    let files = reports(&root().join("corpus"));
    assert_eq!(files.len(), 2);
    let out = tempfile::tempdir().unwrap();
    let rows = terms(&files, &["--top", "20", "--no-boilerplate"], out.path());
    let blocks = by_file(&rows);
    let boiler = word_list("dicts/boilerplate.txt");
    for (file, own) in [(&files[0], "云南"), (&files[1], "浙江")] {
        let block = &blocks[file.to_str().unwrap()];
        assert_eq!(block.len(), 20);
        let top: Vec<&str> = block.iter().map(|r| r["term"].as_str()).collect();
        assert!(top[..5].contains(&own), "{own} not among {top:?}");
        assert!(top.iter().all(|t| !boiler.contains(*t)), "{top:?}");
        // Fewer than 20 documents: the built-in IDF, under which every weight is positive.
        assert!(block
            .iter()
            .all(|r| r["tfidf"].parse::<f64>().unwrap() > 0.0));
    }
    // Boilerplate is counted unless dropped.
    let out = tempfile::tempdir().unwrap();
    let rows = terms(&files, &["--top", "0"], out.path());
    assert!(rows.iter().any(|r| r["file"] == "*" && r["term"] == "推进"));
}

#[test]
fn codebook_user_dictionary_and_textrank() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(
        &doc,
        "深化放管服改革，优化营商环境。营商环境评价优良。推行证照分离改革，证照分离全覆盖。",
    )
    .unwrap();
    let codebook = dir.path().join("codebook.txt");
    std::fs::write(&codebook, "营商环境\n放管服\n证照分离\n减税降费\n").unwrap();
    let dict = dir.path().join("dict.txt");
    std::fs::write(&dict, "营商环境评价 100 n\n").unwrap();
    let out = dir.path().join("out");
    let rows = terms(
        std::slice::from_ref(&doc),
        &["--terms-from", codebook.to_str().unwrap()],
        &out,
    );
    let (header, counts) = read_csv(&out.join("term_counts.csv"));
    assert_eq!(
        header,
        ["file", "营商环境", "放管服", "证照分离", "减税降费"]
    );
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0][1..], ["2", "1", "2", "0"]);
    let count = |rows: &[BTreeMap<String, String>], t: &str| {
        rows.iter()
            .find(|r| r["file"] != "*" && r["term"] == t)
            .map(|r| r["count"].clone())
    };
    assert_eq!(count(&rows, "营商环境").as_deref(), Some("2"));
    // With the user word, the second occurrence is 营商环境评价.
    let out2 = dir.path().join("out2");
    let rows = terms(
        std::slice::from_ref(&doc),
        &["--dict", dict.to_str().unwrap(), "--method", "textrank"],
        &out2,
    );
    assert_eq!(count(&rows, "营商环境").as_deref(), Some("1"));
    assert_eq!(count(&rows, "营商环境评价").as_deref(), Some("1"));
    assert!(!out2.join("term_counts.csv").exists());
}

#[test]
fn extract_writes_terms_beside_the_other_tables() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(bin())
        .current_dir(root())
        .args([
            "extract",
            "corpus/gzbg-yunnan-2026-zhengfugongzuobaogao.txt",
            "-q",
        ])
        .args(["--top", "7", "-o"])
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let (header, rows) = read_csv(&out.path().join("terms.csv"));
    assert_eq!(
        header,
        ["file", "term", "pos", "count", "per_10k", "tfidf", "rank", "docs"]
    );
    // Seven for the document, seven for the corpus block.
    assert_eq!(rows.len(), 14);
    assert!(rows[7..].iter().all(|r| r[0] == "*" && r[5].is_empty()));
}

/// `term_counts` in JSON lines names every column, as the CSV does: the codebook's words are
/// the columns of its rows.
#[test]
fn jsonl_term_counts_rows_carry_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, "深化放管服改革，优化营商环境。营商环境评价优良。").unwrap();
    let codebook = dir.path().join("codebook.txt");
    std::fs::write(&codebook, "营商环境\n放管服\n减税降费\n").unwrap();
    let out = dir.path().join("out");
    let status = Command::new(bin())
        .args(["extract", "-q", "--format", "jsonl", "--terms-from"])
        .arg(&codebook)
        .arg("-o")
        .arg(&out)
        .arg(&doc)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(out.join("gongwen.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v["table"] == "term_counts")
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["营商环境"], 2);
    assert_eq!(rows[0]["放管服"], 1);
    assert_eq!(rows[0]["减税降费"], 0);
    assert!(rows[0]["file"].as_str().unwrap().ends_with("a.txt"));
}
