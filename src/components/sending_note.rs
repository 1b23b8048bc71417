//! Next to the button that started a call: that it is being sent and, while Webex asked the
//! console to wait (429 or 423), the seconds left before it is sent again.

use crate::session::Session;
use leptos::prelude::*;
use std::time::Duration;

/// The words next to a button whose call is under way; `None` when it is not.
pub fn sending_words(pending: bool, wait_left: Option<u32>) -> Option<String> {
    pending.then(|| match wait_left {
        Some(s) => format!("Webex is busy; sending again in {s} s…"),
        None => "Sending to Webex…".to_owned(),
    })
}

/// A status line for the button beside it: shows while `pending`, counting down a wait.
#[component]
pub fn SendingNote(
    /// Whether this button's call is under way.
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    // The client says how long it waits once; the note counts the seconds down.
    let left = RwSignal::new(None::<u32>);
    Effect::new(move |_| left.set(session.waiting.get()));
    if let Ok(tick) = set_interval_with_handle(
        move || {
            left.try_update(|l| {
                if let Some(s) = l {
                    *s = s.saturating_sub(1).max(1);
                }
            });
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || tick.clear());
    }
    view! {
        <span class="muted sending-note" role="status">
            {move || sending_words(pending.get(), left.get())}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_says_sending_or_the_wait_left() {
        assert_eq!(sending_words(false, Some(5)), None);
        assert_eq!(
            sending_words(true, None).as_deref(),
            Some("Sending to Webex…")
        );
        assert_eq!(
            sending_words(true, Some(4)).as_deref(),
            Some("Webex is busy; sending again in 4 s…")
        );
    }
}
