//! `docno-title-conflict`: one document number given different titles, in a document or across
//! the batch.

use super::{
    batch_emit, cites_of, cites_of_batch, conflict_findings, doc_emit, identifying, is_ling,
};
use crate::check::rules::citation::Cite;
use crate::check::{BatchDoc, Check, DocContext, Findings, Located, Rule, Scope, Severity};

pub static TITLE_CONFLICT: Rule = Rule {
    id: "docno-title-conflict",
    severity: Severity::Error,
    scope: Scope::Both,
    summary: "同一发文字号对应了不同标题",
    doc: "检查：同一个发文字号（统一括号、去掉“第”、前导0和空格后比较）在本文或本批其他文件中配了不同的标题，\n\
          包括某文件自身的标题与字号。\n\
          原因：一个发文字号只对应一份文件，字号或标题必有一处抄错。\n\
          错误：甲文《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号），\n\
          乙文《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）\n\
          正确：一个字号对应一个标题。\n\
          不报告：仅标点、括号、机关简称写法不同的同一标题（由 title-variant-punct、title-agency-informal 报告）；\n\
          “关于”前写与不写发文机关的同一标题（《最高人民法院关于……》与《关于……》）；令号不作比较；过短的泛称标题（如《通知》）不作比较。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "One document number given different titles",
    doc_en: "Checks: the same document number (compared with brackets unified and “第”, leading zeros and spaces removed)\n\
         given different titles in this document or in other documents of the batch, a document's own title and\n\
         number included.\n\
         Why: a document number belongs to one document only, so either the number or the title is miscopied.\n\
         Wrong: document A cites 《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号）,\n\
         document B 《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发〔2018〕42号）\n\
         Right: one number, one title.\n\
         Not reported: the same title written with different punctuation, brackets or a short name of the organ\n\
         (title-variant-punct and title-agency-informal report those), or with and without its issuer before 关于\n\
         (《最高人民法院关于……》 and 《关于……》); 令 numbers; titles too short and generic\n\
         to identify a document (such as 《通知》).\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(title_conflict_doc, title_conflict_batch),
    safe_fix: false,
};

fn docno_title_message(wrong: &Cite, right: &Cite) -> String {
    msg!(
        zh = "发文字号“{}”对应了不同的标题：此处为《{}》，另一处为《{}》；一个字号只对应一份文件，应核对字号或标题",
        en = "Document number “{}” is given different titles: 《{}》 here, 《{}》 elsewhere; a number belongs to one document only, so check the number or the title",
        wrong.number_written.as_deref().unwrap_or_default(),
        wrong.title,
        right.title,
    )
}

fn number_key(c: &Cite) -> Option<String> {
    c.number.clone().filter(|n| !is_ling(n))
}

/// The title a number is compared on: from 关于 on, where it has one. One number names one
/// issuer's document, so 《最高人民法院关于…的规定》 and 《关于…的规定》 — or joint issuers written
/// with 、 once and a space once — are the same title.
fn docno_title_value(c: &Cite) -> Option<String> {
    let subject = c
        .canonical
        .find("关于")
        .map_or(c.canonical.as_str(), |i| &c.canonical[i..]);
    identifying(&c.canonical).then(|| subject.to_string())
}

fn title_conflict_doc(ctx: &DocContext, out: &mut Findings) {
    let cites = cites_of(ctx);
    conflict_findings(
        &cites,
        number_key,
        docno_title_value,
        |_| false,
        true,
        docno_title_message,
        doc_emit(out, TITLE_CONFLICT.id, false),
    );
}

fn title_conflict_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    let cites = cites_of_batch(docs);
    conflict_findings(
        &cites,
        number_key,
        docno_title_value,
        |_| false,
        false,
        docno_title_message,
        batch_emit(out, TITLE_CONFLICT.id),
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn one_number_two_titles() {
        let text = "《临川市人民政府关于加强政务数据共享管理的通知》（临政发〔2018〕42号）\n《临川市人民政府关于提升基层应急管理能力的实施意见》（临政发﹝2018﹞42号）\n";
        assert_eq!(
            run(text, "docno-title-conflict"),
            ["2:1 《临川市人民政府关于提升基层应急管理能力的实施意见》"]
        );
    }
}
