//! Inputs and outputs that must not take a run down: special files, endless reads, binary
//! data, bombs, broken streams and interrupted runs.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bin, corpus_text, read_csv};

const SEED: &str = "baoshan-fzzf-report-2022.txt";

/// Waits for `child`, killing it when it runs past a generous limit: the faults tested here
/// show as a run that never ends, which must fail the test rather than hang the suite.
fn finish(mut child: Child, limit_s: u64) -> Output {
    let deadline = Instant::now() + Duration::from_secs(limit_s);
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gongwen still running after {limit_s} s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn extract(args: &[&str], dir: &Path) -> Output {
    let child = Command::new(bin())
        .args(["extract", "-q"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child, 120)
}

/// documents.csv of `out` as (file, status, error) triples.
fn documents(out: &Path) -> Vec<(String, String, String)> {
    let (header, rows) = read_csv(&out.join("documents.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (f, s, e) = (col("file"), col("status"), col("error"));
    rows.into_iter()
        .map(|r| (r[f].clone(), r[s].clone(), r[e].clone()))
        .collect()
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), corpus_text(SEED)).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(input.join("b.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::os::unix::fs::symlink("/dev/zero", input.join("zero.txt")).unwrap();
    let o = extract(&["in", "-o", "out", "--max-file-size", "1"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = documents(&dir.path().join("out"));
    let row = |name: &str| docs.iter().find(|d| d.0 == format!("in/{name}")).unwrap();
    assert_eq!(row("a.txt").1, "ok");
    assert_eq!(row("b.txt").1, "skipped");
    assert!(row("b.txt").2.contains("命名管道"), "{:?}", row("b.txt"));
    assert_eq!(row("zero.txt").1, "skipped");
    assert!(
        row("zero.txt").2.contains("字符设备"),
        "{:?}",
        row("zero.txt")
    );
}

/// Bytes no encoding reads as text, from a fixed seed.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

/// Unknown binary data is skipped in time linear in its size: 16 MB took 81 s (32 MB, four
/// times that) when every bad byte cost a pass over the output buffer.
#[test]
fn unknown_binary_data_is_skipped_without_decoding_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.bin"), noise(32 << 20)).unwrap();
    let o = extract(&["r.bin", "-o", "out"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = documents(&dir.path().join("out"));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].1, "skipped");
    assert!(docs[0].2.contains("二进制文件"), "{:?}", docs[0]);
}

/// A text decoded piece by piece is the text decoded at once, damaged bytes included.
#[test]
fn decoding_with_many_bad_bytes_keeps_every_character() {
    use gongwen::input::decode::decode_with;
    let text = corpus_text(SEED).repeat(8);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let mut bytes = gb.into_owned();
    for i in (0..bytes.len()).step_by(997) {
        bytes[i] = 0xFF;
    }
    let (ours, bad) = decode_with(&bytes, encoding_rs::GB18030);
    let (theirs, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
    assert!(had_errors);
    assert_eq!(ours, theirs);
    assert!(bad >= bytes.len() / 997, "{bad}");
}

/// The unpacked body of a .docx is held to --max-file-size itself, not to a multiple of it.
#[test]
fn a_docx_body_over_the_file_size_limit_is_refused() {
    use gongwen::input::{self, ReadOptions, Status};
    use std::io::Write;
    let paragraph = "<w:p><w:r><w:t>合法性审核</w:t></w:r></w:p>".repeat(20_000);
    let xml = format!("<w:document xmlns:w=\"w\"><w:body>{paragraph}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let bytes = buf.into_inner();
    // Over the limit once unpacked, within a quarter of it packed and unpacked.
    let opts = ReadOptions {
        max_file_bytes: xml.len() as u64 / 2,
        ..ReadOptions::default()
    };
    assert!((bytes.len() as u64) < opts.max_file_bytes);
    let f = input::from_bytes("bomb.docx", "docx", &bytes, &opts).unwrap_err();
    assert_eq!(f.status, Status::Error);
    assert!(f.reason.contains("压缩炸弹"), "{}", f.reason);
    let opts = ReadOptions {
        max_file_bytes: xml.len() as u64,
        ..ReadOptions::default()
    };
    let doc = input::from_bytes("ok.docx", "docx", &bytes, &opts).unwrap();
    assert_eq!(doc.text.lines().count(), 20_000);
}

/// Every line of --stdin-jsonl gets its own row, whatever is wrong with the others.
#[test]
fn each_stdin_jsonl_line_gets_its_own_result() {
    use std::io::Write;
    let ok = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"共受理案件100件。\"}}\n");
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend(ok("bom").bytes());
    input.extend(b"{\"id\":\"bad\",\"text\":\"\xff\xfe\"}\n");
    input.extend(b"[\"array\", \"\xE5\x85\xB1100\xE4\xBB\xB6\"]\n");
    input.extend(
        format!(
            "{{\"id\":\"long\",\"text\":\"{}\"}}\n",
            "字".repeat(400_000)
        )
        .bytes(),
    );
    input.extend(ok("after").bytes());
    input.extend(b"{\"id\":\"cut\",\"text\":\"\xE5\x85\xB1");
    let mut child = Command::new(bin())
        .args(["extract", "--stdin-jsonl", "-q", "--max-file-size", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let o = finish(child, 120);
    writer.join().unwrap().unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["table"] == "documents")
        .collect();
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("bom", "ok"),
            ("<stdin>:2", "error"),
            ("<stdin>:3", "error"),
            ("<stdin>:4", "error"),
            ("after", "ok"),
            ("<stdin>:6", "error"),
        ]
    );
    let error = |i: usize| docs[i]["error"].as_str().unwrap();
    assert!(error(1).contains("UTF-8"), "{}", error(1));
    assert!(error(2).contains("JSON对象"), "{}", error(2));
    assert!(error(3).contains("超过上限"), "{}", error(3));
    assert_eq!(docs[4]["figures"], 1);
}

/// Names of the temporaries in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gongwen-"))
        .collect();
    names.sort();
    names
}

/// Ctrl-C during a run removes what the run had begun to write; the previous tables stay.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_files() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let corpus = crate::common::root().join("corpus");
    let mut child = Command::new(bin())
        .args(["extract", "-q", "--threads", "1", "-o"])
        .arg(&out)
        .args([&corpus, &corpus, &corpus, &corpus])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Interrupted once it has begun to write its tables.
    let deadline = Instant::now() + Duration::from_secs(120);
    while !out.exists() && child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let o = finish(child, 120);
    assert!(
        matches!(o.status.code(), Some(130) | Some(0)),
        "{:?}",
        o.status
    );
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
    assert_eq!(temporaries(&out), Vec::<String>::new());
}

/// What interrupted or killed runs left is removed by the next run, unless the process that
/// made it is still running.
#[cfg(unix)]
#[test]
fn temporaries_of_dead_runs_are_removed() {
    let root = tempfile::tempdir().unwrap();
    let (r, out) = (root.path(), root.path().join("out"));
    std::fs::create_dir(&out).unwrap();
    std::fs::write(r.join("a.txt"), corpus_text(SEED)).unwrap();
    std::fs::write(out.join(".gongwen-Ab12Cd.tmp"), "earlier version").unwrap();
    // No process has an id this high (the largest Linux allows is 4,194,304).
    std::fs::create_dir(r.join(".gongwen-4000000000-x.tmp")).unwrap();
    std::fs::write(r.join(".gongwen-4000000000-x.tmp/documents.csv"), "dead").unwrap();
    let alive = format!(".gongwen-{}-y.tmp", std::process::id());
    std::fs::create_dir(r.join(&alive)).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let o = extract(&["a.txt", "-o", "out"], r);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(temporaries(r), [alive]);
    assert_eq!(temporaries(&out), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(documents(&out)[0].1, "ok");
}

/// A cell longer than Excel allows is cut with a mark instead of failing the workbook; CSV
/// keeps it whole; the run says so; and the workbook's bytes are the same on every run.
#[test]
fn xlsx_cuts_overlong_cells_and_is_the_same_every_run() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("dups");
    std::fs::create_dir(&dir).unwrap();
    let body = "临川市人民政府关于加强行政执法工作的通知\n临政发〔2024〕1号\n各县（区）人民政府：\n现将《临川市人民政府关于加强行政执法工作的通知》（临政发〔2024〕1号）印发给你们。\n2024年3月1日\n";
    // Every version is listed in one cell of citation_index (in_corpus): 500 paths of 70
    // characters.
    // (Each differs by a line: identical copies are read once.)
    for k in 0..500 {
        let name = format!(
            "{}-{k:04}.txt",
            "临川市人民政府关于加强行政执法工作的通知".repeat(3)
        );
        std::fs::write(dir.join(name), format!("{body}第{k}稿\n")).unwrap();
    }
    // Each version names itself (a self edge); one more document cites the notice, so that its
    // index row lists all 500 in in_corpus.
    std::fs::write(
        dir.join("cite.txt"),
        "根据《临川市人民政府关于加强行政执法工作的通知》（临政发〔2024〕1号）执行。\n",
    )
    .unwrap();
    let x1 = extract(&["dups", "-o", "x1", "--format", "xlsx"], root.path());
    assert_eq!(
        x1.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&x1.stderr)
    );
    assert!(String::from_utf8_lossy(&x1.stderr).contains("已截断"));
    let x2 = extract(&["dups", "-o", "x2", "--format", "xlsx"], root.path());
    assert_eq!(x2.status.code(), Some(0));
    let bytes = |d: &str| std::fs::read(root.path().join(d).join("gongwen.xlsx")).unwrap();
    assert!(
        bytes("x1") == bytes("x2"),
        "the workbook differs between runs"
    );
    let csv = extract(&["dups", "-o", "c"], root.path());
    assert_eq!(csv.status.code(), Some(0));
    let (_, rows) = read_csv(&root.path().join("c/citation_index.csv"));
    let full = rows
        .iter()
        .flatten()
        .map(|c| c.chars().count())
        .max()
        .unwrap();
    assert!(full > 32_767, "{full}");
    let mut wb: Xlsx<_> = open_workbook(root.path().join("x1/gongwen.xlsx")).unwrap();
    let sheet = wb.worksheet_range("citation_index").unwrap();
    let longest = sheet
        .rows()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .max_by_key(|s| s.chars().count())
        .unwrap();
    assert!(longest.encode_utf16().count() <= 32_767);
    assert!(
        longest.ends_with("全文见CSV或JSONL〕"),
        "{}",
        &longest[longest.len() - 60..]
    );
}

/// Text after a `<` that starts no tag is read: the figures after it are found.
#[test]
fn html_text_after_a_literal_angle_bracket_is_read() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("a.html"),
        "<html><body><p>根据<<中华人民共和国行政许可法>>第十二条，全年共受理案件100件。</p><p>指标 a<b 时，办结率为98%。后续：共办理120件。</p></body></html>",
    )
    .unwrap();
    let o = extract(&["a.html", "-o", "out"], root.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (header, rows) = read_csv(&root.path().join("out/figures.csv"));
    let text = header.iter().position(|h| h == "text").unwrap();
    let found: Vec<&str> = rows.iter().map(|r| r[text].as_str()).collect();
    assert_eq!(found, ["100件", "98%", "120件"]);
}

/// Completions written to a full or closed standard output end the command without a panic.
#[cfg(target_os = "linux")]
#[test]
fn completions_on_a_full_or_closed_output_exit_cleanly() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = Command::new(bin())
        .args(["completions", "bash"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let mut child = Command::new(bin())
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = finish(child, 60);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `-` with a terminal for standard input says that it is waiting for it.
#[cfg(unix)]
#[test]
fn reading_standard_input_from_a_terminal_says_so() {
    use std::io::BufRead;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills in two new descriptors, owned below.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0);
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin())
        .args(["extract", "-", "-q", "-o"])
        .arg(dir.path().join("out"))
        .stdin(Stdio::from(slave))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stderr).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    drop(master);
    let line = line.expect("no word on stderr while waiting for the terminal");
    assert!(line.contains("正在从标准输入读取"), "{line}");
}

/// Identical files are read once; each copy gets a skipped row naming the first, and adds
/// nothing to the other tables.
#[test]
fn identical_files_are_read_once_and_their_copies_named() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let body = "临川市人民政府关于加强行政执法工作的通知\n临政发〔2024〕1号\n现将《临川市人民政府关于加强行政执法工作的通知》（临政发〔2024〕1号）印发给你们。共办理120件。\n";
    for k in 0..30 {
        std::fs::write(dir.join(format!("copy{k:02}.txt")), body).unwrap();
    }
    std::fs::write(dir.join("other.txt"), format!("{body}另办理5件。\n")).unwrap();
    let o = extract(&["in", "-o", "out"], root.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = root.path().join("out");
    let docs = documents(&out);
    assert_eq!(docs.len(), 31);
    assert_eq!(
        (docs[0].0.as_str(), docs[0].1.as_str()),
        ("in/copy00.txt", "ok")
    );
    for d in &docs[1..30] {
        assert_eq!(d.1, "skipped");
        assert!(d.2.contains("in/copy00.txt"), "{d:?}");
    }
    assert_eq!(
        (docs[30].0.as_str(), docs[30].1.as_str()),
        ("in/other.txt", "ok")
    );
    let (_, figures) = read_csv(&out.join("figures.csv"));
    assert_eq!(figures.len(), 3);
    let (_, edges) = read_csv(&out.join("citation_edges.csv"));
    assert!(
        edges.iter().all(|e| !e.concat().contains("copy01")),
        "{edges:?}"
    );
}

/// The stream's lines are the same whatever the size of the reads that deliver them: a line
/// split across refills, a CRLF ending, a BOM, blank lines (numbered but skipped) and a line
/// over the cap, which is refused without keeping it.
#[test]
fn stdin_jsonl_lines_do_not_depend_on_read_sizes() {
    use gongwen::input::jsonl::{document, Line, Lines};
    let text = corpus_text(SEED);
    let paras: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    let line =
        |i: usize| serde_json::json!({ "id": format!("p{i}"), "text": paras[i] }).to_string();
    let long = line(5);
    let cap = long.len() as u64 - 1;
    let input = format!(
        "\u{feff}{}\r\n\n  \n{}\n{}\r\n{long}\n{}",
        line(0),
        line(1),
        line(2),
        line(3)
    );
    let mut want = None;
    for buf in [1, 2, 3, 7, 64, 1 << 16] {
        let mut lines = Lines::new(
            std::io::BufReader::with_capacity(buf, input.as_bytes()),
            cap,
        );
        let mut got = Vec::new();
        while let Some((n, l)) = lines.next_line().unwrap() {
            let doc = match &l {
                Line::Bytes(_) => {
                    let d = document(n, &l, cap).unwrap();
                    (d.file, d.text)
                }
                Line::TooLong(len) => {
                    assert!(document(n, &l, cap)
                        .unwrap_err()
                        .reason
                        .contains("超过上限"));
                    (String::new(), len.to_string())
                }
            };
            got.push((n, doc));
        }
        let expect = want.get_or_insert_with(|| {
            vec![
                (1, ("p0".to_string(), paras[0].to_string())),
                (4, ("p1".to_string(), paras[1].to_string())),
                (5, ("p2".to_string(), paras[2].to_string())),
                (6, (String::new(), long.len().to_string())),
                (7, ("p3".to_string(), paras[3].to_string())),
            ]
        });
        assert_eq!(&got, expect, "reads of {buf} bytes");
    }
}

/// Standard input is named `-` in the `file` column: a cell that is just a hyphen is no
/// formula, so it is written without the apostrophe that guards formula-like text.
#[test]
fn stdin_row_is_named_hyphen_in_csv() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin())
        .args(["extract", "-q", "-", "-o", "out"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = corpus_text(SEED);
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let o = finish(child, 120);
    writer.join().unwrap().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (header, rows) = read_csv(&dir.path().join("out/documents.csv"));
    let file = header.iter().position(|h| h == "file").unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][file], "-");
    // Every table names it the same way.
    let (header, rows) = read_csv(&dir.path().join("out/figures.csv"));
    let file = header.iter().position(|h| h == "file").unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r[file] == "-"));
}

/// A text made of one slip repeated: past 200 findings of one rule in one document the rest are
/// counted into one finding, so that findings do not grow with such a text (a megabyte of 《）
/// once held 550 MB of them); `--verbose` still lists every one. No published document of the
/// bench has more than 12 findings of one rule.
#[test]
fn one_rule_lists_at_most_200_findings_in_a_document() {
    use gongwen::check::Checker;
    use gongwen::pipeline::analyse;
    use gongwen::segment::Segmenter;
    use gongwen::Document;
    let doc = Document::from_text("slips.txt", "《）".repeat(1000));
    for (verbose, listed) in [(false, 201), (true, 2000)] {
        let checker = Checker::default_rules().verbose(verbose);
        let a = analyse(&doc, Segmenter::global(), &checker);
        let found: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == "unpaired-marks")
            .collect();
        assert_eq!(found.len(), listed, "verbose {verbose}");
        let summaries = found
            .iter()
            .filter(|f| f.message.contains("另有1800处同类问题"))
            .count();
        assert_eq!(summaries, usize::from(!verbose), "verbose {verbose}");
    }
}
