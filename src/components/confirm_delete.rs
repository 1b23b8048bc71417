//! "Type the name to confirm": the dialog that stands between an admin and a delete.

use crate::components::ConfirmDialog;
use crate::where_used::typed_name_matches;
use leptos::prelude::*;

/// A [`ConfirmDialog`] (modal `alertdialog`, Cancel focused first, Escape cancels, the page
/// behind inert) that asks the admin to type `name` before `on_confirm` runs: the confirm button
/// stays disabled until the typed text is the name (`where_used::typed_name_matches`); Enter in
/// the field confirms too. While `pending`, confirming and cancelling wait. Render it only while
/// open; when it goes, the focus returns to the button that opened it. E.g.
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
    let typed = RwSignal::new(String::new());
    let label = format!("Type {name} to confirm");
    let ready =
        Signal::derive(move || typed.with(|t| typed_name_matches(t, &name)) && !pending.get());
    let confirm = move || {
        if ready.get_untracked() {
            on_confirm.run(());
        }
    };
    let cancel = Callback::new(move |()| {
        if !pending.get_untracked() {
            on_cancel.run(());
        }
    });
    view! {
        <ConfirmDialog
            id="confirm-delete"
            title=title
            confirm_label=confirm_label
            ready=ready
            danger=true
            on_confirm=Callback::new(move |()| confirm())
            on_cancel=cancel
        >
            {children()}
            <div class="field">
                <label for="confirm-delete-name">{label}</label>
                <input
                    id="confirm-delete-name"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || typed.get()
                    on:input:target=move |ev| typed.set(ev.target().value())
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            confirm();
                        }
                    }
                />
            </div>
        </ConfirmDialog>
    }
}
