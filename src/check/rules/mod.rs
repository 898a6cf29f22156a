//! The rule registry. Ids and default severities follow the rule catalogue; an id is never
//! renamed or reused.

mod attachment;
mod citation;
mod docno;
mod extract_limit;
mod figures;
mod numbering;
mod numbers;
mod punct;
pub(crate) mod text;
pub(crate) mod wording;

use super::Rule;

pub use figures::metric_inconsistent::batch_metrics;

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[
    &docno::docno_bracket_form::BRACKET_FORM,
    &docno::docno_year_full::YEAR_FULL,
    &docno::docno_serial_di::SERIAL_DI,
    &docno::docno_serial_leading_zero::SERIAL_LEADING_ZERO,
    &docno::docno_missing_hao::MISSING_HAO,
    &docno::docno_spacing::SPACING,
    &docno::docno_agency_mismatch::AGENCY_MISMATCH,
    &docno::docno_title_conflict::TITLE_CONFLICT,
    &docno::title_docno_conflict::TITLE_DOCNO_CONFLICT,
    &docno::docno_year_future::YEAR_FUTURE,
    &citation::citation_order::CITATION_ORDER,
    &citation::citation_paren_width::CITATION_PAREN_WIDTH,
    &citation::title_agency_informal::TITLE_AGENCY_INFORMAL,
    &citation::title_near_duplicate::TITLE_NEAR_DUPLICATE,
    &citation::title_variant_punct::TITLE_VARIANT_PUNCT,
    &citation::abbrev_undeclared::ABBREV_UNDECLARED,
    &citation::law_name_prefix::LAW_NAME_PREFIX,
    &citation::law_currency::LAW_CURRENCY,
    &citation::title_nested_marks::TITLE_NESTED_MARKS,
    &citation::title_marks_misuse::TITLE_MARKS_MISUSE,
    &citation::title_enum_dunhao::TITLE_ENUM_DUNHAO,
    &punct::halfwidth_punct_in_cjk::HALFWIDTH_PUNCT_IN_CJK,
    &punct::cjk_one_as_dash::CJK_ONE_AS_DASH,
    &punct::range_mark_form::RANGE_MARK_FORM,
    &punct::quote_form::QUOTE_FORM,
    &punct::unpaired_marks::UNPAIRED_MARKS,
    &punct::duplicate_punct::DUPLICATE_PUNCT,
    &punct::heading_trailing_period::HEADING_TRAILING_PERIOD,
    &punct::ellipsis_form::ELLIPSIS_FORM,
    &punct::fullwidth_colon::FULLWIDTH_COLON,
    &punct::space_in_cjk::SPACE_IN_CJK,
    &numbering::heading_number_form::HEADING_NUMBER_FORM,
    &numbering::heading_number_sequence::HEADING_NUMBER_SEQUENCE,
    &numbering::heading_level_order::HEADING_LEVEL_ORDER,
    &numbers::year_abbrev::YEAR_ABBREV,
    &numbers::date_zero_padding::DATE_ZERO_PADDING,
    &numbers::signoff_date_chinese::SIGNOFF_DATE_CHINESE,
    &numbers::date_invalid::DATE_INVALID,
    &numbers::zero_glyph::ZERO_GLYPH,
    &numbers::fullwidth_digits::FULLWIDTH_DIGITS,
    &numbers::numeral_mixing::NUMERAL_MIXING,
    &numbers::range_unit_omission::RANGE_UNIT_OMISSION,
    &numbers::approx_adjacent_dunhao::APPROX_ADJACENT_DUNHAO,
    &numbers::numeric_wording::NUMERIC_WORDING,
    &numbers::yu_position::YU_POSITION,
    &numbers::session_numerals::SESSION_NUMERALS,
    &figures::rate_overflow::RATE_OVERFLOW,
    &figures::sum_mismatch::SUM_MISMATCH,
    &figures::metric_inconsistent::METRIC_INCONSISTENT,
    &numbers::thousands_separator::THOUSANDS_SEPARATOR,
    &wording::term_odd_one_out::TERM_ODD_ONE_OUT,
    &wording::fazhi_vs_fazhi::FAZHI_VS_FAZHI,
    &wording::confusable_lexicon::CONFUSABLE_LEXICON,
    &wording::repeated_token::REPEATED_TOKEN,
    &wording::placeholder_residue::PLACEHOLDER_RESIDUE,
    &wording::traditional_variant_chars::TRADITIONAL_VARIANT_CHARS,
    &wording::outdated_institution::OUTDATED_INSTITUTION,
    &wording::canonical_phrase::CANONICAL_PHRASE,
    &wording::typo::TYPO,
    &wording::missing_char::MISSING_CHAR,
    &attachment::attachment_note_form::ATTACHMENT_NOTE_FORM,
    &attachment::attachment_note_mismatch::ATTACHMENT_NOTE_MISMATCH,
    &extract_limit::EXTRACT_LIMIT,
];

/// The rule id nearest to `id` in spelling, when it is near enough to be a slip (at most a
/// third of its characters differ).
pub fn nearest_id(id: &str) -> Option<&'static str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    ALL.iter()
        .map(|r| (distance(id, r.id), r.id))
        .min()
        .filter(|(d, _)| *d * 3 <= id.chars().count().max(3))
        .map(|(_, near)| near)
}

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn a_misspelt_rule_id_finds_its_rule() {
        assert_eq!(
            super::nearest_id("docno-bracket-from"),
            Some("docno-bracket-form")
        );
        assert_eq!(super::nearest_id("year-abrev"), Some("year-abbrev"));
        assert_eq!(super::nearest_id("something-else-entirely"), None);
    }
    use crate::check::rules::text::is_han;
    use crate::i18n::unquoted;

    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for r in ALL {
            assert_eq!(ALL.iter().filter(|o| o.id == r.id).count(), 1, "{}", r.id);
            assert!(!r.summary.trim().is_empty(), "{}", r.id);
            assert!(!r.summary_en.trim().is_empty(), "{}", r.id);
            let bare = unquoted(r.summary_en);
            assert!(
                !bare.chars().any(is_han),
                "{}: Chinese outside quotes in the English summary: {bare}",
                r.id
            );
            for section in ["检查：", "原因：", "依据："] {
                assert!(r.doc.contains(section), "{}: no {section:?}", r.id);
            }
            for section in ["Checks: ", "Why: ", "Source: "] {
                assert!(r.doc_en.contains(section), "{}: no {section:?}", r.id);
            }
        }
    }

    #[test]
    fn quoted_fragments_are_left_out_of_the_check() {
        assert_eq!(unquoted("A “法制” b 《法》 c"), "A  b  c");
        assert!(unquoted("a 法制").chars().any(is_han));
    }
}
