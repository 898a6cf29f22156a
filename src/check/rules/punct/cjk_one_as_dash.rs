//! `cjk-one-as-dash`: the Chinese numeral 一 between two Arabic numbers, where a range needs
//! the dash —.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
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
    safe_fix: true,
};

static ONE_BETWEEN_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９]+一[0-9０-９]+").unwrap());

fn cjk_one_as_dash(ctx: &DocContext, out: &mut Findings) {
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
        let fixed = s.replacen('一', "—", 1);
        out.push(
            Finding::new(
                CJK_ONE_AS_DASH.id,
                Span::new(m.start(), m.end()),
                msg!(
                    zh = "起止范围误用汉字“一”作连接号：“{s}”应写作“{}”",
                    en = "A range uses the Chinese numeral “一” as its dash: write “{}”, not “{s}”",
                    fixed
                ),
            )
            .with_replacement(fixed),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
