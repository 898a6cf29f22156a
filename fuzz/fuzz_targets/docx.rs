#![no_main]

use std::io::{Cursor, Write};

use gongwen::input::{docx, html};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

/// A .docx whose body part is `xml`, stored uncompressed. Mutating a real .docx mostly breaks
/// its checksums, so the XML walker behind the zip layer is reached through this wrapper.
fn wrap(xml: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(xml).unwrap();
    w.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the layer under test, so one corpus covers all three.
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 | 1 => {
            let bytes = if mode % 3 == 0 {
                rest.to_vec()
            } else {
                wrap(rest)
            };
            // A small cap exercises the zip-bomb checks as well. Control characters in the
            // text are not checked: like a text file under the binary threshold, an ill-formed
            // body may carry a few, and every output format escapes them.
            let _ = docx::docx_text(&bytes, 1 << 20);
        }
        _ => {
            let _ = html::html_text(&String::from_utf8_lossy(rest));
        }
    }
});
