#![no_main]

use gongwen::extract::docnum;
use gongwen::output::rows;
use gongwen::Document;
use gongwen_fuzz::check_span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = docnum::extract_docnums(text);
    let doc = Document::from_text("fuzz.txt", text);
    let mut last_start = 0;
    for d in &found {
        check_span(text, d.span, "docnum");
        assert!(!d.span.is_empty(), "empty number at {:?}", d.span);
        assert!(d.span.start >= last_start, "numbers out of text order");
        last_start = d.span.start;
        let _ = docnum::surface(text, d);
        let _ = rows::cells(&rows::DocnumRow::new(&doc, d));
    }
});
