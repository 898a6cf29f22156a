//! `citation-order`: a document cited by its number before its title, or by its number alone.

use std::collections::HashSet;

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::docnum::{self, Role};
use crate::span::Span;

pub static CITATION_ORDER: Rule = Rule {
    id: "citation-order",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "引用公文先写了发文字号后写标题，或只写字号未写标题",
    doc: "检查：发文字号写在所引标题之前（根据国发〔2018〕27号《……》）；或以“根据/按照/依据/依照”引出发文字号，\n\
          而全文从未写出该字号所属文件的标题。\n\
          原因：引用公文应先引标题，后引发文字号，字号括注在标题之后。\n\
          错误：根据澄财预〔2020〕53号《江澄省财政厅关于……的通知》\n\
          正确：根据《江澄省财政厅关于……的通知》（澄财预〔2020〕53号）\n\
          不报告：全文已按“标题（字号）”完整引用过之后，再以“××号文件”简称该文件；本文自身的字号；\
          法规沿革行（2011年1月8日公安部令第159号《……决定》修正）；字号后面是文书种类名而非标题（366号《决定书》）。\n\
          依据：《国家行政机关公文处理办法》（2000年，已废止）第二十五条，至今仍为通行惯例，故定为警告。",
    summary_en: "Document cited by its number before its title, or by its number alone",
    doc_en: "Checks: a document number written before the cited title (根据国发〔2018〕27号《……》); or a document number\n\
         introduced by “根据/按照/依据/依照” when the title of that document is never given in the text.\n\
         Why: a document is cited by its title first, with its number in parentheses after the title.\n\
         Wrong: 根据澄财预〔2020〕53号《江澄省财政厅关于……的通知》\n\
         Right: 根据《江澄省财政厅关于……的通知》（澄财预〔2020〕53号）\n\
         Not reported: a short reference such as “××号文件” after one full citation as “title (number)”; the\n\
         document's own number; a revision-history line (2011年1月8日公安部令第159号《……决定》修正); a number followed\n\
         by the name of a kind of paper rather than a title (366号《决定书》).\n\
         Source: 《国家行政机关公文处理办法》 (2000, repealed) article 25, still the common practice; hence a warning.",
    check: Check::Doc(citation_order),
    safe_fix: false,
};

fn citation_order(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let cited: HashSet<&str> = ctx
        .docnums
        .iter()
        .filter(|d| d.role == Role::Citation)
        .map(|d| d.normalized.as_str())
        .collect();
    for d in ctx.docnums.iter().filter(|d| d.role != Role::SelfNumber) {
        let written = docnum::surface(text, d);
        let after = text[d.span.end..].trim_start_matches([' ', '\u{3000}']);
        // A revision-history line puts the order number before the decision's title by design.
        if after.starts_with('《') && !super::on_history_line(ctx.doc, d.span.start) {
            // The title right after: 根据国发〔2018〕27号《…》.
            // An unclosed 《 is unpaired-marks' finding; there is no title to move.
            let Some(close) = after.find('》').map(|i| i + '》'.len_utf8()) else {
                continue;
            };
            let title = &after[..close];
            // 作出温国土资发（2018）366号《决定书》: the kind of paper, not a title to move.
            if title.chars().count() > 162 || is_paper_kind(title) {
                continue;
            }
            let end = text.len() - after.len() + title.len();
            out.push(Finding::new(
                CITATION_ORDER.id,
                Span::new(d.span.start, end),
                msg!(
                    zh = "引用公文应先引标题、后引发文字号：“{written}{title}”应写作“{title}（{written}）”",
                    en = "Cite a document by its title first, then its number: write “{title}（{written}）”, not “{written}{title}”"
                ),
            )
            .with_replacement_if(
                !title.contains('\n') && !d.span.text(text).contains('\n'),
                format!("{title}（{written}）"),
            ));
            continue;
        }
        if d.role != Role::Reference || d.year.is_none() || cited.contains(d.normalized.as_str()) {
            continue;
        }
        let before = text[..d.span.start].trim_end_matches([' ', '\u{3000}']);
        let basis = ["根据", "按照", "依据", "依照"]
            .iter()
            .find(|w| before.ends_with(*w));
        if let Some(w) = basis {
            out.push(Finding::new(
                CITATION_ORDER.id,
                d.span,
                msg!(
                    zh = "“{w}{written}”只写了发文字号：引用公文应先引标题、后引字号，写作“{w}《（文件标题）》（{written}）”；全文完整引用一次后，方可用“{written}文件”简称",
                    en = "“{w}{written}” gives only the document number: cite the title first, then the number, as “{w}《(title)》（{written}）”; only after one full citation may “{written}文件” stand for it"
                ),
            ));
        }
    }
}

/// 《决定书》, 《通知书》, 《处罚决定书》: the name of a kind of paper, which a number written
/// before it identifies (a case narrative's 366号《决定书》), rather than a document's title.
fn is_paper_kind(title: &str) -> bool {
    let inner = title.trim_start_matches('《').trim_end_matches('》');
    inner.chars().count() <= 6 && inner.ends_with(['书', '证', '单', '表'])
}
