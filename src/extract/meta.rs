//! A document's own title, 发文字号 and year, when the text states them.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::docnum::{self, Role};

/// What a document says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    pub title: Option<String>,
    /// The document's own number as written.
    pub docnum: Option<String>,
    pub year: Option<i32>,
    /// The day the document was signed (成文日期, or the date under the signature), else, for a
    /// law, the last date under its title (adopted or amended).
    pub date: Option<(i32, u32, u32)>,
}

static YEAR_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})年").unwrap());
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").unwrap()
});

/// The day a `FULL_DATE` match names, when it is a real day.
fn day_of(c: &regex::Captures) -> Option<(i32, u32, u32)> {
    let d = format!("{}-{}-{}", &c[1], &c[2], &c[3]);
    crate::resolve::parse_date(&d)
}
static BRACKET_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〔﹝\[［【（(〖]\s*([0-9]{4})\s*[〕﹞\]］】）)〗]").unwrap());

/// Words that end the titles of 公文 and legal texts (文种 and legislative forms).
const TITLE_ENDINGS: &[&str] = &[
    "通知", "意见", "决定", "报告", "批复", "函", "答复", "复函", "办法", "规定", "条例", "法",
    "细则", "规则", "纲要", "规划", "方案", "公告", "通告", "通报", "解释", "命令", "令", "议案",
    "纪要", "请示", "决议", "公报", "章程", "守则", "标准", "案", "目录", "清单", "措施", "要点",
];

/// True when `line` starts with `label` once spaces are squeezed out (`标　　题：` → `标题`).
fn has_label(line: &str, label: &str) -> bool {
    // The first twelve characters without their spaces: the label, then a colon.
    let mut squeezed = line.chars().take(12).filter(|c| !c.is_whitespace());
    label.chars().all(|l| squeezed.next() == Some(l)) && matches!(squeezed.next(), Some('：' | ':'))
}

/// Value of a gov.cn metadata cell such as `标　　题： \t国务院关于…的通知`. In a .docx the box
/// is a table and the value is the next cell, which is the next line.
fn metadata_value<'a>(lines: &[&'a str], i: usize, label: &str) -> Option<&'a str> {
    let line = lines[i];
    if !has_label(line, label) {
        return None;
    }
    let after = line.split_once(['：', ':'])?.1;
    let value = after.trim_start().split('\t').next()?.trim();
    if !value.is_empty() {
        return Some(value);
    }
    let next = lines.get(i + 1)?.trim();
    let looks_like_label = next.chars().take(8).any(|c| c == '：');
    (!next.is_empty() && !looks_like_label).then_some(next)
}

fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    if !(4..=80).contains(&n) {
        return false;
    }
    if line.ends_with(['。', '；', '，', '：', ':', ';', ',']) || line.contains('，') {
        return false;
    }
    let core = line.trim_end_matches(|c: char| c == '）' || c == ')' || c.is_whitespace());
    let core = core
        .rsplit_once(['（', '('])
        .map(|(a, _)| a)
        .filter(|a| !a.is_empty())
        .unwrap_or(core);
    TITLE_ENDINGS.iter().any(|e| core.ends_with(e))
}

/// A 关于…的通知 title in the header, possibly broken over two or three lines
/// (`国务院关于印发` / `《国务院工作规则》的通知`).
fn header_title(head: &[&str]) -> Option<String> {
    let window = &head[..head.len().min(12)];
    for (i, first) in window.iter().enumerate() {
        if first.chars().count() > 40 || first.contains(['。', '，', '；', '：', ':']) {
            continue;
        }
        let mut joined = first.to_string();
        for next in window.iter().skip(i + 1).take(2) {
            if joined.contains("关于") && looks_like_title(&joined) {
                return Some(joined);
            }
            if next.chars().count() > 40 || next.contains(['。', '，', '；', '：', ':']) {
                break;
            }
            joined.push_str(next);
        }
        if joined.contains("关于") && looks_like_title(&joined) {
            return Some(joined);
        }
    }
    None
}

/// Reads the title, own number and year from the first and last lines of a document.
pub fn detect(text: &str) -> DocMeta {
    detect_with(text, &docnum::extract_docnums(text))
}

/// Like [`detect_with`]; where the text gives no title, the one the file's own metadata gives
/// (an OFD's `DocInfo`) stands.
pub fn detect_doc(doc: &crate::Document, docnums: &[docnum::DocNum]) -> DocMeta {
    let mut meta = detect_with(&doc.text, docnums);
    if meta.title.is_none() {
        meta.title.clone_from(&doc.meta_title);
    }
    meta
}

/// Like [`detect`], with the document's numbers already extracted.
pub fn detect_with(text: &str, docnums: &[docnum::DocNum]) -> DocMeta {
    let mut meta = DocMeta::default();
    let head: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    let mut date_year = None;
    let mut signed = None;
    for i in 0..head.len().min(20) {
        if let Some(v) = metadata_value(&head, i, "标题") {
            meta.title.get_or_insert_with(|| v.to_string());
        }
        if let Some(v) = metadata_value(&head, i, "发文字号") {
            meta.docnum.get_or_insert_with(|| v.to_string());
        }
        if let Some(v) = metadata_value(&head, i, "成文日期") {
            if let Some(c) = FULL_DATE.captures(v) {
                date_year = c[1].parse().ok();
                signed = signed.or_else(|| day_of(&c));
            }
        }
        // The gov.cn box puts 成文日期 in the second cell of a row (发文机关： 国务院 成文日期： …).
        if let Some((_, after)) = head[i].split_once("成文日期") {
            if let Some(c) = FULL_DATE.captures(after.trim_start_matches([':', '：', ' ', '\t'])) {
                signed = signed.or_else(|| day_of(&c));
            }
        }
    }
    if meta.title.is_none() {
        let single = head.iter().take(5).find(|l| looks_like_title(l));
        let joined = header_title(&head);
        // A title-like line may be the tail of a title broken over lines; the whole wins.
        meta.title = match (single, joined) {
            (Some(s), Some(j)) if j.len() > s.len() && j.ends_with(*s) => Some(j),
            (Some(s), _) => Some(s.to_string()),
            (None, j) => j,
        };
    }
    // The extractor knows every written form of a number and which one is the document's own.
    let own = docnums.iter().find(|d| d.role == Role::SelfNumber);
    if meta.docnum.is_none() {
        meta.docnum = own.as_ref().map(|d| docnum::surface(text, d));
    }
    let title_year = meta
        .title
        .as_deref()
        .and_then(|t| YEAR_IN_TITLE.captures(t))
        .and_then(|c| c[1].parse().ok());
    let docnum_year = own.and_then(|d| d.year).or_else(|| {
        meta.docnum
            .as_deref()
            .and_then(|d| BRACKET_YEAR.captures(d))
            .and_then(|c| c[1].parse().ok())
    });
    // The signing date stands alone on one of the last lines.
    let signoff = text
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .find_map(|l| {
            let c = FULL_DATE.captures(l)?;
            (c.get(0)?.as_str().chars().count() + 2 >= l.chars().count()).then_some(c)
        });
    let signoff_year = signoff.as_ref().and_then(|c| c[1].parse().ok());
    // Laws list their adoption and amendment dates under the title; the last one dates the text.
    let header_date = head
        .iter()
        .take(10)
        .take_while(|l| !l.starts_with("第一章") && !l.starts_with("第一条"))
        .filter_map(|l| {
            let c = FULL_DATE.captures(l)?;
            // The dated lines of a law's header begin with the date; a date inside a sentence
            // of the body is not the document's. One line may list several amendments.
            let lead = &l[..c.get(0)?.start()];
            if !lead.chars().all(|ch| matches!(ch, '（' | '(' | ' ' | '　')) {
                return None;
            }
            FULL_DATE.captures_iter(l).filter_map(|c| day_of(&c)).max()
        })
        .max();
    let header_year = header_date.map(|d| d.0);
    meta.date = signed
        .or_else(|| signoff.as_ref().and_then(day_of))
        .or(header_date);
    meta.year = docnum_year
        .or(date_year)
        .or(title_year)
        .or(signoff_year)
        .or(header_year);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gov_cn_metadata_box() {
        let text = "索 引 号： \t000014349/2018-00207 \t主题分类：\n\n发文机关： \t国务院 \t成文日期： \t2018年11月07日\n\n标　　题： \t国务院关于支持自由贸易试验区深化改革创新若干措施的通知\n\n发文字号： \t国发〔2018〕38号 \t发布日期： \t2018年11月23日\n";
        let m = detect(text);
        assert_eq!(
            m.title.as_deref(),
            Some("国务院关于支持自由贸易试验区深化改革创新若干措施的通知")
        );
        assert_eq!(m.docnum.as_deref(), Some("国发〔2018〕38号"));
        assert_eq!(m.year, Some(2018));
        assert_eq!(m.date, Some((2018, 11, 7)));
        let docx = "标题：\n国务院办公厅关于印发两个规定的通知\n发文字号：\n国办发〔2018〕124号\n";
        let m = detect(docx);
        assert_eq!(
            m.title.as_deref(),
            Some("国务院办公厅关于印发两个规定的通知")
        );
        assert_eq!(m.docnum.as_deref(), Some("国办发〔2018〕124号"));
    }

    #[test]
    fn own_number_and_broken_title_from_the_header() {
        let text = "国务院关于印发\n\n《国务院工作规则》的通知\n\n国发〔2004〕18号\n\n各省、自治区、直辖市人民政府：\n";
        let m = detect(text);
        assert_eq!(
            m.title.as_deref(),
            Some("国务院关于印发《国务院工作规则》的通知")
        );
        assert_eq!(m.docnum.as_deref(), Some("国发〔2004〕18号"));
        assert_eq!(m.year, Some(2004));
        let ling =
            "中华人民共和国国务院令\n\n第706号\n\n《专利代理条例》已经修订通过，现予公布。\n";
        assert_eq!(
            detect(ling).docnum.as_deref(),
            Some("中华人民共和国国务院令第706号")
        );
        let bracket = "保山市人民政府关于某事的通知\n保政发﹝2022﹞10号\n";
        let m = detect(bracket);
        assert_eq!(m.docnum.as_deref(), Some("保政发﹝2022﹞10号"));
        assert_eq!(m.year, Some(2022));
    }

    #[test]
    fn law_header_and_plain_report() {
        let law = "中华人民共和国立法法\n\n2000年3月15日 第九届全国人民代表大会第三次会议通过\n\n2023年3月13日 第十四届全国人民代表大会第一次会议修正\n\n第一章 总则\n";
        let m = detect(law);
        assert_eq!(m.title.as_deref(), Some("中华人民共和国立法法"));
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.date, Some((2023, 3, 13)));
        // Amendments listed on one line: the last one dates the text.
        let one_line = "某某条例\n\n1997年10月17日 某某会议通过 2010年7月23日 某某会议修正 2019年5月31日 某某会议修订）\n\n第一章 总则\n";
        assert_eq!(detect(one_line).date, Some((2019, 5, 31)));
        let report = "根据《法治政府建设与责任落实督察工作规定》,现将情况报告如下:\n一、工作情况\n";
        assert_eq!(detect(report).title, None);
    }
}
