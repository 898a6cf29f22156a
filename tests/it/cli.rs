//! The command line as users run it: whole folders, bad inputs, thread counts, pipes.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{bin, read_csv, root, shared_real};
use crate::input::make_docx;

fn extract(args: &[&str], out: &Path) -> std::process::Output {
    Command::new(bin())
        .arg("extract")
        .args(args)
        .arg("-o")
        .arg(out)
        .arg("-q")
        .output()
        .expect("run gongwen")
}

/// documents.csv as file → row (column name → value).
fn documents(out: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let (header, rows) = read_csv(&out.join("documents.csv"));
    rows.into_iter()
        .map(|r| {
            let m: BTreeMap<String, String> = header.iter().cloned().zip(r).collect();
            (m["file"].clone(), m)
        })
        .collect()
}

#[test]
fn bundled_corpus_lists_every_file_with_its_encoding_and_format() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(bin())
        .current_dir(root())
        .args(["extract", "corpus", "-q", "-o"])
        .arg(out.path())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let docs = documents(out.path());
    // corpus/.gongwenignore keeps the source notes out.
    let files: Vec<String> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n != "SOURCES.md")
        .map(|n| format!("corpus/{n}"))
        .collect();
    assert_eq!(files.len(), 12);
    assert_eq!(docs.len(), files.len());
    for f in &files {
        let row = &docs[f];
        assert_eq!(row["status"], "ok", "{f}");
        let (enc, fmt) = if f.ends_with(".docx") {
            ("UTF-8", "docx")
        } else if f.contains("gb18030") {
            ("GB18030", "text")
        } else {
            ("UTF-8", "text")
        };
        assert_eq!(
            (row["encoding"].as_str(), row["format"].as_str()),
            (enc, fmt),
            "{f}"
        );
    }
    let docx = &docs["corpus/tongzhi-guobanting-2018-guobanfa124.docx"];
    assert_eq!(docx["docnum"], "国办发〔2018〕124号");
    assert_eq!(docx["year"], "2018");
    let law = &docs["corpus/falv-quanguorenda-2023-lifafa.txt"];
    assert_eq!(law["title"], "中华人民共和国立法法");
    // Every table of the contract is written, even where it has no rows yet.
    for t in [
        "documents",
        "figures",
        "docnums",
        "citations",
        "findings",
        "citation_index",
    ] {
        let bytes = std::fs::read(out.path().join(format!("{t}.csv"))).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{t} has a BOM");
    }
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn shared_real_corpus_reads_completely() {
    let Some(real) = shared_real() else { return };
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[real.to_str().unwrap()], out.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = documents(out.path());
    let n = std::fs::read_dir(&real).unwrap().count();
    assert_eq!(docs.len(), n);
    for (f, row) in &docs {
        // The folder's list of sources is English prose with tables: no document, passed over.
        if f.ends_with("SOURCES.md") {
            assert_eq!(row["status"], "skipped", "{f}");
            assert!(row["error"].contains("汉字只占"), "{f}: {}", row["error"]);
            continue;
        }
        assert_eq!(
            (
                row["status"].as_str(),
                row["encoding"].as_str(),
                row["undecodable_bytes"].as_str()
            ),
            ("ok", "UTF-8", "0"),
            "{f}"
        );
    }
    // Titles of gov.cn pages come from their metadata box.
    let notice = docs
        .iter()
        .find(|(f, _)| f.ends_with("tongzhi-guowuyuan-2018-guofa38.txt"))
        .unwrap()
        .1;
    assert_eq!(
        notice["title"],
        "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
    );
    assert_eq!(notice["docnum"], "国发〔2018〕38号");
}

/// A folder of everything that goes wrong in real batches.
fn bad_folder(dir: &Path) {
    let seed = std::fs::read_to_string(root().join("corpus/baoshan-fzzf-report-2022.txt")).unwrap();
    let w = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    w("empty.txt", b"");
    w(
        "binary.bin",
        &(0..2048u32)
            .map(|i| (i * 31 % 256) as u8)
            .collect::<Vec<_>>(),
    );
    let mut invalid = seed.clone().into_bytes();
    invalid.insert(3, 0xFF);
    w("invalid-utf8.txt", &invalid);
    w("gb18030.txt", &encoding_rs::GB18030.encode(&seed).0);
    w(
        "utf16le-nobom.txt",
        &seed
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect::<Vec<_>>(),
    );
    let good = make_docx(&["保政发〔2022〕10号", "正文"]);
    w("truncated.docx", &good[..good.len() / 2]);
    w("not-a-zip.docx", b"this is not a zip file at all");
    w("good.docx", &good);
    w("名称 带空格/第一层/第二层/报告 2022.txt", seed.as_bytes());
    w(".hidden.txt", b"hidden");
    w("ignored/skip.txt", b"ignored");
    w(".gongwenignore", b"ignored/\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere.txt", dir.join("dangling.txt")).unwrap();
        std::fs::create_dir_all(dir.join("loop")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("loop/up")).unwrap();
    }
}

#[test]
fn a_folder_of_bad_files_is_processed_completely() {
    let input = tempfile::tempdir().unwrap();
    bad_folder(input.path());
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[input.path().to_str().unwrap()], out.path());
    assert_eq!(o.status.code(), Some(2), "some inputs failed");
    let docs = documents(out.path());
    let by_name = |suffix: &str| {
        docs.iter()
            .find(|(f, _)| f.ends_with(suffix))
            .unwrap_or_else(|| panic!("no row for {suffix}: {:?}", docs.keys()))
            .1
            .clone()
    };
    let expect = [
        ("/empty.txt", "skipped", "文件为空"),
        ("/binary.bin", "skipped", "二进制"),
        ("/truncated.docx", "error", "docx"),
        ("/not-a-zip.docx", "error", "docx"),
    ];
    for (f, status, reason) in expect {
        let row = by_name(f);
        assert_eq!(row["status"], status, "{f}");
        assert!(row["error"].contains(reason), "{f}: {}", row["error"]);
    }
    assert_eq!(by_name("/gb18030.txt")["encoding"], "GB18030");
    assert_eq!(by_name("/utf16le-nobom.txt")["encoding"], "UTF-16LE");
    let invalid = by_name("/invalid-utf8.txt");
    assert_eq!(
        (
            invalid["status"].as_str(),
            invalid["undecodable_bytes"].as_str()
        ),
        ("ok", "1")
    );
    assert!(invalid["error"].contains("1个字节"));
    assert_eq!(by_name("/good.docx")["status"], "ok");
    assert_eq!(by_name("/报告 2022.txt")["status"], "ok");
    #[cfg(unix)]
    {
        let d = by_name("/dangling.txt");
        assert_eq!(d["status"], "error");
        assert!(d["error"].contains("不存在"), "{}", d["error"]);
        assert!(
            docs.values().any(|r| r["error"].contains("循环")),
            "link loop reported"
        );
    }
    assert!(!docs
        .keys()
        .any(|f| f.contains("hidden") || f.contains("ignored")));
    // The good files give the same rows as when run alone.
    let alone = tempfile::tempdir().unwrap();
    let gb = input.path().join("gb18030.txt");
    extract(&[gb.to_str().unwrap()], alone.path());
    let single = documents(alone.path());
    let mut a = single.values().next().unwrap().clone();
    let mut b = by_name("/gb18030.txt");
    a.remove("file");
    b.remove("file");
    assert_eq!(a, b);
}

/// Every table, byte for byte, is the same whatever the thread count and from one run to the
/// next. Eight threads work in larger chunks than one or two (`pipeline::chunk_size`), so the
/// chunk boundaries fall elsewhere, and two runs with eight threads schedule differently.
#[test]
fn output_does_not_depend_on_thread_count() {
    let mut paths = vec![root().join("corpus")];
    if let Some(real) = shared_real() {
        paths.push(real);
    }
    let run = |threads: &str| {
        let out = tempfile::tempdir().unwrap();
        let status = Command::new(bin())
            .arg("extract")
            .args(&paths)
            .args(["-q", "--format", "csv", "--threads", threads, "-o"])
            .arg(out.path())
            .status()
            .unwrap();
        assert!(status.success());
        let mut tables = BTreeMap::new();
        for e in std::fs::read_dir(out.path()).unwrap() {
            let e = e.unwrap();
            tables.insert(e.file_name(), std::fs::read(e.path()).unwrap());
        }
        tables
    };
    let one = run("1");
    assert_eq!(one.len(), 8);
    // Identical empty tables would prove nothing.
    for (name, bytes) in &one {
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        assert!(lines > 1, "{name:?} has no rows");
    }
    let compare = |other: &BTreeMap<std::ffi::OsString, Vec<u8>>, what: &str| {
        assert_eq!(
            one.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>(),
            "{what}"
        );
        for (name, bytes) in &one {
            assert!(other[name] == *bytes, "{name:?} differs with {what}");
        }
    };
    compare(&run("2"), "2 threads");
    compare(&run("8"), "8 threads");
    compare(&run("8"), "a second run with 8 threads");
}

#[test]
fn segment_writes_tokens_and_tolerates_a_closed_pipe() {
    let o = Command::new(bin())
        .current_dir(root())
        .args(["segment", "corpus/baoshan-fzzf-report-2022.txt"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    let mut lines = s.lines();
    assert_eq!(lines.next(), Some("file,line,column,token,pos,page"));
    assert!(
        s.contains("corpus/baoshan-fzzf-report-2022.txt,1,1,根据,p"),
        "{}",
        &s[..300]
    );
    assert!(s.contains(",合法性审核,"));

    // A reader that stops early (like `| head`) is not an error.
    let mut child = Command::new(bin())
        .current_dir(root())
        .args(["segment", "corpus"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty() || !String::from_utf8_lossy(&o.stderr).contains("错误"));
}

#[test]
fn missing_path_and_bad_arguments_exit_2() {
    let out = tempfile::tempdir().unwrap();
    let o = extract(&["no/such/file.txt"], out.path());
    assert_eq!(o.status.code(), Some(2));
    let docs = documents(out.path());
    assert_eq!(
        docs["no/such/file.txt"]["error"],
        "文件或目录不存在，请检查路径是否正确"
    );
    let o = Command::new(bin()).args(["extract"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = Command::new(bin())
        .args(["extract", "corpus", "--encoding", "klingon", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("不认识的编码"));
}

#[test]
fn stdin_jsonl_streams_one_document_per_line() {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(["extract", "--stdin-jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        writeln!(
            stdin,
            "{{\"id\": \"a\", \"text\": \"完成合法性审核212件，审核率达100%。\"}}"
        )
        .unwrap();
        writeln!(stdin, "broken").unwrap();
        writeln!(stdin, "{{\"id\": 2, \"text\": \"根据《信访条例》办理。\"}}").unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "one line was not JSON");
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let docs: Vec<_> = rows.iter().filter(|r| r["table"] == "documents").collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(
        (docs[0]["file"].as_str(), docs[0]["figures"].as_i64()),
        (Some("a"), Some(2))
    );
    assert_eq!(docs[1]["status"], "error");
    assert!(docs[1]["error"].as_str().unwrap().contains("第2行"));
    assert_eq!(docs[2]["file"], "2");
    assert!(rows
        .iter()
        .any(|r| r["table"] == "citations" && r["title"] == "信访条例" && r["file"] == "2"));
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let o = Command::new(bin())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("extract") && s.contains("--stdin-jsonl"));
    let o = Command::new(bin()).arg("man").output().unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.starts_with(".ie") && s.contains(".TH gongwen 1"));
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let o = Command::new(bin())
        .current_dir(root())
        .args(["extract", "corpus/baoshan-fzzf-report-2022.txt", "-o"])
        .arg(blocker.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法在"));
}

#[test]
fn every_check_format_tolerates_a_closed_pipe() {
    // `check … --format sarif | head`: the reader stops early; the findings it read still decide
    // the exit code, and nothing is said of a write failure.
    for format in ["text", "csv", "jsonl", "html", "sarif", "github"] {
        let mut child = Command::new(bin())
            .current_dir(root())
            .args(["check", "corpus", "-q", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("写入失败"), "{format}: {err}");
        assert_eq!(o.status.code(), Some(1), "{format}: {err}");
    }
}
