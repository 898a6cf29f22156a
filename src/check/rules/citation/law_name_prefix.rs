//! `law-name-prefix`: the first citation of a national law without “中华人民共和国”.

use std::collections::HashSet;

use super::CATALOGUE;
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::citation::CitationKind;

pub static LAW_NAME_PREFIX: Rule = Rule {
    id: "law-name-prefix",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "首次引用法律未写“中华人民共和国”全称",
    doc: "检查：全国性法律只以简称（《安全生产法》）引用，文中此前没有《中华人民共和国安全生产法》。\n\
          原因：引用法律时，首次出现应写全称，之后可用简称。\n\
          错误：依照《安全生产法》开展执法检查（首次也是唯一一次出现）\n\
          正确：依照《中华人民共和国安全生产法》开展执法检查\n\
          不报告：《宪法》《民法典》等通行简称；文中此前已写全称；法规目录中没有的标题。每部法律只提示一次。\n\
          依据：全国人大常委会法工委《立法技术规范（试行）（一）》引用法律名称的表述；通行做法。",
    summary_en: "First citation of a law without the full name “中华人民共和国…”",
    doc_en: "Checks: a national law cited only by its short name (《安全生产法》) with no 《中华人民共和国安全生产法》 earlier in the text.\n\
         Why: a law is cited by its full name the first time, by its short name afterwards.\n\
         Wrong: 依照《安全生产法》开展执法检查 (its first and only occurrence)\n\
         Right: 依照《中华人民共和国安全生产法》开展执法检查\n\
         Not reported: usual short names such as 《宪法》 and 《民法典》; laws given in full earlier in the text;\n\
         titles not in the catalogue of laws. Each law is reported once.\n\
         Source: the wording of law names in 《立法技术规范（试行）（一）》 of the Legislative Affairs Commission\n\
         of the NPC Standing Committee; common practice.",
    check: Check::Doc(law_name_prefix),
    safe_fix: false,
};

/// Short forms everyone knows without introduction.
const UNIVERSAL_SHORT_FORMS: &[&str] = &["宪法", "民法典"];

fn law_name_prefix(ctx: &DocContext, out: &mut Findings) {
    let cat = &*CATALOGUE;
    let mut seen_full: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for c in ctx.citations {
        let t = c.normalized_title.as_str();
        if let Some(short) = t.strip_prefix("中华人民共和国") {
            seen_full.insert(short);
            continue;
        }
        if c.kind != CitationKind::Law
            || !cat.laws.contains(t)
            || UNIVERSAL_SHORT_FORMS.contains(&t)
            || seen_full.contains(t)
            || !reported.insert(t)
        {
            continue;
        }
        out.push(Finding::new(
            LAW_NAME_PREFIX.id,
            c.span,
            msg!(
                zh = "首次引用法律应写全称：《{}》应写作《中华人民共和国{}》，此后可用简称",
                en = "The first citation of a law gives its full name: write 《中华人民共和国{1}》, not 《{0}》; the short name may follow",
                c.title, c.title
            ),
        )
        .with_replacement_if(
            ctx.doc.slice(c.span) == format!("《{}》", c.title),
            format!("《中华人民共和国{}》", c.title),
        ));
    }
}
