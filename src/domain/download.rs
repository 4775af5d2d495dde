//! Limits on downloading a programme file, so that nothing leaves the page on "Loading…" for
//! ever and no file can exhaust a phone's memory (README, "Limits"). The browser adapter
//! (src/browser/fetch.rs) reads the body in chunks and asks `judge` after each one; it also
//! gives up when no byte has arrived for `STALL_MS`.

use super::programme::MAX_PROGRAMME_BYTES;

/// No byte for this long (nor the answer's headers): the download has stalled.
pub const STALL_MS: u32 = 20_000;
/// After this long, a download must have averaged at least `MIN_BYTES_PER_SECOND`: a body
/// that trickles in a few bytes at a time never ends otherwise.
pub const RATE_CHECKED_AFTER_MS: u32 = 30_000;
pub const MIN_BYTES_PER_SECOND: u64 = 1024;
/// Progress is shown for files of at least this size (known from `Content-Length`, or
/// received so far): smaller ones arrive before a reader could read it.
pub const PROGRESS_FROM_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Continue,
    /// Over `MAX_PROGRAMME_BYTES` (announced or received).
    TooLarge,
    /// Too slow on average (see `MIN_BYTES_PER_SECOND`).
    TooSlow,
}

/// After a chunk: `received` bytes in `elapsed_ms`, of `announced` (the `Content-Length`, when
/// the server sent one).
pub fn judge(received: u64, announced: Option<u64>, elapsed_ms: f64) -> Verdict {
    if received > MAX_PROGRAMME_BYTES || announced.is_some_and(|size| size > MAX_PROGRAMME_BYTES) {
        return Verdict::TooLarge;
    }
    if elapsed_ms >= f64::from(RATE_CHECKED_AFTER_MS) && (received as f64) < MIN_BYTES_PER_SECOND as f64 * elapsed_ms / 1000.0 {
        return Verdict::TooSlow;
    }
    Verdict::Continue
}

/// Whether to show progress for a download of this size.
pub fn shows_progress(received: u64, announced: Option<u64>) -> bool {
    announced.unwrap_or(received).max(received) >= PROGRESS_FROM_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_as_announced_or_as_it_arrives() {
        assert_eq!(judge(10, Some(MAX_PROGRAMME_BYTES + 1), 5.0), Verdict::TooLarge);
        assert_eq!(judge(MAX_PROGRAMME_BYTES + 1, None, 5.0), Verdict::TooLarge);
        // A server announcing less than it sends is caught by the count.
        assert_eq!(judge(MAX_PROGRAMME_BYTES + 1, Some(100), 5.0), Verdict::TooLarge);
        assert_eq!(judge(MAX_PROGRAMME_BYTES, Some(MAX_PROGRAMME_BYTES), 5.0), Verdict::Continue);
    }

    #[test]
    fn a_trickle_is_stopped_once_the_rate_is_checked() {
        // 1 byte a second: fine at first, refused after 30 s.
        assert_eq!(judge(20, None, 20_000.0), Verdict::Continue);
        assert_eq!(judge(30, None, 30_000.0), Verdict::TooSlow);
        // A slow but real network (2G, ~10 KB/s) is not.
        assert_eq!(judge(10 * 1024 * 60, Some(5 * 1024 * 1024), 60_000.0), Verdict::Continue);
    }

    #[test]
    fn progress_is_for_large_files() {
        assert!(!shows_progress(10_000, Some(11_000)));
        assert!(shows_progress(10_000, Some(2 * 1024 * 1024)));
        assert!(shows_progress(PROGRESS_FROM_BYTES, None));
    }
}
