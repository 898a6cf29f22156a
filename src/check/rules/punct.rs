//! Punctuation rules (GB/T 15834-2011).

use std::sync::LazyLock;

use regex::Regex;

use super::{attachment, numbering, text};
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};
use crate::i18n::tr;
use crate::span::Span;

/// `cjk-one-as-dash`: the numeral 一 written where a range needs the dash —.
pub static CJK_ONE_AS_DASH: Rule = Rule {
    id: "cjk-one-as-dash",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "数字之间的汉字“一”误作连接号",
    doc: "检查：两个阿拉伯数字之间用汉字“一”（U+4E00）表示起止，如 2021一2025年。\n\
          原因：表示时间、数值的起止用一字线“—”或浪纹线“～”；汉字“一”与一字线外形相近，常被输入法误选，\n\
          打印后读作“二〇二一一二〇二五”。\n\
          错误：2021一2025年 · 3一6月\n\
          正确：2021—2025年 · 3—6月\n\
          不报告：汉字数字串（二〇一六年），两侧须都是阿拉伯数字。\n\
          依据：GB/T 15834-2011《标点符号用法》4.13 连接号。",
    summary_en: "Chinese numeral “一” used as a dash between numbers",
    doc_en: "Checks: the Chinese character “一” (U+4E00) between two Arabic numbers to mark a range, as in 2021一2025年.\n\
         Why: ranges of time and quantity take the dash “—” or the wave dash “～”; “一” looks like the dash and is\n\
         often picked by mistake in the input method, and in print reads as “二〇二一一二〇二五”.\n\
         Wrong: 2021一2025年 · 3一6月\n\
         Right: 2021—2025年 · 3—6月\n\
         Not reported: strings of Chinese numerals (二〇一六年): both sides must be Arabic numbers.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.13 (connecting marks).",
    check: Check::Doc(cjk_one_as_dash),
};

static ONE_BETWEEN_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９]+一[0-9０-９]+").unwrap());

fn cjk_one_as_dash(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // 一 is common and digits rare: the pattern is searched for only when some 一 follows a digit.
    let after_digit = |p: usize| {
        text::char_before(text, p).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if !memchr::memmem::find_iter(text.as_bytes(), "一".as_bytes()).any(after_digit) {
        return;
    }
    for m in ONE_BETWEEN_DIGITS.find_iter(text) {
        let s = m.as_str();
        out.push(Finding::new(
            CJK_ONE_AS_DASH.id,
            Span::new(m.start(), m.end()),
            msg!(
                zh = "起止范围误用汉字“一”作连接号：“{s}”应写作“{}”",
                en = "A range uses the Chinese numeral “一” as its dash: write “{}”, not “{s}”",
                s.replacen('一', "—", 1)
            ),
        ));
    }
}

/// ASCII marks and the full-width marks Chinese text uses instead.
const ASCII_TO_FULL: &[(char, char)] = &[
    (',', '，'),
    ('.', '。'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
    (')', '）'),
];

/// `halfwidth-punct-in-cjk`: ASCII punctuation in Chinese text.
pub static HALFWIDTH_PUNCT_IN_CJK: Rule = Rule {
    id: "halfwidth-punct-in-cjk",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "中文语句中使用了半角标点",
    doc: "检查：紧挨汉字或全角标点的半角 , . ; : ? ! ( )。\n\
          原因：公文标点依 GB/T 15834 使用全角形式；半角逗号、括号在公文版面上显得窄小且不合规范。\n\
          全文通篇使用半角标点时只在首处报告一次，并给出各标点的处数。\n\
          错误：按期完成台账销号;四是…… · 2022年,市政府…… · 规划(2021—2025年)\n\
          正确：按期完成台账销号；四是…… · 2022年，市政府…… · 规划（2021—2025年）\n\
          不报告：小数 4.5、千分位 24,150、时刻 14:30、网址、标准编号、拉丁缩写，序号“1.”的下脚点；\n\
          直引号由 quote-form 报告，附件、联系人等标签后的冒号由 attachment-note-form、fullwidth-colon 报告，\n\
          “一.”之类序号由 heading-number-form 报告，“...”由 ellipsis-form 报告。\n\
          依据：GB/T 15834-2011《标点符号用法》；GB/T 9704-2012 第9章。",
    summary_en: "Half-width punctuation in Chinese text",
    doc_en: "Checks: half-width , . ; : ? ! ( ) next to Chinese characters or full-width punctuation.\n\
         Why: documents use the full-width punctuation of GB/T 15834; half-width commas and parentheses look cramped\n\
         on the page and are not standard. When a document uses half-width punctuation throughout, it is reported\n\
         once, at the first place, with the count of each mark.\n\
         Wrong: 按期完成台账销号;四是…… · 2022年,市政府…… · 规划(2021—2025年)\n\
         Right: 按期完成台账销号；四是…… · 2022年，市政府…… · 规划（2021—2025年）\n\
         Not reported: decimals 4.5, thousands separators 24,150, times 14:30, web addresses, standard numbers,\n\
         Latin abbreviations, the point of an item number “1.”; straight quotes (quote-form), colons after labels\n\
         such as 附件 and 联系人 (attachment-note-form, fullwidth-colon), numbers such as “一.”\n\
         (heading-number-form) and “...” (ellipsis-form) are reported by their own rules.\n\
         Source: GB/T 15834-2011 《标点符号用法》; GB/T 9704-2012 chapter 9.",
    check: Check::Doc(halfwidth_punct_in_cjk),
};

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(https?://|www\.)[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+").unwrap()
});
static CN_ORDINAL_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s\u{3000}]*[（(]?[一二三四五六七八九十]+[）)]?\.").unwrap());

fn halfwidth_punct_in_cjk(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // Made only for a document with an ASCII colon in Chinese text.
    let labels = std::cell::OnceCell::new();
    let mut found = Vec::new();
    let mut counts: Vec<(char, usize)> = Vec::new();
    // Only the drafter's lines with one of the ASCII marks are read; SIMD byte searches find
    // them.
    for (start, line) in ctx.lines_with_bytes(b",.;:?!()") {
        // Searched only when a mark sits by Chinese text.
        let urls = std::cell::OnceCell::new();
        let urls = || -> &Vec<(usize, usize)> {
            urls.get_or_init(|| URL.find_iter(line).map(|m| (m.start(), m.end())).collect())
        };
        let ordinal_dot = std::cell::OnceCell::new();
        let ordinal_dot =
            || *ordinal_dot.get_or_init(|| CN_ORDINAL_DOT.find(line).map(|m| m.end() - 1));
        // The marks are ASCII, so their bytes are found without decoding the line.
        for (i, b) in line.bytes().enumerate() {
            if !matches!(b, b',' | b'.' | b';' | b':' | b'?' | b'!' | b'(' | b')') {
                continue;
            }
            let c = char::from(b);
            let Some(&(_, full)) = ASCII_TO_FULL.iter().find(|(a, _)| *a == c) else {
                continue;
            };
            let prev = text::char_before(line, i);
            let next = text::char_at(line, i + 1);
            if !(prev.is_some_and(text::is_cjk) || next.is_some_and(text::is_cjk)) {
                continue;
            }
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            let guarded = match c {
                // 4.5 and the ordinal 1. (its dot is the right mark); U.S. style abbreviations.
                // ... is an ellipsis written wrongly (ellipsis-form), not a full stop.
                '.' => {
                    digit(prev)
                        || latin(prev)
                        || ordinal_dot() == Some(i)
                        || prev == Some('.')
                        || next == Some('.')
                }
                ',' | ':' => digit(prev) && digit(next),
                // 1? is a character the page could not encode (1‱), not a question.
                '?' => digit(prev),
                _ => false,
            };
            if guarded
                || urls().iter().any(|&(s, e)| s <= i && i < e)
                || (c == ':'
                    && labels
                        .get_or_init(|| label_colons(text))
                        .contains(&(start + i)))
            {
                continue;
            }
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
            found.push(text::finding(
                HALFWIDTH_PUNCT_IN_CJK.id,
                start + i,
                start + i + 1,
                msg!(
                    zh = "中文语句中误用半角“{c}”，应使用全角“{full}”",
                    en = "Half-width “{c}” in Chinese text: use the full-width “{full}”"
                ),
            ));
        }
    }
    text::push_folded(out, found, |n| {
        let parts: Vec<String> = counts
            .iter()
            .map(|(c, k)| msg!(zh = "“{c}”{k}处", en = "“{c}” ×{k}"))
            .collect();
        let fulls: String = counts
            .iter()
            .filter_map(|(c, _)| ASCII_TO_FULL.iter().find(|(a, _)| a == c).map(|p| p.1))
            .collect();
        msg!(
            zh = "全文通篇使用半角标点，共{n}处（{}），中文语句中应使用全角标点“{fulls}”；此处为首处",
            en = "This document uses half-width punctuation throughout, {n} places ({}); Chinese text takes the full-width “{fulls}”; this is the first",
            parts.join(tr("、", ", "))
        )
    });
}

/// Byte ranges inside “” on one line (slogans and names quoted as written).
fn quote_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i + c.len_utf8()));
                }
            }
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

/// `range-mark-form`: a range written with a hyphen, a 破折号 or an ASCII tilde.
pub static RANGE_MARK_FORM: Rule = Rule {
    id: "range-mark-form",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "数值、时间起止误用短横线、破折号或半角浪纹线",
    doc: "检查：两个数字之间表示起止的 -（连字符）、——（破折号）或半角 ~，如 2016-2020年、3——6月。\n\
          原因：标示时间、数值起止用一字线“—”或浪纹线“～”；短横线用于编号和日期的数字形式，破折号不作连接号。\n\
          错误：2016-2020年 · 3——6月 · 20~30人\n\
          正确：2016—2020年 · 3—6月 · 20～30人\n\
          不报告：2025-04-30 这类日期、电话号码、标准编号（GB/T 15835-2011）、代码，“——2025年1月22日在……会议上”\n\
          这类副题，全角“－”（法治政府建设实施纲要（2021－2025年））；第二个数后须紧跟单位或年、月、日。\n\
          依据：GB/T 15834-2011《标点符号用法》4.13 连接号。",
    summary_en: "Hyphen, double dash or half-width tilde in a range of numbers or dates",
    doc_en: "Checks: a hyphen -, a double dash —— or a half-width ~ marking a range between two numbers, as in\n\
         2016-2020年, 3——6月.\n\
         Why: ranges of time and quantity take the dash “—” or the wave dash “～”; the hyphen belongs in codes and\n\
         numeric dates, and the double dash is not a connecting mark.\n\
         Wrong: 2016-2020年 · 3——6月 · 20~30人\n\
         Right: 2016—2020年 · 3—6月 · 20～30人\n\
         Not reported: dates such as 2025-04-30, telephone numbers, standard numbers (GB/T 15835-2011), codes,\n\
         subtitles such as “——2025年1月22日在……会议上”, the full-width “－” (法治政府建设实施纲要（2021－2025年））;\n\
         the second number must be followed by a unit or by 年, 月, 日.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.13 (connecting marks).",
    check: Check::Doc(range_mark_form),
};

static BAD_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{1,4}(?:\.[0-9]+)?)(年|月|日|%)?(-|~|——|－－|--)([0-9]{1,4}(?:\.[0-9]+)?)(年|月|日|%|万|亿|元|个|天|周|岁|时|小时|人|次|家|户|件|项|米|公里|吨|亩|倍|分)",
    )
    .unwrap()
});

fn range_mark_form(ctx: &DocContext, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    // The pattern starts with a digit.
    for &(start, line) in ctx.digit_lines() {
        for c in BAD_RANGE.captures_iter(line) {
            let m = c.get(0).unwrap();
            let prev = text::char_before(line, m.start());
            // Codes and standard numbers (GB/T 15835-2011, A3-5), and a date's month-day part.
            if prev.is_some_and(|p| p.is_ascii_alphanumeric() || "-/.－ ".contains(p)) {
                continue;
            }
            if text::char_at(line, m.end()).is_some_and(|n| n == '-' || n.is_ascii_digit()) {
                continue;
            }
            let mark = &c[3];
            let right = text::range_mark(mark);
            found.push(text::finding(
                RANGE_MARK_FORM.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "起止范围误用“{mark}”：“{}”应写作“{}”",
                    en = "A range uses “{mark}” as its dash: write “{1}”, not “{0}”",
                    m.as_str(),
                    m.as_str().replacen(mark, right, 1)
                ),
            ));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处起止范围用短横线、破折号或半角浪纹线，应使用一字线“—”或浪纹线“～”；此处为首处",
            en = "{n} ranges in this document use a hyphen, a double dash or a half-width tilde; a range takes the dash “—” or the wave dash “～”; this is the first"
        )
    });
}

/// `quote-form`: straight quotes, 「」, or double quotes nested in double quotes.
pub static QUOTE_FORM: Rule = Rule {
    id: "quote-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "引号形式错误（直引号、直角引号或双引号套双引号）",
    doc: "检查：中文语句中的直引号 \" '，简化字文本中的直角引号「」『』，以及双引号内又用双引号。\n\
          原因：横排中文用弯引号“”，引号内再引用用单引号‘’。通篇使用直引号时只在首处报告一次。\n\
          错误：\"最多跑一次\"改革 · 「放管服」 · “他说“可以””\n\
          正确：“最多跑一次”改革 · “放管服” · “他说‘可以’”\n\
          不报告：两侧都不是中文的直引号（英文、代码）；本段引号不成对时的嵌套（由 unpaired-marks 报告）。\n\
          依据：GB/T 15834-2011《标点符号用法》4.8 引号。",
    summary_en: "Wrong quotation marks (straight, corner, or double within double)",
    doc_en: "Checks: straight quotes \" ' in Chinese text, the corner quotes 「」『』 in simplified Chinese text, and double\n\
         quotes inside double quotes.\n\
         Why: horizontal Chinese text takes the curly quotes “”, and a quotation within a quotation the single\n\
         quotes ‘’. When a document uses straight quotes throughout, it is reported once, at the first place.\n\
         Wrong: \"最多跑一次\"改革 · 「放管服」 · “他说“可以””\n\
         Right: “最多跑一次”改革 · “放管服” · “他说‘可以’”\n\
         Not reported: straight quotes with no Chinese on either side (English, code); nesting in a paragraph whose\n\
         quotes do not pair up (unpaired-marks reports that).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.8 (quotation marks).",
    check: Check::Doc(quote_form),
};

fn quote_form(ctx: &DocContext, out: &mut Vec<Finding>) {
    let mut straight = Vec::new();
    let mut corner = Vec::new();
    for &(start, line) in ctx.text_lines() {
        let mut depth = 0usize;
        let mut nested: Option<usize> = None;
        // The marks are " ' and characters led by the bytes E2 (“”) and E3 (「」『』): only
        // those characters are decoded.
        let lb = line.as_bytes();
        let marks = text::merged(
            memchr::memchr3_iter(b'"', b'\'', 0xE2, lb),
            memchr::memchr_iter(0xE3, lb),
        );
        for i in marks {
            let Some(c) = line[i..].chars().next() else {
                continue;
            };
            match c {
                '"' | '\'' => {
                    let prev = text::char_before(line, i);
                    let next = text::char_at(line, i + 1);
                    if prev.is_some_and(text::is_cjk) || next.is_some_and(text::is_cjk) {
                        straight.push(text::finding(
                            QUOTE_FORM.id,
                            start + i,
                            start + i + 1,
                            msg!(
                                zh = "中文语句中误用直引号“{c}”，应使用弯引号{}",
                                en =
                                    "Straight quote “{c}” in Chinese text: use the curly quotes {}",
                                if c == '"' { "“”" } else { "‘’" }
                            ),
                        ));
                    }
                }
                '「' | '」' | '『' | '』' => corner.push(text::finding(
                    QUOTE_FORM.id,
                    start + i,
                    start + i + c.len_utf8(),
                    msg!(
                        zh = "简化字文本中误用直角引号“{c}”，应使用{}",
                        en = "Corner quote “{c}” in simplified Chinese text: use {}",
                        if matches!(c, '「' | '」') {
                            "“”"
                        } else {
                            "‘’"
                        }
                    ),
                )),
                '“' => {
                    if depth >= 1 && nested.is_none() {
                        nested = Some(i);
                    }
                    depth += 1;
                }
                '”' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        // Counted only for the rare line with a nested “.
        let balanced = || line.matches('“').count() == line.matches('”').count();
        if let Some(i) = nested.filter(|_| balanced()) {
            out.push(text::finding(
                QUOTE_FORM.id,
                start + i,
                start + i + '“'.len_utf8(),
                tr(
                    "双引号内又用双引号：引号内的引用应使用单引号‘’",
                    "Double quotes inside double quotes: a quotation within a quotation takes the single quotes ‘’",
                ),
            ));
        }
    }
    text::push_folded(out, straight, |n| {
        msg!(
            zh = "全文通篇使用直引号，共{n}处，中文语句中应使用弯引号“”‘’；此处为首处",
            en = "This document uses straight quotes throughout, {n} places; Chinese text takes the curly quotes “” ‘’; this is the first"
        )
    });
    text::push_folded(out, corner, |n| {
        msg!(
            zh = "全文{n}处使用直角引号「」『』，简化字文本应使用“”‘’；此处为首处",
            en = "{n} places in this document use the corner quotes 「」『』; simplified Chinese text takes “” ‘’; this is the first"
        )
    });
}

/// `unpaired-marks`: a paired mark left open or closed without opening.
pub static UNPAIRED_MARKS: Rule = Rule {
    id: "unpaired-marks",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号、括号、引号不成对",
    doc: "检查：一段之内不成对的《》（）“”〈〉【】（半角括号按同一种括号配对）。\n\
          原因：成对标点缺一半，读者无法判断引文、括注在何处结束，常是删改时漏删或漏补。\n\
          错误：应当及时调整（调整程序另行通知；逾期未调整的……\n\
          正确：应当及时调整（调整程序另行通知）；逾期未调整的……\n\
          不报告：跨段引文（前段不收引号、下段以“开头，或在60段内收引号）；在12行内闭合的括号、书名号\n          （折行的标题、法规题注）；\n\
          行首“1）”“一）”式序号；网页元数据行。\n\
          依据：GB/T 15834-2011《标点符号用法》（引号、括号、书名号均成对使用）。",
    summary_en: "Title marks, parentheses or quotation marks not in pairs",
    doc_en: "Checks: 《》 （） “” 〈〉 【】 without their other half within a paragraph (half-width parentheses pair like\n\
         full-width ones).\n\
         Why: with half a pair missing, readers cannot tell where a quotation or a parenthesis ends; usually a\n\
         mark was left behind or forgotten in an edit.\n\
         Wrong: 应当及时调整（调整程序另行通知；逾期未调整的……\n\
         Right: 应当及时调整（调整程序另行通知）；逾期未调整的……\n\
         Not reported: quotations running over paragraphs (a paragraph left open and the next starting with “, or\n\
         closed within 60 paragraphs); parentheses and title marks closed within 12 lines (wrapped titles, notes\n\
         under the title of a regulation); item numbers “1）”, “一）” at the start of a line; metadata lines of web pages.\n\
         Source: GB/T 15834-2011 《标点符号用法》 (quotation marks, parentheses and title marks come in pairs).",
    check: Check::Doc(unpaired_marks),
};

const OPENERS: &str = "《（(“〈【";
const CLOSERS: &str = "》）)”〉】";

fn pair_kind(c: char) -> Option<(usize, bool)> {
    // Asked of every character: a match compiles to a few comparisons. The kinds are the
    // positions in OPENERS and CLOSERS, with ( and （ one kind.
    Some(match c {
        '《' => (0, true),
        '（' | '(' => (1, true),
        '“' => (3, true),
        '〈' => (4, true),
        '【' => (5, true),
        '》' => (0, false),
        '）' | ')' => (1, false),
        '”' => (3, false),
        '〉' => (4, false),
        '】' => (5, false),
        _ => return None,
    })
}

static LINE_ORDINAL_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*([0-9]{1,2}|[一二三四五六七八九十]+|[a-zA-Z])[）)]").unwrap()
});

fn unpaired_marks(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // Openers still open: (kind, absolute byte, char, line number). A quotation may run over many
    // paragraphs and a law's 题注 （……通过 / ……修正） over several lines, so openers are carried
    // for a while before they count as unclosed.
    let mut open: Vec<(usize, usize, char, usize)> = Vec::new();
    let mut report = |at: usize, c: char, opener: bool| {
        let Some(i) = OPENERS
            .chars()
            .position(|o| o == c)
            .or_else(|| CLOSERS.chars().position(|o| o == c))
        else {
            return;
        };
        let (o, cl) = match i {
            2 => ('（', '）'),
            i => (
                OPENERS.chars().nth(i).unwrap_or(c),
                CLOSERS.chars().nth(i).unwrap_or(c),
            ),
        };
        let msg = if opener {
            msg!(
                zh = "“{c}”没有对应的“{cl}”：成对标点缺少后一半，请补上或删去",
                en = "“{c}” has no matching “{cl}”: a paired mark lacks its second half; add it or delete this one"
            )
        } else {
            msg!(
                zh = "“{c}”前面没有对应的“{o}”：成对标点缺少前一半，请补上或删去",
                en = "“{c}” has no matching “{o}” before it: a paired mark lacks its first half; add it or delete this one"
            )
        };
        out.push(text::finding(UNPAIRED_MARKS.id, at, at + c.len_utf8(), msg));
    };
    let carry_lines = |c: char| if c == '“' { 60 } else { 12 };
    let mut n = 0usize;
    for (start, line) in text::lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        if !ctx.is_text_line(start) {
            continue;
        }
        // Openers carried too long are unclosed.
        open.retain(|s| {
            let keep = n - s.3 <= carry_lines(s.2);
            if !keep {
                report(s.1, s.2, true);
            }
            keep
        });
        let t = line.trim_start_matches([' ', '\u{3000}', '\t']);
        // The next paragraph of a quotation starts with “ again.
        if t.starts_with('“') {
            if let Some(p) = open.iter().rposition(|s| s.2 == '“' && s.3 < n) {
                open.remove(p);
            }
        }
        // Asked only of a closer without its opener, which is rare.
        let ordinal_close = || LINE_ORDINAL_CLOSE.find(line).map(|m| m.end() - 1);
        // The marks are ( ) and characters led by the bytes E2, E3 and EF: only those
        // characters are decoded.
        let lb = line.as_bytes();
        let marks = text::merged(
            memchr::memchr3_iter(0xE2, 0xE3, 0xEF, lb),
            memchr::memchr2_iter(b'(', b')', lb),
        );
        for i in marks {
            let Some(c) = line[i..].chars().next() else {
                continue;
            };
            let Some((kind, is_open)) = pair_kind(c) else {
                continue;
            };
            if is_open {
                open.push((kind, start + i, c, n));
                continue;
            }
            if let Some(p) = open.iter().rposition(|s| s.0 == kind) {
                // Openers of this line inside the pair are unclosed; carried ones wait.
                let inner: Vec<_> = open.drain(p..).skip(1).collect();
                for s in inner {
                    if s.3 == n {
                        report(s.1, s.2, true);
                    } else {
                        open.push(s);
                    }
                }
            } else if c == '》' || ordinal_close() != Some(i) {
                report(start + i, c, false);
            }
        }
    }
    for s in open {
        report(s.1, s.2, true);
    }
}

/// `duplicate-punct`: the same mark twice, or two marks that clash.
pub static DUPLICATE_PUNCT: Rule = Rule {
    id: "duplicate-punct",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "标点重复或连用冲突",
    doc: "检查：连续两个点号，如 。。 ，， 、、 或相冲突的 ，。 ；。 、，。\n\
          原因：一处停顿只用一个点号；连用多是修改时遗留。\n\
          错误：予以公布。。 · 各单位，。\n\
          正确：予以公布。 · 各单位，\n\
          不报告：三个以上的句号（由 ellipsis-form 报告）；？！ 连用（表示疑问兼感叹）。\n\
          依据：GB/T 15834-2011《标点符号用法》4.1—4.7 点号。",
    summary_en: "Repeated or conflicting punctuation",
    doc_en: "Checks: two pause or stop marks in a row, such as 。。 ，， 、、, or conflicting ones such as ，。 ；。 、，.\n\
         Why: one pause takes one mark; doubled marks are usually left over from an edit.\n\
         Wrong: 予以公布。。 · 各单位，。\n\
         Right: 予以公布。 · 各单位，\n\
         Not reported: three or more full stops (ellipsis-form reports those); ？！ together (a question that is\n\
         also an exclamation).\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.1–4.7 (pause and stop marks).",
    check: Check::Doc(duplicate_punct),
};

static PUNCT_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。，、；：！？,;]{2,}").unwrap());

fn duplicate_punct(ctx: &DocContext, out: &mut Vec<Finding>) {
    // Two marks of PUNCT_RUN in a row are rare: one pass over the bytes finds the lines that
    // have them, and only those are searched. A mark is ASCII or one of the three-byte forms
    // below, whose lead bytes (E3, EF) are not those of CJK ideographs, so the pass seldom
    // looks further than one byte.
    const WIDE: [[u8; 3]; 7] = [
        *b"\xE3\x80\x82", // 。
        *b"\xEF\xBC\x8C", // ，
        *b"\xE3\x80\x81", // 、
        *b"\xEF\xBC\x9B", // ；
        *b"\xEF\xBC\x9A", // ：
        *b"\xEF\xBC\x81", // ！
        *b"\xEF\xBC\x9F", // ？
    ];
    let b = ctx.doc.text.as_bytes();
    // Candidate bytes by SIMD search, the semicolon apart (memchr takes three bytes at most),
    // merged in order.
    let candidates = text::merged(
        memchr::memchr3_iter(b',', 0xE3, 0xEF, b),
        memchr::memchr_iter(b';', b),
    );
    let mut pairs = Vec::new();
    // The end of the last mark seen: a mark starting there follows a mark.
    let mut mark_end = usize::MAX;
    for i in candidates {
        let len = match b[i] {
            b',' | b';' => 1,
            _ if b.len() - i >= 3 && WIDE.contains(&[b[i], b[i + 1], b[i + 2]]) => 3,
            _ => continue,
        };
        if mark_end == i {
            pairs.push(i);
        }
        mark_end = i + len;
    }
    for (start, line) in ctx.lines_at(pairs.into_iter()) {
        for m in PUNCT_RUN.find_iter(line) {
            let s = m.as_str();
            if s.chars().all(|c| c == '。') && s.chars().count() >= 3 {
                continue;
            }
            if s.chars().all(|c| c == '？' || c == '！') {
                continue;
            }
            out.push(text::finding(
                DUPLICATE_PUNCT.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "标点“{s}”重复或连用冲突，此处只应保留一个点号",
                    en =
                        "The punctuation “{s}” is repeated or conflicting: keep only one mark here"
                ),
            ));
        }
    }
}

/// `heading-trailing-period`: a title or stand-alone heading ending with 。.
pub static HEADING_TRAILING_PERIOD: Rule = Rule {
    id: "heading-trailing-period",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "标题或单独成行的层次标题末尾加了句号",
    doc: "检查：公文标题（关于……的通知）或单独成行的一级层次标题（一、）以句号结尾。\n\
          原因：标题不是句子，末尾不加句号。\n\
          错误：关于加强临川市营商环境建设的通知。 · 二、重点任务。\n\
          正确：关于加强临川市营商环境建设的通知 · 二、重点任务\n\
          不报告：标题后接正文的段落（（一）加强……。正文……）；含逗号、分号的整句条目；以“的”结尾的列举项；多数“一、”条目\n\
          以句号结尾且含逗号的文件（条目是整句，如国务院工作规则）；\n\
          二级及以下序号：“（一）指导思想。”是段首标题，正文接在同一段（网页常把正文拆到下一行），\n\
          三、四级条目常写成完整句子。\n\
          依据：《国家行政机关公文处理办法》（2000）第十条；GB/T 15834 标题不用句号的惯例。",
    summary_en: "Full stop at the end of a title or of a heading on its own line",
    doc_en: "Checks: a document title (关于……的通知) or a first-level heading (一、) on a line of its own that ends in a full stop.\n\
         Why: a title is not a sentence and takes no full stop.\n\
         Wrong: 关于加强临川市营商环境建设的通知。 · 二、重点任务。\n\
         Right: 关于加强临川市营商环境建设的通知 · 二、重点任务\n\
         Not reported: headings run into their paragraph （（一）加强……。正文……）; whole-sentence items with commas or\n\
         semicolons; list items ending in “的”; documents where most “一、” items end in a full stop and contain\n\
         commas (the items are sentences, as in the State Council's working rules); second and lower levels:\n\
         “（一）指导思想。” is a run-in heading with its text in the same paragraph (web pages often move the text to\n\
         the next line), and items of the third and fourth levels are often whole sentences.\n\
         Source: 《国家行政机关公文处理办法》 (2000) article 10; the practice of GB/T 15834 that titles take no full stop.",
    check: Check::Doc(heading_trailing_period),
};

/// The kinds of document whose title `heading-trailing-period` knows (关于……的通知).
const TITLE_KINDS: [&str; 13] = [
    "通知", "报告", "意见", "决定", "请示", "批复", "函", "通报", "复函", "公告", "通告", "决议",
    "纪要",
];

/// Whether `t` is a document title with a full stop: `^[^，。；：,;]{0,40}关于[^，。；：,;]{2,80}
/// 的(KIND)[。.]$` for a kind of [`TITLE_KINDS`]. Written out because the counted repetitions
/// of a negated class make that pattern's automaton large and slow to search (it was the most
/// costly search of all the rules); `tests::doc_title_is_the_pattern` holds it to the pattern.
fn is_doc_title(t: &str) -> bool {
    let Some(body) = t.strip_suffix('。').or_else(|| t.strip_suffix('.')) else {
        return false;
    };
    // 关于, 的 and the kinds hold none of these marks, so the two free runs hold none exactly
    // when the whole does.
    if body.contains(['，', '。', '；', '：', ',', ';']) {
        return false;
    }
    TITLE_KINDS.iter().any(|kind| {
        let Some(head) = body.strip_suffix(kind).and_then(|h| h.strip_suffix('的')) else {
            return false;
        };
        let chars = head.chars().count();
        head.match_indices("关于").any(|(at, _)| {
            let before = head[..at].chars().count();
            before <= 40 && (2..=80).contains(&(chars - before - 2))
        })
    })
}

fn heading_trailing_period(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // Documents such as 国务院工作规则 number whole sentences 一、……。 : when most 一、 lines end
    // with 。 and some hold a comma, they are items, not headings.
    let (mut level1, mut with_period, mut with_comma) = (0, 0, 0);
    for (_, line) in text::lines(text) {
        let t = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        if numbering::heading_marker(t).is_some_and(|h| h.level == 1) {
            level1 += 1;
            if t.ends_with('。') {
                with_period += 1;
                if t.contains('，') {
                    with_comma += 1;
                }
            }
        }
    }
    let sentence_items = with_period * 2 > level1 && with_comma > 0;
    let mut seen_lines = 0;
    for &(start, line) in ctx.text_lines() {
        let t = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        let Some(last) = t.chars().next_back() else {
            continue;
        };
        seen_lines += 1;
        if last != '。' && last != '.' {
            continue;
        }
        // `t` is a part of `line`: its offset is where it starts in memory.
        let end = start + (t.as_ptr() as usize - line.as_ptr() as usize) + t.len();
        let at = end - last.len_utf8();
        if seen_lines <= 6 && is_doc_title(t) {
            out.push(text::finding(
                HEADING_TRAILING_PERIOD.id,
                at,
                end,
                tr(
                    "公文标题末尾不加句号，应删去“。”",
                    "A document title takes no full stop at the end: delete “。”",
                ),
            ));
            continue;
        }
        let Some(h) = numbering::heading_marker(t) else {
            continue;
        };
        // （一）总体要求。 is a run-in heading whose text web pages put on the next line, and
        // （五）违背法定程序的。 is an item of a list: only 一、 headings are checked.
        if h.level != 1 || sentence_items {
            continue;
        }
        let body = &t[h.len..t.len() - last.len_utf8()];
        if body.is_empty()
            || body.ends_with('的')
            || body.chars().count() > 30
            || body.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '.'])
        {
            continue;
        }
        out.push(text::finding(
            HEADING_TRAILING_PERIOD.id,
            at,
            end,
            msg!(
                zh = "单独成行的层次标题“{}”末尾不加句号，应删去“{last}”",
                en = "The heading “{}” on a line of its own takes no full stop at the end: delete “{last}”",
                &t[..t.len() - last.len_utf8()]
            ),
        ));
    }
}

/// `ellipsis-form`: an ellipsis not written ……, or …… followed by 等.
pub static ELLIPSIS_FORM: Rule = Rule {
    id: "ellipsis-form",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "省略号形式错误或与“等”连用",
    doc: "检查：用 ... 或 。。。 代替省略号，只用一个 …，以及 ……等、等…… 连用。\n\
          原因：省略号是两个“…”（六个点，占两个字位）；省略号与“等”“等等”作用相同，不连用。\n\
          错误：落实... · 落实…… 等 · 市场监管、税务……等部门\n\
          正确：落实…… · 市场监管、税务等部门\n\
          不报告：目录中的引导点（一长串点后接页码），网址。\n\
          依据：GB/T 15834-2011《标点符号用法》4.11 省略号。",
    summary_en: "Wrong form of the ellipsis, or an ellipsis with “等”",
    doc_en: "Checks: ... or 。。。 for an ellipsis, a single …, and ……等 or 等…… together.\n\
         Why: the ellipsis is two “…” (six dots, two character widths); the ellipsis and “等”, “等等” do the same\n\
         job and are not used together.\n\
         Wrong: 落实... · 落实…… 等 · 市场监管、税务……等部门\n\
         Right: 落实…… · 市场监管、税务等部门\n\
         Not reported: dot leaders of a table of contents (a run of dots followed by a page number), web addresses.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.11 (ellipsis).",
    check: Check::Doc(ellipsis_form),
};

static BAD_ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.{3,}|。{3,}|…+\s*等|等…+|…+").unwrap());

fn ellipsis_form(ctx: &DocContext, out: &mut Vec<Finding>) {
    // Every form the pattern finds holds one of these, so only their lines are read: a search
    // of each line costs more than the search itself on short lines.
    static MARKS: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(["…", "...", "。。。"]));
    for (start, line) in ctx.lines_with(&MARKS) {
        if URL.is_match(line) {
            continue;
        }
        for m in BAD_ELLIPSIS.find_iter(line) {
            let s = m.as_str();
            let msg = if s.contains('等') {
                msg!(
                    zh = "省略号与“等”连用：“{s}”只保留其一，如“等”",
                    en = "An ellipsis used together with “等”: keep only one of them in “{s}”, such as “等”"
                )
            } else if s.starts_with('.') || s.starts_with('。') {
                // Dot leaders of a table of contents end in a page number.
                let rest = line[m.end()..].trim();
                if s.len() >= 6 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                msg!(
                    zh = "省略号误写作“{s}”，应写作“……”",
                    en = "An ellipsis written as “{s}”: write “……”"
                )
            } else if s.chars().count() == 1 {
                tr(
                    "省略号只写了一个“…”，应写作两个“……”",
                    "An ellipsis written with a single “…”: write two, “……”",
                )
                .to_string()
            } else {
                continue;
            };
            out.push(text::finding(
                ELLIPSIS_FORM.id,
                start + m.start(),
                start + m.end(),
                msg,
            ));
        }
    }
}

/// `fullwidth-colon`: an ASCII colon after 主送机关 and the labels of a contact block.
pub static FULLWIDTH_COLON: Rule = Rule {
    id: "fullwidth-colon",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "主送机关、联系人等标签后误用半角冒号",
    doc: "检查：主送机关行末、抄送、联系人、联系电话、传真、地址等标签后的半角冒号“:”。\n\
          原因：主送机关后标全角冒号；版记、联系方式的标签同样用全角冒号。\n\
          错误：各乡（镇）人民政府: · 联系人:王某\n\
          正确：各乡（镇）人民政府： · 联系人：王某\n\
          不报告：时刻 14:30；网页元数据行。附件说明的冒号由 attachment-note-form 报告。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.2 主送机关。",
    summary_en: "Half-width colon after the addressee or a label such as “联系人”",
    doc_en: "Checks: a half-width colon “:” at the end of the addressee line, or after labels such as 抄送, 联系人,\n\
         联系电话, 传真, 地址.\n\
         Why: the addressee is followed by a full-width colon, and so are the labels of the imprint and contact details.\n\
         Wrong: 各乡（镇）人民政府: · 联系人:王某\n\
         Right: 各乡（镇）人民政府： · 联系人：王某\n\
         Not reported: times such as 14:30; metadata lines of web pages. The colon of the attachment note is\n\
         reported by attachment-note-form.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.2 (addressee).",
    check: Check::Doc(fullwidth_colon),
};

static LABEL_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s\u{3000}，、；,;])(主送|抄送|联系人|联系电话|电话|传真|邮编|邮政编码|通讯地址|地址|电子邮箱|邮箱|签发人)\s*(:)").unwrap()
});
static RECIPIENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(各[^。《》:：]{1,80}|[^。《》:：]{0,60}(人民政府|委员会|办公厅|办公室|党委|局|厅|委|部|院|同志))\s*(:)\s*$").unwrap()
});

/// Byte offsets of ASCII colons after labels and 主送机关 lines, owned by `fullwidth-colon`,
/// and after 附件, owned by `attachment-note-form`.
fn label_colons(text: &str) -> Vec<usize> {
    let mut v = Vec::new();
    for (start, line) in text::lines(text) {
        if !line.contains(':') {
            continue;
        }
        for c in LABEL_COLON.captures_iter(line) {
            v.push(start + c.get(2).unwrap().start());
        }
        if let Some(c) = RECIPIENT_LINE.captures(line) {
            if !line.contains("如下") && !line.contains("下列") {
                v.push(start + c.get(3).unwrap().start());
            }
        }
        if let Some(i) = attachment::note_colon(line) {
            v.push(start + i);
        }
    }
    v
}

fn fullwidth_colon(ctx: &DocContext, out: &mut Vec<Finding>) {
    for &(start, line) in ctx.text_lines() {
        if !line.contains(':') {
            continue;
        }
        for c in LABEL_COLON.captures_iter(line) {
            let at = start + c.get(2).unwrap().start();
            out.push(text::finding(
                FULLWIDTH_COLON.id,
                at,
                at + 1,
                msg!(
                    zh = "“{}”后误用半角冒号“:”，应使用全角冒号“：”",
                    en = "Half-width colon “:” after “{}”: use the full-width colon “：”",
                    &c[1]
                ),
            ));
        }
        if let Some(c) = RECIPIENT_LINE.captures(line) {
            if !line.contains("如下") && !line.contains("下列") {
                let at = start + c.get(3).unwrap().start();
                out.push(text::finding(
                    FULLWIDTH_COLON.id,
                    at,
                    at + 1,
                    tr(
                        "主送机关后误用半角冒号“:”，应使用全角冒号“：”",
                        "Half-width colon “:” after the addressee: use the full-width colon “：”",
                    ),
                ));
            }
        }
    }
}

/// `space-in-cjk`: a space between Chinese characters, or between Chinese and digits.
pub static SPACE_IN_CJK: Rule = Rule {
    id: "space-in-cjk",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "正文汉字之间或汉字与数字之间有空格",
    doc: "检查：正文中汉字与汉字、汉字与阿拉伯数字之间的空格（半角、全角或不换行空格）。\n\
          原因：公文按字格排版，正文字间不留空；空格多是复制粘贴或排版遗留。“中文 94 份”式的中西文间距\n\
          是网页排版习惯，不适用于公文。通篇如此时只在首处报告一次。\n\
          错误：共 94 份 · 依法 行政\n\
          正确：共94份 · 依法行政\n\
          不报告：“第一条　”“1.2.1　”后的空格；书名号、引号内（标题、口号常以空格分隔两个短语：“好客山东 好品山东”）；\n\
          文件开头五行（标题、副题、报告人）；以括号开头的题注行；署名、日期等不足20字的短行；有多处连续空格的表格、对齐行；网页元数据行。\n\
          依据：GB/T 9704-2012 版面字格的排版惯例。",
    summary_en: "Space between Chinese characters, or between a character and a number",
    doc_en: "Checks: spaces (half-width, full-width or non-breaking) between two Chinese characters, or between a\n\
         Chinese character and an Arabic number, in body text.\n\
         Why: documents are set on a grid of characters with no space between them; spaces are usually left over\n\
         from copying or layout. Spacing such as “中文 94 份” is a web-page habit that does not apply to documents.\n\
         When a document does this throughout, it is reported once, at the first place.\n\
         Wrong: 共 94 份 · 依法 行政\n\
         Right: 共94份 · 依法行政\n\
         Not reported: spaces after “第一条　” or “1.2.1　”; spaces inside title marks or quotation marks (titles and\n\
         slogans often separate two phrases with a space: “好客山东 好品山东”); the first five lines of a document\n\
         (title, subtitle, speaker); note lines starting with a parenthesis; short lines under 20 characters such\n\
         as signatures and dates; table or aligned lines with several runs of spaces; metadata lines of web pages.\n\
         Source: typesetting practice for the character grid of GB/T 9704-2012.",
    check: Check::Doc(space_in_cjk),
};

/// Runs of spaces (ASCII, ideographic U+3000, no-break U+00A0) in `s`: (start, end, chars).
/// A quarter of all lines hold a space, so this is a byte loop, not a regex search.
fn space_runs(s: &str) -> Vec<(usize, usize, usize)> {
    let b = s.as_bytes();
    let space_at = |i: usize| match b[i] {
        b' ' => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    };
    let mut runs = Vec::new();
    // A run starts only at one of these bytes; a SIMD search skips the rest of the line.
    let mut after = 0;
    for start in memchr::memchr3_iter(b' ', 0xC2, 0xE3, b) {
        if start < after {
            continue;
        }
        let (mut i, mut chars, mut n) = (start, 0, space_at(start));
        if n == 0 {
            continue;
        }
        while n > 0 {
            i += n;
            chars += 1;
            n = if i < b.len() { space_at(i) } else { 0 };
        }
        runs.push((start, i, chars));
        after = i;
    }
    runs
}
static ARTICLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^[0-9]+(\.[0-9]+)+|第[一二三四五六七八九十百零〇0-9]+[条章节编款]|附件[0-9]*|附录|目录|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)$").unwrap()
});

fn space_in_cjk(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // Most documents have no space inside a body line: the ranges are made only when needed.
    let ranges = std::cell::OnceCell::new();
    let ranges = || ranges.get_or_init(|| (ctx.title_ranges().to_vec(), quote_ranges(text)));
    let mut found = Vec::new();
    // The head of a document (title, subtitle, speaker), its first five lines that are not
    // blank, is laid out with spaces.
    let head_end = text::lines(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .nth(5)
        .map_or(text.len(), |(s, _)| s);
    // Only the drafter's lines that hold a space at all are read.
    static SPACES: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new([" ", "\u{3000}", "\u{a0}"]));
    for (start, line) in ctx.lines_with(&SPACES) {
        let body = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        // Nearly every paragraph is indented with spaces, so most lines come here: finding the
        // runs is a byte search, and most lines have none inside.
        let runs = space_runs(body);
        if runs.is_empty() {
            continue;
        }
        // A law's 题注 （……公布　根据……修订） is laid out with spaces too.
        if start < head_end || body.starts_with(['（', '(']) || body.chars().count() < 20 {
            continue;
        }
        if runs.iter().any(|r| r.2 >= 2) {
            continue;
        }
        let off = start + (body.as_ptr() as usize - line.as_ptr() as usize);
        for (m_start, m_end, _) in runs {
            let (Some(l), Some(r)) = (text::char_before(body, m_start), text::char_at(body, m_end))
            else {
                continue;
            };
            let ok = |c: char| text::is_han(c) || c.is_ascii_digit();
            if !(ok(l) && ok(r)) || (l.is_ascii_digit() && r.is_ascii_digit()) {
                continue;
            }
            // A title may separate its phrases with a space (《推进“四化”联动 提升公开效能》).
            if ARTICLE_BEFORE.is_match(&body[..m_start])
                || text::in_ranges(&ranges().0, off + m_start)
                || text::in_ranges(&ranges().1, off + m_start)
            {
                continue;
            }
            found.push(text::finding(
                SPACE_IN_CJK.id,
                off + m_start,
                off + m_end,
                msg!(
                    zh = "“{l}”与“{r}”之间多了空格，公文正文字间不留空，应删去",
                    en = "A space between “{l}” and “{r}”: the body text of a document has no spaces between characters; delete it"
                ),
            ));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处汉字之间或汉字与数字之间有空格，公文正文字间不留空，应删去；此处为首处",
            en = "{n} places in this document have a space between Chinese characters or between a character and a number; the body text has no such spaces, so delete them; this is the first"
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_kinds_follow_the_lists_of_marks() {
        let kind = |i: usize| if i == 2 { 1 } else { i };
        for (i, c) in OPENERS.chars().enumerate() {
            assert_eq!(pair_kind(c), Some((kind(i), true)), "{c}");
        }
        for (i, c) in CLOSERS.chars().enumerate() {
            assert_eq!(pair_kind(c), Some((kind(i), false)), "{c}");
        }
        assert_eq!(pair_kind('「'), None);
        assert_eq!(pair_kind('法'), None);
        // unpaired-marks decodes only ( ) and the characters led by these bytes.
        for c in OPENERS.chars().chain(CLOSERS.chars()) {
            let lead = c.to_string().as_bytes()[0];
            assert!(matches!(lead, b'(' | b')' | 0xE2 | 0xE3 | 0xEF), "{c}");
        }
    }
    #[test]
    fn doc_title_is_the_pattern() {
        let pattern = Regex::new(r"^[^，。；：,;]{0,40}关于[^，。；：,;]{2,80}的(通知|报告|意见|决定|请示|批复|函|通报|复函|公告|通告|决议|纪要)[。.]$").unwrap();
        let mut lines: Vec<String> = Vec::new();
        for text in crate::corpus_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        // Free runs around the limits, with and without a mark, 关于 more than once, every kind,
        // both full stops and none.
        let run = |n: usize| "省".repeat(n);
        for before in [0, 1, 39, 40, 41] {
            for middle in [0, 1, 2, 3, 79, 80, 81] {
                for kind in TITLE_KINDS.iter().chain(&["复", "的函", "办法"]) {
                    for end in ["。", ".", "", "。。", "；"] {
                        let (b, m) = (run(before), run(middle));
                        lines.push(format!("{b}关于{m}的{kind}{end}"));
                        lines.push(format!("{b}关于{m}关于的{kind}{end}"));
                        lines.push(format!("关于{b}关于{m}的{kind}{end}"));
                        lines.push(format!("{b}，关于{m}的{kind}{end}"));
                        lines.push(format!("{b}关于{m};的{kind}{end}"));
                        lines.push(format!("{b}关{m}的{kind}{end}"));
                    }
                }
            }
        }
        let mut titles = 0;
        for line in &lines {
            assert_eq!(is_doc_title(line), pattern.is_match(line), "{line}");
            titles += usize::from(is_doc_title(line));
        }
        assert!(titles > 1000, "{titles}");
    }

    use crate::check::Checker;
    use crate::Document;

    fn run(text: &str) -> Vec<String> {
        let doc = Document::from_text("t.txt", text);
        Checker::default_rules()
            .check_document(&DocContext::text_only(&doc))
            .into_iter()
            .filter(|f| f.rule == "cjk-one-as-dash")
            .map(|f| format!("{}:{} {}", f.at.line, f.at.column, f.text))
            .collect()
    }

    #[test]
    fn finds_the_numeral_between_digits_only() {
        assert_eq!(
            run("《法治保山建设规划(2021一2025年)》\n3一6月"),
            vec!["1:11 2021一2025", "2:1 3一6"]
        );
        assert!(run("二〇一六年一月 第一条 1个 一2 2一").is_empty());
    }
}

#[cfg(test)]
mod duplicate_tests {
    use super::*;
    use crate::Document;

    /// The byte search finds the same runs as the pattern run over every line of the drafter's.
    #[test]
    fn the_byte_search_misses_no_run() {
        let mut texts = crate::corpus_texts();
        // One case a line: the search picks the lines that the pattern then reads.
        texts.push("一，，二\n三、；四\n五;,六\n七。。。\n八？！\n九：，十\n七,八\n八；;九\n，，开头。\n一,二;三\n结尾、、".into());
        let mut runs = 0;
        for text in &texts {
            let doc = Document::from_text("t.txt", text.as_str());
            let ctx = DocContext::text_only(&doc);
            let mut found = Vec::new();
            duplicate_punct(&ctx, &mut found);
            let mut want = Vec::new();
            for &(start, line) in ctx.text_lines() {
                for m in PUNCT_RUN.find_iter(line) {
                    let s = m.as_str();
                    let dots = s.chars().all(|c| c == '。') && s.chars().count() >= 3;
                    if !dots && !s.chars().all(|c| c == '？' || c == '！') {
                        want.push(start + m.start());
                    }
                }
            }
            let got: Vec<usize> = found.iter().map(|f| f.span.start).collect();
            assert_eq!(got, want);
            runs += want.len();
        }
        assert!(runs >= 7, "{runs}");
    }

    /// Runs of spaces as a byte-by-byte walk finds them.
    #[test]
    fn space_runs_match_a_walk_over_every_byte() {
        fn walk(s: &str) -> Vec<(usize, usize, usize)> {
            let mut runs: Vec<(usize, usize, usize)> = Vec::new();
            for (i, c) in s.char_indices() {
                if !matches!(c, ' ' | '\u{a0}' | '\u{3000}') {
                    continue;
                }
                match runs.last_mut() {
                    Some(r) if r.1 == i => (r.1, r.2) = (i + c.len_utf8(), r.2 + 1),
                    _ => runs.push((i, i + c.len_utf8(), 1)),
                }
            }
            runs
        }
        let mut lines: Vec<String> = crate::corpus_texts()
            .iter()
            .flat_map(|t| t.lines().map(String::from))
            .collect();
        lines.push("　　一 二\u{a0}\u{a0}三　 四。、 ".into());
        let mut spaces = 0;
        for l in &lines {
            assert_eq!(space_runs(l), walk(l), "{l}");
            spaces += walk(l).len();
        }
        assert!(spaces > 100, "{spaces}");
    }
}
