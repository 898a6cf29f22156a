//! `ellipsis-form`: an ellipsis not written ……, or one used together with 等.

use std::sync::LazyLock;

use regex::Regex;

use super::URL;
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};
use crate::i18n::tr;

/// `ellipsis-form`: an ellipsis not written ……, or …… followed by 等.
pub static ELLIPSIS_FORM: Rule = Rule {
    id: "ellipsis-form",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "省略号形式错误或与“等”连用",
    doc: "检查：用 ... 或 。。。 代替省略号，只用一个 …，以及 ……等、等…… 连用。\n\
          原因：省略号是两个“…”（六个点，占两个字位）；省略号与“等”“等等”作用相同，不连用。\n\
          错误：落实... · 落实…… 等 · 市场监管、税务……等部门\n\
          正确：落实…… · 市场监管、税务等部门\n\
          不报告：目录中的引导点（一长串点后接页码），网址。\n\
          依据：GB/T 15834-2011《标点符号用法》4.11 省略号。",
    summary_en: "Wrong form of the ellipsis, or an ellipsis with “等”",
    doc_en: "Checks: ... or 。。。 for an ellipsis, a single …, and ……等 or 等…… together.\n\
         Why: the ellipsis is two “…” (six dots, two character widths); the ellipsis and “等”, “等等” do the same\n\
         job and are not used together.\n\
         Wrong: 落实... · 落实…… 等 · 市场监管、税务……等部门\n\
         Right: 落实…… · 市场监管、税务等部门\n\
         Not reported: dot leaders of a table of contents (a run of dots followed by a page number), web addresses.\n\
         Source: GB/T 15834-2011 《标点符号用法》 4.11 (ellipsis).",
    check: Check::Doc(ellipsis_form),
    safe_fix: true,
};

static BAD_ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.{3,}|。{3,}|…+\s*等|等…+|…+").unwrap());

fn ellipsis_form(ctx: &DocContext, out: &mut Findings) {
    // Every form the pattern finds holds one of these, so only their lines are read: a search
    // of each line costs more than the search itself on short lines.
    static MARKS: LazyLock<text::Needles> =
        LazyLock::new(|| text::Needles::new(["…", "...", "。。。"]));
    for (start, line) in ctx.lines_with(&MARKS) {
        if URL.is_match(line) {
            continue;
        }
        for m in BAD_ELLIPSIS.find_iter(line) {
            let s = m.as_str();
            let mut fix = Some("……");
            let msg = if s.contains('等') {
                fix = None;
                msg!(
                    zh = "省略号与“等”连用：“{s}”只保留其一，如“等”",
                    en = "An ellipsis used together with “等”: keep only one of them in “{s}”, such as “等”"
                )
            } else if s.starts_with('.') || s.starts_with('。') {
                // Dot leaders of a table of contents end in a page number.
                let rest = line[m.end()..].trim();
                if s.len() >= 6 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                msg!(
                    zh = "省略号误写作“{s}”，应写作“……”",
                    en = "An ellipsis written as “{s}”: write “……”"
                )
            } else if s.chars().count() == 1 {
                tr(
                    "省略号只写了一个“…”，应写作两个“……”",
                    "An ellipsis written with a single “…”: write two, “……”",
                )
                .to_string()
            } else {
                continue;
            };
            let finding = text::finding(ELLIPSIS_FORM.id, start + m.start(), start + m.end(), msg);
            out.push(match fix {
                Some(fix) => finding.with_replacement(fix),
                None => finding,
            });
        }
    }
}
