//! The page for addresses the console does not know.

use crate::components::PageHeading;
use leptos::prelude::*;

/// Not found.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="narrow">
            <PageHeading text="Page not found" />
            <p>"There is no page at this address in PSTN Console."</p>
            <p>
                <a href=crate::paths::href("/")>"Go to the start page"</a>
            </p>
        </section>
    }
}
