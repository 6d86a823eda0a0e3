//! Giving memory back to the system. Emptied pages wait a second before mimalloc hands them
//! back, so that the next edit of a large page finds them; every thread of the server (the
//! main loop and each worker, see `server`) gives back what its heap holds once it has been
//! idle for a second, and the main loop trims glibc's allocator, serving the C parts, too.

use std::time::Duration;

use libmimalloc_sys::{mi_collect, mi_option_set, mi_option_t};

/// How long a thread of the server waits for work before it gives back what its heap holds.
pub(crate) const IDLE: Duration = Duration::from_secs(1);

/// Makes emptied pages wait a second before they go back to the system. Each edit of a large
/// page frees megabytes (the re-checked findings, the message that carried them) that the
/// next edit allocates again; pages handed back at once came back zeroed by the kernel, at a
/// cost greater than the re-check's (a 1 MB page's edits: p95 5–14 ms, against 2 ms kept).
/// Call before the server's threads start.
pub(crate) fn keep_freed_pages() {
    /// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3), in
    /// milliseconds; `libmimalloc-sys` does not name it.
    const MI_OPTION_PURGE_DELAY: mi_option_t = 15;
    // SAFETY: `mi_option_set` takes no pointers; options may be set at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1000) }
}

/// A worker with nothing to do gives back the pages its heap keeps (mimalloc's heaps are per
/// thread: no other thread can).
pub(crate) fn collect_idle() {
    // SAFETY: `mi_collect` takes no pointers; it frees what this thread's heap holds unused.
    unsafe { mi_collect(true) }
}

/// [`collect_idle`] for the main loop, which also returns what glibc's allocator holds free.
pub(crate) fn trim() {
    collect_idle();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: `malloc_trim` takes no pointers and is thread-safe (it locks each arena).
        unsafe { malloc_trim(0) };
    }
}
