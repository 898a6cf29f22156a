//! `outdated-institution`: an institution abolished in the 2018–2019 reforms, from
//! `dicts/outdated-institutions.csv`, named as acting in a later document.

use std::sync::LazyLock;

use super::entries;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

const OUTDATED: &str = include_str!("../../../../dicts/outdated-institutions.csv");

/// `outdated-institution`: an organ abolished by the 2018 reforms named as acting now.
pub static OUTDATED_INSTITUTION: Rule = Rule {
    id: "outdated-institution",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "使用了已撤销机构的名称",
    doc: "检查：dicts/outdated-institutions.csv 所列已在2018—2019年机构改革中撤销、合并的机构名称\n\
          （政府法制办、工商局、国土资源局、环保局、卫计委、安监局、国税局、地税局等），出现在改革之后的文件中。\n\
          原因：机构改革后职责已转到新机构，继续使用旧名会使职责主体不明。\n\
          错误：由县国土资源局负责审批（2024年的文件）\n\
          正确：由县自然资源局负责审批\n\
          不报告：前有“原”字的历史表述；同一分句中写明改革前年份的历史表述（2001年4月3日……国家工商行政管理局发布的）；“环境保护部门”“国土资源部门”这类泛指的部门；书名号内的标题；成文年份不晚于改革年份或无法确定年份的文件。\n\
          依据：2018年《深化党和国家机构改革方案》及各地机构改革方案。",
    summary_en: "Name of an abolished institution",
    doc_en: "Checks: names of institutions abolished or merged in the 2018–2019 institutional reform, listed in\n\
         dicts/outdated-institutions.csv (政府法制办, 工商局, 国土资源局, 环保局, 卫计委, 安监局, 国税局, 地税局 and\n\
         others), in documents written after the reform.\n\
         Why: after the reform the duties passed to new bodies; the old names leave unclear who is responsible.\n\
         Wrong: 由县国土资源局负责审批 (in a 2024 document)\n\
         Right: 由县自然资源局负责审批\n\
         Not reported: generic departments such as “环境保护部门”, “国土资源部门”; historical mentions with “原” before the name,\n\
         or dated in the same clause with a year no later than the reform (2001年4月3日……国家工商行政管理局发布的); titles in 《》; documents written no later\n\
         than the reform year, or whose year cannot be determined.\n\
         Source: the 2018 《深化党和国家机构改革方案》 and the local reform plans.",
    check: Check::Doc(outdated_institution),
    safe_fix: false,
};

static OUTDATED_LIST: LazyLock<Vec<(String, String, i32)>> = LazyLock::new(|| {
    entries(OUTDATED)
        .filter_map(|l| {
            let mut it = l.split(',');
            Some((
                it.next()?.trim().to_string(),
                it.next()?.trim().to_string(),
                it.next()?.trim().parse().ok()?,
            ))
        })
        .collect()
});

pub(super) static OLD: LazyLock<text::Needles> =
    LazyLock::new(|| text::Needles::new(OUTDATED_LIST.iter().map(|o| &o.0)));

fn outdated_institution(ctx: &DocContext, out: &mut Findings) {
    let Some(year) = ctx.meta.year else { return };
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    // Names taken so far, by start: they never overlap, so the one that starts last before a
    // name's end is the only one that can overlap it (a scan of all was quadratic on a text
    // that repeats a name).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (i, p) in OLD.match_indices_each_at(text, ctx.list_starts()) {
        let (old, new, since) = &OUTDATED_LIST[i];
        if year <= *since {
            continue;
        }
        let end = p + old.len();
        let overlaps = taken.range(..end).next_back().is_some_and(|(_, &e)| p < e);
        if text::in_ranges(titles, p) || overlaps {
            continue;
        }
        // 原××局: the organ's name before the reform, said as such.
        let lead: String = text[..p]
            .chars()
            .rev()
            .take_while(|c| text::is_han(*c))
            .take(8)
            .collect();
        if lead.contains('原') {
            continue;
        }
        // 环境保护部门, 生态环境保护部门, 国土资源部门: a kind of department, not the ministry.
        if old.ends_with('部') && text[end..].starts_with('门') {
            continue;
        }
        // 2001年4月3日……国家工商行政管理局发布的: a dated mention of what the organ did before
        // the reform.
        if dated_before(&text[..p], *since) {
            continue;
        }
        taken.insert(p, end);
        out.push(text::finding(
            OUTDATED_INSTITUTION.id,
            p,
            end,
            msg!(
                zh = "“{old}”已在{since}年机构改革中撤销，现为“{new}”；如指改革前的机构，宜写作“原{old}”",
                en = "“{old}” was abolished in the {since} institutional reform and is now “{new}”; for the body before the reform, write “原{old}”"
            ),
        ));
    }
}

/// Characters before a name read for a date that places the mention before the reform.
const DATE_WINDOW: usize = 40;

/// Whether the clause before a name (back to the last 。；, at most [`DATE_WINDOW`] characters)
/// holds a year no later than `since`: 1991年5月6日 中华人民共和国国家工商行政管理局令第7号.
fn dated_before(before: &str, since: i32) -> bool {
    let clause: String = before
        .chars()
        .rev()
        .take(DATE_WINDOW)
        .take_while(|c| !"。；;\n".contains(*c))
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    YEAR.captures_iter(&clause)
        .filter_map(|c| c[1].parse::<i32>().ok())
        .any(|y| (1949..=since).contains(&y))
}

static YEAR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"((?:19|20)[0-9]{2})年").unwrap());
