//! The rule registry. Ids and default severities follow the rule catalogue; an id is never
//! renamed or reused.

mod attachment;
mod numbering;
mod numbers;
mod punct;
mod registry;
mod text;
mod wording;

use std::sync::atomic::AtomicBool;

use super::Rule;

/// When set, rules that fold a style used throughout a document into one finding report every
/// occurrence instead.
pub static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[
    &registry::LAW_CURRENCY,
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
    &numbers::YEAR_ABBREV,
    &numbers::DATE_ZERO_PADDING,
    &numbers::SIGNOFF_DATE_CHINESE,
    &numbers::DATE_INVALID,
    &numbers::ZERO_GLYPH,
    &numbers::FULLWIDTH_DIGITS,
    &numbers::NUMERAL_MIXING,
    &numbers::RANGE_UNIT_OMISSION,
    &numbers::APPROX_ADJACENT_DUNHAO,
    &numbers::NUMERIC_WORDING,
    &numbers::YU_POSITION,
    &numbers::SESSION_NUMERALS,
    &numbers::THOUSANDS_SEPARATOR,
    &wording::TERM_ODD_ONE_OUT,
    &wording::FAZHI_VS_FAZHI,
    &wording::CONFUSABLE_LEXICON,
    &wording::REPEATED_TOKEN,
    &wording::PLACEHOLDER_RESIDUE,
    &wording::TRADITIONAL_VARIANT_CHARS,
    &wording::OUTDATED_INSTITUTION,
    &wording::CANONICAL_PHRASE,
    &attachment::ATTACHMENT_NOTE_FORM,
    &attachment::ATTACHMENT_NOTE_MISMATCH,
];
