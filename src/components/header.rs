//! The page header: the console's name, navigation, who is signed in, and sign-out.

use super::OrgSwitcher;
use crate::paths::{href, use_navigate};
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let sign_out = move |_| {
        session.sign_out();
        navigate("/", Default::default());
    };
    let signed_in = move || session.state.with(|s| s.is_some());
    let who = move || {
        session
            .state
            .with(|s| s.as_ref().map(|s| s.me.label().to_string()))
    };
    // The organization acted on, named plainly: a partner admin's customer, or the admin's own.
    let org_name = move || {
        session
            .acting_org
            .with(|o| o.as_ref().map(|o| format!("Acting on {}", o.display_name)))
            .or_else(|| {
                session
                    .state
                    .with(|s| s.as_ref().and_then(|s| s.org_name.clone()))
            })
    };
    view! {
        <SkipLink />
        <header class="app-header">
            <Brand />
            <Show when=signed_in>
                <nav class="main-nav" aria-label="Main">
                    <A href=href("/trunks")>"Trunks"</A>
                    <A href=href("/route-groups")>"Route groups"</A>
                    <A href=href("/locations")>"Locations"</A>
                    <A href=href("/history")>"History"</A>
                </nav>
                <OrgSwitcher />
                <div class="who" data-testid="signed-in-as">
                    <span class="who-name">{who}</span>
                    <span class="who-org">{org_name}</span>
                </div>
                <crate::components::TokenTimer />
                <button type="button" class="button secondary" on:click=sign_out.clone()>
                    "Sign out"
                </button>
            </Show>
        </header>
        <WaitingNote waiting=session.waiting />
    }
}

/// While the client waits before sending a call again (Webex answered 429 or 423): how long.
#[component]
pub fn WaitingNote(
    /// The seconds left, while waiting.
    #[prop(into)]
    waiting: Signal<Option<u32>>,
) -> impl IntoView {
    view! {
        <Show when=move || waiting.get().is_some()>
            <div class="alert alert-info waiting" role="status">
                {move || {
                    waiting
                        .get()
                        .map(|s| {
                            format!(
                                "Webex asked the console to slow down. Trying again in {s} s…",
                            )
                        })
                }}
            </div>
        </Show>
    }
}

/// The header of the sign-in app (see [`crate::handoff`]): the console's header as it is to
/// someone not signed in.
#[component]
pub fn SignedOutHeader() -> impl IntoView {
    view! {
        <SkipLink />
        <header class="app-header">
            <Brand />
        </header>
    }
}

/// The console's name, a link to its home.
#[component]
fn Brand() -> impl IntoView {
    view! {
        <a class="brand" href=href("/")>
            <span class="brand-mark" aria-hidden="true">"☎"</span>
            "PSTN Console"
        </a>
    }
}

/// The first stop of the Tab order: straight to the page's content, past the header.
#[component]
fn SkipLink() -> impl IntoView {
    // The link is handled here: under a `<base href>` the browser (and the router) would resolve
    // `#main` against the base, not this page, and load another page.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id(MAIN_ID) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip>
            "Skip to main content"
        </a>
    }
}

/// The id of the page's `<main>`, the skip link's target.
pub const MAIN_ID: &str = "main";
