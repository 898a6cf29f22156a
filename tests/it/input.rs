//! Reading real files in every supported shape, and bad files that must not stop a batch.

use std::io::Write;
use std::path::Path;

use gongwen::input::{self, Input, ReadOptions, Status};

use crate::common::{corpus_text, root};

fn load_file(path: &Path) -> Result<gongwen::Document, input::Failure> {
    let input = Input::File {
        path: path.to_path_buf(),
        display: path.display().to_string(),
        walked: false,
    };
    input::load(&input, &ReadOptions::default())
}

const SEED: &str = "baoshan-fzzf-report-2022.txt";

/// Makes a minimal .docx the way Word lays it out (content types, relationships, body part).
pub fn make_docx(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">");
        body.push_str(&p.replace('&', "&amp;").replace('<', "&lt;"));
        body.push_str("</w:t></w:r></w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn every_encoding_decodes_to_the_same_text() {
    let text = corpus_text(SEED);
    let dir = tempfile::tempdir().unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let gb = encoding_rs::GB18030.encode(&text).0.into_owned();
    let mut le_bom = vec![0xFF, 0xFE];
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    le_bom.extend_from_slice(&le);
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("utf8.txt", text.as_bytes().to_vec(), "UTF-8"),
        ("bom.txt", bom, "UTF-8-BOM"),
        ("gb.txt", gb, "GB18030"),
        ("le-bom.txt", le_bom, "UTF-16LE"),
        ("le.txt", le, "UTF-16LE"),
    ];
    for (name, bytes, enc) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let doc = load_file(&p).unwrap_or_else(|f| panic!("{name}: {}", f.reason));
        assert_eq!(doc.encoding, enc, "{name}");
        assert_eq!(doc.undecodable, 0, "{name}");
        assert!(doc.text == text, "{name}: decoded text differs");
    }
}

#[test]
fn forced_encoding_overrides_detection() {
    let text = "国务院关于印发《政府工作报告》的通知";
    let gb = encoding_rs::GBK.encode(text).0.into_owned();
    let opts = ReadOptions {
        encoding: input::decode::encoding_for_label("gbk"),
        ..ReadOptions::default()
    };
    let doc = input::from_bytes("x.txt", "txt", &gb, &opts).unwrap();
    assert_eq!(doc.text, text);
    assert_eq!(doc.encoding, "GB18030");
}

#[test]
fn docx_built_here_and_in_corpus() {
    let bytes = make_docx(&["国务院关于印发《A&B》的通知", "国发〔2018〕38号"]);
    let doc = input::from_bytes("t.docx", "docx", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.text, "国务院关于印发《A&B》的通知\n国发〔2018〕38号\n");
    assert_eq!(doc.format, gongwen::Format::Docx);

    let real = load_file(&root().join("corpus/tongzhi-guobanting-2018-guobanfa124.docx")).unwrap();
    let plain = std::fs::read_to_string(
        root().join("../shared/corpus/real/tongzhi-guobanting-2018-guobanfa124.txt"),
    )
    .ok();
    // Every non-empty body line of the source text is one paragraph of the Word file.
    assert!(real.text.contains("国办发〔2018〕124号\n"));
    if let Some(plain) = plain {
        let body: Vec<&str> = plain
            .lines()
            .skip(9)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let docx_lines: Vec<&str> = real.text.lines().collect();
        for line in &body {
            assert!(docx_lines.contains(line), "missing paragraph: {line}");
        }
    }
}

#[test]
fn bad_containers_fail_with_reasons() {
    let good = make_docx(&["正文"]);
    let truncated = &good[..good.len() / 2];
    let mut corrupt = good.clone();
    for b in corrupt.iter_mut().skip(40).take(200) {
        *b = 0x55;
    }
    let opts = ReadOptions::default();
    for (name, bytes) in [
        ("truncated.docx", truncated.to_vec()),
        ("corrupt.docx", corrupt),
    ] {
        let f = input::from_bytes(name, "docx", &bytes, &opts).unwrap_err();
        assert_eq!(f.status, Status::Error, "{name}");
        assert!(f.reason.contains("docx"), "{name}: {}", f.reason);
    }
    let f = input::from_bytes("e.txt", "txt", b"", &opts).unwrap_err();
    assert_eq!((f.status, f.reason.as_str()), (Status::Skipped, "文件为空"));
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let f = input::from_bytes("b.bin", "bin", &binary, &opts).unwrap_err();
    assert_eq!(f.status, Status::Skipped);
    assert!(f.reason.contains("二进制"), "{}", f.reason);
    // A document that cannot be read is an input not read, never passed over.
    let f = input::from_bytes("p.pdf", "pdf", b"%PDF-1.7\n...", &opts).unwrap_err();
    assert_eq!(f.status, Status::Error);
    assert!(f.reason.starts_with("PDF文件损坏"), "{}", f.reason);
    let f = input::from_bytes("a.doc", "doc", b"\xD0\xCF\x11\xE0rest", &opts).unwrap_err();
    assert_eq!(f.status, Status::Error);
    let f = input::from_bytes("p.png", "png", b"\x89PNG\r\n", &opts).unwrap_err();
    assert_eq!(f.status, Status::Skipped);
}

#[test]
fn invalid_utf8_bytes_are_counted_not_hidden() {
    let mut bytes = corpus_text(SEED).into_bytes();
    bytes.insert(30, 0xFF);
    bytes.insert(31, 0xFE);
    let doc = input::from_bytes("bad.txt", "txt", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.undecodable, 2);
    assert!(doc.text.contains('\u{FFFD}'));
}

#[test]
fn html_pages_become_lines() {
    let html = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div class=\"pages_content\"><p>各省、自治区、直辖市人民政府：</p><p>现将《A》印发给你们，请认真贯彻执行。</p></div></body></html>";
    let doc =
        input::from_bytes("a.html", "html", html.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(doc.format, gongwen::Format::Html);
    assert_eq!(
        doc.text,
        "各省、自治区、直辖市人民政府：\n现将《A》印发给你们，请认真贯彻执行。\n"
    );
}

/// A walk reads documents only: a file list, a README and an earlier run's tables sit beside
/// the drafts in real folders and are listed as skipped with the reason, never read; the run's
/// own output is left out; a data file named on the command line is read.
#[test]
fn a_walk_reads_documents_and_passes_over_data_files_and_earlier_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), corpus_text(SEED)).unwrap();
    std::fs::write(
        d.join("INDEX.tsv"),
        "file\tbytes\ttitle\na.txt\t12345\t保山市2022年法治政府建设工作报告\n",
    )
    .unwrap();
    let readme = "# Sources\n\nEach file was downloaded from the portal of the issuing government \
                  and converted to UTF-8 text; see the list below for dates.\n"
        .repeat(3);
    std::fs::write(d.join("SOURCES.md"), readme).unwrap();
    let old = d.join("old-run");
    std::fs::create_dir(&old).unwrap();
    std::fs::write(old.join("documents.csv"), "file,status\nx.txt,ok\n").unwrap();
    std::fs::write(old.join("findings.csv"), "file,line\n").unwrap();
    std::fs::write(old.join("notes.txt"), corpus_text(SEED)).unwrap();

    let inputs = input::expand(&[d.to_path_buf()]);
    let outcome: Vec<(String, &str)> = inputs
        .iter()
        .map(|i| {
            let name = i.display().rsplit('/').next().unwrap().to_string();
            let status = match input::load(i, &ReadOptions::default()) {
                Ok(_) => "ok",
                Err(f) => f.status.as_str(),
            };
            (name, status)
        })
        .collect();
    let want: Vec<(String, &str)> = [
        ("INDEX.tsv", "skipped"),
        ("SOURCES.md", "skipped"),
        ("a.txt", "ok"),
        ("old-run", "skipped"),
    ]
    .iter()
    .map(|(n, s)| (n.to_string(), *s))
    .collect();
    assert_eq!(outcome, want);

    // Named, a data file is read.
    let named = input::expand(&[d.join("INDEX.tsv")]);
    assert!(input::load(&named[0], &ReadOptions::default()).is_ok());

    // The run's own output, inside the folder it reads, is never read back.
    let out = d.join("out");
    let run = || {
        let st = std::process::Command::new(crate::common::bin())
            .args(["extract", "-q", "-o"])
            .arg(&out)
            .arg(d)
            .status()
            .unwrap();
        assert!(st.success());
        std::fs::read_to_string(out.join("documents.csv")).unwrap()
    };
    let first = run();
    assert_eq!(first, run());
    assert!(!first.contains("out/"), "{first}");
}
