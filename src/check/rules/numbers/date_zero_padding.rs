//! `date-zero-padding`: a month or day padded with 0 in a date written with 年月日.

use std::sync::LazyLock;

use regex::Regex;

use super::digit_body;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: true,
};

static YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年\s*([0-9]{1,2})月(?:\s*([0-9]{1,2})日)?").unwrap());

fn date_zero_padding(ctx: &DocContext, out: &mut Findings) {
    let mut found = text::Folding::default();
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
            )
            .with_replacement(fixed.as_str()));
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处日期的月、日前补了0，如“2025年04月08日”应写作“2025年4月8日”；此处为首处",
            en = "{n} dates in this document pad the month or day with 0 (write “2025年4月8日”, not “2025年04月08日”); this is the first"
        )
    });
}
