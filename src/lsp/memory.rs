//! Giving memory back to the system after large documents close.
//!
//! glibc's allocator returns freed memory to the system only from the top of each heap. A
//! large document leaves its rope, the text of each version and their analyses spread over
//! the worker threads' heaps; once it is closed nearly all of that is free but stays
//! resident, hundreds of MB for a 20 MB page, for as long as the editor runs. A trim a moment
//! after the last large close (when analyses still running on it have finished) hands the
//! free pages back. Other allocators and platforms need nothing here.

// Linked for `mi_collect` below, whichever allocator the program installed.
use mimalloc as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Makes the allocator hand emptied pages back to the system at once rather than after a
/// delay. A server holds on to whatever its threads once used; the cost, a system call
/// per emptied page, is small next to an analysis. Call before the runtime starts.
pub(crate) fn release_eagerly() {
    extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3).
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: `mi_option_set` takes no pointers; options may be set at any time.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

/// Closing a document at least this large schedules a trim.
pub(crate) const TRIM_AFTER_CLOSING_BYTES: usize = 1024 * 1024;

/// How long after the last large close the trim runs.
pub(crate) const TRIM_DELAY: Duration = Duration::from_secs(1);

/// Bumped by every request for a trim; a scheduled trim runs only if none came after it.
static REQUESTS: AtomicU64 = AtomicU64::new(0);

/// Schedules a trim [`TRIM_DELAY`] from now, replacing one already scheduled. Must be called
/// on the server's runtime; does nothing elsewhere.
pub(crate) fn trim_soon() {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let this = REQUESTS.fetch_add(1, Ordering::Relaxed) + 1;
    runtime.spawn(async move {
        tokio::time::sleep(TRIM_DELAY).await;
        if REQUESTS.load(Ordering::Relaxed) == this {
            let _ = tokio::task::spawn_blocking(trim).await;
        }
    });
}

fn trim() {
    // mimalloc is the binary's allocator (src/main.rs); glibc's still serves the C parts
    // and any other program built on this library.
    extern "C" {
        fn mi_collect(force: bool);
    }
    // SAFETY: `mi_collect` takes no pointers; it frees what the heaps hold unused. The
    // symbol comes from the `mimalloc` crate, linked into every build of this library.
    unsafe {
        mi_collect(true);
    }
    trim_glibc();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim_glibc() {
    extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: `malloc_trim` takes no pointers and is thread-safe (it locks each arena).
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim_glibc() {}
