//! The sign-in app (`pstn-sign-in`): what a tab that is not signed in downloads first. It reads
//! `config.json`, shows the sign-in form as the console would, asks for the console's files as
//! soon as the form shows, and hands over to the console once a token is checked (see
//! [`crate::handoff`]). It has no router: the console, when it starts, shows the page of the
//! address the admin came to.

use crate::app::WithConfig;
use crate::components::header::{SignedOutHeader, WaitingNote, MAIN_ID};
use crate::components::Loading;
use crate::config::AppConfig;
use crate::handoff::{self, Handoff};
use crate::pages::sign_in::SignIn;
use crate::session::{self, SignedIn, SignedOutReason};
use leptos::prelude::*;

/// The sign-in app: its configuration, then the form.
#[component]
pub fn SignInApp() -> impl IntoView {
    view! { <WithConfig ready=|config| view! { <SignInPage config /> }.into_any() /> }
}

/// Where the handover to the console is.
#[derive(Clone, PartialEq)]
enum Opening {
    /// Nobody signed in yet.
    No,
    /// A token was checked: the console is loading.
    Loading,
    /// The console could not be loaded; the words say why.
    Failed(String),
}

#[component]
fn SignInPage(config: AppConfig) -> impl IntoView {
    provide_context(config.clone());
    handoff::prefetch_console();
    let opening = RwSignal::new(Opening::No);
    let api_base = config.api_base.clone();
    // Seconds the token check waits before it is sent again (Webex answered 429), said as the
    // console says it.
    let waiting = RwSignal::new(None::<u32>);
    // A refused token is the form's to say: nothing else to do.
    let client_for = Callback::new(move |token: String| {
        session::reporting_client(&api_base, &token, waiting, || {})
    });
    let signed_in = Callback::new(move |(admin, token): (SignedIn, String)| {
        let handoff = Handoff {
            config: config.clone(),
            token,
            me: admin.me,
            orgs: admin.orgs,
        };
        opening.set(Opening::Loading);
        leptos::task::spawn_local(async move {
            // Once the console has started, this app (and its signals) is gone.
            if let Err(e) = handoff.open_console().await {
                opening.set(Opening::Failed(e));
            }
        });
    });
    view! {
        <SignedOutHeader />
        <WaitingNote waiting />
        // tabindex -1: the skip link moves the focus here.
        <main id=MAIN_ID class="page" tabindex="-1">
            {move || match opening.get() {
                Opening::No => {
                    view! {
                        <SignIn
                            reason=SignedOutReason::Fresh
                            client_for
                            signed_in
                        />
                    }
                        .into_any()
                }
                Opening::Loading => view! { <Loading text="Opening PSTN Console…" /> }.into_any(),
                Opening::Failed(e) => {
                    view! {
                        <div class="alert alert-error narrow" role="alert">
                            <p>{format!("You are signed in, but PSTN Console could not be loaded: {e}.")}</p>
                            <p>"Check your connection and reload the page: you stay signed in."</p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}
