//! `signoff-date-chinese`: a date of writing or printing on a line of its own in Chinese numerals.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// Body lines with their offsets, without web metadata and newspaper lines.
fn body<'c>(ctx: &'c DocContext) -> impl Iterator<Item = (usize, &'c str)> {
    ctx.text_lines().iter().copied()
}

/// `signoff-date-chinese`: a 成文日期 in Chinese numerals.
pub static SIGNOFF_DATE_CHINESE: Rule = Rule {
    id: "signoff-date-chinese",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "成文日期、印发日期用了汉字数字",
    doc: "检查：单独成行的成文日期或印发日期写成汉字数字，如 二〇二五年一月二十二日。\n\
          原因：GB/T 9704-2012 起成文日期用阿拉伯数字；1999年版用汉字，旧模板沿用至今。\n\
          错误：二〇二五年一月二十二日\n\
          正确：2025年1月22日\n\
          不报告：2012年7月1日以前的文件（当时的标准要求汉字）；括号中的法规题注日期；正文中的日期。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.5.4。",
    summary_en: "Date of a document or of its printing in Chinese numerals",
    doc_en: "Checks: a date of writing or printing on a line of its own written in Chinese numerals, such as 二〇二五年一月二十二日.\n\
         Why: since GB/T 9704-2012 the date of a document is written in Arabic numerals; the 1999 edition used\n\
         Chinese numerals, and old templates still do.\n\
         Wrong: 二〇二五年一月二十二日\n\
         Right: 2025年1月22日\n\
         Not reported: documents from before 1 July 2012 (the standard of the time required Chinese numerals);\n\
         dates in the parenthesised note under the title of a regulation; dates in the body text.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.5.4.",
    check: Check::Doc(signoff_date_chinese),
    safe_fix: false,
};

static CN_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(印发)?$").unwrap()
});

/// The longest line `CN_DATE_LINE` matches, in bytes: twelve characters of three bytes and 印发.
const CN_DATE_LINE_MAX: usize = 12 * 3 + "印发".len();

fn cn_year(s: &str) -> Option<i32> {
    s.chars()
        .map(|c| match c {
            '〇' | '○' | '零' | 'O' => Some(0),
            c => text::cn_digit(c).filter(|d| *d < 10),
        })
        .try_fold(0i32, |acc, d| d.map(|d| acc * 10 + d as i32))
}

fn signoff_date_chinese(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in body(ctx) {
        let i = text::indent_len(line);
        let t = line[i..].trim_end();
        // What the pattern needs of a line, tested first: a search costs more than the test
        // on the many lines that fail it.
        if t.len() > CN_DATE_LINE_MAX || !(t.ends_with('日') || t.ends_with("印发")) {
            continue;
        }
        let Some(c) = CN_DATE_LINE.captures(t) else {
            continue;
        };
        let Some(y) = cn_year(&c[1]) else { continue };
        if y < 2012 || ctx.meta.year.is_some_and(|d| d < 2012) {
            continue;
        }
        let (Some(mo), Some(d)) = (text::cn_number(&c[2]), text::cn_number(&c[3])) else {
            continue;
        };
        out.push(text::finding(
            SIGNOFF_DATE_CHINESE.id,
            start + i,
            start + i + t.len(),
            msg!(
                zh = "成文日期应使用阿拉伯数字：“{t}”应写作“{y}年{mo}月{d}日{}”",
                en = "The date of a document is written in Arabic numerals: write “{y}年{mo}月{d}日{}”, not “{t}”",
                c.get(4).map_or("", |m| m.as_str())
            ),
        )
        .with_replacement(format!("{y}年{mo}月{d}日{}", c.get(4).map_or("", |m| m.as_str()))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signoff_date_line_passes_the_length_and_end_test() {
        let mut lines: Vec<String> = vec![
            "二〇二五年十二月三十一日印发".into(),
            "二〇二五年十二月三十一日".into(),
            "二OO五年一月一日".into(),
        ];
        for text in crate::corpus_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        let mut matched = 0;
        for t in &lines {
            if CN_DATE_LINE.is_match(t) {
                matched += 1;
                assert!(t.len() <= CN_DATE_LINE_MAX, "{t}");
                assert!(t.ends_with('日') || t.ends_with("印发"), "{t}");
            }
        }
        assert!(matched >= 3, "{matched}");
        assert_eq!("二〇二五年十二月三十一日印发".len(), CN_DATE_LINE_MAX);
    }
}
