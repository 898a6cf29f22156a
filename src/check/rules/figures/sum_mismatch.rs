//! `sum-mismatch`: a total whose listed parts (共N件，其中a件、b件……) do not add up to it.

use super::{clause_start, fmt_num, has_change_word, precision};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::extract::figures::{Figure, FigureKind, Qualifier};
use crate::segment::Token;

/// `sum-mismatch`: a total whose listed parts do not add up.
pub static SUM_MISMATCH: Rule = Rule {
    id: "sum-mismatch",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "“共N件，其中a件、b件……”的分项之和与总数不符",
    doc: "检查：“共/共计/合计/累计/总计/全年 N 单位，其中 a 单位、b 单位……”中，分项与总数单位相同、\n\
          没有“等”，分项之和却不等于总数。\n\
          原因：列全的分项应当加起来等于总数，不符时总数或某个分项抄错了。\n\
          错误：共作出行政处罚73起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起（合计70起）\n\
          正确：共作出行政处罚70起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起\n\
          不报告：分项带“等”（没有列全）；分项中出现“含”“包括”“另有”或第二个“其中”（类别交叉）；\n\
          分项或总数带“约”“余”“以上”；分项中夹有单位不同的数字后又出现同单位数字；分项之间有\n\
          “同比”“增长”等变化量；分项之和与总数相差超过四分之一（多半只列举了一部分，如\n\
          “共办理建议120件，其中重点建议15件、督办件8件”）；小数按末位四舍五入后相符。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）“数据准确”。",
    summary_en: "Parts of “共N件，其中a件、b件……” that do not add up to the total",
    doc_en: "Checks: in “共/共计/合计/累计/总计/全年 N units, 其中 a units, b units……”, parts in the same unit as the total,\n\
         without “等”, whose sum is not the total.\n\
         Why: a complete list of parts adds up to the total; if it does not, the total or one of the parts was miscopied.\n\
         Wrong: 共作出行政处罚73起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起 (70 in all)\n\
         Right: 共作出行政处罚70起，其中警告41起、罚款19起、没收违法所得6起、责令停产停业4起\n\
         Not reported: parts ending in “等” (the list is not complete); parts containing “含”, “包括”, “另有” or a\n\
         second “其中” (overlapping categories); parts or totals marked “约”, “余” or “以上”; parts where numbers\n\
         in another unit come between numbers in the same unit; changes such as “同比” or “增长” among the parts;\n\
         sums that differ from the total by more than a quarter (most likely only some parts are listed, as in\n\
         “共办理建议120件，其中重点建议15件、督办件8件”); decimals that agree once rounded to the last place.\n\
         Source: the “accurate data” of 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(sum_mismatch),
    safe_fix: false,
};

/// Words that mark a figure as a total.
const TOTAL_WORDS: &[&str] = &[
    "共", "共计", "共有", "一共", "总共", "合计", "累计", "总计", "全年",
];

/// Words after 其中 that make the parts overlap or the list open.
const OVERLAP_WORDS: &[&str] = &["等", "含", "包括", "另有", "此外", "以及", "其中"];

/// What the rule looks up around each candidate total, gathered in one pass over the tokens
/// and the text: walking the tokens from the first and the list on to the sentence end for each
/// figure would cost the length of a line per figure, and a line without punctuation holds as
/// many figures as it likes.
struct Scans {
    /// The indices of the tokens that are total words, in order: few, where a count per token
    /// would take 4 bytes a token.
    total_words: Vec<u32>,
    /// Where each overlap word occurs, in order of its start.
    overlaps: Vec<(usize, usize)>,
}

impl Scans {
    fn new(ctx: &DocContext) -> Scans {
        let text = ctx.doc.text.as_str();
        let total_words = (0u32..)
            .zip(ctx.tokens)
            .filter(|(_, t)| TOTAL_WORDS.contains(&t.span().text(text)))
            .map(|(i, _)| i)
            .collect();
        // None of these words can overlap another occurrence of itself, so each occurrence is
        // found.
        let mut overlaps: Vec<(usize, usize)> = OVERLAP_WORDS
            .iter()
            .flat_map(|w| text.match_indices(w).map(|(i, _)| (i, i + w.len())))
            .collect();
        overlaps.sort_unstable();
        Scans {
            total_words,
            overlaps,
        }
    }

    /// Whether a total word is among the tokens from the first that starts at `from` or later
    /// up to the first that ends after `to` (tokens cover the text in order).
    fn has_total_word(&self, tokens: &[Token], from: usize, to: usize) -> bool {
        let a = tokens.partition_point(|t| t.span().start < from);
        let b = a + tokens[a..].partition_point(|t| t.span().end <= to);
        let k = self.total_words.partition_point(|&i| (i as usize) < a);
        self.total_words.get(k).is_some_and(|&i| (i as usize) < b)
    }

    /// Whether an overlap word lies inside `[from, to)`.
    fn has_overlap(&self, from: usize, to: usize) -> bool {
        let k = self.overlaps.partition_point(|&(s, _)| s < from);
        self.overlaps[k..]
            .iter()
            .take_while(|&&(s, _)| s < to)
            .any(|&(_, e)| e <= to)
    }
}

fn sum_mismatch(ctx: &DocContext, out: &mut Findings) {
    let text = ctx.doc.text.as_str();
    let figs = ctx.figures;
    let mut scans: Option<Scans> = None;
    for (i, total) in figs.iter().enumerate() {
        if total.qualifier != Qualifier::None
            || !matches!(total.kind, FigureKind::Count | FigureKind::Money)
        {
            continue;
        }
        let scans = scans.get_or_insert_with(|| Scans::new(ctx));
        let cs = clause_start(text, total.sentence.start, total.span.start);
        if !scans.has_total_word(ctx.tokens, cs, total.span.start) {
            continue;
        }
        // 其中 right after the total.
        let rest = &text[total.span.end..];
        let lead = rest
            .char_indices()
            .find(|(_, c)| !matches!(c, '，' | ',' | '。' | '；' | '：' | '（' | '(' | ' '))
            .map_or(rest.len(), |(k, _)| k);
        if !rest[lead..].starts_with("其中") {
            continue;
        }
        let qz = total.span.end + lead + "其中".len();
        // The parts: the figures of the sentence after 其中.
        let Some(first) = figs[i + 1..].iter().position(|f| f.span.start >= qz) else {
            continue;
        };
        let first = i + 1 + first;
        let sentence = figs[first].sentence;
        if sentence.start > qz {
            // 其中 ended a sentence of its own: 。其中 starts a new one, which is fine; any other
            // sentence break between 其中 and the parts is not.
            let gap = &text[qz..sentence.start];
            if gap.contains(['。', '；', '\n']) {
                continue;
            }
        }
        let list_end = sentence.end.max(qz);
        if scans.has_overlap(qz, list_end) {
            continue;
        }
        let mut parts: Vec<&Figure> = Vec::new();
        let mut other_unit = false;
        let mut bad = false;
        let mut prev_end = qz;
        for f in figs[first..].iter().take_while(|f| f.span.start < list_end) {
            if f.base_unit != total.base_unit || f.kind != total.kind {
                other_unit = true;
                prev_end = f.span.end;
                continue;
            }
            if other_unit || f.qualifier != Qualifier::None {
                bad = true;
                break;
            }
            if has_change_word(&text[prev_end..f.span.start]) {
                bad = true;
                break;
            }
            parts.push(f);
            prev_end = f.span.end;
        }
        if bad || parts.len() < 2 {
            continue;
        }
        let sum: f64 = parts.iter().map(|f| f.value).sum();
        let unit_factor = total.value / written_number(ctx.doc.slice(total.span)).unwrap_or(1.0);
        let mut slack = 0.0;
        for f in parts.iter().chain(std::iter::once(&total)) {
            let w = ctx.doc.slice(f.span);
            let (Some(p), Some(n)) = (precision(w), written_number(w)) else {
                bad = true;
                break;
            };
            let factor = if n == 0.0 { 1.0 } else { f.value / n };
            // Integers are exact; decimals are rounded to their last digit.
            if p < 1.0 {
                slack += p / 2.0 * factor;
            }
        }
        if bad || (sum - total.value).abs() <= slack + 1e-6 * total.value.abs().max(1.0) {
            continue;
        }
        // A sum far from the total lists only some of the parts.
        if total.value <= 0.0 || ((sum - total.value).abs() / total.value) > 0.25 {
            continue;
        }
        let list: Vec<&str> = parts.iter().map(|f| ctx.doc.slice(f.span)).collect();
        let shown = |v: f64| {
            let n = v / unit_factor;
            format!(
                "{}{}",
                fmt_num(n),
                total_unit_written(ctx.doc.slice(total.span))
            )
        };
        let finding = text::finding(
            SUM_MISMATCH.id,
            total.span.start,
            total.span.end,
            msg!(
                zh = "总数与分项不符：总数为“{}”，其中{}相加为{}。请核对总数或分项；\
                      如分项没有列全，应在末项后加“等”",
                en = "The total does not match its parts: the total is “{}”, but the parts “{}” add up to “{}”; \
                      check the total or the parts, and if the parts are not exhaustive, end the list with “等”",
                ctx.doc.slice(total.span),
                list.join("、"),
                shown(sum)
            ),
        );
        let mut finding = finding;
        for p in &parts {
            finding = finding.with_related(p.span);
        }
        out.push(finding);
    }
}

/// The first Arabic number written in a figure (3.49 in 约3.49亿元).
fn written_number(written: &str) -> Option<f64> {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// The unit as written after the number of a figure (亿元 in 3.49亿元).
fn total_unit_written(written: &str) -> &str {
    let at = written
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit() || *c == '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    &written[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_number_and_unit() {
        assert_eq!(written_number("约3.49亿元"), Some(3.49));
        assert_eq!(total_unit_written("3.49亿元"), "亿元");
    }
}
