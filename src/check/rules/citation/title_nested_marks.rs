//! `title-nested-marks`: double title marks 《》 or angle brackets < > inside 《》.

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};

pub static TITLE_NESTED_MARKS: Rule = Rule {
    id: "title-nested-marks",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "书名号内套用了双书名号或尖括号",
    doc: "检查：书名号内又用双书名号《》（或半角 < >）标示内层标题。\n\
          原因：书名号中还要用书名号时，里面一层用单书名号〈〉。\n\
          错误：《关于印发《江澄省政务公开工作细则》的通知》\n\
          正确：《关于印发〈江澄省政务公开工作细则〉的通知》\n\
          依据：GB/T 15834-2011《标点符号用法》4.15。",
    summary_en: "Double title marks or angle brackets inside 《》",
    doc_en: "Checks: an inner title marked with double title marks 《》 (or half-width < >) inside 《》.\n\
         Why: a title inside a title takes the single title marks 〈〉.\n\
         Wrong: 《关于印发《江澄省政务公开工作细则》的通知》\n\
         Right: 《关于印发〈江澄省政务公开工作细则〉的通知》\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.15.",
    check: Check::Doc(title_nested_marks),
    safe_fix: false,
};

fn title_nested_marks(ctx: &DocContext, out: &mut Findings) {
    for c in ctx.citations {
        if !c.title.contains(['《', '<', '>']) {
            continue;
        }
        let fixed: String = c
            .title
            .chars()
            .map(|ch| match ch {
                '《' | '<' => '〈',
                '》' | '>' => '〉',
                other => other,
            })
            .collect();
        out.push(
            Finding::new(
                TITLE_NESTED_MARKS.id,
                c.span,
                msg!(
                    zh = "书名号内的书名应改用单书名号〈〉：应写作《{fixed}》",
                    en = "A title inside 《》 takes the single title marks 〈〉: write 《{fixed}》"
                ),
            )
            .with_replacement_if(
                ctx.doc.slice(c.span) == format!("《{}》", c.title),
                format!("《{fixed}》"),
            ),
        );
    }
}
