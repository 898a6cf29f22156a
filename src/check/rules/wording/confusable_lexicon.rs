//! `confusable-lexicon`: the confusable words of `dicts/confusables.csv` (截止/截至, 其它/其他,
//! 布署/部署……), some only before a time.

use std::sync::LazyLock;

use regex::Regex;

use super::entries;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

const CONFUSABLES: &str = include_str!("../../../../dicts/confusables.csv");

/// `confusable-lexicon`: curated confusables with their context.
pub static CONFUSABLE_LEXICON: Rule = Rule {
    id: "confusable-lexicon",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "易混用词（截止/截至、其它/其他、布署/部署等）",
    doc: "检查：dicts/confusables.csv 所列易混词：“截止”后接时间（截止今年6月末）、其它、布署等。\n\
          原因：“截至”表示到某一时间为止，后接时间；“截止”表示到期停止，不带宾语。“其他”为规范用法，\n\
          “布署”是错字。\n\
          错误：截止今年6月末 · 布署 · 其它事项\n\
          正确：截至今年6月末 · 部署 · 其他事项\n\
          不报告：截止日期、报名截止（不带时间宾语）；书名号内的标题。\n\
          依据：《现代汉语词典》；《第一批异形词整理表》(GF 1001-2001) 的推荐词形。",
    summary_en: "Confusable words (“截止”/“截至”, “其它”/“其他”, “布署”/“部署” and others)",
    doc_en: "Checks: the confusable words of dicts/confusables.csv: “截止” followed by a time (截止今年6月末), 其它, 布署 and others.\n\
         Why: “截至” means up to a time and is followed by it; “截止” means to close and takes no object. “其他” is\n\
         the standard form, and “布署” a miswritten word.\n\
         Wrong: 截止今年6月末 · 布署 · 其它事项\n\
         Right: 截至今年6月末 · 部署 · 其他事项\n\
         Not reported: 截止日期, 报名截止 (no time as object); titles in 《》.\n\
         Source: 《现代汉语词典》; the recommended forms of 《第一批异形词整理表》 (GF 1001-2001).",
    check: Check::Doc(confusable_lexicon),
    safe_fix: true,
};

struct Confusable {
    wrong: String,
    right: String,
    after_time: bool,
}

static CONFUSABLE_LIST: LazyLock<Vec<Confusable>> = LazyLock::new(|| {
    entries(CONFUSABLES)
        .filter_map(|l| {
            let mut it = l.split(',');
            Some(Confusable {
                wrong: it.next()?.trim().to_string(),
                right: it.next()?.trim().to_string(),
                after_time: it.next().is_some_and(|c| c.trim() == "after-time"),
            })
        })
        .filter(|c| !c.wrong.is_empty() && !c.right.is_empty())
        .collect()
});

static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(到|至)?\s*(目前|今年|去年|本年|当年|上年|年底|年末|本月|月底|发稿|报告期|上半年|前三季度|[0-9]{4}|[0-9]{1,2}月|二〇|[一二三四五六七八九十]{1,2}月)").unwrap()
});

fn confusable_lexicon(ctx: &DocContext, out: &mut Findings) {
    static WRONG: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(CONFUSABLE_LIST.iter().map(|c| &c.wrong)));
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    for (i, p) in WRONG.match_indices_each(text) {
        let c = &CONFUSABLE_LIST[i];
        let end = p + c.wrong.len();
        if text::in_ranges(titles, p) || (c.after_time && !TIME_AFTER.is_match(&text[end..])) {
            continue;
        }
        out.push(
            text::finding(
                CONFUSABLE_LEXICON.id,
                p,
                end,
                msg!(
                    zh = "“{}”应写作“{}”",
                    en = "Write “{1}”, not “{0}”",
                    c.wrong,
                    c.right
                ),
            )
            // 截止至/截止到 a date is read both ways (截止 with 至, or 截至 doubled): the fix
            // 截至至 would be wrong, so a person decides.
            .with_replacement_if(
                !(c.after_time && text[end..].starts_with(['至', '到'])),
                c.right.as_str(),
            ),
        );
    }
}
