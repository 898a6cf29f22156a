//! `fazhi-vs-fazhi`: “法制” in phrases whose current form is “法治” (法治政府, 法治社会……).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::text;
use crate::check::{Check, DocContext, Findings, Rule, Scope, Severity};

/// `fazhi-vs-fazhi`: 法制 where current usage is 法治.
pub static FAZHI_VS_FAZHI: Rule = Rule {
    id: "fazhi-vs-fazhi",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "应为“法治”的地方写成了“法制”",
    doc: "检查：现行提法为“法治”的词组写成“法制”：法制政府、法制国家、法制社会、法制中国、法制思想、\n\
          法制轨道。\n\
          原因：党的十五大提出“依法治国，建设社会主义法治国家”，党的十八届四中全会后统一使用“法治政府”\n\
          “法治社会”“法治建设”等；“法制”指法律制度本身。\n\
          错误：加快建设法制社会 · 推进法制政府建设\n\
          正确：加快建设法治社会 · 推进法治政府建设\n\
          不报告：法制审核、法制机构、法制日报、原××法制办、法制化（“制度化、规范化、法制化”仍在使用）、\n\
          “法制建设”（健全法律制度，现行法律仍用，如律师法“社会主义法制建设”）；“民主法制”“民主与法制”；书名号内的标题；2014年以前的文件。\n\
          依据：《法治政府建设实施纲要（2021—2025年）》等现行文件的用语。",
    summary_en: "“法制” where the term is “法治”",
    doc_en: "Checks: phrases whose current form uses “法治” written with “法制”: 法制政府, 法制国家, 法制社会, 法制中国,\n\
         法制思想, 法制轨道.\n\
         Why: the 15th Party Congress set the goal of “依法治国，建设社会主义法治国家”, and since the fourth plenary\n\
         session of the 18th Central Committee “法治政府”, “法治社会”, “法治建设” and the like are the standard\n\
         terms; “法制” means the legal system itself.\n\
         Wrong: 加快建设法制社会 · 推进法制政府建设\n\
         Right: 加快建设法治社会 · 推进法治政府建设\n\
         Not reported: 法制审核, 法制机构, 法制日报, 原××法制办, 法制化 (“制度化、规范化、法制化” is still in use),\n\
         “法制建设” (building the legal system, still the wording of current laws such as the Lawyers Law's\n\
         “社会主义法制建设”); “民主法制”, “民主与法制”; titles in 《》; documents from before 2014.\n\
         Source: the wording of current documents such as 《法治政府建设实施纲要（2021—2025年）》.",
    check: Check::Doc(fazhi_vs_fazhi),
    safe_fix: false,
};

static FAZHI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"法制(政府|国家|社会|中国|思想|轨道)").unwrap());

fn fazhi_vs_fazhi(ctx: &DocContext, out: &mut Findings) {
    if ctx.meta.year.is_some_and(|y| y < 2014) {
        return;
    }
    let text = &ctx.doc.text;
    let titles = ctx.title_ranges();
    for m in FAZHI.find_iter(text) {
        let before = &text[..m.start()];
        // 民主法制, 民主与法制, 民主和法制: the pair the Constitution names, still current.
        let after_minzhu = ["民主", "民主与", "民主和", "民主、"]
            .iter()
            .any(|w| before.ends_with(w));
        if text::in_ranges(titles, m.start()) || after_minzhu || before.ends_with('原') {
            continue;
        }
        let s = m.as_str();
        out.push(
            text::finding(
                FAZHI_VS_FAZHI.id,
                m.start(),
                m.end(),
                msg!(
                    zh = "“{s}”应写作“{}”：现行提法用“法治”",
                    en = "Write “{}”, not “{s}”: the current term is “法治” (rule of law)",
                    s.replacen("法制", "法治", 1)
                ),
            )
            .with_replacement(s.replacen("法制", "法治", 1)),
        );
    }
}
