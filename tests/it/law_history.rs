//! The mined history of laws (`dicts/law-history.csv`), held against the sentences it was read
//! from, and the repeals a clerk most often meets.

use std::collections::HashMap;

use gongwen::resolve::{iso, Catalogue, DocDate, Status};

use crate::common::root;

struct Row {
    title: String,
    adopted: String,
    amended: String,
    repealed: String,
    replaced_by: String,
    source: String,
    evidence: String,
}

fn rows() -> Vec<Row> {
    let mut reader =
        csv::Reader::from_path(root().join("dicts/law-history.csv")).expect("law-history.csv");
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "title,level,issuer,number,adopted,in_force,amended,repealed,replaced_by,source,evidence"
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("well-formed row");
            let get = |i: usize| r.get(i).unwrap_or("").to_string();
            Row {
                title: get(0),
                adopted: get(4),
                amended: get(6),
                repealed: get(7),
                replaced_by: get(8),
                source: get(9),
                evidence: get(10),
            }
        })
        .collect()
}

/// Every `YYYY年M月D日` of a sentence (Arabic, full-width or Chinese numerals), as `YYYY-MM-DD`.
fn dates_in(sentence: &str) -> Vec<String> {
    let digit = |c: char| -> Option<u32> {
        match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            '〇' | '○' | '零' => Some(0),
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|p| p as u32 + 1),
        }
    };
    let number = |s: &str| -> Option<u32> {
        if let Some((tens, ones)) = s.split_once('十') {
            let t = if tens.is_empty() {
                1
            } else {
                digit(tens.chars().next()?)?
            };
            let o = if ones.is_empty() {
                0
            } else {
                digit(ones.chars().next()?)?
            };
            return Some(t * 10 + o);
        }
        s.chars().try_fold(0, |n, c| Some(n * 10 + digit(c)?))
    };
    let re = regex::Regex::new(
        r"([0-9０-９〇○零一二三四五六七八九]{4})\s*年\s*([0-9０-９一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９一二三四五六七八九十]{1,3})\s*日",
    )
    .unwrap();
    re.captures_iter(sentence)
        .filter_map(|c| {
            Some(format!(
                "{:04}-{:02}-{:02}",
                number(&c[1])?,
                number(&c[2])?,
                number(&c[3])?
            ))
        })
        .collect()
}

fn short(t: &str) -> &str {
    t.strip_prefix("中华人民共和国").unwrap_or(t)
}

/// Each repeal is stated by its evidence: the repealed title is named, the text says it is
/// repealed (or LawRefBook marks it expired), and the repeal date is written there (where the
/// clause says 自公布之日起 or 自本规定施行之日起, on the repealing text's own dated line).
#[test]
fn every_repeal_is_in_its_sentences() {
    let rows = rows();
    let repeals: Vec<&Row> = rows.iter().filter(|r| !r.repealed.is_empty()).collect();
    assert!(repeals.len() >= 200, "{} repeals", repeals.len());
    for r in &repeals {
        let name = short(&r.title).replace(['<', '>'], "");
        let ev = r.evidence.replace(['<', '>', '〈', '〉'], "");
        let ev_norm: String = ev.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            ev_norm.contains(&name),
            "{}: the evidence does not name it: {}",
            r.title,
            r.evidence
        );
        assert!(
            ["废止", "失效"].iter().any(|w| ev.contains(w)),
            "{}: the evidence says nothing of a repeal: {}",
            r.title,
            r.evidence
        );
        assert!(
            dates_in(&r.evidence).contains(&r.repealed),
            "{}: repealed {} is in none of its sentences: {}",
            r.title,
            r.repealed,
            r.evidence
        );
        assert!(!r.replaced_by.is_empty(), "{}: no successor", r.title);
    }
}

/// A sample of the other facts (every tenth row): the adoption and amendment dates are written
/// in its sentences, and, where the bench is beside the checkout, each sentence is the line of
/// the text it names.
#[test]
fn a_sample_of_facts_against_the_texts() {
    let rows = rows();
    let bench = root().join("../shared/bench");
    let mut files: HashMap<String, Vec<String>> = HashMap::new();
    let mut checked = 0;
    for r in rows.iter().step_by(10) {
        let dates = dates_in(&r.evidence);
        for d in r.amended.split(';').filter(|d| !d.is_empty()) {
            assert!(dates.contains(&d.to_string()), "{}: amended {d}", r.title);
        }
        if !r.adopted.is_empty() {
            assert!(dates.contains(&r.adopted), "{}: adopted", r.title);
        }
        if !bench.is_dir() {
            continue;
        }
        let sentences: Vec<&str> = r.evidence.split(" | ").collect();
        let sources: Vec<&str> = r.source.split(';').collect();
        assert_eq!(sentences.len(), sources.len(), "{}", r.title);
        for (src, sentence) in sources.iter().zip(&sentences) {
            let Some((path, line)) = src.rsplit_once(':') else {
                continue;
            };
            let Ok(line) = line.parse::<usize>() else {
                continue;
            };
            let lines = files.entry(path.to_string()).or_insert_with(|| {
                std::fs::read_to_string(bench.join(path))
                    .unwrap_or_default()
                    .lines()
                    .map(String::from)
                    .collect()
            });
            let text = lines.get(line - 1).map(|l| l.replace('|', "｜"));
            assert!(
                text.as_deref().is_some_and(|t| t.contains(sentence.trim())),
                "{src}: {sentence}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100 || !bench.is_dir(), "{checked} sentences");
}

/// The repeals a legal-affairs office meets most: each with its day and successor.
#[test]
fn well_known_repeals() {
    let cat = Catalogue::global();
    let after = DocDate::day((2025, 1, 1));
    let civil_code = [
        "婚姻法",
        "继承法",
        "民法通则",
        "收养法",
        "担保法",
        "合同法",
        "物权法",
        "侵权责任法",
        "民法总则",
    ];
    let mut expected: Vec<(String, &str, &str)> = civil_code
        .iter()
        .map(|l| {
            (
                format!("中华人民共和国{l}"),
                "2021-01-01",
                "中华人民共和国民法典",
            )
        })
        .collect();
    expected.extend([
        ("信访条例".to_string(), "2022-05-01", "信访工作条例"),
        (
            "中华人民共和国环境噪声污染防治法".to_string(),
            "2022-06-05",
            "中华人民共和国噪声污染防治法",
        ),
        (
            "中华人民共和国企业法人登记管理条例".to_string(),
            "2022-03-01",
            "中华人民共和国市场主体登记管理条例",
        ),
        (
            "城市房屋拆迁管理条例".to_string(),
            "2011-01-21",
            "国有土地上房屋征收与补偿条例",
        ),
    ]);
    for (title, day, successor) in expected {
        let r = cat.resolve(&title, after);
        assert_eq!(r.status, Some(Status::Repealed), "{title}");
        assert_eq!(r.repealed_on.map(iso).as_deref(), Some(day), "{title}");
        assert_eq!(r.replaced_by, successor, "{title}");
        // The day before, it was in force.
        let (y, m, d) = r.repealed_on.unwrap();
        let before = if d > 1 {
            (y, m, d - 1)
        } else if m > 1 {
            (y, m - 1, 28)
        } else {
            (y - 1, 12, 31)
        };
        assert_ne!(
            cat.resolve(&title, DocDate::day(before)).status,
            Some(Status::Repealed),
            "{title} before {day}"
        );
    }
}
