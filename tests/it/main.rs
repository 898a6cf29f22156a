//! Integration tests: one test binary, one module per area.

mod check;
mod citation;
mod cli;
mod common;
mod docnum;
mod figures;
mod index;
mod input;
mod terms;
