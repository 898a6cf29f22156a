//! `metric-inconsistent`: one statistic of one subject and period stated with two values, in
//! one document or across the batch.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::{clause_start, has_change_word, is_clause_end, is_link_only};
use crate::check::rules::text;
use crate::check::{
    BatchDoc, BatchMetric, Check, DocContext, Excerpt, Findings, Located, Location, Rule, Scope,
    Severity,
};
use crate::extract::figures::{FigureKind, Qualifier};
use crate::segment::Token;
use crate::span::Span;

/// `metric-inconsistent`: one metric of one subject and period stated with two values.
pub static METRIC_INCONSISTENT: Rule = Rule {
    id: "metric-inconsistent",
    severity: Severity::Warning,
    scope: Scope::Both,
    summary: "同一主体、同一时期的同一指标出现两个不同的数值",
    doc: "检查：同一文件内或同一批文件之间，同一主体（全县、本市、临川市……）、同一时期、同一指标\n\
          的确数写成了不同的数值。\n\
          原因：报告、总结、简报中同一个统计数必须一致，不一致时至少有一处抄错。\n\
          错误：报告写“全县受理劳动人事争议仲裁案件214件”，汇总材料写“全县受理劳动人事争议仲裁案件241件”\n\
          正确：两处写同一个数值。\n\
          只比较：指标以主体开头（文件内：全省、全市、全县、本市、我县等或以省、市、县结尾的地名；\n\
          跨文件：只认地名，因为不同机关的“全县”“本市”不是同一主体）、主体和指标用字完全相同、\n\
          单位相同、都是确数、所在段落的时期用语（2024年、上半年、一季度、去年、“十四五”等）\n\
          完全相同的两处；跨文件比较时还要求两份文件年份相同，或段落中写明了相同的年份。\n\
          不报告：不同地方或范围（临川市与平江县、市政府与全市各级）；带“约”“余”“以上”“左右”的数；\n\
          增长、下降、同比等变化量；“力争”“预计”“目标”等计划数；“分别”列举的数；\n\
          主体没有写出的指标（不能确定是同一主体）。宁可漏报，不误报。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）“数据准确”。",
    summary_en: "One statistic of the same subject and period given two different values",
    doc_en: "Checks: the same statistic of the same subject (全县, 本市, 临川市……) and the same period given different\n\
         exact values within one document or across documents of the batch.\n\
         Why: a figure in a report, summary or bulletin must be the same wherever it appears; if it is not, at\n\
         least one place is miscopied.\n\
         Wrong: a report says “全县受理劳动人事争议仲裁案件214件”, a summary “全县受理劳动人事争议仲裁案件241件”\n\
         Right: both give the same value.\n\
         Only compared: two statistics that start with their subject (within a document: 全省, 全市, 全县, 本市, 我县\n\
         and the like, or a place name ending in 省, 市, 县; across documents: place names only, because “全县” or\n\
         “本市” of different organs are different subjects), with the same wording of subject and statistic, the\n\
         same unit, both exact, and the same words of period in their paragraphs (2024年, 上半年, 一季度, 去年,\n\
         “十四五” and the like); across documents, the two documents must also be of the same year, or their\n\
         paragraphs must state the same year.\n\
         Not reported: different places or scopes (临川市 and 平江县, 市政府 and 全市各级); numbers marked “约”,\n\
         “余”, “以上”, “左右”; changes such as growth, decline, year on year; planned figures (“力争”, “预计”,\n\
         “目标”); numbers listed with “分别”; statistics without a stated subject (the subject cannot be known to\n\
         be the same). Better to miss one than to report a false one.\n\
         Source: the “accurate data” of 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(metric_inconsistent, metric_inconsistent_batch),
    safe_fix: false,
};

/// A jurisdiction word that names the issuer's own area (全县, 本市, 我省): the same subject
/// within one document, not across documents from different issuers.
const RELATIVE_SUBJECTS: &[&str] = &[
    "全国", "全省", "全市", "全县", "全区", "全州", "全镇", "全乡", "本省", "本市", "本县", "本区",
    "本镇", "我省", "我市", "我县", "我区", "我镇",
];

/// A place name at the start of a metric (临川市, 平江县, 江澄省).
static PLACE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{1,4}?(?:省|市|县)").ok());

/// Words that end like a place name but are not one (上市公司, 城市, 节省).
const NOT_PLACES: &[&str] = &[
    "上市", "城市", "都市", "超市", "门市", "夜市", "集市", "股市", "楼市", "开市", "罢市", "菜市",
    "闹市", "街市", "节省", "反省", "郡县",
];

/// Whether `metric` starts with a named place, and whether that place is absolute (a name that
/// means the same in every document).
/// `at` is the byte offset of `metric` in `text`; the name must be whole jieba words, the first
/// a proper noun, so that 办理市人大代表建议 does not read as a place 办理市.
fn subject_of(text: &str, tokens: &[Token], at: usize, metric: &str) -> Option<bool> {
    if RELATIVE_SUBJECTS.iter().any(|w| metric.starts_with(w)) {
        return Some(false);
    }
    let m = PLACE.as_ref()?.find(metric)?;
    let name = m.as_str();
    let tail: String = name
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if name.chars().count() < 3 || NOT_PLACES.contains(&tail.as_str()) {
        return None;
    }
    // 农贸市场, 市民, 市值: 市 begins another word.
    if metric[m.end()..].starts_with(['场', '民', '值', '容', '面', '级']) {
        return None;
    }
    let (start, end) = (at, at + m.end());
    let i = tokens.partition_point(|t| t.span().start < start);
    let first = tokens.get(i).filter(|t| t.span().start == start)?;
    if !matches!(first.pos(), "ns" | "nr" | "nz") || text.get(start..end).is_none() {
        return None;
    }
    tokens[i..]
        .iter()
        .take(2)
        .any(|t| t.span().end == end)
        .then_some(true)
}

/// Period words; two statements are compared only when their paragraphs carry the same ones.
static PERIOD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"[0-9]{4}年度?|[0-9一二三四五六七八九十]{1,3}月份?|[一二三四1-4]季度|上半年|下半年|前三季度|全年|去年|上年|今年|明年|当年|年初|年底|年末|截至|以来|五年|三年|过去|近年|十[一二三四五六]五|历年",
    )
    .ok()
});

/// Words of plans and targets: such figures are not statements of fact.
const PLAN_WORDS: &[&str] = &[
    "力争", "预计", "目标", "计划", "争取", "确保", "预期", "将", "要", "拟", "分别",
];

/// One stated fact: key, value and where.
struct Fact {
    span: Span,
    key: String,
    periods: String,
    value: f64,
    /// The subject is a place name rather than 全县 or 本市.
    absolute: bool,
}

fn facts(ctx: &DocContext) -> Vec<Fact> {
    let Some(period) = PERIOD.as_ref() else {
        return Vec::new();
    };
    let text = ctx.doc.text.as_str();
    let mut out = Vec::new();
    // The periods named on a figure's line before it (2023年, 上半年) are part of its key. A line
    // can be long and hold many figures: its periods are found once, and those before each
    // figure are taken in order as the figures advance.
    let mut line = LinePeriods::default();
    for f in ctx.figures {
        if f.qualifier != Qualifier::None
            || f.low.is_some()
            || !matches!(
                f.kind,
                FigureKind::Count | FigureKind::Money | FigureKind::Measure | FigureKind::Percent
            )
        {
            continue;
        }
        // The metric is the whole clause up to the figure (the extractor's metric narrowed to
        // its last noun phrase, extended back to the clause start), so that the subject and
        // scope written before it are part of the key.
        let narrow = f.metric.trim();
        let cs = clause_start(text, f.sentence.start, f.span.start);
        let clause = text[cs..f.span.start].trim_start();
        let Some(at_narrow) = clause.rfind(narrow).filter(|_| !narrow.is_empty()) else {
            continue;
        };
        let (metric, link) = clause.split_at(at_narrow + narrow.len());
        if metric.chars().filter(|c| text::is_han(*c)).count() < 6 {
            continue;
        }
        let at = f.span.start - clause.len();
        let Some(absolute) = subject_of(text, ctx.tokens, at, metric) else {
            continue;
        };
        if has_change_word(link) || !is_link_only(link) && !link.chars().all(text::is_han) {
            continue;
        }
        if link.chars().count() > 4 {
            continue;
        }
        // The figure ends its clause (not 214件的基础上).
        if text::char_at(text, f.span.end).is_some_and(|c| !is_clause_end(c) && c != '、') {
            continue;
        }
        let sentence = ctx.doc.slice(f.sentence);
        if PLAN_WORDS.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        let periods = line.before(ctx.doc, period, f.span.start, f.span.end);
        out.push(Fact {
            span: f.span,
            key: format!("{metric}|{}", f.base_unit),
            periods,
            value: f.value,
            absolute,
        });
    }
    out
}

/// Most distinct periods of one line that make part of a key.
const MAX_PERIODS: usize = 16;

/// The periods of one line, read up to the figure at hand.
#[derive(Default)]
struct LinePeriods<'t> {
    /// Byte offset of the line's start, or `None` before the first figure.
    start: Option<usize>,
    /// Every period named on the line, in order: (end, text).
    found: Vec<(usize, &'t str)>,
    /// How many of `found` have been taken.
    taken: usize,
    seen: std::collections::BTreeSet<&'t str>,
    joined: String,
}

impl<'t> LinePeriods<'t> {
    /// The distinct periods named on the line of `figure_start` that end by `figure_end`,
    /// sorted and joined with commas. Figures must come in order of position.
    fn before(
        &mut self,
        doc: &'t crate::Document,
        period: &Regex,
        figure_start: usize,
        figure_end: usize,
    ) -> String {
        let text = doc.text.as_str();
        let lc = doc.line_col(figure_start);
        let start = doc.lines.line_start(&doc.text, lc.line);
        if self.start != Some(start) {
            let line = doc.lines.line_text(text, figure_start);
            *self = LinePeriods {
                start: Some(start),
                found: period
                    .find_iter(line)
                    .map(|m| (start + m.end(), m.as_str()))
                    .collect(),
                ..LinePeriods::default()
            };
        }
        let mut grew = false;
        while let Some(&(_, p)) = self
            .found
            .get(self.taken)
            .filter(|(end, _)| *end <= figure_end)
        {
            // A paragraph names a few periods; a line naming more is no text a person wrote,
            // and joining them all again at each figure would grow with their square.
            if self.seen.len() < MAX_PERIODS {
                grew |= self.seen.insert(p);
            }
            self.taken += 1;
        }
        if grew {
            self.joined = self.seen.iter().copied().collect::<Vec<_>>().join(",");
        }
        self.joined.clone()
    }
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// How many distinct values of one key are remembered: a key stated with more values than
/// this is already reported many times over, and comparing each new value with all earlier
/// ones would grow with the square of their number.
const VALUES_PER_KEY: usize = 32;

/// Whether `v` is to be remembered among the values of its key (`bits` holds those remembered):
/// a value equal to one remembered adds nothing to the comparisons, which take the first value
/// that differs and ask whether any agrees.
fn remember(bits: &mut Vec<u64>, v: f64) -> bool {
    if bits.len() >= VALUES_PER_KEY || bits.contains(&v.to_bits()) {
        return false;
    }
    bits.push(v.to_bits());
    true
}

fn metric_inconsistent(ctx: &DocContext, out: &mut Findings) {
    let facts = facts(ctx);
    // Per key: the facts remembered, and the bits of their values.
    type Seen<'f> = (Vec<&'f Fact>, Vec<u64>);
    let mut first: HashMap<(&str, &str), Seen> = HashMap::new();
    for f in &facts {
        let (seen, bits) = first
            .entry((f.key.as_str(), f.periods.as_str()))
            .or_default();
        if let Some(other) = seen.iter().find(|o| !same_value(o.value, f.value)) {
            if !seen.iter().any(|o| same_value(o.value, f.value)) {
                let (a, b) = (ctx.doc.slice(other.span), ctx.doc.slice(f.span));
                let lc = ctx.doc.line_col(other.span.start);
                out.push(
                    text::finding(
                        METRIC_INCONSISTENT.id,
                        f.span.start,
                        f.span.end,
                        msg!(
                            zh = "同一指标前后数值不一致：“{}”这里写作“{b}”，第{}行写作“{a}”。\
                                  请核对，统一为正确的数值",
                            en = "The same statistic “{}” has different values: “{b}” here, “{a}” on line {}; \
                                  check and use the correct value in both places",
                            metric_name(&f.key),
                            lc.line
                        ),
                    )
                    .with_related(other.span),
                );
            }
        }
        if remember(bits, f.value) {
            seen.push(f);
        }
    }
}

fn metric_name(key: &str) -> &str {
    key.split('|').next().unwrap_or(key)
}

/// The facts of a document that batch comparison needs: each with a key that includes the
/// period (the document year when the paragraph names none).
pub fn batch_metrics(ctx: &DocContext) -> Vec<BatchMetric> {
    let year = ctx.meta.year;
    facts(ctx)
        .into_iter()
        .filter(|f| f.absolute)
        .filter_map(|f| {
            let key = if !f.periods.is_empty() && f.periods.contains(|c: char| c.is_ascii_digit()) {
                format!("{}|{}", f.key, f.periods)
            } else {
                format!("{}|{}|{}", f.key, f.periods, year?)
            };
            let lc = ctx.doc.line_col(f.span.start);
            let line_start = ctx.doc.lines.line_start(&ctx.doc.text, lc.line);
            let line = ctx.doc.lines.line_text(&ctx.doc.text, f.span.start);
            Some(BatchMetric {
                at: Location::in_doc(ctx.doc, f.span.start),
                span: f.span,
                key,
                value: f.value,
                text: ctx.doc.slice(f.span).to_string(),
                excerpt: Excerpt::new(
                    line,
                    f.span.start - line_start,
                    f.span.end.saturating_sub(line_start),
                ),
            })
        })
        .collect()
}

fn metric_inconsistent_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    // The first value each key had, and where.
    // Per key: the metrics remembered, and the (document, value bits) of each.
    type Seen<'m> = (Vec<&'m BatchMetric>, HashSet<(usize, u64)>);
    let mut first: HashMap<&str, Seen> = HashMap::new();
    for (k, d) in docs.iter().enumerate() {
        for m in &d.metrics {
            let (seen, bits) = first.entry(m.key.as_str()).or_default();
            let other_file = seen.iter().find(|o| o.at.file != m.at.file);
            let agrees = seen
                .iter()
                .any(|o| o.at.file != m.at.file && same_value(o.value, m.value));
            if let Some(o) = other_file.filter(|o| !agrees && !same_value(o.value, m.value)) {
                out.push(Located {
                    at: m.at.clone(),
                    span: m.span,
                    rule: METRIC_INCONSISTENT.id,
                    severity: METRIC_INCONSISTENT.severity,
                    message: msg!(
                        zh = "同一指标在不同文件中数值不一致：“{}”这里写作“{}”，{}写作“{}”。\
                              请核对，统一为正确的数值",
                        en = "The same statistic “{}” has different values in different files: “{}” here, \
                              at {} it is “{}”; check and use the correct value in both",
                        metric_name(&m.key),
                        m.text,
                        o.at,
                        o.text
                    ),
                    text: m.text.clone(),
                    related: vec![o.at.clone()],
                    excerpt: Some(m.excerpt.clone()),
                    end_line: Located::end_of(&m.at, &m.text).0,
                    end_column: Located::end_of(&m.at, &m.text).1,
                    replacement: None,
                });
            }
            // A value stated again in the same document adds nothing to the comparisons.
            if bits.insert((k, m.value.to_bits())) {
                seen.push(m);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_subjects_and_lookalike_places() {
        assert_eq!(subject_of("", &[], 0, "全县受理案件"), Some(false));
        // No tokens: a place name cannot be confirmed as whole words.
        assert_eq!(subject_of("", &[], 0, "平江县受理案件"), None);
        assert_eq!(subject_of("", &[], 0, "新增上市公司"), None);
    }
}
