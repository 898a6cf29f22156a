#![no_main]

use gongwen::extract::{figures, numerals};
use gongwen::output::rows;
use gongwen::segment::Segmenter;
use gongwen::Document;
use gongwen_fuzz::{check_span, check_within};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The numeral parsers take a candidate cut out of the text; any string must be refused
    // cleanly, never panic.
    let _ = numerals::parse_number(text);
    let _ = numerals::parse_arabic(text);
    let _ = numerals::parse_chinese(text);
    let _ = numerals::parse_chinese_int(text);
    let _ = numerals::parse_fraction(text);
    let _ = numerals::parse_vague(text);
    let _ = numerals::scale_power(text);

    let tokens = Segmenter::global().tag(text);
    let found = figures::extract_figures(text, &tokens);
    let doc = Document::from_text("fuzz.txt", text);
    for f in &found {
        check_span(text, f.span, "figure");
        check_span(text, f.sentence, "figure sentence");
        check_within(f.span, f.sentence, "figure in its sentence");
        assert!(!f.span.is_empty(), "empty figure at {:?}", f.span);
        let _ = rows::cells(&rows::FigureRow::new(&doc, f));
    }
});
