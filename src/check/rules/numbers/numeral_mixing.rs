//! `numeral-mixing`: Arabic numerals combined with 十, 百 or 千 as a place value.

use std::sync::LazyLock;

use regex::Regex;

use super::{digit_body, prev_char};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
          不报告：2.7万户、10亿元；千米、千克、千瓦、千伏、千牛、百帕等计量单位；百分点、百分比；算力单位“百亿亿次”。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.3。",
    summary_en: "Arabic numerals combined with “十”, “百”, “千”",
    doc_en: "Checks: an Arabic number followed by “十”, “百” or “千” as a place value, such as 6千余份, 3百零5, 3千万.\n\
         Why: Arabic numerals combine only with “万” and “亿”; with 十, 百, 千 they mix two kinds of numerals.\n\
         Wrong: 6千余份 · 3百名\n\
         Right: 6000余份 / 六千余份 · 300名\n\
         Not reported: 2.7万户, 10亿元; units such as 千米, 千克, 千瓦, 千伏, 千牛, 百帕; 百分点, 百分比; the computing unit “百亿亿次”.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.3.",
    check: Check::Doc(numeral_mixing),
    safe_fix: false,
};

static DIGIT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:\.[0-9]+)?([十百千])").unwrap());
const SI_AFTER_QIAN: &str = "米克瓦伏帕焦赫卡兆字牛";

fn numeral_mixing(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in digit_body(ctx) {
        for c in DIGIT_PLACE.captures_iter(line) {
            let m = c.get(0).unwrap();
            let next = text::char_at(line, m.end());
            let place = &c[1];
            if place == "千" && next.is_some_and(|n| SI_AFTER_QIAN.contains(n)) {
                continue;
            }
            // 百分点; 1000百帕 (hectopascals); 百亿亿次 (a unit of computing speed).
            if place == "百"
                && (next == Some('分') || next == Some('帕') || line[m.end()..].starts_with("亿亿"))
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
