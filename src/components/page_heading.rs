//! The heading of a routed page: it names the browser tab ("New trunk · PSTN Console") and takes
//! the keyboard focus when the page appears after something the admin did (signing in, following
//! a link, creating a trunk), so that focus is never dropped to the page body and a screen reader
//! reads where the admin now is.
//!
//! Every routed page shows exactly one of these as its `<h1>`:
//!
//! ```ignore
//! view! { <PageHeading text="New trunk" /> }
//! // A heading that is not a good tab name, or that changes:
//! view! { <PageHeading text=move || format!("Welcome, {}", name()) title="Home" /> }
//! ```
//!
//! A page whose heading shows only after loading calls [`use_page_title`] at once, so the tab is
//! named while it loads.

use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;

/// The console's name, the last part of every page title.
pub const APP_NAME: &str = "PSTN Console";

/// The document title of a page: `"New trunk · PSTN Console"`; just the console's name for none.
pub fn page_title(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        APP_NAME.to_owned()
    } else {
        format!("{title} · {APP_NAME}")
    }
}

/// Names the browser tab after this page (see [`page_title`]) for as long as the calling
/// component is shown; a reactive title renames it as it changes.
pub fn use_page_title(title: impl Into<Signal<String>>) {
    let title = title.into();
    Effect::new(move |_| document().set_title(&page_title(&title.get())));
}

thread_local! {
    /// Whether a page heading has been shown since the console started. The first page of a
    /// visit keeps the browser's focus (at the top, before the skip link); every later one is
    /// reached by something the admin did, and takes it.
    static SHOWN_BEFORE: Cell<bool> = const { Cell::new(false) };
}

/// The console starts where the sign-in app left off (see [`crate::handoff`]): its first page
/// follows a sign-in, so its heading takes the focus.
pub fn after_sign_in() {
    SHOWN_BEFORE.with(|shown| shown.set(true));
}

/// The `<h1>` of a routed page: sets the document title and, unless it is the first page of the
/// visit, takes the keyboard focus when it appears.
#[component]
pub fn PageHeading(
    /// The visible heading.
    #[prop(into)]
    text: Signal<String>,
    /// The tab's name when it differs from the heading (e.g. "Home" for "Welcome, Dana").
    #[prop(into, optional)]
    title: Option<Signal<String>>,
) -> impl IntoView {
    use_page_title(title.unwrap_or(text));
    let heading = NodeRef::<html::H1>::new();
    let take_focus = SHOWN_BEFORE.with(|shown| shown.replace(true));
    heading.on_load(move |h| {
        if !take_focus {
            return;
        }
        // At once when it is in the document (before the admin can type anywhere else), else
        // once the view that replaced the old page is.
        if h.is_connected() {
            let _ = h.focus();
        } else {
            request_animation_frame(move || {
                if h.is_connected() {
                    let _ = h.focus();
                }
            });
        }
    });
    // tabindex -1: focusable by the console, not a stop of the Tab order.
    view! {
        <h1 class="page-heading" tabindex="-1" node_ref=heading>
            {text}
        </h1>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_console() {
        assert_eq!(page_title("New trunk"), "New trunk · PSTN Console");
        assert_eq!(page_title("  Trunks "), "Trunks · PSTN Console");
        assert_eq!(page_title(""), "PSTN Console");
    }
}
