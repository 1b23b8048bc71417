//! The pacing of a bulk run, as a state machine without I/O: which location is sent next (at
//! most [`IN_FLIGHT`] at once), a 429 or 423 pausing every send for its `Retry-After`, Stop,
//! and a continue after a reload that never sends a location twice.
//!
//! The page asks [`Run::next`] for what to send, sends it, and tells [`Run::settle`] how it
//! ended; the run is saved after each of these calls, so that a location is marked "sending"
//! before its `PUT` leaves. A location found "sending" after a reload may or may not have been
//! changed: it is never sent again by a continue, only by an explicit "Retry the failed".

use super::plan::{Step, Verdict};
use serde::{Deserialize, Serialize};

/// Writes in flight at once.
pub const IN_FLIGHT: usize = 4;

/// Where one location of the run stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum Outcome {
    NotSent,
    Sending,
    #[serde(rename_all = "camelCase")]
    Changed {
        status: u16,
        tracking_id: Option<String>,
        at: f64,
        /// The connection read back after the change, in words (`None`: not read back).
        now: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Failed {
        status: Option<u16>,
        message: String,
        tracking_id: Option<String>,
        at: f64,
    },
    /// The page went away while this location was being sent: it may have changed.
    Unknown {
        at: f64,
    },
}

/// How one send ended, as the page tells it.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Changed {
        status: u16,
        tracking_id: Option<String>,
        now: Option<String>,
    },
    Failed {
        status: Option<u16>,
        message: String,
        tracking_id: Option<String>,
    },
    /// 429 or 423: not done; every send waits this long, then this one is sent again.
    Wait { seconds: u32 },
    /// 401: not done; nothing more is sent until the admin signs in again and continues.
    SignedOut,
}

/// Why a run is not sending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Halt {
    /// The admin pressed Stop.
    Stopped,
    /// Webex refused the token: sign in again, then continue.
    SignedOut,
    /// The page was reloaded or closed meanwhile.
    Interrupted,
}

/// What the run is doing, for the page to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Sending,
    /// Waiting for Webex's `Retry-After`, this many seconds left.
    Waiting(u32),
    /// Halted; the requests in flight still finish.
    Stopping(Halt),
    /// Halted with locations not sent: "Continue with the N not sent".
    Halted(Halt),
    /// Nothing left to send.
    Done,
}

/// One location to send, and how it went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub step: Step,
    pub outcome: Outcome,
}

/// Whether a run sets the target or puts a previous run back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Purpose {
    Apply,
    Undo,
}

/// Counts for the progress bar and the history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub changed: usize,
    pub failed: usize,
    /// Not sent yet, sending now included.
    pub left: usize,
    pub sending: usize,
    pub skipped: usize,
}

impl Counts {
    /// Locations the run sends in all.
    pub fn total(&self) -> usize {
        self.changed + self.failed + self.left
    }
}

/// A bulk run: its plan and every result so far. Saved whole to `sessionStorage`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// When it started (ms since the epoch): also its id.
    pub started_at: f64,
    pub purpose: Purpose,
    /// The target in words (`Local gateway, route group "RG-001"`).
    pub target: String,
    pub items: Vec<Item>,
    /// The locations the plan skipped, for the report.
    pub skipped: Vec<Step>,
    pub paused_until: Option<f64>,
    pub halt: Option<Halt>,
    /// Since when the current stretch of sending runs, and how many settled in it (for the
    /// time left).
    resumed_at: f64,
    settled_since: usize,
}

impl Run {
    /// A run of a plan: the steps that will change are sent, the others are reported skipped.
    pub fn new(purpose: Purpose, target: String, steps: Vec<Step>, now: f64) -> Self {
        let (send, skipped): (Vec<Step>, Vec<Step>) = steps
            .into_iter()
            .partition(|s| s.verdict == Verdict::WillChange && s.body.is_some());
        Run {
            started_at: now,
            purpose,
            target,
            items: send
                .into_iter()
                .map(|step| Item {
                    step,
                    outcome: Outcome::NotSent,
                })
                .collect(),
            skipped,
            paused_until: None,
            halt: None,
            resumed_at: now,
            settled_since: 0,
        }
    }

    /// The next location to send now, marked as sending; `None` when halted, waiting, at the
    /// limit in flight, or done.
    pub fn next(&mut self, now: f64) -> Option<usize> {
        if self.halt.is_some() || self.paused_until.is_some_and(|until| until > now) {
            return None;
        }
        self.paused_until = None;
        if self.counts().sending >= IN_FLIGHT {
            return None;
        }
        let i = self
            .items
            .iter()
            .position(|item| item.outcome == Outcome::NotSent)?;
        self.items[i].outcome = Outcome::Sending;
        Some(i)
    }

    /// Records how the send of item `i` ended.
    pub fn settle(&mut self, i: usize, answer: Answer, now: f64) {
        let Some(item) = self.items.get_mut(i) else {
            return;
        };
        if item.outcome != Outcome::Sending {
            return;
        }
        item.outcome = match answer {
            Answer::Changed {
                status,
                tracking_id,
                now: words,
            } => Outcome::Changed {
                status,
                tracking_id,
                at: now,
                now: words,
            },
            Answer::Failed {
                status,
                message,
                tracking_id,
            } => Outcome::Failed {
                status,
                message,
                tracking_id,
                at: now,
            },
            Answer::Wait { seconds } => {
                let until = now + f64::from(seconds.max(1)) * 1000.0;
                self.paused_until = Some(self.paused_until.map_or(until, |u| u.max(until)));
                Outcome::NotSent
            }
            Answer::SignedOut => {
                self.halt = Some(Halt::SignedOut);
                Outcome::NotSent
            }
        };
        if matches!(
            self.items[i].outcome,
            Outcome::Changed { .. } | Outcome::Failed { .. }
        ) {
            self.settled_since += 1;
        }
    }

    /// Stop: the requests in flight finish, nothing more is sent.
    pub fn stop(&mut self) {
        self.halt.get_or_insert(Halt::Stopped);
    }

    /// The run as found in storage after the page went away: whatever was being sent may or
    /// may not have been changed, and is not sent again by a continue.
    pub fn after_reload(&mut self, now: f64) {
        let mut interrupted = false;
        for item in &mut self.items {
            if item.outcome == Outcome::Sending {
                item.outcome = Outcome::Unknown { at: now };
                interrupted = true;
            }
        }
        if interrupted || self.counts().left > 0 {
            self.halt.get_or_insert(Halt::Interrupted);
        }
    }

    /// "Continue with the N not sent": only locations never sent.
    pub fn resume(&mut self, now: f64) {
        self.halt = None;
        self.paused_until = None;
        self.resumed_at = now;
        self.settled_since = 0;
    }

    /// "Retry the N failed": those that failed (or whose outcome is not known) are sent again,
    /// because the admin asked.
    pub fn retry_failed(&mut self, now: f64) {
        for item in &mut self.items {
            if matches!(
                item.outcome,
                Outcome::Failed { .. } | Outcome::Unknown { .. }
            ) {
                item.outcome = Outcome::NotSent;
            }
        }
        self.resume(now);
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            skipped: self.skipped.len(),
            ..Counts::default()
        };
        for item in &self.items {
            match item.outcome {
                Outcome::NotSent => c.left += 1,
                Outcome::Sending => {
                    c.left += 1;
                    c.sending += 1;
                }
                Outcome::Changed { .. } => c.changed += 1,
                Outcome::Failed { .. } | Outcome::Unknown { .. } => c.failed += 1,
            }
        }
        c
    }

    pub fn phase(&self, now: f64) -> Phase {
        let c = self.counts();
        if c.left == 0 {
            return Phase::Done;
        }
        match (self.halt, self.paused_until) {
            (Some(halt), _) if c.sending > 0 => Phase::Stopping(halt),
            (Some(halt), _) => Phase::Halted(halt),
            (None, Some(until)) if until > now => {
                Phase::Waiting(((until - now) / 1000.0).ceil() as u32)
            }
            (None, _) => Phase::Sending,
        }
    }

    /// Milliseconds until a paused run may send again.
    pub fn wait_ms(&self, now: f64) -> Option<f64> {
        self.paused_until.map(|u| (u - now).max(0.0))
    }

    /// The seconds left at the pace so far in this stretch; `None` before anything settled.
    pub fn seconds_left(&self, now: f64) -> Option<u64> {
        let left = self.counts().left;
        if self.settled_since == 0 || left == 0 {
            return (left == 0).then_some(0);
        }
        let per_item = (now - self.resumed_at).max(0.0) / self.settled_since as f64;
        Some((per_item * left as f64 / 1000.0).ceil() as u64)
    }

    /// The changed locations' steps, for an undo.
    pub fn changed(&self) -> impl Iterator<Item = &Step> {
        self.items
            .iter()
            .filter(|i| matches!(i.outcome, Outcome::Changed { .. }))
            .map(|i| &i.step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::requests::PstnConnectionUpdate;

    fn steps(n: usize) -> Vec<Step> {
        (0..n)
            .map(|i| Step {
                location_id: format!("L{i}"),
                location_name: format!("Site {i}"),
                from: "Not configured".into(),
                to: "Local gateway, trunk \"T\"".into(),
                verdict: Verdict::WillChange,
                body: Some(PstnConnectionUpdate::NonIntegratedCcp { id: "P".into() }),
                undo: None,
            })
            .collect()
    }

    fn changed() -> Answer {
        Answer::Changed {
            status: 204,
            tracking_id: Some("T".into()),
            now: None,
        }
    }

    fn run(n: usize) -> Run {
        Run::new(Purpose::Apply, "x".into(), steps(n), 0.0)
    }

    /// Sends everything that may go now.
    fn take_all(run: &mut Run, now: f64) -> Vec<usize> {
        std::iter::from_fn(|| run.next(now)).collect()
    }

    #[test]
    fn at_most_four_in_flight_and_each_sent_once() {
        let mut r = run(10);
        assert_eq!(take_all(&mut r, 0.0), [0, 1, 2, 3]);
        r.settle(1, changed(), 10.0);
        assert_eq!(take_all(&mut r, 10.0), [4]);
        let mut sent = vec![0, 1, 2, 3, 4];
        let mut now = 10.0;
        while r.phase(now) != Phase::Done {
            now += 10.0;
            for i in 0..r.items.len() {
                if r.items[i].outcome == Outcome::Sending {
                    r.settle(i, changed(), now);
                }
            }
            sent.extend(take_all(&mut r, now));
        }
        sent.sort_unstable();
        assert_eq!(sent, (0..10).collect::<Vec<_>>(), "every location once");
        assert_eq!(r.counts().changed, 10);
    }

    #[test]
    fn a_429_pauses_every_send_for_its_retry_after_then_resends_that_one() {
        let mut r = run(6);
        assert_eq!(take_all(&mut r, 0.0), [0, 1, 2, 3]);
        r.settle(2, Answer::Wait { seconds: 3 }, 100.0);
        r.settle(0, changed(), 150.0);
        assert_eq!(r.phase(200.0), Phase::Waiting(3));
        assert_eq!(r.next(200.0), None, "nothing goes while waiting");
        assert_eq!(r.next(3099.0), None);
        assert_eq!(r.items[2].outcome, Outcome::NotSent);
        // Once the wait is over, the refused one goes first again.
        assert_eq!(take_all(&mut r, 3100.0), [2, 4]);
        assert_eq!(r.phase(3100.0), Phase::Sending);
        // A 423 on another extends, never shortens, the pause.
        r.settle(1, Answer::Wait { seconds: 5 }, 3200.0);
        r.settle(3, Answer::Wait { seconds: 1 }, 3300.0);
        assert_eq!(r.wait_ms(3300.0), Some(4900.0));
    }

    #[test]
    fn stop_finishes_what_is_in_flight_and_sends_no_more() {
        let mut r = run(8);
        take_all(&mut r, 0.0);
        r.stop();
        assert_eq!(r.phase(1.0), Phase::Stopping(Halt::Stopped));
        assert_eq!(r.next(1.0), None);
        for i in 0..4 {
            r.settle(i, changed(), 2.0);
        }
        assert_eq!(r.phase(2.0), Phase::Halted(Halt::Stopped));
        let c = r.counts();
        assert_eq!((c.changed, c.left, c.sending), (4, 4, 0));
        r.resume(3.0);
        assert_eq!(take_all(&mut r, 3.0), [4, 5, 6, 7]);
    }

    #[test]
    fn a_continue_after_a_reload_never_resends() {
        let mut r = run(6);
        take_all(&mut r, 0.0);
        r.settle(0, changed(), 1.0);
        // The page goes away with 1, 2, 3 in flight; the saved run comes back.
        let saved = serde_json::to_string(&r).unwrap();
        let mut back: Run = serde_json::from_str(&saved).unwrap();
        back.after_reload(5.0);
        assert_eq!(back.phase(5.0), Phase::Halted(Halt::Interrupted));
        assert_eq!(
            back.next(5.0),
            None,
            "nothing goes before the admin continues"
        );
        back.resume(6.0);
        assert_eq!(take_all(&mut back, 6.0), [4, 5]);
        for i in [4, 5] {
            back.settle(i, changed(), 7.0);
        }
        assert_eq!(back.phase(7.0), Phase::Done);
        let c = back.counts();
        assert_eq!((c.changed, c.failed, c.left), (3, 3, 0));
        assert_eq!(back.items[1].outcome, Outcome::Unknown { at: 5.0 });
        // Only an explicit retry sends those again.
        back.retry_failed(8.0);
        assert_eq!(take_all(&mut back, 8.0), [1, 2, 3]);
    }

    #[test]
    fn a_401_halts_and_the_refused_location_is_not_sent_yet() {
        let mut r = run(6);
        take_all(&mut r, 0.0);
        r.settle(0, changed(), 1.0);
        r.settle(1, Answer::SignedOut, 2.0);
        assert_eq!(r.phase(2.0), Phase::Stopping(Halt::SignedOut));
        r.settle(2, Answer::SignedOut, 3.0);
        r.settle(3, changed(), 3.0);
        assert_eq!(r.phase(3.0), Phase::Halted(Halt::SignedOut));
        assert_eq!(r.counts().left, 4);
        r.resume(10.0);
        assert_eq!(take_all(&mut r, 10.0), [1, 2, 4, 5]);
    }

    #[test]
    fn failures_are_kept_and_retried_only_when_asked() {
        let mut r = run(2);
        take_all(&mut r, 0.0);
        let failed = Answer::Failed {
            status: Some(400),
            message: "Trunk is not available".into(),
            tracking_id: Some("ROUTER_1".into()),
        };
        r.settle(0, failed, 1.0);
        r.settle(1, changed(), 1.0);
        assert_eq!(r.phase(1.0), Phase::Done);
        assert_eq!(r.next(1.0), None);
        assert_eq!(r.counts().failed, 1);
        r.retry_failed(2.0);
        assert_eq!(take_all(&mut r, 2.0), [0]);
        assert_eq!(r.changed().count(), 1);
    }

    #[test]
    fn skipped_steps_are_reported_not_sent_and_time_left_follows_the_pace() {
        let mut all = steps(3);
        all[1].verdict = Verdict::AlreadySet;
        let mut r = Run::new(Purpose::Apply, "x".into(), all, 0.0);
        assert_eq!(r.counts().skipped, 1);
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.seconds_left(0.0), None);
        take_all(&mut r, 0.0);
        r.settle(0, changed(), 2000.0);
        assert_eq!(r.seconds_left(2000.0), Some(2));
        r.settle(1, changed(), 2500.0);
        assert_eq!(r.seconds_left(2500.0), Some(0));
    }
}
