//! `fullwidth-digits`: the full-width digits ０–９.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: true,
};

/// A number in full-width digits, with its full-width decimal point: ９９．４ is one place.
static FW_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[０-９]+(?:．[０-９]+)*").unwrap());

fn fullwidth_digits(ctx: &DocContext, out: &mut Findings) {
    let mut found = text::Folding::default();
    for (start, line) in ctx.lines_matching(&FW_DIGITS) {
        for m in FW_DIGITS.find_iter(line) {
            let half: String = m
                .as_str()
                .chars()
                .map(|c| match c {
                    '．' => '.',
                    _ => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
                })
                .collect();
            found.push(
                text::finding(
                    FULLWIDTH_DIGITS.id,
                    start + m.start(),
                    start + m.end(),
                    msg!(
                        zh = "全角数字“{}”应写作半角“{half}”",
                        en = "Write the full-width digits “{}” as half-width “{half}”",
                        m.as_str()
                    ),
                )
                .with_replacement(half.as_str()),
            );
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处使用全角数字，阿拉伯数字应使用半角形式；此处为首处",
            en = "{n} places in this document use full-width digits; Arabic numerals are written half-width; this is the first"
        )
    });
}
