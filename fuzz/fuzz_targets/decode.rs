#![no_main]

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use gongwen::input::{decode, from_bytes, ReadOptions};
use libfuzzer_sys::fuzz_target;

/// Encodings a user may force with `--encoding`; the first input byte picks one.
const FORCED: [&Encoding; 5] = [UTF_8, GB18030, BIG5, UTF_16LE, UTF_16BE];

fuzz_target!(|data: &[u8]| {
    let d = decode::decode_auto(data);
    assert!(d.undecodable <= data.len());
    // Detection may pick another encoding only for bytes that UTF-8 cannot explain.
    let bom = Encoding::for_bom(data).is_some();
    if let (false, Ok(s)) = (bom, std::str::from_utf8(data)) {
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (s, "UTF-8"));
        assert_eq!(d.undecodable, 0);
    }
    if let Some((&first, rest)) = data.split_first() {
        let enc = FORCED[usize::from(first) % FORCED.len()];
        let forced = decode::decode_forced(rest, enc);
        assert!(forced.undecodable <= rest.len());
    }
    // The whole recognition step, as for a file named *.txt.
    if let Ok(doc) = from_bytes("fuzz.txt", "txt", data, &ReadOptions::default()) {
        let end = doc.line_col(doc.text.len());
        assert!(end.line <= doc.lines.line_count());
    }
});
