//! `abbrev-undeclared`: a non-standard short name in 《》 used without being declared.

use std::collections::{HashMap, HashSet};

use super::{core, in_catalogue, CATALOGUE, PLACE_PREFIX};
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::citation::{title_issuer, CitationKind};

pub static ABBREV_UNDECLARED: Rule = Rule {
    id: "abbrev-undeclared",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "书名号内用了未经说明的非规范简称",
    doc: "检查：书名号内的简称既不是法律的通行简称，也未用“以下简称”说明：一是法律名称截去了实词（《采购法》之于\n\
          《政府采购法》）；二是截取本文另一标题的末尾几个字作为简称（《实施纲要》之于《××法治政府建设实施纲要》）。\n\
          原因：非规范简称须先写全称并注明简称后才能使用。\n\
          错误：对照《采购法》开展检查\n\
          正确：《中华人民共和国政府采购法》（以下简称《政府采购法》）……此后用《政府采购法》\n\
          不报告：去掉“中华人民共和国”的法律简称（由 law-name-prefix 提示）；已用“以下简称”“简称”说明的简称；\n\
          去掉地名、机关名后的简称；法规目录中的标题；紧随唯一一个可对应的全称之后使用的末尾简称（政府工作报告中
          审议《××规划纲要（草案）》后称《纲要（草案）》）；证照、文书、表单的名称（《营业执照》之于\
          《企业法人营业执照》是两种执照）；在同一括注中一并说明的简称（以下分别简称为《决定》、《修正案》）。\
          同一简称只报告第一次。\n\
          依据：GB/T 15834-2011 4.15.3.4；《国家行政机关公文处理办法》（2000年，已废止）第二十五条。",
    summary_en: "Undeclared non-standard short name in 《》",
    doc_en: "Checks: a short name in 《》 that is neither the usual short name of a law nor declared with “以下简称”:\n\
         a law's name with words cut out (《采购法》 for 《政府采购法》), or the last few characters of another title\n\
         of this document used as its name (《实施纲要》 for 《××法治政府建设实施纲要》).\n\
         Why: a non-standard short name may be used only after the full name, with the short name declared.\n\
         Wrong: 对照《采购法》开展检查\n\
         Right: 《中华人民共和国政府采购法》（以下简称《政府采购法》）…… then 《政府采购法》\n\
         Not reported: laws without “中华人民共和国” (law-name-prefix reports those); short names declared with\n\
         “以下简称” or “简称”; short names without a place or organ name; titles in the catalogue of laws; a tail\n\
         used right after the only full title it can stand for (a government work report reviewing\n\
         《××规划纲要（草案）》 and then saying 《纲要（草案）》); names of forms, certificates and licences\n\
         (《营业执照》 and 《企业法人营业执照》 are two licences); short names declared together in one\n\
         parenthesis (以下分别简称为《决定》、《修正案》). Each short name is reported once.\n\
         Source: GB/T 15834-2011 4.15.3.4; 《国家行政机关公文处理办法》 (2000, repealed) article 25.",
    check: Check::Doc(abbrev_undeclared),
    safe_fix: false,
};

/// Normalised short forms the document declares (以下简称《…》, 简称《…》).
fn declared_short_forms<'a>(ctx: &DocContext<'a>) -> HashSet<&'a str> {
    let text = &ctx.doc.text;
    ctx.citations
        .iter()
        .filter(|c| {
            let before = text[..c.span.start].trim_end_matches(['：', ':', '为', ' ']);
            before.ends_with("简称")
                || before.ends_with("简称“")
                || in_declaration(text, c.span.start)
        })
        .map(|c| c.normalized_title.as_str())
        .collect()
}

/// Longest stretch read back from a citation to the 以下简称 that declares it.
const DECLARATION_BYTES: usize = 240;

/// Whether the citation at `at` is one of several short forms declared in one parenthesis:
/// （以下分别简称为《决定》、《修正案》及《修正案（二）》）.
fn in_declaration(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(DECLARATION_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    // Brackets inside titles (《修正案（二）》) open and close there: only those outside 《》 count.
    let (mut in_title, mut open) = (0usize, Vec::new());
    for (i, c) in window.char_indices() {
        match c {
            '《' => in_title += 1,
            '》' => in_title = in_title.saturating_sub(1),
            '（' | '(' if in_title == 0 => open.push(i),
            '）' | ')' if in_title == 0 => {
                open.pop();
            }
            _ => {}
        }
    }
    open.last().is_some_and(|&o| window[o..].contains("简称"))
}

/// Forms, certificates and licences (营业执照, 受理通知书, 许可证): the tail of one's name is
/// another form's name (营业执照 and 企业法人营业执照 are two licences), not a short name.
fn is_form(core: &str) -> bool {
    core.trim_end_matches(['）', ')'])
        .ends_with(['证', '照', '书', '表', '单', '卡', '册'])
        || core.contains("许可证")
}

fn is_law_short(t: &str) -> bool {
    t.ends_with('法')
        && !t.ends_with("办法")
        && !t.ends_with("方法")
        && !t.starts_with("中华人民共和国")
}

fn abbrev_undeclared(ctx: &DocContext, out: &mut Findings) {
    let declared = declared_short_forms(ctx);
    let cat = &*CATALOGUE;
    // A title is judged at its first use; later uses repeat that judgement. Distinct titles with
    // their cores, in order of first use, keep the work proportional to distinct titles rather
    // than to the square of the citations.
    let mut checked: HashSet<&str> = HashSet::new();
    let mut distinct: Vec<(&str, usize, usize)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (k, o) in ctx.citations.iter().enumerate() {
        let t = o.normalized_title.as_str();
        if seen.insert(t) {
            distinct.push((core(t), o.span.start, k));
        }
    }
    // A tail is looked up among the titles that end with it, not compared with every title:
    // each distinct core under each of its tails of 2–8 characters, in order of first use.
    let mut by_tail: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (oc, _, _)) in distinct.iter().enumerate() {
        for (n, (at, _)) in oc.char_indices().rev().enumerate().take(8) {
            if n >= 1 {
                by_tail.entry(&oc[at..]).or_default().push(i);
            }
        }
    }
    // Per tail: where its full titles are first used (sorted), and the first of them.
    let mut fulls_of: HashMap<&str, (Vec<usize>, Option<usize>)> = HashMap::new();
    for c in ctx.citations {
        let t = c.normalized_title.as_str();
        if !checked.insert(t) || declared.contains(t) || in_catalogue(t) {
            continue;
        }
        if PLACE_PREFIX.is_match(t) || !title_issuer(&c.title).is_empty() || t.contains("关于") {
            continue;
        }
        // (1) A law's name with words cut out of it: 《采购法》 for 《政府采购法》.
        if c.kind == CitationKind::Law && is_law_short(t) && t.chars().count() >= 3 {
            let mut fulls: Vec<&String> = cat
                .laws
                .iter()
                .filter(|l| l.len() > t.len() && l.ends_with(t) && !l.contains('('))
                .collect();
            fulls.sort_by_key(|l| (l.chars().count(), l.as_str()));
            if let Some(full) = fulls.first() {
                out.push(Finding::new(
                    ABBREV_UNDECLARED.id,
                    c.span,
                    msg!(
                        zh = "《{}》不是规范简称：应写全称《中华人民共和国{full}》，或首次引用时写全称并注明（以下简称《{full}》）",
                        en = "《{}》 is not a standard short name: write the full name 《中华人民共和国{full}》, or give the full name at the first citation and declare the short one (“以下简称《{full}》”)",
                        c.title
                    ),
                ));
                continue;
            }
        }
        // (2) The tail of another title of this document used as a name: 《实施纲要》.
        let core_t = core(t);
        if core_t.chars().count() < 2 || core_t.chars().count() > 8 || is_form(core_t) {
            continue;
        }
        let full_core = |oc: &str| {
            oc.len() > core_t.len() + 3 && oc.ends_with(core_t) && !derivable(oc, core_t)
        };
        // A tail of the one full title just cited is clear enough; a tail used before any full
        // title, or after two full titles it could stand for, names nothing.
        let (firsts, first_full) = fulls_of.entry(core_t).or_insert_with(|| {
            let fulls: Vec<usize> = by_tail
                .get(core_t)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| full_core(distinct[i].0))
                .collect();
            let mut firsts: Vec<usize> = fulls.iter().map(|&i| distinct[i].1).collect();
            firsts.sort_unstable();
            (firsts, fulls.first().map(|&i| distinct[i].2))
        });
        let earlier = firsts.partition_point(|&f| f < c.span.start);
        if earlier == 1 {
            continue;
        }
        if let Some(full) = first_full.map(|k| &ctx.citations[k]) {
            out.push(
                Finding::new(
                    ABBREV_UNDECLARED.id,
                    c.span,
                    msg!(
                        zh = "《{}》是截取标题末尾的非规范简称，指代不明：应写全称《{}》，或首次引用时写全称并注明（以下简称《{}》）",
                        en = "《{}》 is the tail of a title used as an undeclared short name and is ambiguous: write the full title 《{}》, or give the full title at the first citation and declare the short one (“以下简称《{}》”)",
                        c.title, full.title, c.title
                    ),
                )
                .with_related(full.span),
            );
        }
    }
}

/// A short form made by dropping only the place or state name at the start is conventional.
fn derivable(full: &str, short: &str) -> bool {
    let head = &full[..full.len() - short.len()];
    head == "中华人民共和国"
        || PLACE_PREFIX
            .find(full)
            .is_some_and(|m| m.end() == head.len())
}
