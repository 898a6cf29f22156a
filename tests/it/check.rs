//! `gongwen check`, `rules` and `init` as users run them.

use std::process::Command;

use crate::common::{bin, root};

fn check(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_codes_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.txt"),
        "贯彻《规划（2021一2025年）》。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "贯彻《规划（2021—2025年）》。\n",
    )
    .unwrap();
    let o = check(dir.path(), &["good.txt"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let o = check(dir.path(), &["bad.txt", "good.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with("bad.txt:1:7: 错误[cjk-one-as-dash]"),
        "{out}"
    );
    assert!(out.contains("应写作“2021—2025”"));
    let o = check(dir.path(), &["bad.txt", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2), "unreadable input wins");
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt: 无法读取：文件或目录不存在"));
}

#[test]
fn configuration_switches_rules_and_fail_level() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), "《规划（2021一2025年）》\n").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("gongwen.toml"),
        "[rules]\ncjk-one-as-dash = \"warning\"\n",
    )
    .unwrap();
    // Found from a subdirectory: the finding is now a warning, below the default fail level.
    let o = check(&dir.path().join("sub"), &["../bad.txt"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("警告[cjk-one-as-dash]"));
    let o = check(
        &dir.path().join("sub"),
        &["../bad.txt", "--fail-on", "warning"],
    );
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(
        dir.path().join("gongwen.toml"),
        "allow = [\"2021一2025\"]\n",
    )
    .unwrap();
    let o = check(dir.path(), &["bad.txt"]);
    assert_eq!(o.status.code(), Some(0), "allowed text is never flagged");
    std::fs::write(dir.path().join("gongwen.toml"), "[rules]\nnope = \"off\"\n").unwrap();
    let o = check(dir.path(), &["bad.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope"));
}

#[test]
fn machine_formats_carry_the_findings_columns() {
    let o = Command::new(bin())
        .current_dir(root())
        .args([
            "check",
            "corpus/baoshan-fzzf-report-2022.txt",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let first = out
        .lines()
        .find(|l| l.contains("cjk-one-as-dash"))
        .unwrap()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["file"], "corpus/baoshan-fzzf-report-2022.txt");
    assert_eq!(v["rule"], "cjk-one-as-dash");
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(3), Some(72))
    );
    // The span “2021一2025” is nine characters: the end column is the one after it.
    assert_eq!(
        (v["end_line"].as_u64(), v["end_column"].as_u64()),
        (Some(3), Some(81))
    );
    let o = Command::new(bin())
        .current_dir(root())
        .args([
            "check",
            "corpus/baoshan-fzzf-report-2022.txt",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.starts_with(
        "file,line,column,rule,severity,message,text,related,end_line,end_column,replacement,page,fix\r\n"
    ));
}

#[test]
fn rules_and_init() {
    let o = Command::new(bin()).arg("rules").output().unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s
        .lines()
        .any(|l| l.starts_with("cjk-one-as-dash\terror\tdoc\t")));
    let o = Command::new(bin())
        .args(["rules", "cjk-one-as-dash"])
        .output()
        .unwrap();
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("GB/T 15834-2011"));
    let o = Command::new(bin())
        .args(["rules", "nope"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert!(o.status.success());
    let written = std::fs::read_to_string(dir.path().join("gongwen.toml")).unwrap();
    assert!(written.contains("# cjk-one-as-dash = \"error\""));
    // The default file is itself a valid configuration.
    std::fs::write(dir.path().join("a.txt"), "正文\n").unwrap();
    let o = check(dir.path(), &["a.txt"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = Command::new(bin())
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "never overwrites");
}

#[test]
fn a_style_used_throughout_is_one_finding_unless_verbose() {
    let count = |extra: &[&str]| {
        let o = Command::new(bin())
            .current_dir(root())
            .args([
                "check",
                "corpus/baoshan-fzzf-report-2022.txt",
                "--format",
                "csv",
            ])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .filter(|l| l.contains(",halfwidth-punct-in-cjk,"))
            .count()
    };
    assert_eq!(count(&[]), 1);
    assert!(count(&["--verbose"]) > 100);
}

/// `[[overrides]]` in gongwen.toml: a rule off for the files under one folder only, a severity
/// changed for another.
#[test]
fn overrides_apply_to_the_files_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["法规", "草稿"] {
        std::fs::create_dir(d.join(sub)).unwrap();
        std::fs::write(
            d.join(sub).join("a.txt"),
            "根据保政发﹝2022﹞10号文件精神，制定本办法。\n",
        )
        .unwrap();
    }
    std::fs::write(
        d.join("gongwen.toml"),
        "[[overrides]]\npaths = [\"法规/**\"]\ndisable = [\"docno-bracket-form\"]\n\
         [[overrides]]\npaths = [\"草稿/**\"]\nseverity = { \"docno-bracket-form\" = \"info\" }\n",
    )
    .unwrap();
    let out = std::process::Command::new(crate::common::bin())
        .current_dir(d)
        .args(["check", "--format", "csv", "-q", "法规", "草稿"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("docno-bracket-form"))
        .collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(
        rows[0].starts_with("草稿/a.txt,") && rows[0].contains(",info,"),
        "{text}"
    );
    // An info finding is below the default fail level.
    assert_eq!(out.status.code(), Some(0), "{text}");
}

/// `--accept-current` records today's findings; a re-check lists only what is new, and says
/// how many accepted ones it left out.
#[test]
fn accepted_findings_stay_quiet_and_new_ones_show() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let draft = d.join("d.txt");
    std::fs::write(&draft, "根据保政发﹝2022﹞10号文件精神，制定本办法。\n").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(crate::common::bin())
            .current_dir(d)
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["check", "d.txt"]).status.code(), Some(1));
    assert_eq!(
        run(&["check", "--accept-current", "d.txt"]).status.code(),
        Some(0)
    );
    assert!(d.join(".gongwen-accepted").is_file());
    let again = run(&["check", "d.txt"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stderr).contains("已接受的问题"));
    // A new slip, and the old one moved down a line: only the new one is listed.
    std::fs::write(
        &draft,
        "另据临政发﹝2025﹞3号文件要求执行。\n根据保政发﹝2022﹞10号文件精神，制定本办法。\n",
    )
    .unwrap();
    let new = run(&["check", "--format", "csv", "d.txt"]);
    let out = String::from_utf8_lossy(&new.stdout);
    assert!(
        out.contains("临政发﹝2025﹞3号") && !out.contains("保政发"),
        "{out}"
    );
    assert_eq!(new.status.code(), Some(1));
}
