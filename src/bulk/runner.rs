//! Runs a bulk change against Webex: sends what [`Run::next`] allows, tells [`Run::settle`] how
//! each ended, and keeps the run in `sessionStorage` after every step. It lives for the whole
//! console (not one page), so that requests in flight finish and are recorded when the page is
//! left or the session expires; a page attaches to it for the signed-in admin and organization.

use super::pacing::{Answer, Counts, Phase, Purpose, Run};
use crate::api::pstn::{self, Connection};
use crate::api::requests::PstnConnectionUpdate;
use crate::api::{ApiError, Client};
use crate::clock::now_ms;
use crate::components::pstn_connection::{describe, unchanged, RouteNames};
use crate::history::{self, Entry, Outcome, What};
use crate::kept_lists::{group_of_update, KeptLists, RouteChange};
use crate::tab_storage::{self, Scope};
use leptos::prelude::*;

const NAME: &str = "bulk-run";

/// The bulk run of this tab, shared through context.
#[derive(Clone, Copy)]
pub struct Runner {
    run: RwSignal<Option<Run>>,
    scope: RwSignal<Option<Scope>>,
    client: StoredValue<Option<Client>, LocalStorage>,
    names: StoredValue<RouteNames>,
    /// The session's kept lists, told of every connection the run sets.
    lists: KeptLists,
    /// Now, refreshed every second while the run is busy (the wait's seconds, time left).
    pub clock: RwSignal<f64>,
    ticking: StoredValue<bool>,
    /// False when the tab's storage could not hold the run: a reload would lose it.
    pub kept: RwSignal<bool>,
}

impl Runner {
    pub fn new(lists: KeptLists) -> Self {
        Runner {
            lists,
            run: RwSignal::new(None),
            scope: RwSignal::new(None),
            client: StoredValue::new_local(None),
            names: StoredValue::new(RouteNames::default()),
            clock: RwSignal::new(0.0),
            ticking: StoredValue::new(false),
            kept: RwSignal::new(true),
        }
    }

    /// The run of this admin and organization (tracked).
    pub fn run(&self) -> ReadSignal<Option<Run>> {
        self.run.read_only()
    }

    /// Shows the run of `scope`: the one in memory when it is this scope's (its requests may
    /// still be in flight, say after a 401), else the one kept in storage, as left by a reload.
    pub fn attach(&self, scope: Scope, names: RouteNames) {
        self.names.set_value(names);
        if self.scope.with_untracked(|s| s.as_ref() == Some(&scope)) {
            return;
        }
        let mut run: Option<Run> = tab_storage::load(&scope, NAME);
        if let Some(run) = &mut run {
            run.after_reload(now_ms());
        }
        self.scope.set(Some(scope));
        self.run.set(run);
        self.save();
        self.clock.set(now_ms());
    }

    /// Starts a new run with the signed-in `client` (the previous one is forgotten).
    pub fn start(&self, run: Run, client: Client) {
        self.run.set(Some(run));
        self.record();
        self.go(client);
    }

    /// Stop: what is in flight finishes, nothing more is sent.
    pub fn stop(&self) {
        self.update(Run::stop);
        self.record();
    }

    /// Continue with the locations not sent.
    pub fn resume(&self, client: Client) {
        self.update(|r| r.resume(now_ms()));
        self.go(client);
    }

    /// Sends the failed ones again.
    pub fn retry_failed(&self, client: Client) {
        self.update(|r| r.retry_failed(now_ms()));
        self.go(client);
    }

    /// Forgets a finished run, to start another.
    pub fn discard(&self) {
        self.run.set(None);
        if let Some(scope) = self.scope.get_untracked() {
            tab_storage::remove(&scope, NAME);
        }
    }

    fn update(&self, f: impl FnOnce(&mut Run)) {
        self.run.update(|r| {
            if let Some(r) = r {
                f(r);
            }
        });
        self.save();
    }

    fn save(&self) {
        let Some(scope) = self.scope.get_untracked() else {
            return;
        };
        let kept = self.run.with_untracked(|r| match r {
            Some(r) => tab_storage::save(&scope, NAME, r),
            None => {
                tab_storage::remove(&scope, NAME);
                true
            }
        });
        if self.kept.get_untracked() != kept {
            self.kept.set(kept);
        }
    }

    /// The run's one entry in the history, with its counts so far.
    fn record(&self) {
        let scope = self.scope.get_untracked();
        self.run.with_untracked(|r| {
            let Some(r) = r else { return };
            let c: Counts = r.counts();
            let (what, after) = match r.purpose {
                Purpose::Apply => (What::PstnBulk, r.target.clone()),
                Purpose::Undo => (
                    What::PstnBulkUndo,
                    "each location's connection before".to_owned(),
                ),
            };
            let mut entry = Entry::new(what, &format!("{} locations", c.total() + c.skipped))
                .id(format!("bulk-{}", r.started_at))
                .link("/locations/bulk")
                .change("", after)
                .outcome(Outcome::Counts {
                    changed: c.changed,
                    failed: c.failed,
                    skipped: c.skipped,
                    not_sent: c.left,
                });
            entry.at = r.started_at;
            history::record(&scope, entry);
        });
    }

    fn go(&self, client: Client) {
        self.client.set_value(Some(client));
        self.tick();
        self.pump();
    }

    /// Sends everything the run allows now; when it waits, comes back after the wait.
    fn pump(self) {
        let Some(client) = self.client.try_get_value().flatten() else {
            return;
        };
        let mut sent = Vec::new();
        self.run.update(|r| {
            if let Some(r) = r {
                while let Some(i) = r.next(now_ms()) {
                    let step = &r.items[i].step;
                    if let Some(body) = step.body.clone() {
                        // The route group it goes through before, from what would put it back.
                        let left = step
                            .undo
                            .as_ref()
                            .and_then(group_of_update)
                            .map(str::to_owned);
                        sent.push((i, step.location_id.clone(), body, step.to.clone(), left));
                    }
                }
            }
        });
        // Marked "sending" in storage before any of them leaves.
        self.save();
        let (scope, started_at) = (
            self.scope.get_untracked(),
            self.run
                .with_untracked(|r| r.as_ref().map(|r| r.started_at)),
        );
        for (i, location_id, body, to, left) in sent {
            let client = client.clone();
            let names = self.names.get_value();
            let scope = scope.clone();
            leptos::task::spawn_local(async move {
                let (answer, now) = send(&client, &location_id, &body, &to, &names).await;
                if matches!(answer, Answer::Changed { .. }) && self.shows(&scope, started_at) {
                    let route = RouteChange {
                        left: left.as_deref(),
                        joined: group_of_update(&body),
                    };
                    self.lists.connection_set(&location_id, route, now);
                }
                self.settle(scope, started_at, i, answer);
            });
        }
        let wait = self.run.with_untracked(|r| {
            r.as_ref()
                .filter(|r| matches!(r.phase(now_ms()), Phase::Waiting(_)))
                .and_then(|r| r.wait_ms(now_ms()))
        });
        if let Some(ms) = wait {
            set_timeout(
                move || self.pump(),
                std::time::Duration::from_millis(ms as u64 + 50),
            );
        }
    }

    /// Records how item `i` of the run `started_at` of `scope` ended: in memory when that run is
    /// still the one shown, else in the storage of its scope (the organization was switched).
    fn settle(self, scope: Option<Scope>, started_at: Option<f64>, i: usize, answer: Answer) {
        if self.shows(&scope, started_at) {
            self.update(|r| r.settle(i, answer, now_ms()));
            self.record();
            self.pump();
            return;
        }
        let Some(scope) = scope else { return };
        let kept: Option<Run> = tab_storage::load(&scope, NAME);
        if let Some(mut run) = kept.filter(|r| Some(r.started_at) == started_at) {
            run.settle(i, answer, now_ms());
            let _ = tab_storage::save(&scope, NAME, &run);
        }
    }

    /// The run `started_at` of `scope` is still the one shown (the organization was not switched).
    fn shows(self, scope: &Option<Scope>, started_at: Option<f64>) -> bool {
        self.scope.with_untracked(|s| s == scope)
            && self
                .run
                .with_untracked(|r| r.as_ref().map(|r| r.started_at))
                == started_at
    }

    /// Refreshes [`Runner::clock`] every second while the run is busy.
    fn tick(self) {
        if self.ticking.get_value() {
            return;
        }
        self.ticking.set_value(true);
        fn again(runner: Runner) {
            runner.clock.set(now_ms());
            let busy = runner.run.with_untracked(|r| {
                r.as_ref().is_some_and(|r| {
                    matches!(
                        r.phase(now_ms()),
                        Phase::Sending | Phase::Waiting(_) | Phase::Stopping(_)
                    )
                })
            });
            if busy {
                set_timeout(move || again(runner), std::time::Duration::from_secs(1));
            } else {
                runner.ticking.set_value(false);
            }
        }
        again(self);
    }
}

/// One location: the `PUT`, then the read-back of the single page (also answered, when read).
async fn send(
    client: &Client,
    location_id: &str,
    body: &PstnConnectionUpdate,
    to: &str,
    names: &RouteNames,
) -> (Answer, Option<Option<Connection>>) {
    let once = client.clone().without_retries();
    match pstn::set_connection(&once, location_id, body).await {
        Ok(tracking_id) => {
            // Webex answers 204 without a body: what it now holds is read back.
            let read = pstn::connection(client, location_id).await.ok();
            let now = read.as_ref().map(|c| {
                if unchanged(body, c.as_ref()) {
                    to.to_owned()
                } else {
                    describe(c.as_ref(), names)
                }
            });
            let answer = Answer::Changed {
                status: 204,
                tracking_id,
                now,
            };
            (answer, read)
        }
        Err(e) => (answer_of(&e), None),
    }
}

fn answer_of(e: &ApiError) -> Answer {
    if let Some(seconds) = e.retry_after() {
        return Answer::Wait { seconds };
    }
    if e.is_unauthorized() {
        return Answer::SignedOut;
    }
    Answer::Failed {
        status: e.status(),
        message: e.to_string(),
        tracking_id: e.tracking_id().map(str::to_owned),
    }
}
