//! `docno-serial-leading-zero`: the serial number of a document number padded with leading zeros.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static SERIAL_LEADING_ZERO: Rule = Rule {
    id: "docno-serial-leading-zero",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号顺序号编了虚位（前导0）",
    doc: "检查：发文顺序号前补0：桐政发〔2025〕003号。\n\
          原因：发文顺序号不编虚位，即1不编为001。\n\
          错误：桐政发〔2025〕003号\n\
          正确：桐政发〔2025〕3号\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Serial number of a document number padded with leading zeros",
    doc_en: "Checks: a serial number padded with 0: 桐政发〔2025〕003号.\n\
         Why: serial numbers are not padded: 1 is not written 001.\n\
         Wrong: 桐政发〔2025〕003号\n\
         Right: 桐政发〔2025〕3号\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(serial_leading_zero),
    safe_fix: true,
};

fn serial_leading_zero(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &SERIAL_LEADING_ZERO,
        tr(
            "发文字号的顺序号不编虚位（不补0）",
            "The serial number of a document number is not padded with leading zeros",
        ),
    );
}
