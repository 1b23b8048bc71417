//! Sign-in: paste a Webex access token; it is checked with `GET /people/me`.

use crate::api::ApiError;
use crate::components::ApiErrorView;
use crate::config::AppConfig;
use crate::session::{self, Session, SignedOutReason};
use leptos::prelude::*;

/// What went wrong with a pasted token, in words for the admin.
fn token_problem(error: &ApiError) -> Option<&'static str> {
    match error.status() {
        Some(401) => Some("Webex did not accept this access token. It may be mistyped or expired: copy a fresh one and try again."),
        Some(403) => Some("This token is valid but may not read your Webex profile. Use a token of a Webex Calling administrator."),
        _ => None,
    }
}

/// The sign-in form.
#[component]
pub fn SignIn() -> impl IntoView {
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let token = RwSignal::new(String::new());
    let empty_error = RwSignal::new(false);
    let check = Action::new_local(move |token: &String| {
        let token = token.clone();
        let client = session.client_for(&config, &token);
        async move {
            let result = session::check_token(client).await;
            if let Ok(signed_in) = &result {
                session.sign_in(signed_in.clone(), &token);
            }
            result.map(drop)
        }
    });
    let pending = check.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let value = token.get_untracked().trim().to_string();
        empty_error.set(value.is_empty());
        if !value.is_empty() {
            check.dispatch(value);
        }
    };
    let failure = move || match check.value().get() {
        Some(Err(e)) => Some(match token_problem(&e) {
            Some(text) => view! {
                <div class="alert alert-error" role="alert" id="token-error">
                    <p>{text}</p>
                    <p class="api-meta">
                        {e.status().map(|s| format!("HTTP {s}"))}
                        {e.tracking_id().map(|t| format!(" · Tracking ID {t}"))}
                    </p>
                </div>
            }
            .into_any(),
            None => view! { <ApiErrorView error=e context="Signing in did not work" /> }.into_any(),
        }),
        _ => None,
    };
    view! {
        <section class="sign-in narrow">
            <h1>"Sign in"</h1>
            <p class="lead">
                "PSTN Console connects your Webex Calling organization to the phone network through your own gateways: create trunks and set how each location reaches the PSTN."
            </p>
            <Show when=move || session.reason.get() == SignedOutReason::Expired>
                <div class="alert alert-warning" role="alert">
                    "Your Webex session has ended. Sign in again to continue where you were."
                </div>
            </Show>
            <form class="card form" on:submit=on_submit novalidate>
                <div class="field" class:invalid=move || empty_error.get()>
                    <label for="access-token">"Access token"</label>
                    <input
                        id="access-token"
                        name="accessToken"
                        type="password"
                        autocomplete="off"
                        spellcheck="false"
                        bind:value=token
                        aria-describedby="access-token-help"
                        aria-invalid=move || empty_error.get().to_string()
                    />
                    <p class="help" id="access-token-help">
                        "Paste a Webex access token of a Calling administrator, e.g. your personal token from developer.webex.com. It is kept in this browser tab only and forgotten when you sign out or close the tab."
                    </p>
                    <Show when=move || empty_error.get()>
                        <p class="field-error" role="alert">
                            "Paste your access token first."
                        </p>
                    </Show>
                </div>
                {failure}
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Checking…" } else { "Sign in" }}
                </button>
            </form>
        </section>
    }
}
