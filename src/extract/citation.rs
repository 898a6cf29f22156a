//! 《》 citations: the title, its normalised form, what kind of text it names, who issued it, and
//! the document number written after it.
//!
//! Citing convention (2000 办法 第二十五条): title first, then the number in parentheses —
//! `《国务院关于……的通知》（国发〔2018〕27号）`. A number is attached only when it opens the
//! parenthesis right after the closing 》, so in `《A》《B》《C》（X号）` it belongs to C alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::docnum::{DocNum, Role};
use crate::span::Span;

/// What a cited title names, read from its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationKind {
    Law,
    Regulation,
    Rule,
    LocalRegulation,
    NormativeDocument,
    Plan,
    JudicialInterpretation,
    Standard,
    /// A form, certificate, licence or table that someone fills in or issues
    /// (《进口药品注册证》, 《受理通知书》, 《登记表》): not a document the index follows.
    Form,
    Other,
}

impl CitationKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            CitationKind::Law => "law",
            CitationKind::Regulation => "regulation",
            CitationKind::Rule => "rule",
            CitationKind::LocalRegulation => "local-regulation",
            CitationKind::NormativeDocument => "normative-document",
            CitationKind::Plan => "plan",
            CitationKind::JudicialInterpretation => "judicial-interpretation",
            CitationKind::Standard => "standard",
            CitationKind::Form => "form",
            CitationKind::Other => "other",
        }
    }
}

/// One 《》 citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// From 《 to 》 inclusive.
    pub span: Span,
    /// As written between 《 and 》; a title broken across lines is joined.
    pub title: String,
    pub normalized_title: String,
    /// Identity for the citation index: the normalised number when known, else the normalised
    /// title (of the full title, for a declared short form).
    pub key: String,
    pub kind: CitationKind,
    /// Organ(s) named at the start of the title (`中共中央办公厅 国务院办公厅`).
    pub issuer: String,
    /// Index into the docnums slice of the number written after the title.
    pub docnum: Option<usize>,
    /// Status in the law catalogue; empty until a catalogue applies.
    pub registry_status: String,
    /// The catalogue's status on the citing document's date (`in-force`, `repealed`,
    /// `amended-since`, `not-yet-in-force`, `unknown`), the repeal date and the successor.
    pub law_status: String,
    pub repealed_on: String,
    pub replaced_by: String,
}

/// Longest title accepted, in characters; an unclosed 《 must not swallow a page.
const MAX_TITLE_CHARS: usize = 160;
/// Line breaks a title may span (a header title broken over lines, with a blank line between).
const MAX_TITLE_BREAKS: usize = 3;

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// The title as written, with line breaks (and the indentation around them) removed.
fn join_lines(s: &str) -> String {
    if !s.contains('\n') {
        return s.to_string();
    }
    let parts: Vec<&str> = s.split('\n').collect();
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = if i > 0 {
                p.trim_start_matches(|c: char| c.is_whitespace())
            } else {
                p
            };
            if i < last {
                p.trim_end_matches(|c: char| c.is_whitespace())
            } else {
                p
            }
        })
        .collect()
}

static YEAR_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})年?(?:[-~一—–―]+)([0-9]{4})(年?)").expect("valid regex")
});
static BRACKETED_YEAR_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([0-9]{4}-[0-9]{4}年?)\)").expect("valid regex"));

/// Normalises a title so that its written variants compare equal: full-width ASCII to half-width,
/// every bracket to `()`, 〈〉 to 《》, spaces and invisible characters dropped, dashes in a
/// year span unified and the brackets around a year span dropped.
pub fn normalize_title(title: &str) -> String {
    let mut s = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        let c = match c {
            '〔' | '【' | '〖' | '﹝' | '[' | '〘' => '(',
            '〕' | '】' | '〗' | '﹞' | ']' | '〙' => ')',
            '〈' => '《',
            '〉' => '》',
            '－' | '‐' | '‑' => '-',
            '～' | '〜' => '~',
            other => other,
        };
        s.push(c);
    }
    let s = YEAR_SPAN.replace_all(&s, |c: &regex::Captures| {
        let nian = if c[0].contains('年') { "年" } else { "" };
        format!("{}-{}{nian}", &c[1], &c[2])
    });
    BRACKETED_YEAR_SPAN.replace_all(&s, "$1").into_owned()
}

/// The one identity of a title, used wherever two written titles must be recognised as one
/// document (the citation index, users' registers, the law catalogue): normalised
/// ([`normalize_title`]), without the 中华人民共和国 prefix, and with an informal 省政府 / 市政府 /
/// 县政府 read as the 人民政府 that a quoted title names.
pub fn title_key(title: &str) -> String {
    let n = normalize_title(title);
    let t = n.strip_prefix("中华人民共和国").unwrap_or(&n);
    let mut out = String::with_capacity(t.len() + 6);
    let mut rest = t;
    while let Some(i) = rest.find("政府") {
        let before = &rest[..i];
        out.push_str(before);
        let level = before.chars().next_back();
        if !before.ends_with("人民") && matches!(level, Some('省' | '市' | '县' | '区' | '州'))
        {
            out.push_str("人民政府");
        } else {
            out.push_str("政府");
        }
        rest = &rest[i + "政府".len()..];
    }
    out.push_str(rest);
    out
}

/// Whether a title without a number names a different document in every document that cites
/// it: a bare genre word (《纲要草案》, 《建议》, 《报告》, 《决定》, 《通知》), a 政府工作报告, a
/// report to a legislature (关于…的报告), or an amending or repealing decision
/// (关于修改部分地方性法规的决定, 国务院关于废止和修改部分行政法规的决定).
pub fn is_generic(title: &str) -> bool {
    const BARE: &[&str] = &[
        "纲要",
        "规划纲要",
        "建议",
        "报告",
        "决定",
        "决议",
        "通知",
        "意见",
        "方案",
        "规划",
        "计划",
        "政府工作报告",
        "工作报告",
        "实施方案",
        "实施意见",
        "办法",
        "规定",
        "条例",
    ];
    let n = normalize_title(title);
    let t = core_title(&n);
    let t = ["修订草案", "草案", "征求意见稿", "送审稿"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t);
    if BARE.contains(&t) {
        return true;
    }
    let t = t
        .strip_prefix("本省")
        .or_else(|| t.strip_prefix("本市"))
        .unwrap_or(t);
    // Amending and repealing decisions are titled alike by every legislature and by one
    // legislature year after year (国务院关于修改《…实施条例》的决定 in 2005, 2008 and 2011), so
    // even with an issuer the title does not name one document. One that lists several texts
    // (关于修改《甲》和《乙》的决定, 关于修改《甲》等九件地方性法规的决定) is told apart by its list.
    let amending = t.find("关于").is_some_and(|i| {
        let d = &t[i..];
        let named = d.matches(['《', '<']).count();
        (d.starts_with("关于修改") || d.starts_with("关于废止"))
            && d.ends_with("决定")
            && named <= 1
            && !(named == 1 && d.contains('等'))
    });
    amending || t == "政府工作报告" || (t.starts_with("关于") && t.ends_with("报告"))
}

/// Whether a title names a form, certificate, licence or table (…证, …书, …表, …单) rather than
/// a document: what the text asks someone to fill in, issue or hold.
fn is_form(t: &str) -> bool {
    const NOT_FORMS: &[&str] = &[
        "白皮书",
        "蓝皮书",
        "全书",
        "丛书",
        "教科书",
        "清单",
        "名单",
        "代表",
        "保证",
        "论证",
        "认证",
        "见证",
        "验证",
        "意见书",
        "建议书",
        "报告书",
        "说明书",
        "倡议书",
        "公开信",
        "税率表",
        "税额表",
        "费率表",
        "价目表",
    ];
    if t.starts_with("关于") || NOT_FORMS.iter().any(|w| t.ends_with(w)) {
        return false;
    }
    t.chars().count() >= 3 && t.ends_with(['证', '书', '表', '单', '照']) && !t.ends_with("执法")
}

/// The title without trailing qualifiers such as （草案）（试行）（2021—2025年）.
fn core_title(title: &str) -> &str {
    let mut t = title.trim();
    loop {
        let Some(stripped) = t.strip_suffix(['）', ')']) else {
            return t;
        };
        match stripped.rfind(['（', '(']) {
            Some(i) if i > 0 => t = stripped[..i].trim_end(),
            _ => return t,
        }
    }
}

static TRAILING_YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}(?:-[0-9]{4})?年?$").expect("valid regex"));
static PLACE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{2,8}?(?:省|自治区|市|自治州|县|特别行政区)").expect("valid regex")
});
static STANDARD_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:GB|DB|JGJ|HJ|GA|JT|WS|YY|CJJ|SL|NY)[0-9]*(?:/[TZ])?\s*[0-9]")
        .expect("valid regex")
});

fn ends_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.ends_with(w))
}

/// The kind of text a title names, from its form.
pub fn classify(title: &str) -> CitationKind {
    let normalized = normalize_title(title);
    let t = core_title(&normalized);
    if STANDARD_CODE.is_match(t) || t.ends_with("标准") {
        return CitationKind::Standard;
    }
    let t = TRAILING_YEARS.find(t).map_or(t, |m| &t[..m.start()]);
    // Drafts are named without brackets too: 《…规划纲要草案》.
    let t = ["修订草案", "草案", "征求意见稿", "送审稿"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .filter(|r| !r.is_empty())
        .unwrap_or(t);
    if t.starts_with("最高人民法院") || t.starts_with("最高人民检察院") {
        return CitationKind::JudicialInterpretation;
    }
    if is_form(t) {
        return CitationKind::Form;
    }
    let national =
        t.starts_with("中华人民共和国") || t.starts_with("国务院") || t.starts_with("全国");
    if t.ends_with("条例") {
        return if !national && PLACE_START.is_match(t) {
            CitationKind::LocalRegulation
        } else {
            CitationKind::Regulation
        };
    }
    if ends_with_any(t, &["规划", "纲要", "计划"]) {
        return CitationKind::Plan;
    }
    if t.ends_with("法典") {
        return CitationKind::Law;
    }
    if ends_with_any(
        t,
        &[
            "规定", "办法", "细则", "规则", "准则", "通则", "守则", "章程", "规范",
        ],
    ) {
        return if t.contains("关于") {
            CitationKind::NormativeDocument
        } else {
            CitationKind::Rule
        };
    }
    if t.ends_with('法')
        && !ends_with_any(
            t,
            &[
                "方法", "做法", "说法", "看法", "想法", "用法", "写法", "算法", "疗法",
            ],
        )
    {
        return CitationKind::Law;
    }
    if ends_with_any(
        t,
        &[
            "意见", "通知", "决定", "决议", "批复", "复函", "函", "答复", "通报", "公告", "通告",
            "方案", "预案", "措施", "要点", "请示", "报告", "命令", "目录", "清单", "指南", "解释",
        ],
    ) {
        return CitationKind::NormativeDocument;
    }
    CitationKind::Other
}

/// Last characters of an organ's name (or of a joint list of organs).
const ORGAN_ENDS: &[char] = &[
    '院', '部', '署', '局', '府', '委', '会', '厅', '室', '行', '央', '办', '处', '所', '社', '组',
    '团', '庭', '检', '法', '总',
];

/// The organ(s) named before 关于 at the start of a title.
pub fn title_issuer(title: &str) -> String {
    let Some(i) = title.find("关于") else {
        return String::new();
    };
    let head = title[..i].trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let ok = !head.is_empty()
        && head.chars().count() <= 40
        && !head.contains(['《', '〈'])
        && head
            .chars()
            .next_back()
            .is_some_and(|c| ORGAN_ENDS.contains(&c));
    if !ok {
        return String::new();
    }
    head.split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds the 》 closing the 《 at `open`, counting nested 《》. None for an unclosed mark.
fn closing(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut breaks = 0;
    for (n, (i, c)) in text[open..].char_indices().enumerate() {
        if n > MAX_TITLE_CHARS {
            return None;
        }
        match c {
            '《' => depth += 1,
            '》' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            '\n' => {
                breaks += 1;
                if breaks > MAX_TITLE_BREAKS {
                    return None;
                }
            }
            // A sentence end inside a title means the mark was never closed.
            '。' | '；' => return None,
            _ => {}
        }
    }
    None
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if c == ' ' || c == '\u{3000}' || c == '\t' || c == '\u{a0}' || is_invisible(c) {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// After a title: `（…` or `(…`, returning the byte after the parenthesis.
fn open_paren(text: &str, at: usize) -> Option<usize> {
    let at = skip_spaces(text, at);
    let c = text[at..].chars().next()?;
    matches!(c, '（' | '(').then(|| skip_spaces(text, at + c.len_utf8()))
}

/// Index of the number that starts at `at`.
fn docnum_at(docnums: &[DocNum], at: usize) -> Option<usize> {
    // `extract_docnums` returns numbers in text order; a caller's unsorted slice still works.
    let i = docnums.partition_point(|d| d.span.start < at);
    match docnums.get(i) {
        Some(d) if d.span.start == at => Some(i),
        _ => docnums.iter().position(|d| d.span.start == at),
    }
}

/// Verbs that say the number before a title is that title's own: `以沪府办〔2019〕12号文印发的《…》`,
/// `原卫生部令第N号公布的《…》`. 修改, 修订 and 转发 are left out: there the number is another
/// document's (the amending order, the forwarding notice).
const ISSUED_WITH: &[&str] = &["印发", "公布", "发布", "颁布", "下发"];

/// The number that ends right before `open`: written against the title
/// (`公安部令第159号《公安部关于修改…的决定》`) or behind `…号[文件|通知]印发的`. That number is
/// the title's own, written before it.
fn number_before(text: &str, open: usize, docnums: &[DocNum]) -> Option<usize> {
    let ending_at = |end: usize| {
        let i = docnums.partition_point(|d| d.span.end < end);
        docnums.get(i).filter(|d| d.span.end == end).map(|_| i)
    };
    let head = text[..open].trim_end_matches(is_space_char);
    if let Some(i) = ending_at(head.len()) {
        return Some(i);
    }
    let head = head.strip_suffix(['的', '了'])?;
    let verb = ISSUED_WITH.iter().find(|v| head.ends_with(*v))?;
    let head = &head[..head.len() - verb.len()];
    let head = ["文件", "通知", "文"]
        .iter()
        .find_map(|w| head.strip_suffix(w))
        .unwrap_or(head)
        .trim_end_matches(is_space_char);
    ending_at(head.len())
}

fn is_space_char(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// `（以下简称《…》）` right after a title (or after its number): the byte where the short
/// form's 《 stands.
fn declared_alias(
    text: &str,
    after: usize,
    docnums: &[DocNum],
    num: Option<usize>,
) -> Option<usize> {
    let mut at = after;
    if let Some(i) = num {
        // `《…》（X号，以下简称《…》）` or `《…》（X号）（以下简称《…》）`.
        at = docnums[i].span.end;
        let rest = text[at..].trim_start_matches(['）', ')', '，', ',', ' ', '\u{3000}']);
        at = text.len() - rest.len();
        if let Some(r) = text[at..].strip_prefix(['（', '(']) {
            at = text.len() - r.len();
        }
    } else {
        at = open_paren(text, at)?;
    }
    let rest = &text[at..];
    let rest = rest.strip_prefix("以下简称")?;
    let rest = rest.strip_prefix(['为', '：', ':']).unwrap_or(rest);
    rest.starts_with('《').then(|| text.len() - rest.len())
}

/// Positions of the 《 of each short form in `（以下简称《A》、《B》…）`, starting at `first`.
fn alias_run(text: &str, first: usize) -> Vec<usize> {
    let mut out = vec![first];
    let mut at = first;
    while let Some(close) = closing(text, at) {
        let rest = &text[close + '》'.len_utf8()..];
        let Some(next) = rest.strip_prefix(['、', '，', ',']) else {
            break;
        };
        if !next.starts_with('《') {
            break;
        }
        at = text.len() - next.len();
        out.push(at);
    }
    out
}

/// Every 《》 citation in `text`, in text order. Numbers in `docnums` attached to a title get
/// [`Role::Citation`].
pub fn extract_citations(text: &str, docnums: &mut [DocNum]) -> Vec<Citation> {
    extract_citations_at_most(text, docnums, usize::MAX).0
}

/// The first `most` citations of `text` ([`crate::extract::Limits`]), and where the first one
/// left out starts when the text holds more: reading stops one title past the limit.
pub fn extract_citations_at_most(
    text: &str,
    docnums: &mut [DocNum],
    most: usize,
) -> (Vec<Citation>, Option<Span>) {
    let mut out: Vec<Citation> = Vec::new();
    // Short form's 《 position → key of the full title it abbreviates.
    let mut pending_alias: HashMap<usize, usize> = HashMap::new();
    // Normalised short form → index of the full title's citation.
    let mut aliases: HashMap<String, usize> = HashMap::new();
    let mut at = 0;
    while let Some(rel) = text[at..].find('《') {
        if out.len() > most {
            break;
        }
        let open = at + rel;
        let Some(close) = closing(text, open) else {
            at = open + '《'.len_utf8();
            continue;
        };
        let end = close + '》'.len_utf8();
        let inner = &text[open + '《'.len_utf8()..close];
        let title = join_lines(inner);
        let normalized_title = normalize_title(&title);
        let num = open_paren(text, end)
            .and_then(|p| {
                docnum_at(docnums, p).or_else(|| {
                    text[p..]
                        .strip_prefix("以下简称")
                        .and_then(|r| docnum_at(docnums, text.len() - r.len()))
                })
            })
            .or_else(|| number_before(text, open, docnums));
        if let Some(i) = num {
            docnums[i].role = Role::Citation;
        }
        let idx = out.len();
        let alias_of = pending_alias
            .remove(&open)
            .or_else(|| aliases.get(&normalized_title).copied());
        if let Some(short) = declared_alias(text, end, docnums, num) {
            // `《甲》、《乙》（以下简称《A》、《B》）`: the short forms abbreviate the run of titles
            // before them in order, not all the last title.
            let shorts = alias_run(text, short);
            let mut run = 1;
            while run < shorts.len() && run <= out.len() {
                let prev = &out[idx - run];
                let next_start = if run == 1 {
                    open
                } else {
                    out[idx - run + 1].span.start
                };
                let between = &text[prev.span.end..next_start];
                if !between
                    .chars()
                    .all(|c| matches!(c, '、' | '，' | ',') || c.is_whitespace())
                {
                    break;
                }
                run += 1;
            }
            if shorts.len() > 1 && run == shorts.len() {
                for (j, &pos) in shorts.iter().enumerate() {
                    pending_alias.insert(pos, idx + 1 - run + j);
                }
            } else {
                pending_alias.insert(short, idx);
            }
        }
        let key = match (num, alias_of) {
            (Some(i), _) => docnums[i].normalized.clone(),
            (None, Some(full)) => out[full].key.clone(),
            (None, None) => normalized_title.clone(),
        };
        if let Some(full) = alias_of {
            aliases.insert(normalized_title.clone(), full);
        }
        out.push(Citation {
            span: Span::new(open, end),
            kind: classify(&title),
            issuer: title_issuer(&title),
            title,
            normalized_title,
            key,
            docnum: num,
            registry_status: String::new(),
            law_status: String::new(),
            repealed_on: String::new(),
            replaced_by: String::new(),
        });
        at = end;
    }
    let left_out = crate::extract::cut_to(&mut out, most).map(|c| c.span);
    // A title cited once with its number and elsewhere without is still that number.
    let mut numbered: HashMap<String, String> = HashMap::new();
    for c in &out {
        if let Some(i) = c.docnum {
            numbered
                .entry(c.normalized_title.clone())
                .or_insert_with(|| docnums[i].normalized.clone());
        }
    }
    for c in out.iter_mut().filter(|c| c.docnum.is_none()) {
        if let Some(k) = numbered.get(&c.normalized_title) {
            c.key = k.clone();
        }
    }
    (out, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_short_forms_maps_to_the_run_of_titles_in_order() {
        let text = "根据《中华人民共和国药品管理法》、《中华人民共和国海关法》（以下简称《药品管理法》、《海关法》）制定。依照《药品管理法》和《海关法》办理。";
        let cites = extract_citations(text, &mut []);
        let keys: Vec<(&str, &str)> = cites
            .iter()
            .map(|c| (c.title.as_str(), c.key.as_str()))
            .collect();
        assert_eq!(
            keys[4..],
            [
                ("药品管理法", "中华人民共和国药品管理法"),
                ("海关法", "中华人民共和国海关法")
            ]
        );
    }
    use crate::extract::docnum::extract_docnums;

    fn cite(text: &str) -> (Vec<Citation>, Vec<DocNum>) {
        let mut nums = extract_docnums(text);
        let c = extract_citations(text, &mut nums);
        (c, nums)
    }

    #[test]
    fn titles_as_written() {
        let cases: &[(&str, &[&str])] = &[
            (
                "根据《关于修改〈中华人民共和国立法法〉的决定》修正",
                &["关于修改〈中华人民共和国立法法〉的决定"],
            ),
            (
                "《关于印发《某某细则》的通知》",
                &["关于印发《某某细则》的通知"],
            ),
            ("审议《纲要（草案）》", &["纲要（草案）"]),
            (
                "暂时调整实施《中华人民共和国药品管理法\n\n实施条例》有关规定",
                &["中华人民共和国药品管理法实施条例"],
            ),
            ("《甲》《乙》、《丙》", &["甲", "乙", "丙"]),
            ("未闭合《标题。后文《乙》", &["乙"]),
            ("《人民日报》", &["人民日报"]),
        ];
        for &(text, want) in cases {
            let (c, _) = cite(text);
            let got: Vec<&str> = c.iter().map(|c| c.title.as_str()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn spans_cover_the_marks() {
        let text = "依据《甲法》（国发〔2018〕1号）";
        let (c, nums) = cite(text);
        assert_eq!(c[0].span.text(text), "《甲法》");
        assert_eq!(nums[c[0].docnum.unwrap()].role, Role::Citation);
    }

    #[test]
    fn number_after_spaces_and_half_width_paren_is_attached() {
        let (c, _) = cite("《某省人民政府关于某事的通知》 (某政发〔2019〕67号)");
        assert!(c[0].docnum.is_some());
        let (c, _) = cite("《某通知》（2019年修订）");
        assert_eq!(c[0].docnum, None);
    }

    #[test]
    fn title_variants_normalise_alike() {
        let variants = [
            "法治保山建设规划(2021一2025年)",
            "法治保山建设规划2021—2025年",
            "法治保山建设规划（2021－2025年）",
            "法治保山建设规划2021～2025年",
            "法治保山建设规划 2021-2025年",
            "法治保山建设规划\u{200b}（2021年—2025年）",
        ];
        for v in variants {
            assert_eq!(normalize_title(v), "法治保山建设规划2021-2025年", "{v}");
        }
        assert_eq!(
            normalize_title("关于修改〈立法法〉的决定"),
            normalize_title("关于修改《立法法》的决定")
        );
    }

    #[test]
    fn kinds_from_the_form_of_the_title() {
        use CitationKind::*;
        let cases = [
            ("中华人民共和国立法法", Law),
            ("劳动法", Law),
            ("信访条例", Regulation),
            ("中华人民共和国政府信息公开条例", Regulation),
            ("云南省优化营商环境条例", LocalRegulation),
            ("北京市城市市容环境卫生条例", LocalRegulation),
            ("机动车登记规定", Rule),
            ("云南省重大行政决策程序规定", Rule),
            (
                "最高人民法院关于审理行政赔偿案件若干问题的规定",
                JudicialInterpretation,
            ),
            (
                "国务院关于促进融资担保行业加快发展的意见",
                NormativeDocument,
            ),
            (
                "北京市人民政府关于维护楼房阳台整洁的规定",
                NormativeDocument,
            ),
            ("关于修改部分法律的决定", NormativeDocument),
            ("法治保山建设规划(2021一2025年)", Plan),
            ("保山市法治政府建设实施纲要2021—2025年", Plan),
            ("国民经济和社会发展第十四个五年规划纲要（草案）", Plan),
            ("福建省国民经济和社会发展第十五个五年规划纲要草案", Plan),
            ("中华人民共和国民法典", Law),
            ("药品生产质量管理规范", Rule),
            ("GB/T 9704-2012", Standard),
            ("人民日报", Other),
            ("推进“四化”联动 提升公开效能", Other),
        ];
        for (t, k) in cases {
            assert_eq!(classify(t), k, "{t}");
        }
    }

    #[test]
    fn issuers_at_the_start_of_the_title() {
        assert_eq!(
            title_issuer("国务院办公厅关于调整白银经济政策问题的复函"),
            "国务院办公厅"
        );
        assert_eq!(
            title_issuer("中共中央办公厅　国务院办公厅关于某事的意见"),
            "中共中央办公厅 国务院办公厅"
        );
        assert_eq!(
            title_issuer("云南省人民政府办公厅关于某事的实施意见"),
            "云南省人民政府办公厅"
        );
        assert_eq!(title_issuer("关于修改部分法律的决定"), "");
        assert_eq!(title_issuer("信访条例"), "");
    }

    #[test]
    fn unattached_repeat_takes_the_number_key() {
        let (c, _) = cite("《甲通知》（国发〔2018〕1号）……落实《甲通知》要求");
        assert_eq!(c[1].key, "国发〔2018〕1号");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_on_boundaries(s in "[《》〈〉（）()国发〔〕2018号令第简称以下甲乙\n 　a-z]{0,60}") {
            let mut nums = extract_docnums(&s);
            for c in extract_citations(&s, &mut nums) {
                proptest::prop_assert!(s.is_char_boundary(c.span.start));
                proptest::prop_assert!(s.is_char_boundary(c.span.end));
                proptest::prop_assert!(s[c.span.start..].starts_with('《'));
                proptest::prop_assert!(s[..c.span.end].ends_with('》'));
                if let Some(i) = c.docnum {
                    proptest::prop_assert!(i < nums.len());
                }
            }
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            let mut nums = extract_docnums(&s);
            let _ = extract_citations(&s, &mut nums);
        }
    }
}
