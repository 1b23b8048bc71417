//! Trunk.

use leptos::prelude::*;

/// Trunk.
#[component]
pub fn TrunkDetail() -> impl IntoView {
    view! {
        <section>
            <h1>"Trunk"</h1>
            <p>"The trunk's details and its gateway configuration will be here."</p>
        </section>
    }
}
