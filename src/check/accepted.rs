//! Findings a person has looked at and accepted (`gongwen check --accept-current`): their
//! fingerprints in `.gongwen-accepted`, so that a re-check shows only what is new.
//!
//! A fingerprint names a finding by its rule, file, flagged text and the words around it, not by
//! its line: editing other parts of a draft moves a finding without making it new.

use std::collections::HashSet;
use std::path::Path;

use super::Located;

/// The file of accepted findings, beside the configuration or in the current directory.
pub const FILE_NAME: &str = ".gongwen-accepted";

/// FNV-1a, 64 bits: stable across builds and platforms, which the standard hasher is not
/// promised to be.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fingerprint of a finding.
pub fn fingerprint(f: &Located) -> String {
    let (before, after) = f
        .excerpt
        .as_ref()
        .map_or(("", ""), |e| (e.before.as_str(), e.after.as_str()));
    format!(
        "{:016x}",
        fnv1a(&[f.rule, &f.at.file, &f.text, before, after])
    )
}

/// The accepted fingerprints.
#[derive(Debug, Default)]
pub struct Accepted(HashSet<String>);

impl Accepted {
    /// Reads `path`; a missing file accepts nothing.
    pub fn load(path: &Path) -> std::io::Result<Accepted> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Accepted(
                text.lines()
                    .filter(|l| !l.starts_with('#'))
                    .filter_map(|l| l.split('\t').next())
                    .filter(|f| f.len() == 16)
                    .map(String::from)
                    .collect(),
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Accepted::default()),
            Err(e) => Err(e),
        }
    }

    pub fn contains(&self, f: &Located) -> bool {
        !self.0.is_empty() && self.0.contains(&fingerprint(f))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The text of an accepted-findings file for `findings`: one line each, the fingerprint first,
/// then what it names, for a person reading the file.
pub fn render(findings: &[Located]) -> String {
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}\t{}\t{}\t{}",
                fingerprint(f),
                f.rule,
                f.at.file,
                f.text.replace(['\t', '\n', '\r'], " ")
            )
        })
        .collect();
    lines.sort();
    lines.dedup();
    let mut s = String::from(
        "# gongwen: findings accepted as they are (gongwen check --accept-current); delete a line to see it again\n",
    );
    for l in lines {
        s.push_str(&l);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Location, Severity};
    use crate::span::Span;

    fn finding(line: usize, text: &str) -> Located {
        Located {
            at: Location {
                file: "a.txt".into(),
                line,
                column: 3,
                page: None,
            },
            span: Span::new(0, 0),
            rule: "docno-bracket-form",
            severity: Severity::Error,
            message: "m".into(),
            text: text.into(),
            related: Vec::new(),
            excerpt: None,
            end_line: line,
            end_column: 3 + text.chars().count(),
            replacement: None,
        }
    }

    #[test]
    fn a_finding_keeps_its_fingerprint_when_it_moves() {
        let a = finding(3, "保政发﹝2022﹞10号");
        assert_eq!(
            fingerprint(&a),
            fingerprint(&finding(9, "保政发﹝2022﹞10号"))
        );
        assert_ne!(
            fingerprint(&a),
            fingerprint(&finding(3, "保政发﹝2022﹞11号"))
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, render(std::slice::from_ref(&a))).unwrap();
        let acc = Accepted::load(&p).unwrap();
        assert!(acc.contains(&finding(12, "保政发﹝2022﹞10号")));
        assert!(!acc.contains(&finding(12, "保政发﹝2022﹞11号")));
        assert!(Accepted::load(&dir.path().join("none")).unwrap().is_empty());
    }
}
