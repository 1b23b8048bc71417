//! Watching a trunk's status while its gateway comes up.

use crate::api::trunks::{self, TrunkStatus};
use crate::api::ApiError;
use crate::session::Session;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the trunk is read again while it is not online.
const EVERY: Duration = Duration::from_secs(10);

/// The clock time now, `hh:mm:ss`, as the admin's computer shows it.
fn clock_now() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// While `status` is not Online, reads the trunk again every 10 seconds (only while this is on
/// the page and the tab is visible, never more than one read at a time) and writes the answer
/// to `status`; says when it last checked and offers "Check now". Once Online it says so and
/// reads no more.
#[component]
pub fn TrunkStatusWatch(
    /// The trunk's id.
    id: String,
    /// The trunk's status, as first read; updated by every check.
    status: RwSignal<Option<TrunkStatus>>,
    /// A registering trunk's gateway registers; a certificate-based one answers.
    registering: bool,
) -> impl IntoView {
    let client = expect_context::<Session>().client();
    let online = move || status.get() == Some(TrunkStatus::Online);
    let watched = !status.with_untracked(|s| *s == Some(TrunkStatus::Online));
    let in_flight = RwSignal::new(false);
    let last_checked = RwSignal::new(clock_now());
    let failure = RwSignal::new(None::<ApiError>);

    let check = move || {
        if in_flight.get_untracked() || status.get_untracked() == Some(TrunkStatus::Online) {
            return;
        }
        in_flight.set(true);
        let client = client.clone();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let answer = trunks::get(&client, &id).await;
            // The page may be gone by now: then these signals are too, and nothing is written.
            in_flight.try_set(false);
            last_checked.try_set(clock_now());
            match answer {
                Ok(t) => {
                    status.try_set(t.status);
                    failure.try_set(None);
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
        });
    };
    if watched {
        let tick = check.clone();
        let interval = Arc::new(Mutex::new(None::<IntervalHandle>));
        let own = interval.clone();
        let stop = move || {
            if let Some(handle) = own.lock().ok().and_then(|mut h| h.take()) {
                handle.clear();
            }
        };
        let stop_on_leave = stop.clone();
        let started = set_interval_with_handle(
            move || {
                // Online, or gone from the page (its signals then are too): no more reads.
                let watching = in_flight.try_get_untracked().is_some()
                    && status
                        .try_get_untracked()
                        .is_some_and(|s| s != Some(TrunkStatus::Online));
                if !watching {
                    stop();
                } else if !document().hidden() {
                    tick();
                }
            },
            EVERY,
        );
        if let Ok(mut slot) = interval.lock() {
            *slot = started.ok();
        }
        on_cleanup(stop_on_leave);
    }
    let waiting = if registering {
        "Waiting for the gateway to register…"
    } else {
        "Waiting for the gateway to come online…"
    };
    move || {
        if !watched {
            None
        } else if online() {
            Some(
                view! {
                    <div class="alert alert-success" role="status" data-testid="status-watch">
                        "The gateway is connected: the trunk is online."
                    </div>
                }
                .into_any(),
            )
        } else {
            let check = check.clone();
            Some(
                view! {
                    <div class="alert alert-info status-watch" data-testid="status-watch">
                        <p>
                            {waiting} " last checked " {move || last_checked.get()}
                        </p>
                        <button
                            type="button"
                            class="button small"
                            disabled=move || in_flight.get()
                            on:click=move |_| check()
                        >
                            {move || if in_flight.get() { "Checking…" } else { "Check now" }}
                        </button>
                        {move || failure.get().map(|e| view! {
                            <crate::components::ApiErrorView error=e context="The status could not be read; the console tries again." />
                        })}
                    </div>
                }
                .into_any(),
            )
        }
    }
}
