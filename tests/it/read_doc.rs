//! Old Word (.doc) and WPS (.wps) files give what the text they were made from gives: the same
//! figures, document numbers, citations and findings (positions left out).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use gongwen::input::{self, Input, ReadOptions, Status};

use crate::common::{bin, read_csv, root};

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/readers/doc")
}

/// Each .doc and .wps test file with the file it was made from.
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "doc" | "wps") {
            continue;
        }
        let txt = path.with_extension("txt");
        if txt.is_file() {
            out.push((path, txt));
        }
    }
    // The document whose metadata box is a table was made from the bundled .docx.
    out.push((
        fixtures().join("tongzhi-guobanting-2018-guobanfa124-table.doc"),
        root().join("corpus/tongzhi-guobanting-2018-guobanfa124.docx"),
    ));
    out.sort();
    out
}

/// The columns compared in each table: what was found, not where.
const COMPARED: &[(&str, &[&str])] = &[
    ("figures", &["text", "value", "unit", "kind", "metric"]),
    ("docnums", &["text", "normalized", "role"]),
    ("citations", &["title", "kind", "docnum"]),
    ("findings", &["rule", "text"]),
    (
        "documents",
        &[
            "status",
            "title",
            "docnum",
            "year",
            "figures",
            "docnums",
            "citations",
        ],
    ),
];

/// The compared cells of one table, per input file, rows sorted.
fn rows_by_file(dir: &Path, table: &str, columns: &[&str]) -> BTreeMap<String, Vec<Vec<String>>> {
    let (header, rows) = read_csv(&dir.join(format!("{table}.csv")));
    let index = |name: &str| header.iter().position(|h| h == name).unwrap();
    let file = index("file");
    let picked: Vec<usize> = columns.iter().map(|c| index(c)).collect();
    let mut out: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for row in rows {
        let cells = picked.iter().map(|&i| row[i].clone()).collect();
        out.entry(row[file].clone()).or_default().push(cells);
    }
    for rows in out.values_mut() {
        rows.sort();
    }
    out
}

#[test]
fn doc_and_wps_give_what_their_source_gives() {
    let pairs = pairs();
    assert!(pairs.len() >= 6, "{pairs:?}");
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin());
    cmd.args(["extract", "-q", "-o"]).arg(dir.path());
    // A source made into both a .doc and a .wps is named once: a second mention is a duplicate.
    let mut paths: Vec<&PathBuf> = pairs.iter().flat_map(|(d, s)| [d, s]).collect();
    paths.sort();
    paths.dedup();
    cmd.args(paths);
    let status = cmd.status().unwrap();
    assert!(status.success());

    let mut found = BTreeMap::new();
    for (table, columns) in COMPARED {
        let rows = rows_by_file(dir.path(), table, columns);
        for (doc, source) in &pairs {
            let of = |p: &Path| {
                rows.get(&p.display().to_string())
                    .cloned()
                    .unwrap_or_default()
            };
            assert_eq!(of(doc), of(source), "{table}: {}", doc.display());
            *found.entry(*table).or_insert(0) += of(source).len();
        }
    }
    // The sources hold something of every kind, so that the comparison tests something.
    for (table, _) in COMPARED {
        assert!(found[table] > 0, "no {table} in the sources");
    }
    eprintln!("compared rows per table: {found:?}");

    let (header, rows) = read_csv(&dir.path().join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (doc, _) in &pairs {
        let row = rows
            .iter()
            .find(|r| r[col("file")] == doc.display().to_string())
            .unwrap();
        let ext = doc.extension().unwrap().to_str().unwrap();
        assert_eq!(row[col("format")], ext);
        assert_eq!(row[col("status")], "ok");
    }
}

/// The text of `word/document.xml` in each `<w:delText>` of a .docx.
fn deleted_texts(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<w:delText")
        .skip(1)
        .map(|s| {
            let s = &s[s.find('>').unwrap() + 1..];
            s[..s.find("</w:delText>").unwrap()].to_string()
        })
        .collect()
}

#[test]
fn tracked_deletions_are_left_out_as_in_docx() {
    let opts = ReadOptions::default();
    let doc_bytes = std::fs::read(fixtures().join("tracked-changes.doc")).unwrap();
    let docx_bytes = std::fs::read(fixtures().join("tracked-changes.docx")).unwrap();
    let doc = input::from_bytes("t.doc", "doc", &doc_bytes, &opts).unwrap();
    let docx = input::from_bytes("t.docx", "docx", &docx_bytes, &opts).unwrap();
    assert_eq!(doc.text.trim_end(), docx.text.trim_end());

    let deleted = deleted_texts(&docx_bytes);
    assert!(deleted.len() >= 2);
    for text in &deleted {
        // The deleted text is stored in the .doc, marked deleted; the reader leaves it out.
        let head: String = text.chars().take(20).collect();
        let utf16: Vec<u8> = head.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(
            doc_bytes.windows(utf16.len()).any(|w| w == utf16),
            "{head} is not in the .doc"
        );
        assert!(!doc.text.contains(&head), "{head}");
    }
}

fn load(path: &Path) -> Result<gongwen::Document, input::Failure> {
    let input = Input::File {
        path: path.to_path_buf(),
        display: path.display().to_string(),
        walked: false,
    };
    input::load(&input, &ReadOptions::default())
}

#[test]
fn a_damaged_doc_gets_a_row_and_the_batch_goes_on() {
    let good = std::fs::read(fixtures().join("fuhan-guobanting-1996-guobanhan16.doc")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.doc");
    std::fs::write(&cut, &good[..good.len() * 2 / 3]).unwrap();
    let f = load(&cut).unwrap_err();
    assert_eq!(f.status, Status::Error);
    assert_eq!(f.format, "doc");
    assert!(!f.reason.is_empty());

    // In a batch, the damaged file is one row and the next file is read.
    let out = dir.path().join("out");
    std::fs::write(dir.path().join("good.wps"), &good).unwrap();
    let status = Command::new(bin())
        .args(["extract", "-q", "-o"])
        .arg(&out)
        .arg(dir.path())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    let (header, rows) = read_csv(&out.join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[col("file")].ends_with(name))
            .unwrap_or_else(|| panic!("{name}: {rows:?}"))
    };
    assert_eq!(row("cut.doc")[col("status")], "error");
    assert!(!row("cut.doc")[col("error")].is_empty());
    assert_eq!(row("good.wps")[col("status")], "ok");
    assert_eq!(row("good.wps")[col("format")], "wps");
}
