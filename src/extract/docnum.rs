//! 发文字号 (document numbers) and 令 numbers.
//!
//! A document number is 机关代字 + year + serial + 号 (GB/T 9704-2012 7.2.5: `国发〔2018〕38号`).
//! Real texts write it in many shapes — every bracket a keyboard offers, two-digit, full-width or
//! Chinese-numeral years, 第 before the serial, padded serials, spaces, no bracket at all — so the
//! extractor accepts all of them, records which rules a form breaks, and gives each a canonical
//! `normalized` form for comparison. 令 numbers (`国务院令第713号`) are numbers too; their 第 is
//! legitimate.
//!
//! Look-alikes that must not be reported: court case numbers (`（2021）云01行初35号`: the court's
//! code follows the bracket, not the serial), 提案/建议 numbers (`第2741号提案`: no year), standards,
//! article numbers, issue numbers (`第6期`) and gazette numbers (`国务院公报2018年第35号`).

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// Where a number stands in the document that writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The document's own number (its header, or the 发文字号 cell of a gov.cn metadata box).
    SelfNumber,
    /// Attached to a 《》 title: `《…》（国发〔2018〕38号）`.
    Citation,
    /// Standing alone: `按照保政发〔2022〕10号文件要求`.
    Reference,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::SelfNumber => "self",
            Role::Citation => "citation",
            Role::Reference => "reference",
        }
    }
}

/// One document number as written in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DocNum {
    /// From the first character of the 机关代字 to 号 (or the serial when 号 is missing). A
    /// 号文/号文件 suffix is not part of it.
    pub span: Span,
    /// `机关代字〔YYYY〕N号`, or `机关令第N号` for 令 numbers.
    pub normalized: String,
    /// The 机关代字 (for 令 numbers: the organ with 令, `国务院令`).
    pub issuer_code: String,
    /// The issuing organ when the text writes it out just before the code
    /// (`省教育厅苏教办〖2021〗15号`, `市人民政府京政发〔1985〕167号`); empty otherwise.
    pub issuer: String,
    pub year: Option<i32>,
    pub serial: Option<u32>,
    /// True when the number is written exactly in the standard form.
    pub standard: bool,
    /// Ids of the rules (rules.md §A and the numeral rules) the written form breaks.
    pub problems: Vec<&'static str>,
    pub role: Role,
}

const SP: &str = r"[ \t\u{3000}\u{a0}]*";

/// Bracketed year: `〔2018〕38号`, `﹝2022﹞10号`, `[2008]3号`, `（2019）第5号`, `〔18〕038号`.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<open>[〔﹝\[［【（(〖〘])(?P<g0>{SP})(?P<year>[0-9０-９]{{4}}|[〇零○一二三四五六七八九]{{4}}|[0-9０-９]{{2}})(?P<nian>年)?(?P<g1>{SP})(?P<close>[〕﹞\]］】）)〗〙])(?P<g2>{SP})(?P<di>第)?(?P<g3>{SP})(?P<serial>[0-9０-９]{{1,5}})(?P<g4>{SP})(?P<hao>号)?"
    ))
    .expect("valid regex")
});

/// No bracket, the year closed by 年: `保政发2022年10号`, `国务院一九八〇年223号`.
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>[0-9０-９]{{4}}|[〇零○一二三四五六七八九]{{4}})(?P<g1>{SP})年(?P<g2>{SP})(?P<di>第)?(?P<g3>{SP})(?P<serial>[0-9０-９]{{1,5}})(?P<g4>{SP})号"
    ))
    .expect("valid regex")
});

/// 令 numbers: `国务院令第713号`, `公安部令第125号`, `国令第706号`.
static LING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"令(?P<g1>{SP})(?P<di>第)?(?P<g2>{SP})(?P<serial>[0-9０-９]{{1,5}})(?P<g3>{SP})号"
    ))
    .expect("valid regex")
});

/// 令 numbers written the other way round: `市人民政府第17号令`.
static LING_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第(?P<serial>[0-9０-９]{1,5})号令").expect("valid regex"));

/// A header line holding only the serial of a 令 whose organ stands on the line above
/// (`中华人民共和国国务院令` / `第706号`).
static LING_SERIAL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第[0-9０-９]{1,5}号$").expect("valid regex"));

/// Words that end the text before a 机关代字: verbs, adverbs, prepositions and function words
/// that introduce a number (`认真学习`, `废止`, `原告不服`, `以下简称`, `原`). The code starts
/// after the last of them; an organ named before the code is taken apart by `ORGAN_STOPS`.
const CODE_STOPS: &[&str] = &[
    "根据", "结合", "通过", "重申", "参考", "依据", "按照", "依照", "参照", "遵照", "对照", "执行",
    "落实", "贯彻", "印发", "转发", "下发", "制发", "出台", "发布", "公布", "要求", "精神", "文件",
    "学习", "废止", "撤销", "不服", "简称", "决定", "修订", "修正", "作出", "认真", "颁布", "审议",
    "批准", "原", "现", "我院", "本院", "通知", "意见", "规定", "办法", "附件", "参见", "详见",
    "关于", "了", "的", "和", "与", "及", "或", "按", "照", "据", "由", "在", "将", "以", "即",
    "见", "对", "从", "向", "把", "被", "于", "是", "并", "且", "等", "号", "为", "经", "如",
];

/// Organ names that contain a stop word (和) and must stay whole.
const PROTECTED: &[&str] = &[
    "中华人民共和国",
    "发展和改革",
    "住房和城乡建设",
    "文化和旅游",
    "工业和信息化",
    "人力资源和社会保障",
    "生态环境",
    "农业农村",
    "劳动和社会保障",
    "卫生和计划生育",
    "新闻出版和",
    "国土资源和",
    "经济",
];

/// Stops that end an organ's name: the organ is the issuer, the code follows it.
const ORGAN_STOPS: &[&str] = &["人民政府", "政府", "办公厅", "办公室", "委员会"];

/// An organ written out before its code without a stop word between: a level, a short name and
/// 厅, 局 or 委 (`省教育厅苏教办`, `市卫健委宁卫健发`). Codes themselves are abbreviations and do
/// not start with a level.
static ORGAN_THEN_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:省|市|县|区|州|自治区|自治州)\p{Han}{1,6}?[厅局委](?:\p{Han}{2,})$")
        .expect("valid regex")
});

/// Labels of numbers that look like 发文字号 but are not: `档案号为渝档〔2019〕3号`,
/// `备案号：皖规备〔2021〕7号`.
const LOOK_ALIKE_LABELS: &[&str] = &[
    "档案号",
    "备案号",
    "案号",
    "登记号",
    "编号",
    "证号",
    "批号",
    "序号",
    "代码",
];

/// Last characters of organ names (for 令 numbers and un-bracketed forms).
const ORGAN_ENDS: &[char] = &[
    '院', '部', '署', '局', '府', '委', '会', '厅', '室', '行', '席', '国', '办', '处', '所', '社',
];

/// Last characters of 机关代字 series (发文, 函, 字, 电报, 规范性文件 …).
const CODE_ENDS: &[char] = &['发', '函', '字', '电', '规', '办', '明', '传', '复', '通'];

/// Words after 号 that make the match something else: metro lines, reactors, proposals.
const NOT_AFTER_HAO: &[&str] = &[
    "提案", "建议", "线", "机组", "楼", "院", "令", "期", "卫星", "工程", "公路", "列车",
];

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '〇')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '零' | '○' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn parse_digits(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(digit_value(c)?)
    })
}

/// The year a match holds, as written and as read, and the serial `serial_s` reads as; a serial
/// of 0 is no number.
fn year_and_serial<'t>(caps: &regex::Captures<'t>, serial_s: &str) -> Option<(&'t str, i32, u32)> {
    let year_s = caps.name("year")?.as_str();
    let serial = parse_digits(serial_s).filter(|&n| n != 0)?;
    Some((year_s, parse_year(year_s)?, serial))
}

/// The year a bracket holds; two-digit years are read in the century they most likely mean.
fn parse_year(s: &str) -> Option<i32> {
    let v = parse_digits(s)? as i32;
    match s.chars().count() {
        2 if v >= 50 => Some(1900 + v),
        2 => Some(2000 + v),
        4 if (1949..=2100).contains(&v) => Some(v),
        _ => None,
    }
}

/// The 机关代字 (or organ) before a number.
struct CodeAt<'t> {
    start: usize,
    code: &'t str,
    issuer: &'t str,
}

/// The 机关代字 (or organ) ending at byte `end`: the run of Han characters before it, cut after
/// the last word that cannot belong to a code. A single-character stop (`以`, `经`, `原`)
/// counts only where jieba's dictionary makes it a word of its own (or the start of a word that
/// runs to the code), so that it does not cut an organ's name (`对外贸易经济合作部`).
fn code_before(text: &str, end: usize) -> Option<CodeAt<'_>> {
    let head = &text[..end];
    let mut start = end;
    for (i, c) in head.char_indices().rev().take(16) {
        if !is_han(c) {
            break;
        }
        start = i;
    }
    let mut run = &text[start..end];
    // `2022年9月5日市人民政府…`: the run begins with the tail of a date.
    let after_digit = head[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if after_digit {
        if let Some(rest) = run.strip_prefix(['日', '月', '年', '号']) {
            start += run.len() - rest.len();
            run = rest;
        }
    }
    if run.is_empty() {
        return None;
    }
    let protected: Vec<(usize, usize)> = PROTECTED
        .iter()
        .flat_map(|p| run.match_indices(p).map(|(i, m)| (i, i + m.len())))
        .collect();
    // Word boundaries, computed only when a one-character stop is in the run.
    let mut bounds: Option<Vec<(usize, usize)>> = None;
    let mut cut = 0;
    let mut organ_cut = 0;
    for stop in CODE_STOPS {
        for (i, _) in run.match_indices(stop) {
            let after = i + stop.len();
            let inside = protected.iter().any(|&(a, b)| i < b && after > a);
            if inside || after >= run.len() || after <= cut {
                continue;
            }
            if stop.chars().count() == 1 {
                let words = bounds.get_or_insert_with(|| {
                    crate::segment::Segmenter::global()
                        .jieba()
                        .cut(run, false)
                        .into_iter()
                        .map(|t| (t.byte_start, t.byte_end))
                        .collect()
                });
                // A word of its own, or the first of a two-character word whose second
                // character starts the code (`以法〔1998〕86号`, `以法发〔1993〕15号`: jieba
                // reads 以法 as a word).
                let alone = words.contains(&(i, after));
                let leads_code = words
                    .iter()
                    .any(|&(a, b)| a == i && run[a..b].chars().count() == 2);
                if !alone && !leads_code {
                    continue;
                }
            }
            cut = after;
        }
    }
    for stop in ORGAN_STOPS {
        if let Some(i) = run[cut..].rfind(stop) {
            let after = cut + i + stop.len();
            if after < run.len() && after > organ_cut {
                organ_cut = after;
            }
        }
    }
    let mut issuer = &run[cut..cut.max(organ_cut)];
    let mut code_at = cut.max(organ_cut);
    if issuer.is_empty() && ORGAN_THEN_CODE.is_match(&run[cut..]) {
        let rest = &run[cut..];
        // The organ ends at the first 厅/局/委 after its level and name (`ORGAN_THEN_CODE`).
        if let Some((i, c)) = rest
            .char_indices()
            .skip(2)
            .find(|&(_, c)| matches!(c, '厅' | '局' | '委'))
        {
            issuer = &rest[..i + c.len_utf8()];
            code_at = cut + i + c.len_utf8();
        }
    }
    let code = &run[code_at..];
    // `档案号为渝档〔2019〕3号`: a label says what kind of number it is.
    let label = head[..start + cut]
        .trim_end_matches(|c: char| is_space(c) || matches!(c, '为' | '是' | '：' | ':'));
    if LOOK_ALIKE_LABELS.iter().any(|l| label.ends_with(l)) {
        return None;
    }
    (!code.is_empty()).then_some(CodeAt {
        start: start + code_at,
        code,
        issuer,
    })
}

/// Canonical organ of a 令: the state name is dropped and gov.cn's 国令 spelled out.
fn ling_organ(organ: &str) -> String {
    let o = organ.strip_prefix("中华人民共和国").unwrap_or(organ);
    let o = if o.is_empty() { organ } else { o };
    if o == "国" {
        "国务院".to_string()
    } else {
        o.to_string()
    }
}

fn has_fullwidth_digit(s: &str) -> bool {
    s.chars().any(|c| ('０'..='９').contains(&c))
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn followed_by_look_alike(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    NOT_AFTER_HAO.iter().any(|w| rest.starts_with(w))
}

fn spaced(caps: &regex::Captures, names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| caps.name(n).is_some_and(|m| !m.as_str().is_empty()))
}

/// Whether `at` stands right inside the parenthesis that follows a 《》 title.
fn after_title_paren(text: &str, at: usize) -> bool {
    text[..at]
        .strip_suffix(['（', '('])
        .is_some_and(|t| t.trim_end_matches(is_space).ends_with('》'))
}

/// The year first, then the code: `（〔94〕财税字第089号）`, `（〔1996〕武司字第82号）`.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"〔(?P<year>[0-9]{4}|[0-9]{2})〕(?P<code>\p{Han}{1,8}?)(?P<di>第)?(?P<serial>[0-9]{1,5})号")
        .expect("valid regex")
});

fn year_first(text: &str, caps: &regex::Captures) -> Option<DocNum> {
    let whole = caps.get(0)?;
    // Only where it stands as a number of its own: in a parenthesis or after a title.
    if !text[..whole.start()].ends_with(['（', '(']) || followed_by_look_alike(text, whole.end()) {
        return None;
    }
    let code_m = caps.name("code")?;
    let code = code_m.as_str();
    let last = code.chars().next_back()?;
    if !CODE_ENDS.contains(&last) && last != '字' {
        return None;
    }
    let serial_s = caps.name("serial")?.as_str();
    let (year_s, year, serial) = year_and_serial(caps, serial_s)?;
    let mut problems = vec!["docno-bracket-form"];
    if year_s.len() != 4 {
        problems.push("docno-year-full");
    }
    if caps.name("di").is_some() {
        problems.push("docno-serial-di");
    }
    push_serial_problems(&mut problems, serial_s);
    let at = CodeAt {
        start: whole.start(),
        code,
        issuer: "",
    };
    Some(build(&at, whole.end(), Some(year), serial, problems))
}

fn bracketed(text: &str, caps: &regex::Captures) -> Option<DocNum> {
    let whole = caps.get(0)?;
    let serial_m = caps.name("serial")?;
    let after_serial = next_char(text, serial_m.end());
    // A longer digit run is a phone number or an identifier, not a serial.
    if after_serial.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    let hao = caps.name("hao");
    let end = match hao {
        Some(h) => {
            if followed_by_look_alike(text, h.end()) {
                return None;
            }
            h.end()
        }
        None => {
            // Without 号 only a number closed by punctuation is credible: `（澄卫发〔2020〕41）`.
            let ok = match after_serial {
                None => true,
                Some(c) => "）)、，；。,;\n\r 　".contains(c),
            };
            if !ok {
                return None;
            }
            serial_m.end()
        }
    };
    // Spaces between the code and the bracket are allowed (and reported).
    let open = whole.start();
    let code_end = text[..open].trim_end_matches(is_space).len();
    let at = match code_before(text, code_end) {
        Some(at) => at,
        // `《…》（〔1982〕3号）`: a number attached to its title, written without its code.
        None if after_title_paren(text, code_end) => CodeAt {
            start: open,
            code: "",
            issuer: "",
        },
        None => return None,
    };
    let open_c = caps.name("open")?.as_str();
    let close_c = caps.name("close")?.as_str();
    let serial_s = serial_m.as_str();
    let (year_s, year, serial) = year_and_serial(caps, serial_s)?;
    let mut problems = Vec::new();
    if open_c != "〔" || close_c != "〕" {
        problems.push("docno-bracket-form");
    }
    if year_s.len() != 4 || caps.name("nian").is_some() {
        problems.push("docno-year-full");
    }
    if caps.name("di").is_some() {
        problems.push("docno-serial-di");
    }
    push_serial_problems(&mut problems, serial_s);
    if hao.is_none() {
        problems.push("docno-missing-hao");
    }
    if code_end != open || spaced(caps, &["g0", "g1", "g2", "g3", "g4"]) {
        problems.push("docno-spacing");
    }
    Some(build(&at, end, Some(year), serial, problems))
}

fn push_serial_problems(problems: &mut Vec<&'static str>, serial_s: &str) {
    if serial_s.len() > 1 && serial_s.starts_with(['0', '０']) {
        problems.push("docno-serial-leading-zero");
    }
    if has_fullwidth_digit(serial_s) {
        problems.push("fullwidth-digits");
    }
}

fn build(
    at: &CodeAt,
    end: usize,
    year: Option<i32>,
    serial: u32,
    problems: Vec<&'static str>,
) -> DocNum {
    let code = at.code;
    DocNum {
        span: Span::new(at.start, end),
        normalized: format!("{code}〔{}〕{serial}号", year.unwrap_or_default()),
        issuer_code: code.to_string(),
        issuer: at.issuer.to_string(),
        year,
        serial: Some(serial),
        standard: problems.is_empty(),
        problems,
        role: Role::Reference,
    }
}

fn bare_year(text: &str, caps: &regex::Captures) -> Option<DocNum> {
    let whole = caps.get(0)?;
    if followed_by_look_alike(text, whole.end()) {
        return None;
    }
    let code_end = text[..whole.start()].trim_end_matches(is_space).len();
    let at = code_before(text, code_end)?;
    let code = at.code;
    // Without a bracket only something that reads as a code or an organ is credible: this keeps
    // out `截至2022年10号` and `国务院公报2018年第35号`.
    let last = code.chars().next_back()?;
    if !(CODE_ENDS.contains(&last) || ORGAN_ENDS.contains(&last)) || code.ends_with("公报") {
        return None;
    }
    let serial_s = caps.name("serial")?.as_str();
    let (year_s, year, serial) = year_and_serial(caps, serial_s)?;
    let mut problems = vec!["docno-bracket-form"];
    if !year_s.chars().all(|c| c.is_ascii_digit()) {
        problems.push("docno-year-full");
    }
    if caps.name("di").is_some() {
        problems.push("docno-serial-di");
    }
    push_serial_problems(&mut problems, serial_s);
    if code_end != whole.start() || spaced(caps, &["g1", "g2", "g3", "g4"]) {
        problems.push("docno-spacing");
    }
    Some(build(&at, whole.end(), Some(year), serial, problems))
}

fn ling_number(
    start: usize,
    end: usize,
    organ: &str,
    issuer: &str,
    serial_s: &str,
    spaced: bool,
) -> DocNum {
    let organ = ling_organ(organ);
    let serial = parse_digits(serial_s).unwrap_or_default();
    let mut problems = Vec::new();
    push_serial_problems(&mut problems, serial_s);
    if spaced {
        problems.push("docno-spacing");
    }
    DocNum {
        span: Span::new(start, end),
        normalized: format!("{organ}令第{serial}号"),
        issuer_code: format!("{organ}令"),
        issuer: issuer.to_string(),
        year: None,
        serial: Some(serial),
        standard: problems.is_empty(),
        problems,
        role: Role::Reference,
    }
}

fn ling(text: &str, caps: &regex::Captures) -> Option<DocNum> {
    let whole = caps.get(0)?;
    if followed_by_look_alike(text, whole.end()) {
        return None;
    }
    let at = code_before(text, whole.start())?;
    let organ = at.code;
    if !organ
        .chars()
        .next_back()
        .is_some_and(|c| ORGAN_ENDS.contains(&c))
    {
        return None;
    }
    let serial_s = caps.name("serial")?.as_str();
    if parse_digits(serial_s)? == 0 {
        return None;
    }
    Some(ling_number(
        at.start,
        whole.end(),
        organ,
        at.issuer,
        serial_s,
        spaced(caps, &["g1", "g2", "g3"]),
    ))
}

fn ling_after(text: &str, caps: &regex::Captures) -> Option<DocNum> {
    let whole = caps.get(0)?;
    let at = code_before(text, whole.start())?;
    let organ = at.code;
    if !organ
        .chars()
        .next_back()
        .is_some_and(|c| ORGAN_ENDS.contains(&c))
    {
        return None;
    }
    let serial_s = caps.name("serial")?.as_str();
    if parse_digits(serial_s)? == 0 {
        return None;
    }
    Some(ling_number(
        at.start,
        whole.end(),
        organ,
        at.issuer,
        serial_s,
        false,
    ))
}

/// Lines of the header: where a document states its own number.
const HEADER_LINES: usize = 30;

/// `中华人民共和国国务院令` on one line, `第706号` on a later one: the 令 header of a regulation.
fn ling_headers(text: &str) -> Vec<DocNum> {
    let mut out = Vec::new();
    let mut prev: Option<(usize, &str)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(HEADER_LINES * 2) {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() {
            continue;
        }
        let lead = body.len() - body.trim_start_matches(|c: char| c.is_whitespace()).len();
        if LING_SERIAL_LINE.is_match(trimmed) {
            if let Some((pstart, organ_line)) = prev {
                if let Some(organ) = organ_line.strip_suffix('令') {
                    if (1..=16).contains(&organ.chars().count()) && organ.chars().all(is_han) {
                        let serial_s = &trimmed["第".len()..trimmed.len() - "号".len()];
                        let mut d = ling_number(
                            pstart,
                            start + lead + trimmed.len(),
                            organ,
                            "",
                            serial_s,
                            false,
                        );
                        d.role = Role::SelfNumber;
                        out.push(d);
                    }
                }
            }
        }
        prev = Some((start + lead, trimmed));
    }
    out
}

/// Marks the document's own numbers: a header line holding nothing but the number, or the
/// 发文字号 cell of a gov.cn metadata box.
fn mark_self(text: &str, nums: &mut [DocNum]) {
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            break;
        }
        let end = start + line.len();
        let label: String = trimmed
            .chars()
            .take(8)
            .filter(|c| !c.is_whitespace())
            .collect();
        let metadata = label.starts_with("发文字号");
        for d in nums
            .iter_mut()
            .filter(|d| d.span.start >= start && d.span.end <= end)
        {
            let own_line = trimmed == &text[d.span.start..d.span.end];
            if metadata || own_line {
                d.role = Role::SelfNumber;
            }
        }
    }
}

/// Every document number in `text`, in text order, roles `self` or `reference` (citations are
/// marked by the citation extractor).
/// The lines of `text` that hold what `next(from)` finds at or after byte `from`, as byte
/// ranges without their line break. Found as they are read, not kept: a text of a digit a line
/// has a line every two bytes.
fn lines_holding<'t>(
    text: &'t str,
    mut next: impl FnMut(usize) -> Option<usize> + 't,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= b.len() {
            return None;
        }
        let at = next(from)?;
        let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
        from = end + 1;
        Some((start, end))
    })
}

/// Every match of `re` in the given lines of `text`, as `re.captures_iter(text)` finds them
/// there, with offsets in `text`. None of the patterns below matches a line break or looks
/// around a match, so the matches of the whole text are those of its lines.
fn captures_in_lines<'t>(
    re: &'t Regex,
    text: &'t str,
    lines: impl Iterator<Item = (usize, usize)> + 't,
) -> impl Iterator<Item = regex::Captures<'t>> {
    // Lazy, so that a reader that stops at its limit stops the search too.
    lines.flat_map(move |(start, end)| {
        let line = &text[..end];
        let mut at = Some(start);
        std::iter::from_fn(move || {
            let c = re.captures_at(line, at?)?;
            let next = c.get(0).map_or(end, |m| m.end());
            at = (next > at.unwrap_or(end)).then_some(next);
            Some(c)
        })
    })
}

/// The lines with a digit: only they can hold a serial.
fn digit_lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    lines_holding(text, |from| next_digit(text.as_bytes(), from))
}

/// Where the next ASCII or full-width digit (EF BC 90–99) at or after `from` starts. Eight
/// bytes are tested at a time for a byte 0–9 or BC, the middle byte of the full-width digits
/// (and of the full-width comma, colon and parentheses, so such a block is read byte by byte):
/// the regex `[0-9０-９]` has no literal to search for, and ran its automaton over every byte.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let at = |i: usize| {
        let c = b[i];
        if c.is_ascii_digit() {
            return Some(i);
        }
        // The middle byte of a full-width digit: its character starts one byte before.
        (c == 0xBC
            && i > from
            && b[i - 1] == 0xEF
            && b.get(i + 1).is_some_and(|n| (0x90..=0x99).contains(n)))
        .then(|| i - 1)
    };
    let mut i = from;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        if crate::span::word_has_ascii_digit(w) || crate::span::word_has_byte(w, 0xBC) {
            if let Some(d) = (i..i + 8).find_map(at) {
                return Some(d);
            }
        }
        i += 8;
    }
    (i..b.len()).find_map(at)
}

/// The lines with 号.
fn hao_lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    static HAO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("号".as_bytes()));
    lines_holding(text, |from| {
        HAO.find(&text.as_bytes()[from..]).map(|i| from + i)
    })
}

pub fn extract_docnums(text: &str) -> Vec<DocNum> {
    extract_docnums_at_most(text, usize::MAX).0
}

/// The first `most` numbers of `text` ([`crate::extract::Limits`]), and where the first one
/// left out starts when the text holds more: each pattern stops one number past the limit, so
/// the numbers found before that are the ones a full reading finds first.
pub fn extract_docnums_at_most(text: &str, most: usize) -> (Vec<DocNum>, Option<Span>) {
    // The two patterns without a literal to look for first read the whole text at DFA speed;
    // only a few lines can hold a match: one with a serial in digits, and for a bare year, one
    // with 号 (7% and 1% of the text of a policy document).
    let each = most.saturating_add(1);
    let mut found: Vec<DocNum> = Vec::new();
    found.extend(
        captures_in_lines(&BRACKETED, text, digit_lines(text))
            .filter_map(|c| bracketed(text, &c))
            .take(each),
    );
    found.extend(
        captures_in_lines(&BARE_YEAR, text, hao_lines(text))
            .filter_map(|c| bare_year(text, &c))
            .take(each),
    );
    found.extend(
        captures_in_lines(&YEAR_FIRST, text, hao_lines(text))
            .filter_map(|c| year_first(text, &c))
            .take(each),
    );
    found.extend(
        LING.captures_iter(text)
            .filter_map(|c| ling(text, &c))
            .take(each),
    );
    found.extend(
        LING_AFTER
            .captures_iter(text)
            .filter_map(|c| ling_after(text, &c))
            .take(each),
    );
    found.extend(ling_headers(text));
    // Earlier and then longer matches win; the patterns overlap only on odd texts.
    found.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    let mut out: Vec<DocNum> = Vec::with_capacity(found.len().min(each));
    for d in found {
        if out.len() == each {
            break;
        }
        if out.last().is_some_and(|p| d.span.start < p.span.end) {
            continue;
        }
        out.push(d);
    }
    let left_out = crate::extract::cut_to(&mut out, most).map(|d| d.span);
    mark_self(text, &mut out);
    (out, left_out)
}

/// The number as it reads: line breaks inside a header 令 number are dropped.
pub fn surface(text: &str, d: &DocNum) -> String {
    let s = d.span.text(text);
    if s.contains('\n') {
        s.lines()
            .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
            .collect()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Searching only the lines with a digit or 号 finds what a search of the whole text finds.
    #[test]
    fn line_search_finds_what_the_whole_text_search_finds() {
        let mut texts = crate::corpus_texts();
        texts.push("保政发〔2022〕10号\n国办发2019年39号 二〇一九年３９号\n〔二〇二二〕１０号〔2022〕\n10号".into());
        // Digits and look-alikes at every offset of an eight-byte block: ０ ：，/ : ＯＺ 9 0.
        for pad in 0..9 {
            let mut t = "x".repeat(pad);
            t.push_str("，：\n/:\nＯＺ\n０\nab９\n\n9\n一0\n：");
            texts.push(t);
        }
        let spans = |cs: Vec<regex::Captures>| -> Vec<(usize, usize)> {
            cs.iter()
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                .collect()
        };
        let mut n = 0;
        for text in &texts {
            let digits: Vec<(usize, usize)> = digit_lines(text).collect();
            let hao: Vec<(usize, usize)> = hao_lines(text).collect();
            // Each line once, in order, and every line with a digit or 号 among them.
            for (lines, holds) in [
                (
                    &digits,
                    &(|l: &str| {
                        l.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                    }) as &dyn Fn(&str) -> bool,
                ),
                (&hao, &|l: &str| l.contains('号')),
            ] {
                let want: Vec<(usize, usize)> = text
                    .split_inclusive('\n')
                    .scan(0, |at, l| {
                        let start = *at;
                        *at += l.len();
                        Some((start, start + l.trim_end_matches('\n').len()))
                    })
                    .filter(|&(s, e)| holds(&text[s..e]))
                    .collect();
                assert_eq!(lines, &want);
            }
            for (re, lines) in [(&*BRACKETED, &digits), (&*BARE_YEAR, &hao)] {
                let want: Vec<(usize, usize)> =
                    re.find_iter(text).map(|m| (m.start(), m.end())).collect();
                assert_eq!(
                    spans(captures_in_lines(re, text, lines.iter().copied()).collect()),
                    want
                );
                n += want.len();
            }
        }
        assert!(n > 20, "{n}");
    }

    /// (text, surface, normalized, problems)
    const FORMS: &[(&str, &str, &str, &str)] = &[
        (
            "根据国发〔2018〕38号文件",
            "国发〔2018〕38号",
            "国发〔2018〕38号",
            "",
        ),
        (
            "制发了保政发﹝2022﹞10号文。",
            "保政发﹝2022﹞10号",
            "保政发〔2022〕10号",
            "docno-bracket-form",
        ),
        (
            "见劳社部发[2008]3号",
            "劳社部发[2008]3号",
            "劳社部发〔2008〕3号",
            "docno-bracket-form",
        ),
        (
            "澄政发［2020］44号",
            "澄政发［2020］44号",
            "澄政发〔2020〕44号",
            "docno-bracket-form",
        ),
        (
            "澄政发【2020】44号",
            "澄政发【2020】44号",
            "澄政发〔2020〕44号",
            "docno-bracket-form",
        ),
        (
            "澄政发(2020)44号",
            "澄政发(2020)44号",
            "澄政发〔2020〕44号",
            "docno-bracket-form",
        ),
        (
            "澄政发（2020）44号",
            "澄政发（2020）44号",
            "澄政发〔2020〕44号",
            "docno-bracket-form",
        ),
        (
            "澄政发〖2020〗44号",
            "澄政发〖2020〗44号",
            "澄政发〔2020〕44号",
            "docno-bracket-form",
        ),
        (
            "按保政发2022年10号执行",
            "保政发2022年10号",
            "保政发〔2022〕10号",
            "docno-bracket-form",
        ),
        (
            "澄教发〔25〕19号",
            "澄教发〔25〕19号",
            "澄教发〔2025〕19号",
            "docno-year-full",
        ),
        (
            "澄教发〔98〕19号",
            "澄教发〔98〕19号",
            "澄教发〔1998〕19号",
            "docno-year-full",
        ),
        (
            "澄教发〔２０２５〕19号",
            "澄教发〔２０２５〕19号",
            "澄教发〔2025〕19号",
            "docno-year-full",
        ),
        (
            "澄教发〔二〇二五〕19号",
            "澄教发〔二〇二五〕19号",
            "澄教发〔2025〕19号",
            "docno-year-full",
        ),
        (
            "应按国务院一九八〇年223号文件规定",
            "国务院一九八〇年223号",
            "国务院〔1980〕223号",
            "docno-bracket-form;docno-year-full",
        ),
        (
            "临政发〔2025〕第36号",
            "临政发〔2025〕第36号",
            "临政发〔2025〕36号",
            "docno-serial-di",
        ),
        (
            "桐政发〔2025〕003号",
            "桐政发〔2025〕003号",
            "桐政发〔2025〕3号",
            "docno-serial-leading-zero",
        ),
        (
            "桐政发〔2025〕３号",
            "桐政发〔2025〕３号",
            "桐政发〔2025〕3号",
            "fullwidth-digits",
        ),
        (
            "（澄卫发〔2020〕41）",
            "澄卫发〔2020〕41",
            "澄卫发〔2020〕41号",
            "docno-missing-hao",
        ),
        (
            "澄人社发 〔2025〕 12 号",
            "澄人社发 〔2025〕 12 号",
            "澄人社发〔2025〕12号",
            "docno-spacing",
        ),
        (
            "结合临政发〔2024〕第8号确定的分工",
            "临政发〔2024〕第8号",
            "临政发〔2024〕8号",
            "docno-serial-di",
        ),
        (
            "按照保政发〔2022〕10号文要求",
            "保政发〔2022〕10号",
            "保政发〔2022〕10号",
            "",
        ),
        (
            "国办发明电〔2018〕15号",
            "国办发明电〔2018〕15号",
            "国办发明电〔2018〕15号",
            "",
        ),
        (
            "日市人民政府京政发〔1985〕167号",
            "京政发〔1985〕167号",
            "京政发〔1985〕167号",
            "",
        ),
        (
            "《办法》（国务院令第513号）",
            "国务院令第513号",
            "国务院令第513号",
            "",
        ),
        (
            "省人民政府令第215号",
            "省人民政府令第215号",
            "省人民政府令第215号",
            "",
        ),
        ("公安部令第125号", "公安部令第125号", "公安部令第125号", ""),
        (
            "发文字号： \t国令第706号",
            "国令第706号",
            "国务院令第706号",
            "",
        ),
        (
            "1994年1月28日中华人民共和国国务院令第142号发布",
            "中华人民共和国国务院令第142号",
            "国务院令第142号",
            "",
        ),
        (
            "1994年8月17日市人民政府第17号令发布",
            "市人民政府第17号令",
            "市人民政府令第17号",
            "",
        ),
        (
            "国家发展和改革委员会令第1号",
            "国家发展和改革委员会令第1号",
            "国家发展和改革委员会令第1号",
            "",
        ),
    ];

    #[test]
    fn every_written_form() {
        for &(text, surface, normalized, problems) in FORMS {
            let nums = extract_docnums(text);
            assert_eq!(nums.len(), 1, "{text}: {nums:?}");
            let d = &nums[0];
            assert_eq!(d.span.text(text), surface, "{text}");
            assert_eq!(d.normalized, normalized, "{text}");
            assert_eq!(d.problems.join(";"), problems, "{text}");
            assert_eq!(d.standard, problems.is_empty(), "{text}");
        }
    }

    #[test]
    fn joint_numbers_are_each_found() {
        let nums = extract_docnums("（中办发〔2018〕1号、国办发〔2018〕2号）");
        let n: Vec<&str> = nums.iter().map(|d| d.normalized.as_str()).collect();
        assert_eq!(n, ["中办发〔2018〕1号", "国办发〔2018〕2号"]);
    }

    const LOOK_ALIKES: &[&str] = &[
        "作出（2022）云01行初35号行政判决",
        "陕西省高级人民法院（2013）陕民三终字第38号民事判决",
        "（2016）最高法民再98号民事判决",
        "对全国政协十届三次会议第2741号提案的答复",
        "对十届全国人大四次会议第7264号建议的答复",
        "按照GB/T 9704-2012《党政机关公文格式》",
        "依照本法第十条第二款",
        "联系电话：0871-63612345，传真（0871）63612346",
        "国务院公报2018年第35号",
        "简报〔2024〕第6期",
        "〔唐〕杜甫",
        "截至2022年10号",
        "建成地铁8号线，宁德核电6号机组",
        "近五年（2019—2023）",
        "国发〔2018〕123456号",
    ];

    #[test]
    fn look_alikes_are_not_numbers() {
        for text in LOOK_ALIKES {
            assert!(
                extract_docnums(text).is_empty(),
                "{text}: {:?}",
                extract_docnums(text)
            );
        }
    }

    #[test]
    fn own_number_in_header_and_metadata_box() {
        let text = "发文字号： \t国发〔2018〕38号 \t发布日期： \t2018年11月23日\n\n国务院关于某事的通知\n\n国发〔2018〕38号\n\n各省：\n按照国发〔2018〕38号文件办理。\n";
        let roles: Vec<Role> = extract_docnums(text).iter().map(|d| d.role).collect();
        assert_eq!(roles, [Role::SelfNumber, Role::SelfNumber, Role::Reference]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_on_boundaries(s in "\\PC{0,80}") {
            for d in extract_docnums(&s) {
                proptest::prop_assert!(s.is_char_boundary(d.span.start));
                proptest::prop_assert!(s.is_char_boundary(d.span.end));
                proptest::prop_assert!(d.span.start < d.span.end);
            }
        }

        #[test]
        fn never_panics_on_number_like_text(
            s in "[国保政发办函令第号〔〕﹝﹞\\[\\]（）()年〇一九0-9０-９ \n　]{0,40}"
        ) {
            for d in extract_docnums(&s) {
                proptest::prop_assert!(s.is_char_boundary(d.span.start));
                proptest::prop_assert!(s.is_char_boundary(d.span.end));
            }
        }
    }
}
