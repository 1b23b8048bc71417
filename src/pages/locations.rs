//! Locations.

use leptos::prelude::*;

/// Locations.
#[component]
pub fn LocationList() -> impl IntoView {
    view! {
        <section>
            <h1>"Locations"</h1>
            <p>"Every Webex Calling location and its PSTN connection will be listed here."</p>
        </section>
    }
}
