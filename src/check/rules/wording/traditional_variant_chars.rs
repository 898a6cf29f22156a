//! `traditional-variant-chars`: traditional characters and non-recommended word forms, from
//! `dicts/variants.csv`.

use std::sync::LazyLock;

use super::entries;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

const VARIANTS: &str = include_str!("../../../../dicts/variants.csv");

/// `traditional-variant-chars`: traditional characters and non-recommended variant words.
pub static TRADITIONAL_VARIANT_CHARS: Rule = Rule {
    id: "traditional-variant-chars",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "使用了繁体字、异体字或非推荐词形",
    doc: "检查：dicts/variants.csv 所列繁体字（務、開、們……）和非推荐词形（惟一、部份、帐户）。\n\
          原因：公文使用《通用规范汉字表》的规范汉字和《第一批异形词整理表》的推荐词形。通篇繁体时只在首处\n\
          报告一次。\n\
          错误：政務公開 · 惟一来源\n\
          正确：政务公开 · 唯一来源\n\
          不报告：在某些词中也是规范字的字（於、乾、後等不在表中）。\n\
          依据：《中华人民共和国国家通用语言文字法》；《通用规范汉字表》(2013)；GF 1001-2001。",
    summary_en: "Traditional or variant characters, or non-recommended word forms",
    doc_en: "Checks: the traditional characters (務, 開, 們……) and non-recommended word forms (惟一, 部份, 帐户) listed in\n\
         dicts/variants.csv.\n\
         Why: documents use the standard characters of 《通用规范汉字表》 and the recommended forms of\n\
         《第一批异形词整理表》. A document in traditional characters throughout is reported once, at the first place.\n\
         Wrong: 政務公開 · 惟一来源\n\
         Right: 政务公开 · 唯一来源\n\
         Not reported: characters that are standard in some words (於, 乾, 後 and the like are not listed).\n\
         Source: 《中华人民共和国国家通用语言文字法》; 《通用规范汉字表》 (2013); GF 1001-2001.",
    check: Check::Doc(traditional_variant_chars),
    safe_fix: false,
};

static VARIANT_LIST: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    entries(VARIANTS)
        .filter_map(|l| {
            let (a, b) = l.split_once(',')?;
            Some((a.trim().to_string(), b.trim().to_string()))
        })
        .collect()
});

/// All variant forms found in one pass over the text instead of one per form.
pub(super) static VARIANT_MATCHER: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(VARIANT_LIST.iter().map(|(v, _)| v.as_str())));

fn traditional_variant_chars(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let mut found = text::Folding::default();
    for (pattern, start) in VARIANT_MATCHER.find_leftmost_longest_at(text, ctx.list_starts()) {
        let (v, s) = &VARIANT_LIST[pattern];
        found.push(
            text::finding(
                TRADITIONAL_VARIANT_CHARS.id,
                start,
                start + v.len(),
                msg!(
                    zh = "“{v}”不是规范字形，应写作“{s}”",
                    en = "“{v}” is not the standard form: write “{s}”"
                ),
            )
            .with_replacement(s.as_str()),
        );
    }
    text::push_folded(out, found, |n| {
        msg!(
            zh = "全文{n}处使用繁体字或非推荐词形，公文应使用规范汉字；此处为首处",
            en = "{n} places in this document use traditional characters or non-recommended forms; documents use standard simplified characters; this is the first"
        )
    });
}
