//! Rules over the figures a document states (GB/T 15835-2011 aside, these are matters of
//! arithmetic and consistency): rates that cannot exceed 100%, totals whose parts do not add
//! up, and one metric stated with two values.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::text;
use crate::check::{
    BatchDoc, BatchMetric, Check, DocContext, Excerpt, Finding, Located, Location, Rule, Scope,
    Severity,
};
use crate::extract::figures::{Figure, FigureKind, Qualifier};
use crate::segment::Token;
use crate::span::Span;

/// Characters that end a clause.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '：' | ':' | '。' | '；' | ';' | '！' | '？' | '\n'
    )
}

/// The start of the clause that contains byte `at`, not before `floor`.
fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_end(*c))
        .map(|(i, c)| floor + i + c.len_utf8())
        .unwrap_or(floor)
}

/// Words of change: a figure after one of them is a difference or a growth rate, not a level.
const CHANGE_WORDS: &[&str] = &[
    "增", "减", "降", "提高", "提升", "上升", "下滑", "回落", "比", "较", "同比", "环比", "年均",
    "平均", "倍", "翻", "多", "少",
];

fn has_change_word(s: &str) -> bool {
    CHANGE_WORDS.iter().any(|w| s.contains(w))
}

// ---------------------------------------------------------------------------------------------
// rate-overflow

/// `rate-overflow`: a rate that cannot exceed 100% stated above it.
pub static RATE_OVERFLOW: Rule = Rule {
    id: "rate-overflow",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "办结率、覆盖率、合格率等比率超过100%，或同一整体的各部分占比之和超过100%",
    doc: "检查：办结率、结案率、覆盖率、合格率、达标率、出庭应诉率、审查率、知晓率、参保率、答复率等\n\
          以“应办的”为分母的比率写成超过100%；以及“分别占…”或“其中A占…、B占…”列出的同一整体的\n\
          各部分占比相加超过100%。\n\
          原因：这类比率的分子是分母的一部分，不可能超过100%；各部分占比之和也不可能超过整体。\n\
          多半是数字抄错或分子分母用反了。\n\
          错误：按时结案率为101.6% · 第一、二、三产业增加值分别占地区生产总值的9.1%、41.5%、52.3%\n\
          正确：按时结案率为98.6% · 分别占9.1%、38.6%、52.3%\n\
          不报告：增长率、增速和比值（增长150%、同比增长135%、较上年提高120%）；计划完成率、\n\
          投资完成率、化债任务完成率、病床使用率、毛入学率（超额完成或按标准床位、学龄人口计算时\n\
          可以超过100%，真实政府工作报告中常见“完成率达120%”）；负债率、债务占比；带“约”“左右”\n\
          “以上”的占比之和；各项之间没有“占”的列举（可能是不同整体）。\n\
          依据：比率的定义；《党政机关公文处理工作条例》第二十条（四）所要求的“数据准确”。",
    summary_en: "A rate such as a completion, coverage or pass rate over 100%, or shares of one whole adding up to over 100%",
    doc_en: "Checks: rates whose denominator is what was due, such as 办结率, 结案率, 覆盖率, 合格率, 达标率, 出庭应诉率,\n\
         审查率, 知晓率, 参保率, 答复率, written as over 100%; and the shares of parts of one whole, listed with\n\
         “分别占…” or “其中A占…、B占…”, adding up to over 100%.\n\
         Why: the numerator of such a rate is part of its denominator, so it cannot exceed 100%, and the shares\n\
         of the parts cannot exceed the whole. Usually a figure was miscopied or numerator and denominator swapped.\n\
         Wrong: 按时结案率为101.6% · 第一、二、三产业增加值分别占地区生产总值的9.1%、41.5%、52.3%\n\
         Right: 按时结案率为98.6% · 分别占9.1%、38.6%、52.3%\n\
         Not reported: growth rates and ratios (增长150%, 同比增长135%, 较上年提高120%); completion rates of plans,\n\
         investment and debt reduction, bed occupancy rates, gross enrolment rates (these can exceed 100% when a\n\
         target is overfulfilled or counted against standard beds or school-age population; “完成率达120%” is common\n\
         in real government work reports); debt ratios and shares of debt; sums of shares marked “约”, “左右” or\n\
         “以上”; lists without “占” between the items (they may be shares of different wholes).\n\
         Source: the definition of a rate; the “accurate data” required by 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(rate_overflow),
};

/// Rates whose numerator is part of their denominator. 完成率, 使用率 and 入学率 are left out on
/// purpose: plans are over-fulfilled and gross rates exceed 100% in correct reports.
const BOUNDED_RATES: &[&str] = &[
    "办结率",
    "结案率",
    "执结率",
    "覆盖率",
    "合格率",
    "达标率",
    "应诉率",
    "审查率",
    "备案率",
    "通过率",
    "知晓率",
    "参保率",
    "办复率",
    "答复率",
    "回复率",
    "公开率",
    "受理率",
    "化解率",
    "处置率",
    "调处率",
    "签约率",
    "普及率",
    "接种率",
    "合规率",
    "准确率",
    "正确率",
    "及格率",
    "优良率",
    "持证率",
    "满意率",
    "成功率",
    "兑现率",
    "上网率",
    "建档率",
    "占比",
    "比重",
];

/// What may stand between a rate and its figure: linking words, earlier figures of a
/// 分别 list, and list punctuation.
fn is_link_only(between: &str) -> bool {
    between.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || "达到为是均在分别了保持稳定、，和及与.%％约近超过以上左右".contains(c)
    })
}

fn rate_overflow(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = ctx.doc.text.as_str();
    for f in ctx.figures {
        if f.kind != FigureKind::Percent || f.base_unit != "%" {
            continue;
        }
        let top = f.high.unwrap_or(f.value).max(f.value);
        if top <= 100.0 + 1e-9 || matches!(f.qualifier, Qualifier::LessThan) {
            continue;
        }
        let cs = clause_start(text, f.sentence.start, f.span.start);
        // 、-joined lists (合格率分别为98%、101%) keep the rate in an earlier clause only when
        // 分别 links them; otherwise the clause is enough.
        let before = &text[cs..f.span.start];
        let Some((rate, at)) = BOUNDED_RATES
            .iter()
            .filter_map(|r| before.rfind(r).map(|i| (*r, i)))
            .max_by_key(|(r, i)| i + r.len())
        else {
            continue;
        };
        let between = &before[at + rate.len()..];
        if has_change_word(between) || !is_link_only(between) {
            continue;
        }
        let subject = &before[..at];
        // Debt ratios and shares of GDP may exceed 100%.
        if (rate == "占比" || rate == "比重") && (subject.contains('债') || subject.contains('倍'))
        {
            continue;
        }
        if has_change_word(subject.rsplit('，').next().unwrap_or(subject))
            && (rate == "占比" || rate == "比重")
        {
            continue;
        }
        let written = ctx.doc.slice(f.span);
        out.push(text::finding(
            RATE_OVERFLOW.id,
            f.span.start,
            f.span.end,
            msg!(
                zh = "{rate}不能超过100%：这里写作“{written}”。{rate}的分子是分母的一部分，\
                      请核对数字（如结案数、应结数），改为不超过100%的正确数值",
                en = "A rate (“{rate}”) cannot exceed 100%, but here it is “{written}”: its numerator is part \
                      of its denominator, so check the figures (such as cases closed and cases due) and \
                      correct it to a value of at most 100%"
            ),
        ));
    }
    shares_over_whole(ctx, out);
}

/// Percent figures that each follow 占 (A占45%、B占38%) or a 分别占 list, in one sentence; when
/// their sum exceeds 100% (allowing for rounding) the parts cannot belong to one whole.
fn shares_over_whole(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = ctx.doc.text.as_str();
    let mut i = 0;
    let figs = ctx.figures;
    while i < figs.len() {
        let f = &figs[i];
        let prev = if i > 0 { figs.get(i - 1) } else { None };
        let Some(kind) = share_lead(text, f, prev) else {
            i += 1;
            continue;
        };
        // Collect the list that starts here.
        let mut group = vec![f];
        let mut j = i + 1;
        while j < figs.len() {
            let g = &figs[j];
            if g.sentence != f.sentence || !is_share(g) {
                break;
            }
            let gap = &text[group[group.len() - 1].span.end..g.span.start];
            let ok = match kind {
                ShareList::Fenbie => gap.trim() == "、" || gap.trim() == "和" || gap == "，",
                ShareList::EachZhan => {
                    (gap.ends_with('占') || gap.ends_with("占比"))
                        && gap.chars().count() <= 16
                        && !has_change_word(gap)
                        && !gap.contains('。')
                }
            };
            if !ok {
                break;
            }
            group.push(g);
            j += 1;
        }
        i = j;
        if group.len() < 2
            || group
                .iter()
                .any(|g| g.qualifier != Qualifier::None || !is_share(g))
        {
            continue;
        }
        let sum: f64 = group.iter().map(|g| g.value).sum();
        let slack: f64 = group
            .iter()
            .map(|g| precision(ctx.doc.slice(g.span)).unwrap_or(1.0) / 2.0)
            .sum();
        if sum <= 100.0 + slack + 1e-9 {
            continue;
        }
        let last = group[group.len() - 1];
        let list: Vec<&str> = group.iter().map(|g| ctx.doc.slice(g.span)).collect();
        out.push(text::finding(
            RATE_OVERFLOW.id,
            f.span.start,
            last.span.end,
            msg!(
                zh = "同一整体的各部分占比之和不能超过100%：{}相加为{}%。请核对各项占比",
                en = "The shares of parts of one whole cannot add up to more than 100%, but “{}” add up to {}%; check each share",
                list.join("、"),
                fmt_num(sum)
            ),
        ));
    }
}

#[derive(Clone, Copy)]
enum ShareList {
    /// 分别占…的9%、41%、50%
    Fenbie,
    /// 其中A占45%、B占38%
    EachZhan,
}

fn is_share(f: &Figure) -> bool {
    f.kind == FigureKind::Percent && f.base_unit == "%" && f.low.is_none()
}

/// Whether `f` opens a list of shares, and of which form.
fn share_lead(text: &str, f: &Figure, prev: Option<&Figure>) -> Option<ShareList> {
    if !is_share(f) {
        return None;
    }
    let cs = clause_start(text, f.sentence.start, f.span.start);
    let before = &text[cs..f.span.start];
    if let Some(at) = before.rfind("分别占") {
        let object = &before[at + "分别占".len()..];
        if !has_change_word(object) && object.chars().count() <= 16 && !object.contains('债') {
            return Some(ShareList::Fenbie);
        }
        return None;
    }
    // An 占 list opens after 其中 (the parts of the total just stated), so that shares of
    // different wholes in one sentence (民营经济占60%，数字经济占10%) are not added.
    let sentence_before = &text[f.sentence.start..f.span.start];
    let zhan = before.ends_with('占') || before.ends_with("占比");
    let after_qizhong = sentence_before.contains("其中")
        && prev.is_none_or(|p| p.sentence != f.sentence || p.span.end <= cs);
    (zhan && after_qizhong && !has_change_word(before)).then_some(ShareList::EachZhan)
}

/// Half of the last written digit's place, in the figure's base unit: 3.49亿元 → 0.01亿元.
fn precision(written: &str) -> Option<f64> {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let decimals = digits.split('.').nth(1).map_or(0, str::len);
    let decimals = i32::try_from(decimals).ok()?;
    Some(10f64.powi(-decimals))
}

fn fmt_num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

// ---------------------------------------------------------------------------------------------
// sum-mismatch

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
};

/// Words that mark a figure as a total.
const TOTAL_WORDS: &[&str] = &[
    "共", "共计", "共有", "一共", "总共", "合计", "累计", "总计", "全年",
];

/// Words after 其中 that make the parts overlap or the list open.
const OVERLAP_WORDS: &[&str] = &["等", "含", "包括", "另有", "此外", "以及", "其中"];

fn sum_mismatch(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = ctx.doc.text.as_str();
    let figs = ctx.figures;
    for (i, total) in figs.iter().enumerate() {
        if total.qualifier != Qualifier::None
            || !matches!(total.kind, FigureKind::Count | FigureKind::Money)
        {
            continue;
        }
        let cs = clause_start(text, total.sentence.start, total.span.start);
        let has_total_word = ctx
            .tokens
            .iter()
            .skip_while(|t| t.span.start < cs)
            .take_while(|t| t.span.end <= total.span.start)
            .any(|t| TOTAL_WORDS.contains(&t.span.text(text)));
        if !has_total_word {
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
        let list_text = &text[qz..list_end];
        if OVERLAP_WORDS.iter().any(|w| list_text.contains(w)) {
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

// ---------------------------------------------------------------------------------------------
// metric-inconsistent

/// `metric-inconsistent`: one metric of one subject and period stated with two values.
pub static METRIC_INCONSISTENT: Rule = Rule {
    id: "metric-inconsistent",
    severity: Severity::Warning,
    scope: Scope::Both,
    summary: "同一主体、同一时期的同一指标出现两个不同的数值",
    doc: "检查：同一文件内或同一批文件之间，同一主体（全县、本市、临川市……）、同一时期、同一指标\n\
          的确数写成了不同的数值。\n\
          原因：报告、总结、简报中同一个统计数必须一致，不一致时至少有一处抄错。\n\
          错误：报告写“全县受理劳动人事争议仲裁案件214件”，汇总材料写“全县受理劳动人事争议仲裁案件241件”\n\
          正确：两处写同一个数值。\n\
          只比较：指标以主体开头（文件内：全省、全市、全县、本市、我县等或以省、市、县结尾的地名；\n\
          跨文件：只认地名，因为不同机关的“全县”“本市”不是同一主体）、主体和指标用字完全相同、\n\
          单位相同、都是确数、所在段落的时期用语（2024年、上半年、一季度、去年、“十四五”等）\n\
          完全相同的两处；跨文件比较时还要求两份文件年份相同，或段落中写明了相同的年份。\n\
          不报告：不同地方或范围（临川市与平江县、市政府与全市各级）；带“约”“余”“以上”“左右”的数；\n\
          增长、下降、同比等变化量；“力争”“预计”“目标”等计划数；“分别”列举的数；\n\
          主体没有写出的指标（不能确定是同一主体）。宁可漏报，不误报。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）“数据准确”。",
    summary_en: "One statistic of the same subject and period given two different values",
    doc_en: "Checks: the same statistic of the same subject (全县, 本市, 临川市……) and the same period given different\n\
         exact values within one document or across documents of the batch.\n\
         Why: a figure in a report, summary or bulletin must be the same wherever it appears; if it is not, at\n\
         least one place is miscopied.\n\
         Wrong: a report says “全县受理劳动人事争议仲裁案件214件”, a summary “全县受理劳动人事争议仲裁案件241件”\n\
         Right: both give the same value.\n\
         Only compared: two statistics that start with their subject (within a document: 全省, 全市, 全县, 本市, 我县\n\
         and the like, or a place name ending in 省, 市, 县; across documents: place names only, because “全县” or\n\
         “本市” of different organs are different subjects), with the same wording of subject and statistic, the\n\
         same unit, both exact, and the same words of period in their paragraphs (2024年, 上半年, 一季度, 去年,\n\
         “十四五” and the like); across documents, the two documents must also be of the same year, or their\n\
         paragraphs must state the same year.\n\
         Not reported: different places or scopes (临川市 and 平江县, 市政府 and 全市各级); numbers marked “约”,\n\
         “余”, “以上”, “左右”; changes such as growth, decline, year on year; planned figures (“力争”, “预计”,\n\
         “目标”); numbers listed with “分别”; statistics without a stated subject (the subject cannot be known to\n\
         be the same). Better to miss one than to report a false one.\n\
         Source: the “accurate data” of 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Both(metric_inconsistent, metric_inconsistent_batch),
};

/// A jurisdiction word that names the issuer's own area (全县, 本市, 我省): the same subject
/// within one document, not across documents from different issuers.
const RELATIVE_SUBJECTS: &[&str] = &[
    "全国", "全省", "全市", "全县", "全区", "全州", "全镇", "全乡", "本省", "本市", "本县", "本区",
    "本镇", "我省", "我市", "我县", "我区", "我镇",
];

/// A place name at the start of a metric (临川市, 平江县, 江澄省).
static PLACE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{1,4}?(?:省|市|县)").ok());

/// Words that end like a place name but are not one (上市公司, 城市, 节省).
const NOT_PLACES: &[&str] = &[
    "上市", "城市", "都市", "超市", "门市", "夜市", "集市", "股市", "楼市", "开市", "罢市", "菜市",
    "闹市", "街市", "节省", "反省", "郡县",
];

/// Whether `metric` starts with a named place, and whether that place is absolute (a name that
/// means the same in every document).
/// `at` is the byte offset of `metric` in `text`; the name must be whole jieba words, the first
/// a proper noun, so that 办理市人大代表建议 does not read as a place 办理市.
fn subject_of(text: &str, tokens: &[Token], at: usize, metric: &str) -> Option<bool> {
    if RELATIVE_SUBJECTS.iter().any(|w| metric.starts_with(w)) {
        return Some(false);
    }
    let m = PLACE.as_ref()?.find(metric)?;
    let name = m.as_str();
    let tail: String = name
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if name.chars().count() < 3 || NOT_PLACES.contains(&tail.as_str()) {
        return None;
    }
    // 农贸市场, 市民, 市值: 市 begins another word.
    if metric[m.end()..].starts_with(['场', '民', '值', '容', '面', '级']) {
        return None;
    }
    let (start, end) = (at, at + m.end());
    let i = tokens.partition_point(|t| t.span.start < start);
    let first = tokens.get(i).filter(|t| t.span.start == start)?;
    if !matches!(first.pos, "ns" | "nr" | "nz") || text.get(start..end).is_none() {
        return None;
    }
    tokens[i..]
        .iter()
        .take(2)
        .any(|t| t.span.end == end)
        .then_some(true)
}

/// Period words; two statements are compared only when their paragraphs carry the same ones.
static PERIOD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"[0-9]{4}年度?|[0-9一二三四五六七八九十]{1,3}月份?|[一二三四1-4]季度|上半年|下半年|前三季度|全年|去年|上年|今年|明年|当年|年初|年底|年末|截至|以来|五年|三年|过去|近年|十[一二三四五六]五|历年",
    )
    .ok()
});

/// Words of plans and targets: such figures are not statements of fact.
const PLAN_WORDS: &[&str] = &[
    "力争", "预计", "目标", "计划", "争取", "确保", "预期", "将", "要", "拟", "分别",
];

/// One stated fact: key, value and where.
struct Fact {
    span: Span,
    key: String,
    periods: String,
    value: f64,
    /// The subject is a place name rather than 全县 or 本市.
    absolute: bool,
}

fn facts(ctx: &DocContext) -> Vec<Fact> {
    let Some(period) = PERIOD.as_ref() else {
        return Vec::new();
    };
    let text = ctx.doc.text.as_str();
    let mut out = Vec::new();
    for f in ctx.figures {
        if f.qualifier != Qualifier::None
            || f.low.is_some()
            || !matches!(
                f.kind,
                FigureKind::Count | FigureKind::Money | FigureKind::Measure | FigureKind::Percent
            )
        {
            continue;
        }
        // The metric is the whole clause up to the figure (the extractor's metric narrowed to
        // its last noun phrase, extended back to the clause start), so that the subject and
        // scope written before it are part of the key.
        let narrow = f.metric.trim();
        let cs = clause_start(text, f.sentence.start, f.span.start);
        let clause = text[cs..f.span.start].trim_start();
        let Some(at_narrow) = clause.rfind(narrow).filter(|_| !narrow.is_empty()) else {
            continue;
        };
        let (metric, link) = clause.split_at(at_narrow + narrow.len());
        if metric.chars().filter(|c| text::is_han(*c)).count() < 6 {
            continue;
        }
        let at = f.span.start - clause.len();
        let Some(absolute) = subject_of(text, ctx.tokens, at, metric) else {
            continue;
        };
        if has_change_word(link) || !is_link_only(link) && !link.chars().all(text::is_han) {
            continue;
        }
        if link.chars().count() > 4 {
            continue;
        }
        // The figure ends its clause (not 214件的基础上).
        if text::char_at(text, f.span.end).is_some_and(|c| !is_clause_end(c) && c != '、') {
            continue;
        }
        let sentence = ctx.doc.slice(f.sentence);
        if PLAN_WORDS.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        let line_start = text[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
        let context = &text[line_start..f.span.end];
        let mut periods: Vec<&str> = period.find_iter(context).map(|m| m.as_str()).collect();
        periods.sort_unstable();
        periods.dedup();
        out.push(Fact {
            span: f.span,
            key: format!("{metric}|{}", f.base_unit),
            periods: periods.join(","),
            value: f.value,
            absolute,
        });
    }
    out
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn metric_inconsistent(ctx: &DocContext, out: &mut Vec<Finding>) {
    let facts = facts(ctx);
    let mut first: HashMap<(&str, &str), Vec<&Fact>> = HashMap::new();
    for f in &facts {
        let seen = first
            .entry((f.key.as_str(), f.periods.as_str()))
            .or_default();
        if let Some(other) = seen.iter().find(|o| !same_value(o.value, f.value)) {
            if !seen.iter().any(|o| same_value(o.value, f.value)) {
                let (a, b) = (ctx.doc.slice(other.span), ctx.doc.slice(f.span));
                let lc = ctx.doc.line_col(other.span.start);
                out.push(
                    text::finding(
                        METRIC_INCONSISTENT.id,
                        f.span.start,
                        f.span.end,
                        msg!(
                            zh = "同一指标前后数值不一致：“{}”这里写作“{b}”，第{}行写作“{a}”。\
                                  请核对，统一为正确的数值",
                            en = "The same statistic “{}” has different values: “{b}” here, “{a}” on line {}; \
                                  check and use the correct value in both places",
                            metric_name(&f.key),
                            lc.line
                        ),
                    )
                    .with_related(other.span),
                );
            }
        }
        seen.push(f);
    }
}

fn metric_name(key: &str) -> &str {
    key.split('|').next().unwrap_or(key)
}

/// The facts of a document that batch comparison needs: each with a key that includes the
/// period (the document year when the paragraph names none).
pub fn batch_metrics(ctx: &DocContext) -> Vec<BatchMetric> {
    let year = ctx.meta.year;
    facts(ctx)
        .into_iter()
        .filter(|f| f.absolute)
        .filter_map(|f| {
            let key = if !f.periods.is_empty() && f.periods.contains(|c: char| c.is_ascii_digit()) {
                format!("{}|{}", f.key, f.periods)
            } else {
                format!("{}|{}|{}", f.key, f.periods, year?)
            };
            let lc = ctx.doc.line_col(f.span.start);
            let line_start = ctx.doc.lines.line_start(lc.line);
            let line = ctx.doc.lines.line_text(&ctx.doc.text, f.span.start);
            Some(BatchMetric {
                at: Location {
                    file: ctx.doc.file.clone(),
                    line: lc.line,
                    column: lc.column,
                },
                span: f.span,
                key,
                value: f.value,
                text: ctx.doc.slice(f.span).to_string(),
                excerpt: Excerpt::new(
                    line,
                    f.span.start - line_start,
                    f.span.end.saturating_sub(line_start),
                ),
            })
        })
        .collect()
}

fn metric_inconsistent_batch(docs: &[BatchDoc], out: &mut Vec<Located>) {
    // The first value each key had, and where.
    let mut first: HashMap<&str, Vec<&BatchMetric>> = HashMap::new();
    for d in docs {
        for m in &d.metrics {
            let seen = first.entry(m.key.as_str()).or_default();
            let other_file = seen.iter().find(|o| o.at.file != m.at.file);
            let agrees = seen
                .iter()
                .any(|o| o.at.file != m.at.file && same_value(o.value, m.value));
            if let Some(o) = other_file.filter(|o| !agrees && !same_value(o.value, m.value)) {
                out.push(Located {
                    at: m.at.clone(),
                    span: m.span,
                    rule: METRIC_INCONSISTENT.id,
                    severity: METRIC_INCONSISTENT.severity,
                    message: msg!(
                        zh = "同一指标在不同文件中数值不一致：“{}”这里写作“{}”，{}写作“{}”。\
                              请核对，统一为正确的数值",
                        en = "The same statistic “{}” has different values in different files: “{}” here, \
                              at {} it is “{}”; check and use the correct value in both",
                        metric_name(&m.key),
                        m.text,
                        o.at,
                        o.text
                    ),
                    text: m.text.clone(),
                    related: vec![o.at.clone()],
                    excerpt: Some(m.excerpt.clone()),
                });
            }
            seen.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_of_written_numbers() {
        assert_eq!(precision("3.49亿元"), Some(0.01));
        assert_eq!(precision("73起"), Some(1.0));
        assert_eq!(precision("七十三起"), None);
        assert_eq!(written_number("约3.49亿元"), Some(3.49));
        assert_eq!(total_unit_written("3.49亿元"), "亿元");
    }

    #[test]
    fn clauses_end_at_commas_not_dunhao() {
        let t = "共73起，其中警告41起、罚款19起";
        let at = t.find("19").unwrap();
        assert_eq!(&t[clause_start(t, 0, at)..at], "其中警告41起、罚款");
    }

    #[test]
    fn relative_subjects_and_lookalike_places() {
        assert_eq!(subject_of("", &[], 0, "全县受理案件"), Some(false));
        // No tokens: a place name cannot be confirmed as whole words.
        assert_eq!(subject_of("", &[], 0, "平江县受理案件"), None);
        assert_eq!(subject_of("", &[], 0, "新增上市公司"), None);
        assert!(has_change_word("同比增长"));
        assert!(!has_change_word("达到"));
    }
}
