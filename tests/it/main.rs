//! Integration tests: one test binary, one module per area.

mod common;
mod input;
mod cli;
mod check;
mod docnum;
mod citation;
