//! Number and date rules (GB/T 15835-2011; GB/T 9704-2012 7.3.5.4) that need no figures, and
//! the line selection and look-behind they share.

pub mod approx_adjacent_dunhao;
pub mod date_invalid;
pub mod date_zero_padding;
pub mod fullwidth_digits;
pub mod numeral_mixing;
pub mod numeric_wording;
pub mod range_unit_omission;
pub mod session_numerals;
pub mod signoff_date_chinese;
pub mod thousands_separator;
pub mod year_abbrev;
pub mod yu_position;
pub mod zero_glyph;

use super::text;
use crate::check::DocContext;

/// The lines for a rule whose every pattern needs an ASCII digit.
pub(super) fn digit_body<'c>(ctx: &'c DocContext) -> impl Iterator<Item = (usize, &'c str)> {
    ctx.digit_lines().iter().copied()
}

pub(super) fn prev_char(line: &str, at: usize) -> Option<char> {
    text::char_before(line, at)
}
