//! `attachment-note-form`: the attachment note (附件说明) written wrongly.

use super::parse_notes;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

pub static ATTACHMENT_NOTE_FORM: Rule = Rule {
    id: "attachment-note-form",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "附件说明格式错误",
    doc: "检查：附件说明（附件：××）的半角冒号、只有一个附件却编了序号、名称后加标点、序号不连续或不用“1.”。\n\
          原因：附件说明写作“附件：名称”；多个附件用阿拉伯数字编号“1.××”；附件名称后不加标点。\n\
          错误：附件:1.临川市公共信用信息修复管理细则。（只有一个附件）\n\
          正确：附件：临川市公共信用信息修复管理细则\n\
          不报告：网页上的附件下载链接（名称带 .doc、.pdf 等扩展名）。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.4 附件说明。",
    summary_en: "Wrong form of the attachment note",
    doc_en: "Checks: in the attachment note (附件：××), a half-width colon, a number on a single attachment, punctuation\n\
         after a name, numbers out of sequence or not written “1.”.\n\
         Why: the attachment note is written “附件：name”; several attachments are numbered in Arabic numerals “1.××”;\n\
         an attachment's name takes no punctuation after it.\n\
         Wrong: 附件:1.临川市公共信用信息修复管理细则。 (a single attachment)\n\
         Right: 附件：临川市公共信用信息修复管理细则\n\
         Not reported: download links of web pages (names with extensions such as .doc, .pdf).\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.4 (attachment note).",
    check: Check::Doc(attachment_note_form),
    safe_fix: false,
};

fn attachment_note_form(ctx: &DocContext, out: &mut Findings) {
    let id = ATTACHMENT_NOTE_FORM.id;
    for note in parse_notes(&ctx.doc.text) {
        if let Some(at) = note.colon {
            out.push(text::finding(
                id,
                at,
                at + 1,
                tr(
                    "附件说明中“附件”后误用半角冒号“:”，应使用全角冒号“：”",
                    "In the attachment note, “附件” is followed by the half-width colon “:”; use the full-width colon “：”",
                ),
            )
            .with_replacement("："));
        }
        if let [only] = note.items.as_slice() {
            if only.n.is_some() {
                out.push(
                    text::finding(
                        id,
                        only.mark.start,
                        only.mark.end,
                        msg!(
                        zh = "只有一个附件时不编序号，应删去“{}”，写作“附件：{}”",
                        en =
                            "A single attachment is not numbered: delete “{}” and write “附件：{}”",
                        &ctx.doc.text[only.mark.start..only.mark.end],
                        only.name
                    ),
                    )
                    .with_replacement(""),
                );
            }
        }
        for (k, item) in note.items.iter().enumerate() {
            let want = k as u32 + 1;
            if note.items.len() > 1 {
                if let Some(n) = item.n.filter(|n| *n != want) {
                    out.push(text::finding(
                        id,
                        item.mark.start,
                        item.mark.end,
                        msg!(
                            zh = "附件序号不连续：第{want}个附件编为“{n}”，应为“{want}.”",
                            en = "Attachment numbers are not consecutive: attachment {want} is numbered “{n}”; it should be “{want}.”"
                        ),
                    )
                    .with_replacement(format!("{want}.")));
                } else if item.sep == "、" {
                    out.push(
                        text::finding(
                            id,
                            item.mark.start,
                            item.mark.end,
                            msg!(
                                zh = "附件序号“{want}、”应写作“{want}.”",
                                en = "Write the attachment number “{want}、” as “{want}.”"
                            ),
                        )
                        .with_replacement(format!("{want}.")),
                    );
                }
            }
            if let Some(last) = item
                .name
                .chars()
                .next_back()
                .filter(|c| "。；，、.;,".contains(*c))
            {
                let end = item.name_span.end;
                out.push(
                    text::finding(
                        id,
                        end - last.len_utf8(),
                        end,
                        msg!(
                            zh = "附件名称后不加标点，应删去“{last}”",
                            en =
                                "An attachment name takes no punctuation after it: delete “{last}”"
                        ),
                    )
                    .with_replacement(""),
                );
            }
        }
    }
}
