//! Structural numbering rules (GB/T 9704-2012 7.3.3): the form of each ordinal, gaps and repeats
//! within a level, and the order of levels.

use std::sync::LazyLock;

use regex::Regex;

use super::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};

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
    fn rank(self) -> i8 {
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

    fn show(self, n: u32) -> String {
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

static DI_YI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第([一二三四五六七八九十]{1,3})、").unwrap());

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
        || text::cn_digit(first).is_some())
    {
        return None;
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
    // 1.5万 and 1、2月 are numbers, not ordinals (一、2025年工作回顾 is one).
    if matches!(kind, Kind::Arabic | Kind::ArabicParen) && next_is_digit(end) {
        return None;
    }
    let n = match kind {
        Kind::Cn | Kind::CnParen => text::cn_number(digits)?,
        Kind::Circled => digits.chars().next()? as u32 - 0x2460 + 1,
        _ => digits.parse().ok()?,
    };
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
    Regex::new(r"[；。][ \u{3000}]+[（(][一二三四五六七八九十]{1,3}[）)]").unwrap()
});

/// Lines that start an attachment page, where numbering starts again.
fn is_attachment_page(t: &str) -> bool {
    t.strip_prefix("附件")
        .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()))
}

/// Trimmed body lines with the offset of their first character.
fn body_lines<'c>(ctx: &'c DocContext) -> &'c [(usize, std::borrow::Cow<'c, str>)] {
    ctx.shared
        .body_lines
        .get_or_init(|| compute_body_lines(ctx.text_lines()))
}

fn compute_body_lines<'t>(lines: &[(usize, &'t str)]) -> Vec<(usize, std::borrow::Cow<'t, str>)> {
    let mut v: Vec<(usize, std::borrow::Cow<str>)> = Vec::new();
    let mut lone_open: Option<usize> = None;
    // Unclosed “ carried from earlier lines, and for how many more lines to trust it: a stray
    // unclosed quote must not silence the rest of the document.
    let mut open_quotes = 0i32;
    let mut quote_lines = 0;
    for &(start, line) in lines {
        let i = text::indent_len(line);
        let t = line[i..].trim_end();
        if t.is_empty() {
            continue;
        }
        // Amended or cited text quoted over several paragraphs (将第三十八条修改为：“……) has its
        // own numbering.
        let quoted = open_quotes > 0 && quote_lines > 0;
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
        open_quotes = (open_quotes + opened - closed).max(0);
        if quoted {
            continue;
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

/// `heading-number-form`: a malformed ordinal.
pub static HEADING_NUMBER_FORM: Rule = Rule {
    id: "heading-number-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "层次序数的标点形式错误",
    doc: "检查：段首序号的标点：一. 一， 三． （一）、 （一）. 1、 1， （1）、 ①、 第一、。\n\
          原因：结构层次序数依次为“一、”“（一）”“1.”“（1）”；带括号的序号后不再加标点，“第一”后用逗号。\n\
          同一种错误写法通篇使用时只在首处报告一次。\n\
          错误：（一）、责任分工 · 1、摸清底数 · 二．强化…… · 第一、\n\
          正确：（一）责任分工 · 1.摸清底数 · 二、强化…… · 第一，\n\
          不报告：“第一条”等条款序号；1.5万、1、2月 这类数字；“1．”（全角下脚点，常见排版）。\n\
          半角括号“(一)”由 halfwidth-punct-in-cjk 报告。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3；GB/T 15834-2011 关于序次语的说明。",
    summary_en: "Wrong punctuation in a heading number",
    doc_en: "Checks: the punctuation of an item number at the start of a paragraph: 一. 一， 三． （一）、 （一）. 1、 1， （1）、 ①、 第一、.\n\
         Why: the levels of structure are numbered “一、”, “（一）”, “1.”, “（1）”; a number in parentheses takes no\n\
         further mark, and “第一” takes a comma. A wrong form used throughout is reported once, at the first place.\n\
         Wrong: （一）、责任分工 · 1、摸清底数 · 二．强化…… · 第一、\n\
         Right: （一）责任分工 · 1.摸清底数 · 二、强化…… · 第一，\n\
         Not reported: article numbers such as “第一条”; numbers such as 1.5万, 1、2月; “1．” (a full-width point,\n\
         common in typesetting). Half-width parentheses “(一)” are reported by halfwidth-punct-in-cjk.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3; the notes on ordinal words of GB/T 15834-2011.",
    check: Check::Doc(heading_number_form),
};

fn heading_number_form(ctx: &DocContext, out: &mut Vec<Finding>) {
    // Grouped by wrong form, so that a numbering style used throughout is one finding.
    let mut groups: Vec<(String, Vec<Finding>)> = Vec::new();
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        let (wrong, fix, len) = if let Some(h) = heading_marker(t) {
            match h.fix {
                Some(fix) => (t[..h.len].to_string(), fix, h.len),
                None => continue,
            }
        } else if let Some(c) = t.starts_with('第').then(|| DI_YI.captures(t)).flatten() {
            let m = c.get(0).unwrap();
            (m.as_str().to_string(), format!("第{}，", &c[1]), m.end())
        } else {
            continue;
        };
        let shape: String = wrong
            .chars()
            .map(|c| {
                if c.is_ascii_digit() || text::cn_digit(c).is_some() {
                    'N'
                } else {
                    c
                }
            })
            .collect();
        let f = text::finding(
            HEADING_NUMBER_FORM.id,
            start,
            start + len,
            msg!(
                zh = "层次序数“{wrong}”形式错误，应写作“{fix}”",
                en = "Heading number “{wrong}” has the wrong form: write “{fix}”"
            ),
        );
        match groups.iter_mut().find(|g| g.0 == shape) {
            Some(g) => g.1.push(f),
            None => groups.push((shape, vec![f])),
        }
    }
    for (shape, found) in groups {
        let example = found[0].message.clone();
        text::push_folded(out, found, |n| {
            msg!(
                zh = "全文{n}处层次序数写作“{shape}”式：{example}；此处为首处",
                en = "{n} heading numbers in this document take the form “{shape}”: {example}; this is the first"
            )
        });
    }
}

/// `heading-number-sequence`: a gap or a repeat within one level.
pub static HEADING_NUMBER_SEQUENCE: Rule = Rule {
    id: "heading-number-sequence",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "同级层次序数跳号、重号或倒序",
    doc: "检查：同一上级之下同级序号的跳号、重号（一、二、四、 · （一）（二）（二））和段内“一是、二是”\n\
          的跳号、重号（一是……三是）。\n\
          原因：序号跳、重使人以为漏了内容或多了内容，也使“第三项”之类的引用出错。\n\
          错误：一、 三、 四、 · （一） （二） （二） · 一是……三是……\n\
          正确：一、 二、 三、 · （一） （二） （三） · 一是……二是……\n\
          不报告：上级序号之后重新从1编号，或接着上一个上级之下的序号续编（国务院文件常把（一）至（三十）\n          连续编号）；表注“注：1、……”另起一组；附件页重新编号；目录与正文各编一遍；“第一条”等条款（法规\n\
          条文常有“第××条之一”）。“一是”序列在新的层次标题处重新开始。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3。",
    summary_en: "Heading numbers of one level skipped, repeated or out of order",
    doc_en: "Checks: numbers of one level under the same parent that skip or repeat (一、二、四、 · （一）（二）（二）),\n\
         and the same in runs of “一是、二是” within a paragraph (一是……三是).\n\
         Why: a skipped or repeated number makes readers think something is missing or added, and breaks\n\
         references such as “the third item”.\n\
         Wrong: 一、 三、 四、 · （一） （二） （二） · 一是……三是……\n\
         Right: 一、 二、 三、 · （一） （二） （三） · 一是……二是……\n\
         Not reported: numbering that restarts from 1 after a higher-level number, or continues the numbers under\n\
         the previous parent (State Council documents often number （一） to （三十） straight through); notes\n\
         “注：1、……” starting a group of their own; attachment pages numbered afresh; a table of contents and the\n\
         body each numbered once; articles such as “第一条” (regulations often have “第××条之一”). A run of “一是”\n\
         starts again at each new heading.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    check: Check::Doc(heading_number_sequence),
};

static SHI_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[。；;：:，,！\s\u{3000}])([一二三四五六七八九十]{1,2})是").unwrap()
});

fn heading_number_sequence(ctx: &DocContext, out: &mut Vec<Finding>) {
    // The open levels, outermost first, with the last number of each; chapters, sections and
    // articles are tracked apart, since judicial interpretations put articles under 一、.
    let mut stack: Vec<(Kind, u32)> = Vec::new();
    let mut legal: Vec<(Kind, u32)> = Vec::new();
    // The last number of each kind anywhere: many documents number （一）… on across parents.
    let mut last_seen: Vec<(Kind, u32)> = Vec::new();
    // The last number of the current 一是/二是 run.
    let mut shi: Option<u32> = None;
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        if is_attachment_page(t) {
            stack.clear();
            legal.clear();
            last_seen.clear();
            shi = None;
            continue;
        }
        let (start, t) = strip_note(start, t);
        if let Some(h) = heading_marker(t) {
            shi = None;
            let span = (start, start + h.len);
            if h.kind == Kind::Article {
                // An article holds its own items: （一） starts again under each.
                stack.retain(|s| s.0.rank() < Kind::CnParen.rank());
            }
            let stack = if h.level < 0 { &mut legal } else { &mut stack };
            let before = last_seen.iter().find(|s| s.0 == h.kind).map(|s| s.1);
            match last_seen.iter_mut().find(|s| s.0 == h.kind) {
                Some(s) => s.1 = h.n,
                None => last_seen.push((h.kind, h.n)),
            }
            if let Some(p) = stack.iter().rposition(|s| s.0 == h.kind) {
                stack.truncate(p + 1);
                let last = stack[p].1;
                stack[p].1 = h.n;
                if h.kind == Kind::Article || h.n == last + 1 || h.n == 1 || h.n == 0 || last == 0 {
                    continue;
                }
                let msg = if h.n == last {
                    msg!(
                        zh = "层次序数重号：上一项已是“{}”，此处应为“{}”",
                        en = "Repeated heading number: the previous item is already “{}”; this one should be “{}”",
                        h.kind.show(last),
                        h.kind.show(last + 1)
                    )
                } else if h.n > last + 1 {
                    let missing: Vec<String> =
                        (last + 1..h.n).take(5).map(|k| h.kind.show(k)).collect();
                    msg!(
                        zh = "层次序数跳号：“{}”之后是“{}”，缺少“{}”",
                        en = "Skipped heading number: “{}” is followed by “{}”; “{}” is missing",
                        h.kind.show(last),
                        h.kind.show(h.n),
                        missing.join("")
                    )
                } else {
                    msg!(
                        zh = "层次序数倒序：“{}”之后是“{}”，应为“{}”",
                        en = "Heading numbers out of order: “{}” is followed by “{}”; it should be “{}”",
                        h.kind.show(last),
                        h.kind.show(h.n),
                        h.kind.show(last + 1)
                    )
                };
                out.push(text::finding(
                    HEADING_NUMBER_SEQUENCE.id,
                    span.0,
                    span.1,
                    msg,
                ));
            } else {
                stack.push((h.kind, h.n));
                let continues = before.is_some_and(|b| h.n == b + 1);
                if h.n > 1 && h.kind != Kind::Article && !continues {
                    let missing: Vec<String> = (1..h.n).take(5).map(|k| h.kind.show(k)).collect();
                    out.push(text::finding(
                        HEADING_NUMBER_SEQUENCE.id,
                        span.0,
                        span.1,
                        msg!(
                            zh = "本层第一项序号是“{}”，缺少“{}”",
                            en = "The first item of this level is numbered “{}”; “{}” is missing",
                            h.kind.show(h.n),
                            missing.join("")
                        ),
                    ));
                }
            }
        }
        let line_end = start + t.len();
        for c in SHI_RUN.captures_iter(t) {
            let m = c.get(1).unwrap();
            let Some(n) = text::cn_number(m.as_str()) else {
                continue;
            };
            let at = start + m.start();
            let end = (start + c.get(0).unwrap().end()).min(line_end);
            match shi {
                _ if n == 1 => shi = Some(1),
                Some(last) if n == last + 1 => shi = Some(n),
                Some(last) if n == last => out.push(text::finding(
                    HEADING_NUMBER_SEQUENCE.id,
                    at,
                    end,
                    msg!(
                        zh = "“{}是”重复：上一项已是“{}是”，此处应为“{}是”",
                        en = "“{}是” is repeated: the previous item is already “{}是”; this one should be “{}是”",
                        cn_of(n),
                        cn_of(last),
                        cn_of(last + 1)
                    ),
                )),
                Some(last) if n > last + 1 => {
                    out.push(text::finding(
                        HEADING_NUMBER_SEQUENCE.id,
                        at,
                        end,
                        msg!(
                            zh = "“{}是”之后是“{}是”，缺少“{}是”",
                            en = "“{}是” is followed by “{}是”; “{}是” is missing",
                            cn_of(last),
                            cn_of(n),
                            cn_of(last + 1)
                        ),
                    ));
                    shi = Some(n);
                }
                _ => {}
            }
        }
    }
}

/// A note under a table (注：1、……) numbers its own items: read past the label.
fn strip_note(start: usize, t: &str) -> (usize, &str) {
    for p in ["注：", "注:", "说明：", "附件：", "附件:", "附件"] {
        if let Some(r) = t.strip_prefix(p) {
            return (start + p.len(), r);
        }
    }
    (start, t)
}

/// `heading-level-order`: a shallower ordinal under a deeper one.
pub static HEADING_LEVEL_ORDER: Rule = Rule {
    id: "heading-level-order",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "层次序数层级颠倒",
    doc: "检查：同一上级之下浅层序号出现在深层序号之下，如（1）之后出现 1.，或 1. 之下出现（一）。\n\
          原因：层次依次为“一、”“（一）”“1.”“（1）”，颠倒后读者无法分辨从属关系。\n\
          错误：（一）…… （1）…… 1.…… · 1.…… （一）……\n\
          正确：（一）…… 1.…… （1）……\n\
          不报告：跳过一级（一、之下直接用 1.），许多公文如此，不算错；章、节、条之下的编号；附件页。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3。",
    summary_en: "Heading levels inverted",
    doc_en: "Checks: a higher-level number under a lower-level one within the same parent, such as 1. after （1）, or （一） under 1.\n\
         Why: the levels go “一、”, “（一）”, “1.”, “（1）”; inverted, they no longer show what belongs to what.\n\
         Wrong: （一）…… （1）…… 1.…… · 1.…… （一）……\n\
         Right: （一）…… 1.…… （1）……\n\
         Not reported: a skipped level (1. right under 一、), which many documents do and is not wrong; numbers\n\
         under chapters, sections and articles; attachment pages.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    check: Check::Doc(heading_level_order),
};

fn heading_level_order(ctx: &DocContext, out: &mut Vec<Finding>) {
    let mut stack: Vec<Kind> = Vec::new();
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        if is_attachment_page(t) {
            stack.clear();
            continue;
        }
        let (start, t) = strip_note(start, t);
        let Some(h) = heading_marker(t) else {
            // A short line without punctuation is an unnumbered heading (裁判理由): a new part.
            if t.chars().count() <= 15
                && !t
                    .chars()
                    .any(|c| text::is_cjk_punct(c) || c.is_ascii_punctuation())
            {
                stack.clear();
            }
            continue;
        };
        if h.level < 0 {
            // Articles hold their own items; a 一、 above them (judicial interpretations) stays.
            stack.retain(|k| k.rank() < Kind::CnParen.rank());
            continue;
        }
        if let Some(p) = stack.iter().rposition(|k| *k == h.kind) {
            stack.truncate(p + 1);
            continue;
        }
        if let Some(top) = stack.last().copied().filter(|k| k.rank() > h.level) {
            out.push(text::finding(
                HEADING_LEVEL_ORDER.id,
                start,
                start + h.len,
                msg!(
                    zh = "层次颠倒：“{}”出现在下一层的“{}”之下；层次应依次为“一、”“（一）”“1.”“（1）”",
                    en = "Heading levels inverted: “{}” appears under “{}”, which belongs to a lower level; the levels go “一、”, “（一）”, “1.”, “（1）” in that order",
                    &t[..h.len],
                    top.show(1).trim_end_matches(['、', '.'])
                ),
            ));
        }
        stack.push(h.kind);
    }
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
