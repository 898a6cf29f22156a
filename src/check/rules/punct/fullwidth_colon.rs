//! `fullwidth-colon`: an ASCII colon after the addressee or a label of the contact block.

use super::{LABEL_COLON, RECIPIENT_LINE};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

/// `fullwidth-colon`: an ASCII colon after 主送机关 and the labels of a contact block.
pub static FULLWIDTH_COLON: Rule = Rule {
    id: "fullwidth-colon",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "主送机关、联系人等标签后误用半角冒号",
    doc: "检查：主送机关行末、抄送、联系人、联系电话、传真、地址等标签后的半角冒号“:”。\n\
          原因：主送机关后标全角冒号；版记、联系方式的标签同样用全角冒号。\n\
          错误：各乡（镇）人民政府: · 联系人:王某\n\
          正确：各乡（镇）人民政府： · 联系人：王某\n\
          不报告：时刻 14:30；网页元数据行。附件说明的冒号由 attachment-note-form 报告。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.2 主送机关。",
    summary_en: "Half-width colon after the addressee or a label such as “联系人”",
    doc_en: "Checks: a half-width colon “:” at the end of the addressee line, or after labels such as 抄送, 联系人,\n\
         联系电话, 传真, 地址.\n\
         Why: the addressee is followed by a full-width colon, and so are the labels of the imprint and contact details.\n\
         Wrong: 各乡（镇）人民政府: · 联系人:王某\n\
         Right: 各乡（镇）人民政府： · 联系人：王某\n\
         Not reported: times such as 14:30; metadata lines of web pages. The colon of the attachment note is\n\
         reported by attachment-note-form.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.2 (addressee).",
    check: Check::Doc(fullwidth_colon),
    safe_fix: true,
};

fn fullwidth_colon(ctx: &DocContext, out: &mut Findings) {
    for &(start, line) in ctx.text_lines() {
        if !line.contains(':') {
            continue;
        }
        for c in LABEL_COLON.captures_iter(line) {
            let at = start + c.get(2).unwrap().start();
            out.push(
                text::finding(
                    FULLWIDTH_COLON.id,
                    at,
                    at + 1,
                    msg!(
                        zh = "“{}”后误用半角冒号“:”，应使用全角冒号“：”",
                        en = "Half-width colon “:” after “{}”: use the full-width colon “：”",
                        &c[1]
                    ),
                )
                .with_replacement("："),
            );
        }
        if let Some(c) = RECIPIENT_LINE.captures(line) {
            if !line.contains("如下") && !line.contains("下列") {
                let at = start + c.get(3).unwrap().start();
                out.push(text::finding(
                    FULLWIDTH_COLON.id,
                    at,
                    at + 1,
                    tr(
                        "主送机关后误用半角冒号“:”，应使用全角冒号“：”",
                        "Half-width colon “:” after the addressee: use the full-width colon “：”",
                    ),
                )
                .with_replacement("："));
            }
        }
    }
}
