//! PSTN connection.

use leptos::prelude::*;

/// PSTN connection.
#[component]
pub fn LocationPstn() -> impl IntoView {
    view! {
        <section>
            <h1>"PSTN connection"</h1>
            <p>"The PSTN connection of this location will be shown and set here."</p>
        </section>
    }
}
