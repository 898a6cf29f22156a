//! `range-unit-omission`: %, 万 or 亿 written only on the second number of a range.

use std::sync::LazyLock;

use regex::Regex;

use super::{digit_body, prev_char};
use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `range-unit-omission`: %, 万 or 亿 given only on the second number of a range.
pub static RANGE_UNIT_OMISSION: Rule = Rule {
    id: "range-unit-omission",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "数值范围前一个数省略了%、万、亿",
    doc: "检查：起止范围中“%”“万”“亿”只写在后一个数上，如 20～35%、6～11亿。\n\
          原因：省略后前一个数的意义改变（20～35%读作“20到百分之三十五”），%、万、亿必须两个数都写。\n\
          错误：20～35% · 6～11亿 · 8～12万元\n\
          正确：20%～35% · 6亿～11亿 · 8万元～12万元\n\
          不报告：一般计量单位（3～5天、100～150千克），可只写在后一个数上；前一个数不带“万”“亿”也说得通的范围\n          （5000至1万）。\n\
          依据：GB/T 15835-2011《出版物上数字用法》5.1.3。",
    summary_en: "First number of a range without its “%”, “万” or “亿”",
    doc_en: "Checks: “%”, “万” or “亿” written only on the second number of a range, as in 20～35%, 6～11亿.\n\
         Why: without it the first number means something else (20～35% reads “20 to 35 percent”), so %, 万 and 亿\n\
         are written on both numbers.\n\
         Wrong: 20～35% · 6～11亿 · 8～12万元\n\
         Right: 20%～35% · 6亿～11亿 · 8万元～12万元\n\
         Not reported: ordinary units of measure (3～5天, 100～150千克), which may be written on the second number only;\n         ranges that make sense with the first number as written (5000至1万).\n\
         Source: GB/T 15835-2011 《出版物上数字用法》 5.1.3.",
    check: Check::Doc(range_unit_omission),
    safe_fix: false,
};

static RANGE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+(?:\.[0-9]+)?)\s*([～~—－\-]|至|到)\s*([0-9]+(?:\.[0-9]+)?)\s*(%|％|万|亿)")
        .unwrap()
});

fn range_unit_omission(ctx: &DocContext, out: &mut Findings) {
    for (start, line) in digit_body(ctx) {
        for c in RANGE_UNIT.captures_iter(line) {
            let m = c.get(0).unwrap();
            if prev_char(line, m.start())
                .is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '-')
            {
                continue;
            }
            let unit = &c[4];
            // 5000至1万: a plain number up to a scaled one, 5000 to 10,000, not 5000万 to 1万. A
            // scale left out makes the first number absurdly small beside the second (3至5万).
            if let ("万" | "亿", Ok(low), Ok(high)) =
                (unit, c[1].parse::<f64>(), c[3].parse::<f64>())
            {
                let scale = if unit == "万" { 1e4 } else { 1e8 };
                if low >= high * scale / 100.0 {
                    continue;
                }
            }
            // The fix is the whole right form: a hyphen here is also range-mark-form's finding,
            // and the two must not advise different marks.
            let mark = text::range_mark(&c[2]);
            out.push(text::finding(
                RANGE_UNIT_OMISSION.id,
                start + m.start(),
                start + m.end(),
                msg!(
                    zh = "范围的前一个数省略了“{unit}”：“{}”应写作“{}{unit}{}{}{unit}”",
                    en = "The first number of a range omits “{unit}”: write “{1}{unit}{2}{3}{unit}”, not “{0}”",
                    m.as_str(),
                    &c[1],
                    mark,
                    &c[3]
                ),
            )
            .with_replacement(format!("{}{unit}{mark}{}{unit}", &c[1], &c[3])));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;
    use crate::Document;

    /// The fixes `check` advises for `text`, by rule.
    fn fixes(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text("t.txt", text);
        Checker::default_rules()
            .check_document(&DocContext::text_only(&doc))
            .into_iter()
            .filter(|f| f.rule.starts_with("range-"))
            .map(|f| (f.rule.to_string(), f.message))
            .collect()
    }

    #[test]
    fn a_range_missing_its_first_unit_is_fixed_with_the_right_mark_too() {
        // From the 2026 黑龙江省政府工作报告: the range has both slips; it gets one finding,
        // whose fix mends the mark too, not two whose fixes disagree.
        let found = fixes("主要预期目标是：地区生产总值增长4.5-5%，在实际工作中争取更好结果。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "range-unit-omission");
        assert!(found[0].1.contains("“4.5-5%”应写作“4.5%—5%”"), "{found:?}");
        let found = fixes("投资规模3~5万元，增幅20～35%。");
        assert!(
            found.iter().any(|f| f.1.contains("应写作“3万～5万”")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.1.contains("应写作“20%～35%”")),
            "{found:?}"
        );
    }
}
