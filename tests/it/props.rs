//! Properties over arbitrary input: no panics, spans on character boundaries that hold the
//! reported text, lossless round trips.

use gongwen::check::Checker;
use gongwen::input::{self, decode, ReadOptions};
use gongwen::output::csv::CsvTable;
use gongwen::output::Cell;
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;
use gongwen::Document;
use proptest::prelude::*;

/// Text that looks like 公文 in places and like noise in others: CJK, digits of both widths,
/// brackets of every kind, RTL letters, combining marks, NUL and line breaks.
fn gongwen_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "保政发﹝2022﹞10号",
        "国务院令第713号",
        "《",
        "》",
        "〈",
        "〉",
        "（",
        "）",
        "〔",
        "〕",
        "约6亿元",
        "200余件",
        "80.3%",
        "一千三百七十三万元",
        "2021一2025年",
        "第十条",
        "一是",
        "（一）",
        "，",
        "。",
        "；",
        "\n",
        "\r\n",
        "\u{0}",
        "\u{301}",
        "\u{5d0}\u{5d1}",
        "١٢٣",
        "２０２２",
        "年",
        "月",
        "日",
        "号",
        "令",
        "第",
        "以下简称",
        "关于",
        "的通知",
        " ",
        "\t",
        "😀",
        "\u{200b}",
        "\u{feff}",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), any::<String>()],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    // 48 cases keep the suite quick; PROPTEST_CASES raises it for a longer hunt.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48), ..ProptestConfig::default() })]

    #[test]
    fn whole_document_analysis_never_panics_and_spans_hold_their_text(text in gongwen_like()) {
        let doc = Document::from_text("p.txt", text);
        let a = analyse(&doc, Segmenter::global(), &Checker::default_rules());
        for f in &a.figures {
            prop_assert!(doc.text.is_char_boundary(f.span.start) && doc.text.is_char_boundary(f.span.end));
        }
        for d in &a.docnums {
            prop_assert!(doc.text.is_char_boundary(d.span.start) && doc.text.is_char_boundary(d.span.end));
        }
        for c in &a.citations {
            let s = doc.slice(c.span);
            prop_assert!(s.starts_with('《') && s.ends_with('》'));
        }
        for f in &a.findings {
            prop_assert_eq!(doc.slice(f.span), f.text.as_str());
            let lc = doc.line_col(f.span.start);
            prop_assert_eq!((lc.line, lc.column), (f.at.line, f.at.column));
        }
    }

    #[test]
    fn gb18030_round_trips(text in "[\\p{Han}，。《》〔〕0-9a-z\n]{1,200}") {
        let bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
        let (back, bad) = decode::decode_with(&bytes, encoding_rs::GB18030);
        prop_assert_eq!(bad, 0);
        prop_assert_eq!(back, text);
    }

    #[test]
    fn any_bytes_load_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), docx in any::<bool>()) {
        let ext = if docx { "docx" } else { "txt" };
        let _ = input::from_bytes("x", ext, &bytes, &ReadOptions::default());
    }

    #[test]
    fn csv_written_then_read_back_is_identical(cells in prop::collection::vec(any::<String>(), 1..8)) {
        let mut t = CsvTable::new(Vec::new(), &vec!["c"; cells.len()], true).unwrap();
        t.write_row(&cells.iter().map(|c| Cell::text(c.clone())).collect()).unwrap();
        let bytes = t.finish().unwrap();
        let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap();
        let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(body);
        let rec = r.records().next().unwrap().unwrap();
        for (written, read) in cells.iter().zip(rec.iter()) {
            // Formula-like text comes back with its guard apostrophe, and nothing else changes.
            let expected = if gongwen::output::csv::is_formula_like(written) {
                format!("'{written}")
            } else {
                written.clone()
            };
            prop_assert_eq!(read, expected.as_str());
        }
    }
}

/// Found by the property above: a number followed by a 《 that never closes.
#[test]
fn a_number_before_an_unclosed_title_mark() {
    let doc = Document::from_text("p.txt", "保政发﹝2022﹞10号《ΣA 🌀");
    let a = analyse(&doc, Segmenter::global(), &Checker::default_rules());
    assert!(a.findings.iter().all(|f| f.rule != "citation-order"));
    assert!(a.findings.iter().any(|f| f.rule == "docno-bracket-form"));
}

#[test]
fn half_a_megabyte_without_a_newline() {
    let text = "约6亿元，保政发﹝2022﹞10号，《规划(2021一2025年)》".repeat(12_000);
    assert!(text.len() > 500_000);
    let doc = Document::from_text("long.txt", text);
    let a = analyse(&doc, Segmenter::global(), &Checker::default_rules());
    // 12,000 titles in 780 KB are more than a document of that length yields: the first ones
    // up to the limit are read, and the rest said to be left out.
    let most = gongwen::extract::Limits::for_len(doc.text.len()).citations;
    assert!(most < 12_000);
    assert_eq!(a.citations.len(), most);
    assert!(a.left_out.citations.is_some());
    assert_eq!(doc.line_col(doc.text.len()).line, 1);
}
