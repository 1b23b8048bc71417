//! What a page leaves, in memory only, for the next one to show once: a message such as
//! "Trunk SJC-CUBE-01 deleted.", or a trunk password Webex will not show again.

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

/// A trunk password Webex will not show again, kept in memory only so that the trunk's details
/// page can show it once, with the gateway configuration filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FreshPassword {
    pub trunk_id: String,
    pub password: String,
    /// Why it is shown: the trunk was just created, or its password was just changed.
    pub created: bool,
}

/// The slot for a [`FreshPassword`], provided once by the app.
#[derive(Clone, Copy)]
pub struct FreshTrunkPassword(pub RwSignal<Option<FreshPassword>>);

impl FreshTrunkPassword {
    /// An empty slot.
    pub fn new() -> Self {
        FreshTrunkPassword(RwSignal::new(None))
    }
}

impl Default for FreshTrunkPassword {
    fn default() -> Self {
        Self::new()
    }
}
