//! `docno-year-full`: the year of a document number not written as four Arabic digits.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static YEAR_FULL: Rule = Rule {
    id: "docno-year-full",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号年份未写全四位阿拉伯数字",
    doc: "检查：发文字号括号内的年份不是四位半角阿拉伯数字：〔25〕、〔二〇二五〕、〔２０２５〕、〔2025年〕。\n\
          原因：发文字号的年份应标全称，用阿拉伯数字。\n\
          错误：澄教发〔25〕19号 · 澄教发〔二〇二五〕19号\n\
          正确：澄教发〔2025〕19号\n\
          不报告：成文日期等其他日期（由日期规则检查）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Year of a document number not written as four Arabic digits",
    doc_en: "Checks: a year in the brackets of a document number that is not four half-width Arabic digits: 〔25〕, 〔二〇二五〕, 〔２０２５〕, 〔2025年〕.\n\
         Why: the year of a document number is written in full, in Arabic numerals.\n\
         Wrong: 澄教发〔25〕19号 · 澄教发〔二〇二五〕19号\n\
         Right: 澄教发〔2025〕19号\n\
         Not reported: other dates, such as the date of a document (the date rules check those).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(year_full),
    safe_fix: false,
};

fn year_full(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &YEAR_FULL,
        tr(
            "发文字号的年份应写全四位阿拉伯数字",
            "The year in a document number is written in full, as four Arabic digits",
        ),
    );
}
