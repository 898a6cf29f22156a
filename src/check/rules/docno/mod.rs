//! 发文字号 rules (rules.md §A): the written form of a number (GB/T 9704-2012 7.2.5), its code
//! against the issuer named in the cited title, and one number ↔ one title across the batch.
//!
//! The extractor already knows every written form of a number and records which form rules it
//! breaks (`DocNum::problems`); the form rules only turn those records into findings, so a look-alike
//! the extractor refuses (court case numbers, 令 numbers' 第, 期号) can never be reported here.
//!
//! Shared here: the form rules' one way of reporting, the organ an issuer code belongs to (the
//! agency check and the title ↔ number conflict both ask it), and the citations as the two
//! conflict rules compare them.

pub mod docno_agency_mismatch;
pub mod docno_bracket_form;
pub mod docno_missing_hao;
pub mod docno_serial_di;
pub mod docno_serial_leading_zero;
pub mod docno_spacing;
pub mod docno_title_conflict;
pub mod docno_year_full;
pub mod docno_year_future;
pub mod title_docno_conflict;

use crate::check::rules::citation::{canonical_title, group_conflicts, Cite};
use crate::check::{BatchDoc, DocContext, Finding, Findings, Located, Rule, Severity};
use crate::extract::docnum::{self, DocNum};
use crate::i18n::tr;
use crate::span::Span;

/// The brackets a year in a document number is found in, the right one among them.
const YEAR_OPENERS: [char; 8] = ['〔', '﹝', '〖', '【', '［', '[', '（', '('];

pub(super) fn form_rule(ctx: &DocContext, out: &mut Findings, rule: &'static Rule, what: &str) {
    let text = &ctx.doc.text;
    for d in ctx.docnums.iter().filter(|d| d.problems.contains(&rule.id)) {
        let written = docnum::surface(text, d);
        if in_words(&written, d) {
            continue;
        }
        let right = corrected(&written, d);
        // 〔1996〕武司字第82号: the year is in the right brackets but before the code; that is
        // what the clerk must hear.
        let what = if rule.id == "docno-bracket-form" && written.starts_with('〔') {
            tr(
                "发文字号的年份应放在机关代字之后，并用六角括号〔〕括入",
                "The year of a document number goes after the issuer's code, in the tortoise-shell brackets 〔〕",
            )
        } else {
            what
        };
        out.push(
            Finding::new(
                rule.id,
                d.span,
                msg!(
                    zh = "{what}：“{written}”应写作“{right}”",
                    en = "{what}: write “{right}”, not “{written}”"
                ),
            )
            // A number broken across lines is joined in `written`; its fix would join the lines.
            // A year in no brackets at all (国务院一九八〇年223号文件) is as often a reference in
            // words as a number: which it is, a person decides.
            // A year before the code (〔1996〕武司字第82号) is how some bodies number their own
            // papers, quoted as issued: rewriting it makes a number its issuer never gave.
            .with_replacement_if(
                !d.span.text(text).contains('\n')
                    && !written.starts_with('〔')
                    && (rule.id != "docno-bracket-form" || written.contains(YEAR_OPENERS)),
                right,
            ),
        );
    }
}

/// 国务院一九八〇年223号文件: an organ's full name and a year in Chinese numerals with no brackets
/// name a document in words, the way 1980s texts referred to one; no 机关代字 is the full name
/// of an organ, so there is no form of a number to correct.
fn in_words(written: &str, d: &DocNum) -> bool {
    let organ = d
        .issuer_code
        .ends_with(['院', '部', '委', '厅', '局', '府', '会', '署']);
    let cn_year = written.split('年').next().is_some_and(|head| {
        head.ends_with([
            '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九',
        ])
    });
    organ && cn_year && !written.contains(YEAR_OPENERS)
}

/// The number written in the standard form. 令 numbers keep their organ as written (the
/// normalised form drops 中华人民共和国); only spaces and padding zeros are removed.
fn corrected(written: &str, d: &DocNum) -> String {
    if d.year.is_none() {
        let compact: String = written
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}'))
            .collect();
        return match (compact.rfind('第'), d.serial) {
            (Some(i), Some(n)) => format!("{}第{n}号", &compact[..i]),
            _ => compact,
        };
    }
    d.normalized.clone()
}

/// What kind of organ a title's lead issuer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Organ {
    Government,
    GovernmentOffice,
    Party,
    Other,
}

pub(super) fn organ_of(issuer: &str) -> Organ {
    // Joint documents carry the lead organ's number: compare the first organ only.
    let lead = issuer.split([' ', '、']).next().unwrap_or_default();
    let party = lead.starts_with("中共") || lead.starts_with("中国共产党");
    if party
        && (lead.ends_with('委')
            || lead.ends_with("委员会")
            || lead.ends_with("委办公厅")
            || lead.ends_with("委办公室")
            || lead == "中共中央"
            || lead == "中共中央办公厅")
    {
        return Organ::Party;
    }
    if party {
        return Organ::Other;
    }
    if lead.ends_with("人民政府办公厅")
        || lead.ends_with("人民政府办公室")
        || lead.ends_with("政府办公厅")
        || lead.ends_with("政府办公室")
        || lead == "国务院办公厅"
    {
        return Organ::GovernmentOffice;
    }
    if lead.ends_with("人民政府") || lead.ends_with("政府") || lead == "国务院" {
        return Organ::Government;
    }
    Organ::Other
}

/// A code of a government itself: ×政发, ×府发, ×政函, ×府规, 国发, 国函 — no 办.
fn government_code(code: &str) -> bool {
    if code.contains('办') || code.contains('厅') {
        return false;
    }
    let chars: Vec<char> = code.chars().collect();
    let n = chars.len();
    if n < 2 || !matches!(chars[n - 1], '发' | '函' | '规') {
        return false;
    }
    matches!(chars[n - 2], '政' | '府') || code == "国发" || code == "国函"
}

/// A code of a government's office: ×政办发, ×府办发, ×政办函, 国办发, 国办函.
fn government_office_code(code: &str) -> bool {
    ["政办", "府办", "国办"].iter().any(|p| code.contains(p))
}

/// A code of any government body (the party must not use one).
fn any_government_code(code: &str) -> bool {
    government_code(code) || government_office_code(code)
}

/// The right kind of code for an organ, when a code of the other kind was used.
pub(super) fn mismatch(organ: Organ, code: &str) -> Option<&'static str> {
    match organ {
        Organ::GovernmentOffice if government_code(code) => {
            Some(tr(
                "办公厅（室）文件的机关代字应含“办”（如×政办发、×府办发、国办发）",
                "a document of a general office (“办公厅”, “办公室”) takes a code with “办” (such as “×政办发”, “×府办发”, “国办发”)",
            ))
        }
        Organ::Government if government_office_code(code) => {
            Some(tr(
                "人民政府文件的机关代字不应含“办”（应为×政发、×府发、国发一类）",
                "a document of a people's government (“人民政府”) takes a code without “办” (such as “×政发”, “×府发”, “国发”)",
            ))
        }
        Organ::Party if any_government_code(code) => {
            Some(tr(
                "党委及其办公厅（室）文件应使用党委的机关代字（如×发、×办发），不用政府代字",
                "a document of a Party committee or its office takes the committee's code (such as “×发”, “×办发”), not a government code",
            ))
        }
        _ => None,
    }
}

/// Whether the cited number's code fits the organ at the head of the title.
pub(super) fn code_fits_issuer(issuer: &str, code: &str) -> Option<bool> {
    let organ = organ_of(issuer);
    if organ == Organ::Other || code.ends_with('令') {
        return None;
    }
    Some(mismatch(organ, code).is_none())
}

/// The citations of one document as the conflict rules compare them.
pub(super) fn cites_of(ctx: &DocContext) -> Vec<Cite> {
    let text = &ctx.doc.text;
    ctx.citations
        .iter()
        .map(|c| {
            let d = c.docnum.and_then(|i| ctx.docnums.get(i));
            Cite {
                doc: 0,
                span: Some(c.span),
                num_span: d.map(|d| d.span),
                at: None,
                title: c.title.clone(),
                canonical: canonical_title(&c.normalized_title),
                number: d.map(|d| d.normalized.clone()),
                number_written: d.map(|d| docnum::surface(text, d)),
                code: d.map(|d| d.issuer_code.clone()),
                authoritative: false,
            }
        })
        .collect()
}

pub(super) fn cites_of_batch(docs: &[BatchDoc]) -> Vec<Cite> {
    let mut out = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for c in d.citations.iter().chain(d.own.iter()) {
            out.push(Cite {
                doc: i,
                span: None,
                num_span: None,
                at: Some(c.at.clone()),
                title: c.title.clone(),
                canonical: canonical_title(&c.normalized_title),
                number: c.docnum_normalized.clone(),
                number_written: c.docnum.clone(),
                code: c
                    .docnum_normalized
                    .as_deref()
                    .and_then(|n| n.split_once('〔').map(|(code, _)| code.to_string())),
                authoritative: d.register,
            });
        }
    }
    out
}

/// Generic titles (《通知》《实施意见》) name many documents; they identify nothing.
pub(super) fn identifying(title: &str) -> bool {
    title.chars().count() >= 8
}

pub(super) fn is_ling(number: &str) -> bool {
    !number.contains('〔')
}

/// Findings for one group of cites sharing a key (a number or a title) with differing values.
pub(super) fn conflict_findings(
    cites: &[Cite],
    key_of: impl Fn(&Cite) -> Option<String>,
    value_of: impl Fn(&Cite) -> Option<String>,
    preferred: impl Fn(&Cite) -> bool,
    within_doc: bool,
    message: impl Fn(&Cite, &Cite) -> String,
    mut emit: impl FnMut(&Cite, &Cite, String),
) {
    for (wrong, right) in group_conflicts(cites, key_of, value_of, preferred, within_doc) {
        let m = message(&cites[wrong], &cites[right]);
        emit(&cites[wrong], &cites[right], m);
    }
}

pub(super) fn doc_emit<'a, 'b>(
    out: &'a mut Findings<'b>,
    rule: &'static str,
    use_number_span: bool,
) -> impl FnMut(&Cite, &Cite, String) + use<'a, 'b> {
    move |wrong: &Cite, right: &Cite, m: String| {
        let span = if use_number_span {
            wrong.num_span.or(wrong.span)
        } else {
            wrong.span
        };
        let related = if use_number_span {
            right.num_span.or(right.span)
        } else {
            right.span
        };
        let (Some(span), Some(rel)) = (span, related) else {
            return;
        };
        out.push(Finding::new(rule, span, m).with_related(rel));
    }
}

pub(super) fn batch_emit<'a>(
    out: &'a mut Vec<Located>,
    rule: &'static str,
) -> impl FnMut(&Cite, &Cite, String) + 'a {
    move |wrong: &Cite, right: &Cite, m: String| {
        let (Some(at), Some(rel)) = (wrong.at.clone(), right.at.clone()) else {
            return;
        };
        let text = format!("《{}》", wrong.title);
        let (end_line, end_column) = Located::end_of(&at, &text);
        out.push(Located {
            at,
            span: Span::new(0, 0),
            rule,
            severity: Severity::Error,
            message: m,
            text,
            related: vec![rel],
            excerpt: None,
            end_line,
            end_column,
            replacement: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{Checker, DocContext};
    use crate::extract::citation::extract_citations;
    use crate::extract::docnum::extract_docnums;
    use crate::extract::meta;
    use crate::Document;

    pub(super) fn run(text: &str, rule: &str) -> Vec<String> {
        located(text, rule)
            .into_iter()
            .map(|f| format!("{}:{} {}", f.at.line, f.at.column, f.text))
            .collect()
    }

    fn messages(text: &str, rule: &str) -> Vec<String> {
        located(text, rule).into_iter().map(|f| f.message).collect()
    }

    fn located(text: &str, rule: &str) -> Vec<crate::check::Located> {
        let doc = Document::from_text("t.txt", text);
        let mut nums = extract_docnums(text);
        let cites = extract_citations(text, &mut nums);
        let meta = meta::detect_with(text, &nums);
        Checker::default_rules()
            .check_document(&DocContext {
                doc: &doc,
                tokens: &[],
                figures: &[],
                docnums: &nums,
                citations: &cites,
                meta: &meta,
                left_out: Default::default(),
                shared: Default::default(),
            })
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    #[test]
    fn form_rules_follow_the_extractor() {
        let text = "按保政发﹝2022﹞10号、澄教发〔25〕19号、临政发〔2025〕第8号、桐政发〔2025〕003号办理（澄卫发〔2020〕41）。\n澄人社发 〔2025〕 12 号\n";
        assert_eq!(run(text, "docno-bracket-form"), ["1:2 保政发﹝2022﹞10号"]);
        assert_eq!(run(text, "docno-year-full"), ["1:15 澄教发〔25〕19号"]);
        assert_eq!(run(text, "docno-serial-di"), ["1:26 临政发〔2025〕第8号"]);
        assert_eq!(
            run(text, "docno-serial-leading-zero"),
            ["1:39 桐政发〔2025〕003号"]
        );
        assert_eq!(run(text, "docno-missing-hao"), ["1:55 澄卫发〔2020〕41"]);
        assert_eq!(run(text, "docno-spacing"), ["2:1 澄人社发 〔2025〕 12 号"]);
    }

    #[test]
    fn a_year_before_the_code_is_told_as_such() {
        // The 1996 批复 of the State Council to the armed police (国函〔1996〕95号).
        let found = messages(
            "关于迁址新建的请示（〔1996〕武司字第82号）收悉。\n",
            "docno-bracket-form",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("机关代字之后"), "{found:?}");
        assert!(found[0].contains("应写作“武司字〔1996〕82号”"), "{found:?}");
        let fixes: Vec<_> = located(
            "关于迁址新建的请示（〔1996〕武司字第82号）收悉。\n",
            "docno-bracket-form",
        )
        .into_iter()
        .map(|f| f.replacement)
        .collect();
        assert_eq!(fixes, [None], "a person decides");
        let found = messages("制发了保政发﹝2022﹞10号文。\n", "docno-bracket-form");
        assert!(!found[0].contains("机关代字之后"), "{found:?}");
    }

    #[test]
    fn look_alikes_are_not_reported() {
        let text = "依照《临川市物业管理办法》（临川市人民政府令第58号）和国务院令第722号，（2021）澄03行初118号行政判决，简报〔2024〕第6期，〔唐〕杜甫。\n";
        for rule in [
            "docno-bracket-form",
            "docno-serial-di",
            "docno-year-full",
            "docno-missing-hao",
        ] {
            assert!(run(text, rule).is_empty(), "{rule}: {:?}", run(text, rule));
        }
    }
}
