//! Copies a value to the clipboard and says so.

use leptos::prelude::*;

/// A small "Copy" button for `value`; `what` names it for screen readers ("Copy username").
#[component]
pub fn CopyButton(
    /// The text to copy.
    #[prop(into)]
    value: Signal<String>,
    /// What is copied, for the accessible name.
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .navigator()
                .clipboard()
                .write_text(&value.get_untracked());
            copied.set(true);
            set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
        }
    };
    view! {
        <button type="button" class="button small" on:click=copy aria-label=format!("Copy {what}")>
            {move || if copied.get() { "Copied" } else { "Copy" }}
        </button>
    }
}
