//! Extractors: small pure functions over borrowed text that return owned records with byte
//! spans. They normalise while matching (full-width digits, bracket variants) but never rewrite
//! the text.

pub mod citation;
pub mod docnum;
pub mod figures;
pub mod meta;
pub mod numerals;
