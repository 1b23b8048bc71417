//! A per-token limit on writes, like Webex's: more than `per_second` writes (POST, PUT, DELETE)
//! by one token within a second are answered 429 with `Retry-After`. Off unless the command line
//! (`--write-limit N`) or a test (`POST /_sim/rate-limit`) turns it on.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(1);

/// The writes each token made in the last second, and how many it may make.
#[derive(Debug, Default)]
pub struct WriteLimit {
    per_second: Option<u32>,
    recent: HashMap<String, VecDeque<Instant>>,
}

impl WriteLimit {
    /// A limit of `per_second` writes per token (`None`: unlimited).
    pub fn new(per_second: Option<u32>) -> Self {
        WriteLimit {
            per_second: per_second.filter(|n| *n > 0),
            recent: HashMap::new(),
        }
    }

    /// The writes allowed per token and second, if limited.
    pub fn per_second(&self) -> Option<u32> {
        self.per_second
    }

    /// Counts a write by `token` at `now`: `Ok` when allowed, else the whole seconds to wait.
    pub fn admit(&mut self, token: &str, now: Instant) -> Result<(), u64> {
        let Some(limit) = self.per_second else {
            return Ok(());
        };
        let recent = self.recent.entry(token.to_owned()).or_default();
        while recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            recent.pop_front();
        }
        if recent.len() >= limit as usize {
            let oldest = recent.front().copied().unwrap_or(now);
            let left = WINDOW.saturating_sub(now.duration_since(oldest));
            // Retry-After is in whole seconds: never 0, so a client that obeys it gets through.
            return Err(left.as_secs_f64().ceil().max(1.0) as u64);
        }
        recent.push_back(now);
        Ok(())
    }
}

/// Whether a call of `method` is a write the limit counts.
pub fn is_write(method: &str) -> bool {
    matches!(method, "POST" | "PUT" | "DELETE" | "PATCH")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default() {
        let mut limit = WriteLimit::default();
        let now = Instant::now();
        assert!((0..1000).all(|_| limit.admit("t", now).is_ok()));
        assert_eq!(WriteLimit::new(Some(0)).per_second(), None);
    }

    #[test]
    fn more_than_the_limit_in_a_second_waits_per_token() {
        let mut limit = WriteLimit::new(Some(2));
        let t0 = Instant::now();
        assert!(limit.admit("a", t0).is_ok());
        assert!(limit.admit("a", t0 + Duration::from_millis(100)).is_ok());
        assert_eq!(limit.admit("a", t0 + Duration::from_millis(200)), Err(1));
        // Another token has its own budget.
        assert!(limit.admit("b", t0 + Duration::from_millis(200)).is_ok());
        // A refused write does not count; once the first write is a second old, one more fits.
        assert!(limit.admit("a", t0 + Duration::from_millis(1000)).is_ok());
        assert_eq!(limit.admit("a", t0 + Duration::from_millis(1050)), Err(1));
        assert!(is_write("PUT") && is_write("DELETE") && !is_write("GET"));
    }
}
