//! A one-time message carried to the next page, such as "Trunk SJC-CUBE-01 deleted.".

use leptos::prelude::*;

/// The message waiting for the next page, in memory only. Provided once by the app.
///
/// A page that finishes a change sets it before navigating (`notice.say("Trunk saved.")`); the
/// page it lands on shows it with `<PendingNotice />`, which takes it so it shows only once.
#[derive(Clone, Copy)]
pub struct Notice(pub RwSignal<Option<String>>);

impl Notice {
    /// No message.
    pub fn new() -> Self {
        Notice(RwSignal::new(None))
    }

    /// Leaves `text` for the next page.
    pub fn say(self, text: impl Into<String>) {
        self.0.set(Some(text.into()));
    }
}

impl Default for Notice {
    fn default() -> Self {
        Self::new()
    }
}

/// Shows (once) the message left by the previous page, as a polite status line.
#[component]
pub fn PendingNotice() -> impl IntoView {
    let text = expect_context::<Notice>()
        .0
        .try_update_untracked(Option::take)
        .flatten();
    text.map(|t| {
        view! { <div class="alert alert-success" role="status" data-testid="notice">{t}</div> }
    })
}
