//! The status line of a kept list: how far its read is, when it was read, and "Refresh".

use crate::components::ApiErrorView;
use crate::kept_lists::{status_words, ReadState, Status};
use leptos::prelude::*;

/// "Loaded 1,000 of at least 2,000 locations…" while pages arrive, "Read at 14:05" with a
/// Refresh button once all are in, and what Webex answered when a page could not be read.
#[component]
pub fn ListStatus(
    /// The kept list's status ([`crate::kept_lists::KeptList::status`]).
    status: Memo<Status>,
    /// What the list holds, plural: "locations".
    noun: &'static str,
    /// Reads the list again.
    on_refresh: Callback<()>,
) -> impl IntoView {
    let reading = move || status.with(|s| matches!(s.state, ReadState::Reading(_)));
    let failed = move || {
        status.with(|s| match &s.state {
            ReadState::Failed(e) => Some(e.clone()),
            _ => None,
        })
    };
    view! {
        <div class="list-status">
            <span class="read-at" role="status">
                {move || status.with(|s| status_words(s, noun))}
            </span>
            " "
            <button
                type="button"
                class="button small"
                disabled=reading
                on:click=move |_| on_refresh.run(())
            >
                {move || if failed().is_some() { "Try again" } else { "Refresh" }}
            </button>
        </div>
        {move || {
            failed()
                .map(|e| {
                    view! {
                        <ApiErrorView error=e context=format!("Not all {noun} could be read") />
                    }
                })
        }}
    }
}
