//! Integration tests: one test binary, one module per area.

mod citation;
mod common;
mod docnum;
