//! The application: configuration, session, and routes.

use crate::components::{Header, Loading, PageHeading};
use crate::config::{self, AppConfig};
use crate::handoff::Handoff;
use crate::oauth;
use crate::pages;
use crate::session::{self, Session, SignedIn};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The whole console: reads `config.json`, then shows the routed pages. Started by the sign-in
/// app, it starts signed in with what that app handed over (see [`crate::handoff`]).
#[component]
pub fn App() -> impl IntoView {
    if let Some(handoff) = Handoff::take() {
        let config = handoff.config.clone();
        return view! { <Console config returned=None handoff /> }.into_any();
    }
    // A return from Webex holds a token or code in the URL: out of the URL before anything else.
    let returned = StoredValue::new(oauth::take_return());
    view! {
        <WithConfig ready=move |config| {
            let returned = returned.try_update_value(Option::take).flatten();
            view! { <Console config returned /> }.into_any()
        } />
    }
    .into_any()
}

/// Reads `config.json` (both apps start so): "Starting…" while it loads, what is wrong with it,
/// or `ready` with the configuration.
#[component]
pub fn WithConfig(ready: impl Fn(AppConfig) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let config = LocalResource::new(config::load);
    move || match config.get() {
        None => view! { <Loading text="Starting PSTN Console…" /> }.into_any(),
        Some(Err(message)) => view! { <CannotStart message /> }.into_any(),
        Some(Ok(config)) => ready(config),
    }
}

/// What shows when `config.json` is not a configuration.
#[component]
fn CannotStart(message: String) -> impl IntoView {
    view! {
        <main class="page narrow">
            <PageHeading text="PSTN Console cannot start" />
            <div class="alert alert-error" role="alert">
                <p>{message}</p>
                <p>
                    "Fix config.json next to index.html, or remove it to use https://webexapis.com/v1."
                </p>
            </div>
        </main>
    }
}

/// The console once its configuration is known; `returned` is Webex's answer to a sign-in, and
/// `handoff` what the sign-in app learnt.
#[component]
pub fn Console(
    config: AppConfig,
    returned: Option<oauth::Returned>,
    #[prop(optional)] handoff: Option<Handoff>,
) -> impl IntoView {
    let session = Session::new();
    provide_context(session);
    provide_context(config.clone());
    let fresh = crate::components::notice::FreshTrunkPassword::new();
    provide_context(fresh);
    // A fresh trunk's password belongs to the account that created it.
    Effect::watch(
        move || session.account_changed.track(),
        move |_, _, _| fresh.0.set(None),
        false,
    );
    provide_context(pages::route_groups::RouteGroupNotice::new());
    // A bulk run outlives its page: its requests finish and are kept after a 401 or leaving.
    provide_context(crate::bulk::runner::Runner::new(session.kept));
    provide_context(crate::components::Notice::new());

    // Before any page shows: a return from Webex is checked and its token tried, or else a
    // token kept from earlier in this tab is checked (unless its time has run out).
    let resuming = RwSignal::new(false);
    let checking = if returned.is_some() {
        "Signing you in with Webex…"
    } else {
        "Checking your Webex session…"
    };
    if let Some(handoff) = handoff {
        crate::components::page_heading::after_sign_in();
        let client = session.client_for(&config, &handoff.token);
        session.sign_in(
            SignedIn::new(handoff.me, handoff.orgs, client),
            &handoff.token,
        );
    } else if let Some(returned) = returned {
        resuming.set(true);
        let config = config.clone();
        leptos::task::spawn_local(async move {
            match oauth::complete(&config, returned).await {
                Ok(granted) => {
                    let expires_at = granted.expires_at(js_sys::Date::now());
                    let client = session.client_for(&config, &granted.token);
                    match session::check_token(client).await {
                        Ok(signed_in) => session.sign_in_until(signed_in, &granted.token, expires_at),
                        Err(e) => session.refuse(format!(
                            "Webex signed you in, but the console could not read your Webex profile with the token: {e}"
                        )),
                    }
                }
                Err(refusal) => session.refuse(refusal.to_string()),
            }
            resuming.set(false);
        });
    } else if let Some(token) = session::stored_token() {
        let expires_at = session::stored_expiry();
        if expires_at.is_some_and(|at| at <= js_sys::Date::now()) {
            session.forget_expired_token();
        } else {
            resuming.set(true);
            let client = session.client_for(&config, &token);
            leptos::task::spawn_local(async move {
                match session::check_token(client).await {
                    Ok(signed_in) => session.sign_in_until(signed_in, &token, expires_at),
                    Err(e) if e.is_unauthorized() => session.forget_expired_token(),
                    Err(_) => session.forget_token(),
                }
                resuming.set(false);
            });
        }
    }

    view! {
        // Under a sub-path (`<base href="/tools/pstn/">`) the routes are matched below it.
        <Router base=crate::paths::base()>
            <Header />
            // tabindex -1: the skip link moves the focus here.
            <main id=crate::components::header::MAIN_ID class="page" tabindex="-1">
                <Show
                    when=move || !resuming.get()
                    fallback=move || view! { <Loading text=checking /> }
                >
                    <Routes fallback=pages::not_found::NotFound>
                        <ParentRoute path=path!("") view=RequireSession>
                            <Route path=path!("") view=pages::home::Home />
                            <Route path=path!("trunks") view=pages::trunks::TrunkList />
                            <Route path=path!("trunks/new") view=pages::trunk_new::TrunkNew />
                            <Route path=path!("trunks/:id") view=pages::trunk_detail::TrunkDetail />
                            <Route path=path!("route-groups") view=pages::route_groups::RouteGroupList />
                            <Route
                                path=path!("route-groups/new")
                                view=pages::route_group_form::RouteGroupNew
                            />
                            <Route
                                path=path!("route-groups/:id")
                                view=pages::route_group_detail::RouteGroupDetail
                            />
                            <Route
                                path=path!("route-groups/:id/edit")
                                view=pages::route_group_form::RouteGroupEdit
                            />
                            <Route path=path!("trunks/:id/edit") view=pages::trunk_edit::TrunkEdit />
                            <Route path=path!("locations") view=pages::locations::LocationList />
                            <Route path=path!("locations/bulk") view=pages::bulk::BulkPage />
                            <Route path=path!("history") view=pages::history::HistoryPage />
                            <Route
                                path=path!("locations/:id/pstn")
                                view=pages::location_pstn::LocationPstn
                            />
                        </ParentRoute>
                    </Routes>
                </Show>
            </main>
        </Router>
    }
}

/// Shows the routed page to a signed-in admin, and the sign-in form in its place otherwise, so
/// that after signing in the admin is on the page they were going to.
#[component]
fn RequireSession() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <Show
            when=move || session.state.with(|s| s.is_some())
            fallback=|| view! { <pages::sign_in::SessionSignIn /> }
        >
            // Switching organization shows the page afresh, so nothing of the old one stays.
            // Only while someone is signed in: signing out also resets the organization.
            {move || {
                session.acting_org.track();
                session.state.with(Option::is_some).then(|| view! { <Outlet /> })
            }}
        </Show>
    }
}
