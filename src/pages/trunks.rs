//! Trunks.

use leptos::prelude::*;

/// Trunks.
#[component]
pub fn TrunkList() -> impl IntoView {
    view! {
        <section>
            <h1>"Trunks"</h1>
            <p>"All premises-PSTN trunks of your organization will be listed here."</p>
        </section>
    }
}
