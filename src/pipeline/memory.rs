//! Giving memory back to the system after a long document lets go of a large part of it.
//!
//! mimalloc keeps what is freed for a second before it returns it to the system (its purge
//! delay), so that the next allocations of a run of small documents find it ready. A long
//! document frees tens of megabytes at once (the bytes read once decoded, the tokens once the
//! rules have run), and the next step allocates as much again within that second: the peak
//! counted both. Returning it at once for every document cost 11% of a two-thread run of the
//! bench (README, Memory); asked for only after a document of a megabyte or more, which no
//! document of the bench is, it costs nothing there and takes 10 to 45 MiB off the peak of an
//! 8 MB text (`scripts/memory-bound.sh`).

/// Documents shorter than this free too little to matter.
const LONG: usize = 1 << 20;

/// Returns the memory the allocator keeps for reuse to the system, after a document of `len`
/// bytes has let go of what it no longer needs; nothing for a short document.
pub(super) fn give_back(len: usize) {
    if len >= LONG {
        // SAFETY: a plain call into mimalloc, which takes it at any time on any thread. Where
        // the process's allocator is another one (the tests), mimalloc's own heaps are empty
        // and the call does nothing.
        unsafe { libmimalloc_sys::mi_collect(true) }
    }
}
