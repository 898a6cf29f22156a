//! Inputs and outputs that must not take a run down: special files, endless reads, binary
//! data, bombs, broken streams and interrupted runs.

use std::io::Read;
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
