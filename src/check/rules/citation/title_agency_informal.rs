//! `title-agency-informal`: an informal short name of the issuing organ at the head of a cited
//! title (×省政府 for ×省人民政府).

use std::collections::{HashMap, HashSet};

use super::{canonical_title, informal_names};
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::citation::{title_issuer, Citation};
use crate::i18n::tr;
use crate::span::Span;

pub static TITLE_AGENCY_INFORMAL: Rule = Rule {
    id: "title-agency-informal",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号内文件标题的发文机关用了简称",
    doc: "检查：书名号内所引文件标题开头的发文机关名称用了非正式简称：×省政府、×市政府办公室、×市府办、×县政府办。\n\
          原因：文件标题由发文机关名称、事由和文种组成，发文机关名称是标题的一部分；地方人民政府的法定名称是\n\
          “×人民政府”，引用时须照录原标题。\n\
          错误：《江澄省政府关于……的实施意见》 · 《云南省政府办公厅关于……的实施意见》\n\
          正确：《江澄省人民政府关于……的实施意见》 · 《云南省人民政府办公厅关于……的实施意见》\n\
          不报告：书名号外的“省政府”“市政府”（正文中的简称是正常的）；《政府工作报告》一类标题（“政府”不是机关名称）；\n\
          特别行政区政府。同一写法在文中多次出现只报告第一次。\n\
          依据：《党政机关公文处理工作条例》第九条（七）、第二十条（四）。",
    summary_en: "Short name of the issuing organ in a cited title",
    doc_en: "Checks: an informal short name of the issuing organ at the head of a title cited in 《》: ×省政府,\n\
         ×市政府办公室, ×市府办, ×县政府办.\n\
         Why: a title is made of the issuing organ, the subject and the kind of document, so the organ's name is\n\
         part of the title; the legal name of a local government is “×人民政府”, and a cited title is copied as it is.\n\
         Wrong: 《江澄省政府关于……的实施意见》 · 《云南省政府办公厅关于……的实施意见》\n\
         Right: 《江澄省人民政府关于……的实施意见》 · 《云南省人民政府办公厅关于……的实施意见》\n\
         Not reported: “省政府”, “市政府” outside 《》 (short names are normal in running text); titles such as\n\
         《政府工作报告》 (“政府” is not an organ's name there); governments of special administrative regions.\n\
         A form repeated in the text is reported at its first occurrence only.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (7), article 20 (4).",
    check: Check::Doc(title_agency_informal),
    safe_fix: false,
};

fn title_agency_informal(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let mut reported: HashSet<&str> = HashSet::new();
    // The first citation of each document that names its organ officially, by canonical title:
    // made once, on the first informal title, instead of a search of every citation for each.
    let mut formal_of: Option<HashMap<String, &Citation>> = None;
    for c in ctx.citations {
        let issuer = title_issuer(&c.title);
        if issuer.is_empty() {
            continue;
        }
        let Some(head_end) = c.title.find("关于") else {
            continue;
        };
        let names = informal_names(&c.title[..head_end]);
        if names.is_empty() || !reported.insert(c.title.as_str()) {
            continue;
        }
        let canonical = canonical_title(&c.normalized_title);
        // The same document quoted with the official name elsewhere in this document.
        // `c` itself names an informal organ, so it is never its own formal citation.
        let formal = formal_of
            .get_or_insert_with(|| {
                let mut m = HashMap::new();
                for o in ctx.citations {
                    if informal_names(o.title.find("关于").map_or("", |i| &o.title[..i])).is_empty()
                    {
                        m.entry(canonical_title(&o.normalized_title)).or_insert(o);
                    }
                }
                m
            })
            .get(&canonical)
            .copied();
        let inner_start = c.span.start + '《'.len_utf8();
        let as_written =
            text.get(inner_start..c.span.end - '》'.len_utf8()) == Some(c.title.as_str());
        for (a, b, official) in names {
            let span = if as_written {
                Span::new(inner_start, inner_start + b)
            } else {
                c.span
            };
            let organ_written = &c.title[..b];
            let organ_official = format!("{}{official}", &c.title[..a]);
            let seen = if formal.is_some() {
                tr(
                    "；本文另一处即引作全称",
                    "; elsewhere this document cites it with the full name",
                )
            } else {
                ""
            };
            let mut f = Finding::new(
                TITLE_AGENCY_INFORMAL.id,
                span,
                msg!(
                    zh = "引用文件标题时发文机关应写法定全称：“{organ_written}”应写作“{organ_official}”{seen}",
                    en = "A cited title names its issuing organ by the full official name: write “{organ_official}”, not “{organ_written}”{seen}"
                ),
            );
            f = f.with_replacement_if(as_written, organ_official.as_str());
            if let Some(o) = formal {
                f = f.with_related(o.span);
            }
            out.push(f);
        }
    }
}
