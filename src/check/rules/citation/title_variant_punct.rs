//! `title-variant-punct`: one title written with different brackets, dashes or spaces.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{batch_located, group_conflicts, Cite, Titled};
use crate::check::{
    BatchDoc, Check, DocContext, Finding, Findings, Located, Rule, Scope, Severity,
};

pub static TITLE_VARIANT_PUNCT: Rule = Rule {
    id: "title-variant-punct",
    severity: Severity::Warning,
    scope: Scope::Both,
    summary: "同一标题的括号、连接号、空格写法不一致",
    doc: "检查：同一标题（统一全半角括号、连接号—/－/-/～/汉字“一”、年份外括号和空格后相同）在本文或本批文件中\n\
          写成了不同样子。\n\
          原因：标题须照录原文，同一文件前后应一致。\n\
          错误：《法治保山建设规划(2021一2025年)》 与 《法治保山建设规划2021—2025年》\n\
          正确：全文统一为一种写法，以发文机关原文为准，如《法治保山建设规划（2021—2025年）》。\n\
          不报告：机关名称简称造成的差异（由 title-agency-informal 报告）。每种不一致的写法只报告第一次出现处，\n\
          并给出通行写法所在位置；通行写法取出现最多的，次数相同时取全角括号、一字线的规范写法。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）；GB/T 15834-2011 4.9、4.13。",
    summary_en: "One title written with different brackets, dashes or spaces",
    doc_en: "Checks: the same title (equal once full- and half-width brackets, the dashes —/－/-/～ and the numeral “一”,\n\
         brackets around years and spaces are unified) written in different ways in this document or the batch.\n\
         Why: a title is copied as it is, and the same document is cited the same way throughout.\n\
         Wrong: 《法治保山建设规划(2021一2025年)》 and 《法治保山建设规划2021—2025年》\n\
         Right: one form throughout, the issuer's original, such as 《法治保山建设规划（2021—2025年）》.\n\
         Not reported: differences from short names of organs (title-agency-informal reports those). Each\n\
         deviating form is reported at its first occurrence, with the place of the usual form; the usual form\n\
         is the most frequent one, or on a tie the standard one with full-width brackets and the dash “—”.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4); GB/T 15834-2011 4.9, 4.13.",
    check: Check::Both(variant_punct_doc, variant_punct_batch),
    safe_fix: false,
};

/// How far a written title is from the standard punctuation: half-width brackets and a CJK 一 or
/// hyphen in a year span count against it.
fn untidiness(written: &str) -> usize {
    static BAD_SPAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9][一\-－~～][0-9]").expect("valid regex"));
    written.matches(['(', ')', '[', ']']).count()
        + BAD_SPAN.find_iter(written).count()
        + written.matches(char::is_whitespace).count()
}

/// (odd, reference) pairs among titles with one normalised form and several written forms.
fn variant_pairs(items: &[Titled], within_doc: bool) -> Vec<(usize, usize)> {
    let cites: Vec<Cite> = items
        .iter()
        .map(|t| Cite {
            doc: t.doc,
            span: t.span,
            num_span: None,
            at: t.at.clone(),
            title: t.written.clone(),
            canonical: t.normalized.clone(),
            number: None,
            number_written: None,
            code: None,
            authoritative: false,
        })
        .collect();
    // The cleanest written form is preferred when it is the only clean one.
    let min_untidy: HashMap<&str, usize> = cites.iter().fold(HashMap::new(), |mut m, c| {
        let u = untidiness(&c.title);
        let e = m.entry(c.canonical.as_str()).or_insert(u);
        *e = (*e).min(u);
        m
    });
    group_conflicts(
        &cites,
        |c| Some(c.canonical.clone()),
        |c| Some(c.title.clone()),
        |c| min_untidy.get(c.canonical.as_str()) == Some(&untidiness(&c.title)),
        within_doc,
    )
}

fn variant_message(odd: &Titled, reference: &Titled) -> String {
    msg!(
        zh = "同一标题写法不一致：此处为《{}》，另一处为《{}》，仅括号、连接号或空格不同；应统一为一种写法（以发文机关原文为准）",
        en = "The same title is written two ways: 《{}》 here, 《{}》 elsewhere, differing only in brackets, dashes or spaces; use one form throughout (the issuer's original)",
        odd.written, reference.written
    )
}

fn variant_items_doc(ctx: &DocContext) -> Vec<Titled> {
    ctx.citations
        .iter()
        .map(|c| Titled {
            doc: 0,
            normalized: c.normalized_title.clone(),
            written: c.title.clone(),
            numbered: c.docnum.is_some(),
            span: Some(c.span),
            at: None,
        })
        .collect()
}

fn variant_punct_doc(ctx: &DocContext, out: &mut Findings) {
    let items = variant_items_doc(ctx);
    for (odd, reference) in variant_pairs(&items, true) {
        let (o, r) = (&items[odd], &items[reference]);
        if let (Some(s), Some(rs)) = (o.span, r.span) {
            out.push(
                Finding::new(TITLE_VARIANT_PUNCT.id, s, variant_message(o, r)).with_related(rs),
            );
        }
    }
}

fn variant_punct_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let mut items = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for c in &d.citations {
            items.push(Titled {
                doc: i,
                normalized: c.normalized_title.clone(),
                written: c.title.clone(),
                numbered: c.docnum.is_some(),
                span: None,
                at: Some(c.at.clone()),
            });
        }
    }
    for (odd, reference) in variant_pairs(&items, false) {
        let (o, r) = (&items[odd], &items[reference]);
        if let (Some(a), Some(ra)) = (&o.at, &r.at) {
            out.push(batch_located(
                TITLE_VARIANT_PUNCT.id,
                a,
                ra,
                format!("《{}》", o.written),
                variant_message(o, r),
            ));
        }
    }
}
