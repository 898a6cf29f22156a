//! PDF input: documents set in Word style and printed to PDF by LibreOffice
//! (tests/fixtures/readers/pdf/, made by scripts/make-pdf-fixtures.sh from the corpus .txt
//! files) give what their .txt gives: the same figures, document numbers, citations and
//! findings, page starts aside.

use std::collections::BTreeMap;

use gongwen::check::Checker;
use gongwen::input::{from_bytes, ReadOptions};
use gongwen::pipeline::{analyse, Analysis};
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::root;

const DOCS: &[&str] = &[
    "baoshan-fzzf-report-2022",
    "pifu-guowuyuan-2018-guohan144",
    "yijian-guobanting-2019-guobanfa6",
    "tongzhi-guowuyuan-2018-guofa38",
];

fn read(path: &str) -> Document {
    let bytes = std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let ext = path.rsplit('.').next().unwrap_or_default();
    from_bytes(path, ext, &bytes, &ReadOptions::default())
        .unwrap_or_else(|f| panic!("{path}: {} {}", f.status.as_str(), f.reason))
}

/// What the comparison looks at, with positions left out: each list counted as a multiset.
fn facts(doc: &Document, a: &Analysis, checker: &Checker) -> BTreeMap<&'static str, Vec<String>> {
    let t = &doc.text;
    let mut out = BTreeMap::new();
    let mut figures: Vec<String> = a
        .figures
        .iter()
        .map(|f| {
            format!(
                "{} | {} | {} | {:?} | {}",
                &t[f.span.start..f.span.end],
                f.value,
                f.unit,
                f.kind,
                f.metric
            )
        })
        .collect();
    let mut docnums: Vec<String> = a.docnums.iter().map(|d| d.normalized.clone()).collect();
    let mut citations: Vec<String> = a
        .citations
        .iter()
        .map(|c| format!("{} | {:?}", c.title, c.kind))
        .collect();
    let mut findings: Vec<String> = a
        .findings
        .iter()
        .chain(&checker.check_batch(std::slice::from_ref(&a.batch)))
        .map(|f| format!("{} | {}", f.rule, f.text))
        .collect();
    for v in [&mut figures, &mut docnums, &mut citations, &mut findings] {
        v.sort();
    }
    out.insert("figures", figures);
    out.insert("docnums", docnums);
    out.insert("citations", citations);
    out.insert("findings", findings);
    out
}

/// Items of `a` missing from `b`, as multisets.
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: BTreeMap<&String, usize> = BTreeMap::new();
    for x in b {
        *left.entry(x).or_default() += 1;
    }
    a.iter()
        .filter(|x| match left.get_mut(x) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// The non-empty lines of a text, spaces at their ends aside.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn pdf_printed_from_word_reads_as_its_text() {
    let checker = Checker::default_rules();
    let mut failures = Vec::new();
    for name in DOCS {
        let txt = read(&format!("corpus/{name}.txt"));
        let pdf = read(&format!("tests/fixtures/readers/pdf/{name}.pdf"));
        assert_eq!(pdf.format.as_str(), "pdf");
        // Pages: in order, the first at 0, each on a character of the text (a paragraph that
        // goes on over a page break is one line, so a page may start inside a line).
        assert_eq!(pdf.pages.first(), Some(&0), "{name}");
        assert!(pdf.pages.len() > 1, "{name}");
        assert!(pdf.pages.windows(2).all(|w| w[0] < w[1]), "{name}");
        assert!(
            pdf.pages.iter().all(|&p| pdf.text.is_char_boundary(p)),
            "{name}"
        );
        let (tl, pl) = (lines(&txt.text), lines(&pdf.text));
        let lost = missing(&tl, &pl);
        let added = missing(&pl, &tl);
        eprintln!(
            "{name}: {} pages; {} of {} lines of the .txt not found as such in the PDF's text, {} of {} lines of the PDF's text not in the .txt",
            pdf.pages.len(),
            lost.len(),
            tl.len(),
            added.len(),
            pl.len()
        );
        for l in lost.iter().take(5) {
            eprintln!("  txt: {l}");
        }
        for l in added.iter().take(5) {
            eprintln!("  pdf: {l}");
        }
        let seg = Segmenter::global();
        let a = facts(&txt, &analyse(&txt, seg, &checker), &checker);
        let b = facts(&pdf, &analyse(&pdf, seg, &checker), &checker);
        for (what, x) in &a {
            let y = &b[what];
            let (lost, added) = (missing(x, y), missing(y, x));
            eprintln!(
                "  {what}: {} from the .txt, {} from the PDF, {} lost, {} added",
                x.len(),
                y.len(),
                lost.len(),
                added.len()
            );
            if !lost.is_empty() || !added.is_empty() {
                failures.push(format!("{name} {what}: lost {lost:?}, added {added:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixtures_have_a_real_text_layer() {
    // The fixtures are the files LibreOffice wrote, less the font programs: CJK text drawn
    // through subset fonts and their ToUnicode maps. A fixture replaced by something simpler
    // would make the test above weaker.
    for name in DOCS {
        let bytes =
            std::fs::read(root().join(format!("tests/fixtures/readers/pdf/{name}.pdf"))).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name}");
        let has = |s: &[u8]| bytes.windows(s.len()).any(|w| w == s);
        assert!(has(b"/ToUnicode"), "{name}");
        assert!(has(b"/FontDescriptor") && has(b"/FlateDecode"), "{name}");
    }
}
