//! Integration tests: one test binary, one module per area.

mod check;
mod cli;
mod common;
mod input;
