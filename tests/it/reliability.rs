//! Bad inputs that must be refused with a reason, and interrupted runs that must leave whole
//! tables behind.

use std::process::{Command, Stdio};

use gongwen::input::{self, ReadOptions, Status};

use crate::common::{bin, root};
use crate::input::make_docx;

#[test]
fn a_docx_that_inflates_past_the_limit_is_refused() {
    let big = "合法性审核".repeat(4000);
    let bytes = make_docx(&[&big]);
    let opts = ReadOptions {
        max_file_bytes: 5_000,
        ..ReadOptions::default()
    };
    let f = input::from_bytes("bomb.docx", "docx", &bytes, &opts).unwrap_err();
    assert_eq!(f.status, Status::Error);
    assert!(f.reason.contains("压缩炸弹"), "{}", f.reason);
    // The same file under the default limit is an ordinary document.
    let doc = input::from_bytes("ok.docx", "docx", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.text.chars().count(), 20_001);
}

#[test]
fn a_file_over_the_size_limit_gets_a_row_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "字".repeat(400_000)).unwrap();
    std::fs::write(dir.path().join("small.txt"), "完成212件。").unwrap();
    let out = dir.path().join("out");
    let o = Command::new(bin())
        .args(["extract", "-q", "--max-file-size", "1", "-o"])
        .arg(&out)
        .arg(dir.path().join("big.txt"))
        .arg(dir.path().join("small.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let docs = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(docs.contains("超过上限"), "{docs}");
    assert!(docs.contains("small.txt,ok"));
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_previous_tables_whole() {
    let Some(real) = crate::common::shared_real() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let first = Command::new(bin())
        .current_dir(root())
        .args(["extract", "corpus/baoshan-fzzf-report-2022.txt", "-q", "-o"])
        .arg(out.path())
        .status()
        .unwrap();
    assert!(first.success());
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    // A longer run over the same folder, interrupted while it works.
    let child = Command::new(bin())
        .args(["extract", "-q", "--threads", "1", "-o"])
        .arg(out.path())
        .args([&real, &real, &real])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait_with_output().unwrap().status;
    if status.success() {
        return; // finished before the signal: nothing to check on this machine
    }
    for (name, bytes) in before {
        let now = std::fs::read(out.path().join(&name)).unwrap();
        assert!(
            now == bytes,
            "{name} changed although the run was interrupted"
        );
    }
}
