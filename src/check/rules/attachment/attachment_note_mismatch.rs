//! `attachment-note-mismatch`: an attachment page whose number or title differs from the note.

use super::parse_notes;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

pub static ATTACHMENT_NOTE_MISMATCH: Rule = Rule {
    id: "attachment-note-mismatch",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "附件页的序号或标题与附件说明不一致",
    doc: "检查：附件页（首行“附件”或“附件N”）的序号、标题与正文后附件说明所列不一致。\n\
          原因：附件说明与附件须一一对应，名称一字不差，否则无法确认所附究竟是哪一份文件。\n\
          错误：附件说明“临川市公共信用信息修复管理细则”，附件页标题“临川市公共信用修复细则”\n\
          正确：两处名称完全相同\n\
          不报告：没有附件说明或没有附件页的文件（网页常只给附件链接）；空格、书名号和名称后标点的差别\n\
          （后者由 attachment-note-form 报告）；标题折成两行。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.7 附件。",
    summary_en: "Number or title of an attachment page differs from the attachment note",
    doc_en: "Checks: the number or title of an attachment page (first line “附件” or “附件N”) that differs from the\n\
         attachment note after the body.\n\
         Why: the note and the attachments correspond one to one, with names identical to the character;\n\
         otherwise nobody can tell which document is attached.\n\
         Wrong: note “临川市公共信用信息修复管理细则”, attachment page titled “临川市公共信用修复细则”\n\
         Right: the two names identical\n\
         Not reported: documents without an attachment note or attachment pages (web pages often give only a link);\n\
         differences in spaces, title marks and punctuation after the name (attachment-note-form reports the\n\
         latter); titles wrapped onto two lines.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.7 (attachments).",
    check: Check::Doc(attachment_note_mismatch),
    safe_fix: false,
};

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"《》“”。；，、.;,".contains(*c))
        .collect()
}

/// Most lines an attachment page's title is read over.
const TITLE_LINES: usize = 4;

/// The name without a bracketed note of its purpose at the end.
fn strip_purpose(name: &str) -> &str {
    let t = name.trim_end();
    match t
        .strip_suffix(['）', ')'])
        .and_then(|r| r.rfind(['（', '(']))
    {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    }
}

fn attachment_note_mismatch(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    let notes = parse_notes(text);
    let Some(note) = notes.first() else { return };
    // Up to the document's limit of lines, as the lines the rules share (`crate::extract::Limits`).
    let most = crate::extract::Limits::for_len(text.len()).lines;
    let lines: Vec<(usize, &str)> = text::lines(&text[note.end..])
        .map(|(s, l)| (s + note.end, l))
        .take(most)
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let (_, line) = lines[i];
        i += 1;
        let t = line.trim_matches([' ', '\t', '\u{3000}']);
        let Some(num) = t.strip_prefix("附件") else {
            continue;
        };
        let num = num.trim();
        if !num.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let n: Option<u32> = num.parse().ok();
        // The next non-empty line is the title; a long title may wrap onto one more line.
        let Some(j) = (i..lines.len()).find(|&j| !lines[j].1.trim().is_empty()) else {
            break;
        };
        let (ts, tl) = lines[j];
        let off = ts + text::indent_len(tl);
        let title = tl.trim();
        let item = match n {
            None if note.items.len() == 1 => &note.items[0],
            None => continue,
            Some(n) => match note
                .items
                .iter()
                .enumerate()
                .find(|(k, it)| it.n.unwrap_or(*k as u32 + 1) == n)
            {
                Some((_, it)) => it,
                None => {
                    let at = lines[i - 1].0 + text::indent_len(line);
                    out.push(
                        text::finding(
                            ATTACHMENT_NOTE_MISMATCH.id,
                            at,
                            at + t.len(),
                            msg!(
                                zh = "附件页标为“附件{n}”，但附件说明只列了{}个附件",
                                en = "The attachment page is marked “附件{n}”, but the attachment note lists only {} attachment(s)",
                                note.items.len()
                            ),
                        )
                        .with_related(note.items[0].name_span),
                    );
                    continue;
                }
            },
        };
        let want = norm(&item.name);
        // The note may add what the paper is for, in brackets after its name (决定书（最高人民法院
        // 决定由高级人民法院审查用）); the page carries the name alone.
        let bare = norm(strip_purpose(&item.name));
        // A title set over several lines (中华人民共和国最高人民法院 / 决定书) is read on while
        // what has been read is the start of the name.
        let mut got = norm(title);
        let mut k = j;
        for _ in 0..TITLE_LINES {
            if got == want || got == bare || !want.starts_with(&got) {
                break;
            }
            let Some(next) = (k + 1..lines.len()).find(|&n| !lines[n].1.trim().is_empty()) else {
                break;
            };
            let joined = got.clone() + &norm(lines[next].1);
            if !want.starts_with(&joined) {
                break;
            }
            (got, k) = (joined, next);
        }
        if got != want && got != bare {
            out.push(
                text::finding(
                    ATTACHMENT_NOTE_MISMATCH.id,
                    off,
                    off + title.len(),
                    msg!(
                        zh = "附件页标题“{title}”与附件说明“{}”不一致，两处名称应完全相同",
                        en = "The attachment page's title “{title}” differs from the attachment note's “{}”; the two names must be identical",
                        item.name
                    ),
                )
                .with_related(item.name_span),
            );
        }
    }
}
