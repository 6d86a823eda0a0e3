//! Giving memory back to the system after large documents close: mimalloc hands emptied pages
//! back at once, and a collection a moment after the last large close (see `server`)
//! returns what the heaps still hold; glibc's allocator, serving the C parts, is trimmed too.

/// Closing a document at least this large schedules a trim.
pub(crate) const TRIM_AFTER_CLOSING_BYTES: usize = 1024 * 1024;

/// Makes the allocator hand emptied pages back to the system at once rather than after a
/// delay. A server holds on to whatever its threads once used; the cost, a system call per
/// emptied page, is small next to an analysis. Call before the server's threads start.
pub(crate) fn release_eagerly() {
    /// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3), which
    /// `libmimalloc-sys` does not name.
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: `mi_option_set` takes no pointers; options may be set at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// Returns free memory to the system.
pub(crate) fn trim() {
    // SAFETY: `mi_collect` takes no pointers; it frees what the heaps hold unused.
    unsafe { libmimalloc_sys::mi_collect(true) }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: `malloc_trim` takes no pointers and is thread-safe (it locks each arena).
        unsafe { malloc_trim(0) };
    }
}
