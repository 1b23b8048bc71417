//! Copies a value to the clipboard and says so.

use leptos::prelude::*;

/// A small "Copy" button for `value`; `what` completes its name for screen readers ("Copy
/// username"), so the visible word is part of the name. After a copy it reads "Copied", and a
/// live region says so to screen readers (a button's new name is not announced).
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
    let hidden_what = format!(" {what}");
    view! {
        <button type="button" class="button small" on:click=copy>
            {move || if copied.get() { "Copied" } else { "Copy" }}
            <span class="visually-hidden">{hidden_what}</span>
        </button>
        <span class="visually-hidden" role="status">
            {move || copied.get().then(|| format!("Copied {what}"))}
        </span>
    }
}
