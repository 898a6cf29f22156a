//! The judged precision set: `tests/precision/<rule-id>.tsv`.
//!
//! Each row is a finding `gongwen check` made on a published text of `../shared/bench`, judged
//! by reading the text: TRUE (the document really has the problem) or FALSE (a false alarm).
//! Every TRUE finding must still be reported by its rule at that line, and every FALSE one whose
//! `why` starts with `fixed:` must not come back; FALSE rows not yet fixed are the list of false
//! alarms still to remove. Each judged file is read and checked once, as `gongwen check` checks
//! one file, so a finding that arises only across files (verdict TRUE-BATCH or FALSE-BATCH)
//! cannot be reproduced here and is only counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use gongwen::check::{rules::ALL, Checker, Located};
use gongwen::input::{from_bytes, ReadOptions};
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;

use crate::common::root;

const HEADER: &str = "file\tline\tcolumn\trule\tverdict\twhy";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    True,
    False,
    TrueBatch,
    FalseBatch,
}

impl Verdict {
    fn parse(s: &str) -> Option<Verdict> {
        match s {
            "TRUE" => Some(Verdict::True),
            "FALSE" => Some(Verdict::False),
            "TRUE-BATCH" => Some(Verdict::TrueBatch),
            "FALSE-BATCH" => Some(Verdict::FalseBatch),
            _ => None,
        }
    }

    fn is_true(self) -> bool {
        matches!(self, Verdict::True | Verdict::TrueBatch)
    }

    fn is_batch(self) -> bool {
        matches!(self, Verdict::TrueBatch | Verdict::FalseBatch)
    }
}

#[derive(Debug, Clone)]
struct Judged {
    /// Where the row is, for messages: `tests/precision/x.tsv:3`.
    at: String,
    file: String,
    line: usize,
    column: usize,
    rule: String,
    verdict: Verdict,
    why: String,
}

impl Judged {
    fn fixed(&self) -> bool {
        self.why.starts_with("fixed:")
    }
}

/// Every row of every TSV, checked for form; a malformed row fails the test.
fn read_judged(dir: &Path) -> Vec<Judged> {
    let ids: BTreeSet<&str> = ALL.iter().map(|r| r.id).collect();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/precision")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no judged findings in {}", dir.display());
    let mut out = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rule_of_file = name.trim_end_matches(".tsv");
        assert!(
            ids.contains(rule_of_file),
            "{name}: no rule is called {rule_of_file}"
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut lines = text.lines().enumerate();
        let (_, header) = lines.next().unwrap_or((0, ""));
        assert_eq!(header, HEADER, "{name}: header");
        for (i, line) in lines {
            let at = format!("tests/precision/{name}:{}", i + 1);
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 6, "{at}: expected 6 tab-separated cells");
            let verdict = Verdict::parse(cells[4]).unwrap_or_else(|| {
                panic!(
                    "{at}: verdict {:?} is not TRUE, FALSE, TRUE-BATCH or FALSE-BATCH",
                    cells[4]
                )
            });
            assert_eq!(cells[3], rule_of_file, "{at}: a row of another rule");
            assert!(!cells[5].trim().is_empty(), "{at}: no reason given");
            let number = |s: &str| -> usize {
                s.parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .unwrap_or_else(|| panic!("{at}: {s:?} is not a line or column number"))
            };
            out.push(Judged {
                file: cells[0].to_string(),
                line: number(cells[1]),
                column: number(cells[2]),
                rule: cells[3].to_string(),
                verdict,
                why: cells[5].to_string(),
                at,
            });
        }
    }
    out
}

/// What `gongwen check FILE` reports on one file of the bench.
fn check_file(checker: &Checker, bench: &Path, file: &str) -> Vec<Located> {
    let path = bench.join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let doc = from_bytes(file, &ext, &bytes, &ReadOptions::default())
        .unwrap_or_else(|f| panic!("{file}: {}", f.reason));
    let analysis = analyse(&doc, Segmenter::global(), checker);
    let mut found = analysis.findings;
    found.extend(checker.check_batch(&[analysis.batch]));
    found
}

#[test]
fn judged_findings_hold() {
    let bench = root().join("../shared/bench");
    let judged = read_judged(&root().join("tests/precision"));
    if !bench.is_dir() {
        println!(
            "precision: skipped, {} not found (the judged files live there)",
            bench.display()
        );
        return;
    }

    // A fixed false alarm is looked for at its line; where another judged finding of the same
    // rule shares that line, only at its column, so that the other one does not count for it.
    let mut per_line: BTreeMap<(&str, &str, usize), usize> = BTreeMap::new();
    for j in &judged {
        *per_line.entry((&j.file, &j.rule, j.line)).or_default() += 1;
    }

    let checker = Checker::default_rules();
    let mut by_file: BTreeMap<&str, Vec<&Judged>> = BTreeMap::new();
    for j in judged.iter().filter(|j| !j.verdict.is_batch()) {
        by_file.entry(&j.file).or_default().push(j);
    }
    let mut failures = Vec::new();
    let mut gone = Vec::new();
    for (file, rows) in &by_file {
        let found = check_file(&checker, &bench, file);
        let at_line = |j: &Judged| {
            found
                .iter()
                .any(|f| f.rule == j.rule && f.at.line == j.line)
        };
        let at_column = |j: &Judged| {
            found
                .iter()
                .any(|f| f.rule == j.rule && f.at.line == j.line && f.at.column == j.column)
        };
        // A true problem stays found when the rule it yields to at that place reports it
        // there: one place, one finding.
        let found_there = |j: &Judged| {
            at_line(j)
                || gongwen::check::yields_to(&j.rule).any(|specific| {
                    found.iter().any(|f| {
                        f.rule == specific && f.at.line == j.line && f.at.column <= j.column
                    })
                })
        };
        for j in rows {
            match j.verdict {
                Verdict::True if !found_there(j) => failures.push(format!(
                    "{}: a true finding is lost: {} at {file}:{}:{} ({})",
                    j.at, j.rule, j.line, j.column, j.why
                )),
                Verdict::False => {
                    let shared = per_line[&(j.file.as_str(), j.rule.as_str(), j.line)] > 1;
                    let reported = if shared { at_column(j) } else { at_line(j) };
                    if j.fixed() && reported {
                        failures.push(format!(
                            "{}: a fixed false alarm is back: {} at {file}:{}:{} ({})",
                            j.at, j.rule, j.line, j.column, j.why
                        ));
                    } else if !j.fixed() && !reported {
                        gone.push(format!("{}: {} at {file}:{}", j.at, j.rule, j.line));
                    }
                }
                _ => {}
            }
        }
    }

    let mut per_rule: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for j in &judged {
        let e = per_rule.entry(&j.rule).or_default();
        e.1 += 1;
        if j.verdict.is_true() {
            e.0 += 1;
        } else if j.fixed() {
            e.2 += 1;
        }
    }
    let mut table: Vec<(&str, (usize, usize, usize))> = per_rule.into_iter().collect();
    table.sort_by(|a, b| {
        let p = |(t, n, _): (usize, usize, usize)| t as f64 / n as f64;
        p(a.1).total_cmp(&p(b.1)).then(a.0.cmp(b.0))
    });
    println!("judged precision (TRUE / judged), fixed false alarms, precision now (TRUE / still reported):");
    for (rule, (t, n, fixed)) in &table {
        let now = n - fixed;
        println!(
            "  {rule:<28} {t:>3}/{n:<3} {:>5.1}%  fixed {fixed:<2} now {t:>3}/{now:<3} {:>5.1}%",
            100.0 * *t as f64 / *n as f64,
            100.0 * *t as f64 / now.max(1) as f64
        );
    }
    let batch = judged.iter().filter(|j| j.verdict.is_batch()).count();
    println!(
        "{} judged findings in {} files; {batch} arise across files and are not rechecked here",
        judged.len(),
        by_file.len()
    );
    if !gone.is_empty() {
        println!(
            "false alarms no longer reported (write `fixed:` before their reason):\n  {}",
            gone.join("\n  ")
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
