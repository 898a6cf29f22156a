//! `docno-bracket-form`: the year of a document number in brackets other than 〔〕, or in none.

use super::form_rule;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static BRACKET_FORM: Rule = Rule {
    id: "docno-bracket-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "发文字号年份未用六角括号〔〕",
    doc: "检查：发文字号中的年份用了六角括号〔〕以外的括号（﹝﹞〖〗【】［］[]（）()），或没有括号（临政发2025年36号），\n\
          或放在了机关代字之前（〔1996〕武司字第82号）。\n\
          原因：发文字号由机关代字、年份、发文顺序号组成，年份须用六角括号〔〕括入；﹝﹞等字形相近，\n\
          多由符号面板或从PDF复制带入。\n\
          错误：保政发﹝2022﹞10号 · 澄政发［2020］44号 · 临政发2025年36号\n\
          正确：保政发〔2022〕10号 · 澄政发〔2020〕44号 · 临政发〔2025〕36号\n\
          不报告：法院案号（2021）澄03行初118号（年份按规定用圆括号）、〔唐〕杜甫一类的作者标注、令号。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号。",
    summary_en: "Year of a document number not in the tortoise-shell brackets 〔〕",
    doc_en: "Checks: the year of a document number in brackets other than 〔〕 (﹝﹞〖〗【】［］[]（）()), or in none (临政发2025年36号),\n\
         or put before the issuer's code (〔1996〕武司字第82号).\n\
         Why: a document number is made of the issuer's code, the year and the serial number, and the year\n\
         goes in the tortoise-shell brackets 〔〕; look-alikes such as ﹝﹞ come from symbol pickers or text copied from PDF.\n\
         Wrong: 保政发﹝2022﹞10号 · 澄政发［2020］44号 · 临政发2025年36号\n\
         Right: 保政发〔2022〕10号 · 澄政发〔2020〕44号 · 临政发〔2025〕36号\n\
         Not reported: court case numbers such as （2021）澄03行初118号 (their year takes round brackets by rule),\n\
         author notes such as 〔唐〕杜甫, 令 numbers.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.2.5 (document number).",
    check: Check::Doc(bracket_form),
    safe_fix: true,
};

fn bracket_form(ctx: &DocContext, out: &mut Findings) {
    form_rule(
        ctx,
        out,
        &BRACKET_FORM,
        tr(
            "发文字号的年份应用六角括号〔〕括入",
            "The year in a document number takes the tortoise-shell brackets 〔〕",
        ),
    );
}
