//! `docno-agency-mismatch`: a cited document number whose issuer code does not fit the organ
//! named at the head of the cited title.

use std::collections::HashMap;

use super::{mismatch, organ_of};
use crate::check::rules::citation::{canonical_title, title_issuer_of};
use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::docnum;

pub static AGENCY_MISMATCH: Rule = Rule {
    id: "docno-agency-mismatch",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "机关代字与所引标题的发文机关不符",
    doc: "检查：引用文件时，标题开头的发文机关与括注发文字号的机关代字不相称：办公厅（室）文件配政府代字\n\
          （×政发、×府发、国发），人民政府（国务院）文件配办公厅（室）代字（×政办发、×府办发、国办发），\n\
          党委或党委办公厅（室）文件配政府代字。\n\
          原因：发文字号与标题同属一份文件，引文须准确；代字与机关不符，多是抄错了字号或标题。\n\
          错误：《桐溪区人民政府关于……的通知》（桐府办发〔2025〕29号） · 《中共临川市委办公室关于……的通知》（临政发〔2025〕31号）\n\
          正确：……（桐府发〔2025〕29号） · ……（临办发〔2025〕31号）\n\
          不报告：只比较外层标题的发文机关（印发、转发的内层标题不比较）；联合发文只看主办机关；\n\
          部门代字（×司发、×财预等）不作判断；同一文件在本文中以不同字号引用时由 title-docno-conflict 报告一次。\n\
          依据：《党政机关公文处理工作条例》第九条（五）、第二十条（四）。",
    summary_en: "Issuer code of a document number does not fit the issuing organ of the cited title",
    doc_en: "Checks: a cited document whose title names an issuing organ that does not fit the code of the document\n\
         number after it: a general office (办公厅/办公室) with a government code (×政发, ×府发, 国发), a people's\n\
         government (or the State Council) with an office code (×政办发, ×府办发, 国办发), a Party committee or its\n\
         office with a government code.\n\
         Why: the number and the title belong to the same document and a citation must be exact; a mismatch\n\
         usually means the number or the title was miscopied.\n\
         Wrong: 《桐溪区人民政府关于……的通知》（桐府办发〔2025〕29号） · 《中共临川市委办公室关于……的通知》（临政发〔2025〕31号）\n\
         Right: ……（桐府发〔2025〕29号） · ……（临办发〔2025〕31号）\n\
         Not reported: only the organ of the outer title is compared (not the inner title of a document issued or\n\
         forwarded); for joint documents only the lead organ counts; department codes (×司发, ×财预 and the like)\n\
         are not judged; a document cited here with two different numbers is reported once, by title-docno-conflict.\n\
         Source: 《党政机关公文处理工作条例》 article 9 (5), article 20 (4).",
    check: Check::Doc(agency_mismatch),
    safe_fix: false,
};

fn agency_mismatch(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // A document cited here with more than one number is reported once by title-docno-conflict.
    let mut numbers: HashMap<String, Vec<&str>> = HashMap::new();
    for c in ctx.citations {
        if let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) {
            let v = numbers
                .entry(canonical_title(&c.normalized_title))
                .or_default();
            if !v.contains(&d.normalized.as_str()) {
                v.push(&d.normalized);
            }
        }
    }
    for c in ctx.citations {
        let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) else {
            continue;
        };
        if numbers
            .get(&canonical_title(&c.normalized_title))
            .is_some_and(|v| v.len() > 1)
        {
            continue;
        }
        let issuer = title_issuer_of(&c.title);
        if issuer.is_empty() {
            continue;
        }
        let Some(right) = mismatch(organ_of(&issuer), &d.issuer_code) else {
            continue;
        };
        let written = docnum::surface(text, d);
        out.push(
            Finding::new(
                AGENCY_MISMATCH.id,
                d.span,
                msg!(
                    zh = "发文字号“{written}”的机关代字“{}”与标题的发文机关“{issuer}”不符：{right}；请核对字号或标题",
                    en = "The issuer code “{}” of document number “{written}” does not match the issuing organ “{issuer}” named in the title: {right}; check the number or the title",
                    d.issuer_code
                ),
            )
            .with_related(c.span),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn agency_codes_against_the_title() {
        let text = "《桐溪区人民政府关于加强河道管理的通知》（桐府办发〔2025〕29号）、《中共临川市委办公室关于做好值班工作的通知》（临政发〔2025〕31号）、《临川市人民政府办公室关于做好防汛工作的通知》（临政发〔2025〕32号）。\n《桐溪区人民政府关于做好春耕的通知》（桐府发〔2025〕30号）《中共临川市委办公室关于某事的通知》（临办发〔2025〕33号）《国务院办公厅关于某事的通知》（国办发〔2025〕1号）\n";
        assert_eq!(
            run(text, "docno-agency-mismatch"),
            [
                "1:22 桐府办发〔2025〕29号",
                "1:60 临政发〔2025〕31号",
                "1:98 临政发〔2025〕32号"
            ]
        );
    }
}
