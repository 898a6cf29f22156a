//! Wording rules: confusable terms, 法治/法制, duplicated words, template leftovers, traditional
//! characters, abolished organs and fixed formulations. The word lists live in `dicts/`.
//!
//! What several of them share: reading a word list, and the one scan of a document that finds
//! where a string of any list may start.

pub mod canonical_phrase;
pub mod confusable_lexicon;
pub mod fazhi_vs_fazhi;
pub mod missing_char;
pub mod outdated_institution;
pub mod placeholder_residue;
pub mod repeated_token;
pub mod term_odd_one_out;
pub mod traditional_variant_chars;
pub mod typo;

use std::sync::LazyLock;

use super::text;
use canonical_phrase::PHRASE_HALVES;
use missing_char::SHORT_NEEDLES;
use outdated_institution::OLD;
use term_odd_one_out::PAIR_WORDS;
use traditional_variant_chars::VARIANT_MATCHER;

/// The entries of a word list: lines that are neither blank nor `#` notes.
pub(super) fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The word lists read character by character (the others are few strings, each found by a
/// substring search): one scan of a document finds where any of their strings may start.
pub(crate) static LIST_STARTS: LazyLock<text::Starts> = LazyLock::new(|| {
    text::Starts::of(&[
        &PAIR_WORDS,
        &VARIANT_MATCHER,
        &OLD,
        &PHRASE_HALVES,
        &SHORT_NEEDLES,
    ])
});
