//! The workbook, JSON lines and Chinese headers carry exactly what the CSV tables carry.

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

use crate::common::{bin, read_csv, root};

fn extract(out: &Path, extra: &[&str]) {
    let status = Command::new(bin())
        .current_dir(root())
        .args(["extract", "corpus", "-q", "-o"])
        .arg(out)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success());
}

const TABLES: [&str; 8] = [
    "documents",
    "figures",
    "docnums",
    "citations",
    "findings",
    "citation_index",
    "citation_edges",
    "terms",
];

#[test]
fn workbook_cells_equal_csv_cells_with_types() {
    let dir = tempfile::tempdir().unwrap();
    extract(dir.path(), &[]);
    extract(dir.path(), &["--format", "xlsx"]);
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("gongwen.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), TABLES);
    let mut numbers = 0;
    for t in TABLES {
        let (header, rows) = read_csv(&dir.path().join(format!("{t}.csv")));
        let range = wb.worksheet_range(t).unwrap();
        let cells: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(cells.len(), rows.len() + 1, "{t}: row count");
        for (c, h) in header.iter().enumerate() {
            assert_eq!(cells[0][c], Data::String(h.clone()));
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, csv_cell) in row.iter().enumerate() {
                let got = cells[r + 1].get(c).cloned().unwrap_or(Data::Empty);
                let as_text = match &got {
                    Data::Empty => String::new(),
                    Data::String(s) => {
                        // The CSV guards formula-like text with an apostrophe; the workbook
                        // stores the text itself as a string.
                        if csv_cell.starts_with('\'') && csv_cell[1..] == *s {
                            csv_cell.clone()
                        } else {
                            s.clone()
                        }
                    }
                    Data::Float(f) => {
                        numbers += 1;
                        gongwen::output::format_float(*f)
                    }
                    Data::Int(i) => {
                        numbers += 1;
                        i.to_string()
                    }
                    other => panic!("{t} {r}:{c}: unexpected {other:?}"),
                };
                assert_eq!(&as_text, csv_cell, "{t} row {} column {}", r + 2, header[c]);
            }
        }
    }
    assert!(numbers > 1000, "numbers are stored as numbers");
}

#[test]
fn jsonl_rows_match_csv_rows_and_chinese_headers_rename_columns() {
    let dir = tempfile::tempdir().unwrap();
    extract(dir.path(), &[]);
    extract(dir.path(), &["--format", "jsonl"]);
    let text = std::fs::read_to_string(dir.path().join("gongwen.jsonl")).unwrap();
    let objs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for t in TABLES {
        let (header, rows) = read_csv(&dir.path().join(format!("{t}.csv")));
        let these: Vec<_> = objs.iter().filter(|o| o["table"] == t).collect();
        assert_eq!(these.len(), rows.len(), "{t}");
        if let (Some(o), Some(r)) = (these.first(), rows.first()) {
            let keys: Vec<&String> = o.as_object().unwrap().keys().skip(1).collect();
            assert_eq!(
                keys,
                header.iter().collect::<Vec<_>>(),
                "{t}: columns in order"
            );
            assert_eq!(o[header[0].as_str()].as_str(), Some(r[0].as_str()));
        }
    }
    let zh = tempfile::tempdir().unwrap();
    extract(zh.path(), &["--headers", "zh"]);
    let (header, _) = read_csv(&zh.path().join("figures.csv"));
    assert_eq!(&header[..5], ["文件", "行", "列", "原文", "数值"]);
}

/// README's table of Chinese header rows is the program's.
#[test]
fn readme_lists_every_chinese_header_row() {
    use gongwen::output::headers::header;
    use gongwen::output::tables::TableId;
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    for t in TableId::ALL {
        let want = format!("| `{}.csv` | {} |", t.name(), header(t, true).join(", "));
        assert!(readme.contains(&want), "README lacks: {want}");
    }
}

/// With Chinese headers the enumerated values are Chinese too; JSON lines keep the contract's.
#[test]
fn chinese_headers_come_with_chinese_values() {
    let out = tempfile::tempdir().unwrap();
    let st = std::process::Command::new(crate::common::bin())
        .current_dir(crate::common::root())
        .args([
            "extract",
            "corpus/baoshan-fzzf-report-2022.txt",
            "nosuch.txt",
            "--headers",
            "zh",
            "-q",
            "-o",
        ])
        .arg(out.path())
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(2));
    let (header, rows) = crate::common::read_csv(&out.path().join("documents.csv"));
    assert_eq!(header[1], "状态");
    let status: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(status, ["成功", "失败"]);
    let (header, rows) = crate::common::read_csv(&out.path().join("findings.csv"));
    assert_eq!(header[4], "级别");
    assert!(rows
        .iter()
        .all(|r| ["错误", "警告", "提示"].contains(&r[4].as_str())));
    let (header, _) = crate::common::read_csv(&out.path().join("citation_index.csv"));
    assert_eq!(header[3], "发文字号");
}
