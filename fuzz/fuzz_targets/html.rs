#![no_main]

use gongwen::input::{from_bytes, ReadOptions};
use gongwen_fuzz::check_and_analyse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A page as read from a file named .html: sniffing, decoding, the HTML reader, then the
    // whole analysis of the text it gives.
    let read = ReadOptions {
        max_file_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    check_and_analyse(from_bytes("fuzz.html", "html", data, &read), &read);
});
