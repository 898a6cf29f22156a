//! Figures: the statistics a document states (a number with what it counts or measures).
//!
//! Candidates come from one regular expression over the raw text (Arabic runs, Chinese numeral
//! runs, `X分之Y`); each is then read outwards: scale word, unit, qualifiers before and after,
//! and a second number when the two form a range. Look-alikes (dates, ordinals, enumerators,
//! document numbers, fixed formulations, names such as 4·15, 一 used as an article) are rejected
//! from their context. jieba tokens decide whether a Chinese numeral starts a word (so that the
//! 一 of 统一 is not a number) and give the words that name the metric.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::numerals::{self, Decimal, Ratio};
use crate::segment::Token;
use crate::span::Span;

/// Units shipped with gongwen: `unit,kind,base_unit,factor`.
pub const UNITS_CSV: &str = include_str!("../../dicts/units.csv");
/// Fixed numbered formulations shipped with gongwen, one per line.
pub const FORMULATIONS_TXT: &str = include_str!("../../dicts/formulations.txt");

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Count,
    Money,
    Percent,
    Measure,
    Number,
}

impl FigureKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Measure => "measure",
            FigureKind::Number => "number",
        }
    }

    fn parse(s: &str) -> Option<FigureKind> {
        Some(match s {
            "count" => FigureKind::Count,
            "money" => FigureKind::Money,
            "percent" => FigureKind::Percent,
            "measure" => FigureKind::Measure,
            "number" => FigureKind::Number,
            _ => return None,
        })
    }
}

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    None,
    Approx,
    MoreThan,
    LessThan,
    Range,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::None => "",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }
}

/// Which way a figure moves its metric, when it states a change (增长5% against 下降5%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    None,
    Increase,
    Decrease,
}

impl Change {
    pub fn as_str(&self) -> &'static str {
        match self {
            Change::None => "none",
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }
}

/// One statistic found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The exact surface, qualifiers included (`约6亿元`, `200余件`).
    pub span: Span,
    /// The number in the base unit, scale words multiplied out.
    pub value: f64,
    /// The unit as written, scale word included (`万元`).
    pub unit: String,
    /// The unit without scale word (`元`).
    pub base_unit: String,
    pub kind: FigureKind,
    pub qualifier: Qualifier,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// What the figure measures, from the words before it in its clause.
    pub metric: String,
    /// Whether the figure is a rise or a fall of its metric (增长 / 下降) or a level.
    pub change: Change,
    /// What a change is measured against (同比, 比上年, 较2020年).
    pub basis: String,
    /// The time the figure refers to, when its sentence names one before it (2025年, “十四五”时期).
    pub period: String,
    /// The sentence that contains the figure.
    pub sentence: Span,
}

/// One row of the unit dictionary.
#[derive(Debug, Clone)]
pub struct UnitDef {
    pub unit: String,
    pub kind: FigureKind,
    pub base_unit: String,
    pub factor: Decimal,
}

/// The unit dictionary, indexed by first character with the longest units first, so a lookup
/// at a position costs a hash probe and a few prefix comparisons.
pub struct Units {
    by_first: HashMap<char, Vec<UnitDef>>,
}

impl Units {
    /// Parses `unit,kind,base_unit,factor` lines (a header line and `#` notes are skipped).
    /// Malformed lines are reported with their 1-based line number.
    pub fn parse(csv: &str) -> Result<Units, crate::error::UnitsError> {
        let mut by_first: HashMap<char, Vec<UnitDef>> = HashMap::new();
        for (i, line) in csv.lines().enumerate() {
            let line = line.trim().trim_start_matches('\u{feff}');
            if line.is_empty() || line.starts_with('#') || line.starts_with("unit,") {
                continue;
            }
            let bad = || crate::error::UnitsError {
                line: i + 1,
                text: line.to_string(),
            };
            let mut parts = line.split(',');
            let (Some(unit), Some(kind), Some(base), Some(factor), None) = (
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
            ) else {
                return Err(bad());
            };
            let kind = FigureKind::parse(kind.trim()).ok_or_else(bad)?;
            let factor = numerals::parse_arabic(factor.trim()).map_err(|_| bad())?;
            let unit = unit.trim();
            let first = unit.chars().next().ok_or_else(bad)?;
            by_first.entry(first).or_default().push(UnitDef {
                unit: unit.to_string(),
                kind,
                base_unit: base.trim().to_string(),
                factor,
            });
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|u| std::cmp::Reverse(u.unit.len()));
        }
        Ok(Units { by_first })
    }

    /// The longest unit that `s` starts with.
    pub fn longest_prefix(&self, s: &str) -> Option<&UnitDef> {
        let first = s.chars().next()?;
        self.by_first
            .get(&first)?
            .iter()
            .find(|u| s.starts_with(u.unit.as_str()))
    }
}

/// The bundled units; a malformed bundled line is caught by a unit test, so at run time it only
/// loses that dictionary rather than aborting.
static UNITS: LazyLock<Units> = LazyLock::new(|| {
    Units::parse(UNITS_CSV).unwrap_or(Units {
        by_first: HashMap::new(),
    })
});

/// One alternation of every formulation, longest first so that 八项规定精神 wins over 八项规定.
static FORMULATIONS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut items: Vec<&str> = FORMULATIONS_TXT
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    items.sort_by_key(|s| std::cmp::Reverse(s.len()));
    if items.is_empty() {
        return None;
    }
    let pat = items
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&pat).ok()
});

/// Number candidates: `X分之Y`, an Arabic run, or a Chinese numeral run (with 点 decimals).
static NUM_RE: LazyLock<Regex> = LazyLock::new(|| {
    const CN: &str = "[零〇一二两三四五六七八九十百千万亿几壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?";
    const AR: &str = "[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?";
    const MIXED: &str = "[0-9]+(?:[亿万千百][0-9]+)+[亿万千百]";
    let pat = format!("翻[一两二三四]?番|(?:{CN}|{AR})分之(?:{AR}|{CN})|{MIXED}|{AR}|{CN}");
    Regex::new(&pat).unwrap_or_else(|_| Regex::new("[0-9]+").unwrap_or_else(|_| unreachable!()))
});

/// Digit strings joined by separators that make them dates, times, codes or versions
/// (2026-02-02, 000014349/1981-00021, 9:30, 1.2.3).
static CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "[0-9]+(?:-[0-9]+){2,}|[0-9]+(?:/[0-9]+){2,}|[0-9]+(?:[.][0-9]+){2,}|[0-9]+(?::[0-9]+){2,}\
         |[0-9]+(?:[.][0-9]+)?[/:∶][0-9]+(?:[.][0-9]+)?",
    )
    .unwrap_or_else(|_| Regex::new("[0-9]+/[0-9]+").unwrap_or_else(|_| unreachable!()))
});

/// The rest of a list of bare numbers after the first (、22 of 15、22个百分点).
static LIST_TAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^(?:、[0-9]+(?:[.][0-9]+)?)+")
        .unwrap_or_else(|_| Regex::new("^、[0-9]+").unwrap_or_else(|_| unreachable!()))
});

/// Qualifiers written before a number, longest first.
const PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("不得超过", Qualifier::LessThan),
    ("不能超过", Qualifier::LessThan),
    ("不应超过", Qualifier::LessThan),
    ("不超过", Qualifier::LessThan),
    ("不高于", Qualifier::LessThan),
    ("不多于", Qualifier::LessThan),
    ("不少于", Qualifier::MoreThan),
    ("不小于", Qualifier::MoreThan),
    ("不低于", Qualifier::MoreThan),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("大约", Qualifier::Approx),
    ("超过", Qualifier::MoreThan),
    ("突破", Qualifier::MoreThan),
    ("跨过", Qualifier::MoreThan),
    ("至少", Qualifier::MoreThan),
    ("高于", Qualifier::MoreThan),
    ("多于", Qualifier::MoreThan),
    ("低于", Qualifier::LessThan),
    ("少于", Qualifier::LessThan),
    ("不到", Qualifier::LessThan),
    ("不足", Qualifier::LessThan),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("超", Qualifier::MoreThan),
    ("逾", Qualifier::MoreThan),
];

/// Qualifiers written after the unit.
const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::MoreThan),
    ("以下", Qualifier::LessThan),
    ("以内", Qualifier::LessThan),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

/// Range connectors between two numbers.
const RANGE_SEPARATORS: &[&str] = &["——", "—", "－", "-", "～", "~", "至", "到", "–"];

/// Words before a number of years that make it a period, not a quantity (这五年, 过去五年).
const PERIOD_WORDS: &[&str] = &[
    "这", "过去", "未来", "今后", "关键", "近", "前", "后", "头", "的", "每", "最后",
];

/// Words after which a run of scale words alone (百万, 千万) is an amount.
const SCALE_RUN_VERBS: &[&str] = &["突破", "超过", "超", "逾", "达到", "达", "近", "约", "在"];

/// Finds every figure in `text`. `tokens` are jieba tokens of the whole `text`, in order.
pub fn extract_figures(text: &str, tokens: &[Token]) -> Vec<Figure> {
    extract_figures_at_most(text, tokens, usize::MAX).0
}

/// The first `most` figures of `text` ([`crate::extract::Limits`]), and where the first one
/// left out starts when the text holds more: reading stops there.
pub fn extract_figures_at_most(
    text: &str,
    tokens: &[Token],
    most: usize,
) -> (Vec<Figure>, Option<Span>) {
    let masks = Masks::new(text);
    let mut out = Vec::new();
    let mut pos = 0;
    // One figure past the limit is read: it says that there are more, and where, and the
    // figures of a list (分别增长5%、6%) are annotated seeing the one that follows.
    while pos < text.len() && out.len() <= most {
        let Some(m) = NUM_RE.find_at(text, pos) else {
            break;
        };
        pos = m.end();
        if let Some(fig) = read_figure(text, tokens, &masks, m.start(), m.end(), true) {
            pos = pos.max(fig.end);
            if fig.keep {
                out.push(fig.into_figure(text, tokens));
            }
        }
    }
    annotate(text, tokens, &mut out);
    let left_out = crate::extract::cut_to(&mut out, most).map(|f| f.span);
    (out, left_out)
}

/// Spans in which no number is a figure.
struct Masks {
    formulations: Vec<Span>,
    codes: Vec<Span>,
}

impl Masks {
    fn new(text: &str) -> Masks {
        let formulations = FORMULATIONS
            .as_ref()
            .map(|re| {
                re.find_iter(text)
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect()
            })
            .unwrap_or_default();
        let codes = CODE_RE
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        Masks {
            formulations,
            codes,
        }
    }

    fn covers(&self, start: usize, end: usize) -> bool {
        covered(&self.formulations, start, end) || covered(&self.codes, start, end)
    }
}

/// Whether sorted, non-overlapping `spans` has one that overlaps `[start, end)`.
fn covered(spans: &[Span], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= start);
    spans.get(i).is_some_and(|s| s.start < end)
}

/// A figure read from the text, before the metric and sentence are attached.
struct Reading {
    start: usize,
    end: usize,
    /// False when the text was recognised but is not a statistic (a year range, a date): the
    /// scanner still skips past it.
    keep: bool,
    value: Decimal,
    /// For fractions, whose value is not a finite decimal.
    value_f64: Option<f64>,
    unit: String,
    base_unit: String,
    kind: FigureKind,
    qualifier: Qualifier,
    low: Option<f64>,
    high: Option<f64>,
    /// Power of ten of the scale word and the unit factor, applied to a bare first number of a
    /// range (2—3万元 means 20000 to 30000).
    scale: i32,
    factor: Decimal,
    has_unit: bool,
    is_year: bool,
    /// Written with a minus sign (−3.2%, 增长-2.5%).
    negative: bool,
}

impl Reading {
    fn f64(&self) -> f64 {
        self.value_f64.unwrap_or_else(|| self.value.to_f64())
    }

    fn into_figure(self, text: &str, tokens: &[Token]) -> Figure {
        let sentence = sentence_span(text, self.start, self.end);
        let metric = metric(text, tokens, self.start, sentence.start);
        let value = if self.negative {
            -self.f64()
        } else {
            self.f64()
        };
        let (low, high) = if self.negative {
            (self.high.map(|v| -v), self.low.map(|v| -v))
        } else {
            (self.low, self.high)
        };
        Figure {
            span: Span::new(self.start, self.end),
            value,
            unit: self.unit,
            base_unit: self.base_unit,
            kind: self.kind,
            qualifier: self.qualifier,
            low,
            high,
            metric,
            change: Change::None,
            basis: String::new(),
            period: String::new(),
            sentence,
        }
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn is_cn_numeral_digit(c: char) -> bool {
    numerals::cn_digit(c).is_some() || matches!(c, '十' | '拾' | '几')
}

/// Whether a Chinese numeral at `start` begins a word (the 一 of 统一 does not).
fn starts_word(text: &str, tokens: &[Token], start: usize) -> bool {
    if tokens.is_empty() {
        return true;
    }
    let i = tokens.partition_point(|t| t.span().start <= start);
    if i == 0 {
        return true;
    }
    let t = &tokens[i - 1];
    t.span().start == start
        || t.span().end <= start
        || t.pos().starts_with('m')
        // jieba may glue a qualifier to the numeral (逾千).
        || PREFIX_QUALIFIERS
            .iter()
            .any(|(w, _)| text.get(t.span().start..start) == Some(*w))
}

/// Whether `[start, end)` sits inside a short quotation (“四个意识”, “十四五”), where numerals
/// name slogans rather than state amounts.
fn in_short_quote(text: &str, start: usize, end: usize) -> bool {
    const LIMIT: usize = 16;
    let mut open = false;
    for (n, c) in text[..start].chars().rev().enumerate() {
        if n >= LIMIT || matches!(c, '”' | '」' | '。' | '，' | '；' | '\n') {
            break;
        }
        if matches!(c, '“' | '「') {
            open = true;
            break;
        }
    }
    if !open {
        return false;
    }
    for (n, c) in text[end..].chars().enumerate() {
        if n >= LIMIT || matches!(c, '“' | '「' | '。' | '\n') {
            return false;
        }
        if matches!(c, '”' | '」') {
            return true;
        }
    }
    false
}

/// Reads the figure whose number is `text[s..e]`; `allow_range` is false when reading the second
/// half of a range.
fn read_figure(
    text: &str,
    tokens: &[Token],
    masks: &Masks,
    s: usize,
    e: usize,
    allow_range: bool,
) -> Option<Reading> {
    // 二十五千克: the 千 belongs to the unit, not to the numeral.
    let mut e = e;
    if text[s..e].ends_with('千')
        && e - s > '千'.len_utf8()
        && !text[s..e].starts_with(|c: char| c.is_ascii_digit())
        && UNITS
            .longest_prefix(&text[e - '千'.len_utf8()..])
            .is_some_and(|u| u.unit.len() > '千'.len_utf8())
    {
        e -= '千'.len_utf8();
    }
    let core = &text[s..e];
    let first = core.chars().next()?;
    // Where the figure's surface starts before its qualifiers (数 of 数十亿, a minus sign).
    let mut num_start = s;
    let arabic = numerals::arabic_digit(first).is_some();
    let fraction = core.contains("分之");
    let prev = char_before(text, s);
    let next = char_at(text, e);

    if masks.covers(s, e) || prev == Some('第') || in_short_quote(text, s, e) {
        return None;
    }
    let glued = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '·' | '+' | '＋' | '_' | '#'))
    };
    // 5G, G318 are names; 25kg, 120m² carry a Latin unit.
    if glued(prev) || (glued(next) && UNITS.longest_prefix(&text[e..]).is_none()) {
        return None;
    }

    let mut r = Reading {
        start: s,
        end: e,
        keep: true,
        value: Decimal::ZERO,
        value_f64: None,
        unit: String::new(),
        base_unit: String::new(),
        kind: FigureKind::Number,
        qualifier: Qualifier::None,
        low: None,
        high: None,
        scale: 0,
        factor: Decimal::int(1),
        has_unit: false,
        is_year: false,
        negative: false,
    };
    // 60周年 is an anniversary, not a number of weeks; 70年代 a decade, not seventy years; 2.0版
    // a version; 500强 a ranking.
    if ["周年", "年代"].iter().any(|w| text[e..].starts_with(w))
        || matches!(next, Some('版' | '强'))
    {
        return None;
    }
    // 翻一番 doubles, 翻两番 quadruples.
    if let Some(times) = core.strip_prefix('翻') {
        let n = match times.trim_end_matches('番') {
            "" | "一" => 1,
            "两" | "二" => 2,
            "三" => 3,
            _ => 4,
        };
        r.value = Decimal::int(1u128 << n);
        r.unit = "倍".to_string();
        r.base_unit = "倍".to_string();
        r.has_unit = true;
        return Some(r);
    }
    // A numeral inside a word (零部件, 陆家嘴, 三农): the word is not a number.
    if !arabic && !fraction {
        let i = tokens.partition_point(|t| t.span().start <= s);
        if let Some(t) = i.checked_sub(1).and_then(|i| tokens.get(i)) {
            let rest = text.get(e..t.span().end).unwrap_or("");
            // The word may run on to the end of the unit (千余条, 四批), not past it (零部件).
            let after_approx = text[e..].trim_start_matches(['余', '多']);
            let unit_end = UNITS
                .longest_prefix(after_approx)
                .map(|u| text.len() - after_approx.len() + u.unit.len());
            let unit_word = unit_end.is_some_and(|u| t.span().end <= u);
            let numeral_word = rest.chars().all(|c| {
                is_cn_numeral_digit(c)
                    || matches!(c, '百' | '千' | '万' | '亿' | '余' | '多' | '点')
            });
            let range_word = RANGE_SEPARATORS.iter().any(|w| rest.starts_with(w));
            if t.span().start == s && t.span().end > e && !unit_word && !numeral_word && !range_word
            {
                return None;
            }
        }
    }
    // A minus sign written before the number (−3.2%, 增长-2.5%), not a dash between two numbers.
    if arabic && matches!(prev, Some('-' | '−' | '－')) {
        let sign_at = s - prev.map_or(0, char::len_utf8);
        let before = &text[..sign_at];
        let opens = char_before(text, sign_at)
            .is_none_or(|c| c.is_whitespace() || matches!(c, '（' | '(' | '，' | '：' | ':'));
        if opens
            || ["增长", "下降", "为", "达", "是"]
                .iter()
                .any(|w| before.ends_with(w))
        {
            r.negative = true;
            num_start = sign_at;
        }
    }
    let mut p = e;
    let mut unit_prefix = "";
    // A Chinese first half with no unit of its own (两到三万元) stands only as part of a range.
    let mut needs_range = false;

    if fraction {
        if !arabic && !starts_word(text, tokens, s) {
            return None;
        }
        let (v, ratio) = numerals::parse_fraction(core).ok()?;
        r.value_f64 = Some(v);
        let (unit, kind) = match ratio {
            Ratio::Percent => ("%", FigureKind::Percent),
            Ratio::Permille => ("‰", FigureKind::Percent),
            Ratio::Fraction => ("", FigureKind::Number),
        };
        r.unit = unit.to_string();
        r.base_unit = unit.to_string();
        r.kind = kind;
        r.has_unit = true;
    } else if arabic && core.contains(['万', '亿', '千', '百']) {
        // 5万4千6百, 3亿5000万.
        if next == Some('年') {
            return None;
        }
        r.value = Decimal::int(parse_mixed(core)?);
    } else if arabic {
        r.value = numerals::parse_arabic(core).ok()?;
        // 4000多万件, 30余万人次: the approximation sits before the scale word.
        if let Some(c @ ('余' | '多')) = char_at(text, p) {
            let after = p + c.len_utf8();
            let scale_follows = numerals::SCALES
                .iter()
                .any(|sc| text[after..].starts_with(*sc));
            if scale_follows && UNITS.longest_prefix(&text[after..]).is_none() {
                r.qualifier = Qualifier::MoreThan;
                p = after;
            }
        }
        // A unit that begins like a scale word (千瓦, 千米) wins over the scale word.
        if UNITS.longest_prefix(&text[p..]).is_none() {
            if let Some(sc) = numerals::SCALES
                .iter()
                .find(|sc| text[p..].starts_with(**sc))
            {
                r.scale = numerals::scale_power(sc).unwrap_or(0);
                r.value = r.value.scale(r.scale).ok()?;
                unit_prefix = &text[p..p + sc.len()];
                p += sc.len();
            }
        }
    } else {
        // A Chinese run: the 一 between two years of 2021一2025 is a dash.
        if core == "一"
            && prev.is_some_and(|c| c.is_ascii_digit())
            && next.is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        // A numeral glued to a closing quote continues a name (“三北”六期).
        if !starts_word(text, tokens, s) || prev == Some('”') {
            return None;
        }
        // A run of scale words alone (千, 万家灯火, 千万不要) is a number only in 千余 / 百多 and
        // after a verb of amount (突破百万吨, 稳定在百万吨以上).
        let has_digit = core.chars().any(is_cn_numeral_digit);
        let before = &text[..s];
        let amount_follows = matches!(next, Some('余' | '多'));
        let after_amount_verb =
            core.chars().count() >= 2 && SCALE_RUN_VERBS.iter().any(|w| before.ends_with(w));
        let after_qualifier = ["逾", "超", "超过", "近", "约", "突破"]
            .iter()
            .any(|w| before.ends_with(w));
        if !(has_digit || amount_follows || after_amount_verb || after_qualifier) {
            return None;
        }
        // 数十亿元, 数百家: 数 stands for an unknown digit, like 几.
        let vague_core;
        let core = if prev == Some('数') && core.starts_with(['十', '百', '千', '万', '亿']) {
            num_start = s - '数'.len_utf8();
            vague_core = format!("几{core}");
            vague_core.as_str()
        } else {
            core
        };
        if let Some((lo, hi)) = numerals::parse_vague(core) {
            r.value_f64 = Some(lo);
            r.low = Some(lo);
            r.high = Some(hi);
            r.qualifier = Qualifier::Approx;
        } else {
            r.value = numerals::parse_chinese(core).ok()?;
        }
        // The scale word at the end of a Chinese numeral is part of the unit as written
        // (一千三百七十三万元 → 万元).
        let trimmed = core.trim_end_matches(['万', '亿']);
        if !trimmed.is_empty() && trimmed.len() < core.len() {
            unit_prefix = &text[e - (core.len() - trimmed.len())..e];
            r.scale = numerals::scale_power(unit_prefix).unwrap_or(0);
        }
        // 六点四二万人, 一千多万元: a scale word after the decimals or after 多 / 余.
        if unit_prefix.is_empty() && UNITS.longest_prefix(&text[p..]).is_none() {
            let mut at = p;
            let approx = matches!(char_at(text, at), Some('余' | '多'));
            if approx {
                at += '余'.len_utf8();
            }
            if let Some(sc) = numerals::SCALES
                .iter()
                .find(|sc| text[at..].starts_with(**sc))
                .filter(|_| core.contains('点') || approx)
            {
                let k = numerals::scale_power(sc).unwrap_or(0);
                if let Some((lo, hi)) = r.low.zip(r.high) {
                    let f = 10f64.powi(k);
                    r.low = Some(lo * f);
                    r.high = Some(hi * f);
                    r.value_f64 = Some(lo * f);
                } else {
                    r.value = r.value.scale(k).ok()?;
                }
                if approx {
                    r.qualifier = Qualifier::MoreThan;
                }
                r.scale = k;
                unit_prefix = &text[at..at + sc.len()];
                p = at + sc.len();
            }
        }
    }

    // 余 / 多 between the number and its unit (200余件, 5300多栋, 千余条).
    if !fraction {
        if let Some(c @ ('余' | '多')) = char_at(text, p) {
            let after = p + c.len_utf8();
            if c == '余' || UNITS.longest_prefix(&text[after..]).is_some() {
                r.qualifier = Qualifier::MoreThan;
                p = after;
            }
        }
    }

    if !fraction {
        // 人民币 and 台币 are currencies, not people or machines.
        let unit = UNITS.longest_prefix(&text[p..]).filter(|u| {
            !(matches!(u.unit.as_str(), "人" | "台")
                && text[p + u.unit.len()..].starts_with(['民', '币']))
        });
        if let Some(u) = unit {
            r.has_unit = true;
            r.kind = u.kind;
            r.factor = u.factor;
            let mut unit_end = p + u.unit.len();
            // 35项(次): a second unit in brackets belongs to the first.
            if let Some(open @ ('(' | '（')) = char_at(text, unit_end) {
                let inner_start = unit_end + open.len_utf8();
                if let Some(inner) = UNITS.longest_prefix(&text[inner_start..]) {
                    let close_at = inner_start + inner.unit.len();
                    if matches!(char_at(text, close_at), Some(')' | '）')) {
                        unit_end = close_at + char_at(text, close_at).map_or(0, char::len_utf8);
                    }
                }
            }
            // 元/吨, 天/季: a rate unit.
            let mut compound = false;
            if let Some(slash @ ('/' | '／')) = char_at(text, unit_end) {
                let per_at = unit_end + slash.len_utf8();
                if let Some(per) = UNITS.longest_prefix(&text[per_at..]) {
                    unit_end = per_at + per.unit.len();
                    compound = true;
                }
            }
            let written = &text[p..unit_end];
            if compound {
                // The rate is kept as written: its parts may carry factors of their own.
                r.factor = Decimal::int(1);
            }
            r.unit = format!("{unit_prefix}{written}");
            r.base_unit = if compound {
                written.to_string()
            } else if unit_end == p + u.unit.len() {
                u.base_unit.clone()
            } else {
                written.to_string()
            };
            p = unit_end;
        } else if range_follows(text, p, allow_range) {
            // 两到三万元, 4.5-5%: the first half takes the unit of the second.
            needs_range = true;
        } else if !arabic {
            // 三百万群众: a Chinese amount with a scale word needs no unit.
            let scaled =
                !unit_prefix.is_empty() && core.chars().any(|c| numerals::cn_digit(c).is_some());
            if scaled {
                r.unit = unit_prefix.to_string();
            } else {
                return None;
            }
        } else if !unit_prefix.is_empty() {
            r.unit = unit_prefix.to_string();
        }
    }

    // Dates, years and periods.
    let unit_is = |u: &str| r.has_unit && text[e..p].ends_with(u) && r.base_unit == u;
    if unit_is("年") {
        let year_like = if arabic {
            core.len() == 4 && r.value.exp == 0 && (1000..=2199).contains(&r.value.mantissa)
        } else {
            core.chars().count() >= 2 && core.chars().all(|c| numerals::cn_digit(c).is_some())
        };
        if year_like {
            r.is_year = true;
        }
        // 这五年, 过去五年, 60年来: a period of time spoken of, not an amount.
        let before = &text[..s];
        if PERIOD_WORDS.iter().any(|w| before.ends_with(w)) || text[p..].starts_with('来') {
            return None;
        }
    }
    if unit_is("日") && matches!(prev, Some('月')) {
        return None;
    }
    // 10月1日至7日: the second day of a span of dates.
    if unit_is("日") {
        let before = &text[..s];
        if let Some(sep) = RANGE_SEPARATORS.iter().find(|w| before.ends_with(**w)) {
            let head = &before[..before.len() - sep.len()];
            let tail: String = head.chars().rev().take(6).collect();
            if head.ends_with('日') && tail.contains('月') {
                return None;
            }
        }
    }
    // 15、22个百分点: a list of bare numbers shares the unit written after its last one.
    if !r.has_unit && arabic && char_at(text, p) == Some('、') {
        let rest = &text[p..];
        let list_len = LIST_TAIL_RE.find(rest).map_or(0, |m| m.end());
        if list_len > 0 {
            if let Some(u) = UNITS.longest_prefix(&rest[list_len..]) {
                r.has_unit = true;
                r.kind = u.kind;
                r.factor = u.factor;
                r.unit = u.unit.clone();
                r.base_unit = u.base_unit.clone();
            }
        }
    }
    // 15分钟社区生活圈: a name of a service radius; 一批: an indefinite amount.
    if r.has_unit {
        let written = &text[e..p];
        let after = &text[p..];
        let soon: String = after.chars().take(6).collect();
        if (TIME_UNITS.contains(&r.base_unit.as_str()) && soon.contains('圈'))
            || (matches!(core, "一" | "壹") && written == "批")
        {
            return None;
        }
    }
    // 五年规划, 三年行动, 五年发展历程: a span of years naming a plan or a period.
    if !arabic
        && r.has_unit
        && &text[e..p] == "年"
        && ["规划", "行动", "计划", "蓝图", "发展历程", "历程", "攻坚"]
            .iter()
            .any(|w| text[p..].starts_with(w))
    {
        return None;
    }
    // 一期工程, 二期项目: phases of a project; 十四届三次会议: session numbers.
    if !arabic && r.has_unit {
        let written = &text[e..p];
        let after = &text[p..];
        if matches!(written, "期" | "级")
            && after.starts_with(|c: char| is_cjk(c) || matches!(c, ')' | '）'))
            && !after.starts_with(['以', '的'])
        {
            return None;
        }
        if written == "次"
            && (["会议", "全会", "全体会议", "常委会", "大会"]
                .iter()
                .any(|w| after.starts_with(w))
                || text[..s].ends_with('届'))
        {
            return None;
        }
    }
    if !r.has_unit && (arabic || !needs_range) {
        // A bare Arabic number: years, dates, enumerators and document numbers look like this.
        let year_like = core.len() == 4 && (1900..=2199).contains(&r.value.mantissa);
        let enumerator = matches!(
            char_at(text, p),
            Some(
                '、' | '.'
                    | '．'
                    | ')'
                    | '）'
                    | '号'
                    | '年'
                    | '月'
                    | '日'
                    | '时'
                    | '分'
                    | '秒'
                    | '届'
                    | '〕'
                    | '﹞'
                    | ']'
                    | '】'
            )
        ) || matches!(
            prev,
            Some('〔' | '﹝' | '[' | '【' | '（' | '(' | '-' | '—' | '－' | '～' | '~')
        );
        // A bare number with neither unit nor scale word is a heading number, a table
        // coordinate, a hotline or a code, not a statistic.
        if year_like || enumerator || (unit_prefix.is_empty() && !needs_range) {
            return None;
        }
    }

    // 一 as the article "a" (一项系统工程, 一个重要方面).
    if !arabic
        && (core == "一" || core == "壹")
        && r.kind == FigureKind::Count
        && char_at(text, p).is_some_and(|c| is_cjk(c) || matches!(c, '“' | '《' | '「'))
        && !matches!(char_at(text, p), Some('以'))
    {
        return None;
    }

    // Qualifiers after the unit.
    if r.qualifier == Qualifier::None {
        for (w, q) in SUFFIX_QUALIFIERS {
            if text[p..].starts_with(w) {
                r.qualifier = *q;
                p += w.len();
                break;
            }
        }
    }
    // Qualifiers before the number.
    let mut start = num_start;
    if allow_range || r.qualifier == Qualifier::None {
        for (w, q) in PREFIX_QUALIFIERS {
            if text[..num_start].ends_with(w) {
                let at = num_start - w.len();
                // 最近, 附近: not "nearly".
                if *w == "近" && matches!(char_before(text, at), Some('最' | '附' | '邻' | '靠'))
                {
                    continue;
                }
                if r.qualifier == Qualifier::None {
                    r.qualifier = *q;
                }
                start = at;
                break;
            }
        }
    }
    r.start = start;
    r.end = p;

    // Base-unit value.
    if r.value_f64.is_none() && r.factor != Decimal::int(1) {
        r.value = mul(r.value, r.factor)?;
    }

    if allow_range && matches!(r.qualifier, Qualifier::None) {
        if let Some(range) = read_range(text, tokens, masks, &r) {
            return Some(range);
        }
    }
    if needs_range {
        return None;
    }
    // 五千元以上五万元以下: one range written as two bounds.
    if allow_range && r.has_unit && text[..p].ends_with("以上") {
        if let Some(m) = NUM_RE.find_at(text, p).filter(|m| m.start() == p) {
            if let Some(second) = read_figure(text, tokens, masks, m.start(), m.end(), false) {
                let (low, high) = (r.f64(), second.f64());
                if second.start == p
                    && second.qualifier == Qualifier::LessThan
                    && text[..second.end].ends_with("以下")
                    && second.base_unit == r.base_unit
                    && low <= high
                {
                    let mut range = second;
                    range.start = r.start;
                    range.qualifier = Qualifier::Range;
                    range.value_f64 = Some(low);
                    range.low = Some(low);
                    range.high = Some(high);
                    return Some(range);
                }
            }
        }
    }
    if r.is_year {
        r.keep = false;
    }
    Some(r)
}

/// The value of a mixed Arabic and Chinese run such as 5万4千6百 or 3亿5000万.
fn parse_mixed(core: &str) -> Option<u128> {
    let (mut total, mut mid, mut section) = (0u128, 0u128, 0u128);
    let mut num: Option<u128> = None;
    for c in core.chars() {
        if let Some(d) = c.to_digit(10) {
            num = Some(
                num.unwrap_or(0)
                    .checked_mul(10)?
                    .checked_add(u128::from(d))?,
            );
            continue;
        }
        let n = num.take()?;
        match c {
            '百' => section = section.checked_add(n.checked_mul(100)?)?,
            '千' => section = section.checked_add(n.checked_mul(1000)?)?,
            '万' => {
                mid = mid.checked_add(section.checked_add(n)?.checked_mul(10_000)?)?;
                section = 0;
            }
            '亿' => {
                total = total.checked_add(
                    mid.checked_add(section)?
                        .checked_add(n)?
                        .checked_mul(100_000_000)?,
                )?;
                mid = 0;
                section = 0;
            }
            _ => return None,
        }
    }
    if num.is_some() {
        return None;
    }
    total.checked_add(mid)?.checked_add(section)
}

/// Whether a range connector and a second number follow at `p`.
fn range_follows(text: &str, p: usize, allow_range: bool) -> bool {
    allow_range
        && RANGE_SEPARATORS.iter().any(|w| {
            text[p..].starts_with(w)
                && NUM_RE
                    .find_at(text, p + w.len())
                    .is_some_and(|m| m.start() == p + w.len())
        })
}

fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    Some(Decimal {
        mantissa: a.mantissa.checked_mul(b.mantissa)?,
        exp: a.exp.checked_add(b.exp)?,
    })
}

/// Joins `first` with a number that follows a range connector (15%～30%, 2—3年, 10到20件).
fn read_range(text: &str, tokens: &[Token], masks: &Masks, first: &Reading) -> Option<Reading> {
    let rest = &text[first.end..];
    let sep = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let s2 = first.end + sep.len();
    let m = NUM_RE.find_at(text, s2)?;
    if m.start() != s2 {
        return None;
    }
    let second = read_figure(text, tokens, masks, m.start(), m.end(), false)?;
    if second.start != s2
        || !second.has_unit
        || !matches!(second.qualifier, Qualifier::None | Qualifier::Approx)
    {
        return None;
    }
    let mut low = first.f64();
    if first.has_unit {
        if first.base_unit != second.base_unit {
            return None;
        }
    } else {
        // A bare first number takes the scale and unit of the second (2—3万元).
        if first.value_f64.is_some() {
            return None;
        }
        // 1万-5万元: a first half with its own scale word keeps it.
        let v = if first.scale != 0 {
            first.value
        } else {
            first.value.scale(second.scale).ok()?
        };
        low = mul(v, second.factor)?.to_f64();
    }
    let high = second.f64();
    // 365天-104天 is a subtraction, not a range.
    if low > high {
        return None;
    }
    let mut r = second;
    r.keep = !(first.is_year || r.is_year);
    r.start = first.start;
    r.qualifier = Qualifier::Range;
    r.value_f64 = Some(low);
    r.low = Some(low);
    r.high = Some(high);
    Some(r)
}

/// How far a sentence may reach on either side of its figure, in bytes (about 200 Chinese
/// characters). Text without sentence ends (a table dumped on one line, a 50 MB line) would
/// otherwise make every figure's sentence the whole line, and the work quadratic.
const SENTENCE_REACH: usize = 600;

/// The sentence around `[start, end)`: from after the previous 。！？； or line break to the
/// next one included, within [`SENTENCE_REACH`] of the figure.
fn sentence_span(text: &str, start: usize, end: usize) -> Span {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let mut lo = start.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let s = text[lo..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_end(*c))
        .map(|(i, c)| lo + i + c.len_utf8())
        .unwrap_or(lo);
    let e = text[end..hi]
        .char_indices()
        .find(|(_, c)| is_end(*c))
        .map(|(i, c)| end + i + if c == '\n' { 0 } else { c.len_utf8() })
        .unwrap_or(hi);
    // Trim surrounding whitespace (including the ideographic space).
    let inner = &text[s..e];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    Span::new(s + lead, (e - trail).max(s + lead))
}

/// Words that link a metric to its number and are not part of it.
const LINK_WORDS: &[&str] = &[
    "达",
    "达到",
    "为",
    "均为",
    "均达",
    "均",
    "是",
    "共",
    "共计",
    "累计",
    "合计",
    "总计",
    "增长",
    "增加",
    "下降",
    "减少",
    "降低",
    "提高",
    "提升",
    "突破",
    "超过",
    "约",
    "近",
    "在",
    "至",
    "到",
    "了",
    "的",
    "占",
    "同比",
    "分别",
    "比",
    "较",
    "由",
    "从",
    "达到了",
    "增至",
    "增加至",
    "增加到",
    "提高到",
    "提升到",
    "提高至",
    "降至",
    "下降到",
    "净增",
    "不得",
    "满",
    "实现",
    "保持",
    "稳定",
    "控制",
    "年均",
    "接近",
    "超",
    "逾",
    "不到",
    "不足",
    "大约",
];

/// A metric this long or shorter is the whole clause before the figure; a longer clause is
/// narrowed to the noun phrase next to the figure.
const SHORT_METRIC_CHARS: usize = 10;

fn is_nounish(pos: &str) -> bool {
    matches!(
        pos,
        "n" | "nr"
            | "ns"
            | "nt"
            | "nz"
            | "nrt"
            | "nrfg"
            | "ng"
            | "vn"
            | "an"
            | "j"
            | "l"
            | "b"
            | "eng"
    )
}

/// Whether `head` ends with a number and its unit (26条, 5.5%, 2.6万户).
fn ends_with_figure(head: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || is_cn_numeral_digit(c)
            || matches!(c, '万' | '亿' | '千' | '百' | '余' | '多')
    };
    if head.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '％')) {
        return true;
    }
    let mut at = head.len();
    for _ in 0..4 {
        let Some(c) = head[..at].chars().next_back() else {
            return false;
        };
        at -= c.len_utf8();
        let suffix = &head[at..];
        if UNITS
            .longest_prefix(suffix)
            .is_some_and(|u| u.unit.len() == suffix.len())
            && head[..at].chars().next_back().is_some_and(numeral)
        {
            return true;
        }
    }
    false
}

/// What the figure at `start` measures: the words between the start of its clause and the
/// figure, without the linking words, narrowed to the closest noun phrase when long.
/// Adverbs that jieba glues to the link word after them (多为, 均为, 共计), so that stripping
/// the link by characters leaves them alone: never a metric.
const LONE_ADVERBS: [&str; 10] = ["多", "均", "都", "皆", "共", "约", "仅", "各", "总", "合"];

/// The longest quoted name taken for a metric, in bytes (30 Chinese characters).
const QUOTED_NAME_BYTES: usize = 90;

fn metric(text: &str, tokens: &[Token], start: usize, sentence_start: usize) -> String {
    let is_clause_end = |c: char| {
        matches!(
            c,
            '，' | ',' | '：' | ':' | '。' | '；' | '！' | '？' | '\n'
        )
    };
    let clause_start = text[sentence_start..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_end(*c))
        .map(|(i, c)| sentence_start + i + c.len_utf8())
        .unwrap_or(sentence_start);
    // 线路26条、国际货运航线11条: a list mark right after a figure starts the next item.
    let clause_start = text[clause_start..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '、' && ends_with_figure(&text[..clause_start + i]))
        .map(|(i, c)| clause_start + i + c.len_utf8())
        .unwrap_or(clause_start);
    let lo = tokens.partition_point(|t| t.span().start < clause_start);
    // Alternately strip linking words (by characters, since jieba may glue one to the metric:
    // 率均为) and numbers, adverbs and particles (by tokens) from the end of the clause.
    let mut end = start;
    loop {
        let before = end;
        while let Some(w) = LINK_WORDS
            .iter()
            .filter(|w| text[clause_start..end].ends_with(**w))
            .max_by_key(|w| w.len())
        {
            // 占比 and 之比 name a share; 比 is a link only on its own.
            let head = &text[clause_start..end];
            if *w == "比" && (head.ends_with("占比") || head.ends_with("之比")) {
                break;
            }
            end -= w.len();
        }
        // 较“十三五”期末, 比上年: the basis of a change is not what changed.
        let from = near(text, clause_start, end);
        if let Some(m) = BASIS_RE.as_ref().and_then(|re| {
            re.find_iter(&text[from..end])
                .last()
                .filter(|m| from + m.end() == end)
        }) {
            end = from + m.start();
        }
        // 年均 cut by jieba into 年 + 均.
        if text[clause_start..end].ends_with('年') && text[end..].starts_with('均') {
            end -= '年'.len_utf8();
        }
        let hi = tokens.partition_point(|t| t.span().start < end);
        if hi > lo {
            let t = &tokens[hi - 1];
            let share = text[clause_start..end].ends_with("占比")
                || text[clause_start..end].ends_with("之比");
            if t.span().end == end
                && !share
                && matches!(
                    t.pos(),
                    "d" | "p" | "uj" | "ul" | "u" | "m" | "mq" | "q" | "c" | "x"
                )
            {
                end = t.span().start.max(clause_start);
            }
        }
        if end == before || end <= clause_start {
            break;
        }
    }
    // 建成“四好农村路”1.67万公里: a name in quotes right before the figure is what it counts.
    // A name is short: its opening quote is looked for among the last characters only, so a
    // line of closing quotes and figures costs no more than its length.
    let head = text[clause_start..start].trim_end();
    if let Some(inner) = head.strip_suffix('”') {
        let mut from = inner.len().saturating_sub(QUOTED_NAME_BYTES);
        while !inner.is_char_boundary(from) {
            from += 1;
        }
        if let Some(open) = inner[from..].rfind('“').map(|i| from + i) {
            let name = &head[open..];
            if name.chars().count() > 2 {
                return name.to_string();
            }
        }
    }
    // 其中: a part of what came before; the part is the metric.
    let whole = text[clause_start..end].trim();
    let whole = whole.strip_prefix("其中").unwrap_or(whole);
    // 多为1人, 均为5%: what is left of a clause of an adverb and a link word measures nothing.
    if whole.is_empty() || LONE_ADVERBS.contains(&whole) {
        return String::new();
    }
    if whole.chars().count() <= SHORT_METRIC_CHARS {
        return whole.to_string();
    }
    // The noun phrase next to the figure; a token cut by `end` counts as part of it.
    let mut hi = tokens.partition_point(|t| t.span().start < end);
    // 审批时限压缩70%: a verb closing the clause is the change, not the thing changed.
    if hi > lo + 1
        && tokens[hi - 1].pos() == "v"
        && tokens[hi - 1].span().end == end
        && DECREASE_WORDS
            .iter()
            .chain(INCREASE_WORDS)
            .any(|w| *w == tokens[hi - 1].span().text(text))
        && is_nounish(tokens[hi - 2].pos())
    {
        hi -= 1;
        end = tokens[hi].span().start;
    }
    let mut k = hi;
    while k > lo {
        let t = &tokens[k - 1];
        let word = t.span().text(text);
        // 制造业增加值占地区生产总值比重: a share is named by both of its nouns.
        let noun_at = |i: usize| {
            is_nounish(tokens[i].pos()) || AMOUNT_VERBS.contains(&tokens[i].span().text(text))
        };
        let share =
            (matches!(word, "占" | "与" | "之" | "之比" | "占比") && k >= lo + 2 && noun_at(k - 2))
                || (word == "比"
                    && k >= lo + 2
                    && matches!(tokens[k - 2].span().text(text), "占" | "之"));
        // 非现场检查量 keeps its 非; 收入 and 投资 name amounts though jieba tags them as verbs.
        let nounish = is_nounish(t.pos())
            || share
            || t.span().end > end
            || word == "、"
            || (word == "非" && k < hi)
            || AMOUNT_VERBS.contains(&word)
            // 人均可支配收入, 门诊报销比例, “两癌”筛查: a verb or quote inside a noun phrase.
            || (word == "可" && tokens.get(k).is_some_and(|n| n.span().text(text) == "支配"))
            // 万人高价值发明专利: an adjective between two nouns qualifies the second. Not 新,
            // which tells what was done (基地新培育数据企业): the phrase starts after it.
            || (t.pos() == "a"
                && word != "新"
                && k < hi
                && k >= lo + 2
                && noun_at(k)
                && noun_at(k - 2))
            || (matches!(word, "“" | "”") && k < hi)
            || (MODIFIER_VERBS.contains(&word)
                && k < hi
                && k >= lo + 2
                && is_nounish(tokens[k].pos())
                && is_nounish(tokens[k - 2].pos()));
        if !nounish {
            break;
        }
        k -= 1;
    }
    while k < hi && tokens[k].span().text(text) == "、" {
        k += 1;
    }
    let from = if k < hi {
        tokens[k].span().start
    } else if hi > lo {
        tokens[hi - 1].span().start
    } else {
        clause_start
    };
    text[from.clamp(clause_start, end)..end].to_string()
}

/// Words that make a figure a rise of its metric, longest first.
const INCREASE_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "增幅", "涨幅", "增速", "扩大", "攀升", "增",
    "涨",
];
/// Words that make a figure a fall of its metric, longest first.
const DECREASE_WORDS: &[&str] = &[
    "负增长",
    "下降",
    "减少",
    "降低",
    "回落",
    "下滑",
    "缩小",
    "收窄",
    "压减",
    "压缩",
    "缩短",
    "精简",
    "降幅",
    "减",
    "降",
];

/// Words that may stand between a change word or a list of figures and the figure itself
/// (增长分别为5%、6%, 提高了0.3个百分点).
const FILLER_WORDS: &[&str] = &[
    "个百分点",
    "百分点",
    "分别为",
    "分别",
    "达到",
    "均为",
    "平均",
    "左右",
    "以上",
    "幅度",
    "超过",
    "同比",
    "环比",
    "年均",
    "达",
    "为",
    "约",
    "近",
    "超",
    "逾",
    "均",
    "率",
    "了",
    "倍",
    "和",
];

/// What a change is measured against.
static BASIS_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        "同比|环比|(?:比|较|相比)(?:上年同期|去年同期|上年末|上年底|上一年|上年|去年|上月|上季度|\
         (?:19|20)[0-9]{2}年(?:末|底|同期)?|“[^”]{1,8}”(?:期末|末|时期|期间)?)",
    )
    .ok()
});

/// The time a figure refers to.
static PERIOD_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        "(?:19|20)[0-9]{2}年(?:[0-9]{1,2}(?:—|-|至)?[0-9]{0,2}月(?:份|底|末)?|末|底|上半年|下半年|\
         前三季度|一季度|全年|度)?|“十[一二三四五六七八九]五”(?:时期|期间)?|过去五年|近五年|五年来|今年|去年",
    )
    .ok()
});

/// Where the clause holding `at` starts, no earlier than `floor`.
fn clause_start_of(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .find(|(_, c)| {
            matches!(
                c,
                '，' | ',' | '：' | ':' | '。' | '；' | '！' | '？' | '\n'
            )
        })
        .map(|(i, c)| floor + i + c.len_utf8())
        .unwrap_or(floor)
}

/// Where the clause holding `at` ends, within `ceiling`.
fn clause_end_of(text: &str, at: usize, ceiling: usize) -> usize {
    let ceiling = ceiling.max(at);
    text[at..ceiling]
        .char_indices()
        .find(|(_, c)| {
            matches!(
                c,
                '，' | ',' | '：' | ':' | '。' | '；' | '！' | '？' | '\n'
            )
        })
        .map(|(i, _)| at + i)
        .unwrap_or(ceiling)
}

/// Whether `gap` holds nothing but numbers, units, list marks and linking words, so that the
/// word before it governs the figure after it. `changes` also lets change words through.
fn only_fillers(gap: &str, changes: bool) -> bool {
    let mut rest = gap;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit()
            || numerals::cn_digit(c).is_some()
            || matches!(
                c,
                '十' | '百'
                    | '千'
                    | '万'
                    | '亿'
                    | '.'
                    | '%'
                    | '％'
                    | '、'
                    | '～'
                    | '-'
                    | '—'
                    | ' '
                    | '余'
                    | '多'
            )
        {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if let Some(w) = FILLER_WORDS.iter().find(|w| rest.starts_with(**w)) {
            rest = &rest[w.len()..];
            continue;
        }
        if changes {
            if let Some(w) = INCREASE_WORDS
                .iter()
                .chain(DECREASE_WORDS)
                .find(|w| rest.starts_with(**w))
            {
                rest = &rest[w.len()..];
                continue;
            }
        }
        if let Some(u) = UNITS.longest_prefix(rest) {
            rest = &rest[u.unit.len()..];
            continue;
        }
        return false;
    }
    true
}

/// The change word closest before `at` in `window` (which ends at `at`): its direction, or
/// `None` when the word sets a level (增长到, 提高至) or is not followed only by fillers.
fn change_before(text: &str, window_start: usize, at: usize) -> Change {
    let window = &text[near(text, window_start, at)..at];
    // The rightmost change word; of two starting at one place, the longer.
    let hit = INCREASE_WORDS
        .iter()
        .map(|w| (w, Change::Increase))
        .chain(DECREASE_WORDS.iter().map(|w| (w, Change::Decrease)))
        .filter_map(|(w, d)| window.rfind(*w).map(|i| (i, w, d)))
        .max_by_key(|(i, w, _)| (*i, w.len()));
    if let Some((i, w, dir)) = hit {
        let tail = &window[i..];
        let dir = if window[..i].ends_with('负') {
            Change::Decrease
        } else {
            dir
        };
        // 新增 counts new things; it is not a rise of a level.
        if window[..i].ends_with('新') && tail.starts_with('增') && !tail.starts_with("增长") {
            return Change::None;
        }
        let after = &tail[w.len()..];
        // 增加11个、达到25个: the second figure is the level reached.
        if after.starts_with(['到', '至'])
            || (after.contains('达') && after.contains(|c: char| c.is_ascii_digit()))
        {
            return Change::None;
        }
        if only_fillers(after, false) {
            return dir;
        }
    }
    Change::None
}

/// How far back from a figure its change word or basis may stand, in bytes (about 80 Chinese
/// characters): enough for a long list after 分别, and a bound on the work per figure in text
/// without punctuation.
const GOVERN_REACH: usize = 240;

/// The start of the window of at most [`GOVERN_REACH`] bytes before `at`, not before `lo`.
fn near(text: &str, lo: usize, at: usize) -> usize {
    let mut from = at.saturating_sub(GOVERN_REACH).max(lo);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The last comparison basis in `[window_start, at)` that governs the figure at `at`.
fn basis_before(text: &str, window_start: usize, at: usize) -> String {
    let Some(re) = BASIS_RE.as_ref() else {
        return String::new();
    };
    let window = &text[near(text, window_start, at)..at];
    re.find_iter(window)
        .last()
        .filter(|m| only_fillers(&window[m.end()..], true))
        .map(|m| m.as_str().to_string())
        .unwrap_or_default()
}

/// The last period named in the sentence before the figure, other than a basis (比2020年).
fn period_before(text: &str, sentence_start: usize, at: usize) -> String {
    let Some(re) = PERIOD_RE.as_ref() else {
        return String::new();
    };
    let window = &text[near(text, sentence_start.min(at), at)..at];
    re.find_iter(window)
        .filter(|m| {
            let before = &window[..m.start()];
            let basis =
                before.ends_with('比') || before.ends_with('较') || before.ends_with("相比");
            // 五年来, 2020年以来: a span up to now, not a period of the figure.
            let since = window[m.end()..].starts_with(['来', '以']);
            !(basis || since)
        })
        .last()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default()
}

/// Noun phrase written right after a figure's measure word (推进100个标志性工程 → 标志性工程).
fn noun_after(text: &str, tokens: &[Token], end: usize) -> String {
    let mut i = tokens.partition_point(|t| t.span().start < end);
    let mut to = end;
    // jieba may glue the unit to the first word after it (3个省实验室 → 个省).
    if let Some(t) = i.checked_sub(1).and_then(|k| tokens.get(k)) {
        if t.span().end > end && is_nounish(t.pos()) {
            to = t.span().end;
        }
    }
    let limit = end + 16 * 3;
    while let Some(t) = tokens.get(i) {
        let w = t.span().text(text);
        // 所在 and quotes sit inside noun phrases (婴幼儿所在家庭, “开口子”工程), and so do a
        // two-character verb before the noun that ends the phrase (概念验证中心), an adjective
        // before a noun (城镇老旧小区) and a conjunction between nouns (国家或地区).
        let noun_at = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|n| is_nounish(n.pos()) || n.pos() == "zg")
        };
        // Nouns only from `k` to the end of the clause (纵向补偿基金，).
        let nouns_to_close = |k: usize| {
            noun_at(k)
                && tokens[k..]
                    .iter()
                    .take(8)
                    .take_while(|n| {
                        n.span().text(text).chars().any(is_cjk)
                            && !matches!(n.span().text(text), "和" | "及" | "或" | "与" | "等")
                    })
                    .all(|n| is_nounish(n.pos()) || n.pos() == "zg")
        };
        let two = w.chars().count() >= 2;
        let noun = (is_nounish(t.pos())
            || matches!(t.pos(), "s" | "zg")
            || (t.pos() == "r" && noun_at(i + 1)))
            || matches!(w, "所在" | "“" | "”")
            || (to > end
                && ((t.pos() == "v"
                    && two
                    && !PREDICATE_VERBS.contains(&w)
                    && nouns_to_close(i + 1))
                    || (t.pos() == "a" && !MANNER_WORDS.contains(&w) && noun_at(i + 1))
                    || (t.pos() == "c"
                        && matches!(w, "或" | "和" | "及" | "与")
                        && noun_at(i + 1))));
        if !noun || t.span().end > limit || t.span().start != to {
            break;
        }
        to = t.span().end;
        i += 1;
    }
    let phrase = text[end..to].trim_matches(['“', '”']);
    // 突破百万吨大关, 迈上万亿元台阶: a landmark, not what is counted.
    if matches!(phrase, "大关" | "台阶" | "关口" | "水平") {
        return String::new();
    }
    phrase.to_string()
}

/// Whether `text[from..to]` names an action rather than a thing: no noun among its tokens, verbal
/// nouns (建设, 培育) counting as actions.
fn all_non_nouns(text: &str, tokens: &[Token], from: usize, to: usize) -> bool {
    let lo = tokens.partition_point(|t| t.span().start < from);
    let hi = tokens.partition_point(|t| t.span().start < to);
    hi > lo
        && tokens[lo..hi].iter().all(|t| {
            !is_nounish(t.pos())
                || t.pos() == "vn"
                || t.span().text(text).chars().all(|c| !is_cjk(c))
        })
}

/// The action a legal deadline sets (自受理之日起三日内，查验机动车 → 查验机动车).
fn deadline_action(text: &str, end: usize, ceiling: usize) -> String {
    let rest = &text[end..ceiling.max(end)];
    let rest = rest
        .trim_start_matches("以内")
        .trim_start_matches('内')
        .trim_start_matches(['，', ','])
        .trim_start_matches("应当");
    let stop = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '，' | ',' | '。' | '；' | '：' | '\n'))
        .map_or(rest.len(), |(i, _)| i);
    rest[..stop].trim().to_string()
}

/// Second pass over the figures of one text: direction, basis and period of each, metrics of
/// figures listed after 分别, and the noun after the measure word where the words before the
/// figure name no thing.
fn annotate(text: &str, tokens: &[Token], figs: &mut [Figure]) {
    // The first figure of the clause that each figure is in, to count list positions.
    for i in 0..figs.len() {
        let (start, sentence) = (figs[i].span.start, figs[i].sentence);
        let cs = clause_start_of(text, sentence.start.min(start), start);
        figs[i].change = change_before(text, cs, start);
        figs[i].basis = basis_before(text, cs, start);
        figs[i].period = period_before(text, sentence.start, start);
        // A: 分别 lists: A、B、C分别增长5%、6%、7%.
        if let Some(fb) = text[cs..start].rfind("分别").map(|k| cs + k) {
            let ce = clause_end_of(text, start, sentence.end.max(start));
            let k = figs[..i]
                .iter()
                .rev()
                .take_while(|f| f.span.start >= fb)
                .count();
            let n = k + figs[i..].iter().take_while(|f| f.span.start < ce).count();
            let mut items = list_items(text, tokens, cs, fb);
            // 城乡居民人均可支配收入分别增长5%、6%: urban, then rural.
            if n == 2 && items.len() == 1 {
                if let Some(rest) = items[0].strip_prefix("城乡居民") {
                    items = vec![format!("城镇居民{rest}"), format!("农村居民{rest}")];
                }
            }
            if items.len() == n && n > 1 {
                if let Some(item) = items.get(k) {
                    figs[i].metric = item.clone();
                    continue;
                }
            }
            // 接待游客3亿人次、旅游花费1万亿元，分别增长8%、9%: the items are the figures of the
            // clause before.
            let only_link =
                text[cs..fb].chars().all(|c| !is_cjk(c)) || only_fillers(&text[cs..fb], true);
            if items.is_empty() || only_link {
                let first = i - k;
                let prev: Vec<&Figure> = figs[..first]
                    .iter()
                    .rev()
                    .take_while(|f| f.sentence == sentence)
                    .take(n)
                    .collect();
                let prev_cs = prev
                    .last()
                    .map(|f| clause_start_of(text, sentence.start.min(f.span.start), f.span.start));
                let same_clause =
                    prev_cs.is_some_and(|pcs| prev.iter().all(|f| f.span.start >= pcs) && cs > pcs);
                if prev.len() == n && n > 1 && same_clause {
                    figs[i].metric = prev[n - 1 - k].metric.clone();
                    continue;
                }
            }
        }
        if figs[i].metric.ends_with("之日起") {
            let action = deadline_action(text, figs[i].span.end, sentence.end);
            if !action.is_empty() {
                figs[i].metric = action;
                continue;
            }
        }
        let f = &figs[i];
        let m = f.metric.as_str();
        let m_at = text[cs..start].rfind(m).map(|k| cs + k);
        let verbish =
            m.is_empty() || m_at.is_some_and(|a| all_non_nouns(text, tokens, a, a + m.len()));
        // 推进100个标志性工程, 设立10亿元补偿基金, 处五百元以上五千元以下罚款: a noun right after
        // the unit is what the number counts, whatever stands before it. A duration followed by a
        // noun (延长30年试点) is not the count of that noun.
        let counts_next = matches!(f.kind, FigureKind::Count | FigureKind::Money)
            || (f.kind == FigureKind::Measure && !TIME_UNITS.contains(&f.base_unit.as_str()));
        if counts_next && !f.base_unit.contains('/') {
            let after = noun_after(text, tokens, f.span.end);
            if after.chars().count() >= 2 {
                figs[i].metric = after;
                continue;
            }
        }
        if verbish && (f.kind == FigureKind::Count || f.base_unit.is_empty()) {
            let after = noun_after(text, tokens, f.span.end);
            if after.chars().count() >= 2 {
                figs[i].metric = after;
            }
        }
        // 比上年提高0.3个百分点: a change stated after its level measures the same thing.
        // An empty metric continues a list (通用机场增加11个、达到25个) or states the change of
        // the level just given (比上年提高0.3个百分点); 占全国64% is the previous thing's share.
        let prev_close = i > 0
            && figs[i - 1].sentence == sentence
            && (figs[i].change != Change::None
                || !figs[i].basis.is_empty()
                || !text[figs[i - 1].span.end..start].contains(['，', ',', '；']));
        if prev_close && figs[i].metric.starts_with('占') && !figs[i - 1].metric.is_empty() {
            figs[i].metric = format!("{}{}", figs[i - 1].metric, figs[i].metric);
        }
        if figs[i].metric.is_empty() && prev_close {
            figs[i].metric = figs[i - 1].metric.clone();
        }
    }
    // 城乡居民人均可支配收入增长5.3%、8.1%: a pair that splits 城乡 reads as with 分别,
    // urban then rural. Only a pair: a third figure would not be one of the two.
    for i in 1..figs.len() {
        let (a, b) = (&figs[i - 1], &figs[i]);
        let joined = a.sentence == b.sentence && &text[a.span.end..b.span.start] == "、";
        let alone = |j: Option<&Figure>, k: &Figure| {
            j.is_none_or(|j| {
                j.sentence != k.sentence
                    || text[j.span.end.min(k.span.start)..j.span.start.max(k.span.end)]
                        .contains(['，', ',', '；', '。'])
            })
        };
        if !joined || !alone(i.checked_sub(2).map(|j| &figs[j]), a) || !alone(figs.get(i + 1), b) {
            continue;
        }
        if let Some(rest) = a.metric.strip_prefix("城乡居民") {
            if b.metric == a.metric {
                let rest = rest.to_string();
                figs[i - 1].metric = format!("城镇居民{rest}");
                figs[i].metric = format!("农村居民{rest}");
            }
        }
    }
}

/// Verbs that qualify the noun after them inside a metric (门诊报销比例, 事项审批时限).
const MODIFIER_VERBS: &[&str] = &["报销", "审批", "办理", "检查", "监测", "考核", "结算"];

/// Words jieba tags as verbs that name amounts in a metric (人均可支配收入).
const AMOUNT_VERBS: &[&str] = &[
    "收入", "支出", "投资", "消费", "出口", "进口", "融资", "产出", "营收",
];

/// Adjectives that describe how things went, not which things (省实验室高效运营).
const MANNER_WORDS: &[&str] = &[
    "高效", "顺利", "有序", "稳步", "全面", "有效", "稳定", "明显", "持续",
];

/// Verbs that state what the counted things did (2个项目入选全国示范工程), ending their phrase.
const PREDICATE_VERBS: &[&str] = &[
    "入选", "参与", "实现", "获得", "完成", "建成", "开工", "投产", "达到", "通过", "纳入", "列入",
    "增补", "覆盖", "获评", "荣获", "追回", "推动", "推进",
];

/// Units of time, after which a noun is not what the number counts.
const TIME_UNITS: &[&str] = &[
    "年",
    "日",
    "天",
    "周",
    "小时",
    "分钟",
    "个月",
    "个工作日",
    "工作日",
    "岁",
    "季",
    "季度",
];

/// The items listed in `text[from..to]` (A、B和C), linking words at the end dropped.
fn list_items(text: &str, tokens: &[Token], from: usize, to: usize) -> Vec<String> {
    let mut end = to;
    loop {
        let before = end;
        for w in ["同比", "环比", "均", "都", "也"] {
            if text[from..end].ends_with(w) {
                end -= w.len();
            }
        }
        if end == before {
            break;
        }
    }
    let mut cuts = vec![from];
    let lo = tokens.partition_point(|t| t.span().start < from);
    for t in tokens[lo..].iter().take_while(|t| t.span().end <= end) {
        let w = t.span().text(text);
        if w == "、" || (t.pos() == "c" && matches!(w, "和" | "及" | "与" | "以及")) {
            cuts.push(t.span().start);
            cuts.push(t.span().end);
        }
    }
    cuts.push(end);
    // 推动制造业、数字经济…分别增长: the verb before the list is not part of its first item.
    if let Some(t) = tokens
        .get(lo)
        .filter(|t| t.span().start == from && t.pos() == "v")
    {
        if cuts.len() > 2 && t.span().end < cuts[1] {
            cuts[0] = t.span().end;
        }
    }
    cuts.chunks(2)
        .map(|c| text[c[0]..c[1]].trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_dictionaries_are_well_formed() {
        let units = Units::parse(UNITS_CSV).expect("dicts/units.csv");
        assert_eq!(units.longest_prefix("万元").map(|u| u.unit.as_str()), None);
        assert_eq!(
            units.longest_prefix("人次，").map(|u| u.unit.as_str()),
            Some("人次")
        );
        assert_eq!(
            units.longest_prefix("个百分点").map(|u| u.unit.as_str()),
            Some("个百分点")
        );
        assert!(FORMULATIONS.is_some());
        assert!(Units::parse("件,count,件").is_err());
        assert!(Units::parse("件,bogus,件,1").is_err());
    }

    #[test]
    fn covered_spans() {
        let spans = [Span::new(2, 5), Span::new(10, 12)];
        assert!(covered(&spans, 3, 4));
        assert!(covered(&spans, 0, 3));
        assert!(!covered(&spans, 5, 10));
        assert!(!covered(&spans, 12, 20));
    }
}
