//! Sign-in: "Sign in with Webex" when `config.json` has an `oauth` section, and pasting a Webex
//! access token as the second way in; a pasted token is checked with `GET /people/me`.
//!
//! The form serves both apps (see [`crate::handoff`]): the sign-in app, first, and the console
//! after a sign-out or an expiry. Each says how a token becomes a client and what signing in does.

use crate::api::{ApiError, Client};
use crate::components::{ApiErrorView, PageHeading};
use crate::config::{AppConfig, OAuthConfig};
use crate::oauth;
use crate::session::{self, SignedIn, SignedOutReason};
use leptos::prelude::*;

/// What went wrong with a pasted token, in words for the admin.
fn token_problem(error: &ApiError) -> Option<&'static str> {
    match error.status() {
        Some(401) => Some("Webex did not accept this access token. It may be mistyped or expired: copy a fresh one and try again."),
        Some(403) => Some("This token is valid but may not read your Webex profile. Use a token of a Webex Calling administrator."),
        _ => None,
    }
}

/// "Sign in with Webex": a link to Webex's sign-in page. Following it remembers the round trip
/// (and this page's address) for the return.
#[component]
fn SignInWithWebex(oauth: OAuthConfig) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let problem = RwSignal::new(None::<String>);
    let link = match oauth::Start::new(&config, &oauth) {
        Ok(start) => {
            let href = start.url.clone();
            let on_click = move |ev: leptos::ev::MouseEvent| {
                if let Err(e) = start.remember() {
                    ev.prevent_default();
                    problem.set(Some(e));
                }
            };
            Some(view! {
                <a class="button primary" href=href on:click=on_click>
                    "Sign in with Webex"
                </a>
            })
        }
        Err(e) => {
            problem.set(Some(e));
            None
        }
    };
    view! {
        <div class="card form">
            {link}
            <p class="help">
                "You sign in on Webex's own page and come straight back here. The console never sees your password."
            </p>
            {move || {
                problem
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert">
                                {format!("Signing in with Webex cannot start: {e}.")}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The console's sign-in page: it signs the session in context in (with the configuration in
/// context).
#[component]
pub fn SessionSignIn() -> impl IntoView {
    let session = expect_context::<session::Session>();
    let config = expect_context::<AppConfig>();
    let client_for = Callback::new(move |token: String| session.client_for(&config, &token));
    let signed_in = Callback::new(move |(admin, token): (SignedIn, String)| {
        session.sign_in(admin, &token);
    });
    view! { <SignIn reason=session.reason client_for signed_in /> }
}

/// The sign-in page.
#[component]
pub fn SignIn(
    /// Why the form shows (a session that ended, a sign-in with Webex refused).
    #[prop(into)]
    reason: Signal<SignedOutReason>,
    /// The client that checks a pasted token.
    client_for: Callback<String, Client>,
    /// What a checked token does: the admin, and the token.
    signed_in: Callback<(SignedIn, String)>,
) -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let with_webex = config.oauth.clone();
    let has_oauth = with_webex.is_some();
    let token = RwSignal::new(String::new());
    let empty_error = RwSignal::new(false);
    let check = Action::new_local(move |token: &String| {
        let token = token.clone();
        let client = client_for.run(token.clone());
        async move {
            let result = session::check_token(client).await;
            if let Ok(admin) = &result {
                signed_in.run((admin.clone(), token));
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
            <PageHeading text="Sign in" />
            <p class="lead">
                "PSTN Console connects your Webex Calling organization to the phone network through your own gateways: create trunks and set how each location reaches the PSTN."
            </p>
            {move || match reason.get() {
                SignedOutReason::Fresh => None,
                SignedOutReason::Expired => Some(view! {
                    <div class="alert alert-warning" role="alert">
                        "Your Webex session has ended. Sign in again to continue where you were."
                    </div>
                }.into_any()),
                SignedOutReason::Refused(message) => Some(view! {
                    <div class="alert alert-error" role="alert" id="sign-in-refused">
                        {message}
                    </div>
                }.into_any()),
            }}
            {with_webex.map(|oauth| {
                view! {
                    <SignInWithWebex oauth />
                    <h2>"Or paste an access token"</h2>
                }
            })}
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
                        aria-describedby=move || {
                            crate::components::field::described_by("access-token", Some("help"), empty_error.get())
                        }
                        aria-invalid=move || empty_error.get().to_string()
                    />
                    <p class="help" id="access-token-help">
                        "Paste a Webex access token of a Calling administrator, e.g. your personal token from developer.webex.com. It is kept in this browser tab only and forgotten when you sign out or close the tab."
                    </p>
                    <Show when=move || empty_error.get()>
                        <p class="field-error" id="access-token-error" role="alert">
                            "Paste your access token first."
                        </p>
                    </Show>
                </div>
                {failure}
                <button
                    type="submit"
                    class=if has_oauth { "button secondary" } else { "button primary" }
                    disabled=move || pending.get()
                >
                    {move || if pending.get() { "Checking…" } else { "Sign in" }}
                </button>
            </form>
        </section>
    }
}
