//! 《》 citations: titles against the hand-made gold, number attachment, short forms.

use gongwen::extract::citation::{extract_citations, CitationKind};
use gongwen::extract::docnum::{extract_docnums, Role};

use crate::docnum::{gold_files, load_gold, overlap, predict, shared_corpus, Gold};

fn titles(g: &[Gold]) -> Vec<(String, usize, String)> {
    g.iter()
        .filter_map(|x| match x {
            Gold::Title {
                file, line, title, ..
            } => Some((file.clone(), *line, title.clone())),
            Gold::Num { .. } => None,
        })
        .collect()
}

fn pairs(g: &[Gold]) -> Vec<(String, usize, String, String)> {
    g.iter()
        .filter_map(|x| match x {
            Gold::Title {
                file,
                line,
                title,
                number: Some(n),
            } => Some((file.clone(), *line, title.clone(), n.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn gold_precision_recall_and_attachment() {
    if shared_corpus().is_none() {
        eprintln!("shared corpus absent; gold evaluation skipped");
        return;
    }
    let gold = load_gold();
    let pred = predict(&gold_files(&gold));
    let (g, p) = (titles(&gold), titles(&pred));
    let tp = overlap(&g, &p);
    let (precision, recall) = (tp as f64 / p.len() as f64, tp as f64 / g.len() as f64);
    eprintln!(
        "titles: gold {} predicted {} correct {tp} precision {precision:.3} recall {recall:.3}",
        g.len(),
        p.len()
    );
    for x in &p {
        if overlap(&g, std::slice::from_ref(x)) == 0 {
            eprintln!("  extra or wrong: {x:?}");
        }
    }
    for x in &g {
        if overlap(&p, std::slice::from_ref(x)) == 0 {
            eprintln!("  missed: {x:?}");
        }
    }
    // Attachment: pairs right over all pairs either side claims.
    let (ga, pa) = (pairs(&gold), pairs(&pred));
    let right = overlap(&ga, &pa);
    let accuracy = right as f64 / (ga.len() + pa.len() - right) as f64;
    eprintln!(
        "attachment: gold pairs {} predicted {} right {right} accuracy {accuracy:.3}",
        ga.len(),
        pa.len()
    );
    assert!(precision >= 0.98, "title precision {precision:.3}");
    assert!(recall >= 0.98, "title recall {recall:.3}");
    assert!(accuracy >= 0.95, "attachment accuracy {accuracy:.3}");
}

#[test]
fn seed_titles_stay_distinct_and_variants_compare_equal() {
    let Some(base) = shared_corpus() else { return };
    let text = std::fs::read_to_string(base.join("seed/baoshan-fzzf-report-2022.txt")).unwrap();
    let mut nums = extract_docnums(&text);
    let cites = extract_citations(&text, &mut nums);
    let norm = |t: &str| {
        cites
            .iter()
            .find(|c| c.title == t)
            .map(|c| c.normalized_title.clone())
            .unwrap_or_else(|| panic!("no citation {t}"))
    };
    assert_ne!(
        norm("云南省重大行政决策规定"),
        norm("云南省重大行政决策程序规定")
    );
    assert_eq!(
        norm("法治保山建设规划(2021一2025年)"),
        norm("法治保山建设规划2021—2025年")
    );
    let plan = cites
        .iter()
        .find(|c| c.title == "法治保山建设规划2021—2025年")
        .unwrap();
    assert_eq!(plan.kind, CitationKind::Plan);
    let with_num: Vec<_> = cites.iter().filter(|c| c.docnum.is_some()).collect();
    assert_eq!(with_num.len(), 2);
    assert_eq!(with_num[0].key, "云政办发〔2019〕67号");
    assert_eq!(with_num[1].key, "云政发〔2019〕67号");
    assert_eq!(with_num[1].issuer, "云南省人民政府办公厅");
}

#[test]
fn run_of_titles_gives_the_number_to_the_last() {
    let text = "依据《甲办法》《乙规定》《丙省人民政府关于丁的通知》（丙政发〔2020〕5号）执行。";
    let mut nums = extract_docnums(text);
    let cites = extract_citations(text, &mut nums);
    assert_eq!(cites.len(), 3);
    assert_eq!(cites[0].docnum, None);
    assert_eq!(cites[1].docnum, None);
    assert_eq!(cites[2].docnum, Some(0));
    assert_eq!(nums[0].role, Role::Citation);
}

#[test]
fn declared_short_form_resolves_to_the_full_title() {
    let text = "根据《中华人民共和国药品管理法》（以下简称《药品管理法》），制定本办法。违反《药品管理法》的，依法处理。";
    let mut nums = extract_docnums(text);
    let cites = extract_citations(text, &mut nums);
    assert_eq!(cites.len(), 3);
    assert_eq!(cites[1].key, cites[0].key);
    assert_eq!(cites[2].key, cites[0].key);
    assert_eq!(cites[0].key, "中华人民共和国药品管理法");
}

/// Citations whose sentence holds a document number (tests/fixtures/citation/numbers.tsv): the
/// title's own number, written after it or before it, is attached; a number that is another
/// document's (an amending order) is not.
#[test]
fn numbers_in_the_same_sentence_are_attached() {
    let text =
        std::fs::read_to_string(crate::common::root().join("tests/fixtures/citation/numbers.tsv"))
            .expect("judged citations");
    let (mut judged, mut attached, mut none, mut wrongly) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for l in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 3, "malformed line {l}");
        let (sentence, title, want) = (f[0], f[1], f[2]);
        let mut nums = extract_docnums(sentence);
        let cites = extract_citations(sentence, &mut nums);
        let c = cites
            .iter()
            .find(|c| c.title == title)
            .unwrap_or_else(|| panic!("《{title}》 not found in {sentence}"));
        let got = c.docnum.map(|i| nums[i].normalized.as_str());
        if want == "-" {
            none += 1;
            if let Some(g) = got {
                wrongly += 1;
                misses.push(format!("《{title}》 took {g}"));
            }
        } else {
            judged += 1;
            if got == Some(want) {
                attached += 1;
            } else {
                misses.push(format!("《{title}》: {got:?}, want {want}"));
            }
        }
    }
    let rate = attached as f64 / judged as f64;
    eprintln!(
        "numbers attached: {attached}/{judged} ({rate:.3}); wrongly attached {wrongly}/{none}"
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(judged >= 100, "{judged} judged citations");
    assert!(rate >= 0.97, "attached {rate:.3}");
    assert!(
        wrongly * 10 <= none,
        "{wrongly} of {none} took a number not theirs"
    );
}

#[test]
fn a_number_before_its_title_is_attached() {
    for (text, want) in [
        (
            "2011年原卫生部令第84号公布的《医疗器械召回管理办法》同时废止。",
            "卫生部令第84号",
        ),
        (
            "以沪府办〔2019〕12号文印发的《上海市某某实施方案》继续执行。",
            "沪府办〔2019〕12号",
        ),
        (
            "《上海市某某实施方案》（以下简称沪府办〔2019〕12号文）继续执行。",
            "沪府办〔2019〕12号",
        ),
        (
            "《上海市某某实施方案》（沪府办〔2019〕12号）继续执行。",
            "沪府办〔2019〕12号",
        ),
    ] {
        let mut nums = extract_docnums(text);
        let cites = extract_citations(text, &mut nums);
        let got = cites[0].docnum.map(|i| nums[i].normalized.as_str());
        assert_eq!(got, Some(want), "{text}");
        assert_eq!(nums[cites[0].docnum.unwrap()].role, Role::Citation);
    }
    // The amending order is not the amended title's number.
    let text = "根据1997年12月31日市人民政府第12号令修改的《北京市测绘成果管理实施办法》";
    let mut nums = extract_docnums(text);
    assert_eq!(extract_citations(text, &mut nums)[0].docnum, None);
}
