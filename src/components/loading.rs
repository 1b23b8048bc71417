//! What shows while something loads.

use leptos::prelude::*;

/// A short, polite loading line.
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading trunks…".
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {text}
        </p>
    }
}
