//! "Type the name to confirm": the dialog that stands between an admin and a delete.

use crate::where_used::typed_name_matches;
use leptos::html;
use leptos::prelude::*;

/// A modal `alertdialog` that asks the admin to type `name` before `on_confirm` runs.
///
/// It opens as a native modal `<dialog>` (so the page behind is inert), focuses Cancel first,
/// and Escape or Cancel call `on_cancel` (nothing is sent). The confirm button stays disabled
/// until the typed text is the name (see `where_used::typed_name_matches`); Enter in the field
/// confirms too. While `pending`, both buttons wait and Escape does nothing. When it closes,
/// focus goes back to what had it before (the button that opened it). Render it only while
/// open, e.g.
///
/// ```ignore
/// <Show when=move || asking.get()>
///     <ConfirmDelete
///         title=format!("Delete trunk {name}?")
///         name=name.clone()
///         confirm_label="Delete trunk"
///         pending=deleting
///         on_confirm=Callback::new(move |_| { delete.dispatch(()); })
///         on_cancel=Callback::new(move |_| asking.set(false))
///     >
///         <p>"The trunk of location Berlin Office is removed from Webex."</p>
///     </ConfirmDelete>
/// </Show>
/// ```
#[component]
pub fn ConfirmDelete(
    /// The dialog's heading, e.g. "Delete trunk SJC-CUBE-01?".
    #[prop(into)]
    title: String,
    /// The item's name, which the admin types to confirm.
    #[prop(into)]
    name: String,
    /// The words of the confirm button, e.g. "Delete trunk".
    #[prop(into)]
    confirm_label: String,
    /// True while the delete is under way.
    #[prop(into)]
    pending: Signal<bool>,
    /// Runs once the name is typed and the admin confirms.
    on_confirm: Callback<()>,
    /// Runs on Cancel and Escape.
    on_cancel: Callback<()>,
    /// What is deleted and what follows, in a sentence or two.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    let typed = RwSignal::new(String::new());
    let matches = {
        let name = name.clone();
        Memo::new(move |_| typed.with(|t| typed_name_matches(t, &name)))
    };

    // Focus returns to the opener when the dialog goes.
    let opener = document().active_element();
    on_cleanup(move || {
        use wasm_bindgen::JsCast;
        // While the modal dialog is open the page behind takes no focus: close it first.
        if let Some(d) = dialog.try_get_untracked().flatten() {
            d.close();
        }
        if let Some(el) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        if let (Some(d), Some(cancel)) = (dialog.get(), cancel_button.get()) {
            if !d.open() {
                let _ = d.show_modal();
            }
            // The safe choice has the focus first.
            let _ = cancel.focus();
        }
    });

    let cancel = move || {
        if !pending.get_untracked() {
            on_cancel.run(());
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            // Keep the native dialog open: closing is the page's choice, through `on_cancel`.
            ev.prevent_default();
            cancel();
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if matches.get_untracked() && !pending.get_untracked() {
            on_confirm.run(());
        }
    };

    let input_label = format!("Type {name} to confirm");
    view! {
        <dialog
            node_ref=dialog
            class="modal card"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="confirm-delete-title"
            aria-describedby="confirm-delete-text"
            on:keydown=on_keydown
        >
            <h2 id="confirm-delete-title">{title}</h2>
            <div id="confirm-delete-text">{children()}</div>
            <form class="form" on:submit=on_submit novalidate>
                <div class="field">
                    <label for="confirm-delete-name">{input_label}</label>
                    <input
                        id="confirm-delete-name"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || typed.get()
                        on:input:target=move |ev| typed.set(ev.target().value())
                    />
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="button secondary"
                        node_ref=cancel_button
                        disabled=move || pending.get()
                        on:click=move |_| cancel()
                    >
                        "Cancel"
                    </button>
                    <button
                        type="submit"
                        class="button danger"
                        disabled=move || !matches.get() || pending.get()
                        aria-busy=move || pending.get().to_string()
                    >
                        {move || if pending.get() { "Deleting…".to_string() } else { confirm_label.clone() }}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
