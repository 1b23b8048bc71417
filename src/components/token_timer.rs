//! The time left on the Webex token, shown in the header, a warning when little is left, and the
//! end of the session when none is (as a 401 would end it).
//!
//! Only tokens from "Sign in with Webex" have a known life (`expires_in`). A pasted token shows
//! nothing: Webex does not say when it was made (personal tokens last 12 hours from then), and a
//! guess would mislead; such a session ends at the first 401.

use crate::session::Session;
use leptos::prelude::*;
use std::time::Duration;

/// The warning shows when less than this is left.
pub const WARN_BEFORE_MS: f64 = 5.0 * 60_000.0;

const MINUTE_MS: f64 = 60_000.0;

/// "4 min", "11 h 58 min", "13 d 23 h": whole units left, rounded down so it never promises more.
pub fn duration_text(left_ms: f64) -> String {
    let minutes = (left_ms.max(0.0) / MINUTE_MS).floor() as u64;
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        _ if minutes == 0 => "less than 1 min".to_string(),
        (0, 0) => format!("{mins} min"),
        (0, _) => format!("{hours} h {mins} min"),
        _ => format!("{days} d {hours} h"),
    }
}

/// Milliseconds until the whole minutes left change (which is also when the warning starts and
/// when the token ends), a little after, so the display is never a minute behind.
pub fn next_tick_ms(left_ms: f64) -> u64 {
    let into_minute = left_ms.max(0.0) % MINUTE_MS;
    into_minute as u64 + 50
}

/// The time left on the token and, near its end, a warning; renders nothing for a pasted token.
#[component]
pub fn TokenTimer() -> impl IntoView {
    let session = expect_context::<Session>();
    // A new countdown (with a fresh clock) for every token.
    move || {
        session
            .expires_at
            .get()
            .map(|expires_at| view! { <Countdown expires_at /> })
    }
}

/// Counts down to `expires_at` (milliseconds since the epoch), waking once a minute.
#[component]
fn Countdown(expires_at: f64) -> impl IntoView {
    let session = expect_context::<Session>();
    let now = RwSignal::new(js_sys::Date::now());
    let left = move || expires_at - now.get();
    // The browser's clock is the outside world here: wake when the minutes left change.
    Effect::new(move |_| {
        let left = left();
        if left <= 0.0 {
            session.expire();
            return;
        }
        let wake = move || now.set(js_sys::Date::now());
        if let Ok(handle) = set_timeout_with_handle(wake, Duration::from_millis(next_tick_ms(left)))
        {
            on_cleanup(move || handle.clear());
        }
    });
    view! {
        <span class="token-time" data-testid="token-time-left">
            {move || format!("Session: {} left", duration_text(left()))}
        </span>
        <Show when=move || left() < WARN_BEFORE_MS>
            <div class="alert alert-warning token-warning" role="alert">
                {move || {
                    format!(
                        "Your Webex session ends in {}. Finish what you are doing; after that you will need to sign in again.",
                        duration_text(left()),
                    )
                }}
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_is_in_whole_units_rounded_down() {
        assert_eq!(duration_text(-5.0), "less than 1 min");
        assert_eq!(duration_text(59_999.0), "less than 1 min");
        assert_eq!(duration_text(60_000.0), "1 min");
        assert_eq!(duration_text(299_999.0), "4 min");
        assert_eq!(duration_text(3_599_999.0), "59 min");
        assert_eq!(duration_text(3_600_000.0), "1 h 0 min");
        assert_eq!(
            duration_text((11.0 * 60.0 + 58.0) * MINUTE_MS + 1.0),
            "11 h 58 min"
        );
        assert_eq!(duration_text(1_209_599_000.0), "13 d 23 h");
    }

    #[test]
    fn the_clock_wakes_when_the_minutes_change() {
        assert_eq!(next_tick_ms(330_000.0), 30_050);
        assert_eq!(next_tick_ms(300_000.0), 50);
        assert_eq!(next_tick_ms(59_000.0), 59_050);
        assert_eq!(next_tick_ms(-1.0), 50);
        // Waking there, the warning is due: under five minutes are left.
        assert!(330_000.0 - (next_tick_ms(330_000.0) as f64) < WARN_BEFORE_MS);
    }
}
