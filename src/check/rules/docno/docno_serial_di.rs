//! `docno-serial-di`: “第” before the serial number of a document number.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static SERIAL_DI: Rule = Rule {
    id: "docno-serial-di",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号顺序号前加了“第”",
    doc: "检查：发文字号的发文顺序号前加“第”：临政发〔2025〕第8号。\n\
          原因：发文顺序号不加“第”字。\n\
          错误：临政发〔2025〕第8号\n\
          正确：临政发〔2025〕8号\n\
          不报告：令号（国务院令第722号、临川市人民政府令第58号、主席令）、公告号（××公告2024年第4号）、期号（第6期）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "“第” before the serial number of a document number",
    doc_en: "Checks: “第” before the serial number of a document number: 临政发〔2025〕第8号.\n\
         Why: the serial number takes no “第”.\n\
         Wrong: 临政发〔2025〕第8号\n\
         Right: 临政发〔2025〕8号\n\
         Not reported: 令 numbers (国务院令第722号, 临川市人民政府令第58号, 主席令), numbers of announcements\n\
         (××公告2024年第4号), issue numbers (第6期).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(serial_di),
    safe_fix: true,
};

fn serial_di(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &SERIAL_DI,
        tr(
            "发文字号的顺序号前不加“第”",
            "The serial number of a document number takes no “第” before it",
        ),
    );
}
