//! The catalogue of national laws, administrative regulations and judicial interpretations
//! (`dicts/national-laws.csv`), and the in-force / repealed status of a cited title.
//!
//! The catalogue is partial: a title missing from it is `unknown`, never "does not exist".

use crate::error::{RegisterError, RegisterProblem};
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::citation::{normalize_title, CitationKind};

const CATALOGUE: &str = include_str!("../dicts/national-laws.csv");

/// One version of a catalogued text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub level: String,
    /// As commonly cited (laws without the 中华人民共和国 prefix).
    pub name: String,
    pub published: Option<(i32, u32, u32)>,
    pub valid_from: Option<(i32, u32, u32)>,
    pub expired: bool,
}

/// Status of a citation against the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InForce,
    Repealed,
    Unknown,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Repealed => "repealed",
            Status::Unknown => "unknown",
        }
    }
}

/// The catalogue, indexed by normalised name.
pub struct Catalogue {
    entries: Vec<Entry>,
    /// `key` of each entry's name, made once: finding a successor compares it with every entry.
    keys: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

fn date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// The comparison key of a title: normalised, without the 中华人民共和国 prefix.
pub fn key(title: &str) -> String {
    let n = normalize_title(title);
    n.strip_prefix("中华人民共和国").unwrap_or(&n).to_string()
}

impl Catalogue {
    fn parse(text: &str) -> Catalogue {
        let mut entries = Vec::new();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for rec in reader.records().flatten() {
            let get = |i: usize| rec.get(i).unwrap_or("").to_string();
            entries.push(Entry {
                level: get(0),
                name: get(1),
                published: date(&get(2)),
                valid_from: date(&get(3)),
                expired: get(4).trim() == "1",
            });
        }
        let keys: Vec<String> = entries.iter().map(|e| key(&e.name)).collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_key.entry(keys[i].clone()).or_default().push(i);
            // Parts of a code are catalogued as "民法典 总则"; the code itself is cited whole.
            if let Some((whole, _)) = e.name.split_once(' ') {
                by_key.entry(key(whole)).or_default().push(i);
            }
        }
        for v in by_key.values_mut() {
            v.sort_by_key(|&i| entries[i].published);
            v.dedup();
        }
        Catalogue {
            entries,
            keys,
            by_key,
        }
    }

    /// The embedded catalogue, parsed on first use.
    pub fn global() -> &'static Catalogue {
        static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::parse(CATALOGUE));
        &CAT
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every version catalogued under `title`, oldest first.
    pub fn versions(&self, title: &str) -> Vec<&Entry> {
        self.by_key
            .get(&key(title))
            .map(|v| v.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default()
    }

    /// Status of `title` as cited in a document of `year`: in force if a version was in force
    /// then (or is now, when the year is unknown); repealed if every version has expired and,
    /// when a successor is known, the successor had taken effect by that year.
    pub fn status(&self, title: &str, year: Option<i32>) -> Status {
        let versions = self.versions(title);
        if versions.is_empty() {
            return Status::Unknown;
        }
        if let Some(y) = year {
            // Every catalogued version is younger than the citing document: the version it
            // cites is not in the catalogue.
            if versions
                .iter()
                .all(|v| v.published.is_some_and(|(py, _, _)| py > y))
            {
                return Status::Unknown;
            }
        }
        if versions.iter().any(|v| !v.expired) {
            return Status::InForce;
        }
        match (year, self.successor(title)) {
            (Some(y), Some(s)) => {
                let took_effect = s.valid_from.or(s.published).map(|(sy, _, _)| sy);
                if took_effect.is_some_and(|sy| sy > y) {
                    Status::InForce
                } else {
                    Status::Repealed
                }
            }
            _ => Status::Repealed,
        }
    }

    /// An in-force text that replaced a repealed one: same form (…条例, …法, …规定) and the same
    /// subject stem, published later (信访条例 → 信访工作条例).
    pub fn successor(&self, title: &str) -> Option<&Entry> {
        let versions = self.versions(title);
        let last = versions.last()?;
        let name = key(&last.name);
        const FORMS: &[&str] = &["条例", "法", "规定", "办法", "细则", "解释", "规则"];
        let form = FORMS.iter().find(|f| name.ends_with(*f))?;
        let stem = name.strip_suffix(form)?;
        let stem = stem.strip_suffix("暂行").unwrap_or(stem);
        if stem.chars().count() < 2 {
            return None;
        }
        self.entries
            .iter()
            .zip(&self.keys)
            .filter(|(e, k)| !e.expired && **k != name)
            .filter(|(_, k)| k.ends_with(form) && k.contains(stem))
            .map(|(e, _)| e)
            .filter(|e| e.published >= last.published)
            .min_by_key(|e| (e.published, e.name.len()))
    }
}

/// Whether the catalogue applies to citations of this kind.
pub fn applies_to(kind: CitationKind) -> bool {
    matches!(
        kind,
        CitationKind::Law | CitationKind::Regulation | CitationKind::JudicialInterpretation
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_from_the_catalogue() {
        let cat = Catalogue::global();
        assert!(cat.len() > 1500);
        assert_eq!(cat.status("信访条例", Some(2022)), Status::Repealed);
        assert_eq!(
            cat.successor("信访条例").map(|e| e.name.as_str()),
            Some("信访工作条例")
        );
        assert_eq!(cat.status("信访工作条例", Some(2022)), Status::InForce);
        assert_eq!(
            cat.status("中华人民共和国行政诉讼法", Some(2022)),
            Status::InForce
        );
        assert_eq!(cat.status("民法典", None), Status::InForce);
        // Amended laws stay in force: the old version expired when the new one came.
        assert_eq!(cat.status("民事诉讼法", Some(2022)), Status::InForce);
        assert_eq!(cat.status("云南省优化营商环境条例", None), Status::Unknown);
        // Before the successor took effect, the old regulation was in force.
        assert_eq!(cat.status("信访条例", Some(2010)), Status::InForce);
    }
}

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
