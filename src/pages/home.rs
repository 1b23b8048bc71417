//! The start page: what the console does and where to begin.

use crate::components::PageHeading;
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

/// Home.
#[component]
pub fn Home() -> impl IntoView {
    let session = expect_context::<Session>();
    let name = move || {
        session
            .state
            .with(|s| s.as_ref().map(|s| s.me.label().to_string()))
            .unwrap_or_default()
    };
    view! {
        <section>
            <PageHeading text=move || format!("Welcome, {}", name()) title="Home" />
            <p class="lead">
                "Connect Webex Calling to the phone network through your own gateways in two steps."
            </p>
            <div class="cards">
                <A href=crate::paths::href("/trunks") attr:class="card link-card">
                    <h2>"1. Trunks"</h2>
                    <p>
                        "Create the SIP trunk between Webex Calling and your local gateway or session border controller, and get the gateway configuration."
                    </p>
                </A>
                <A href=crate::paths::href("/locations") attr:class="card link-card">
                    <h2>"2. Locations"</h2>
                    <p>
                        "Choose how each location reaches the PSTN: through a trunk or route group, or a cloud-connected provider."
                    </p>
                </A>
            </div>
        </section>
    }
}
