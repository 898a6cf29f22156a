//! Number and date rules (GB/T 15835-2011; GB/T 9704-2012 7.3.5.4) that need no figures.

use std::sync::LazyLock;

use regex::Regex;

use super::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};

/// Body lines with their offsets, without web metadata and newspaper lines.
fn body<'c>(ctx: &'c DocContext) -> impl Iterator<Item = (usize, &'c str)> {
    ctx.text_lines().iter().copied()
}

/// The lines for a rule whose every pattern needs an ASCII digit.
fn digit_body<'c>(ctx: &'c DocContext) -> impl Iterator<Item = (usize, &'c str)> {
    ctx.digit_lines().iter().copied()
}

fn prev_char(line: &str, at: usize) -> Option<char> {
    text::char_before(line, at)
}

/// `year-abbrev`: a two-digit year.
pub static YEAR_ABBREV: Rule = Rule {
    id: "year-abbrev",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "年份简写为两位数",
    doc: "检查：表示日期的两位数年份，如 24年底、24年新招录、于24年、’24。\n\
          原因：年份不能简写，应写全四位。\n\
          错误：对24年新招录的辅警开展培训 · 24年底前完成\n\
          正确：对2024年新招录的辅警开展培训 · 2024年底前完成\n\
          不报告：表示时长的“17年来”“服役17年”“17年间”；只报告后接年底、年初、年末、年度、上半年、下半年、\n\
          新招录、新入职，或前有“于”“在”“至”的两位数年份。\n\
          依据：GB/T 9704-2012 7.3.5.4；GB/T 15835-2011 5.1.4。",
    summary_en: "Year abbreviated to two digits",
    doc_en: "Checks: two-digit years used as dates, such as 24年底, 24年新招录, 于24年, ’24.\n\
         Why: a year is not abbreviated; it is written with all four digits.\n\
         Wrong: 对24年新招录的辅警开展培训 · 24年底前完成\n\
         Right: 对2024年新招录的辅警开展培训 · 2024年底前完成\n\
         Not reported: lengths of time such as “17年来”, “服役17年”, “17年间”; only two-digit years followed by 年底,\n\
         年初, 年末, 年度, 上半年, 下半年, 新招录, 新入职, or preceded by “于”, “在”, “至” are reported.\n\
         Source: GB/T 9704-2012 7.3.5.4; GB/T 15835-2011 5.1.4.",
    check: Check::Doc(year_abbrev),
};

static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(于|在|至|到)?([0-9]{2})年(底|初|末|度|上半年|下半年|新招录|新入职|新录用|[0-9]{1,2}月)",
    )
    .unwrap()
});
static APOS_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[’'‘]([0-9]{2})(年)?").unwrap());

fn year_abbrev(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for c in SHORT_YEAR.captures_iter(line) {
            let y = c.get(2).unwrap();
            let p = prev_char(line, c.get(0).unwrap().start());
            // 2024年 (part of a longer number), 第24年度, 近10年来, 1.24年.
            if p.is_some_and(|p| p.is_ascii_digit() || "第近每多.".contains(p)) {
                continue;
            }
            let cue = &c[3];
            if c.get(1).is_none() && cue.ends_with('月') {
                continue; // 10年3月 reads as a duration too often to flag without 于/在.
            }
            let full = format!("20{}", &c[2]);
            out.push(text::finding(
                YEAR_ABBREV.id,
                start + y.start(),
                start + y.end() + "年".len(),
                msg!(
                    zh = "年份不能简写：“{}年”应写全四位，如“{full}年”",
                    en = "Do not abbreviate a year: write all four digits of “{}年”, as in “{full}年”",
                    &c[2]
                ),
            ));
        }
        for c in APOS_YEAR.captures_iter(line) {
            let m = c.get(0).unwrap();
            if text::char_at(line, m.end()).is_some_and(|c| c.is_ascii_digit())
                || prev_char(line, m.start()).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            if c.get(2).is_none() && !text::char_at(line, m.end()).is_some_and(text::is_han) {
                continue;
            }
            out.push(text::finding(
                YEAR_ABBREV.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "年份不能简写：“{}”应写全四位，如“20{}年”",
                    en = "Do not abbreviate a year: write all four digits of “{}”, as in “20{}年”",
                    m.as_str(),
                    &c[1]
                ),
            ));
        }
    }
}

/// `date-zero-padding`: 04月 and 07日 in a date.
pub static DATE_ZERO_PADDING: Rule = Rule {
    id: "date-zero-padding",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "日期的月、日前补了0",
    doc: "检查：“年月日”形式日期中以0开头的月、日，如 2025年04月30日。\n\
          原因：成文日期和正文日期的月、日不编虚位，1不写作01。通篇如此时只在首处报告一次。\n\
          错误：2025年04月30日 · 2025年4月08日\n\
          正确：2025年4月30日 · 2025年4月8日\n\
          不报告：2025-04-30 形式（GB/T 7408 允许，常见于表格）；网页元数据行、报纸版面行（网站的格式）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.5.4。",
    summary_en: "Month or day of a date padded with 0",
    doc_en: "Checks: a month or day starting with 0 in a date written with 年月日, such as 2025年04月30日.\n\
         Why: months and days in the date of a document and in the text are not padded: 1 is not written 01.\n\
         A document doing this throughout is reported once, at the first place.\n\
         Wrong: 2025年04月30日 · 2025年4月08日\n\
         Right: 2025年4月30日 · 2025年4月8日\n\
         Not reported: the form 2025-04-30 (allowed by GB/T 7408, common in tables); metadata lines of web pages\n\
         and page lines of newspapers (the site's format).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.5.4.",
    check: Check::Doc(date_zero_padding),
};

static YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年\s*([0-9]{1,2})月(?:\s*([0-9]{1,2})日)?").unwrap());

fn date_zero_padding(ctx: &DocContext, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    for (start, line) in digit_body(ctx) {
        for c in YMD.captures_iter(line) {
            let m = c.get(0).unwrap();
            let (mo, d) = (&c[2], c.get(3).map_or("", |d| d.as_str()));
            if !(mo.len() == 2 && mo.starts_with('0') || d.len() == 2 && d.starts_with('0')) {
                continue;
            }
            let fixed = format!(
                "{}年{}月{}",
                &c[1],
                mo.trim_start_matches('0'),
                if d.is_empty() {
                    String::new()
                } else {
                    format!("{}日", d.trim_start_matches('0'))
                }
            );
            found.push(text::finding(
                DATE_ZERO_PADDING.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "日期的月、日不补0：“{}”应写作“{fixed}”",
                    en = "Months and days in a date are not padded with 0: write “{fixed}”, not “{}”",
                    m.as_str()
                ),
            ));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处日期的月、日前补了0，如“2025年04月08日”应写作“2025年4月8日”；此处为首处",
            en = "{n} dates in this document pad the month or day with 0 (write “2025年4月8日”, not “2025年04月08日”); this is the first"
        )
    });
}

/// `signoff-date-chinese`: a 成文日期 in Chinese numerals.
pub static SIGNOFF_DATE_CHINESE: Rule = Rule {
    id: "signoff-date-chinese",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "成文日期、印发日期用了汉字数字",
    doc: "检查：单独成行的成文日期或印发日期写成汉字数字，如 二〇二五年一月二十二日。\n\
          原因：GB/T 9704-2012 起成文日期用阿拉伯数字；1999年版用汉字，旧模板沿用至今。\n\
          错误：二〇二五年一月二十二日\n\
          正确：2025年1月22日\n\
          不报告：2012年7月1日以前的文件（当时的标准要求汉字）；括号中的法规题注日期；正文中的日期。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.5.4。",
    summary_en: "Date of a document or of its printing in Chinese numerals",
    doc_en: "Checks: a date of writing or printing on a line of its own written in Chinese numerals, such as 二〇二五年一月二十二日.\n\
         Why: since GB/T 9704-2012 the date of a document is written in Arabic numerals; the 1999 edition used\n\
         Chinese numerals, and old templates still do.\n\
         Wrong: 二〇二五年一月二十二日\n\
         Right: 2025年1月22日\n\
         Not reported: documents from before 1 July 2012 (the standard of the time required Chinese numerals);\n\
         dates in the parenthesised note under the title of a regulation; dates in the body text.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.5.4.",
    check: Check::Doc(signoff_date_chinese),
};

static CN_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(印发)?$").unwrap()
});

/// The longest line `CN_DATE_LINE` matches, in bytes: twelve characters of three bytes and 印发.
const CN_DATE_LINE_MAX: usize = 12 * 3 + "印发".len();

fn cn_year(s: &str) -> Option<i32> {
    s.chars()
        .map(|c| match c {
            '〇' | '○' | '零' | 'O' => Some(0),
            c => text::cn_digit(c).filter(|d| *d < 10),
        })
        .try_fold(0i32, |acc, d| d.map(|d| acc * 10 + d as i32))
}

fn signoff_date_chinese(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in body(ctx) {
        let i = text::indent_len(line);
        let t = line[i..].trim_end();
        // What the pattern needs of a line, tested first: a search costs more than the test
        // on the many lines that fail it.
        if t.len() > CN_DATE_LINE_MAX || !(t.ends_with('日') || t.ends_with("印发")) {
            continue;
        }
        let Some(c) = CN_DATE_LINE.captures(t) else {
            continue;
        };
        let Some(y) = cn_year(&c[1]) else { continue };
        if y < 2012 || ctx.meta.year.is_some_and(|d| d < 2012) {
            continue;
        }
        let (Some(mo), Some(d)) = (text::cn_number(&c[2]), text::cn_number(&c[3])) else {
            continue;
        };
        out.push(text::finding(
            SIGNOFF_DATE_CHINESE.id,
            start + i,
            start + i + t.len(),
            msg!(
                zh = "成文日期应使用阿拉伯数字：“{t}”应写作“{y}年{mo}月{d}日{}”",
                en = "The date of a document is written in Arabic numerals: write “{y}年{mo}月{d}日{}”, not “{t}”",
                c.get(4).map_or("", |m| m.as_str())
            ),
        ));
    }
}

/// `date-invalid`: a date that does not exist.
pub static DATE_INVALID: Rule = Rule {
    id: "date-invalid",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "日期不存在",
    doc: "检查：不存在的日期：13月、2月30日、9月31日、平年2月29日。\n\
          原因：日期笔误会使期限、时效无从确定。\n\
          错误：2025年2月29日 · 9月31日\n\
          正确：2025年2月28日 · 9月30日\n\
          不报告：无年份的2月29日（无法判断平闰年）。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）（时间准确）。",
    summary_en: "Date that does not exist",
    doc_en:
        "Checks: dates that do not exist: month 13, 2月30日, 9月31日, 2月29日 of a common year.\n\
         Why: a slip in a date leaves deadlines and time limits undetermined.\n\
         Wrong: 2025年2月29日 · 9月31日\n\
         Right: 2025年2月28日 · 9月30日\n\
         Not reported: 2月29日 without a year (a leap year cannot be ruled out).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4) (accurate times).",
    check: Check::Doc(date_invalid),
};

static MD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日").unwrap());
static MONTH_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年([0-9]{1,2})月").unwrap());

fn days_in(y: Option<i32>, m: u32) -> u32 {
    match m {
        2 => match y {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date_invalid(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for c in MD.captures_iter(line) {
            let m = c.get(0).unwrap();
            if c.get(1).is_none()
                && prev_char(line, m.start()).is_some_and(|p| p.is_ascii_digit() || p == '.')
            {
                continue;
            }
            let y = c.get(1).and_then(|y| y.as_str().parse().ok());
            let (mo, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
            let msg = if !(1..=12).contains(&mo) {
                msg!(
                    zh = "日期“{}”不存在：月份应在1—12之间",
                    en = "The date “{}” does not exist: the month must be between 1 and 12",
                    m.as_str()
                )
            } else if d == 0 || d > days_in(y, mo) {
                msg!(
                    zh = "日期“{}”不存在：{mo}月只有{}天",
                    en = "The date “{}” does not exist: month {mo} has only {} days",
                    m.as_str(),
                    days_in(y, mo)
                )
            } else {
                continue;
            };
            out.push(text::finding(
                DATE_INVALID.id,
                start + m.start(),
                start + m.end(),
                msg,
            ));
        }
        for c in MONTH_ONLY.captures_iter(line) {
            let m = c.get(0).unwrap();
            let mo: u32 = c[2].parse().unwrap_or(0);
            let followed_by_day = MD
                .find_at(line, m.start())
                .is_some_and(|d| d.start() == m.start());
            if !followed_by_day && !(1..=12).contains(&mo) {
                out.push(text::finding(
                    DATE_INVALID.id,
                    start + m.start(),
                    start + m.end(),
                    msg!(
                        zh = "日期“{}”不存在：月份应在1—12之间",
                        en = "The date “{}” does not exist: the month must be between 1 and 12",
                        m.as_str()
                    ),
                ));
            }
        }
    }
}

/// `zero-glyph`: ○, O or 零 as the zero of a year in Chinese numerals.
pub static ZERO_GLYPH: Rule = Rule {
    id: "zero-glyph",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "汉字年份中的零写成“○”“O”或“零”",
    doc: "检查：汉字数字年份中用几何图形“○”（U+25CB）、字母 O、数字0或“零”表示零。\n\
          原因：编号、年份中的零用汉字“〇”（U+3007）；“○”是符号，“零”用于计量。\n\
          错误：二○二四年 · 二零二四年 · 二O二四年\n\
          正确：二〇二四年\n\
          不报告：计量中的“零”（三千零五十二）。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.2.5。",
    summary_en: "Zero of a year in Chinese numerals written “○”, “O” or “零”",
    doc_en: "Checks: a year in Chinese numerals whose zero is the circle “○” (U+25CB), the letter O, the digit 0 or “零”.\n\
         Why: the zero in numbers and years is the character “〇” (U+3007); “○” is a symbol, and “零” is used in quantities.\n\
         Wrong: 二○二四年 · 二零二四年 · 二O二四年\n\
         Right: 二〇二四年\n\
         Not reported: “零” in quantities (三千零五十二).\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.2.5.",
    check: Check::Doc(zero_glyph),
};

static CN_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〇○零OΟ0一二三四五六七八九]{4}年").unwrap());

fn zero_glyph(ctx: &DocContext, out: &mut Vec<Finding>) {
    // Only a year holding one of these is reported, and they are rare: the lines without any
    // need no search.
    static BAD_ZERO: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(["○", "零", "O", "Ο", "0"]));
    for (start, line) in ctx.lines_with(&BAD_ZERO) {
        for m in CN_YEAR.find_iter(line) {
            let s = m.as_str();
            let han = s.chars().filter(|c| text::cn_digit(*c).is_some()).count();
            let bad = s.chars().filter(|c| "○零OΟ0".contains(*c)).count();
            if han < 2
                || bad == 0
                || prev_char(line, m.start()).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            let fixed: String = s
                .chars()
                .map(|c| if "○零OΟ0".contains(c) { '〇' } else { c })
                .collect();
            out.push(text::finding(
                ZERO_GLYPH.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "年份中的零应写作“〇”：“{s}”应写作“{fixed}”",
                    en = "A zero in a year written in Chinese numerals is “〇”: write “{fixed}”, not “{s}”"
                ),
            ));
        }
    }
}

/// `fullwidth-digits`: ０–９.
pub static FULLWIDTH_DIGITS: Rule = Rule {
    id: "fullwidth-digits",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "使用了全角阿拉伯数字",
    doc: "检查：全角数字０—９。\n\
          原因：阿拉伯数字用半角形式；全角数字在检索、统计时与半角数字不相等。通篇如此时只在首处报告一次。\n\
          错误：３４７２０件\n\
          正确：34720件\n\
          不报告：网页元数据行。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.1.7。",
    summary_en: "Full-width Arabic digits",
    doc_en: "Checks: the full-width digits ０ to ９.\n\
         Why: Arabic numerals are written half-width; full-width digits do not match half-width ones in search and\n\
         statistics. A document doing this throughout is reported once, at the first place.\n\
         Wrong: ３４７２０件\n\
         Right: 34720件\n\
         Not reported: metadata lines of web pages.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.7.",
    check: Check::Doc(fullwidth_digits),
};

static FW_DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[０-９]+").unwrap());

fn fullwidth_digits(ctx: &DocContext, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    for (start, line) in ctx.lines_matching(&FW_DIGITS) {
        for m in FW_DIGITS.find_iter(line) {
            let half: String = m
                .as_str()
                .chars()
                .map(|c| char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c))
                .collect();
            found.push(text::finding(
                FULLWIDTH_DIGITS.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "全角数字“{}”应写作半角“{half}”",
                    en = "Write the full-width digits “{}” as half-width “{half}”",
                    m.as_str()
                ),
            ));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处使用全角数字，阿拉伯数字应使用半角形式；此处为首处",
            en = "{n} places in this document use full-width digits; Arabic numerals are written half-width; this is the first"
        )
    });
}

/// `numeral-mixing`: Arabic digits with 十/百/千.
pub static NUMERAL_MIXING: Rule = Rule {
    id: "numeral-mixing",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "阿拉伯数字与“十、百、千”连用",
    doc: "检查：阿拉伯数字后接“十”“百”“千”作数位，如 6千余份、3百零5、3千万。\n\
          原因：阿拉伯数字只能与“万”“亿”连用；与十、百、千连用是汉字、阿拉伯两种数字混写。\n\
          错误：6千余份 · 3百名\n\
          正确：6000余份 / 六千余份 · 300名\n\
          不报告：2.7万户、10亿元；千米、千克、千瓦、千伏等计量单位；百分点、百分比；算力单位“百亿亿次”。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.3。",
    summary_en: "Arabic numerals combined with “十”, “百”, “千”",
    doc_en: "Checks: an Arabic number followed by “十”, “百” or “千” as a place value, such as 6千余份, 3百零5, 3千万.\n\
         Why: Arabic numerals combine only with “万” and “亿”; with 十, 百, 千 they mix two kinds of numerals.\n\
         Wrong: 6千余份 · 3百名\n\
         Right: 6000余份 / 六千余份 · 300名\n\
         Not reported: 2.7万户, 10亿元; units such as 千米, 千克, 千瓦, 千伏; 百分点, 百分比; the computing unit “百亿亿次”.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.3.",
    check: Check::Doc(numeral_mixing),
};

static DIGIT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:\.[0-9]+)?([十百千])").unwrap());
const SI_AFTER_QIAN: &str = "米克瓦伏帕焦赫卡兆字";

fn numeral_mixing(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for c in DIGIT_PLACE.captures_iter(line) {
            let m = c.get(0).unwrap();
            let next = text::char_at(line, m.end());
            let place = &c[1];
            if place == "千" && next.is_some_and(|n| SI_AFTER_QIAN.contains(n)) {
                continue;
            }
            // 百分点; 百亿亿次 (a unit of computing speed).
            if place == "百" && (next == Some('分') || line[m.end()..].starts_with("亿亿"))
                || place == "十" && next.is_some_and(|n| "分足".contains(n))
            {
                continue;
            }
            if prev_char(line, m.start()).is_some_and(|p| p.is_ascii_alphabetic()) {
                continue;
            }
            out.push(text::finding(
                NUMERAL_MIXING.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "阿拉伯数字不与“{place}”连用：“{}”应全用阿拉伯数字或全用汉字",
                    en = "Arabic numerals are not combined with “{place}”: write “{}” all in Arabic numerals or all in Chinese characters",
                    m.as_str()
                ),
            ));
        }
    }
}

/// `range-unit-omission`: %, 万 or 亿 given only on the second number of a range.
pub static RANGE_UNIT_OMISSION: Rule = Rule {
    id: "range-unit-omission",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "数值范围前一个数省略了%、万、亿",
    doc: "检查：起止范围中“%”“万”“亿”只写在后一个数上，如 20～35%、6～11亿。\n\
          原因：省略后前一个数的意义改变（20～35%读作“20到百分之三十五”），%、万、亿必须两个数都写。\n\
          错误：20～35% · 6～11亿 · 8～12万元\n\
          正确：20%～35% · 6亿～11亿 · 8万元～12万元\n\
          不报告：一般计量单位（3～5天、100～150千克），可只写在后一个数上。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.1.3。",
    summary_en: "First number of a range without its “%”, “万” or “亿”",
    doc_en: "Checks: “%”, “万” or “亿” written only on the second number of a range, as in 20～35%, 6～11亿.\n\
         Why: without it the first number means something else (20～35% reads “20 to 35 percent”), so %, 万 and 亿\n\
         are written on both numbers.\n\
         Wrong: 20～35% · 6～11亿 · 8～12万元\n\
         Right: 20%～35% · 6亿～11亿 · 8万元～12万元\n\
         Not reported: ordinary units of measure (3～5天, 100～150千克), which may be written on the second number only.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.3.",
    check: Check::Doc(range_unit_omission),
};

static RANGE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+(?:\.[0-9]+)?)\s*([～~—－\-]|至|到)\s*([0-9]+(?:\.[0-9]+)?)\s*(%|％|万|亿)")
        .unwrap()
});

fn range_unit_omission(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for c in RANGE_UNIT.captures_iter(line) {
            let m = c.get(0).unwrap();
            if prev_char(line, m.start())
                .is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '-')
            {
                continue;
            }
            let unit = &c[4];
            // The fix is the whole right form: a hyphen here is also range-mark-form's finding,
            // and the two must not advise different marks.
            let mark = text::range_mark(&c[2]);
            out.push(text::finding(
                RANGE_UNIT_OMISSION.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "范围的前一个数省略了“{unit}”：“{}”应写作“{}{unit}{}{}{unit}”",
                    en = "The first number of a range omits “{unit}”: write “{1}{unit}{2}{3}{unit}”, not “{0}”",
                    m.as_str(),
                    &c[1],
                    mark,
                    &c[3]
                ),
            ));
        }
    }
}

/// `approx-adjacent-dunhao`: 5、6个 for an approximation.
pub static APPROX_ADJACENT_DUNHAO: Rule = Rule {
    id: "approx-adjacent-dunhao",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "相邻两数表示概数时用了顿号或阿拉伯数字",
    doc: "检查：相邻两个数连用表示概数时加了顿号，如 5、6个街道、七、八米。\n\
          原因：概数用汉字数字，相邻两数之间不加顿号：五六个、七八米。\n\
          错误：约有5、6个街道 · 六、七十户\n\
          正确：约有五六个街道 · 六七十户\n\
          不报告：序数和并列列举（第1、2季度，1、2月份，一、二级，三、四类），三项以上的列举。\n\
          依据：GB/T 15835-2011《出版物上数字用法》4.2.2、5.2.1。",
    summary_en: "Enumeration comma or Arabic numerals in two adjacent numbers giving an estimate",
    doc_en: "Checks: two adjacent numbers giving an estimate with an enumeration comma between them, such as 5、6个街道, 七、八米.\n\
         Why: estimates are written in Chinese numerals with no comma between the two numbers: 五六个, 七八米.\n\
         Wrong: 约有5、6个街道 · 六、七十户\n\
         Right: 约有五六个街道 · 六七十户\n\
         Not reported: ordinals and lists (第1、2季度, 1、2月份, 一、二级, 三、四类); lists of three or more.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 4.2.2, 5.2.1.",
    check: Check::Doc(approx_adjacent_dunhao),
};

static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([1-9]|[一二三四五六七八九])、([1-9]|[二三四五六七八九])(十|百|千|万)?(个|名|人|次|家|户|天|周|米|件|倍|岁|小时|分钟|公里|吨|亩|辆|所|座|台|位|只|头)").unwrap()
});

fn approx_adjacent_dunhao(ctx: &DocContext, out: &mut Vec<Finding>) {
    let val = |s: &str| s.parse::<u32>().ok().or_else(|| text::cn_number(s));
    // A 、 between two digits is rare and found fast; only its lines are searched.
    let text = &ctx.doc.text;
    let is_digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || text::cn_digit(c).is_some());
    let candidates = memchr::memmem::find_iter(text.as_bytes(), "、".as_bytes()).filter(|&p| {
        is_digit(text::char_before(text, p)) && is_digit(text::char_at(text, p + "、".len()))
    });
    for (start, line) in ctx.lines_at(candidates) {
        for c in APPROX.captures_iter(line) {
            let m = c.get(0).unwrap();
            let (Some(a), Some(b)) = (val(&c[1]), val(&c[2])) else {
                continue;
            };
            if b != a + 1 {
                continue;
            }
            // 第1、2…, 2、3、4个 (an enumeration), 10、11.
            if prev_char(line, m.start())
                .is_some_and(|p| p == '第' || p == '、' || p.is_ascii_digit() || p == '.')
            {
                continue;
            }
            let cn = super::numbering::cn_of;
            let right = format!(
                "{}{}{}{}",
                cn(a),
                cn(b),
                c.get(3).map_or("", |x| x.as_str()),
                &c[4]
            );
            out.push(text::finding(
                APPROX_ADJACENT_DUNHAO.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "相邻两数表示概数不加顿号，并用汉字数字：“{}”应写作“{right}”",
                    en = "Two adjacent numbers giving an estimate take no 、 between them and are written in Chinese numerals: write “{right}”, not “{}”",
                    m.as_str()
                ),
            ));
        }
    }
}

/// `numeric-wording`: 约…左右 and similar redundant or illogical quantity wording.
pub static NUMERIC_WORDING: Rule = Rule {
    id: "numeric-wording",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "数量表述重复或不合逻辑（约……左右、减少N倍）",
    doc: "检查：约……左右、大约……上下、超过……以上、近……余 等重复的概数表述，以及“减少/降低/缩短 N倍”。\n\
          原因：“约”和“左右”都表示概数，只用其一；减少不能以“倍”计，应说减少了几分之几或百分之几。\n\
          错误：约460户左右 · 超过300人以上 · 办理时限减少了3倍\n\
          正确：约460户 / 460户左右 · 超过300人 · 办理时限缩短了四分之三\n\
          不报告：“增加N倍”“提高N倍”。\n\
          依据：GB/T 15835-2011 4.3（“约300人”与“300人左右”是两种写法，不叠用）。",
    summary_en: "Redundant or illogical wording of quantities (“约……左右”, “减少N倍”)",
    doc_en: "Checks: doubled estimates such as 约……左右, 大约……上下, 超过……以上, 近……余, and “减少/降低/缩短 N倍”.\n\
         Why: “约” and “左右” both mark an estimate, so only one is used; a decrease cannot be counted in multiples,\n\
         it is stated as a fraction or a percentage.\n\
         Wrong: 约460户左右 · 超过300人以上 · 办理时限减少了3倍\n\
         Right: 约460户 / 460户左右 · 超过300人 · 办理时限缩短了四分之三\n\
         Not reported: “增加N倍”, “提高N倍”.\n\
         Source: GB/T 15835-2011 4.3 (“约300人” and “300人左右” are two forms, not to be combined).",
    check: Check::Doc(numeric_wording),
};

static WORDING: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"[0-9.０-９一二三四五六七八九十百千万亿余多]+";
    let u = r"[^\s，。；：、,;0-9]{0,4}";
    Regex::new(&format!(
        r"(大约|约)({n}{u})(左右|上下)|(超过|多于|高于)({n}{u})以上|(近)({n}{u})余|(减少|降低|缩短|下降|压缩)了?({n})倍"
    ))
    .unwrap()
});

fn numeric_wording(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in ctx.lines_matching(&WORDING) {
        for c in WORDING.captures_iter(line) {
            let m = c.get(0).unwrap();
            let s = m.as_str();
            let msg = if c.get(1).is_some() {
                msg!(
                    zh = "“{}”与“{}”重复表示概数：“{s}”应只用其一",
                    en = "“{}” and “{}” both mark an estimate: use only one of them in “{s}”",
                    &c[1],
                    &c[3]
                )
            } else if c.get(4).is_some() {
                msg!(
                    zh = "“{}”与“以上”重复：“{s}”应只用其一",
                    en = "“{}” and “以上” say the same thing: use only one of them in “{s}”",
                    &c[4]
                )
            } else if c.get(6).is_some() {
                msg!(
                    zh = "“近”与“余”矛盾：“{s}”应只用其一",
                    en =
                        "“近” (nearly) contradicts “余” (more than): use only one of them in “{s}”"
                )
            } else {
                msg!(
                    zh = "减少不能以“倍”计：“{s}”应改为减少了几分之几或百分之几",
                    en = "A decrease cannot be counted in multiples (“倍”): restate “{s}” as a fraction or a percentage"
                )
            };
            out.push(text::finding(
                NUMERIC_WORDING.id,
                start + m.start(),
                start + m.end(),
                msg,
            ));
        }
    }
}

/// `yu-position`: 7余万 for 7万余.
pub static YU_POSITION: Rule = Rule {
    id: "yu-position",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "“余”的位置错误（7余万元）",
    doc: "检查：“余”夹在一位非零数字和“万”“亿”之间，如 7余万元。\n\
          原因：“余”表示零头，须放在整数位之后：7万余元（七万多）或70余万元（七十多万）。\n\
          错误：7余万元 · 3余亿元\n\
          正确：7万余元 / 70余万元\n\
          不报告：10余万、30余万（整十之后的“余”是对的）。\n\
          依据：GB/T 15835-2011 关于概数的写法。",
    summary_en: "“余” in the wrong place (“7余万元”)",
    doc_en: "Checks: “余” between a single non-zero digit and “万” or “亿”, as in 7余万元.\n\
         Why: “余” marks a remainder and follows the whole place value: 7万余元 (over seventy thousand) or\n\
         70余万元 (over seven hundred thousand).\n\
         Wrong: 7余万元 · 3余亿元\n\
         Right: 7万余元 / 70余万元\n\
         Not reported: 10余万, 30余万 (“余” after a round ten is right).\n\
         Source: the writing of estimates in GB/T 15835-2011.",
    check: Check::Doc(yu_position),
};

static YU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([1-9])余(万|亿)").unwrap());

fn yu_position(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for c in YU.captures_iter(line) {
            let m = c.get(0).unwrap();
            if prev_char(line, m.start()).is_some_and(|p| p.is_ascii_digit() || p == '.') {
                continue;
            }
            out.push(text::finding(
                YU_POSITION.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "“余”的位置错误：“{}”应写作“{}{}余”或“{}0余{}”",
                    en = "“余” is in the wrong place: write “{}” as “{}{}余” or “{}0余{}”",
                    m.as_str(),
                    &c[1],
                    &c[2],
                    &c[1],
                    &c[2]
                ),
            ));
        }
    }
}

/// `session-numerals`: Arabic numerals in 届次 and 会次.
pub static SESSION_NUMERALS: Rule = Rule {
    id: "session-numerals",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "届次、会次用了阿拉伯数字",
    doc: "检查：党代会、人大、政协的届次、会次和全会用阿拉伯数字，如 第8次党代会、第9届委员会第4次会议、\n\
          党的20大、十九届5中全会。\n\
          原因：届次、会次是定型的称谓，用汉字数字（十一届全国人大一次会议）。\n\
          错误：中共临川市第8次代表大会 · 平江县政协第9届委员会第4次会议\n\
          正确：中共临川市第八次代表大会 · 平江县政协第九届委员会第四次会议\n\
          不报告：常务会议、办公会议的会次（国务院第15次常务会议，惯用阿拉伯数字）；博览会等活动的届次。\n\
          依据：GB/T 15835-2011《出版物上数字用法》4.3 的示例。",
    summary_en: "Arabic numerals in the number of a congress, session or plenary meeting",
    doc_en: "Checks: Arabic numerals in the numbers of Party congresses, people's congresses and CPPCC committees, their\n\
         sessions and plenary meetings, such as 第8次党代会, 第9届委员会第4次会议, 党的20大, 十九届5中全会.\n\
         Why: these numbers are fixed titles written in Chinese numerals (十一届全国人大一次会议).\n\
         Wrong: 中共临川市第8次代表大会 · 平江县政协第9届委员会第4次会议\n\
         Right: 中共临川市第八次代表大会 · 平江县政协第九届委员会第四次会议\n\
         Not reported: numbers of executive and office meetings (国务院第15次常务会议 customarily takes Arabic\n\
         numerals); editions of fairs and other events.\n\
         Source: the examples of GB/T 15835-2011 《出版物上数字用法》 4.3.",
    check: Check::Doc(session_numerals),
};

static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[0-9]+届[^，。；、\s]{0,12}?(人民代表大会|人大|政协|委员会|代表大会|党代会|全会)|第[0-9]+次(党代会|代表大会|全体会议|全会)|[0-9]+中全会|党的[0-9]+大|届[0-9]+次(会议|全会)|[一二三四五六七八九十]届[0-9]+中").unwrap()
});

fn session_numerals(ctx: &DocContext, out: &mut Vec<Finding>) {
    for (start, line) in digit_body(ctx) {
        for m in SESSION.find_iter(line) {
            if m.as_str().contains("常务") {
                continue;
            }
            out.push(text::finding(
                SESSION_NUMERALS.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "届次、会次应使用汉字数字：“{}”中的阿拉伯数字应改为汉字",
                    en = "Numbers of sessions and meetings are written in Chinese numerals: change the Arabic numerals in “{}” to Chinese",
                    m.as_str()
                ),
            ));
        }
    }
}

/// `thousands-separator`: thousands commas mixed with ungrouped numbers, or in a 4-digit number.
pub static THOUSANDS_SEPARATOR: Rule = Rule {
    id: "thousands-separator",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "千分位分节不统一或四位数用了分节号",
    doc: "检查：同一文件中既有 24,150 这样分节的数，又有 31760 这样不分节的五位以上数；或四位整数用分节号（1,500）。\n\
          原因：分节与否全文应一致；四位以内的整数不分节。\n\
          错误：补助资金24,150元，另拨付31760元\n\
          正确：24150元 … 31760元\n\
          不报告：通篇用半角逗号作标点的文件（“14,500”可能是两个数，由 halfwidth-punct-in-cjk 报告）；\n\
          年份、编号、电话等不跟单位的数字。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.1.1。",
    summary_en: "Inconsistent thousands separators, or a separator in a four-digit number",
    doc_en: "Checks: a document with both separated numbers such as 24,150 and unseparated numbers of five digits or\n\
         more such as 31760; or a four-digit integer with a separator (1,500).\n\
         Why: separators are used throughout or not at all; integers of four digits or fewer take none.\n\
         Wrong: 补助资金24,150元，另拨付31760元\n\
         Right: 24150元 … 31760元\n\
         Not reported: documents using the half-width comma as punctuation throughout (“14,500” may be two numbers;\n\
         halfwidth-punct-in-cjk reports it); years, codes, telephone numbers and other numbers without a unit.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.1.",
    check: Check::Doc(thousands_separator),
};

static GROUPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?").unwrap());
static PLAIN_BIG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{5,}(?:\.[0-9]+)?").unwrap());

fn thousands_separator(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    // An ASCII comma used as punctuation makes 14,500 ambiguous.
    let ascii_commas = text
        .match_indices(',')
        .filter(|(i, _)| text::char_before(text, *i).is_some_and(text::is_han))
        .count();
    if ascii_commas >= 2 {
        return;
    }
    let with_unit = |line: &str, end: usize| text::char_at(line, end).is_some_and(text::is_han);
    let edge = |line: &str, s: usize| {
        !text::char_before(line, s).is_some_and(|p| p.is_ascii_alphanumeric() || "-/.".contains(p))
    };
    let mut grouped = Vec::new();
    let mut plain = None;
    for (start, line) in digit_body(ctx) {
        for m in GROUPED.find_iter(line) {
            if edge(line, m.start()) && with_unit(line, m.end()) {
                grouped.push((start + m.start(), start + m.end(), m.as_str().to_string()));
            }
        }
        if plain.is_none() {
            plain = PLAIN_BIG
                .find_iter(line)
                .find(|m| edge(line, m.start()) && with_unit(line, m.end()))
                .map(|m| (start + m.start(), m.as_str().to_string()));
        }
    }
    for (s, e, g) in &grouped {
        let digits = g.split('.').next().unwrap_or("").replace(',', "");
        if digits.len() == 4 {
            out.push(text::finding(
                THOUSANDS_SEPARATOR.id,
                *s,
                *e,
                msg!(
                    zh = "四位整数不分节：“{g}”应写作“{digits}”",
                    en = "A four-digit integer takes no thousands separator: write “{digits}”, not “{g}”"
                ),
            ));
        }
    }
    if let (Some((s, e, g)), Some((ps, p))) = (
        grouped
            .iter()
            .find(|g| g.2.replace(',', "").split('.').next().unwrap_or("").len() > 4),
        plain,
    ) {
        let f = text::finding(
            THOUSANDS_SEPARATOR.id,
            *s,
            *e,
            msg!(
                zh = "千分位分节不统一：此处写作“{g}”，另有“{p}”不分节，全文应统一",
                en = "Thousands separators are used inconsistently: “{g}” here, but “{p}” elsewhere has none; use one style throughout"
            ),
        );
        out.push(f.with_related(crate::span::Span::new(ps, ps + p.len())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;
    use crate::Document;

    /// The fixes `check` advises for `text`, by rule.
    fn fixes(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text("t.txt", text);
        Checker::default_rules()
            .check_document(&DocContext::text_only(&doc))
            .into_iter()
            .filter(|f| f.rule.starts_with("range-"))
            .map(|f| (f.rule.to_string(), f.message))
            .collect()
    }

    #[test]
    fn a_range_missing_its_first_unit_is_fixed_with_the_right_mark_too() {
        // From the 2026 黑龙江省政府工作报告: both rules report the range, and the whole fix of
        // the one must satisfy the other.
        let found = fixes("主要预期目标是：地区生产总值增长4.5-5%，在实际工作中争取更好结果。");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1.contains("“4.5-5%”应写作“4.5—5%”"), "{found:?}");
        assert!(found[1].1.contains("“4.5-5%”应写作“4.5%—5%”"), "{found:?}");
        let found = fixes("投资规模3~5万元，增幅20～35%。");
        assert!(
            found.iter().any(|f| f.1.contains("应写作“3万～5万”")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.1.contains("应写作“20%～35%”")),
            "{found:?}"
        );
    }

    #[test]
    fn every_signoff_date_line_passes_the_length_and_end_test() {
        let mut lines: Vec<String> = vec![
            "二〇二五年十二月三十一日印发".into(),
            "二〇二五年十二月三十一日".into(),
            "二OO五年一月一日".into(),
        ];
        for text in crate::corpus_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        let mut matched = 0;
        for t in &lines {
            if CN_DATE_LINE.is_match(t) {
                matched += 1;
                assert!(t.len() <= CN_DATE_LINE_MAX, "{t}");
                assert!(t.ends_with('日') || t.ends_with("印发"), "{t}");
            }
        }
        assert!(matched >= 3, "{matched}");
        assert_eq!("二〇二五年十二月三十一日印发".len(), CN_DATE_LINE_MAX);
    }
}
