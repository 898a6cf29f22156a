//! `rate-overflow`: a rate whose numerator is part of its denominator stated above 100%, or
//! the shares of one whole adding up to more than 100%.

use super::{clause_start, fmt_num, has_change_word, is_link_only, precision};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::extract::figures::{Figure, FigureKind, Qualifier};

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
    safe_fix: false,
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

fn rate_overflow(ctx: &DocContext, out: &mut Findings) {
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
fn shares_over_whole(ctx: &DocContext, out: &mut Findings) {
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
