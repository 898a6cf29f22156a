//! The rule registry. Ids and default severities follow the rule catalogue; an id is never
//! renamed or reused.

mod attachment;
mod citation;
mod docno;
mod figrules;
mod numbering;
mod numbers;
mod punct;
pub(crate) mod text;
pub(crate) mod wording;

use std::sync::atomic::AtomicBool;

use super::Rule;

pub use figrules::batch_metrics;

/// When set, rules that fold a style used throughout a document into one finding report every
/// occurrence instead.
pub static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[
    &docno::BRACKET_FORM,
    &docno::YEAR_FULL,
    &docno::SERIAL_DI,
    &docno::SERIAL_LEADING_ZERO,
    &docno::MISSING_HAO,
    &docno::SPACING,
    &docno::AGENCY_MISMATCH,
    &docno::TITLE_CONFLICT,
    &docno::TITLE_DOCNO_CONFLICT,
    &docno::YEAR_FUTURE,
    &citation::CITATION_ORDER,
    &citation::CITATION_PAREN_WIDTH,
    &citation::TITLE_AGENCY_INFORMAL,
    &citation::TITLE_NEAR_DUPLICATE,
    &citation::TITLE_VARIANT_PUNCT,
    &citation::ABBREV_UNDECLARED,
    &citation::LAW_NAME_PREFIX,
    &citation::law_currency::LAW_CURRENCY,
    &citation::TITLE_NESTED_MARKS,
    &citation::TITLE_MARKS_MISUSE,
    &citation::TITLE_ENUM_DUNHAO,
    &punct::HALFWIDTH_PUNCT_IN_CJK,
    &punct::CJK_ONE_AS_DASH,
    &punct::RANGE_MARK_FORM,
    &punct::QUOTE_FORM,
    &punct::UNPAIRED_MARKS,
    &punct::DUPLICATE_PUNCT,
    &punct::HEADING_TRAILING_PERIOD,
    &punct::ELLIPSIS_FORM,
    &punct::FULLWIDTH_COLON,
    &punct::SPACE_IN_CJK,
    &numbering::HEADING_NUMBER_FORM,
    &numbering::HEADING_NUMBER_SEQUENCE,
    &numbering::HEADING_LEVEL_ORDER,
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
    &figrules::RATE_OVERFLOW,
    &figrules::SUM_MISMATCH,
    &figrules::METRIC_INCONSISTENT,
    &numbers::thousands_separator::THOUSANDS_SEPARATOR,
    &wording::TERM_ODD_ONE_OUT,
    &wording::FAZHI_VS_FAZHI,
    &wording::CONFUSABLE_LEXICON,
    &wording::REPEATED_TOKEN,
    &wording::PLACEHOLDER_RESIDUE,
    &wording::TRADITIONAL_VARIANT_CHARS,
    &wording::OUTDATED_INSTITUTION,
    &wording::CANONICAL_PHRASE,
    &attachment::attachment_note_form::ATTACHMENT_NOTE_FORM,
    &attachment::attachment_note_mismatch::ATTACHMENT_NOTE_MISMATCH,
];

#[cfg(test)]
mod tests {
    use super::ALL;
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
