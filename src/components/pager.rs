//! "Previous / Page n of m / Next" under a long table, shown only when there is more than one
//! page.

use leptos::prelude::*;

/// Pages through `pages` pages; `page` is 0-based and is kept within range when shown.
#[component]
pub fn Pager(
    /// The page shown, from 0.
    page: RwSignal<usize>,
    /// How many pages there are (at least 1).
    #[prop(into)]
    pages: Signal<usize>,
) -> impl IntoView {
    let last = move || pages.get().max(1) - 1;
    let at = move || page.get().min(last());
    view! {
        <Show when=move || { pages.get() > 1 }>
            <nav class="pager actions" aria-label="Pages">
                <button
                    type="button"
                    class="button small"
                    disabled=move || at() == 0
                    on:click=move |_| page.set(at().saturating_sub(1))
                >
                    "Previous"
                </button>
                <span>{move || format!("Page {} of {}", at() + 1, last() + 1)}</span>
                <button
                    type="button"
                    class="button small"
                    disabled=move || at() == last()
                    on:click=move |_| page.set((at() + 1).min(last()))
                >
                    "Next"
                </button>
            </nav>
        </Show>
    }
}
