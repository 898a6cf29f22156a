//! `law-currency`: a repealed law cited as if in force, from the catalogue of national laws
//! (`dicts/national-laws.csv`).

use crate::check::{Check, DocContext, Finding, Rule, Scope, Severity};
use crate::resolve::Catalogue;

/// `law-currency`: a repealed or superseded law or regulation cited as if in force.
pub static LAW_CURRENCY: Rule = Rule {
    id: "law-currency",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "引用已废止的法律、行政法规或司法解释",
    doc: "检查：引用的法律、行政法规、司法解释在法规目录中标为已废止（或已被新文本取代），且引用处不是在讲它的废止。\n\
          原因：公文应与现行有关公文相衔接，引用失效文件会误导执行。\n\
          错误：（2022年报告）学习了《信访条例》\n\
          正确：学习了《信访工作条例》\n\
          不报告：所在句子说明其已废止、失效或被取代（“同时废止”“原《……》”）；引用文件的年份早于新文本施行之时。\n\
          目录不全，未收录的文本不报告。\n\
          依据：《党政机关公文处理工作条例》第十九条、第二十条（二）。",
    summary_en: "Citation of a repealed law, administrative regulation or judicial interpretation",
    doc_en: "Checks: a cited law, administrative regulation or judicial interpretation that the catalogue of laws marks\n\
         as repealed (or replaced by a new text), where the citation is not about its repeal.\n\
         Why: a document must agree with the texts in force; citing a text no longer valid misleads those who apply it.\n\
         Wrong: (in a 2022 report) 学习了《信访条例》\n\
         Right: 学习了《信访工作条例》\n\
         Not reported: sentences saying that it is repealed, void or replaced (“同时废止”, “原《……》”); citing\n\
         documents dated before the new text took effect. The catalogue is incomplete: texts it lacks are not reported.\n\
         Source: 《党政机关公文处理工作条例》 article 19, article 20 (2).",
    check: Check::Doc(law_currency),
    safe_fix: false,
};

/// Words that show a sentence is about the repeal itself.
const ABOUT_REPEAL: &[&str] = &[
    "废止",
    "失效",
    "停止执行",
    "取代",
    "代替",
    "替代",
    "不再执行",
    "修订前",
    "原《",
];

fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let is_stop = |c: char| matches!(c, '。' | '；' | '！' | '？' | '\n');
    let s = text[..start].rfind(is_stop).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let e = text[end..].find(is_stop).map_or(text.len(), |i| end + i);
    &text[s..e]
}

fn fmt_date(d: Option<(i32, u32, u32)>) -> String {
    d.map(|(y, m, d)| msg!(zh = "{y}年{m}月{d}日", en = "{y}-{m:02}-{d:02}"))
        .unwrap_or_default()
}

fn law_currency(ctx: &DocContext, out: &mut Vec<Finding>) {
    let text = &ctx.doc.text;
    let cat = Catalogue::global();
    for c in ctx.citations {
        if c.registry_status != "repealed" {
            continue;
        }
        let sentence = sentence_around(text, c.span.start, c.span.end);
        if ABOUT_REPEAL.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        let message = match cat.successor(&c.title) {
            Some(s) => {
                let when = match (s.valid_from, s.published) {
                    (Some(v), _) => msg!(
                        zh = "，{}起施行",
                        en = ", in force since {}",
                        fmt_date(Some(v))
                    ),
                    (None, Some(p)) => {
                        msg!(zh = "，{}发布", en = ", published {}", fmt_date(Some(p)))
                    }
                    _ => String::new(),
                };
                msg!(
                    zh = "《{}》已废止，现行文本为《{}》{when}；请核实是否应引用现行文本",
                    en = "《{}》 has been repealed; the text in force is 《{}》{when}; check whether the current text should be cited",
                    c.title, s.name
                )
            }
            None => msg!(
                zh = "《{}》已废止；请核实是否应引用现行文本",
                en = "《{}》 has been repealed; check whether the current text should be cited",
                c.title
            ),
        };
        out.push(Finding::new(LAW_CURRENCY.id, c.span, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Checker;
    use crate::pipeline::analyse;
    use crate::segment::Segmenter;
    use crate::Document;

    fn run(text: &str) -> Vec<String> {
        let doc = Document::from_text("t.txt", text);
        analyse(&doc, Segmenter::global(), &Checker::default_rules())
            .findings
            .into_iter()
            .filter(|f| f.rule == "law-currency")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn repealed_regulation_cited_as_current() {
        let found = run("2022年工作总结\n推动政府常务会学习了《信访条例》等法规。\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("现行文本为《信访工作条例》，2022年2月25日发布"),
            "{found:?}"
        );
        assert!(run("2022年工作总结\n学习了《信访工作条例》。\n").is_empty());
        assert!(run("本条例自2022年5月1日起施行。《信访条例》同时废止。\n").is_empty());
    }
}
