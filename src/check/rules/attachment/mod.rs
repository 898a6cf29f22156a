//! Attachment rules (GB/T 9704-2012 7.3.4 附件说明, 7.3.7 附件): the attachment note parsed
//! once, for the rules that read it.

pub mod attachment_note_form;
pub mod attachment_note_mismatch;

use std::sync::LazyLock;

use regex::Regex;

use super::text;
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
pub(super) struct Item {
    /// The number written, if any.
    pub(super) n: Option<u32>,
    /// Byte span of the number and its mark.
    pub(super) mark: Span,
    pub(super) sep: String,
    pub(super) name: String,
    pub(super) name_span: Span,
}

pub(super) struct Note {
    pub(super) colon: Option<usize>,
    pub(super) items: Vec<Item>,
    /// Byte offset of the line after the note.
    pub(super) end: usize,
}

/// Whether `line` carries on the attachment name `name`: the name left a bracket open, and the
/// line closes it without starting anything of its own.
fn wraps(name: &str, line: &str) -> bool {
    let open = name.matches(['（', '(']).count() > name.matches(['）', ')']).count();
    let t = line.trim();
    open && !t.starts_with("附件") && t.chars().count() <= 40 && t.ends_with(['）', ')'])
}

pub(super) fn parse_notes(text: &str) -> Vec<Note> {
    // Every note starts with 附件: most documents have none, and most lines of the rest neither.
    const ATTACHMENT: &str = "附件";
    if !text.contains(ATTACHMENT) {
        return Vec::new();
    }
    // Up to the document's limit of lines, as the lines the rules share (`crate::extract::Limits`).
    let most = crate::extract::Limits::for_len(text.len()).lines;
    let lines: Vec<(usize, &str)> = text::lines(text).take(most).collect();
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
            // Web copies put a blank line between the items, and a long name may wrap onto the
            // next line (…决定书（最高人民法院 / 院决定由高级人民法院审查用）).
            while i < lines.len() {
                let next = (i..lines.len()).find(|&k| !lines[k].1.trim().is_empty());
                let Some(k) = next else { break };
                let (s, l) = lines[k];
                if FILE_EXT.is_match(l) {
                    break;
                }
                if push(s, l, &mut items) {
                    i = k + 1;
                    continue;
                }
                let Some(last) = items.last_mut().filter(|it| wraps(&it.name, l)) else {
                    break;
                };
                last.name.push_str(l.trim());
                i = k + 1;
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
