//! `range-mark-form`: a range of numbers or dates written with a hyphen, a double dash or an
//! ASCII tilde.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: true,
};

static BAD_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{1,4}(?:\.[0-9]+)?)(年|月|日|%)?(-|~|——|－－|--)([0-9]{1,4}(?:\.[0-9]+)?)(年|月|日|%|万|亿|元|个|天|周|岁|时|小时|人|次|家|户|件|项|米|公里|吨|亩|倍|分)",
    )
    .unwrap()
});

fn range_mark_form(ctx: &DocContext, out: &mut Findings) {
    let mut found = text::Folding::default();
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
            found.push(
                text::finding(
                    RANGE_MARK_FORM.id,
                    start + m.start(),
                    start + m.end(),
                    msg!(
                        zh = "起止范围误用“{mark}”：“{}”应写作“{}”",
                        en = "A range uses “{mark}” as its dash: write “{1}”, not “{0}”",
                        m.as_str(),
                        m.as_str().replacen(mark, right, 1)
                    ),
                )
                .with_replacement(m.as_str().replacen(mark, right, 1)),
            );
        }
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处起止范围用短横线、破折号或半角浪纹线，应使用一字线“—”或浪纹线“～”；此处为首处",
            en = "{n} ranges in this document use a hyphen, a double dash or a half-width tilde; a range takes the dash “—” or the wave dash “～”; this is the first"
        )
    });
}
