//! Integration tests: one test binary, one module per area.

mod annotate;
mod check;
mod checks_ab;
mod checks_cg;
mod checks_fig;
mod citation;
mod cli;
mod common;
mod docnum;
mod figures;
mod fix;
mod formats;
mod hostile;
mod hostile_io;
mod index;
mod input;
mod lang;
mod law_history;
mod precision;
mod props;
mod registers;
mod reliability;
mod report;
mod rule_fixtures;
mod terms;
mod typo_devset;
