//! `zero-glyph`: a year in Chinese numerals whose zero is ○, O, 0 or 零 instead of 〇.

use std::sync::LazyLock;

use regex::Regex;

use super::prev_char;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `zero-glyph`: ○, O or 零 as the zero of a year in Chinese numerals.
pub static ZERO_GLYPH: Rule = Rule {
    id: "zero-glyph",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "汉字年份中的零写成“○”“O”或“零”",
    doc: "检查：汉字数字年份中用几何图形“○”（U+25CB）、字母 O、数字0或“零”表示零。\n\
          原因：编号、年份中的零用汉字“〇”（U+3007）；“○”是符号，“零”用于计量。\n\
          错误：二○二四年 · 二零二四年 · 二O二四年\n\
          正确：二〇二四年\n\
          不报告：计量中的“零”（三千零五十二）。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.2.5。",
    summary_en: "Zero of a year in Chinese numerals written “○”, “O” or “零”",
    doc_en: "Checks: a year in Chinese numerals whose zero is the circle “○” (U+25CB), the letter O, the digit 0 or “零”.\n\
         Why: the zero in numbers and years is the character “〇” (U+3007); “○” is a symbol, and “零” is used in quantities.\n\
         Wrong: 二○二四年 · 二零二四年 · 二O二四年\n\
         Right: 二〇二四年\n\
         Not reported: “零” in quantities (三千零五十二).\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.2.5.",
    check: Check::Doc(zero_glyph),
    safe_fix: false,
};

static CN_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〇○零OΟ0一二三四五六七八九]{4}年").unwrap());

fn zero_glyph(ctx: &DocContext, out: &mut Findings) {
    // Only a year holding one of these is reported, and they are rare: the lines without any
    // need no search.
    static BAD_ZERO: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(["○", "零", "O", "Ο", "0"]));
    for (start, line) in ctx.lines_with(&BAD_ZERO) {
        for m in CN_YEAR.find_iter(line) {
            let s = m.as_str();
            let han = s.chars().filter(|c| text::cn_digit(*c).is_some()).count();
            let bad = s.chars().filter(|c| "○零OΟ0".contains(*c)).count();
            if han < 2
                || bad == 0
                || prev_char(line, m.start()).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            let fixed: String = s
                .chars()
                .map(|c| if "○零OΟ0".contains(c) { '〇' } else { c })
                .collect();
            out.push(text::finding(
                ZERO_GLYPH.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "年份中的零应写作“〇”：“{s}”应写作“{fixed}”",
                    en = "A zero in a year written in Chinese numerals is “〇”: write “{fixed}”, not “{s}”"
                ),
            )
            .with_replacement(fixed.as_str()));
        }
    }
}
