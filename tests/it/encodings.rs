//! Telling legacy encodings apart: the seed report and real paragraphs in every encoding a
//! Chinese text file comes in, UTF-8 with encoded surrogates, and the whole bench.
//!
//! Fixtures in tests/fixtures/encodings (sources in SOURCES.md there) are made by
//! scripts/make-encoding-fixtures.py, whose `bench` mode also ran the release binary over the
//! 3542 bench files plus 200 of them re-encoded as GB18030 and 50 as Big5 (traditional, via
//! OpenCC): UTF-8 → UTF-8 3539 (3 more skipped as copies of earlier files), GB18030 → GB18030
//! 200, Big5 → Big5 50; no confusion, and no file got the low-confidence note. (chardetng alone
//! read Big5 files as GB18030 without one undecodable byte.)

use std::path::{Path, PathBuf};

use gongwen::input::decode::{self, Decoded, LOW_CONFIDENCE};
use gongwen::input::{self, ReadOptions};

use crate::common::{corpus_text, root};

const SEED: &str = "baoshan-fzzf-report-2022.txt";

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/encodings").join(name)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture")
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// Encodes with encoding_rs, failing where a character has no code in `enc` (encoding_rs would
/// write it as an HTML character reference).
fn encode(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the text", enc.name());
    bytes.into_owned()
}

fn assert_decodes(name: &str, bytes: &[u8], encoding: &str, text: &str) -> Decoded {
    let d = decode::decode_auto(bytes);
    assert_eq!(d.encoding, encoding, "{name}: encoding");
    assert!(d.text == text, "{name}: decoded text differs");
    assert_eq!(d.undecodable, 0, "{name}: undecodable bytes");
    d
}

#[test]
fn seed_report_in_every_encoding_decodes_to_the_same_text() {
    let seed = corpus_text(SEED);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(seed.as_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf-8", seed.as_bytes().to_vec(), "UTF-8"),
        ("utf-8 bom", bom, "UTF-8-BOM"),
        ("utf-16le", utf16(&seed, true), "UTF-16LE"),
        ("utf-16be", utf16(&seed, false), "UTF-16BE"),
        ("gbk", encode(&seed, encoding_rs::GBK), "GB18030"),
        ("gb18030", encode(&seed, encoding_rs::GB18030), "GB18030"),
    ];
    for (name, bytes, encoding) in &cases {
        let d = assert_decodes(name, bytes, encoding, &seed);
        assert!(d.doubt_note().is_none(), "{name}: {:?}", d.doubt_note());
    }

    // Big5 has no simplified characters: the Big5 file (written by Python's codec, not by the
    // encoder these tests use) holds the report converted to traditional characters.
    let traditional = fixture_text("seed.tw.txt");
    assert_eq!(
        traditional.chars().count(),
        seed.chars().count(),
        "the traditional text converts the seed character for character"
    );
    assert!(traditional
        .chars()
        .zip(seed.chars())
        .all(|(t, s)| t.is_ascii() == s.is_ascii() && (!t.is_ascii() || t == s)));
    assert_ne!(traditional, seed);
    let big5 = std::fs::read(fixture("seed.big5.txt")).unwrap();
    let d = assert_decodes("big5", &big5, "Big5", &traditional);
    eprintln!("big5 seed confidence {:.3}", d.confidence);
    assert!(d.confidence >= LOW_CONFIDENCE, "big5: {}", d.confidence);
    // Traditional text is as much at home in GB18030, which must not then be taken for Big5.
    let d = assert_decodes(
        "traditional gb18030",
        &encode(&traditional, encoding_rs::GB18030),
        "GB18030",
        &traditional,
    );
    assert!(d.confidence >= LOW_CONFIDENCE, "gb18030: {}", d.confidence);
}

#[test]
fn real_paragraphs_in_big5_and_gbk_are_never_confused() {
    let simplified = fixture_text("paragraphs.txt");
    let traditional = fixture_text("paragraphs.tw.txt");
    let pairs: Vec<(&str, &str)> = simplified.lines().zip(traditional.lines()).collect();
    assert!(pairs.len() >= 8, "fixture has {} paragraphs", pairs.len());
    let mut lowest: f64 = 1.0;
    for (i, (s, t)) in pairs.iter().enumerate() {
        let n = i + 1;
        let cases = [
            ("simplified gbk", encode(s, encoding_rs::GBK), "GB18030", *s),
            ("traditional big5", encode(t, encoding_rs::BIG5), "Big5", *t),
            (
                "traditional gbk",
                encode(t, encoding_rs::GBK),
                "GB18030",
                *t,
            ),
        ];
        for (kind, bytes, encoding, text) in &cases {
            let d = assert_decodes(&format!("paragraph {n}, {kind}"), bytes, encoding, text);
            lowest = lowest.min(d.confidence);
        }
    }
    // Even the shortest, a ten-character title, leaves no real doubt.
    eprintln!(
        "lowest confidence over {} paragraphs × 3: {lowest:.3}",
        pairs.len()
    );
    assert!(lowest >= LOW_CONFIDENCE, "lowest confidence {lowest}");
}

/// The seed as UTF-8 with an encoded surrogate (ED A0 80) after every tenth character, and a
/// surrogate pair as CESU-8 writes one character outside the BMP (ED A0 BD ED B8 80) at the end.
#[test]
fn utf8_with_encoded_surrogates_is_utf8_with_those_replaced() {
    let seed = corpus_text(SEED);
    let (mut bytes, mut expected) = (Vec::new(), String::new());
    for (i, ch) in seed.chars().enumerate() {
        let mut buf = [0u8; 4];
        bytes.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        expected.push(ch);
        if i % 10 == 9 {
            bytes.extend_from_slice(b"\xED\xA0\x80");
            expected.push('\u{FFFD}');
        }
    }
    bytes.extend_from_slice(b"\xED\xA0\xBD\xED\xB8\x80");
    expected.push_str("\u{FFFD}\u{FFFD}");
    let surrogates = seed.chars().count() / 10 + 2;

    let d = decode::decode_auto(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.undecodable, 3 * surrogates);
    assert!(d.text == expected, "surrogates replaced one for one");
    let doc = input::from_bytes("cesu.txt", "txt", &bytes, &ReadOptions::default())
        .expect("read, not refused as binary");
    assert_eq!(
        (doc.encoding.as_str(), doc.undecodable),
        ("UTF-8", 3 * surrogates)
    );
    assert!(doc.encoding_note.is_none());
}

/// As the stress script writes it: a surrogate every 30 bytes, cutting characters in half, so
/// the rest is not valid UTF-8 either; the plausibility of the text still says UTF-8.
#[test]
fn utf8_cut_by_surrogates_mid_character_stays_utf8() {
    let seed = corpus_text(SEED);
    let mut bytes = Vec::new();
    for chunk in seed.as_bytes().chunks(30) {
        bytes.extend_from_slice(chunk);
        bytes.extend_from_slice(b"\xED\xA0\x80");
    }
    let d = decode::decode_auto(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    let kept = d.text.chars().filter(|c| *c != '\u{FFFD}').count();
    assert!(
        kept * 10 >= seed.chars().count() * 9,
        "{kept} of {} characters kept",
        seed.chars().count()
    );
}

/// A text made of rare characters (the first 400 of CJK Extension A, which GB18030 writes in four
/// bytes) decodes exactly, but with nothing to show that the reading is Chinese text: the row says
/// the encoding was a guess.
#[test]
fn rare_characters_get_a_low_confidence_note() {
    let rare: String = ('\u{3400}'..'\u{3590}').collect();
    let bytes = encode(&rare, encoding_rs::GB18030);
    let d = decode::decode_auto(&bytes);
    assert_eq!(
        (d.encoding.as_str(), d.text.as_str()),
        ("GB18030", rare.as_str())
    );
    let doc = input::from_bytes("rare.txt", "txt", &bytes, &ReadOptions::default()).unwrap();
    let note = doc.encoding_note.expect("a note");
    assert!(note.starts_with("编码判断把握不大（GB18030 0."), "{note}");

    // The note reaches documents.csv, beside the document's other notes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rare.txt"), &bytes).unwrap();
    std::fs::write(
        dir.path().join("big5.txt"),
        std::fs::read(fixture("seed.big5.txt")).unwrap(),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(crate::common::bin())
        .args(["extract", "-q", "-o"])
        .arg(out.path())
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.code().is_some());
    let (header, rows) = crate::common::read_csv(&out.path().join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |file: &str| {
        rows.iter()
            .find(|r| r[col("file")].ends_with(file))
            .unwrap_or_else(|| panic!("no row for {file}"))
    };
    assert_eq!(row("rare.txt")[col("encoding")], "GB18030");
    assert!(row("rare.txt")[col("error")].contains("编码判断把握不大"));
    assert_eq!(row("big5.txt")[col("encoding")], "Big5");
    assert_eq!(row("big5.txt")[col("error")], "");
}

fn bench_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            bench_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Every bench file (UTF-8) is read as UTF-8 without a note, and every 17th, re-encoded as
/// GB18030, as GB18030 with the same text. (The Big5 half of the bench check needs a
/// simplified-to-traditional converter and is in scripts/make-encoding-fixtures.py.)
#[test]
fn bench_texts_are_read_in_the_encoding_they_were_written_in() {
    let mut files = Vec::new();
    bench_files(&root().join("../shared/bench"), &mut files);
    if files.is_empty() {
        eprintln!("../shared/bench not present; skipped");
        return;
    }
    let mut confused = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let bytes = std::fs::read(f).unwrap();
        let d = decode::decode_auto(&bytes);
        if d.encoding != "UTF-8" || d.doubt_note().is_some() {
            confused.push(format!("{}: {}", f.display(), d.encoding));
        }
        if i % 17 == 0 && i / 17 < 200 {
            let gb = encode(&d.text, encoding_rs::GB18030);
            let g = decode::decode_auto(&gb);
            if g.encoding != "GB18030" || g.text != d.text || g.doubt_note().is_some() {
                confused.push(format!(
                    "{} as GB18030: {} {:.2}",
                    f.display(),
                    g.encoding,
                    g.confidence
                ));
            }
        }
    }
    assert!(confused.is_empty(), "{confused:#?}");
}
