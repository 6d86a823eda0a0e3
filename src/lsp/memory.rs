//! Giving memory back to the system after large documents close.
//!
//! glibc's allocator returns freed memory to the system only from the top of each heap. A
//! large document leaves its rope, the text of each version and their analyses spread over
//! the worker threads' heaps; once it is closed nearly all of that is free but stays
//! resident, hundreds of MB for a 20 MB page, for as long as the editor runs. A trim a moment
//! after the last large close (when analyses still running on it have finished) hands the
//! free pages back. Other allocators and platforms need nothing here.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: `malloc_trim` takes no pointers and is thread-safe (it locks each arena).
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}
