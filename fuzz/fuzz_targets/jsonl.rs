#![no_main]

use std::io::BufReader;

use gongwen::input::jsonl::{document, Line, Lines};
use gongwen::input::ReadOptions;
use gongwen_fuzz::check_and_analyse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Two bytes set the line cap and the reader's buffer size, so that lines at, under and
    // over the cap, and lines split across buffer refills, all occur.
    let [a, b, rest @ ..] = data else {
        return;
    };
    let cap = 1u64 << (a % 20);
    let buf = 1 + *b as usize % 64;
    let mut lines = Lines::new(BufReader::with_capacity(buf, rest), cap);

    // What the lines should be, from a plain split of the whole input.
    let mut want = Vec::new();
    let mut parts: Vec<&[u8]> = rest.split(|&c| c == b'\n').collect();
    if rest.is_empty() || rest.ends_with(b"\n") {
        parts.pop();
    }
    for (i, part) in parts.into_iter().enumerate() {
        let line = if part.len() as u64 > cap {
            Line::TooLong(part.len() as u64)
        } else {
            let mut p = part.strip_suffix(b"\r").unwrap_or(part);
            if i == 0 {
                p = p.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(p);
            }
            if p.trim_ascii().is_empty() {
                continue;
            }
            Line::Bytes(p.to_vec())
        };
        want.push((i + 1, line));
    }

    let read = ReadOptions {
        max_file_bytes: cap,
        ..ReadOptions::default()
    };
    let mut got = Vec::new();
    while let Some((n, line)) = lines.next_line().expect("reading from memory cannot fail") {
        check_and_analyse(document(n, &line, cap), &read);
        got.push((n, line));
    }
    assert_eq!(got, want);
});
