//! Punctuation rules (GB/T 15834-2011).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};
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
    check: Check::Doc(cjk_one_as_dash),
};

static ONE_BETWEEN_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９]+一[0-9０-９]+").unwrap());

fn cjk_one_as_dash(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    for m in ONE_BETWEEN_DIGITS.find_iter(text) {
        let s = m.as_str();
        out.push(Finding::new(
            CJK_ONE_AS_DASH.id,
            Span::new(m.start(), m.end()),
            format!(
                "起止范围误用汉字“一”作连接号：“{s}”应写作“{}”",
                s.replacen('一', "—", 1)
            ),
        ));
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
            .check_document(&DocContext {
                doc: &doc,
                tokens: &[],
                figures: &[],
                docnums: &[],
                citations: &[],
                meta: &Default::default(),
            })
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
