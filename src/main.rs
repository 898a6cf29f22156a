//! The `gongwen` command line: parses, dispatches, exits. Everything else is in `cli/` and the
//! library.

mod cli;

/// mimalloc rather than the system allocator: segmenting, checking and tabulating allocate and
/// free millions of small vectors and strings, which glibc's allocator made a twentieth of the
/// run, and its free lists are per thread.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the option enumeration of the mimalloc that libmimalloc-sys
/// builds (v3, `mimalloc.h`); libmimalloc-sys names no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // mimalloc keeps memory that was freed for a second before it gives it back to the system. A long document frees its tokens just before its
    // rows are made, so the peak counted both. Giving freed memory back at once: peak RSS of
    // `extract` on 8 MB of text in one line 207 → 148 MiB, of a tiny file 116 → 86 MiB, with
    // no cost in time measured on the bench (README, Memory). The option's default is checked
    // first, so that an allocator whose options are numbered otherwise is left as it is.
    // SAFETY: plain calls into mimalloc's option table, which takes them at any time.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == 1000 {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        }
    }
    cli::run()
}
