//! The rule registry. Ids and default severities follow the rule catalogue; an id is never
//! renamed or reused.

mod citation;
mod docno;
mod punct;
mod registry;

use super::Rule;

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
    &registry::LAW_CURRENCY,
    &citation::TITLE_NESTED_MARKS,
    &citation::TITLE_MARKS_MISUSE,
    &citation::TITLE_ENUM_DUNHAO,
    &punct::CJK_ONE_AS_DASH,
];
