//! `heading-level-order`: a shallower ordinal under a deeper one.

use super::{body_lines, heading_marker, is_attachment_page, strip_note, Kind};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

pub static HEADING_LEVEL_ORDER: Rule = Rule {
    id: "heading-level-order",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "层次序数层级颠倒",
    doc: "检查：同一上级之下浅层序号出现在深层序号之下，如（1）之后出现 1.，或 1. 之下出现（一）。\n\
          原因：层次依次为“一、”“（一）”“1.”“（1）”，颠倒后读者无法分辨从属关系。\n\
          错误：（一）…… （1）…… 1.…… · 1.…… （一）……\n\
          正确：（一）…… 1.…… （1）……\n\
          不报告：跳过一级（一、之下直接用 1.），许多公文如此，不算错；章、节、条之下的编号；附件页。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3。",
    summary_en: "Heading levels inverted",
    doc_en: "Checks: a higher-level number under a lower-level one within the same parent, such as 1. after （1）, or （一） under 1.\n\
         Why: the levels go “一、”, “（一）”, “1.”, “（1）”; inverted, they no longer show what belongs to what.\n\
         Wrong: （一）…… （1）…… 1.…… · 1.…… （一）……\n\
         Right: （一）…… 1.…… （1）……\n\
         Not reported: a skipped level (1. right under 一、), which many documents do and is not wrong; numbers\n\
         under chapters, sections and articles; attachment pages.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    check: Check::Doc(heading_level_order),
    safe_fix: false,
};

fn heading_level_order(ctx: &DocContext, out: &mut Findings) {
    let mut stack: Vec<Kind> = Vec::new();
    // The levels open before the last short line that may have ended them.
    let mut kept: Vec<Kind> = Vec::new();
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        if is_attachment_page(t) {
            stack.clear();
            kept.clear();
            continue;
        }
        let (note_start, note) = strip_note(start, t);
        // A note (注：, 附件：) numbers its own items from 1: a new scope, not a level of the body.
        if note_start != start {
            stack.clear();
        }
        let (start, t) = (note_start, note);
        let Some(h) = heading_marker(t) else {
            // A short line without punctuation is an unnumbered heading (裁判理由): a new part.
            if t.chars().count() <= 15
                && !t
                    .chars()
                    .any(|c| text::is_cjk_punct(c) || c.is_ascii_punctuation())
            {
                // A short line may title a new part, or be a row of a table set as text (第二届 /
                // 功能团体选举的议员 30人): the levels open before it are kept aside, and a
                // heading of one of them returns to it.
                if !stack.is_empty() {
                    kept = std::mem::take(&mut stack);
                }
            }
            continue;
        };
        if h.level < 0 {
            // Articles hold their own items; a 一、 above them (judicial interpretations) stays.
            stack.retain(|k| k.rank() < Kind::CnParen.rank());
            continue;
        }
        if let Some(p) = stack.iter().rposition(|k| *k == h.kind) {
            stack.truncate(p + 1);
            continue;
        }
        if let Some(p) = kept.iter().rposition(|k| *k == h.kind) {
            if stack.last().is_some_and(|k| k.rank() > h.level) {
                kept.truncate(p + 1);
                stack = std::mem::take(&mut kept);
                continue;
            }
        }
        if let Some(top) = stack.last().copied().filter(|k| k.rank() > h.level) {
            out.push(text::finding(
                HEADING_LEVEL_ORDER.id,
                start,
                start + h.len,
                msg!(
                    zh = "层次颠倒：“{}”出现在下一层的“{}”之下；层次应依次为“一、”“（一）”“1.”“（1）”",
                    en = "Heading levels inverted: “{}” appears under “{}”, which belongs to a lower level; the levels go “一、”, “（一）”, “1.”, “（1）” in that order",
                    &t[..h.len],
                    top.show(1).trim_end_matches(['、', '.'])
                ),
            ));
        }
        stack.push(h.kind);
    }
}
