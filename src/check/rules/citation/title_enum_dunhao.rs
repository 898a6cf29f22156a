//! `title-enum-dunhao`: the enumeration comma “、” between titles in a series (》、《).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::i18n::tr;
use crate::span::Span;

pub static TITLE_ENUM_DUNHAO: Rule = Rule {
    id: "title-enum-dunhao",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "并列的书名号之间用了顿号",
    doc: "检查：并列的书名号标题之间用顿号：》、《。\n\
          原因：标有书名号的并列成分之间通常不用顿号。\n\
          错误：《行政处罚法》、《行政强制法》\n\
          正确：《行政处罚法》《行政强制法》\n\
          不报告：各项后有括注时（《甲》（2017年）、《乙》（2020年）），顿号可用。\n\
          依据：GB/T 15834-2011《标点符号用法》4.5.3.5。",
    summary_en: "Enumeration comma “、” between titles in a series",
    doc_en: "Checks: the enumeration comma between titles in a series: 》、《.\n\
         Why: items in title marks listed in a series usually take no enumeration comma between them.\n\
         Wrong: 《行政处罚法》、《行政强制法》\n\
         Right: 《行政处罚法》《行政强制法》\n\
         Not reported: items each followed by a parenthesis (《甲》（2017年）、《乙》（2020年）), where the comma is right.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.5.3.5.",
    check: Check::Doc(title_enum_dunhao),
    safe_fix: false,
};

static ENUM_DUNHAO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"》[ \u{3000}]*、[ \u{3000}]*《").expect("valid regex"));

fn title_enum_dunhao(ctx: &DocContext, out: &mut Findings) {
    for m in ENUM_DUNHAO.find_iter(&ctx.doc.text) {
        out.push(Finding::new(
            TITLE_ENUM_DUNHAO.id,
            Span::new(m.start(), m.end()),
            tr(
                "并列的书名号之间不用顿号：“》、《”应写作“》《”（各项后有括注时才用顿号）",
                "No enumeration comma 、 between titles in a series: write “》《”, not “》、《” (the comma is used only when each title is followed by a parenthesis)",
            ),
        ));
    }
}
