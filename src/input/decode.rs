//! Turning bytes into text, and recording how it was done.
//!
//! Order of decisions: an explicit `--encoding` wins; then a byte-order mark; then valid UTF-8;
//! then UTF-16 without a mark; then statistical detection (chardetng) among the legacy Chinese
//! encodings. A decode that had to replace bytes says how many.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The outcome of decoding: the text and what was decided on the way.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// Name recorded in documents.csv: `UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `GB18030`, `Big5`, …
    pub encoding: String,
    /// Bytes that could not be decoded and were replaced by U+FFFD.
    pub undecodable: usize,
}

/// Name shown to users for an encoding_rs encoding. encoding_rs decodes GBK with the full GB18030
/// decoder, so both are reported as GB18030, the name the national standard gives the family.
pub fn display_name(enc: &'static Encoding) -> String {
    match enc.name() {
        "GBK" | "gb18030" | "GB18030" => "GB18030".to_string(),
        "UTF-8" => "UTF-8".to_string(),
        other => other.to_string(),
    }
}

/// Looks up a user-given label (`gbk`, `gb2312`, `utf-16le`, `big5`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes `bytes` as `enc`, counting the bytes that had to be replaced.
///
/// The decoder writes into a small buffer that is copied out after each call: a malformed
/// sequence ends a call, and a call that was handed all of a large output's spare room costs
/// time in proportion to that room, which made binary data quadratic to decode.
pub fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3)
        .saturating_add(16);
    let mut out = String::with_capacity(cap);
    let mut chunk = "\0".repeat(CHUNK.min(cap));
    let mut bad = 0usize;
    let mut input = bytes;
    loop {
        let (result, read, written) =
            decoder.decode_to_str_without_replacement(input, &mut chunk, true);
        out.push_str(&chunk[..written]);
        input = &input[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(len, _) => {
                bad += len as usize;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, bad)
}

/// Bytes of output the decoder writes per call (see [`decode_with`]).
const CHUNK: usize = 64 * 1024;

/// Decodes with an explicit encoding chosen by the user. A BOM of that encoding is dropped.
pub fn decode_forced(bytes: &[u8], enc: &'static Encoding) -> Decoded {
    let body = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
        _ => bytes,
    };
    let (text, undecodable) = decode_with(body, enc);
    Decoded {
        text,
        encoding: display_name(enc),
        undecodable,
    }
}

/// Counts invalid bytes if `bytes` were read as UTF-8, and how many multi-byte characters were valid.
fn utf8_profile(bytes: &[u8]) -> (usize, usize) {
    let mut bad = 0;
    let mut multibyte = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        bad += chunk.invalid().len();
    }
    (bad, multibyte)
}

/// Share of UTF-16 code units that look like ordinary Chinese or ASCII text.
fn utf16_plausibility(bytes: &[u8], little_endian: bool) -> f64 {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return 0.0;
    }
    let mut good = 0usize;
    let mut total = 0usize;
    for pair in bytes.chunks_exact(2).take(50_000) {
        let u = if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        };
        total += 1;
        let plausible = matches!(u,
            0x09 | 0x0A | 0x0D | 0x20..=0x7E
            | 0x3000..=0x303F   // CJK punctuation
            | 0x4E00..=0x9FFF   // CJK unified ideographs
            | 0xFF00..=0xFFEF   // full-width forms
            | 0x2010..=0x206F   // general punctuation (—, “”, …)
            | 0xFE30..=0xFE6F); // CJK compatibility forms (﹝﹞)
        if plausible {
            good += 1;
        }
    }
    good as f64 / total as f64
}

/// Decides how to decode `bytes` without user input.
pub fn decode_auto(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, undecodable) = decode_with(&bytes[bom_len..], enc);
        let encoding = if enc == UTF_8 {
            "UTF-8-BOM".to_string()
        } else {
            display_name(enc)
        };
        return Decoded {
            text,
            encoding,
            undecodable,
        };
    }
    // Checked with SIMD: nearly every file is UTF-8, and the standard library's check walks
    // Chinese text a byte at a time.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8".to_string(),
            undecodable: 0,
        };
    }
    // UTF-16 without a BOM: ASCII and Chinese text give a very regular pattern of code units.
    for (enc, le) in [(UTF_16LE, true), (UTF_16BE, false)] {
        if utf16_plausibility(bytes, le) > 0.95 {
            let (text, undecodable) = decode_with(bytes, enc);
            return Decoded {
                text,
                encoding: display_name(enc),
                undecodable,
            };
        }
    }
    let (utf8_bad, utf8_multi) = utf8_profile(bytes);
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    let (text, bad) = decode_with(bytes, guess);
    // A UTF-8 file with a few damaged bytes is still a UTF-8 file: reading it as GB18030 would
    // turn every correct character into mojibake.
    if utf8_multi > 0 && utf8_bad <= bad {
        let (text, undecodable) = decode_with(bytes, UTF_8);
        return Decoded {
            text,
            encoding: "UTF-8".to_string(),
            undecodable,
        };
    }
    Decoded {
        text,
        encoding: display_name(guess),
        undecodable: bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "认真贯彻落实《云南省政府办公厅关于全面推行行政规范性文件合法性审核机制的实施意见》（云政办发〔2019〕67号）精神。完成合法性审核212件，合法性审核率达100%。";

    #[test]
    fn gb18030_roundtrip_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(SAMPLE);
        let d = decode_auto(&bytes);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.undecodable, 0);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let le: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode_auto(&le);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("UTF-16LE", SAMPLE));
        let be: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let d = decode_auto(&be);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("UTF-16BE", SAMPLE));
    }

    #[test]
    fn damaged_utf8_stays_utf8_and_counts_bad_bytes() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.insert(9, 0xFF);
        bytes.push(0xC3);
        let d = decode_auto(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.undecodable, 2);
        assert!(d.text.starts_with("认真贯\u{FFFD}彻"));
    }

    #[test]
    fn bom_is_recorded_and_dropped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode_auto(&bytes);
        assert_eq!(d.encoding, "UTF-8-BOM");
        assert_eq!(d.text, SAMPLE);
    }
}
