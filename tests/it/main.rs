//! Integration tests: one test binary, one module per area.

mod common;
mod figures;
