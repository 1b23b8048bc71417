//! A radio button as a card: a short title (its accessible name) and a line of help.

use leptos::prelude::*;

/// A radio button as a card: a short title (its accessible name) and a line of help.
#[component]
pub fn RadioCard(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(into)] title: String,
    #[prop(into)] help: String,
    checked: Signal<bool>,
    on_choose: impl Fn() + 'static,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let help_id = format!("{id}-help");
    view! {
        <label class="choice" for=id.clone()>
            <input
                type="radio"
                id=id.clone()
                name=name
                value=value
                prop:checked=checked
                aria-labelledby=title_id.clone()
                aria-describedby=help_id.clone()
                on:change=move |_| on_choose()
            />
            <span class="choice-text">
                <span class="choice-title" id=title_id>{title}</span>
                <span class="choice-help" id=help_id>{help}</span>
            </span>
        </label>
    }
}
