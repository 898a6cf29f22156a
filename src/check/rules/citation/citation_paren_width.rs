//! `citation-paren-width`: half-width parentheses around the document number after a title.

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::docnum;
use crate::span::Span;

pub static CITATION_PAREN_WIDTH: Rule = Rule {
    id: "citation-paren-width",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "标题后括注发文字号用了半角括号",
    doc: "检查：书名号标题后括注发文字号或令号时使用了半角括号 ( ) 或全半角混用。\n\
          原因：中文行文中的括号用全角（）。\n\
          错误：《……办法》(临川市人民政府令第58号)\n\
          正确：《……办法》（临川市人民政府令第58号）\n\
          依据：GB/T 15834-2011《标点符号用法》4.9；GB/T 9704-2012 第9章。",
    summary_en: "Half-width parentheses around a document number after a title",
    doc_en: "Checks: half-width parentheses ( ), or a mix of half- and full-width ones, around the document number or\n\
         令 number after a title in 《》.\n\
         Why: parentheses in Chinese text are full-width （）.\n\
         Wrong: 《……办法》(临川市人民政府令第58号)\n\
         Right: 《……办法》（临川市人民政府令第58号）\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.9; GB/T 9704-2012 chapter 9.",
    check: Check::Doc(citation_paren_width),
    safe_fix: true,
};

fn citation_paren_width(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    for c in ctx.citations {
        let Some(d) = c.docnum.and_then(|i| ctx.docnums.get(i)) else {
            continue;
        };
        let Some(between) = text.get(c.span.end..d.span.start) else {
            continue;
        };
        let Some(open_rel) = between.find(['(', '（']) else {
            continue;
        };
        let open = c.span.end + open_rel;
        let open_c = text[open..].chars().next().unwrap_or('（');
        let tail = &text[d.span.end..];
        let trimmed = tail.trim_start_matches([' ', '\u{3000}']);
        let close_c = trimmed.chars().next();
        let close_end = match close_c {
            Some(ch @ (')' | '）')) => Some(text.len() - trimmed.len() + ch.len_utf8()),
            _ => None,
        };
        let half = open_c == '(' || close_c == Some(')');
        if !half {
            continue;
        }
        let end = close_end.unwrap_or(d.span.end);
        let written = &text[open..end];
        let inner = docnum::surface(text, d);
        out.push(Finding::new(
            CITATION_PAREN_WIDTH.id,
            Span::new(open, end),
            msg!(
                zh = "标题后括注发文字号应使用全角括号：“{written}”应写作“（{inner}）”",
                en = "A document number after a title takes full-width parentheses: write “（{inner}）”, not “{written}”"
            ),
        )
        .with_replacement(format!("（{inner}）")));
    }
}
