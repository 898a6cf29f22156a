//! `approx-adjacent-dunhao`: two adjacent numbers giving an estimate with 、 between them (5、6个).

use std::sync::LazyLock;

use regex::Regex;

use super::prev_char;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `approx-adjacent-dunhao`: 5、6个 for an approximation.
pub static APPROX_ADJACENT_DUNHAO: Rule = Rule {
    id: "approx-adjacent-dunhao",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "相邻两数表示概数时用了顿号或阿拉伯数字",
    doc: "检查：相邻两个数连用表示概数时加了顿号，如 5、6个街道、七、八米。\n\
          原因：概数用汉字数字，相邻两数之间不加顿号：五六个、七八米。\n\
          错误：约有5、6个街道 · 六、七十户\n\
          正确：约有五六个街道 · 六七十户\n\
          不报告：序数和并列列举（第1、2季度，1、2月份，一、二级，三、四类），三项以上的列举。\n\
          依据：GB/T 15835-2011《出版物上数字用法》4.2.2、5.2.1。",
    summary_en: "Enumeration comma or Arabic numerals in two adjacent numbers giving an estimate",
    doc_en: "Checks: two adjacent numbers giving an estimate with an enumeration comma between them, such as 5、6个街道, 七、八米.\n\
         Why: estimates are written in Chinese numerals with no comma between the two numbers: 五六个, 七八米.\n\
         Wrong: 约有5、6个街道 · 六、七十户\n\
         Right: 约有五六个街道 · 六七十户\n\
         Not reported: ordinals and lists (第1、2季度, 1、2月份, 一、二级, 三、四类); lists of three or more.\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 4.2.2, 5.2.1.",
    check: Check::Doc(approx_adjacent_dunhao),
    safe_fix: false,
};

static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([1-9]|[一二三四五六七八九])、([1-9]|[二三四五六七八九])(十|百|千|万)?(个|名|人|次|家|户|天|周|米|件|倍|岁|小时|分钟|公里|吨|亩|辆|所|座|台|位|只|头)").unwrap()
});

fn approx_adjacent_dunhao(ctx: &DocContext, out: &mut Findings) {
    let val = |s: &str| s.parse::<u32>().ok().or_else(|| text::cn_number(s));
    // A 、 between two digits is rare and found fast; only its lines are searched.
    let text = &ctx.doc.text;
    let is_digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || text::cn_digit(c).is_some());
    let candidates = memchr::memmem::find_iter(text.as_bytes(), "、".as_bytes()).filter(|&p| {
        is_digit(text::char_before(text, p)) && is_digit(text::char_at(text, p + "、".len()))
    });
    for (start, line) in ctx.lines_at(candidates) {
        for c in APPROX.captures_iter(line) {
            let m = c.get(0).unwrap();
            let (Some(a), Some(b)) = (val(&c[1]), val(&c[2])) else {
                continue;
            };
            if b != a + 1 {
                continue;
            }
            // 第1、2…, 2、3、4个 (an enumeration), 10、11.
            if prev_char(line, m.start())
                .is_some_and(|p| p == '第' || p == '、' || p.is_ascii_digit() || p == '.')
            {
                continue;
            }
            let cn = crate::check::rules::numbering::cn_of;
            let right = format!(
                "{}{}{}{}",
                cn(a),
                cn(b),
                c.get(3).map_or("", |x| x.as_str()),
                &c[4]
            );
            out.push(text::finding(
                APPROX_ADJACENT_DUNHAO.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "相邻两数表示概数不加顿号，并用汉字数字：“{}”应写作“{right}”",
                    en = "Two adjacent numbers giving an estimate take no 、 between them and are written in Chinese numerals: write “{right}”, not “{}”",
                    m.as_str()
                ),
            )
            .with_replacement(right.as_str()));
        }
    }
}
