//! `session-numerals`: Arabic numerals in the numbers of congresses, sessions and plenary meetings.

use std::sync::LazyLock;

use regex::Regex;

use super::digit_body;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

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
    safe_fix: false,
};

static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[0-9]+届[^，。；、\s]{0,12}?(人民代表大会|人大|政协|委员会|代表大会|党代会|全会)|第[0-9]+次(党代会|代表大会|全体会议|全会)|[0-9]+中全会|党的[0-9]+大|届[0-9]+次(会议|全会)|[一二三四五六七八九十]届[0-9]+中").unwrap()
});

fn session_numerals(ctx: &DocContext, out: &mut Findings) {
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
