//! `yu-position`: 余 between a single digit and 万 or 亿 (7余万元).

use std::sync::LazyLock;

use regex::Regex;

use super::{digit_body, prev_char};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `yu-position`: 7余万 for 7万余.
pub static YU_POSITION: Rule = Rule {
    id: "yu-position",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "“余”的位置错误（7余万元）",
    doc: "检查：“余”夹在一位非零数字和“万”“亿”之间，如 7余万元。\n\
          原因：“余”表示零头，须放在整数位之后：7万余元（七万多）或70余万元（七十多万）。\n\
          错误：7余万元 · 3余亿元\n\
          正确：7万余元 / 70余万元\n\
          不报告：10余万、30余万（整十之后的“余”是对的）。\n\
          依据：GB/T 15835-2011 关于概数的写法。",
    summary_en: "“余” in the wrong place (“7余万元”)",
    doc_en: "Checks: “余” between a single non-zero digit and “万” or “亿”, as in 7余万元.\n\
         Why: “余” marks a remainder and follows the whole place value: 7万余元 (over seventy thousand) or\n\
         70余万元 (over seven hundred thousand).\n\
         Wrong: 7余万元 · 3余亿元\n\
         Right: 7万余元 / 70余万元\n\
         Not reported: 10余万, 30余万 (“余” after a round ten is right).\n\
         Source: the writing of estimates in GB/T 15835-2011.",
    check: Check::Doc(yu_position),
    safe_fix: false,
};

static YU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([1-9])余(万|亿)").unwrap());

fn yu_position(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in digit_body(ctx) {
        for c in YU.captures_iter(line) {
            let m = c.get(0).unwrap();
            if prev_char(line, m.start()).is_some_and(|p| p.is_ascii_digit() || p == '.') {
                continue;
            }
            out.push(text::finding(
                YU_POSITION.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "“余”的位置错误：“{}”应写作“{}{}余”或“{}0余{}”",
                    en = "“余” is in the wrong place: write “{}” as “{}{}余” or “{}0余{}”",
                    m.as_str(),
                    &c[1],
                    &c[2],
                    &c[1],
                    &c[2]
                ),
            ));
        }
    }
}
