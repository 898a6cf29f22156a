//! The `gongwen` command line: parses, dispatches, exits. Everything else is in `cli/` and the
//! library.

mod cli;

/// mimalloc rather than the system allocator: segmenting, checking and tabulating allocate and
/// free millions of small vectors and strings, which glibc's allocator made a twentieth of the
/// run, and its free lists are per thread.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
