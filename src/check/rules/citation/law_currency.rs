//! `law-currency`: a repealed law cited as if in force, from the catalogue of national laws
//! (`dicts/national-laws.csv`).

use crate::check::{Check, DocContext, Finding, Findings, Rule, Scope, Severity};
use crate::resolve::{iso, Catalogue};
use regex::Regex;
use std::sync::LazyLock;

/// `law-currency`: a repealed or superseded law or regulation cited as if in force.
pub static LAW_CURRENCY: Rule = Rule {
    id: "law-currency",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "引用已废止的法律、行政法规或司法解释",
    doc: "检查：引用的法律、行政法规、司法解释在引用文件成文之前已废止（或已被新文本取代），且引用处不是在讲它的废止。\n\
          引用文件的日期：成文日期（落款日期），否则为其发文字号的年份，否则为 --as-of 日期（默认今天）。\n\
          原因：公文应与现行有关公文相衔接，引用失效文件会误导执行。\n\
          错误：（2023年报告）学习了《信访条例》\n\
          正确：学习了《信访工作条例》\n\
          不报告：所在句子说明其已废止、失效或被取代（“同时废止”“原《……》”）；引用文件写于废止之前；\n\
          文件未写明日期，又没有引用废止之后才通过的文本、也没有讲到废止之后的事（无从断定它写于废止之后）。\n\
          目录不全，未收录的文本不报告。\n\
          依据：《党政机关公文处理工作条例》第十九条、第二十条（二）。",
    summary_en: "Citation of a repealed law, administrative regulation or judicial interpretation",
    doc_en: "Checks: a cited law, administrative regulation or judicial interpretation repealed (or replaced by a new\n\
         text) before the citing document was written, where the citation is not about its repeal. The citing\n\
         document's date: its signing date, else the year of its number, else the --as-of date (default today).\n\
         Why: a document must agree with the texts in force; citing a text no longer valid misleads those who apply it.\n\
         Wrong: (in a 2023 report) 学习了《信访条例》\n\
         Right: 学习了《信访工作条例》\n\
         Not reported: sentences saying that it is repealed, void or replaced (“同时废止”, “原《……》”); citing\n\
         documents written before the repeal; documents that state no date, cite no text adopted after the repeal and
         tell of nothing after it (nothing shows they were written after it). The catalogue is incomplete: texts it lacks are not reported.\n\
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

/// What follows a title that speaks of the time it was in force, or of what was done under it:
/// 《城市规划法》施行前, 公布实施以后, 依照《…》领取的居民身份证, 依据《…》设立的企业 — a
/// transitional provision, not a slip. Titles cited together (《甲》《乙》设立的) share it.
static HISTORICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[、，和与及]*《[^》]{1,80}》)*(?:(?:公布|发布)?(?:施行|实施|生效)(?:以前|以后|之前|之后|前|后)|[^，。；]{0,20}?(?:设立|领取|颁发|取得|核发|发放|签订|订立|批准)[^，。；]{0,12}的)",
    )
    .unwrap()
});

fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let is_stop = |c: char| matches!(c, '。' | '；' | '！' | '？' | '\n');
    let s = text[..start].rfind(is_stop).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let e = text[end..].find(is_stop).map_or(text.len(), |i| end + i);
    &text[s..e]
}

fn fmt_date(d: &str) -> String {
    match crate::resolve::parse_date(d) {
        Some((y, m, d)) => msg!(zh = "{y}年{m}月{d}日", en = "{y}-{m:02}-{d:02}"),
        None => d.to_string(),
    }
}

/// The day before which an undated document cannot have been written: the latest first
/// adoption among the catalogued texts it cites.
fn written_after(ctx: &DocContext) -> Option<String> {
    let cat = Catalogue::global();
    ctx.citations
        .iter()
        .filter(|c| matches!(c.law_status.as_str(), "in-force" | "amended-since"))
        .filter_map(|c| cat.history(&c.title))
        .filter_map(|h| h.adopted.or(h.in_force))
        .max()
        .map(iso)
}

/// A month the text tells of (2022年9月，派员…): the document was written after it began. Dates
/// of what is to come are left out: 自…起, …前, 到…, 至….
static TOLD_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月(?:([0-9]{1,2})日)?(.{0,4})").unwrap()
});

fn told_of(text: &str) -> Option<String> {
    TOLD_MONTH
        .captures_iter(text)
        .filter(|c| {
            let start = c.get(0).map_or(0, |m| m.start());
            let before: String = text[..start].chars().rev().take(3).collect();
            let after = &c[4];
            !["到", "至", "自", "从", "截"]
                .iter()
                .any(|w| before.contains(w))
                && !["起", "前", "止", "后", "底", "施行", "实施"]
                    .iter()
                    .any(|w| after.contains(w))
        })
        .filter_map(|c| {
            let y: i32 = c[1].parse().ok()?;
            let m: u32 = c[2].parse().ok().filter(|m| (1..=12).contains(m))?;
            let d: u32 = c.get(3).map_or(Some(1), |d| d.as_str().parse().ok())?;
            Some(iso((y, m, d.clamp(1, 31))))
        })
        .max()
}

fn law_currency(ctx: &DocContext, out: &mut Findings) {
    let text = &ctx.doc.text;
    // A document that states no date is judged on the run's date, which says nothing of when
    // it was written: a published text may be decades old. Its citation of a repealed text is a
    // slip only when it also cites a text adopted after the repeal, or tells of a later month.
    let undated = ctx.meta.date.is_none() && ctx.meta.year.is_none();
    // Worked out on the first repealed citation: most documents have none, and the catalogue's
    // history need not be loaded for them.
    let mut floor: Option<Option<String>> = None;
    for c in ctx.citations {
        // Repealed before the citing document was written (the catalogue compares the dates;
        // a user's register says so outright, without a date).
        if c.law_status != "repealed" && c.registry_status != "repealed" {
            continue;
        }
        if undated && !c.repealed_on.is_empty() {
            let floor = floor.get_or_insert_with(|| written_after(ctx).max(told_of(text)));
            if floor.as_ref().is_none_or(|f| *f < c.repealed_on) {
                continue;
            }
        }
        let sentence = sentence_around(text, c.span.start, c.span.end);
        if ABOUT_REPEAL.iter().any(|w| sentence.contains(w))
            || sentence.contains("过渡期")
            || HISTORICAL.is_match(&text[c.span.end..])
        {
            continue;
        }
        let when = if c.repealed_on.is_empty() {
            String::new()
        } else {
            msg!(zh = "于{}", en = " on {}", fmt_date(&c.repealed_on))
        };
        let message = if c.replaced_by.is_empty() {
            msg!(
                zh = "《{}》已{when}废止；请核实是否应引用现行文本",
                en = "《{}》 was repealed{when}; check whether the current text should be cited",
                c.title
            )
        } else {
            msg!(
                zh = "《{}》已{when}废止，由《{}》取代；请核实是否应引用现行文本",
                en = "《{}》 was repealed{when} and replaced by 《{}》; check whether the current text should be cited",
                c.title,
                c.replaced_by
            )
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
        let found = run("2023年法治政府建设工作报告\n推动政府常务会学习了《信访条例》等法规。\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("《信访条例》已于2022年5月1日废止，由《信访工作条例》取代"),
            "{found:?}"
        );
        assert!(run("2023年法治政府建设工作报告\n学习了《信访工作条例》。\n").is_empty());
        assert!(run("本条例自2022年5月1日起施行。《信访条例》同时废止。\n").is_empty());
    }

    #[test]
    fn transitional_provisions_are_not_slips() {
        let doc = |s: &str| format!("某某条例\n{s}\n某某局\n2022年6月3日\n");
        for s in [
            "依照《中华人民共和国居民身份证条例》领取的居民身份证，自2013年1月1日起停止使用。",
            "1990年4月1日《中华人民共和国城市规划法》施行前已改变房屋用途的，按照改变后的用途确定。",
            "对依据《中华人民共和国中外合资经营企业法》《中华人民共和国外资企业法》设立并保留原企业组织形式的外商投资企业，可以提供咨询服务。",
            "1994年2月1日民政部《婚姻登记管理条例》公布实施以前，男女双方已经符合结婚实质要件的，按事实婚姻处理。",
        ] {
            assert!(run(&doc(s)).is_empty(), "{s}");
        }
        let slip = doc("违反本条例的，由公安机关依照《中华人民共和国治安管理处罚条例》处罚。");
        assert_eq!(run(&slip).len(), 1);
    }

    #[test]
    fn judged_on_the_date_of_the_citing_document() {
        // Signed before the repeal: the law was in force then.
        let before = "关于合同管理工作的报告\n依照《中华人民共和国合同法》规范合同签订。\n某某局\n2019年6月3日\n";
        assert!(run(before).is_empty());
        // A draft dated after it: the repealed law is found, with what replaced it.
        let after = "关于合同管理工作的报告（征求意见稿）\n依照《中华人民共和国合同法》规范合同签订。\n某某局\n2022年6月3日\n";
        let found = run(after);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("2021年1月1日废止，由《中华人民共和国民法典》取代"),
            "{found:?}"
        );
        // The short form is the same law.
        let short = "关于合同管理工作的报告\n依照《合同法》规范合同签订。\n某某局\n2022年6月3日\n";
        assert_eq!(run(short).len(), 1);
        // Undated: nothing shows it was written after the repeal …
        assert!(run("依照《中华人民共和国合同法》规范合同签订。\n").is_empty());
        // … unless it also cites a text adopted after it.
        let newer =
            "依照《中华人民共和国合同法》和《中华人民共和国个人信息保护法》规范合同签订。\n";
        assert_eq!(run(newer).len(), 1);
    }
}
