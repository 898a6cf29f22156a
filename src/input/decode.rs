//! Turning bytes into text, and recording how it was done.
//!
//! Order of decisions: an explicit `--encoding` wins; then a byte-order mark; then valid UTF-8;
//! then UTF-16 without a mark; then UTF-8 whose only flaws are encoded surrogates (CESU-8 /
//! WTF-8 output); then the legacy encodings GB18030 and Big5, damaged UTF-8, and whatever
//! chardetng guesses, judged by how plausible the text each gives is. A decode that had to
//! replace bytes says how many; a guess that was not clear-cut says how sure it was.

use std::sync::OnceLock;

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The outcome of decoding: the text and what was decided on the way.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// Name recorded in documents.csv: `UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `GB18030`, `Big5`, …
    pub encoding: String,
    /// Bytes that could not be decoded and were replaced by U+FFFD.
    pub undecodable: usize,
    /// How sure the choice of encoding was, from 0 to 1: 1 where the bytes left no doubt (a
    /// byte-order mark, valid UTF-8, a name given by the user), otherwise how plausible the chosen
    /// decoding reads and how far ahead of the next candidate it is.
    pub confidence: f64,
}

/// Below this confidence a document's row says the encoding was a guess.
pub const LOW_CONFIDENCE: f64 = 0.8;

impl Decoded {
    fn certain(text: String, encoding: impl Into<String>, undecodable: usize) -> Self {
        Decoded {
            text,
            encoding: encoding.into(),
            undecodable,
            confidence: 1.0,
        }
    }

    /// A note for documents.csv when the encoding was guessed with little to go on, or the text
    /// it gives is full of rare characters.
    pub fn doubt_note(&self) -> Option<String> {
        if self.confidence >= LOW_CONFIDENCE {
            return None;
        }
        let (encoding, confidence) = (&self.encoding, self.confidence);
        Some(msg!(
            zh = "编码判断把握不大（{encoding} {confidence:.2}）",
            en = "encoding guessed with low confidence ({encoding} {confidence:.2})"
        ))
    }
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
    let (text, undecodable) = if enc == UTF_8 {
        decode_utf8(body)
    } else {
        decode_with(body, enc)
    };
    Decoded::certain(text, display_name(enc), undecodable)
}

/// An invalid sequence met while walking UTF-8: its length, and whether it was an encoded
/// surrogate (ED A0..BF xx, which CESU-8 and WTF-8 write), taken whole where the standard
/// decoders see three bad bytes.
#[derive(Clone, Copy)]
struct Flaw {
    len: usize,
    surrogate: bool,
}

/// Walks `bytes` as UTF-8, handing `piece` each valid run with the flaw that ends it (none for
/// the last run). Each call of the validator stops at the first flaw, so the walk is linear
/// however many flaws there are.
fn walk_utf8(bytes: &[u8], mut piece: impl FnMut(&str, Option<Flaw>)) {
    let mut rest = bytes;
    loop {
        match simdutf8::compat::from_utf8(rest) {
            Ok(s) => {
                piece(s, None);
                return;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let valid = simdutf8::basic::from_utf8(&rest[..good]).unwrap_or("");
                let after = &rest[good..];
                let surrogate = matches!(after, [0xED, 0xA0..=0xBF, 0x80..=0xBF, ..]);
                let len = if surrogate {
                    3
                } else {
                    e.error_len()
                        .unwrap_or(after.len())
                        .clamp(1, after.len().max(1))
                };
                piece(valid, Some(Flaw { len, surrogate }));
                rest = &after[len.min(after.len())..];
            }
        }
    }
}

/// Decodes UTF-8, one U+FFFD for each invalid sequence (one for an encoded surrogate's three
/// bytes). Returns the text and the number of bytes replaced.
pub fn decode_utf8(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut replaced = 0usize;
    walk_utf8(bytes, |valid, flaw| {
        out.push_str(valid);
        if let Some(f) = flaw {
            out.push('\u{FFFD}');
            replaced += f.len;
        }
    });
    (out, replaced)
}

/// Flaws of `bytes` read as UTF-8: encoded surrogates, and other invalid bytes.
fn utf8_flaws(bytes: &[u8]) -> (usize, usize) {
    let (mut surrogates, mut other) = (0, 0);
    walk_utf8(bytes, |_, flaw| match flaw {
        Some(f) if f.surrogate => surrogates += 1,
        Some(f) => other += f.len,
        None => {}
    });
    (surrogates, other)
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

/// Bytes judged when choosing among legacy encodings: detection runs on every file that is not
/// UTF-8, and some tens of kilobytes of text decide as well as the whole file.
const SAMPLE_BYTES: usize = 64 * 1024;

/// The part of `bytes` that detection judges: from the first non-ASCII byte (ASCII reads the same
/// in every candidate, and a non-ASCII byte after ASCII starts a character in each) to at most
/// [`SAMPLE_BYTES`] on, ended after a byte below 0x30. Such a byte is a character of its own in
/// every candidate (GB18030 uses 0x30..=0x39 inside four-byte sequences, Big5 and GBK trail bytes
/// start at 0x40), so no candidate is charged for a character the cut split.
fn sample(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len());
    let rest = &bytes[start..];
    if rest.len() <= SAMPLE_BYTES {
        return rest;
    }
    let cut = &rest[..SAMPLE_BYTES];
    match cut.iter().rposition(|b| *b < 0x30) {
        Some(i) => &cut[..=i],
        None => cut,
    }
}

/// The commonest non-ASCII characters of government text, simplified and traditional, sorted
/// for binary search. Made by scripts/make-encoding-fixtures.py from the bench texts.
struct CommonChars {
    simplified: Vec<char>,
    traditional: Vec<char>,
}

fn common_chars() -> &'static CommonChars {
    static TABLE: OnceLock<CommonChars> = OnceLock::new();
    TABLE.get_or_init(|| {
        let list = |tag: &str| {
            let mut chars: Vec<char> = include_str!("common_chars.txt")
                .lines()
                .find_map(|l| l.strip_prefix(tag))
                .unwrap_or("")
                .chars()
                .collect();
            chars.sort_unstable();
            chars.dedup();
            chars
        };
        CommonChars {
            simplified: list("S "),
            traditional: list("T "),
        }
    })
}

/// How plausible `text` is as Chinese: the share of its non-ASCII characters that are among the
/// commonest of simplified text, or of traditional text, whichever share is larger; and how many
/// non-ASCII characters that share was taken over. A wrong decoding of Chinese bytes gives
/// replacement characters, symbols, private-use and rare characters, and mixes the two scripts'
/// forms, all of which count against it.
fn plausibility(text: &str) -> (f64, usize) {
    let common = common_chars();
    let (mut n, mut simplified, mut traditional) = (0usize, 0usize, 0usize);
    for ch in text.chars().filter(|c| !c.is_ascii()) {
        n += 1;
        simplified += usize::from(common.simplified.binary_search(&ch).is_ok());
        traditional += usize::from(common.traditional.binary_search(&ch).is_ok());
    }
    if n == 0 {
        return (0.0, 0);
    }
    (simplified.max(traditional) as f64 / n as f64, n)
}

/// A lead of this much plausibility over the runner-up makes a choice clear-cut; a smaller lead
/// lowers the confidence in proportion.
const CLEAR_LEAD: f64 = 0.25;

/// Characters it takes to judge a decoding: fewer lower the confidence in proportion, as two or
/// three characters can read as common ones in either encoding by chance.
const ENOUGH_CHARS: usize = 8;

/// Confidence given to a guess of chardetng's for an encoding outside the Chinese ones, which
/// the character tables cannot judge: low enough that the row says so.
const UNJUDGED: f64 = 0.5;

/// Chooses among the encodings a Chinese text file that is not valid UTF-8 comes in, and says
/// how sure the choice is. Candidates are decoded on a sample and the most plausible text wins;
/// on a tie the earlier candidate, GB18030 being the national standard. Damaged UTF-8 is a
/// candidate because a few bad bytes do not make a UTF-8 file legacy-encoded. When no Chinese
/// reading is plausible, chardetng's guess of another encoding (windows-1252, EUC-KR, …) stands.
fn guess_legacy(bytes: &[u8]) -> (&'static Encoding, f64) {
    let sample = sample(bytes);
    let mut scored: Vec<(&'static Encoding, (f64, usize))> = [GB18030, BIG5, UTF_8]
        .into_iter()
        .map(|enc| {
            let text = if enc == UTF_8 {
                decode_utf8(sample).0
            } else {
                decode_with(sample, enc).0
            };
            (enc, plausibility(&text))
        })
        .collect();
    // Stable, so that a tie keeps the candidates' order.
    scored.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
    let (best, (score, chars)) = scored[0];
    let lead = score - scored[1].1 .0;
    let evidence = (chars as f64 / ENOUGH_CHARS as f64).min(1.0);
    let confidence = score * (lead / CLEAR_LEAD).min(1.0) * evidence;

    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let other = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    let chinese = [GB18030, encoding_rs::GBK, BIG5, UTF_8].contains(&other);
    if !chinese && score < 0.5 {
        return (other, UNJUDGED);
    }
    (best, confidence)
}

/// Decides how to decode `bytes` without user input.
pub fn decode_auto(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 {
            let (text, undecodable) = decode_utf8(body);
            return Decoded::certain(text, "UTF-8-BOM", undecodable);
        }
        let (text, undecodable) = decode_with(body, enc);
        return Decoded::certain(text, display_name(enc), undecodable);
    }
    // Checked with SIMD: nearly every file is UTF-8, and the standard library's check walks
    // Chinese text a byte at a time.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Decoded::certain(s.to_string(), "UTF-8", 0);
    }
    // UTF-16 without a BOM: ASCII and Chinese text give a very regular pattern of code units.
    for (enc, le) in [(UTF_16LE, true), (UTF_16BE, false)] {
        if utf16_plausibility(bytes, le) > 0.95 {
            let (text, undecodable) = decode_with(bytes, enc);
            return Decoded::certain(text, display_name(enc), undecodable);
        }
    }
    // UTF-8 whose only flaws are encoded surrogates is UTF-8 written by a careless encoder; read
    // as GB18030 it would decode without a flaw and be gibberish throughout.
    let (surrogates, other_flaws) = utf8_flaws(sample(bytes));
    if surrogates > 0 && other_flaws == 0 {
        let (text, undecodable) = decode_utf8(bytes);
        return Decoded::certain(text, "UTF-8", undecodable);
    }
    let (enc, confidence) = guess_legacy(bytes);
    let (text, undecodable) = if enc == UTF_8 {
        decode_utf8(bytes)
    } else {
        decode_with(bytes, enc)
    };
    Decoded {
        text,
        encoding: display_name(enc),
        undecodable,
        confidence,
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
    fn an_encoded_surrogate_is_one_replacement_for_three_bytes() {
        assert_eq!(
            decode_utf8(b"a\xED\xA0\x80b\xED\xBF"),
            ("a\u{FFFD}b\u{FFFD}\u{FFFD}".to_string(), 5)
        );
        assert_eq!(utf8_flaws(b"a\xED\xA0\x80b\xFF"), (1, 1));
    }

    #[test]
    fn two_characters_are_too_few_to_be_sure() {
        // (Not 通知, whose two GBK characters happen to be valid UTF-8.)
        let (bytes, _, _) = encoding_rs::GBK.encode("公文");
        let d = decode_auto(&bytes);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("GB18030", "公文"));
        assert!(d.confidence < LOW_CONFIDENCE, "{}", d.confidence);
        let (bytes, _, _) = encoding_rs::GBK.encode(SAMPLE);
        assert!(decode_auto(&bytes).confidence >= LOW_CONFIDENCE);
    }

    #[test]
    fn text_no_chinese_encoding_reads_keeps_the_detectors_guess_with_a_note() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Señor García préside la réunion à Zürich.");
        let d = decode_auto(&bytes);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Señor García préside la réunion à Zürich.");
        assert!(d.doubt_note().is_some());
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
