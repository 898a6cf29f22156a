//! `check --annotate DIR`: a Word document per input with one comment per finding, anchored on
//! exactly the flagged characters. The package is read back here part by part; where
//! LibreOffice is installed (`scripts/install-office.sh`) it must also convert the file.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::{bin, root};

const DRAFT: &str = "corpus/baoshan-fzzf-report-2022.txt";
/// The same report as a Word document (scripts/make-annotate-fixtures.sh).
const SEED_DOCX: &str = "tests/fixtures/annotate/baoshan-fzzf-report-2022.docx";

fn part(docx: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The text inside each comment's range, by comment id, from the body part.
fn ranges(document: &str) -> std::collections::BTreeMap<usize, String> {
    let re = regex::Regex::new(
        r#"<w:commentRangeStart w:id="(\d+)"/>|<w:commentRangeEnd w:id="(\d+)"/>|<w:t xml:space="preserve">([^<]*)</w:t>|<w:tab/>|</w:p>"#,
    )
    .unwrap();
    let mut open: Vec<usize> = Vec::new();
    let mut out = std::collections::BTreeMap::new();
    for c in re.captures_iter(document) {
        if let Some(id) = c.get(1) {
            let id = id.as_str().parse().unwrap();
            open.push(id);
            out.insert(id, String::new());
        } else if let Some(id) = c.get(2) {
            let id: usize = id.as_str().parse().unwrap();
            open.retain(|o| *o != id);
        } else {
            let text = match c.get(3) {
                Some(t) => unescape(t.as_str()),
                None if &c[0] == "<w:tab/>" => "\t".into(),
                None => "\n".into(),
            };
            for o in &open {
                out.get_mut(o).unwrap().push_str(&text);
            }
        }
    }
    out
}

#[test]
fn annotated_copy_has_one_comment_per_finding_on_its_characters() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .current_dir(root())
        .args(["check", DRAFT, "-q", "--format", "csv", "--annotate"])
        .arg(dir.path())
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert!(rows.len() >= 10);
    let docx = dir.path().join(format!("{DRAFT}.docx"));
    let types = part(&docx, "[Content_Types].xml");
    assert!(types.contains("PartName=\"/word/comments.xml\""));
    assert!(types.contains("wordprocessingml.comments+xml"));
    assert!(part(&docx, "_rels/.rels").contains("Target=\"word/document.xml\""));
    assert!(part(&docx, "word/_rels/document.xml.rels").contains("relationships/comments"));
    let comments = part(&docx, "word/comments.xml");
    let document = part(&docx, "word/document.xml");
    assert_eq!(comments.matches("<w:comment ").count(), rows.len());
    assert_eq!(comments.matches("w:author=\"gongwen\"").count(), rows.len());
    assert_eq!(document.matches("<w:commentReference ").count(), rows.len());
    let ranges = ranges(&document);
    assert_eq!(ranges.len(), rows.len());
    // Comments are in the order of the findings; each covers the flagged text exactly.
    for (id, row) in rows.iter().enumerate() {
        assert_eq!(ranges[&id], row[6], "comment {id}: {row:?}");
        assert!(comments.contains(&format!("[{}] ", row[3])), "{}", row[3]);
    }
    // The annotated copy reads back as the same text: checking it finds the same things.
    let again = Command::new(bin())
        .args(["check", "-q", "--format", "csv"])
        .arg(&docx)
        .output()
        .unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    let again_rules: Vec<String> = csv::Reader::from_reader(again.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            format!("{}:{}:{}", &r[1], &r[2], &r[3])
        })
        .collect();
    let rules: Vec<String> = rows
        .iter()
        .map(|r| format!("{}:{}:{}", r[1], r[2], r[3]))
        .collect();
    assert_eq!(again_rules, rules);
}

/// LibreOffice's `soffice` on the PATH; `None`, saying so, where it is not installed.
fn soffice() -> Option<std::path::PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|n| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        println!("annotate: skipped, no soffice (scripts/install-office.sh installs it)");
    }
    found
}

/// Has LibreOffice convert `files` to `format` into `outdir` (its profile under `home`), and
/// fails the test when it cannot.
fn soffice_convert(
    soffice: &Path,
    format: &str,
    outdir: &Path,
    files: impl IntoIterator<Item = std::path::PathBuf>,
    home: &Path,
) {
    let out = Command::new(soffice)
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(outdir)
        .args(files)
        .env("HOME", home)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn libreoffice_opens_and_converts_the_annotated_copy() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    Command::new(bin())
        .current_dir(root())
        .args(["check", DRAFT, "-q", "--annotate"])
        .arg(dir.path())
        .output()
        .unwrap();
    let docx = dir.path().join(format!("{DRAFT}.docx"));
    soffice_convert(
        &soffice,
        "txt:Text (encoded):UTF8",
        dir.path(),
        [docx],
        dir.path(),
    );
    let txt = std::fs::read_to_string(dir.path().join("baoshan-fzzf-report-2022.txt.txt")).unwrap();
    let original = std::fs::read_to_string(root().join(DRAFT)).unwrap();
    assert_eq!(
        txt.trim_start_matches('\u{feff}')
            .replace("\r\n", "\n")
            .trim_end(),
        original.trim_end()
    );
}

/// The Word documents annotated in place: the seed report's .docx form, the three made from
/// real texts with tables, and the bundled corpus's .docx.
const DOCX: [&str; 5] = [
    SEED_DOCX,
    "tests/fixtures/annotate/fuhan-guobanting-1996-guobanhan16.docx",
    "tests/fixtures/annotate/fuhan-guobanting-2005-guobanhan21.docx",
    "tests/fixtures/annotate/pifu-guowuyuan-junwei-1996-guohan95.docx",
    "corpus/tongzhi-guobanting-2018-guobanfa124.docx",
];

fn parts(docx: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// The text inside each comment's range, by id, as the project's reader reads the body.
fn docx_ranges(document: &str) -> (String, std::collections::BTreeMap<i64, String>) {
    use gongwen::input::docx::{walk_body, Step};
    let id_of = |tag: &str| -> i64 {
        let i = tag.find("w:id=\"").unwrap() + 6;
        tag[i..i + tag[i..].find('"').unwrap()].parse().unwrap()
    };
    let mut end = 0;
    let mut open = std::collections::BTreeMap::new();
    let mut spans = Vec::new();
    let text = walk_body(document, &mut |step| match step {
        Step::Emit { out, .. } => end = out.end,
        Step::Leaf("w:commentRangeStart", at) => {
            open.insert(id_of(&document[at]), end);
        }
        Step::Leaf("w:commentRangeEnd", at) => {
            let id = id_of(&document[at]);
            spans.push((
                id,
                open.remove(&id).expect("range end after its start"),
                end,
            ));
        }
        _ => {}
    })
    .unwrap();
    assert!(open.is_empty(), "ranges left open: {open:?}");
    let ranges = spans
        .into_iter()
        .map(|(id, s, e)| (id, text[s..e].to_string()))
        .collect();
    (text, ranges)
}

fn check_csv(args: &[&str], annotate: &Path) -> Vec<Vec<String>> {
    let out = Command::new(bin())
        .current_dir(root())
        .args(["check", "-q", "--format", "csv"])
        .args(args)
        .arg("--annotate")
        .arg(annotate)
        .output()
        .unwrap();
    assert_quiet(&out);
    csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn annotated_word_documents_keep_every_part_and_mark_each_finding() {
    let dir = tempfile::tempdir().unwrap();
    let rows = check_csv(&DOCX, dir.path());
    let mut total = 0;
    let marks = regex::Regex::new(
        r#"<w:commentRange(?:Start|End) w:id="\d+"/>|<w:r><w:commentReference w:id="\d+"/></w:r>"#,
    )
    .unwrap();
    let rule_of = regex::Regex::new(
        r#"<w:comment w:id="(\d+)"[^>]*><w:p><w:r><w:t xml:space="preserve">[^<\[]*\[([\w-]+)\]"#,
    )
    .unwrap();
    for name in DOCX {
        let input = root().join(name);
        let output = dir.path().join(name);
        let (before, after) = (parts(&input), parts(&output));
        // Every part but the four that carry comments is as it was, byte for byte.
        let carriers = [
            "word/document.xml",
            "word/comments.xml",
            "word/_rels/document.xml.rels",
            "[Content_Types].xml",
        ];
        for (part, bytes) in &before {
            if !carriers.contains(&part.as_str()) {
                assert!(after.get(part) == Some(bytes), "{name}: {part} changed");
            }
        }
        let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
        assert!(added.iter().all(|k| *k == "word/comments.xml"), "{added:?}");
        let types = String::from_utf8(after["[Content_Types].xml"].clone()).unwrap();
        assert!(types.contains(
            "PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\""
        ));
        let rels = String::from_utf8(after["word/_rels/document.xml.rels"].clone()).unwrap();
        assert!(rels.contains("relationships/comments\" Target=\"comments.xml\""));

        // The body reads as before, with the marks and without them.
        let old = String::from_utf8(before["word/document.xml"].clone()).unwrap();
        let new = String::from_utf8(after["word/document.xml"].clone()).unwrap();

        let stripped = marks.replace_all(&new, "");
        let read = |xml: &str| docx_ranges(xml).0;
        assert_eq!(read(&new), read(&old), "{name}");
        assert_eq!(read(&stripped), read(&old), "{name}");
        let original_bytes = std::fs::read(&input).unwrap();
        assert_eq!(
            gongwen::input::docx::docx_text(&std::fs::read(&output).unwrap(), 1 << 26).unwrap(),
            gongwen::input::docx::docx_text(&original_bytes, 1 << 26).unwrap()
        );

        // One comment per finding, by gongwen, on exactly the characters flagged.
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == name).collect();
        let comments = String::from_utf8(after["word/comments.xml"].clone()).unwrap();
        assert_eq!(
            comments.matches("<w:comment ").count(),
            mine.len(),
            "{name}"
        );
        assert_eq!(
            comments
                .matches("w:author=\"gongwen\" w:initials=\"GW\"")
                .count(),
            mine.len()
        );
        assert_eq!(new.matches("<w:commentReference ").count(), mine.len());
        let (_, ranges) = docx_ranges(&new);
        assert_eq!(ranges.len(), mine.len(), "{name}");

        let mut got: Vec<(String, String)> = rule_of
            .captures_iter(&comments)
            .map(|c| {
                (
                    c[2].to_string(),
                    ranges[&c[1].parse::<i64>().unwrap()].clone(),
                )
            })
            .collect();
        let mut want: Vec<(String, String)> =
            mine.iter().map(|r| (r[3].clone(), r[6].clone())).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
        total += mine.len();
    }
    // The fixtures are chosen for their findings: in tables and in long runs.
    assert!(total >= 10, "{total}");
}

#[test]
fn the_seed_reports_word_form_gets_a_comment_for_each_finding_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let of = |rows: Vec<Vec<String>>| -> Vec<(String, String, String)> {
        rows.into_iter()
            .map(|r| (r[1].clone(), r[3].clone(), r[6].clone()))
            .collect()
    };
    let from_docx = of(check_csv(&[SEED_DOCX], &dir.path().join("d")));
    let from_text = of(check_csv(&[DRAFT], &dir.path().join("t")));
    // The Word form is the report itself: the same findings on the same lines and characters.
    assert_eq!(from_docx, from_text);
    assert!(from_docx.len() >= 10, "{}", from_docx.len());
    let comments = part(&dir.path().join("d").join(SEED_DOCX), "word/comments.xml");
    assert_eq!(comments.matches("<w:comment ").count(), from_docx.len());
}

#[test]
fn annotating_never_replaces_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let name = "pifu-guowuyuan-junwei-1996-guohan95.docx";
    let original = std::fs::read(root().join("tests/fixtures/annotate").join(name)).unwrap();
    std::fs::write(dir.path().join(name), &original).unwrap();
    let out = Command::new(bin())
        .current_dir(dir.path())
        .args(["check", "-q", name, "--annotate", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("目标就是原文件"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), original);
}

#[test]
fn libreoffice_converts_the_annotated_word_documents() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let annotated = dir.path().join("annotated");
    check_csv(&DOCX, &annotated);
    let convert = |files: Vec<std::path::PathBuf>, to: &Path| {
        soffice_convert(&soffice, "txt:Text (encoded):UTF8", to, files, dir.path())
    };
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    convert(DOCX.iter().map(|n| annotated.join(n)).collect(), &a);
    convert(DOCX.iter().map(|n| root().join(n)).collect(), &b);
    for n in DOCX {
        let txt = Path::new(n).with_extension("txt");
        let txt = txt.file_name().unwrap();
        // The comments do not change the text LibreOffice reads (it may set an empty line apart
        // before a table that holds a comment).
        let lines = |p: std::path::PathBuf| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(|l| l.trim_start_matches('\u{feff}').to_string())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let annotated = lines(a.join(txt));
        assert_eq!(annotated, lines(b.join(txt)), "{n}");
        assert!(
            annotated.chars().filter(|c| *c > '\u{4e00}').count() > 100,
            "{n}"
        );
    }
}

/// That a run said nothing on standard error: no file unread, no warning.
fn assert_quiet(out: &std::process::Output) {
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `text` fixed by `gongwen fix --write`, as a text file in `dir`.
fn fixed_by_fix_write(dir: &Path, text: &str) -> String {
    let txt = dir.join("draft.txt");
    std::fs::write(&txt, text).unwrap();
    let out = Command::new(bin())
        .args(["fix", "-q", "--write"])
        .arg(&txt)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&txt).unwrap()
}

/// The text of a body with its tracked changes rejected: insertions dropped, deletions kept.
fn rejected(document: &str) -> String {
    let ins = regex::Regex::new(r"(?s)<w:ins [^>]*>.*?</w:ins>").unwrap();
    let kept = ins
        .replace_all(document, "")
        .replace("<w:del ", "<w:x ")
        .replace("</w:del>", "</w:x>")
        .replace("w:delText", "w:t");
    gongwen::input::docx::walk_body(&kept, &mut |_| {}).unwrap()
}

#[test]
fn revisions_replace_exactly_the_characters_the_safe_fixes_replace() {
    let dir = tempfile::tempdir().unwrap();
    let (comments_dir, revisions_dir) = (dir.path().join("c"), dir.path().join("r"));
    let mut inputs: Vec<&str> = DOCX.to_vec();
    inputs.push(DRAFT);
    check_csv(&inputs, &comments_dir);
    let out = Command::new(bin())
        .current_dir(root())
        .args(["check", "-q", "--annotate-mode", "revisions", "--annotate"])
        .arg(&revisions_dir)
        .args(&inputs)
        .output()
        .unwrap();
    assert_quiet(&out);
    let mark = regex::Regex::new(r"<w:(ins|del) [^>]*>").unwrap();
    let rule_of = regex::Regex::new(r#"<w:t xml:space="preserve">[^<\[]*\[([\w-]+)\]"#).unwrap();
    let mut changed = 0;
    for name in inputs {
        let file = if name.ends_with(".docx") {
            name.to_string()
        } else {
            format!("{name}.docx")
        };
        let (c, r) = (comments_dir.join(&file), revisions_dir.join(&file));
        let original =
            gongwen::input::docx::docx_text(&std::fs::read(&c).unwrap(), 1 << 26).unwrap();
        let document = part(&r, "word/document.xml");
        // Accepted, the changes give what `fix --write` makes of the text; rejected, the text.
        let accepted =
            gongwen::input::docx::docx_text(&std::fs::read(&r).unwrap(), 1 << 26).unwrap();
        assert_eq!(
            accepted.trim_end(),
            fixed_by_fix_write(dir.path(), &original).trim_end(),
            "{name}"
        );
        assert_eq!(rejected(&document), original, "{name}");
        // Each by gongwen, on a fixed date.
        let marks: Vec<&str> = mark.find_iter(&document).map(|m| m.as_str()).collect();
        for m in &marks {
            assert!(
                m.contains("w:author=\"gongwen\" w:date=\"2000-01-01T00:00:00Z\""),
                "{m}"
            );
        }
        changed += marks.len();
        // The comments left are those of findings no change stands for.
        let rules = |p: &Path| -> Vec<String> {
            // A document whose findings all became tracked changes has no comments part.
            let mut z = zip::ZipArchive::new(std::fs::File::open(p).unwrap()).unwrap();
            let mut comments = String::new();
            if let Ok(mut f) = z.by_name("word/comments.xml") {
                f.read_to_string(&mut comments).unwrap();
            }
            rule_of
                .captures_iter(&comments)
                .map(|c| c[1].to_string())
                .collect()
        };
        let (all, left) = (rules(&c), rules(&r));
        assert!(
            left.iter().all(|rule| all.contains(rule)),
            "{name}: {left:?}"
        );
        let unsafe_rules = |v: &[String]| v.iter().filter(|r| !gongwen::fix::is_safe(r)).count();
        assert_eq!(unsafe_rules(&left), unsafe_rules(&all), "{name}");
        if accepted != original {
            assert!(left.len() < all.len(), "{name}");
        }
    }
    assert!(changed >= 300, "{changed}");
}

#[test]
fn libreoffice_keeps_the_revisions_as_tracked_changes() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let annotated = dir.path().join("annotated");
    let out = Command::new(bin())
        .current_dir(root())
        .args([
            "check",
            "-q",
            SEED_DOCX,
            "--annotate-mode",
            "revisions",
            "--annotate",
        ])
        .arg(&annotated)
        .output()
        .unwrap();
    assert_quiet(&out);
    // LibreOffice reads the document and writes it again: its own tracked changes, accepted by
    // the project's reader, must be the fixed text; rejected, the original.
    let again = dir.path().join("again");
    soffice_convert(
        &soffice,
        "docx:MS Word 2007 XML",
        &again,
        [annotated.join(SEED_DOCX)],
        dir.path(),
    );
    let written = again.join("baoshan-fzzf-report-2022.docx");
    let original = std::fs::read_to_string(root().join(DRAFT)).unwrap();
    let accepted =
        gongwen::input::docx::docx_text(&std::fs::read(&written).unwrap(), 1 << 26).unwrap();
    assert_ne!(accepted.trim_end(), original.trim_end());
    assert_eq!(
        accepted.trim_end(),
        fixed_by_fix_write(dir.path(), &original).trim_end()
    );
    let document = part(&written, "word/document.xml");
    assert_eq!(rejected(&document).trim_end(), original.trim_end());
    assert!(document.matches("w:author=\"gongwen\"").count() >= 100);
}
