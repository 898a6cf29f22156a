//! OFD files made from real texts (scripts/make-ofd-fixtures.py) read as their .txt: the same
//! figures, document numbers, citations and findings, positions aside.

use std::path::PathBuf;

use gongwen::check::Checker;
use gongwen::input::{from_bytes, ReadOptions};
use gongwen::pipeline::{analyse, Analysis};
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::root;

fn fixtures() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/readers/ofd");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ofd"))
        .collect();
    files.sort();
    files
}

fn load(path: &std::path::Path) -> Document {
    let bytes = std::fs::read(path).unwrap();
    let ext = path.extension().unwrap().to_string_lossy().to_string();
    from_bytes(
        &path.display().to_string(),
        &ext,
        &bytes,
        &ReadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.reason))
}

/// What a reader of the tables sees of a document's figures, numbers and citations, without
/// positions.
fn extracted(doc: &Document, a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    for f in &a.figures {
        out.push(format!(
            "figure {} {} {} {} {}",
            f.span.text(&doc.text),
            f.value,
            f.unit,
            f.kind.as_str(),
            f.metric
        ));
    }
    for d in &a.docnums {
        out.push(format!(
            "docnum {} {}",
            d.span.text(&doc.text),
            d.normalized
        ));
    }
    for c in &a.citations {
        out.push(format!("citation {}", c.title));
    }
    out
}

/// The findings of `check`, without positions.
fn findings(_: &Document, a: &Analysis) -> Vec<String> {
    a.findings
        .iter()
        .map(|f| format!("finding {} {}", f.rule, f.text))
        .collect()
}

/// Runs `rows` over each OFD and its .txt and returns the differences, file by file; also
/// checks that the .txt files give at least `min` rows to compare.
fn compare(rows: fn(&Document, &Analysis) -> Vec<String>, min: usize) -> Vec<String> {
    let checker = Checker::default_rules();
    let files = fixtures();
    assert!(files.len() >= 4, "{files:?}");
    let mut failures = Vec::new();
    let mut compared = 0;
    for ofd in &files {
        let txt = ofd.with_extension("txt");
        let (a, b) = (load(ofd), load(&txt));
        assert_eq!(a.format.as_str(), "ofd");
        let (ra, rb) = (
            rows(&a, &analyse(&a, Segmenter::global(), &checker)),
            rows(&b, &analyse(&b, Segmenter::global(), &checker)),
        );
        compared += rb.len();
        if ra != rb {
            let diff = similar::TextDiff::from_lines(&rb.join("\n"), &ra.join("\n"))
                .unified_diff()
                .header("txt", "ofd")
                .to_string();
            failures.push(format!("{}:\n{diff}", ofd.display()));
        }
    }
    assert!(compared >= min, "only {compared} rows compared");
    failures
}

#[test]
fn ofd_gives_the_figures_numbers_and_citations_of_its_text() {
    let failures = compare(extracted, 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The report has a paragraph whose line ends in a closing quote mid-sentence
/// (…《推进“四化”|联动 提升公开效能》…); the layout takes the quote for the end of the
/// paragraph, and the space inside the title, cut over two lines, is flagged.
#[test]
fn ofd_gives_the_findings_of_its_text() {
    let failures = compare(findings, 10);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every OFD: pages start at 0 and go on, and the title comes from `DocInfo`.
#[test]
fn pages_and_title() {
    for ofd in fixtures() {
        let doc = load(&ofd);
        assert_eq!(doc.pages.first(), Some(&0), "{}", ofd.display());
        assert!(
            doc.pages.windows(2).all(|w| w[0] < w[1]),
            "{}",
            ofd.display()
        );
        assert!(doc.meta_title.is_some(), "{}", ofd.display());
    }
}

/// The report runs over several pages, and the page numbers in its footers are left out.
#[test]
fn pages_and_footers() {
    let doc = load(&root().join("tests/fixtures/readers/ofd/baoshan-fzzf-report-2022.ofd"));
    assert!(doc.pages.len() >= 3, "{:?}", doc.pages);
    assert!(!doc.text.contains('－'), "{}", doc.text);
}
