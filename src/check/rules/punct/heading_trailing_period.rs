//! `heading-trailing-period`: a document title or a first-level heading on its own line that
//! ends in a full stop.

use crate::check::rules::{numbering, text};
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

/// `heading-trailing-period`: a title or stand-alone heading ending with 。.
pub static HEADING_TRAILING_PERIOD: Rule = Rule {
    id: "heading-trailing-period",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "标题或单独成行的层次标题末尾加了句号",
    doc: "检查：公文标题（关于……的通知）或单独成行的一级层次标题（一、）以句号结尾。\n\
          原因：标题不是句子，末尾不加句号。\n\
          错误：关于加强临川市营商环境建设的通知。 · 二、重点任务。\n\
          正确：关于加强临川市营商环境建设的通知 · 二、重点任务\n\
          不报告：标题后接正文的段落（（一）加强……。正文……）；含逗号、分号的整句条目；\
          前后紧接另一“一、”级条目的行（列举项、修改决定的各条：十、将第五条修改为第十条。）；\
          以“施行。”结尾的施行条款，以及紧接引文之后的条目（修改决定的最后一条）；以“的”结尾的列举项；多数“一、”条目\n\
          以句号结尾且含逗号的文件（条目是整句，如国务院工作规则）；\n\
          二级及以下序号：“（一）指导思想。”是段首标题，正文接在同一段（网页常把正文拆到下一行），\n\
          三、四级条目常写成完整句子。\n\
          依据：《国家行政机关公文处理办法》（2000）第十条；GB/T 15834 标题不用句号的惯例。",
    summary_en: "Full stop at the end of a title or of a heading on its own line",
    doc_en: "Checks: a document title (关于……的通知) or a first-level heading (一、) on a line of its own that ends in a full stop.\n\
         Why: a title is not a sentence and takes no full stop.\n\
         Wrong: 关于加强临川市营商环境建设的通知。 · 二、重点任务。\n\
         Right: 关于加强临川市营商环境建设的通知 · 二、重点任务\n\
         Not reported: headings run into their paragraph （（一）加强……。正文……）; whole-sentence items with commas or\n\
         semicolons; a 一、 line next to another one (the items of a list or of an amending decision:\n\
         十、将第五条修改为第十条。), since a heading has its text between it and the next heading; a clause\n\
         ending in 施行。 and an item right after quoted text (the last item of an amending decision); list items ending in “的”; documents where most “一、” items end in a full stop and contain\n\
         commas (the items are sentences, as in the State Council's working rules); second and lower levels:\n\
         “（一）指导思想。” is a run-in heading with its text in the same paragraph (web pages often move the text to\n\
         the next line), and items of the third and fourth levels are often whole sentences.\n\
         Source: 《国家行政机关公文处理办法》 (2000) article 10; the practice of GB/T 15834 that titles take no full stop.",
    check: Check::Doc(heading_trailing_period),
    safe_fix: false,
};

/// The kinds of document whose title `heading-trailing-period` knows (关于……的通知).
const TITLE_KINDS: [&str; 13] = [
    "通知", "报告", "意见", "决定", "请示", "批复", "函", "通报", "复函", "公告", "通告", "决议",
    "纪要",
];

/// Whether `t` is a document title with a full stop: `^[^，。；：,;]{0,40}关于[^，。；：,;]{2,80}
/// 的(KIND)[。.]$` for a kind of [`TITLE_KINDS`]. Written out because the counted repetitions
/// of a negated class make that pattern's automaton large and slow to search (it was the most
/// costly search of all the rules); `tests::doc_title_is_the_pattern` holds it to the pattern.
fn is_doc_title(t: &str) -> bool {
    let Some(body) = t.strip_suffix('。').or_else(|| t.strip_suffix('.')) else {
        return false;
    };
    // 关于, 的 and the kinds hold none of these marks, so the two free runs hold none exactly
    // when the whole does.
    if body.contains(['，', '。', '；', '：', ',', ';']) {
        return false;
    }
    TITLE_KINDS.iter().any(|kind| {
        let Some(head) = body.strip_suffix(kind).and_then(|h| h.strip_suffix('的')) else {
            return false;
        };
        let chars = head.chars().count();
        head.match_indices("关于").any(|(at, _)| {
            let before = head[..at].chars().count();
            before <= 40 && (2..=80).contains(&(chars - before - 2))
        })
    })
}

fn heading_trailing_period(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // Documents such as 国务院工作规则 number whole sentences 一、……。 : when most 一、 lines end
    // with 。 and some hold a comma, they are items, not headings.
    let (mut level1, mut with_period, mut with_comma) = (0, 0, 0);
    for (_, line) in text::lines(text) {
        let t = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        if numbering::heading_marker(t).is_some_and(|h| h.level == 1) {
            level1 += 1;
            if t.ends_with('。') {
                with_period += 1;
                if t.contains('，') {
                    with_comma += 1;
                }
            }
        }
    }
    let sentence_items = with_period * 2 > level1 && with_comma > 0;
    // The drafter's lines that are not blank, as indices into them (4 bytes a line, where the
    // lines with their trimmed text took 40 in a text of short lines); each is trimmed as read.
    let all = ctx.text_lines();
    let trimmed = |k: u32| {
        let (start, line) = all[k as usize];
        (
            start,
            line,
            line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']),
        )
    };
    let mut lines: Vec<u32> = Vec::with_capacity(all.len());
    lines.extend((0..all.len() as u32).filter(|&k| !trimmed(k).2.is_empty()));
    let line = |i: usize| lines.get(i).map(|&k| trimmed(k));
    let first_level = |i: usize| {
        line(i).is_some_and(|(_, _, t)| numbering::heading_marker(t).is_some_and(|h| h.level == 1))
    };
    for i in 0..lines.len() {
        let Some((start, whole, t)) = line(i) else {
            continue;
        };
        let Some(last) = t.chars().next_back() else {
            continue;
        };
        let seen_lines = i + 1;
        if last != '。' && last != '.' {
            continue;
        }
        // `t` is a part of `line`: its offset is where it starts in memory.
        let end = start + (t.as_ptr() as usize - whole.as_ptr() as usize) + t.len();
        let at = end - last.len_utf8();
        if seen_lines <= 6 && is_doc_title(t) {
            out.push(
                text::finding(
                    HEADING_TRAILING_PERIOD.id,
                    at,
                    end,
                    tr(
                        "公文标题末尾不加句号，应删去“。”",
                        "A document title takes no full stop at the end: delete “。”",
                    ),
                )
                .with_replacement(""),
            );
            continue;
        }
        let Some(h) = numbering::heading_marker(t) else {
            continue;
        };
        // （一）总体要求。 is a run-in heading whose text web pages put on the next line, and
        // （五）违背法定程序的。 is an item of a list: only 一、 headings are checked.
        if h.level != 1 || sentence_items {
            continue;
        }
        // A heading has its text between it and the next heading; 一、 lines that follow one
        // another are the items of a list or of an amending decision (十、将第五条修改为第十条。).
        if (i > 0 && first_level(i - 1)) || first_level(i + 1) {
            continue;
        }
        // 五十、本修正案自2011年5月1日起施行。 closes an amending decision whose items quote the new
        // wording (the line before ends a quotation): a clause, never a heading.
        let after_quote = i > 0 && line(i - 1).is_some_and(|(_, _, p)| p.ends_with(['”', '’']));
        if after_quote || t.ends_with("施行。") {
            continue;
        }
        let body = &t[h.len..t.len() - last.len_utf8()];
        if body.is_empty()
            || body.ends_with('的')
            || body.chars().count() > 30
            || body.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '.'])
        {
            continue;
        }
        out.push(text::finding(
            HEADING_TRAILING_PERIOD.id,
            at,
            end,
            msg!(
                zh = "单独成行的层次标题“{}”末尾不加句号，应删去“{last}”",
                en = "The heading “{}” on a line of its own takes no full stop at the end: delete “{last}”",
                &t[..t.len() - last.len_utf8()]
            ),
        )
        .with_replacement(""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn doc_title_is_the_pattern() {
        let pattern = Regex::new(r"^[^，。；：,;]{0,40}关于[^，。；：,;]{2,80}的(通知|报告|意见|决定|请示|批复|函|通报|复函|公告|通告|决议|纪要)[。.]$").unwrap();
        let mut lines: Vec<String> = Vec::new();
        for text in crate::corpus_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()));
        }
        // Free runs around the limits, with and without a mark, 关于 more than once, every kind,
        // both full stops and none.
        let run = |n: usize| "省".repeat(n);
        for before in [0, 1, 39, 40, 41] {
            for middle in [0, 1, 2, 3, 79, 80, 81] {
                for kind in TITLE_KINDS.iter().chain(&["复", "的函", "办法"]) {
                    for end in ["。", ".", "", "。。", "；"] {
                        let (b, m) = (run(before), run(middle));
                        lines.push(format!("{b}关于{m}的{kind}{end}"));
                        lines.push(format!("{b}关于{m}关于的{kind}{end}"));
                        lines.push(format!("关于{b}关于{m}的{kind}{end}"));
                        lines.push(format!("{b}，关于{m}的{kind}{end}"));
                        lines.push(format!("{b}关于{m};的{kind}{end}"));
                        lines.push(format!("{b}关{m}的{kind}{end}"));
                    }
                }
            }
        }
        let mut titles = 0;
        for line in &lines {
            assert_eq!(is_doc_title(line), pattern.is_match(line), "{line}");
            titles += usize::from(is_doc_title(line));
        }
        assert!(titles > 1000, "{titles}");
    }
}
