//! `title-marks-misuse`: title marks 《》 around the name of an event, meeting or award.

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::citation::CitationKind;

pub static TITLE_MARKS_MISUSE: Rule = Rule {
    id: "title-marks-misuse",
    severity: Severity::Info,
    scope: Scope::Document,
    summary: "活动、会议、奖项名称用了书名号",
    doc: "检查：书名号括起的名称后紧跟“活动”“大会”“会议”“比赛”“竞赛”“大赛”“评选”“行动”“奖”“证书”“培训班”，\n\
          而名称本身不是法律、法规、文件、规划一类作品。\n\
          原因：书名号标示书名、篇名、文件名等作品名称；活动、会议、奖项、证件名称不是作品，用引号。\n\
          错误：举办《行政执法技能大比武》活动\n\
          正确：举办“行政执法技能大比武”活动\n\
          不报告：名称是法律法规或文件（《宪法》宣传活动、《民法典》大会中的书名号是对的）。\n\
          依据：GB/T 15834-2011《标点符号用法》书名号使用的补充规则。",
    summary_en: "Title marks 《》 around the name of an event, meeting or award",
    doc_en: "Checks: a name in 《》 followed by “活动”, “大会”, “会议”, “比赛”, “竞赛”, “大赛”, “评选”, “行动”, “奖”,\n\
         “证书” or “培训班”, where the name itself is not a work such as a law, regulation, document or plan.\n\
         Why: title marks mark the names of works (books, articles, documents); names of events, meetings, awards\n\
         and certificates are not works and take quotation marks.\n\
         Wrong: 举办《行政执法技能大比武》活动\n\
         Right: 举办“行政执法技能大比武”活动\n\
         Not reported: names of laws or documents (the title marks in 《宪法》宣传活动 and 《民法典》大会 are right).\n\
         Source: the supplementary rules on title marks of GB/T 15834-2011 《标点符号用法》.",
    check: Check::Doc(title_marks_misuse),
    safe_fix: false,
};

/// Words after a 书名号 name that show it names an event, a prize or a certificate.
const EVENT_WORDS: &[&str] = &[
    "活动",
    "大会",
    "会议",
    "比赛",
    "竞赛",
    "大赛",
    "评选",
    "行动",
    "奖",
    "证书",
    "培训班",
];

fn title_marks_misuse(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    for c in ctx.citations {
        if c.kind != CitationKind::Other || c.docnum.is_some() {
            continue;
        }
        let rest = &text[c.span.end..];
        let Some(word) = EVENT_WORDS.iter().find(|w| rest.starts_with(*w)) else {
            continue;
        };
        // 奖 in 奖励/奖补 and 行动 in 行动计划 are not names of prizes and campaigns.
        if rest[word.len()..].starts_with(['励', '补', '惩', '金', '计', '方', '纲']) {
            continue;
        }
        out.push(Finding::new(
            TITLE_MARKS_MISUSE.id,
            c.span,
            msg!(
                zh = "活动、会议、奖项等名称不是作品，不用书名号：“《{}》{word}”应写作““{}”{word}”",
                en = "Names of events, meetings or awards are not works and take no title marks 《》: write ““{1}”{word}”, not “《{0}》{word}”",
                c.title, c.title
            ),
        )
        .with_replacement_if(
            ctx.doc.slice(c.span) == format!("《{}》", c.title),
            format!("“{}”", c.title),
        ));
    }
}
