//! Users' registers of documents: citations are held to the register.

use std::process::Command;

use crate::common::{bin, read_csv};

const REGISTER: &str = "title,docnum,issuer,date,status\n\
临川市人民政府关于加强河道管理工作的通知,临政发〔2021〕21号,临川市人民政府,2021-03-02,现行有效\n\
临川市人民政府关于印发临川市物业管理办法的通知,临政发〔2020〕5号,临川市人民政府,2020-01-15,现行有效\n\
临川市人民政府关于印发临川市户外广告设置管理规定的通知,临政发〔2016〕30号,临川市人民政府,2016-06-01,已废止\n";

#[test]
fn citations_are_checked_against_a_register() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("register.csv"), REGISTER).unwrap();
    std::fs::write(
        dir.path().join("d1.txt"),
        "根据《临川市人民政府关于加强河道管理工作的通知》（临政发〔2021〕12号），开展河道整治。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d2.txt"),
        "按照《临川市人民政府关于调整城区停车收费标准的通知》（临政发〔2020〕5号）执行。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d3.txt"),
        "依据《临川市人民政府关于印发临川市户外广告设置管理规定的通知》（临政发〔2016〕30号）审批。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = Command::new(bin())
        .current_dir(dir.path())
        .args([
            "extract",
            "d1.txt",
            "d2.txt",
            "d3.txt",
            "--registry",
            "register.csv",
            "-q",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (header, rows) = read_csv(&out.join("findings.csv"));
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let find = |rule: &str| -> Vec<&Vec<String>> {
        rows.iter().filter(|r| r[col("rule")] == rule).collect()
    };
    let conflict = find("title-docno-conflict");
    assert_eq!(conflict.len(), 1, "{rows:?}");
    assert_eq!(conflict[0][col("file")], "d1.txt");
    assert_eq!(conflict[0][col("related")], "register.csv:2:1");
    let other_title = find("docno-title-conflict");
    assert_eq!(other_title.len(), 1, "{rows:?}");
    assert_eq!(other_title[0][col("file")], "d2.txt");
    assert_eq!(other_title[0][col("related")], "register.csv:3:1");
    let repealed = find("law-currency");
    assert_eq!(repealed.len(), 1);
    assert_eq!(repealed[0][col("file")], "d3.txt");
    // No finding ever points into the register itself.
    assert!(rows.iter().all(|r| r[col("file")] != "register.csv"));
    let (ch, crows) = read_csv(&out.join("citations.csv"));
    let status = ch.iter().position(|h| h == "registry_status").unwrap();
    assert_eq!(crows[2][status], "repealed");
}

#[test]
fn a_bad_register_is_a_clear_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.csv"),
        "title,docnum,status\n甲,临政发〔2021〕2号,也许\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "正文。\n").unwrap();
    let o = Command::new(bin())
        .current_dir(dir.path())
        .args(["check", "a.txt", "--registry", "r.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("r.csv 第2行") && err.contains("也许"), "{err}");
}
