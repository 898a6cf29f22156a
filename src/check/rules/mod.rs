//! The rule registry. Ids and default severities follow the rule catalogue; an id is never
//! renamed or reused.

mod punct;
mod registry;

use super::Rule;

/// Every rule, in catalogue order.
pub static ALL: &[&Rule] = &[&registry::LAW_CURRENCY, &punct::CJK_ONE_AS_DASH];
