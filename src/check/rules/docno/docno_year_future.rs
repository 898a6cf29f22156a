//! `docno-year-future`: a cited document number dated later than the document citing it.

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::extract::docnum::{self, Role};

pub static YEAR_FUTURE: Rule = Rule {
    id: "docno-year-future",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "所引发文字号的年份晚于本文年份",
    doc: "检查：引用的发文字号年份晚于本文的成文年份（本文字号或落款日期的年份）；只知报告年度时，晚于报告年度的次年。\n\
          原因：不能引用尚未制发的文件，多是年份抄错。\n\
          错误：落款2025年1月20日的总结引用临政发〔2026〕14号\n\
          正确：所引字号年份不晚于本文年份。\n\
          不报告：本文自身的字号；无法确定本文年份的文件。\n\
          依据：《党政机关公文处理工作条例》第二十条（四）。",
    summary_en: "Cited document number dated later than this document",
    doc_en: "Checks: a cited document number whose year is later than the year this document was written (the year of\n\
         its own number or of its signing date); when only the year reported on is known, later than the year after it.\n\
         Why: a document not yet issued cannot be cited; the year is usually miscopied.\n\
         Wrong: a summary signed 2025年1月20日 citing 临政发〔2026〕14号\n\
         Right: cited numbers are dated no later than this document.\n\
         Not reported: the document's own number; documents whose year cannot be determined.\n\
         Source: 《党政机关公文处理工作条例》 article 20 (4).",
    check: Check::Doc(year_future),
    safe_fix: false,
};

/// The year a document was written, when the text states it firmly (its own number, or a
/// signing date on one of the last lines), else the report year with a year's grace: a report on
/// 2022 is written in 2023 and may cite 2023 numbers.
fn latest_citable_year(ctx: &DocContext) -> Option<i32> {
    if let Some(y) = ctx
        .docnums
        .iter()
        .find(|d| d.role == Role::SelfNumber)
        .and_then(|d| d.year)
    {
        return Some(y);
    }
    if let Some(y) = signoff_year(&ctx.doc.text) {
        return Some(y);
    }
    ctx.meta.year.map(|y| y + 1)
}

fn signoff_year(text: &str) -> Option<i32> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日$")
            .expect("valid regex")
    });
    text.lines()
        .rev()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .take(4)
        .find_map(|l| DATE.captures(l).and_then(|c| c[1].parse().ok()))
}

fn year_future(ctx: &DocContext, out: &mut Findings) {
    let Some(limit) = latest_citable_year(ctx) else {
        return;
    };
    let text = &ctx.doc.text;
    for d in ctx.docnums.iter().filter(|d| d.role != Role::SelfNumber) {
        let Some(y) = d.year else { continue };
        if y <= limit {
            continue;
        }
        let written = docnum::surface(text, d);
        out.push(Finding::new(
            YEAR_FUTURE.id,
            d.span,
            msg!(
                zh = "所引发文字号“{written}”的年份{y}年晚于本文的年份，应不晚于{limit}年（不能引用尚未制发的文件）；请核对年份",
                en = "The cited document number “{written}” is dated {y}, later than this document; it can be {limit} at the latest (a document not yet issued cannot be cited); check the year"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn future_years() {
        let text = "临川市人民政府关于某事的报告\n按临政发〔2026〕14号和临政发〔2024〕3号办理。\n\n临川市人民政府\n2025年1月20日\n";
        assert_eq!(run(text, "docno-year-future"), ["2:2 临政发〔2026〕14号"]);
        let report = "临川市2024年法治政府建设情况报告\n按临政发〔2025〕14号办理。\n";
        assert!(run(report, "docno-year-future").is_empty());
    }
}
