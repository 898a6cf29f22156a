#![no_main]

use gongwen::input::{from_bytes, ReadOptions};
use gongwen_fuzz::check_and_analyse;
use libfuzzer_sys::fuzz_target;

/// Every extension the dispatcher tells apart; "" is a file named without one.
const EXTS: [&str; 8] = ["html", "txt", "docx", "pdf", "ofd", "doc", "wps", ""];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file's extension, so one corpus reaches every reader, those
    // chosen by the name as well as those chosen by the bytes.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let ext = EXTS[pick as usize % EXTS.len()];
    // A small cap, so that the size and decompression checks are reached too.
    let read = ReadOptions {
        max_file_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    let file = format!("fuzz.{ext}");
    check_and_analyse(from_bytes(&file, ext, bytes, &read), &read);
});
