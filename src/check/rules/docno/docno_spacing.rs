//! `docno-spacing`: spaces inside a document number.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static SPACING: Rule = Rule {
    id: "docno-spacing",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "发文字号内有空格",
    doc: "检查：发文字号内部有空格：澄人社发 〔2025〕 12 号。\n\
          原因：发文字号是一个整体，标准写法紧排；空格多由中英文混排工具自动插入，打印后出现断开。\n\
          错误：澄人社发 〔2025〕 12 号\n\
          正确：澄人社发〔2025〕12号\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 的紧排写法；公文排版惯例。",
    summary_en: "Spaces inside a document number",
    doc_en: "Checks: spaces inside a document number: 澄人社发 〔2025〕 12 号.\n\
         Why: a document number is one unit written without spaces; the spaces usually come from tools that\n\
         space out mixed Chinese and Latin text, and break the number apart in print.\n\
         Wrong: 澄人社发 〔2025〕 12 号\n\
         Right: 澄人社发〔2025〕12号\n\
         Source: the unspaced form of GB/T 9704-2012 《党政机关公文格式》 7.2.5; typesetting practice for documents.",
    check: Check::Doc(spacing),
    safe_fix: true,
};

fn spacing(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &SPACING,
        tr(
            "发文字号内不应有空格",
            "A document number is written without spaces",
        ),
    );
}
