//! Safe fixes on published texts: fixing twice changes nothing the second time, and a fix never
//! changes a 发文字号, a title in 《》, a figure or a name.
//!
//! Every 25th file of `../shared/bench` and the bundled corpus are fixed by default;
//! `GONGWEN_FIX_ALL=1` fixes every bench file (run it with `--release`).

use std::path::{Path, PathBuf};

use gongwen::check::Checker;
use gongwen::fix::fix_text;
use gongwen::input::{from_bytes, ReadOptions};
use gongwen::pipeline::analyse;
use gongwen::segment::Segmenter;
use gongwen::Document;

use crate::common::root;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// What a fix must leave as it was: numbers, titles, figures and names, in text order.
#[derive(Debug, PartialEq)]
struct Kept {
    docnums: Vec<String>,
    titles: Vec<String>,
    figures: Vec<String>,
    names: Vec<String>,
}

/// `text` with full-width digits written half-width: what the fullwidth-digits fix does on
/// purpose. The figures extractor reads ２０００年１月１日 as figures and 2000年1月1日 as a date,
/// so figures are compared on texts that agree on digit widths.
fn half_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            c => c,
        })
        .collect()
}

fn kept(text: &str, checker: &Checker) -> Kept {
    let doc = Document::from_text("t.txt", text);
    let seg = Segmenter::global();
    let a = analyse(&doc, seg, checker);
    let figure_doc = Document::from_text("t.txt", half_digits(text));
    let figures = analyse(&figure_doc, seg, checker).figures;
    let names = seg
        .tag(text)
        .iter()
        .filter(|t| matches!(t.pos(), "nr" | "ns" | "nt" | "nrt"))
        .map(|t| t.span().text(text).to_string())
        .collect();
    Kept {
        docnums: a.docnums.iter().map(|d| d.normalized.clone()).collect(),
        titles: a
            .citations
            .iter()
            .map(|c| c.normalized_title.clone())
            .collect(),
        figures: figures
            .iter()
            // The unit as written may change its parentheses' width (项(次) → 项（次）), which
            // is the fix; the numbers and what they count may not change.
            .map(|f| {
                format!(
                    "{} {:?} {:?} {:?} {}",
                    f.value,
                    f.low,
                    f.high,
                    f.kind,
                    f.unit.replace('(', "（").replace(')', "）")
                )
            })
            .collect(),
        names,
    }
}

#[test]
fn fixes_are_idempotent_and_keep_numbers_titles_figures_and_names() {
    let mut paths = Vec::new();
    files(&root().join("corpus"), &mut paths);
    let bench = root().join("../shared/bench");
    let mut bench_files = Vec::new();
    files(&bench, &mut bench_files);
    let all = std::env::var_os("GONGWEN_FIX_ALL").is_some();
    let with_bench = !bench_files.is_empty();
    if !with_bench {
        println!(
            "fix: {} not found; the bundled corpus only",
            bench.display()
        );
    }
    paths.extend(
        bench_files
            .into_iter()
            .enumerate()
            .filter(|(i, _)| all || i % 25 == 0)
            .map(|(_, p)| p),
    );
    let checker = Checker::default_rules().verbose(true);
    let seg = Segmenter::global();
    let (mut changed, mut failures) = (0usize, Vec::new());
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        let Ok(doc) = from_bytes("t.txt", "txt", &bytes, &ReadOptions::default()) else {
            continue;
        };
        let once = fix_text("t.txt", &doc.text, seg, &checker);
        if once.text == doc.text {
            continue;
        }
        changed += 1;
        let twice = fix_text("t.txt", &once.text, seg, &checker);
        if twice.text != once.text {
            failures.push(format!(
                "{}: a second fix changes {:?}",
                p.display(),
                twice.counts
            ));
        }
        let (before, after) = (kept(&doc.text, &checker), kept(&once.text, &checker));
        if before != after {
            let diff = |a: &[String], b: &[String]| -> Vec<String> {
                a.iter()
                    .zip(b)
                    .filter(|(x, y)| x != y)
                    .take(3)
                    .map(|(x, y)| format!("{x} → {y}"))
                    .chain((a.len() != b.len()).then(|| format!("{} → {} items", a.len(), b.len())))
                    .collect()
            };
            failures.push(format!(
                "{}: docnums {:?} titles {:?} figures {:?} names {:?}",
                p.display(),
                diff(&before.docnums, &after.docnums),
                diff(&before.titles, &after.titles),
                diff(&before.figures, &after.figures),
                diff(&before.names, &after.names),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A run that fixed nothing tested nothing. Of the bundled corpus, the two drafts with planted
    // punctuation slips are fixable; the bench's sample has many more.
    let least = if with_bench { 3 } else { 2 };
    assert!(
        changed >= least,
        "only {changed} of {} files changed",
        paths.len()
    );
    println!("fix: {changed} of {} files changed", paths.len());
}

#[test]
fn fix_write_leaves_no_safe_finding_on_the_corpus_and_a_second_fix_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let mut copied = 0;
    for e in std::fs::read_dir(root().join("corpus")).unwrap().flatten() {
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        copied += 1;
    }
    assert!(copied > 5);
    let run = |args: &[&str]| {
        let out = std::process::Command::new(crate::common::bin())
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let before = run(&["check", "--verbose", "-q", "--format", "csv"]);
    let safe_rows = |csv: &str| -> Vec<String> {
        csv.lines()
            .filter(|l| l.split(',').nth(3).is_some_and(gongwen::fix::is_safe))
            .map(str::to_string)
            .collect()
    };
    assert!(safe_rows(&before).len() > 100, "{before}");
    run(&["fix", "--write", "-q"]);
    let after = run(&["check", "--verbose", "-q", "--format", "csv"]);
    assert_eq!(safe_rows(&after), Vec::<String>::new());
    assert_eq!(run(&["fix", "-q"]), "");
}

/// PDF, OFD and old Word files are read for their text only: `fix --write` refuses each, leaves
/// its bytes as they were, and does not count it among the files rewritten.
#[test]
fn fix_write_never_overwrites_a_container_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut originals = Vec::new();
    for (sub, name) in [
        ("pdf", "baoshan-fzzf-report-2022.pdf"),
        ("ofd", "baoshan-fzzf-report-2022.ofd"),
        ("doc", "baoshan-fzzf-report-2022.doc"),
        ("doc", "baoshan-fzzf-report-2022.wps"),
    ] {
        let from = root().join("tests/fixtures/readers").join(sub).join(name);
        let bytes = std::fs::read(&from).unwrap();
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        originals.push((name, bytes));
    }
    let out = std::process::Command::new(crate::common::bin())
        .args(["fix", "--write"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("未改写").count(), 4, "{err}");
    assert!(err.contains("已改写 0 个文件"), "{err}");
    for (name, bytes) in originals {
        assert_eq!(
            std::fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name}"
        );
        assert!(!dir.path().join(format!("{name}.bak")).exists(), "{name}");
    }
}

/// A Word document is never rewritten: `fix --write` writes `X.fixed.docx` beside it with the
/// safe fixes as tracked changes, which, accepted, give what `fix --write` makes of its text.
/// A second run changes nothing: the revised copy has no fix left, the original gives the same
/// copy again.
#[test]
fn fix_write_gives_a_word_document_a_revised_copy_beside_it() {
    use gongwen::input::docx::docx_text;
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "baoshan-fzzf-report-2022",
        "fuhan-guobanting-1996-guobanhan16",
    ];
    let mut originals = Vec::new();
    for name in names {
        let from = root().join(format!("tests/fixtures/annotate/{name}.docx"));
        let bytes = std::fs::read(&from).unwrap();
        std::fs::write(dir.path().join(format!("{name}.docx")), &bytes).unwrap();
        // Its text as a text file, fixed the way text files are.
        let text = docx_text(&bytes, 1 << 26).unwrap();
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
        originals.push(bytes);
    }
    let run = |args: &[&str]| {
        let out = std::process::Command::new(crate::common::bin())
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    // --diff shows the same changes for the document as for its text.
    for name in names {
        let (docx, _) = run(&["fix", "--diff", &format!("{name}.docx")]);
        let (txt, _) = run(&["fix", "--diff", &format!("{name}.txt")]);
        assert!(!docx.is_empty(), "{name}");
        assert_eq!(docx.replace(".docx", ".txt"), txt, "{name}");
    }
    let (_, err) = run(&["fix", "--write", "."]);
    assert!(err.contains("已为 2 个Word文档另写出修订稿"), "{err}");
    let mut copies = Vec::new();
    for (name, bytes) in names.iter().zip(&originals) {
        assert_eq!(
            &std::fs::read(dir.path().join(format!("{name}.docx"))).unwrap(),
            bytes
        );
        assert!(!dir.path().join(format!("{name}.docx.bak")).exists());
        let copy = std::fs::read(dir.path().join(format!("{name}.fixed.docx"))).unwrap();
        let fixed = std::fs::read_to_string(dir.path().join(format!("{name}.txt"))).unwrap();
        assert_eq!(docx_text(&copy, 1 << 26).unwrap(), fixed, "{name}");
        // Tracked changes only: no comments part (part names are stored as they are).
        assert!(!copy.windows(12).any(|w| w == b"comments.xml"), "{name}");
        copies.push(copy);
    }
    let (out, err) = run(&["fix", "--write", "."]);
    assert_eq!(out, "");
    assert!(err.contains("已为 2 个Word文档另写出修订稿"), "{err}");
    for (name, copy) in names.iter().zip(&copies) {
        assert_eq!(
            &std::fs::read(dir.path().join(format!("{name}.fixed.docx"))).unwrap(),
            copy
        );
        assert!(!dir.path().join(format!("{name}.fixed.fixed.docx")).exists());
    }
    let (out, _) = run(&["fix", "--diff", "baoshan-fzzf-report-2022.fixed.docx"]);
    assert_eq!(out, "");
}
