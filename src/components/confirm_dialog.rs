//! A modal `alertdialog` that asks before a change to live service: Cancel has the focus first,
//! Escape cancels, Tab stays inside, the page behind is inert (a native modal `<dialog>`), and
//! the focus goes back where it was when the dialog goes.

use leptos::html;
use leptos::prelude::*;

/// Asks before something is sent. The body (`children`) says what the change does; the
/// confirm button runs `on_confirm` and is enabled only while `ready` holds (e.g. while the
/// typed name matches).
#[component]
pub fn ConfirmDialog(
    /// The element id prefix of the dialog's title and text.
    #[prop(into)]
    id: String,
    /// The question, e.g. "Delete route group RG-EMEA?".
    #[prop(into)]
    title: String,
    /// The words of the confirm button, e.g. "Delete route group".
    #[prop(into)]
    confirm_label: String,
    /// Whether the confirm button may be pressed.
    #[prop(into, optional)]
    ready: Option<Signal<bool>>,
    /// The confirm button is styled as dangerous (deletes).
    #[prop(optional)]
    danger: bool,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    let ready = ready.unwrap_or_else(|| Signal::derive(|| true));
    // Opened as a modal (the page behind inert); the safe choice has the focus first.
    Effect::new(move |_| {
        if let (Some(d), Some(b)) = (dialog.get(), cancel_button.get()) {
            if !d.open() {
                let _ = d.show_modal();
            }
            let _ = b.focus();
        }
    });
    // When it goes, the focus returns to what had it (the button that opened it). While the
    // modal is open the page behind takes no focus, so it is closed first.
    let opener = document().active_element();
    on_cleanup(move || {
        use wasm_bindgen::JsCast;
        if let Some(d) = dialog.try_get_untracked().flatten() {
            d.close();
        }
        if let Some(el) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            // Keeps the native dialog from closing itself: closing is the page's, by `on_cancel`.
            ev.prevent_default();
            on_cancel.run(());
        }
        // Keep Tab inside the dialog while it is open: from the last control (Cancel) to the
        // first one, and back.
        "Tab" => {
            use wasm_bindgen::JsCast;
            let (Some(dialog), Some(last)) =
                (dialog.get_untracked(), cancel_button.get_untracked())
            else {
                return;
            };
            let Some(first) = dialog
                .query_selector("input:not([disabled]), button:not([disabled])")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let active = document().active_element();
            let first_el: &web_sys::Element = &first;
            let last_el: &web_sys::Element = &last;
            if ev.shift_key() && active.as_ref() == Some(first_el) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && active.as_ref() == Some(last_el) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    let title_id = format!("{id}-title");
    let text_id = format!("{id}-text");
    let confirm_class = if danger {
        "button danger"
    } else {
        "button primary"
    };
    view! {
        <dialog
                class="modal card"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby=title_id.clone()
                aria-describedby=text_id.clone()
                node_ref=dialog
                on:keydown=on_keydown
                // The browser's own Escape: cancel as the admin asked; the view closes it.
                on:cancel=move |ev: leptos::ev::Event| {
                    ev.prevent_default();
                    // After Escape's keydown it may come with the dialog already gone.
                    on_cancel.try_run(());
                }
            >
                <h2 id=title_id.clone()>{title}</h2>
                <div id=text_id.clone()>{children()}</div>
                <div class="actions">
                    <button
                        type="button"
                        class=confirm_class
                        disabled=move || !ready.get()
                        on:click=move |_| on_confirm.run(())
                    >
                        {confirm_label}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        node_ref=cancel_button
                        on:click=move |_| on_cancel.run(())
                    >
                        "Cancel"
                    </button>
                </div>
        </dialog>
    }
}

/// Asks before a location's working connection is changed, saying from what to what (the PSTN
/// page and "Put back" in the history).
#[component]
pub fn ConfirmChange(
    #[prop(into)] location_name: String,
    #[prop(into)] from: String,
    #[prop(into)] to: String,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <ConfirmDialog
            id="confirm-change"
            title=format!("Change the PSTN connection of {location_name}?")
            confirm_label="Change connection"
            on_confirm
            on_cancel
        >
            <p class="change-line">
                <strong>"From: "</strong>
                {from}
            </p>
            <p class="change-arrow" aria-hidden="true">"→"</p>
            <p class="change-line">
                <strong>"To: "</strong>
                {to}
            </p>
            <p class="muted">
                "This changes how live calls leave this location: calls to and from the phone network use the new connection as soon as Webex accepts it."
            </p>
        </ConfirmDialog>
    }
}
