//! Structural numbering rules (GB/T 9704-2012 7.3.3): the form of each ordinal, gaps and repeats
//! within a level, and the order of levels.
//!
//! Shared here: the ordinal a line starts with (also asked by the punctuation rules), and the
//! body lines as the three rules read them, computed once per document.

pub mod heading_level_order;
pub mod heading_number_form;
pub mod heading_number_sequence;

use std::sync::LazyLock;

use regex::Regex;

use super::text;
use crate::check::DocContext;

/// The kind of a structural ordinal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Chapter,
    Section,
    Article,
    /// 一、
    Cn,
    /// （一）
    CnParen,
    /// 1.
    Arabic,
    /// （1）
    ArabicParen,
    /// ①
    Circled,
}

impl Kind {
    /// Depth in the 一、 → （一） → 1. → （1） order; chapters and articles sit above it.
    pub(super) fn rank(self) -> i8 {
        match self {
            Kind::Chapter => -3,
            Kind::Section => -2,
            Kind::Article => -1,
            Kind::Cn => 1,
            Kind::CnParen => 2,
            Kind::Arabic => 3,
            Kind::ArabicParen => 4,
            Kind::Circled => 5,
        }
    }

    pub(super) fn show(self, n: u32) -> String {
        let cn = cn_of(n);
        match self {
            Kind::Chapter => format!("第{cn}章"),
            Kind::Section => format!("第{cn}节"),
            Kind::Article => format!("第{cn}条"),
            Kind::Cn => format!("{cn}、"),
            Kind::CnParen => format!("（{cn}）"),
            Kind::Arabic => format!("{n}."),
            Kind::ArabicParen => format!("（{n}）"),
            Kind::Circled => char::from_u32(0x2460 + n.saturating_sub(1))
                .map(String::from)
                .unwrap_or_default(),
        }
    }
}

pub fn cn_of(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ if n % 10 == 0 && n < 100 => format!("{}十", D[(n / 10) as usize]),
        _ if n < 100 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// An ordinal at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub kind: Kind,
    pub level: i8,
    pub n: u32,
    /// Bytes of the ordinal and its punctuation.
    pub len: usize,
    /// The correct form when the ordinal is written wrongly.
    pub fix: Option<String>,
}

/// The structural ordinal that `line` (already trimmed) starts with.
pub fn heading_marker(line: &str) -> Option<Heading> {
    // Most lines start with none of the characters an ordinal can start with; several rules ask
    // this of every line, and the patterns below cost far more than this test.
    let first = line.chars().next()?;
    if !(first == '第'
        || first == '（'
        || first == '('
        || first.is_ascii_digit()
        || ('①'..='⑳').contains(&first)
        || ('⒈'..='⒛').contains(&first)
        || text::cn_digit(first).is_some())
    {
        return None;
    }
    // ⒈ to ⒛ (one character each: digits with a full stop) are the ordinals 1. to 20. that some
    // texts use for the first item of a list.
    if ('⒈'..='⒛').contains(&first) {
        return Some(Heading {
            kind: Kind::Arabic,
            level: Kind::Arabic.rank(),
            n: first as u32 - '⒈' as u32 + 1,
            len: first.len_utf8(),
            fix: None,
        });
    }
    let next_is_digit = |end: usize| text::char_at(line, end).is_some_and(|c| c.is_ascii_digit());
    if let Some((digits, what, end)) = chapter(line) {
        let kind = match what {
            '章' => Kind::Chapter,
            '节' => Kind::Section,
            _ => Kind::Article,
        };
        return Some(Heading {
            kind,
            level: kind.rank(),
            n: text::cn_number(digits).unwrap_or(0),
            len: end,
            fix: None,
        });
    }
    let (kind, (digits, sep, end)) = if let Some(m) = paren(line, is_cn_ordinal_digit, 3) {
        (Kind::CnParen, m)
    } else if let Some(m) = paren(line, |c| c.is_ascii_digit(), 2) {
        (Kind::ArabicParen, m)
    } else if let Some(m) = bare(line, is_cn_ordinal_digit, 3) {
        (Kind::Cn, m)
    } else if let Some(m) = bare(line, |c| c.is_ascii_digit(), 2) {
        (Kind::Arabic, m)
    } else if let Some(m) = circled(line) {
        (Kind::Circled, m)
    } else {
        return None;
    };
    // （四）、（五）项所列人员 and （二）项规定的 refer to items: they open a sentence, not an item.
    if let (Kind::CnParen | Kind::ArabicParen, Some(close)) = (kind, line.find(['）', ')'])) {
        // After the closing bracket, whatever separator the item form took in.
        let rest = &line[close + line[close..].chars().next().map_or(0, char::len_utf8)..];
        let joined = rest
            .strip_prefix(['、', '至', '和', '或', '到', '及', '与'])
            .is_some_and(|r| r.starts_with(['（', '(']));
        // 项目 and 款项 are words that items often start with; a reference goes on 项规定、项所列.
        let refers = rest
            .strip_prefix(['项', '款'])
            .is_some_and(|r| REFERENCE_TAIL.iter().any(|t| r.starts_with(t)));
        if joined || refers {
            return None;
        }
    }
    // 1.5万 and 1、2月 are numbers, not ordinals (一、2025年工作回顾 is one).
    if matches!(kind, Kind::Arabic | Kind::ArabicParen) && next_is_digit(end) {
        return None;
    }
    let n = match kind {
        Kind::Cn | Kind::CnParen => text::cn_number(digits)?,
        Kind::Circled => digits.chars().next()? as u32 - 0x2460 + 1,
        _ => digits.parse().ok()?,
    };
    // 一、二级医院和三、四类企业…: numbers counted, not an ordinal.
    if kind == Kind::Cn && text::is_numeral_list(n, &line[end..]) {
        return None;
    }
    let fix = match (kind, sep) {
        (Kind::Cn, Some("、")) => None,
        (Kind::Arabic, Some(".") | Some("．")) => None,
        (Kind::CnParen | Kind::ArabicParen | Kind::Circled, None) => None,
        _ => Some(kind.show(n)),
    };
    Some(Heading {
        kind,
        level: kind.rank(),
        n,
        len: end,
        fix,
    })
}

/// What follows 项 or 款 when an item number is referred to rather than opening the item.
const REFERENCE_TAIL: [&str; 10] = [
    "规定", "所列", "所称", "所指", "的", "情形", "之", "中", "、", "和",
];

/// The ordinal forms are parsed by hand: several rules ask for the ordinal of every line, and
/// five regex searches with captures per line cost more than all the rest of those rules.
/// `tests::heading_forms_match_their_patterns` holds the parser to the patterns it replaces.
fn is_cn_ordinal_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The run of `digit` characters at the start of `s`, if it is 1 to `max` long.
fn digit_run(s: &str, digit: impl Fn(char) -> bool, max: usize) -> Option<&str> {
    let mut end = 0;
    for (n, c) in s.chars().enumerate() {
        if !digit(c) {
            break;
        }
        if n == max {
            return None;
        }
        end += c.len_utf8();
    }
    (end > 0).then(|| &s[..end])
}

/// The separator that may follow an ordinal (、，,.．), if `s` starts with one.
fn separator(s: &str) -> Option<&str> {
    let c = s.chars().next()?;
    matches!(c, '、' | '，' | ',' | '.' | '．').then(|| &s[..c.len_utf8()])
}

/// `^第([一二三四五六七八九十百]+)(章|节|条)`: the numeral, the unit and the end.
fn chapter(line: &str) -> Option<(&str, char, usize)> {
    let rest = line.strip_prefix('第')?;
    let digits = digit_run(rest, |c| is_cn_ordinal_digit(c) || c == '百', usize::MAX)?;
    let what = rest[digits.len()..].chars().next()?;
    matches!(what, '章' | '节' | '条').then(|| {
        let end = '第'.len_utf8() + digits.len() + what.len_utf8();
        (digits, what, end)
    })
}

/// `^[（(](digits{1,max})[）)](sep)?`.
fn paren(
    line: &str,
    digit: impl Fn(char) -> bool,
    max: usize,
) -> Option<(&str, Option<&str>, usize)> {
    let rest = line.strip_prefix('（').or_else(|| line.strip_prefix('('))?;
    let digits = digit_run(rest, digit, max)?;
    let after = &rest[digits.len()..];
    let close = after.chars().next().filter(|c| matches!(c, '）' | ')'))?;
    let after = &after[close.len_utf8()..];
    let sep = separator(after);
    let end = line.len() - after.len() + sep.map_or(0, str::len);
    Some((digits, sep, end))
}

/// `^(digits{1,max})(sep)`.
fn bare(
    line: &str,
    digit: impl Fn(char) -> bool,
    max: usize,
) -> Option<(&str, Option<&str>, usize)> {
    let digits = digit_run(line, digit, max)?;
    let sep = separator(&line[digits.len()..])?;
    Some((digits, Some(sep), digits.len() + sep.len()))
}

/// `^([①-⑳])(sep)?`.
fn circled(line: &str) -> Option<(&str, Option<&str>, usize)> {
    let c = line.chars().next().filter(|c| ('①'..='⑳').contains(c))?;
    let digit = &line[..c.len_utf8()];
    let sep = separator(&line[digit.len()..]);
    Some((digit, sep, digit.len() + sep.map_or(0, str::len)))
}

static RUN_TOGETHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[；。：][ \u{3000}]+[（(][一二三四五六七八九十]{1,3}[）)]").unwrap()
});

/// Lines that start an attachment page, where numbering starts again.
pub(super) fn is_attachment_page(t: &str) -> bool {
    t.strip_prefix("附件")
        .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()))
}

/// Trimmed body lines with the offset of their first character.
pub(super) fn body_lines<'c>(ctx: &'c DocContext) -> &'c [(usize, std::borrow::Cow<'c, str>)] {
    ctx.shared
        .body_lines
        .get_or_init(|| compute_body_lines(ctx.text_lines()))
}

fn compute_body_lines<'t>(lines: &[(usize, &'t str)]) -> Vec<(usize, std::borrow::Cow<'t, str>)> {
    // At most a line each: made at that size, not doubled as it fills.
    let mut v: Vec<(usize, std::borrow::Cow<str>)> = Vec::with_capacity(lines.len());
    let mut lone_open: Option<usize> = None;
    // Unclosed “ carried from earlier lines, and for how many more lines to trust it: a stray
    // unclosed quote must not silence the rest of the document.
    let mut open_quotes = 0i32;
    let mut quote_lines = 0;
    // The last item number read outside quotations.
    let mut outer: Option<(Kind, u32)> = None;
    // Whether the open quotation numbers items of the outer kind itself.
    let mut inner_numbering = false;
    for &(start, line) in lines {
        let i = text::indent_len(line);
        let t = line[i..].trim_end();
        if t.is_empty() {
            continue;
        }
        // Amended or cited text quoted over several paragraphs (将第三十八条修改为：“……) has its
        // own numbering.
        // The next item of the numbering outside the quotation (二十四、 after 二十三、…：“…) ends
        // a quotation whose closing ” the text lost.
        // Unless the quotation numbers items of that kind itself (1.将第一条修改为：“…1.… 2.…).
        let marker = if open_quotes > 0 {
            heading_marker(t)
        } else {
            None
        };
        let same_kind = marker
            .as_ref()
            .zip(outer)
            .filter(|(h, (kind, _))| h.kind == *kind);
        let resumes = !inner_numbering && same_kind.is_some_and(|(h, (_, n))| h.n == n + 1);
        inner_numbering |= same_kind.is_some() && !resumes;
        let quoted = open_quotes > 0 && quote_lines > 0 && !resumes;
        quote_lines = if quoted { quote_lines - 1 } else { 30 };
        open_quotes = if quoted { open_quotes } else { 0 };
        // “ and ” are E2 80 9C and E2 80 9D: found by their lead byte, without decoding the line.
        let tb = t.as_bytes();
        let (opened, closed) =
            memchr::memchr_iter(0xE2, tb).fold((0, 0), |(o, c), i| match tb.get(i + 1..i + 3) {
                Some([0x80, 0x9C]) => (o + 1, c),
                Some([0x80, 0x9D]) => (o, c + 1),
                _ => (o, c),
            });
        // A quotation over several paragraphs opens each of them with “ and closes only the
        // last (GB/T 15834 4.1.3.2): a “ that starts a paragraph inside an open quotation
        // continues it rather than nesting a new one.
        let continues = open_quotes > 0 && t.starts_with('“');
        open_quotes = (open_quotes + opened - i32::from(continues) - closed).max(0);
        if quoted {
            continue;
        }
        inner_numbering = false;
        if let Some(h) = heading_marker(t) {
            outer = Some((h.kind, h.n));
        }
        // Web pages sometimes break “（” off its ordinal: （ / 三）改革开放……
        if t == "（" || t == "(" {
            lone_open = Some(start + i);
            continue;
        }
        if let Some(at) = lone_open.take() {
            v.push((at, format!("（{t}").into()));
            continue;
        }
        // Items run together on one line by a web page: ……服务； （三）支持……
        let mut from = 0;
        // Only a line with a space can hold such items: the others need no search.
        let spaced =
            tb.contains(&b' ') || memchr::memmem::find(tb, "\u{3000}".as_bytes()).is_some();
        for m in spaced
            .then(|| RUN_TOGETHER.find_iter(t))
            .into_iter()
            .flatten()
        {
            let gap = &m.as_str()['；'.len_utf8()..];
            let cut = m.start()
                + '；'.len_utf8()
                + (gap.len() - gap.trim_start_matches([' ', '\u{3000}']).len());
            v.push((
                start + i + from,
                t[from..m.start() + '；'.len_utf8()].into(),
            ));
            from = cut;
        }
        v.push((start + i + from, t[from..].into()));
    }
    v
}

/// A note under a table (注：1、……) numbers its own items: read past the label.
pub(super) fn strip_note(start: usize, t: &str) -> (usize, &str) {
    for p in ["注：", "注:", "说明：", "附件：", "附件:", "附件"] {
        if let Some(r) = t.strip_prefix(p) {
            return (start + p.len(), r);
        }
    }
    (start, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns the hand parsers of `heading_marker` replace, tried in the same order.
    fn by_patterns(line: &str) -> Option<(&'static str, String, Option<String>, usize)> {
        static PATTERNS: LazyLock<Vec<(&str, Regex)>> = LazyLock::new(|| {
            [
                ("chapter", r"^第([一二三四五六七八九十百]+)(章|节|条)"),
                (
                    "cn_paren",
                    r"^[（(]([一二三四五六七八九十]{1,3})[）)](、|，|,|\.|．)?",
                ),
                ("arabic_paren", r"^[（(]([0-9]{1,2})[）)](、|，|,|\.|．)?"),
                ("cn", r"^([一二三四五六七八九十]{1,3})(、|\.|．|，|,)"),
                ("arabic", r"^([0-9]{1,2})(\.|．|、|，|,)"),
                ("circled", r"^([①-⑳])(、|，|,|\.|．)?"),
            ]
            .into_iter()
            .map(|(name, p)| (name, Regex::new(p).unwrap()))
            .collect()
        });
        PATTERNS.iter().find_map(|(name, p)| {
            let c = p.captures(line)?;
            let sep = c.get(2).map(|m| m.as_str().to_string());
            Some((*name, c[1].to_string(), sep, c.get(0).unwrap().end()))
        })
    }

    fn by_parsers(line: &str) -> Option<(&'static str, String, Option<String>, usize)> {
        let own = |(d, s, e): (&str, Option<&str>, usize)| (d.to_string(), s.map(String::from), e);
        if let Some((d, what, e)) = chapter(line) {
            return Some(("chapter", d.to_string(), Some(what.to_string()), e));
        }
        let (name, (d, s, e)) = if let Some(m) = paren(line, is_cn_ordinal_digit, 3) {
            ("cn_paren", own(m))
        } else if let Some(m) = paren(line, |c| c.is_ascii_digit(), 2) {
            ("arabic_paren", own(m))
        } else if let Some(m) = bare(line, is_cn_ordinal_digit, 3) {
            ("cn", own(m))
        } else if let Some(m) = bare(line, |c| c.is_ascii_digit(), 2) {
            ("arabic", own(m))
        } else {
            ("circled", own(circled(line)?))
        };
        Some((name, d, s, e))
    }

    #[test]
    fn heading_forms_match_their_patterns() {
        let mut lines: Vec<String> = [
            "第一章 总则",
            "第十二条　",
            "第百章",
            "第一二三四五章",
            "第章",
            "第一",
            "第一、",
            "（一）",
            "（一）、",
            "(一)．",
            "（一二三）",
            "（一二三四）",
            "（一)",
            "（1）",
            "(12)",
            "(123)",
            "（）",
            "（",
            "一、",
            "一二三、",
            "一二三四、",
            "十，",
            "一是",
            "1.",
            "12、",
            "123.",
            "1.5万",
            "①",
            "①、",
            "⑳．",
            "㉑",
            "",
            "a",
            "１、",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in [root.join("corpus"), root.join("../shared/corpus/real")] {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    lines.extend(t.lines().map(|l| l.trim_start().to_string()));
                }
            }
        }
        let mut headings = 0;
        for l in &lines {
            let want = by_patterns(l);
            headings += usize::from(want.is_some());
            assert_eq!(by_parsers(l), want, "{l}");
        }
        assert!(
            headings > 100,
            "{headings} headings in {} lines",
            lines.len()
        );
    }

    #[test]
    fn markers() {
        let h = heading_marker("（一）、责任分工").unwrap();
        assert_eq!(
            (h.kind, h.n, h.fix.as_deref()),
            (Kind::CnParen, 1, Some("（一）"))
        );
        assert_eq!(heading_marker("1.摸清底数").unwrap().fix, None);
        assert_eq!(
            heading_marker("1、摸清底数").unwrap().fix.as_deref(),
            Some("1.")
        );
        assert!(heading_marker("1.5万元").is_none());
        assert!(heading_marker("1、2月份").is_none());
        assert!(heading_marker("一是加强").is_none());
        assert_eq!(heading_marker("十二、附则").unwrap().n, 12);
        assert_eq!(cn_of(23), "二十三");
    }
}
