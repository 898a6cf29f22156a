//! Every rule's fixtures: `tests/fixtures/rules/<rule-id>/wrong.txt` and `right.txt`.
//!
//! A fixture file holds examples separated by a line `---`; each example is checked as a
//! document of its own, as `gongwen check` checks one file (document rules, then the batch rules
//! over that one document). Every wrong example must be reported by its rule; no right example
//! may be reported by any rule; what the rule says on its wrong examples is snapshot-tested, so
//! a change of place, span or message shows in review.

use std::collections::BTreeSet;
use std::path::Path;

use gongwen::check::{rules::ALL, Checker, Located};
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::root;

/// The examples of a fixture file, each with the line it starts on in that file.
fn examples(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut current = String::new();
    let mut first = 1;
    for (i, line) in text.lines().enumerate() {
        if line == "---" {
            out.push((first, std::mem::take(&mut current)));
            first = i + 2;
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    out.push((first, current));
    out.retain(|(_, e)| !e.trim().is_empty());
    out
}

/// What `gongwen check` reports on one example.
fn check(checker: &Checker, name: &str, text: &str) -> Vec<Located> {
    let doc = Document::from_text(name, text);
    let analysis = analyse(&doc, Segmenter::global(), checker);
    let mut found = analysis.findings;
    found.extend(checker.check_batch(&[analysis.batch]));
    found
}

#[test]
fn every_rule_has_fixtures_and_they_hold() {
    let dir = root().join("tests/fixtures/rules");
    let ids: BTreeSet<&str> = ALL.iter().map(|r| r.id).collect();
    let dirs: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/rules")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let stray: Vec<&String> = dirs.iter().filter(|d| !ids.contains(d.as_str())).collect();
    assert!(stray.is_empty(), "fixtures of no rule: {stray:?}");
    let missing: Vec<&&str> = ids.iter().filter(|i| !dirs.contains(**i)).collect();

    let checker = Checker::all_rules();
    let mut failures = Vec::new();
    for id in ids.iter().filter(|i| dirs.contains(**i)) {
        let wrong = dir.join(id).join("wrong.txt");
        let mut report = String::new();
        let wrong_examples = examples(&wrong);
        assert!(!wrong_examples.is_empty(), "{id}: no wrong example");
        for (n, (first, text)) in wrong_examples.iter().enumerate() {
            let name = format!("wrong.txt#{}", n + 1);
            let found: Vec<Located> = check(&checker, &name, text)
                .into_iter()
                .filter(|f| f.rule == *id)
                .collect();
            if found.is_empty() {
                failures.push(format!(
                    "{id}: wrong example at line {first} not reported: {}",
                    text.trim()
                ));
            }
            for f in found {
                report.push_str(&format!(
                    "{}:{}:{} “{}” {}\n",
                    name, f.at.line, f.at.column, f.text, f.message
                ));
                if let Some(r) = &f.replacement {
                    report.push_str(&format!("  → “{r}”\n"));
                }
            }
        }
        for (first, text) in examples(&dir.join(id).join("right.txt")) {
            for f in check(&checker, "right.txt", &text) {
                failures.push(format!(
                    "{id}: right example at line {first} reported by {} at {}:{}: {}",
                    f.rule, f.at.line, f.at.column, f.message
                ));
            }
        }
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(id.to_string(), report);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
}
