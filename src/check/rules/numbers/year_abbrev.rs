//! `year-abbrev`: a two-digit year used as a date (24年底, 于24年, ’24).

use std::sync::LazyLock;

use regex::Regex;

use super::{digit_body, prev_char};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: false,
};

static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(于|在|至|到)?([0-9]{2})年(底|初|末|度|上半年|下半年|新招录|新入职|新录用|[0-9]{1,2}月)",
    )
    .unwrap()
});
static APOS_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[’'‘]([0-9]{2})(年)?").unwrap());

fn year_abbrev(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in digit_body(ctx) {
        for c in SHORT_YEAR.captures_iter(line) {
            let y = c.get(2).unwrap();
            let p = prev_char(line, c.get(0).unwrap().start());
            // 2024年 (part of a longer number), 第24年度, 近10年来, 1.24年; after an apostrophe
            // (’24年度) the year is reported once, with its apostrophe, below.
            if p.is_some_and(|p| p.is_ascii_digit() || "第近每多.’'‘".contains(p)) {
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
