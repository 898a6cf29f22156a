//! `heading-number-form`: a malformed ordinal: 一. （一）、 1、 第一、 and the like.

use std::sync::LazyLock;

use regex::Regex;

use super::{body_lines, heading_marker};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

pub static HEADING_NUMBER_FORM: Rule = Rule {
    id: "heading-number-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "层次序数的标点形式错误",
    doc: "检查：段首序号的标点：一. 一， 三． （一）、 （一）. 1、 1， （1）、 ①、 第一、。\n\
          原因：结构层次序数依次为“一、”“（一）”“1.”“（1）”；带括号的序号后不再加标点，“第一”后用逗号。\n\
          同一种错误写法通篇使用时只在首处报告一次。\n\
          错误：（一）、责任分工 · 1、摸清底数 · 二．强化…… · 第一、\n\
          正确：（一）责任分工 · 1.摸清底数 · 二、强化…… · 第一，\n\
          不报告：“第一条”等条款序号；1.5万、1、2月 这类数字；“1．”（全角下脚点，常见排版）。\n\
          半角括号“(一)”由 halfwidth-punct-in-cjk 报告。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3；GB/T 15834-2011 关于序次语的说明。",
    summary_en: "Wrong punctuation in a heading number",
    doc_en: "Checks: the punctuation of an item number at the start of a paragraph: 一. 一， 三． （一）、 （一）. 1、 1， （1）、 ①、 第一、.\n\
         Why: the levels of structure are numbered “一、”, “（一）”, “1.”, “（1）”; a number in parentheses takes no\n\
         further mark, and “第一” takes a comma. A wrong form used throughout is reported once, at the first place.\n\
         Wrong: （一）、责任分工 · 1、摸清底数 · 二．强化…… · 第一、\n\
         Right: （一）责任分工 · 1.摸清底数 · 二、强化…… · 第一，\n\
         Not reported: article numbers such as “第一条”; numbers such as 1.5万, 1、2月; “1．” (a full-width point,\n\
         common in typesetting). Half-width parentheses “(一)” are reported by halfwidth-punct-in-cjk.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3; the notes on ordinal words of GB/T 15834-2011.",
    check: Check::Doc(heading_number_form),
    safe_fix: false,
};

/// 第一、: 第一 is a sequence word, not an ordinal `heading_marker` knows, and takes a comma.
static DI_YI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第([一二三四五六七八九十]{1,3})、").unwrap());

fn heading_number_form(ctx: &DocContext, out: &mut Findings) {
    // Grouped by wrong form, so that a numbering style used throughout is one finding; each
    // group keeps its first message for the summary and folds the rest as they come.
    let mut groups: Vec<(String, String, text::Folding)> = Vec::new();
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        let (wrong, fix, len) = if let Some(h) = heading_marker(t) {
            match h.fix {
                Some(fix) => (t[..h.len].to_string(), fix, h.len),
                None => continue,
            }
        } else if let Some(c) = t
            .starts_with('第')
            .then(|| DI_YI.captures(t))
            .flatten()
            // 第一、二、三产业: ordinals counted in a sentence, not a sequence word.
            .filter(|c| {
                let n = text::cn_number(&c[1]).unwrap_or(0);
                !text::is_numeral_list(n, &t[c.get(0).unwrap().end()..])
            })
        {
            let m = c.get(0).unwrap();
            (m.as_str().to_string(), format!("第{}，", &c[1]), m.end())
        } else {
            continue;
        };
        let shape: String = wrong
            .chars()
            .map(|c| {
                if c.is_ascii_digit() || text::cn_digit(c).is_some() {
                    'N'
                } else {
                    c
                }
            })
            .collect();
        let f = text::finding(
            HEADING_NUMBER_FORM.id,
            start,
            start + len,
            msg!(
                zh = "层次序数“{wrong}”形式错误，应写作“{fix}”",
                en = "Heading number “{wrong}” has the wrong form: write “{fix}”"
            ),
        )
        .with_replacement(fix.as_str());
        match groups.iter_mut().find(|g| g.0 == shape) {
            Some(g) => g.2.push(f),
            None => {
                let example = f.message.clone();
                let mut found = text::Folding::default();
                found.push(f);
                groups.push((shape, example, found));
            }
        }
    }
    for (shape, example, found) in groups {
        text::push_folded(out, found, |n| {
            msg!(
                zh = "全文{n}处层次序数写作“{shape}”式：{example}；此处为首处",
                en = "{n} heading numbers in this document take the form “{shape}”: {example}; this is the first"
            )
        });
    }
}
