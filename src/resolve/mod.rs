//! Resolving citations: what a cited title is (the law catalogue, users' registers) and whether
//! it is in force.

pub mod catalogue;
pub mod register;

pub use catalogue::{
    iso, key, lookup_key, parse_date, today, Catalogue, Date, DocDate, Entry, History, Resolution,
    Status,
};
pub use register::{Register, RegisterEntry};

use crate::extract::citation::CitationKind;

/// Whether the catalogue applies to citations of this kind.
pub fn applies_to(kind: CitationKind) -> bool {
    matches!(
        kind,
        CitationKind::Law | CitationKind::Regulation | CitationKind::JudicialInterpretation
    )
}
