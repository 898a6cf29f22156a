//! `date-invalid`: a date that does not exist (13月, 2月30日, 2月29日 of a common year).

use std::sync::LazyLock;

use regex::Regex;

use super::{digit_body, prev_char};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: false,
};

static MD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日").unwrap());
/// `MD` that must start where the search starts: asked after every month-only date, an
/// unanchored search would run on to the end of the line each time.
static MD_HERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日").unwrap());
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

fn date_invalid(ctx: &DocContext, out: &mut Findings) {
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
            let followed_by_day = MD_HERE.is_match(&line[m.start()..]);
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
