//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The project's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared development corpus beside the checkout, when present.
pub fn shared_real() -> Option<PathBuf> {
    let p = root().join("../shared/corpus/real");
    p.is_dir().then_some(p)
}

/// Reads a file of the bundled corpus as UTF-8.
pub fn corpus_text(name: &str) -> String {
    std::fs::read_to_string(root().join("corpus").join(name)).expect("corpus file")
}

/// Path of the built `gongwen` binary.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_gongwen"))
}

/// Reads a CSV written by gongwen (BOM stripped) into header + rows.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("csv file");
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}
