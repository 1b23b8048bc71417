//! The frame of one form field: label, help, and the field's error right below it.

use leptos::prelude::*;

/// A labelled field. The control inside must have `id = control_id` and point `aria-describedby`
/// at [`described_by`]`(control_id, help, error shown)`: `{control_id}-help` exists when the field
/// has help, `{control_id}-error` while the error shows.
#[component]
pub fn Field(
    /// The id of the control the label is for.
    #[prop(into)]
    control_id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A plain sentence under the control.
    #[prop(into, optional)]
    help: Option<String>,
    /// The field's current error, if shown.
    #[prop(into)]
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let help_id = format!("{control_id}-help");
    let error_id = format!("{control_id}-error");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=control_id>{label}</label>
            {children()}
            {help.map(|h| view! { <p class="help" id=help_id>{h}</p> })}
            {move || {
                error
                    .get()
                    .map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })
            }}
        </div>
    }
}

/// The `aria-describedby` of a control: `{control_id}-{hint}` (its help, say `"help"`) when it has
/// one and `{control_id}-error` while its error shows; never an id that is not on the page.
pub fn described_by(control_id: &str, hint: Option<&str>, error_shown: bool) -> String {
    let hint = hint.map(|h| format!("{control_id}-{h}"));
    let error = error_shown.then(|| format!("{control_id}-error"));
    hint.into_iter().chain(error).collect::<Vec<_>>().join(" ")
}

/// Moves keyboard focus to the element with this id (the first invalid field after a submit),
/// once the errors the submit revealed are on the page.
pub fn focus(element_id: &str) {
    let element_id = element_id.to_string();
    request_animation_frame(move || focus_now(&element_id));
}

/// Moves keyboard focus to the element with this id now, if it is on the page.
pub fn focus_now(element_id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// True when focus leaves a control for a form's submit button.
pub fn moves_to_submit(ev: &web_sys::FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some_and(|b| b.type_() == "submit")
}

/// Which fields of a form the admin has left, and whether they submitted: a field's error shows
/// only after one of the two.
#[derive(Clone, Copy)]
pub struct Touched {
    left: RwSignal<Vec<&'static str>>,
    submitted: RwSignal<bool>,
}

impl Touched {
    /// Nothing left, nothing submitted.
    pub fn new() -> Self {
        Touched {
            left: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
        }
    }

    /// The admin left `field`. Also run by a blur as the form is taken off the page (the
    /// session ended), hence `try_`.
    pub fn leave(self, field: &'static str) {
        self.left.try_update(|t| {
            if !t.contains(&field) {
                t.push(field);
            }
        });
    }

    /// The admin submitted the form: every error shows.
    pub fn submit(self) {
        self.submitted.set(true);
    }

    /// Whether `field`'s error shows (tracked).
    pub fn shows(self, field: &'static str) -> bool {
        self.submitted.get() || self.left.with(|t| t.contains(&field))
    }

    /// A blur handler for `field`. Leaving it for the submit button shows nothing yet: the
    /// submit shows every error, and an error appearing on the way would move the button from
    /// under the pointer.
    pub fn on_blur(self, field: &'static str) -> Callback<web_sys::FocusEvent> {
        Callback::new(move |ev: web_sys::FocusEvent| self.blur(field, &ev))
    }

    /// What [`Touched::on_blur`] does, for a control's own `on:blur`.
    pub fn blur(self, field: &'static str, ev: &web_sys::FocusEvent) {
        if !moves_to_submit(ev) {
            self.leave(field);
        }
    }
}

impl Default for Touched {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_name_only_what_is_shown() {
        assert_eq!(
            described_by("trunk-name", Some("help"), true),
            "trunk-name-help trunk-name-error"
        );
        assert_eq!(
            described_by("trunk-name", Some("help"), false),
            "trunk-name-help"
        );
        assert_eq!(
            described_by("trunk-maxConcurrentCalls", Some("range"), false),
            "trunk-maxConcurrentCalls-range"
        );
        assert_eq!(described_by("x", None, true), "x-error");
        assert_eq!(described_by("x", None, false), "");
    }
}
