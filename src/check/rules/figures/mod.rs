//! Rules over the figures a document states (GB/T 15835-2011 aside, these are matters of
//! arithmetic and consistency): rates that cannot exceed 100%, totals whose parts do not add
//! up, and one metric stated with two values.
//!
//! What the rules share: clauses, words of change, the words that may link a figure to what
//! it measures, and the precision of a written number.

pub mod metric_inconsistent;
pub mod rate_overflow;
pub mod sum_mismatch;

/// Characters that end a clause.
pub(super) fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '：' | ':' | '。' | '；' | ';' | '！' | '？' | '\n'
    )
}

/// How far back a clause is read, in bytes (about 1,300 Chinese characters). Text without
/// punctuation (a page pasted without it) is one clause however long: read whole for each of
/// its figures, it would cost its length once per figure.
const CLAUSE_WINDOW: usize = 4096;

/// The start of the clause that contains byte `at`, not before `floor` and not more than
/// [`CLAUSE_WINDOW`] bytes before `at`.
pub(super) fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    let mut floor = floor.max(at.saturating_sub(CLAUSE_WINDOW));
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    text[floor..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_end(*c))
        .map(|(i, c)| floor + i + c.len_utf8())
        .unwrap_or(floor)
}

/// Words of change: a figure after one of them is a difference or a growth rate, not a level.
const CHANGE_WORDS: &[&str] = &[
    "增", "减", "降", "提高", "提升", "上升", "下滑", "回落", "比", "较", "同比", "环比", "年均",
    "平均", "倍", "翻", "多", "少",
];

pub(super) fn has_change_word(s: &str) -> bool {
    CHANGE_WORDS.iter().any(|w| s.contains(w))
}

/// What may stand between a rate and its figure: linking words, earlier figures of a
/// 分别 list, and list punctuation.
pub(super) fn is_link_only(between: &str) -> bool {
    between.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || "达到为是均在分别了保持稳定、，和及与.%％约近超过以上左右".contains(c)
    })
}

/// Half of the last written digit's place, in the figure's base unit: 3.49亿元 → 0.01亿元.
pub(super) fn precision(written: &str) -> Option<f64> {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let decimals = digits.split('.').nth(1).map_or(0, str::len);
    let decimals = i32::try_from(decimals).ok()?;
    Some(10f64.powi(-decimals))
}

pub(super) fn fmt_num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_of_written_numbers() {
        assert_eq!(precision("3.49亿元"), Some(0.01));
        assert_eq!(precision("73起"), Some(1.0));
        assert_eq!(precision("七十三起"), None);
    }

    #[test]
    fn clauses_end_at_commas_not_dunhao() {
        let t = "共73起，其中警告41起、罚款19起";
        let at = t.find("19").unwrap();
        assert_eq!(&t[clause_start(t, 0, at)..at], "其中警告41起、罚款");
    }

    #[test]
    fn clauses_without_punctuation_are_read_from_a_window() {
        let t = "共".repeat(3000) + "73起";
        let at = t.find("73").unwrap();
        let cs = clause_start(&t, 0, at);
        assert!(t.is_char_boundary(cs));
        assert!(at - cs <= CLAUSE_WINDOW && at - cs > CLAUSE_WINDOW - 3);
    }

    #[test]
    fn change_words() {
        assert!(has_change_word("同比增长"));
        assert!(!has_change_word("达到"));
    }
}
