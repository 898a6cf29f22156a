//! `heading-number-sequence`: a gap or a repeat within one level, and in runs of 一是、二是.

use std::sync::LazyLock;

use regex::Regex;

use super::{body_lines, cn_of, heading_marker, is_attachment_page, strip_note, Kind};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

pub static HEADING_NUMBER_SEQUENCE: Rule = Rule {
    id: "heading-number-sequence",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "同级层次序数跳号、重号或倒序",
    doc: "检查：同一上级之下同级序号的跳号、重号（一、二、四、 · （一）（二）（二））和段内“一是、二是”\n\
          的跳号、重号（一是……三是）。\n\
          原因：序号跳、重使人以为漏了内容或多了内容，也使“第三项”之类的引用出错。\n\
          错误：一、 三、 四、 · （一） （二） （二） · 一是……三是……\n\
          正确：一、 二、 三、 · （一） （二） （三） · 一是……二是……\n\
          不报告：上级序号之后重新从1编号，或接着上一个上级之下的序号续编（国务院文件常把（一）至（三十）\n          连续编号）；表注“注：1、……”另起一组；附件页重新编号；目录与正文各编一遍；“第一条”等条款（法规\n\
          条文常有“第××条之一”）；单独成行的小标题与以标点结尾的条目用同一种序号时，各自成一组。“一是”序列在新的层次标题处重新开始。\n\
          依据：GB/T 9704-2012《党政机关公文格式》7.3.3。",
    summary_en: "Heading numbers of one level skipped, repeated or out of order",
    doc_en: "Checks: numbers of one level under the same parent that skip or repeat (一、二、四、 · （一）（二）（二）),\n\
         and the same in runs of “一是、二是” within a paragraph (一是……三是).\n\
         Why: a skipped or repeated number makes readers think something is missing or added, and breaks\n\
         references such as “the third item”.\n\
         Wrong: 一、 三、 四、 · （一） （二） （二） · 一是……三是……\n\
         Right: 一、 二、 三、 · （一） （二） （三） · 一是……二是……\n\
         Not reported: numbering that restarts from 1 after a higher-level number, or continues the numbers under\n\
         the previous parent (State Council documents often number （一） to （三十） straight through); notes\n\
         “注：1、……” starting a group of their own; attachment pages numbered afresh; a table of contents and the\n\
         body each numbered once; articles such as “第一条” (regulations often have “第××条之一”); headings on a\n\
         line of their own and items ending in punctuation that use the same form count as two series. A run of “一是”\n\
         starts again at each new heading.\n\
         Source: GB/T 9704-2012 《党政机关公文格式》 7.3.3.",
    check: Check::Doc(heading_number_sequence),
    safe_fix: false,
};

static SHI_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[。；;：:，,！\s\u{3000}])([一二三四五六七八九十]{1,2})是").unwrap()
});

fn heading_number_sequence(ctx: &DocContext, out: &mut Findings) {
    // The open levels, outermost first, with the last number of each; chapters, sections and
    // articles are tracked apart, since judicial interpretations put articles under 一、.
    let mut stack: Vec<(Kind, u32)> = Vec::new();
    let mut legal: Vec<(Kind, u32)> = Vec::new();
    // The last number of each kind anywhere: many documents number （一）… on across parents.
    let mut last_seen: Vec<(Kind, u32)> = Vec::new();
    // Whether the last item of each form stood alone as a heading (no closing punctuation).
    let mut styles: Vec<(Kind, bool)> = Vec::new();
    // The last number of the current 一是/二是 run.
    let mut shi: Option<u32> = None;
    for (start, t) in body_lines(ctx) {
        let (start, t) = (*start, t.as_ref());
        if is_attachment_page(t) {
            stack.clear();
            legal.clear();
            last_seen.clear();
            styles.clear();
            shi = None;
            continue;
        }
        let (start, t) = strip_note(start, t);
        if let Some(h) = heading_marker(t) {
            shi = None;
            let span = (start, start + h.len);
            if h.kind == Kind::Article {
                // An article holds its own items: （一） starts again under each.
                stack.retain(|s| s.0.rank() < Kind::CnParen.rank());
            }
            let stack = if h.level < 0 { &mut legal } else { &mut stack };
            // （二）不动产抵押 after the items （一）…；（三）…。 of an article is the next section
            // heading, not the next item: headings and sentence items of one form are two series.
            let heading_like = !t.ends_with(['。', '；', ';', '：', ':', '，', ',']);
            let style_changed = match styles.iter_mut().find(|s| s.0 == h.kind) {
                Some(s) => std::mem::replace(&mut s.1, heading_like) != heading_like,
                None => {
                    styles.push((h.kind, heading_like));
                    false
                }
            };
            let before = last_seen.iter().find(|s| s.0 == h.kind).map(|s| s.1);
            match last_seen.iter_mut().find(|s| s.0 == h.kind) {
                Some(s) => s.1 = h.n,
                None => last_seen.push((h.kind, h.n)),
            }
            if let Some(p) = stack.iter().rposition(|s| s.0 == h.kind) {
                stack.truncate(p + 1);
                let last = stack[p].1;
                stack[p].1 = h.n;
                if h.kind == Kind::Article
                    || h.n == last + 1
                    || h.n == 1
                    || h.n == 0
                    || last == 0
                    || style_changed
                {
                    continue;
                }
                let msg = if h.n == last {
                    msg!(
                        zh = "层次序数重号：上一项已是“{}”，此处应为“{}”",
                        en = "Repeated heading number: the previous item is already “{}”; this one should be “{}”",
                        h.kind.show(last),
                        h.kind.show(last + 1)
                    )
                } else if h.n > last + 1 {
                    let missing: Vec<String> =
                        (last + 1..h.n).take(5).map(|k| h.kind.show(k)).collect();
                    msg!(
                        zh = "层次序数跳号：“{}”之后是“{}”，缺少“{}”",
                        en = "Skipped heading number: “{}” is followed by “{}”; “{}” is missing",
                        h.kind.show(last),
                        h.kind.show(h.n),
                        missing.join("")
                    )
                } else {
                    msg!(
                        zh = "层次序数倒序：“{}”之后是“{}”，应为“{}”",
                        en = "Heading numbers out of order: “{}” is followed by “{}”; it should be “{}”",
                        h.kind.show(last),
                        h.kind.show(h.n),
                        h.kind.show(last + 1)
                    )
                };
                out.push(text::finding(
                    HEADING_NUMBER_SEQUENCE.id,
                    span.0,
                    span.1,
                    msg,
                ));
            } else {
                stack.push((h.kind, h.n));
                let continues = before.is_some_and(|b| h.n == b + 1);
                if h.n > 1 && h.kind != Kind::Article && !continues {
                    let missing: Vec<String> = (1..h.n).take(5).map(|k| h.kind.show(k)).collect();
                    out.push(text::finding(
                        HEADING_NUMBER_SEQUENCE.id,
                        span.0,
                        span.1,
                        msg!(
                            zh = "本层第一项序号是“{}”，缺少“{}”",
                            en = "The first item of this level is numbered “{}”; “{}” is missing",
                            h.kind.show(h.n),
                            missing.join("")
                        ),
                    ));
                }
            }
        }
        let line_end = start + t.len();
        for c in SHI_RUN.captures_iter(t) {
            let m = c.get(1).unwrap();
            let Some(n) = text::cn_number(m.as_str()) else {
                continue;
            };
            let at = start + m.start();
            let end = (start + c.get(0).unwrap().end()).min(line_end);
            match shi {
                _ if n == 1 => shi = Some(1),
                Some(last) if n == last + 1 => shi = Some(n),
                Some(last) if n == last => out.push(text::finding(
                    HEADING_NUMBER_SEQUENCE.id,
                    at,
                    end,
                    msg!(
                        zh = "“{}是”重复：上一项已是“{}是”，此处应为“{}是”",
                        en = "“{}是” is repeated: the previous item is already “{}是”; this one should be “{}是”",
                        cn_of(n),
                        cn_of(last),
                        cn_of(last + 1)
                    ),
                )),
                Some(last) if n > last + 1 => {
                    out.push(text::finding(
                        HEADING_NUMBER_SEQUENCE.id,
                        at,
                        end,
                        msg!(
                            zh = "“{}是”之后是“{}是”，缺少“{}是”",
                            en = "“{}是” is followed by “{}是”; “{}是” is missing",
                            cn_of(last),
                            cn_of(n),
                            cn_of(last + 1)
                        ),
                    ));
                    shi = Some(n);
                }
                _ => {}
            }
        }
    }
}
