#![no_main]

use gongwen::extract::{citation, docnum};
use gongwen::output::rows;
use gongwen::Document;
use gongwen_fuzz::check_span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut docnums = docnum::extract_docnums(text);
    let found = citation::extract_citations(text, &mut docnums);
    let doc = Document::from_text("fuzz.txt", text);
    let mut last_end = 0;
    for c in &found {
        check_span(text, c.span, "citation");
        let surface = &text[c.span.start..c.span.end];
        assert!(
            surface.starts_with('《') && surface.ends_with('》'),
            "citation {surface:?} not from 《 to 》"
        );
        assert!(
            c.span.start >= last_end,
            "citations overlap or out of order"
        );
        last_end = c.span.end;
        if let Some(i) = c.docnum {
            assert!(i < docnums.len(), "citation number index {i} out of range");
        }
        let _ = rows::cells(&rows::CitationRow::new(&doc, c, &docnums));
    }
});
