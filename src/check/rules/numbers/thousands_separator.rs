//! `thousands-separator`: thousands separators used inconsistently, or in a four-digit integer.

use std::sync::LazyLock;

use regex::Regex;

use super::digit_body;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: true,
};

static GROUPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?").unwrap());
static PLAIN_BIG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{5,}(?:\.[0-9]+)?").unwrap());

fn thousands_separator(ctx: &DocContext, out: &mut Findings) {
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
            )
            .with_replacement(g.replace(",", "")));
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
