//! New trunk.

use leptos::prelude::*;

/// New trunk.
#[component]
pub fn TrunkNew() -> impl IntoView {
    view! {
        <section>
            <h1>"New trunk"</h1>
            <p>"The form to create a registering or certificate-based trunk will be here."</p>
        </section>
    }
}
