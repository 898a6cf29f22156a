//! Document numbers: every written form, the look-alikes that must stay out, and the measured
//! precision/recall against a hand-made gold over real documents.

use std::collections::HashMap;

use gongwen::extract::citation::extract_citations;
use gongwen::extract::docnum::{extract_docnums, Role};
use gongwen::output::rows::{DocnumRow, TableRow};
use gongwen::Document;

use crate::common;

/// One line of tests/fixtures/docnum/gold.tsv.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Gold {
    Num {
        file: String,
        line: usize,
        normalized: String,
        role: String,
    },
    Title {
        file: String,
        line: usize,
        title: String,
        number: Option<String>,
    },
}

pub fn load_gold() -> Vec<Gold> {
    let text = std::fs::read_to_string(common::root().join("tests/fixtures/docnum/gold.tsv"))
        .expect("gold file");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "malformed gold line: {l}");
            let line = f[2].parse().expect("line number");
            match f[1] {
                "D" => Gold::Num {
                    file: f[0].into(),
                    line,
                    normalized: f[3].into(),
                    role: f[4].into(),
                },
                "T" => Gold::Title {
                    file: f[0].into(),
                    line,
                    title: f[3].into(),
                    number: (f[4] != "-").then(|| f[4].to_string()),
                },
                other => panic!("unknown gold kind {other}"),
            }
        })
        .collect()
}

/// The shared corpus folder, when this checkout has one beside it.
pub fn shared_corpus() -> Option<std::path::PathBuf> {
    common::shared_real().map(|p| p.parent().expect("corpus folder").to_path_buf())
}

/// What the extractors produce for every file named in the gold, in gold form.
pub fn predict(files: &[String]) -> Vec<Gold> {
    let base = shared_corpus().expect("shared corpus");
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(base.join(file)).expect("corpus file");
        let doc = Document::from_text(file.clone(), text);
        let mut nums = extract_docnums(&doc.text);
        let cites = extract_citations(&doc.text, &mut nums);
        for d in &nums {
            out.push(Gold::Num {
                file: file.clone(),
                line: doc.line_col(d.span.start).line,
                normalized: d.normalized.clone(),
                role: d.role.as_str().into(),
            });
        }
        for c in &cites {
            out.push(Gold::Title {
                file: file.clone(),
                line: doc.line_col(c.span.start).line,
                title: c.title.clone(),
                number: c.docnum.map(|i| nums[i].normalized.clone()),
            });
        }
    }
    out
}

/// True positives of two multisets.
pub fn overlap<T: std::hash::Hash + Eq + Clone>(gold: &[T], pred: &[T]) -> usize {
    let mut counts: HashMap<T, usize> = HashMap::new();
    for g in gold {
        *counts.entry(g.clone()).or_default() += 1;
    }
    pred.iter()
        .filter(|p| match counts.get_mut(*p) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

pub fn gold_files(gold: &[Gold]) -> Vec<String> {
    let mut files: Vec<String> = gold
        .iter()
        .map(|g| match g {
            Gold::Num { file, .. } | Gold::Title { file, .. } => file.clone(),
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn gold_precision_and_recall_for_numbers() {
    if shared_corpus().is_none() {
        eprintln!("shared corpus absent; gold evaluation skipped");
        return;
    }
    let gold = load_gold();
    let files = gold_files(&gold);
    assert!(files.len() >= 13, "gold covers {} files", files.len());
    let pred = predict(&files);
    let g: Vec<&Gold> = gold
        .iter()
        .filter(|x| matches!(x, Gold::Num { .. }))
        .collect();
    let p: Vec<&Gold> = pred
        .iter()
        .filter(|x| matches!(x, Gold::Num { .. }))
        .collect();
    let tp = overlap(&g, &p);
    let (precision, recall) = (tp as f64 / p.len() as f64, tp as f64 / g.len() as f64);
    eprintln!(
        "docnums: gold {} predicted {} correct {tp} precision {precision:.3} recall {recall:.3}",
        g.len(),
        p.len()
    );
    for x in &p {
        if overlap(&g, &[*x]) == 0 {
            eprintln!("  extra or wrong: {x:?}");
        }
    }
    for x in &g {
        if overlap(&p, &[*x]) == 0 {
            eprintln!("  missed: {x:?}");
        }
    }
    assert!(precision >= 0.98, "precision {precision:.3}");
    assert!(recall >= 0.98, "recall {recall:.3}");
}

fn one(text: &str) -> gongwen::extract::docnum::DocNum {
    let nums = extract_docnums(text);
    assert_eq!(nums.len(), 1, "{text}: {nums:?}");
    nums.into_iter().next().unwrap()
}

#[test]
fn seed_report_numbers() {
    let Some(base) = shared_corpus() else { return };
    let text = std::fs::read_to_string(base.join("seed/baoshan-fzzf-report-2022.txt")).unwrap();
    let mut nums = extract_docnums(&text);
    let _ = extract_citations(&text, &mut nums);
    let find = |n: &str| nums.iter().find(|d| d.normalized == n).cloned();
    let bs = find("保政发〔2022〕10号").expect("保政发 number");
    assert_eq!(&text[bs.span.start..bs.span.end], "保政发﹝2022﹞10号");
    assert_eq!(bs.problems, vec!["docno-bracket-form"]);
    assert_eq!(bs.role, Role::Reference);
    assert_eq!(find("云政办发〔2019〕67号").unwrap().role, Role::Citation);
    assert_eq!(find("云政发〔2019〕67号").unwrap().role, Role::Citation);
}

#[test]
fn rows_follow_the_contract() {
    let doc = Document::from_text("a.txt", "第一行\n按照保政发 〔2022〕 第010号文件要求");
    let nums = extract_docnums(&doc.text);
    let row: Vec<String> = DocnumRow::new(&doc, &nums[0])
        .cells()
        .iter()
        .map(|c| c.render())
        .collect();
    assert_eq!(
        row,
        vec![
            "a.txt",
            "2",
            "3",
            "保政发 〔2022〕 第010号",
            "保政发〔2022〕10号",
            "保政发",
            "2022",
            "10",
            "nonstandard",
            "docno-serial-di;docno-serial-leading-zero;docno-spacing",
            "reference",
            "",
            ""
        ]
    );
}

#[test]
fn header_ling_number_across_lines_is_self() {
    let text = "中华人民共和国国务院令\n\n第706号\n\n《专利代理条例》已经修订通过。\n";
    let d = one(text);
    assert_eq!(d.normalized, "国务院令第706号");
    assert_eq!(d.role, Role::SelfNumber);
    let doc = Document::from_text("x", text);
    assert_eq!(
        DocnumRow::new(&doc, &d).cells()[3].render(),
        "中华人民共和国国务院令第706号"
    );
}

#[test]
fn real_corpus_never_yields_court_or_proposal_numbers() {
    let Some(real) = common::shared_real() else {
        return;
    };
    for entry in std::fs::read_dir(real).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for d in extract_docnums(&text) {
            let s = &text[d.span.start..d.span.end];
            assert!(
                !s.contains("民") || !s.contains('（'),
                "{}: court number {s}",
                path.display()
            );
            assert!(!text[d.span.end..].starts_with("提案"), "{s}");
            assert!(!text[d.span.end..].starts_with("建议"), "{s}");
        }
    }
}

/// A judged number: (surface, normalized, issuer_code).
type Judged = (String, String, String);

/// One judged sentence of tests/fixtures/docnum/forms.tsv: the numbers it holds, none for a
/// look-alike.
fn judged_forms() -> Vec<(String, Vec<Judged>)> {
    let text = std::fs::read_to_string(common::root().join("tests/fixtures/docnum/forms.tsv"))
        .expect("forms file");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (sentence, want) = l.split_once('\t').expect("sentence, then numbers");
            let nums = if want == "-" {
                Vec::new()
            } else {
                want.split(';')
                    .map(|n| {
                        let f: Vec<&str> = n.split('|').collect();
                        assert_eq!(f.len(), 3, "malformed number {n} in {l}");
                        (f[0].to_string(), f[1].to_string(), f[2].to_string())
                    })
                    .collect()
            };
            (sentence.to_string(), nums)
        })
        .collect()
}

/// Recall, precision and field accuracy over numbers in real sentences. A found number matches
/// a judged one when their spans overlap; its `normalized` and `issuer_code` are then compared.
#[test]
fn forms_in_real_sentences() {
    let forms = judged_forms();
    let (mut gold, mut predicted, mut matched, mut fields_right) = (0, 0, 0, 0);
    let mut look_alikes = 0;
    let mut wrong = Vec::new();
    for (sentence, want) in &forms {
        if want.is_empty() {
            look_alikes += 1;
        }
        let found = extract_docnums(sentence);
        predicted += found.len();
        gold += want.len();
        // Judged spans, each occurrence in turn.
        let mut from = 0;
        let mut spans = Vec::new();
        for (surface, ..) in want {
            let at = sentence[from..]
                .find(surface.as_str())
                .map(|i| from + i)
                .or_else(|| sentence.find(surface.as_str()))
                .unwrap_or_else(|| panic!("{surface} not in {sentence}"));
            spans.push((at, at + surface.len()));
            from = at + surface.len();
        }
        let mut used = vec![false; want.len()];
        for d in &found {
            let hit = spans
                .iter()
                .enumerate()
                .position(|(i, &(a, b))| !used[i] && d.span.start < b && d.span.end > a);
            match hit {
                Some(i) => {
                    used[i] = true;
                    matched += 1;
                    let (_, n, code) = &want[i];
                    if &d.normalized == n && &d.issuer_code == code {
                        fields_right += 1;
                    } else {
                        wrong.push(format!(
                            "{sentence}: {} {} (want {n} {code})",
                            d.normalized, d.issuer_code
                        ));
                    }
                }
                None => wrong.push(format!("{sentence}: extra {}", d.normalized)),
            }
        }
        for (i, u) in used.iter().enumerate() {
            if !u {
                wrong.push(format!("{sentence}: missed {}", want[i].0));
            }
        }
    }
    let recall = matched as f64 / gold as f64;
    let precision = matched as f64 / predicted as f64;
    let accuracy = fields_right as f64 / matched as f64;
    eprintln!(
        "forms: {gold} numbers, {look_alikes} look-alikes; found {predicted}, matched {matched}; \
         recall {recall:.3} precision {precision:.3} fields {accuracy:.3}"
    );
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(
        gold >= 150 && look_alikes >= 60,
        "{gold} numbers, {look_alikes} look-alikes"
    );
    assert!(recall >= 0.99, "recall {recall:.3}");
    assert!(precision >= 0.99, "precision {precision:.3}");
    assert!(accuracy >= 0.98, "normalized and issuer_code {accuracy:.3}");
}
