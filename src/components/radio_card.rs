//! A radio button as a card: a short name and a line of advice.

use leptos::prelude::*;

/// A radio button as a card: a short title (its accessible name) and a line of help (its
/// description), so a screen reader says "Registering, radio button" and then the advice.
#[component]
pub fn RadioCard(
    /// The radio's element id; `{id}-title` and `{id}-help` name and describe it.
    #[prop(into)]
    id: String,
    /// The Webex field name.
    name: &'static str,
    /// The value sent when chosen.
    #[prop(into)]
    value: String,
    /// The short name.
    #[prop(into)]
    title: String,
    /// The advice under it.
    #[prop(into)]
    help: String,
    /// Whether this one is chosen.
    checked: Signal<bool>,
    /// Called when the admin chooses it.
    on_choose: impl Fn() + 'static,
    /// Called when the radio loses focus (to show the field's error).
    #[prop(optional)]
    on_leave: Option<Callback<leptos::ev::FocusEvent>>,
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
                on:blur=move |ev| {
                    if let Some(cb) = on_leave {
                        // A blur also comes as the form is taken off the page: `try_`.
                        cb.try_run(ev);
                    }
                }
            />
            <span class="choice-text">
                <span class="choice-title" id=title_id>{title}</span>
                <span class="choice-help" id=help_id>{help}</span>
            </span>
        </label>
    }
}
