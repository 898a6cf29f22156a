//! The command line as a user types it: each `tests/cmd/*.toml` case runs the built `gongwen`
//! with its arguments in its folder and states the whole of stdout, stderr and the exit status.
//! `TRYCMD=overwrite cargo test --test cli_cases` rewrites the cases from what the tool says now.

use std::time::Duration;

#[test]
fn cli_cases() {
    // The cases state the default (Chinese) messages and plain clap errors; a developer's own
    // GONGWEN_LANG or forced colours would change them. This is the only test of this binary,
    // so no other thread reads the environment meanwhile.
    std::env::remove_var("GONGWEN_LANG");
    std::env::remove_var("CLICOLOR_FORCE");
    trycmd::TestCases::new()
        .default_bin_name("gongwen")
        // A guard against a hung command, not a measure of speed.
        .timeout(Duration::from_secs(120))
        .case("tests/cmd/*.toml");
}
