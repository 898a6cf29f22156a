//! `docno-missing-hao`: a document number without the closing “号”.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static MISSING_HAO: Rule = Rule {
    id: "docno-missing-hao",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号缺少“号”字",
    doc: "检查：发文顺序号后没有“号”字，如括注中直接以右括号结束：（澄卫发〔2020〕41）。\n\
          原因：发文字号以“号”结尾。\n\
          错误：（澄卫发〔2020〕41）\n\
          正确：（澄卫发〔2020〕41号）\n\
          不报告：顺序号后接其他文字的数字串（不认作发文字号）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Document number without the closing “号”",
    doc_en: "Checks: no “号” after the serial number, for instance a parenthesis closing right after it: （澄卫发〔2020〕41）.\n\
         Why: a document number ends in “号”.\n\
         Wrong: （澄卫发〔2020〕41）\n\
         Right: （澄卫发〔2020〕41号）\n\
         Not reported: strings of digits followed by other words (they are not taken for document numbers).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(missing_hao),
    safe_fix: false,
};

fn missing_hao(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &MISSING_HAO,
        tr(
            "发文字号缺少“号”字",
            "The document number lacks the closing “号”",
        ),
    );
}
