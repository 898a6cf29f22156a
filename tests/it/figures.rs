//! Figures: hand-made gold over real documents, and table-driven cases for the hard forms.

use gongwen::extract::figures::{extract_figures, Figure};
use gongwen::segment::Segmenter;

use crate::common::root;

fn figures(text: &str) -> Vec<Figure> {
    let tokens = Segmenter::global().tag(text);
    extract_figures(text, &tokens)
}

struct Gold {
    file: String,
    text: String,
    value: f64,
    qualifier: String,
}

fn read_gold() -> (Vec<String>, Vec<Gold>) {
    let dir = root().join("tests/fixtures/figures");
    let files = std::fs::read_to_string(dir.join("gold-files.txt")).unwrap();
    let files = files
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let gold = std::fs::read_to_string(dir.join("gold.tsv")).unwrap();
    let rows = gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "gold line: {l}");
            Gold {
                file: c[0].to_string(),
                text: c[1].to_string(),
                value: c[2].parse().unwrap_or_else(|_| panic!("gold value: {l}")),
                qualifier: c[3].to_string(),
            }
        })
        .collect();
    (files, rows)
}

/// Precision and recall against statistics listed by hand, with exact values and qualifiers.
#[test]
fn gold_precision_and_recall() {
    let corpus = root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("shared corpus not present; skipping");
        return;
    }
    let (files, gold) = read_gold();
    let (mut found_total, mut gold_total, mut matched) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for file in &files {
        let text = std::fs::read_to_string(corpus.join(file)).unwrap();
        // Each gold row is matched at most once by a figure with the same surface, value
        // and qualifier.
        let mut expected: Vec<&Gold> = gold.iter().filter(|g| &g.file == file).collect();
        let found = figures(&text);
        gold_total += expected.len();
        found_total += found.len();
        for f in &found {
            let surface = f.span.text(&text);
            let hit = expected.iter().position(|g| {
                g.text == surface && g.value == f.value && g.qualifier == f.qualifier.as_str()
            });
            match hit {
                Some(i) => {
                    expected.swap_remove(i);
                    matched += 1;
                }
                None => report.push_str(&format!(
                    "  extra  {file}: {surface} = {} {}\n",
                    f.value,
                    f.qualifier.as_str()
                )),
            }
        }
        for g in expected {
            report.push_str(&format!(
                "  missed {file}: {} = {} {}\n",
                g.text, g.value, g.qualifier
            ));
        }
    }
    let precision = matched as f64 / found_total.max(1) as f64;
    let recall = matched as f64 / gold_total.max(1) as f64;
    eprintln!(
        "figures gold: {gold_total} statistics, {found_total} found, {matched} right: \
         precision {precision:.3}, recall {recall:.3}\n{report}"
    );
    assert!(gold_total > 200, "gold too small: {gold_total}");
    assert!(precision >= 0.97, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.97, "recall {recall:.3}\n{report}");
}

/// (text, expected figures as (surface, value, qualifier, low, high)).
type Case = (
    &'static str,
    &'static [(&'static str, f64, &'static str, Option<f64>, Option<f64>)],
);

#[test]
fn hard_forms() {
    let cases: &[Case] = &[
        (
            "挽回经济损失约6亿元。",
            &[("约6亿元", 6e8, "approx", None, None)],
        ),
        (
            "协助办理案件200余件。",
            &[("200余件", 200.0, "more_than", None, None)],
        ),
        ("销号率达80.3%。", &[("80.3%", 80.3, "", None, None)]),
        (
            "争取资金1373万元。",
            &[("1373万元", 13_730_000.0, "", None, None)],
        ),
        (
            "争取资金一千三百七十三万元。",
            &[("一千三百七十三万元", 13_730_000.0, "", None, None)],
        ),
        (
            "涉及人口三四十万人。",
            &[(
                "三四十万人",
                300_000.0,
                "approx",
                Some(300_000.0),
                Some(400_000.0),
            )],
        ),
        (
            "比例在15%～30%之间。",
            &[("15%～30%", 15.0, "range", Some(15.0), Some(30.0))],
        ),
        (
            "期限为2—3年。",
            &[("2—3年", 2.0, "range", Some(2.0), Some(3.0))],
        ),
        (
            "每批10到20件。",
            &[("10到20件", 10.0, "range", Some(10.0), Some(20.0))],
        ),
        (
            "投资2—3万元。",
            &[("2—3万元", 20_000.0, "range", Some(20_000.0), Some(30_000.0))],
        ),
        ("其他部门多为1人。", &[("1人", 1.0, "", None, None)]),
        (
            "覆盖率百分之三十。",
            &[("百分之三十", 30.0, "", None, None)],
        ),
        (
            "误差千分之二点四。",
            &[("千分之二点四", 2.4, "", None, None)],
        ),
        ("占三分之一。", &[("三分之一", 1.0 / 3.0, "", None, None)]),
        ("增长三成。", &[("三成", 30.0, "", None, None)]),
        ("收入12,680元。", &[("12,680元", 12680.0, "", None, None)]),
        ("收入１２３元。", &[("１２３元", 123.0, "", None, None)]),
        ("规模12.5亿元。", &[("12.5亿元", 1.25e9, "", None, None)]),
        ("规模3千万元。", &[("3千万元", 3e7, "", None, None)]),
        ("装机1300万千瓦。", &[("1300万千瓦", 1.3e7, "", None, None)]),
        ("收入四百五元。", &[("四百五元", 450.0, "", None, None)]),
        ("共一万二人。", &[("一万二人", 12000.0, "", None, None)]),
        (
            "提高三点五个百分点。",
            &[("三点五个百分点", 3.5, "", None, None)],
        ),
        ("工作35项(次)。", &[("35项(次)", 35.0, "", None, None)]),
        ("增长5%左右，", &[("5%左右", 5.0, "approx", None, None)]),
        (
            "粮食760亿斤以上。",
            &[("760亿斤以上", 7.6e10, "more_than", None, None)],
        ),
        ("不足10人。", &[("不足10人", 10.0, "less_than", None, None)]),
        ("逾千人。", &[("逾千人", 1000.0, "more_than", None, None)]),
        (
            "提供建议千余条。",
            &[("千余条", 1000.0, "more_than", None, None)],
        ),
        (
            "十几万人参加。",
            &[(
                "十几万人",
                110_000.0,
                "approx",
                Some(110_000.0),
                Some(190_000.0),
            )],
        ),
        (
            "不得超过三十日。",
            &[("不得超过三十日", 30.0, "less_than", None, None)],
        ),
        ("面积5平方公里。", &[("5平方公里", 5.0, "", None, None)]),
    ];
    for (text, want) in cases {
        let got = figures(text);
        let got: Vec<_> = got
            .iter()
            .map(|f| {
                (
                    f.span.text(text),
                    f.value,
                    f.qualifier.as_str(),
                    f.low,
                    f.high,
                )
            })
            .collect();
        let want: Vec<_> = want.iter().map(|w| (w.0, w.1, w.2, w.3, w.4)).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn not_figures() {
    let texts = [
        "2022年，市政府办公室工作。",
        "2022年9月，派员检查；11月，组织检查。",
        "成文日期：1981年05月23日，发布日期：2018-12-04。",
        "一九八一年五月二十三日",
        "深入学习党的二十大精神，十九届历次全会，第一议题。",
        "召开第三次会议。",
        "一是提高政治站位。（一）深入学习。1. 总则",
        "深刻领悟“两个确立”，增强“四个意识”，落实“三项制度”，“三重一大”，推进“四化”联动。",
        "“十四五”时期，及时传达学习“一规划两纲要”，跟踪推进“1+N”模式。",
        "组织开展了“4·15全民国家安全教育日”活动。",
        "制发了保政发﹝2022﹞10号文，国发〔2018〕38号。",
        "依照第十条、第十四条第四项至第六项规定。",
        "政务公开是一项系统工程，是一个重要方面。",
        "《规划（2021一2025年）》，2021—2025年。",
        "全省PM2.5平均浓度，5G网络，G318改造。",
        "这五年，过去五年，未来五年，60年来，成立60周年。",
        // ../shared/corpus/real/tongzhi-guobanting-1996-guobanfa2.txt: a decade, not 70 years.
        "自70年代以来，我局每年都进行年度地震趋势会商，自80年代后期以来，九十年代。",
        "统一部署，进一步推动，千方百计，万家灯火，几个问题。",
    ];
    for t in texts {
        let got: Vec<_> = figures(t)
            .iter()
            .map(|f| f.span.text(t).to_string())
            .collect();
        assert!(got.is_empty(), "{t}: {got:?}");
    }
}

#[test]
fn metrics() {
    let cases = [
        (
            "完成合法性审核212件，合法性审核率达100%。",
            "100%",
            "合法性审核率",
        ),
        (
            "留言线索262件，答复率、办理反馈率均为100%；",
            "100%",
            "答复率、办理反馈率",
        ),
        (
            "协助办理案件200余件，挽回经济损失约6亿元。",
            "约6亿元",
            "挽回经济损失",
        ),
        ("市政府办公室登记公职律师1名；", "1名", "公职律师"),
        // The seed report: an adverb glued to its link word is no metric.
        ("其他市直部门,多为1人,很多还是兼职。", "1人", ""),
        // 2026 government work reports (浙江, 重庆, 江苏, 新疆).
        (
            "规上工业企业研发费用与营收之比达到3.25%左右，",
            "3.25%左右",
            "规上工业企业研发费用与营收之比",
        ),
        (
            "五年建成“四好农村路”1.67万公里，加装安全护栏2.65万公里，",
            "1.67万公里",
            "“四好农村路”",
        ),
        (
            "万人高价值发明专利拥有量达34.2件。",
            "34.2件",
            "万人高价值发明专利拥有量",
        ),
        (
            "城乡居民人均可支配收入年均增长5.3%、8.1%。",
            "5.3%",
            "城镇居民人均可支配收入",
        ),
        (
            "城乡居民人均可支配收入年均增长5.3%、8.1%。",
            "8.1%",
            "农村居民人均可支配收入",
        ),
        // Three figures are not an urban and a rural one.
        (
            "城乡居民人均可支配收入增长5.3%、8.1%、6.0%。",
            "8.1%",
            "城乡居民人均可支配收入",
        ),
    ];
    for (text, fig, metric) in cases {
        let f = figures(text)
            .into_iter()
            .find(|f| f.span.text(text) == fig)
            .unwrap_or_else(|| panic!("{fig} not found in {text}"));
        assert_eq!(f.metric, metric, "{text}");
    }
}

#[test]
fn row_has_the_contract_columns() {
    use gongwen::document::Document;
    use gongwen::output::rows::{FigureRow, TableRow};
    let doc = Document::from_text("a.txt", "标题\n争取资金1373万元。");
    let f = figures(&doc.text).remove(0);
    let row: Vec<String> = FigureRow::new(&doc, &f)
        .cells()
        .iter()
        .map(|c| c.render())
        .collect();
    assert_eq!(
        row,
        [
            "a.txt",
            "2",
            "5",
            "1373万元",
            "13730000",
            "万元",
            "元",
            "money",
            "",
            "",
            "",
            "争取资金",
            "争取资金1373万元。",
            "none",
            "",
            "",
            ""
        ]
    );
}

mod never_panics {
    use super::figures;
    use proptest::prelude::*;

    fn check(s: &str) {
        for f in figures(s) {
            assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            assert!(s.is_char_boundary(f.sentence.start) && s.is_char_boundary(f.sentence.end));
            assert!(f.span.start < f.span.end && f.span.end <= s.len());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary(s in "\\PC{0,40}") {
            check(&s);
        }

        #[test]
        fn numeral_soup(s in "[0-9０-９.,．%～—\\-至到约近余多以上下左右第“”（）()、，。年月日号万亿千百十零〇一二两三四五六七八九几点分之成个件人元亩项次]{0,40}") {
            check(&s);
        }
    }
}

/// A judged row of `judged.tsv`.
struct Judged {
    file: String,
    line: usize,
    column: usize,
    text: String,
    statistic: bool,
    value: f64,
    unit: String,
    metrics: Vec<String>,
    change: String,
}

fn read_judged(name: &str) -> Vec<Judged> {
    let path = root().join("tests/fixtures/figures").join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 9, "judged line: {l}");
            let statistic = c[4] == "y";
            Judged {
                file: c[0].to_string(),
                line: c[1].parse().unwrap(),
                column: c[2].parse().unwrap(),
                text: c[3].to_string(),
                statistic,
                value: if statistic {
                    c[5].parse().unwrap()
                } else {
                    0.0
                },
                unit: c[6].to_string(),
                metrics: c[7].split('|').map(String::from).collect(),
                change: c[8].to_string(),
            }
        })
        .collect()
}

/// Every field of a random sample of figures from published reports and real documents,
/// against the judgement of a reader: whether each is a statistic at all, and for statistics
/// whether value, unit, metric and direction are all right.
#[test]
fn judged_sample_of_real_figures() {
    use gongwen::document::Document;
    use gongwen::output::rows::FigureRow;
    use std::collections::BTreeMap;

    let shared = root().join("../shared");
    if !shared.join("corpus/real").is_dir() || !shared.join("bench/gzbg-2026").is_dir() {
        eprintln!("shared corpus not present; skipping");
        return;
    }
    let judged = read_judged("judged.tsv");
    assert!(judged.len() >= 200, "sample too small: {}", judged.len());
    let mut rows: BTreeMap<&str, Vec<FigureRow>> = BTreeMap::new();
    for j in &judged {
        rows.entry(j.file.as_str()).or_insert_with(|| {
            let text = std::fs::read_to_string(shared.join(&j.file)).unwrap();
            let doc = Document::from_text(&j.file, &text);
            figures(&doc.text)
                .iter()
                .map(|f| FigureRow::new(&doc, f))
                .collect()
        });
    }
    let (mut kind_right, mut all_right) = (0usize, 0usize);
    let mut report = String::new();
    for j in &judged {
        let width = j.text.chars().count();
        // The figure on the judged line whose surface overlaps the judged one.
        let found = rows[j.file.as_str()].iter().find(|r| {
            r.line == j.line
                && r.column < j.column + width
                && j.column < r.column + r.text.chars().count()
        });
        let what = match (j.statistic, found) {
            (false, None) => {
                kind_right += 1;
                all_right += 1;
                continue;
            }
            (false, Some(_)) => "taken but not a statistic".to_string(),
            (true, None) => "statistic missed".to_string(),
            (true, Some(r)) => {
                kind_right += 1;
                let mut wrong = Vec::new();
                if (r.value - j.value).abs() > 1e-9 * j.value.abs().max(1.0) {
                    wrong.push(format!("value {} (judged {})", r.value, j.value));
                }
                if r.unit != j.unit {
                    wrong.push(format!("unit {} (judged {})", r.unit, j.unit));
                }
                if !j.metrics.contains(&r.metric) {
                    wrong.push(format!(
                        "metric {} (judged {})",
                        r.metric,
                        j.metrics.join("|")
                    ));
                }
                if r.change != j.change {
                    wrong.push(format!("change {} (judged {})", r.change, j.change));
                }
                if wrong.is_empty() {
                    all_right += 1;
                    continue;
                }
                wrong.join(", ")
            }
        };
        report.push_str(&format!("  {}:{} {}: {what}\n", j.file, j.line, j.text));
    }
    let n = judged.len() as f64;
    let (kind_share, all_share) = (kind_right as f64 / n, all_right as f64 / n);
    eprintln!(
        "judged sample: {} rows, statistic or not right {kind_share:.3}, every field right \
         {all_share:.3}\n{report}",
        judged.len()
    );
    assert!(
        kind_share >= 0.95,
        "statistic or not {kind_share:.3}\n{report}"
    );
    assert!(all_share >= 0.85, "every field {all_share:.3}\n{report}");
}

/// Number forms written the ways Chinese documents write them (Chinese, Arabic and mixed
/// numerals, scale words, money in several currencies, percentages, fractions, ranges,
/// approximations, bounds, units), each with its value; and look-alikes that state no
/// statistic.
#[test]
fn number_forms() {
    let path = root().join("tests/fixtures/figures/forms.tsv");
    let data = std::fs::read_to_string(path).unwrap();
    let (mut total, mut found, mut right) = (0usize, 0usize, 0usize);
    let (mut looks, mut taken) = (0usize, 0usize);
    let mut report = String::new();
    for l in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("category\t") && !l.trim().is_empty())
    {
        let c: Vec<&str> = l.split('\t').collect();
        assert_eq!(c.len(), 5, "form line: {l}");
        let (category, text, surface) = (c[0], c[1], c[2]);
        let got = figures(text);
        if category.starts_with("not:") {
            looks += 1;
            if !got.is_empty() {
                taken += 1;
                let s: Vec<_> = got.iter().map(|f| f.span.text(text)).collect();
                report.push_str(&format!("  taken  {category} {text}: {s:?}\n"));
            }
            continue;
        }
        total += 1;
        let value: f64 = c[3].parse().unwrap_or_else(|_| panic!("form value: {l}"));
        let Some(f) = got.iter().find(|f| f.span.text(text) == surface) else {
            let s: Vec<_> = got.iter().map(|f| f.span.text(text)).collect();
            report.push_str(&format!(
                "  missed {category} {text}: {surface} (found {s:?})\n"
            ));
            continue;
        };
        found += 1;
        if (f.value - value).abs() <= 1e-9 * value.abs().max(1.0) && f.unit == c[4] {
            right += 1;
        } else {
            report.push_str(&format!(
                "  wrong  {category} {text}: {} {} (expected {value} {})\n",
                f.value, f.unit, c[4]
            ));
        }
    }
    let recall = found as f64 / total.max(1) as f64;
    let values = right as f64 / found.max(1) as f64;
    let clean = 1.0 - taken as f64 / looks.max(1) as f64;
    eprintln!(
        "number forms: {total} forms, {found} found, {right} right: recall {recall:.3}, values \
         {values:.3}; {looks} look-alikes, {taken} taken\n{report}"
    );
    assert!(total >= 300, "suite too small: {total}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{report}");
    assert!(values >= 0.98, "values {values:.3}\n{report}");
    assert!(clean >= 0.95, "look-alikes taken {taken}/{looks}\n{report}");
}
