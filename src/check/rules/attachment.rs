//! Attachment rules (GB/T 9704-2012 7.3.4 附件说明, 7.3.7 附件).

use std::sync::LazyLock;

use regex::Regex;

use super::text;
use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};
use crate::i18n::tr;
use crate::span::Span;

static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\s\u{3000}]*附件[\s\u{3000}]*)([:：])[\s\u{3000}]*(.*)$").unwrap()
});
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*([0-9]{1,2})([.．、])[\s\u{3000}]*(\S.*)$").unwrap()
});
/// Download links on web pages, not an 附件说明.
static FILE_EXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\.(docx?|pdf|xlsx?|wps|et|zip|rar|ofd|jpe?g|png|txt)\b").unwrap()
});

/// Byte index of an ASCII colon after 附件 at the start of `line`.
pub fn note_colon(line: &str) -> Option<usize> {
    let c = NOTE.captures(line)?;
    let m = c.get(2)?;
    (m.as_str() == ":").then_some(m.start())
}

/// One attachment named in the 附件说明.
struct Item {
    /// The number written, if any.
    n: Option<u32>,
    /// Byte span of the number and its mark.
    mark: Span,
    sep: String,
    name: String,
    name_span: Span,
}

struct Note {
    colon: Option<usize>,
    items: Vec<Item>,
    /// Byte offset of the line after the note.
    end: usize,
}

fn parse_notes(text: &str) -> Vec<Note> {
    // Every note starts with 附件: most documents have none, and most lines of the rest neither.
    const ATTACHMENT: &str = "附件";
    if !text.contains(ATTACHMENT) {
        return Vec::new();
    }
    let lines: Vec<(usize, &str)> = text::lines(text).collect();
    let mut notes = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        if !line.contains(ATTACHMENT) {
            continue;
        }
        let Some(c) = NOTE.captures(line) else {
            continue;
        };
        if text::is_scrape_line(line) || FILE_EXT.is_match(line) {
            continue;
        }
        let colon = (&c[2] == ":").then(|| start + c.get(2).unwrap().start());
        let rest = c.get(3).unwrap();
        let mut items = Vec::new();
        let push = |off: usize, l: &str, items: &mut Vec<Item>| -> bool {
            let Some(c) = ITEM.captures(l) else {
                return false;
            };
            let name = c.get(3).unwrap();
            items.push(Item {
                n: c[1].parse().ok(),
                mark: Span::new(
                    off + c.get(1).unwrap().start(),
                    off + c.get(2).unwrap().end(),
                ),
                sep: c[2].to_string(),
                name: name.as_str().trim_end().to_string(),
                name_span: Span::new(
                    off + name.start(),
                    off + name.start() + name.as_str().trim_end().len(),
                ),
            });
            true
        };
        let rest_off = start + rest.start();
        if rest.as_str().trim().is_empty() || push(rest_off, rest.as_str(), &mut items) {
            while i < lines.len() {
                let (s, l) = lines[i];
                if FILE_EXT.is_match(l) || !push(s, l, &mut items) {
                    break;
                }
                i += 1;
            }
        } else {
            let name = rest.as_str().trim_end();
            items.push(Item {
                n: None,
                mark: Span::new(rest_off, rest_off),
                sep: String::new(),
                name: name.to_string(),
                name_span: Span::new(rest_off, rest_off + name.len()),
            });
        }
        if items.is_empty() {
            continue;
        }
        let end = lines.get(i).map_or(text.len(), |l| l.0);
        notes.push(Note { colon, items, end });
    }
    notes
}

/// `attachment-note-form`: the 附件说明 written wrongly.
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
    check: Check::Doc(attachment_note_form),
};

fn attachment_note_form(ctx: &DocContext, out: &mut Vec<Finding>) {
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
            ));
        }
        if let [only] = note.items.as_slice() {
            if only.n.is_some() {
                out.push(text::finding(
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
                ));
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
                    ));
                } else if item.sep == "、" {
                    out.push(text::finding(
                        id,
                        item.mark.start,
                        item.mark.end,
                        msg!(
                            zh = "附件序号“{want}、”应写作“{want}.”",
                            en = "Write the attachment number “{want}、” as “{want}.”"
                        ),
                    ));
                }
            }
            if let Some(last) = item
                .name
                .chars()
                .next_back()
                .filter(|c| "。；，、.;,".contains(*c))
            {
                let end = item.name_span.end;
                out.push(text::finding(
                    id,
                    end - last.len_utf8(),
                    end,
                    msg!(
                        zh = "附件名称后不加标点，应删去“{last}”",
                        en = "An attachment name takes no punctuation after it: delete “{last}”"
                    ),
                ));
            }
        }
    }
}

/// `attachment-note-mismatch`: an attachment page whose number or title differs from the note.
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
    check: Check::Doc(attachment_note_mismatch),
};

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"《》“”。；，、.;,".contains(*c))
        .collect()
}

fn attachment_note_mismatch(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let notes = parse_notes(text);
    let Some(note) = notes.first() else { return };
    let lines: Vec<(usize, &str)> = text::lines(&text[note.end..])
        .map(|(s, l)| (s + note.end, l))
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
        let mut got = norm(title);
        if got != want && want.starts_with(&got) {
            if let Some(k) = (j + 1..lines.len()).find(|&k| !lines[k].1.trim().is_empty()) {
                let joined = got.clone() + &norm(lines[k].1);
                if joined == want {
                    got = joined;
                }
            }
        }
        if got != want {
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
