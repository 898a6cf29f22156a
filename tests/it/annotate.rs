//! `check --annotate DIR`: a Word document per input with one comment per finding, anchored on
//! exactly the flagged characters. The package is read back here part by part; where
//! LibreOffice is installed (`scripts/install-office.sh`) it must also convert the file.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::{bin, root};

const DRAFT: &str = "corpus/baoshan-fzzf-report-2022.txt";

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

#[test]
fn libreoffice_opens_and_converts_the_annotated_copy() {
    let Some(soffice) = ["soffice", "libreoffice"].iter().find_map(|n| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    }) else {
        println!("annotate: skipped, no soffice (scripts/install-office.sh installs it)");
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
    let out = Command::new(soffice)
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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
