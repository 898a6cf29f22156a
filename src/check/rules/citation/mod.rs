//! Citation and title rules (rules.md §B): how a document is cited (title first, then its number
//! in full-width parentheses), whether the quoted title is the document's exact title, and the
//! punctuation of 书名号.
//!
//! "The same document" is decided by the normalised title (brackets, dashes and spaces unified,
//! informal organ names restored to 人民政府) together with the numbers written after it, so one
//! document quoted with 省政府办公厅 once and 省人民政府办公厅 once is one document, and each slip
//! in quoting it is a finding of its own.

pub mod abbrev_undeclared;
pub mod citation_order;
pub mod citation_paren_width;
pub mod law_currency;
pub mod law_name_prefix;
pub mod title_agency_informal;
pub mod title_enum_dunhao;
pub mod title_marks_misuse;
pub mod title_near_duplicate;
pub mod title_nested_marks;
pub mod title_variant_punct;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Located, Location, Severity};
use crate::extract::citation::{normalize_title, title_issuer};
use crate::span::Span;

// ---------------------------------------------------------------------------------------------
// Shared by the 发文字号 rules.

/// One citation (or a document's own title and number) as the conflict rules compare it.
#[derive(Debug, Clone)]
pub(crate) struct Cite {
    /// Index of the document in the batch (0 within one document).
    pub doc: usize,
    /// The 《…》 span, within one document.
    pub span: Option<Span>,
    /// The number's span, within one document.
    pub num_span: Option<Span>,
    /// Location, in the batch.
    pub at: Option<Location>,
    pub title: String,
    pub canonical: String,
    pub number: Option<String>,
    pub number_written: Option<String>,
    pub code: Option<String>,
    /// From a user's register of documents: the reference, never the odd one.
    pub authoritative: bool,
}

/// A value and the indices of the cites that hold it.
type Valued = (String, Vec<usize>);

/// Pairs (odd one, reference) among cites that share a key but differ in value. Within one
/// document: each differing value once, at its first place, against the reference value. Across
/// the batch: only where the document holding the odd value does not hold the reference itself
/// (that case is the document part's). The reference is the value of a `preferred` cite when
/// exactly one value has one, else the most frequent, else the first.
pub(crate) fn group_conflicts(
    cites: &[Cite],
    key_of: impl Fn(&Cite) -> Option<String>,
    value_of: impl Fn(&Cite) -> Option<String>,
    preferred: impl Fn(&Cite) -> bool,
    within_doc: bool,
) -> Vec<(usize, usize)> {
    // key → value → indices, in first-seen order.
    let mut groups: Vec<(String, Vec<Valued>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // (group, value) → place among the group's values: one key cited with many values would
    // otherwise search them all for each citation.
    let mut value_at: HashMap<(usize, String), usize> = HashMap::new();
    for (i, c) in cites.iter().enumerate() {
        let (Some(k), Some(v)) = (key_of(c), value_of(c)) else {
            continue;
        };
        let g = *index.entry(k.clone()).or_insert_with(|| {
            groups.push((k, Vec::new()));
            groups.len() - 1
        });
        let values = &mut groups[g].1;
        match value_at.get(&(g, v.clone())) {
            Some(&at) => values[at].1.push(i),
            None => {
                value_at.insert((g, v.clone()), values.len());
                values.push((v, vec![i]));
            }
        }
    }
    let mut out = Vec::new();
    for (_, values) in &groups {
        if values.len() < 2 {
            continue;
        }
        let with_pref: Vec<usize> = (0..values.len())
            .filter(|&v| values[v].1.iter().any(|&i| preferred(&cites[i])))
            .collect();
        let registered =
            (0..values.len()).find(|&v| values[v].1.iter().any(|&i| cites[i].authoritative));
        let reference = if let Some(r) = registered {
            r
        } else if with_pref.len() == 1 {
            with_pref[0]
        } else {
            let max = values.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
            values.iter().position(|(_, v)| v.len() == max).unwrap_or(0)
        };
        let ref_first = values[reference].1[0];
        let ref_docs: HashSet<usize> = values[reference].1.iter().map(|&i| cites[i].doc).collect();
        for (v, (_, idx)) in values.iter().enumerate() {
            if v == reference {
                continue;
            }
            if within_doc {
                out.push((idx[0], ref_first));
                continue;
            }
            let mut seen_docs = HashSet::new();
            for &i in idx {
                if cites[i].authoritative {
                    continue;
                }
                let d = cites[i].doc;
                if ref_docs.contains(&d) || !seen_docs.insert(d) {
                    continue;
                }
                out.push((i, ref_first));
            }
        }
    }
    out
}

/// The organ(s) at the head of a cited title (before 关于), or empty.
pub(crate) fn title_issuer_of(title: &str) -> String {
    title_issuer(title)
}

/// Administrative levels whose government is legally named ×人民政府.
const LEVELS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '乡', '镇'];

/// Informal organ names in the head of a title: (byte range in `head`, written, official).
pub(super) fn informal_names(head: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (i, _) in head.match_indices("政府") {
        let before = &head[..i];
        if before.ends_with("人民") {
            continue;
        }
        let Some(level) = before.chars().next_back() else {
            continue;
        };
        // 香港特区政府 / 特别行政区政府: not a 人民政府.
        if !LEVELS.contains(&level) || before.ends_with("特区") || before.ends_with("行政区") {
            continue;
        }
        let rest = &head[i + "政府".len()..];
        let (written_len, official) = if rest.starts_with("办公厅") || rest.starts_with("办公室")
        {
            (
                "政府办公厅".len(),
                format!("人民政府{}", &rest[..'办'.len_utf8() + "公厅".len()]),
            )
        } else if rest.starts_with('办') {
            ("政府办".len(), "人民政府办公室".to_string())
        } else {
            ("政府".len(), "人民政府".to_string())
        };
        out.push((i, i + written_len, official));
    }
    for (i, _) in head.match_indices("府办") {
        let before = &head[..i];
        if before
            .chars()
            .next_back()
            .is_some_and(|c| LEVELS.contains(&c))
        {
            out.push((i, i + "府办".len(), "人民政府办公室".to_string()));
        }
    }
    out.sort();
    out
}

/// The normalised title with informal organ names in its head written in full, so that a
/// document quoted both ways is recognised as one.
///
/// This differs from the index's [`crate::extract::citation::title_key`] on purpose: the rules
/// that use it report a title as written, so it keeps the 中华人民共和国 prefix (whose absence
/// `law-name-prefix` reports on its own), and it reads every informal name of the head
/// (`府办`, `政府办`) because those rules name the informal form they found; the index needs only
/// to group, and groups informal organ names inside the title too.
pub(crate) fn canonical_title(normalized: &str) -> String {
    let issuer = title_issuer(normalized);
    if issuer.is_empty() {
        return normalized.to_string();
    }
    let Some(head_end) = normalized.find("关于") else {
        return normalized.to_string();
    };
    let head = &normalized[..head_end];
    let names = informal_names(head);
    if names.is_empty() {
        return normalized.to_string();
    }
    let mut s = String::with_capacity(normalized.len() + 16);
    let mut at = 0;
    for (a, b, official) in names {
        if a < at {
            continue;
        }
        s.push_str(&head[at..a]);
        s.push_str(&official);
        at = b;
    }
    s.push_str(&normalized[at..]);
    s
}

// ---------------------------------------------------------------------------------------------
// The national catalogue of laws and regulations (names only).

pub(super) struct Catalogue {
    /// Every normalised name.
    all: HashSet<String>,
    /// Laws (法律, 宪法) by their name without 中华人民共和国.
    pub(super) laws: HashSet<String>,
}

pub(super) static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut all = HashSet::new();
    let mut laws = HashSet::new();
    for line in include_str!("../../../../dicts/national-law-names.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (law, name) = match line.strip_prefix("L ") {
            Some(n) => (true, n),
            None => (false, line),
        };
        let n = normalize_title(name);
        if law {
            laws.insert(n.clone());
        }
        all.insert(n);
    }
    Catalogue { all, laws }
});

fn strip_state(t: &str) -> &str {
    t.strip_prefix("中华人民共和国").unwrap_or(t)
}

pub(super) fn in_catalogue(normalized: &str) -> bool {
    let c = &*CATALOGUE;
    // The history holds the repealed laws too (合同法, 公民出境入境管理法): a title it knows is a
    // real document, current or not.
    c.all.contains(normalized)
        || c.all.contains(strip_state(normalized))
        || crate::resolve::catalogue::Catalogue::global()
            .history(normalized)
            .is_some()
}

// ---------------------------------------------------------------------------------------------
// Shared by the rules that compare titles.

pub(super) static PLACE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{2,8}?(?:省|自治区|市|自治州|县|区|特别行政区|镇|乡)")
        .expect("valid regex")
});

/// The core of a normalised title: trailing (…) qualifiers and year spans dropped.
pub(super) fn core(t: &str) -> &str {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\([^()]*\)|[0-9]{4}(?:-[0-9]{4})?年?)+$").expect("valid regex")
    });
    match TAIL.find(t) {
        Some(m) if m.start() > 0 => &t[..m.start()],
        _ => t,
    }
}

pub(super) struct Titled {
    pub(super) doc: usize,
    pub(super) normalized: String,
    pub(super) written: String,
    pub(super) numbered: bool,
    pub(super) span: Option<Span>,
    pub(super) at: Option<Location>,
}

/// A line of a law's revision history (2011年1月8日《国务院关于废止和修改部分行政法规的决定》第一次
/// 修订): it names the amending decisions by design, each a document of its own, and puts an
/// order number before its title (公安部令第159号《…决定》修正).
static HISTORY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{3000}]*\d{4}年\d{1,2}月\d{1,2}日.{0,200}?(修正|修订|修改|通过|公布|批准|施行)",
    )
    .unwrap()
});

/// Whether the line holding byte `at` of the document is a revision-history line.
pub(super) fn on_history_line(doc: &crate::Document, at: usize) -> bool {
    HISTORY_LINE.is_match(doc.lines.line_text(&doc.text, at))
}

pub(super) fn batch_located(
    rule: &'static str,
    at: &Location,
    related: &Location,
    text: String,
    message: String,
) -> Located {
    let (end_line, end_column) = Located::end_of(at, &text);
    Located {
        at: at.clone(),
        span: Span::new(0, 0),
        rule,
        severity: Severity::Warning,
        message,
        text,
        related: vec![related.clone()],
        excerpt: None,
        end_line,
        end_column,
        replacement: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn informal_organ_names_are_restored_in_the_head_only() {
        assert_eq!(
            canonical_title("云南省政府办公厅关于某事的实施意见"),
            "云南省人民政府办公厅关于某事的实施意见"
        );
        assert_eq!(
            canonical_title("平江县政府办关于某事的通知"),
            "平江县人民政府办公室关于某事的通知"
        );
        assert_eq!(
            canonical_title("临川市府办关于某事的通知"),
            "临川市人民政府办公室关于某事的通知"
        );
        for t in [
            "临川市政府工作报告",
            "江澄省人民政府关于某事的意见",
            "香港特区政府关于某事的公告",
        ] {
            assert_eq!(canonical_title(t), t);
        }
    }
}
