//! The application: configuration, session, and routes.

use crate::components::{Header, Loading};
use crate::config::{self, AppConfig};
use crate::pages;
use crate::session::{self, Session};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The whole console: reads `config.json`, then shows the routed pages.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(config::load);
    view! {
        {move || match config.get() {
            None => view! { <Loading text="Starting PSTN Console…" /> }.into_any(),
            Some(Err(message)) => {
                view! {
                    <main class="page narrow">
                        <h1>"PSTN Console cannot start"</h1>
                        <div class="alert alert-error" role="alert">
                            <p>{message}</p>
                            <p>
                                "Fix config.json next to index.html, or remove it to use https://webexapis.com/v1."
                            </p>
                        </div>
                    </main>
                }
                    .into_any()
            }
            Some(Ok(config)) => view! { <Console config /> }.into_any(),
        }}
    }
}

/// The console once its configuration is known.
#[component]
pub fn Console(config: AppConfig) -> impl IntoView {
    let session = Session::new();
    provide_context(session);
    provide_context(config.clone());
    provide_context(pages::trunk_new::FreshTrunkPassword::new());

    // A token kept from earlier in this tab is checked before any page shows.
    let resuming = RwSignal::new(session::stored_token().is_some());
    if let Some(token) = session::stored_token() {
        let client = session.client_for(&config, &token);
        leptos::task::spawn_local(async move {
            match session::check_token(client).await {
                Ok(signed_in) => session.sign_in(signed_in, &token),
                Err(e) if e.is_unauthorized() => session.sign_out(),
                Err(_) => session.sign_out(),
            }
            resuming.set(false);
        });
    }

    view! {
        <Router>
            <Header />
            <main id="main" class="page">
                <Show
                    when=move || !resuming.get()
                    fallback=|| view! { <Loading text="Checking your Webex session…" /> }
                >
                    <Routes fallback=pages::not_found::NotFound>
                        <ParentRoute path=path!("") view=RequireSession>
                            <Route path=path!("") view=pages::home::Home />
                            <Route path=path!("trunks") view=pages::trunks::TrunkList />
                            <Route path=path!("trunks/new") view=pages::trunk_new::TrunkNew />
                            <Route path=path!("trunks/:id") view=pages::trunk_detail::TrunkDetail />
                            <Route path=path!("locations") view=pages::locations::LocationList />
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
            fallback=|| view! { <pages::sign_in::SignIn /> }
        >
            <Outlet />
        </Show>
    }
}
