//! Users' registers of documents (`--registry FILE.csv`): an organisation's own list of titles
//! and numbers, the reference its documents' citations are held to.

use super::catalogue::Status;
use crate::error::{RegisterError, RegisterProblem};
use crate::extract::citation::normalize_title;

/// One document of a user's register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    /// 1-based line in the register file (the header is line 1).
    pub line: usize,
    pub title: String,
    /// The number as written in the register, and normalised.
    pub docnum: Option<String>,
    pub docnum_normalized: Option<String>,
    pub issuer: String,
    pub date: String,
    pub status: Option<Status>,
    /// The title in the form citations are compared in, computed once.
    pub canonical: String,
}

/// An organisation's own list of documents (`--registry FILE.csv`): CSV with the header
/// `title,docnum,issuer,date,status`, UTF-8 with or without a BOM. `status` is `in-force`
/// (现行有效, 有效) or `repealed` (废止, 已废止, 失效), or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    /// The file, as given.
    pub file: String,
    pub entries: Vec<RegisterEntry>,
}

fn parse_status(s: &str) -> Result<Option<Status>, ()> {
    Ok(match s.trim() {
        "" => None,
        "in-force" | "现行有效" | "有效" | "现行" => Some(Status::InForce),
        "repealed" | "废止" | "已废止" | "失效" | "已失效" => Some(Status::Repealed),
        _ => return Err(()),
    })
}

impl Register {
    /// Parses a register; errors name the line and say what is wrong.
    pub fn parse(file: &str, text: &str) -> Result<Register, RegisterError> {
        let err = |line: usize, problem: RegisterProblem| RegisterError {
            file: file.into(),
            line,
            problem,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| err(1, RegisterProblem::Malformed(e.to_string())))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let col = |name: &str| header.iter().position(|h| h == name);
        let title_col = col("title").ok_or_else(|| err(1, RegisterProblem::NoTitleColumn))?;
        let (docnum_col, issuer_col, date_col, status_col) =
            (col("docnum"), col("issuer"), col("date"), col("status"));
        let mut entries = Vec::new();
        for (i, rec) in reader.records().enumerate() {
            let line = i + 2;
            let rec = rec.map_err(|e| err(line, RegisterProblem::Malformed(e.to_string())))?;
            let get =
                |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim().to_string();
            let title = get(Some(title_col));
            let title = title
                .trim_start_matches('《')
                .trim_end_matches('》')
                .to_string();
            if title.is_empty() {
                return Err(err(line, RegisterProblem::NoTitle));
            }
            let docnum = Some(get(docnum_col)).filter(|d| !d.is_empty());
            let docnum_normalized = match &docnum {
                Some(d) => Some(
                    crate::extract::docnum::extract_docnums(d)
                        .into_iter()
                        .next()
                        .map(|n| n.normalized)
                        .ok_or_else(|| err(line, RegisterProblem::UnknownDocnum(d.clone())))?,
                ),
                None => None,
            };
            let raw_status = get(status_col);
            let status = parse_status(&raw_status)
                .map_err(|_| err(line, RegisterProblem::UnknownStatus(raw_status.clone())))?;
            entries.push(RegisterEntry {
                line,
                canonical: crate::corpus::canonical(&normalize_title(&title)),
                title,
                docnum,
                docnum_normalized,
                issuer: get(issuer_col),
                date: get(date_col),
                status,
            });
        }
        Ok(Register {
            file: file.to_string(),
            entries,
        })
    }

    pub fn load(path: &std::path::Path) -> Result<Register, RegisterError> {
        let bytes = std::fs::read(path).map_err(|e| RegisterError {
            file: path.into(),
            line: 0,
            problem: RegisterProblem::Unreadable(e),
        })?;
        let text = crate::input::decode::decode_auto(&bytes).text;
        Register::parse(&path.display().to_string(), &text)
    }

    /// The entry a citation names: by number when both have one, else by title.
    pub fn lookup(&self, title: &str, docnum_normalized: Option<&str>) -> Option<&RegisterEntry> {
        if let Some(n) = docnum_normalized {
            if let Some(e) = self
                .entries
                .iter()
                .find(|e| e.docnum_normalized.as_deref() == Some(n))
            {
                return Some(e);
            }
        }
        let canon = crate::corpus::canonical(&normalize_title(title));
        self.entries.iter().find(|e| e.canonical == canon)
    }
}

#[cfg(test)]
mod register_tests {
    use super::*;

    #[test]
    fn parses_and_reports_bad_lines() {
        let r = Register::parse(
            "reg.csv",
            "\u{feff}title,docnum,issuer,date,status\n《临川市河道管理办法》,临政发﹝2018﹞42号,临川市人民政府,2018-05-02,已废止\n平江县物业管理规定,,平江县人民政府,,现行有效\n",
        )
        .unwrap();
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.entries[0].title, "临川市河道管理办法");
        assert_eq!(
            r.entries[0].docnum_normalized.as_deref(),
            Some("临政发〔2018〕42号")
        );
        assert_eq!(r.entries[0].status, Some(Status::Repealed));
        assert_eq!(r.entries[1].line, 3);
        assert!(r.lookup("临川市河道管理办法", None).is_some());
        assert!(r.lookup("别的", Some("临政发〔2018〕42号")).is_some());
        let err = Register::parse("reg.csv", "title,status\n甲,也许\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(matches!(&err.problem, RegisterProblem::UnknownStatus(s) if s == "也许"));
        let text = err.to_string();
        assert!(
            text.contains("reg.csv 第2行") && text.contains("也许"),
            "{text}"
        );
        let err = Register::parse("reg.csv", "name\n甲\n").unwrap_err();
        assert!(matches!(err.problem, RegisterProblem::NoTitleColumn));
        assert!(err.to_string().contains("title"), "{err}");
    }
}
