//! What one document yields is bounded by its length (`gongwen::extract::Limits`): a text made
//! of one real sentence repeated reaches each limit, is cut there and says so; real documents
//! never come near.
//!
//! The dense texts are built here from the bundled corpus (corpus/SOURCES.md): for each kind, the
//! sentence of a real document that holds the most items per byte, repeated until the text
//! holds more than its limit.

use std::path::Path;
use std::process::Command;

use gongwen::extract::citation::{extract_citations, extract_citations_at_most};
use gongwen::extract::docnum::{extract_docnums, extract_docnums_at_most};
use gongwen::extract::figures::{extract_figures, extract_figures_at_most};
use gongwen::extract::Limits;
use gongwen::segment::{Numbering, Segmenter};

use crate::common::{bin, corpus_text, read_csv, root};

#[derive(Clone, Copy, Debug)]
enum Kind {
    Figures,
    Docnums,
    Citations,
}

impl Kind {
    fn count(self, text: &str) -> usize {
        match self {
            Kind::Figures => extract_figures(text, &Segmenter::global().tag(text)).len(),
            Kind::Docnums => extract_docnums(text).len(),
            Kind::Citations => extract_citations(text, &mut extract_docnums(text)).len(),
        }
    }

    fn limit(self, l: Limits) -> usize {
        match self {
            Kind::Figures => l.figures,
            Kind::Docnums => l.docnums,
            Kind::Citations => l.citations,
        }
    }

    /// The column of documents.csv that counts this kind.
    fn column(self) -> &'static str {
        match self {
            Kind::Figures => "figures",
            Kind::Docnums => "docnums",
            Kind::Citations => "citations",
        }
    }
}

/// The sentence (up to its 。) of `file` with the most items of `kind` per byte.
fn densest_sentence(file: &str, kind: Kind) -> String {
    let text = corpus_text(file);
    text.split_inclusive('。')
        .map(|s| s.trim_start().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| (kind.count(&s) as f64 / s.len() as f64, s))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s)
        .unwrap()
}

/// That sentence repeated until the text holds more items than its limit allows.
fn dense_text(file: &str, kind: Kind) -> String {
    let sentence = densest_sentence(file, kind);
    let per = kind.count(&sentence);
    assert!(per > 0, "{file}: no {kind:?} in any sentence");
    let mut n = 1;
    while n * per <= kind.limit(Limits::for_len(n * sentence.len())) {
        n *= 2;
        assert!(
            n < 1 << 16,
            "{file}: {sentence} is not dense enough to reach a limit"
        );
    }
    sentence.repeat(n)
}

const CASES: [(&str, Kind); 3] = [
    ("gzbg-zhejiang-2026-zhengfugongzuobaogao.txt", Kind::Figures),
    ("pifu-guowuyuan-2018-guohan144.txt", Kind::Docnums),
    (
        "sifajieshi-zuigaofa-2018-xingzhengsusongfa.txt",
        Kind::Citations,
    ),
];

#[test]
fn extraction_stops_at_the_limit_with_the_items_a_full_reading_finds_first() {
    for (file, kind) in CASES {
        let text = dense_text(file, kind);
        let most = kind.limit(Limits::for_len(text.len()));
        let all = kind.count(&text);
        assert!(all > most, "{file}: {all} items, limit {most}");
        let (kept, left_out): (Vec<_>, _) = match kind {
            Kind::Figures => {
                let tokens = Segmenter::global().tag(&text);
                let full: Vec<_> = extract_figures(&text, &tokens)
                    .iter()
                    .map(|f| f.span)
                    .collect();
                let (cut, at) = extract_figures_at_most(&text, &tokens, most);
                assert_eq!(at, Some(full[most]), "{file}");
                (cut.iter().map(|f| f.span).collect(), full[..most].to_vec())
            }
            Kind::Docnums => {
                let full: Vec<_> = extract_docnums(&text).iter().map(|d| d.span).collect();
                let (cut, at) = extract_docnums_at_most(&text, most);
                assert_eq!(at, Some(full[most]), "{file}");
                (cut.iter().map(|d| d.span).collect(), full[..most].to_vec())
            }
            Kind::Citations => {
                let full: Vec<_> = extract_citations(&text, &mut extract_docnums(&text))
                    .iter()
                    .map(|c| c.span)
                    .collect();
                let (cut, at) = extract_citations_at_most(&text, &mut extract_docnums(&text), most);
                assert_eq!(at, Some(full[most]), "{file}");
                (cut.iter().map(|c| c.span).collect(), full[..most].to_vec())
            }
        };
        assert_eq!(
            kept, left_out,
            "{file}: the kept items are the first {most}"
        );
    }
}

fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) {
    let status = Command::new(bin())
        .current_dir(root())
        .arg("extract")
        .args(inputs)
        .args(["-q", "-o"])
        .arg(out)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success());
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

#[test]
fn a_document_at_a_limit_lists_at_most_the_limit_and_says_so_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for (i, (file, kind)) in CASES.iter().enumerate() {
        let p = dir.path().join(format!("{i}-{}.txt", kind.column()));
        std::fs::write(&p, dense_text(file, *kind)).unwrap();
        inputs.push(p);
    }
    let inputs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let out = dir.path().join("out");
    extract(&inputs, &out, &[]);
    let (header, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(header.last().map(String::as_str), Some("left_out"));
    let (fh, findings) = read_csv(&out.join("findings.csv"));
    for (row, (path, (_, kind))) in docs.iter().zip(inputs.iter().zip(CASES)) {
        let len = std::fs::metadata(path).unwrap().len() as usize;
        let most = kind.limit(Limits::for_len(len));
        let listed: usize = row[column(&header, kind.column())].parse().unwrap();
        assert_eq!(listed, most, "{path:?}");
        let file = path.to_string_lossy();
        let (_, rows) = read_csv(&out.join(format!("{}.csv", kind.column())));
        let of_file = rows.iter().filter(|r| r[0] == file).count();
        assert_eq!(of_file, most, "{file}: rows of its table");
        let note = &row[column(&header, "left_out")];
        // Each kind named is at its limit (a number written with its title reaches both).
        let mut named = 0;
        for (k, word) in [
            (Kind::Figures, "数字"),
            (Kind::Docnums, "文号"),
            (Kind::Citations, "引用"),
        ] {
            let listed: usize = row[column(&header, k.column())].parse().unwrap();
            let at_limit = listed == k.limit(Limits::for_len(len));
            let said = format!("{word}只列出前{listed}个，其余未列出");
            assert_eq!(note.contains(&said), at_limit, "{file}: {note}");
            named += usize::from(at_limit);
            if k.column() == kind.column() {
                assert!(at_limit, "{file}: {note}");
            }
        }
        let limit_findings = findings
            .iter()
            .filter(|r| r[0] == file && r[column(&fh, "rule")] == "extract-limit")
            .count();
        assert_eq!(limit_findings, named, "{file}");
    }

    // English, and the same cell in JSON lines and in the workbook.
    let en = dir.path().join("en");
    extract(&inputs, &en, &["--lang", "en"]);
    let (_, en_docs) = read_csv(&en.join("documents.csv"));
    for r in &en_docs {
        let note = &r[column(&header, "left_out")];
        assert!(note.contains("listed, the rest left out"), "{note}");
    }
    extract(&inputs, &out, &["--format", "jsonl"]);
    let jsonl = std::fs::read_to_string(out.join("gongwen.jsonl")).unwrap();
    let notes: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|o| o["table"] == "documents")
        .map(|o| o["left_out"].as_str().unwrap_or_default().to_string())
        .collect();
    let csv_notes: Vec<&String> = docs
        .iter()
        .map(|r| &r[column(&header, "left_out")])
        .collect();
    assert_eq!(notes.iter().collect::<Vec<_>>(), csv_notes);
    extract(&inputs, &out, &["--format", "xlsx"]);
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(out.join("gongwen.xlsx")).unwrap();
    let sheet = wb.worksheet_range("documents").unwrap();
    let cells: Vec<String> = sheet
        .rows()
        .skip(1)
        .map(|r| r[column(&header, "left_out")].to_string())
        .collect();
    assert_eq!(cells.iter().collect::<Vec<_>>(), csv_notes);
}

#[test]
fn check_says_where_a_document_was_left_unread() {
    let dir = tempfile::tempdir().unwrap();
    let (file, kind) = CASES[0];
    let p = dir.path().join("dense.txt");
    std::fs::write(&p, dense_text(file, kind)).unwrap();
    let o = Command::new(bin())
        .args(["check", "--format", "csv"])
        .arg(&p)
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    let note: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("extract-limit"))
        .collect();
    assert_eq!(note.len(), 1, "{text}");
    assert!(note[0].contains("未列出，也未检查"), "{}", note[0]);
}

/// Real documents: the bundled corpus, and where the shared bench is beside the checkout, its
/// government work reports and State Council documents (the densest in figures per byte of the
/// bench's folders besides the law library, which `every_bench_document_is_under_its_limits`
/// reads).
#[test]
fn real_documents_are_never_limited() {
    let bench = root().join("../shared/bench");
    let mut inputs = vec![root().join("corpus")];
    if bench.is_dir() {
        inputs.push(bench.join("gzbg-2026"));
        inputs.push(bench.join("guowuyuan"));
    }
    let inputs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    assert_unlimited(&inputs);
}

/// Every text of the shared bench (3,539 read; 70 s with the test build):
/// `cargo test --test it every_bench -- --ignored`.
#[test]
#[ignore]
fn every_bench_document_is_under_its_limits() {
    let bench = root().join("../shared/bench");
    assert_unlimited(&[bench.as_path()]);
}

fn assert_unlimited(inputs: &[&Path]) {
    let dir = tempfile::tempdir().unwrap();
    extract(inputs, dir.path(), &[]);
    let (header, docs) = read_csv(&dir.path().join("documents.csv"));
    let ok: Vec<_> = docs
        .iter()
        .filter(|r| r[column(&header, "status")] == "ok")
        .collect();
    assert!(ok.len() >= 10);
    for r in &ok {
        assert_eq!(r[column(&header, "left_out")], "", "{}", r[0]);
    }
    let (fh, findings) = read_csv(&dir.path().join("findings.csv"));
    assert!(findings
        .iter()
        .all(|r| r[column(&fh, "rule")] != "extract-limit"));
}

/// A text of one letter and a space has a token per byte (12 bytes each, with the word ids of
/// terms): its words are cut up to the limit, the tokens are those of the whole text's cut up to
/// there, and what reads words still reads the text before it.
#[test]
fn a_text_of_more_words_than_its_length_may_yield_is_cut_there_and_says_so() {
    let sentence = "本单位的的工作按时完成。\n";
    let filler = "a ".repeat(150_000);
    let text = format!("{sentence}{filler}{sentence}");
    let most = Limits::for_len(text.len()).words;
    let seg = Segmenter::global();
    let whole = seg.tag(&text);
    assert!(whole.len() > most, "{} tokens, limit {most}", whole.len());
    let (cut, _, left_out) = seg.tag_at_most(&text, most, Numbering::None);
    assert_eq!(cut[..], whole[..most]);
    assert_eq!(left_out, Some(whole[most].span()));

    let dir = tempfile::tempdir().unwrap();
    let (left_out, findings) = extract_text(dir.path(), "letters.txt", &text, &[]);
    assert_eq!(left_out, format!("词语只切分前{most}个，其后的文字未切分"));
    let limit = of_rule(&findings, "extract-limit");
    assert_eq!(limit.len(), 1, "{findings:?}");
    assert!(limit[0][2].contains("此处之后的文字未切分"));
    // 的的 is found in the first line, which was cut, not in the last, which was not.
    let repeated = of_rule(&findings, "repeated-token");
    assert_eq!(repeated.len(), 1, "{findings:?}");
    assert_eq!(repeated[0][1], "1");

    let (left_out, _) = extract_text(dir.path(), "letters.txt", &text, &["--lang", "en"]);
    assert_eq!(
        left_out,
        format!("words: the first {most} cut, the text after them not cut")
    );
}

/// A text of more lines than its length may have (a short line every ten bytes): the rules that
/// read it line by line read the lines up to the limit, and the document says where they stopped.
#[test]
fn a_text_of_more_lines_than_its_length_may_have_is_read_line_by_line_up_to_the_limit() {
    let quoted = "深入推进\"最多跑一次\"改革，不断优化营商环境。\n";
    let text = format!("{quoted}{}{quoted}", "甲乙丙\n".repeat(30_000));
    let most = Limits::for_len(text.len()).lines;
    assert!(text.lines().count() > most);
    let dir = tempfile::tempdir().unwrap();
    let (left_out, findings) = extract_text(dir.path(), "lines.txt", &text, &[]);
    assert_eq!(
        left_out,
        format!("文本行只逐行检查前{most}行，其后的行未逐行检查")
    );
    let limit = of_rule(&findings, "extract-limit");
    assert_eq!(limit.len(), 1, "{findings:?}");
    assert_eq!(limit[0][1], (most + 1).to_string());
    assert!(limit[0][2].contains("此处之后的行未逐行检查"));
    // The straight quotes of the first line are found, those of the last line are not.
    let quotes = of_rule(&findings, "quote-form");
    assert_eq!(quotes.len(), 2, "{findings:?}");
    assert!(quotes.iter().all(|f| f[1] == "1"));
}

/// `extract` on one text: its `left_out` cell, and each finding as `(rule, line, message)`.
fn extract_text(dir: &Path, name: &str, text: &str, extra: &[&str]) -> (String, Vec<[String; 3]>) {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    let out = dir.join("out");
    extract(&[p.as_path()], &out, extra);
    let (header, docs) = read_csv(&out.join("documents.csv"));
    let (fh, findings) = read_csv(&out.join("findings.csv"));
    let cell = |r: &Vec<String>, name: &str| r[column(&fh, name)].clone();
    let findings = findings
        .iter()
        .map(|r| [cell(r, "rule"), cell(r, "line"), cell(r, "message")])
        .collect();
    (docs[0][column(&header, "left_out")].clone(), findings)
}

fn of_rule<'f>(findings: &'f [[String; 3]], rule: &str) -> Vec<&'f [String; 3]> {
    findings.iter().filter(|f| f[0] == rule).collect()
}
