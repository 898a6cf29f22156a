//! `title-docno-conflict`: one cited document given different document numbers, in a document or
//! across the batch.

use super::{
    batch_emit, cites_of, cites_of_batch, code_fits_issuer, conflict_findings, doc_emit,
    identifying, is_ling,
};
use crate::check::rules::citation::{title_issuer_of, Cite};
use crate::check::{BatchDoc, Check, DocContext, Findings, Located, Rule, Scope, Severity};

pub static TITLE_DOCNO_CONFLICT: Rule = Rule {
    id: "title-docno-conflict",
    severity: Severity::Error,
    scope: Scope::Both,
    summary: "同一标题对应了不同发文字号",
    doc: "检查：同一文件（标题统一标点、括号并把机关简称还原为全称后相同）在本文或本批其他文件中括注了不同的发文字号。\n\
          原因：一份文件只有一个发文字号，引文须准确。\n\
          错误：《云南省人民政府办公厅关于……的实施意见》（云政办发〔2019〕67号）……同一文件又注（云政发〔2019〕67号）\n\
          正确：每次引用都注同一字号（云政办发〔2019〕67号）。\n\
          不报告：两个字号都是令号（规章、法规修订后以新令公布）；过短的泛称标题（如《通知》）。\n\
          同一问题在同一文件中只报告一次，报在与其他引用不一致的那一处，并给出另一处的位置；\n\
          能从发文机关判断哪个字号正确时，以与机关相符的字号为准。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "One title given different document numbers",
    doc_en: "Checks: the same document (titles equal once punctuation and brackets are unified and short names of\n\
         organs restored) cited with different document numbers in this document or in other documents of the batch.\n\
         Why: a document has exactly one document number, and a citation must be exact.\n\
         Wrong: 《云南省人民政府办公厅关于……的实施意见》（云政办发〔2019〕67号）…… the same document again with （云政发〔2019〕67号）\n\
         Right: every citation gives the same number (云政办发〔2019〕67号).\n\
         Not reported: two 令 numbers (rules and regulations are republished under a new 令 when revised); titles\n\
         too short and generic to identify a document (such as 《通知》).\n\
         A conflict is reported once per document, at the citation that disagrees with the others, with the place\n\
         of the other; when the issuing organ tells which number is right, the number that fits the organ wins.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(title_docno_conflict_doc, title_docno_conflict_batch),
    safe_fix: false,
};

fn title_docno_message(wrong: &Cite, right: &Cite) -> String {
    msg!(
        zh = "同一文件《{}》引用了不同的发文字号：此处为“{}”，另一处为“{}”；一份文件只有一个字号，应统一为正确的字号{}",
        en = "The same document 《{}》 is cited with different document numbers: “{}” here, “{}” elsewhere; a document has one number, so use the correct one throughout{}",
        wrong.title,
        wrong.number_written.as_deref().unwrap_or_default(),
        right.number_written.as_deref().unwrap_or_default(),
        fit_note(wrong, right),
    )
}

/// Says which number fits the issuer, when the title tells.
fn fit_note(wrong: &Cite, right: &Cite) -> String {
    let issuer = title_issuer_of(&wrong.title);
    let (Some(wc), Some(rc)) = (wrong.code.as_deref(), right.code.as_deref()) else {
        return String::new();
    };
    match (code_fits_issuer(&issuer, wc), code_fits_issuer(&issuer, rc)) {
        (Some(false), Some(true)) => {
            msg!(
                zh = "（发文机关为“{issuer}”，机关代字应为“{rc}”，“{wc}”不符）",
                en = " (the issuer is “{issuer}”, so the code should be “{rc}”; “{wc}” does not fit)"
            )
        }
        _ => String::new(),
    }
}

fn title_key(c: &Cite) -> Option<String> {
    c.number.as_ref()?;
    identifying(&c.canonical).then(|| c.canonical.clone())
}

fn title_number(c: &Cite) -> Option<String> {
    c.number.clone().filter(|n| !is_ling(n))
}

fn fits(c: &Cite) -> bool {
    let issuer = title_issuer_of(&c.title);
    c.code
        .as_deref()
        .and_then(|code| code_fits_issuer(&issuer, code))
        .unwrap_or(false)
}

fn title_docno_conflict_doc(ctx: &DocContext, out: &mut Findings) {
    let cites = cites_of(ctx);
    conflict_findings(
        &cites,
        title_key,
        title_number,
        fits,
        true,
        title_docno_message,
        doc_emit(out, TITLE_DOCNO_CONFLICT.id, true),
    );
}

fn title_docno_conflict_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let cites = cites_of_batch(docs);
    conflict_findings(
        &cites,
        title_key,
        title_number,
        fits,
        false,
        title_docno_message,
        batch_emit(out, TITLE_DOCNO_CONFLICT.id),
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn one_title_two_numbers_is_one_finding_at_the_odd_one() {
        let text = "《临川市人民政府关于加强河道管理的通知》（临政发〔2025〕3号）\n再次《临川市人民政府关于加强河道管理的通知》（临政办发〔2025〕3号）\n又见《临川市人民政府关于加强河道管理的通知》（临政办发〔2025〕3号）\n";
        assert_eq!(
            run(text, "title-docno-conflict"),
            ["2:24 临政办发〔2025〕3号"]
        );
        assert!(run(text, "docno-agency-mismatch").is_empty());
        let same = "《临川市人民政府关于加强河道管理的通知》（临政发〔2025〕3号）\n《临川市人民政府关于加强河道管理的通知》（临政发﹝2025﹞3号）\n";
        assert!(run(same, "title-docno-conflict").is_empty());
        let ling = "《临川市物业管理办法》（临川市人民政府令第58号）\n《临川市物业管理办法》（临川市人民政府令第71号）\n";
        assert!(run(ling, "title-docno-conflict").is_empty());
    }
}
