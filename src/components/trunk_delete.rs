//! Deleting a trunk from its page: where-used first, then a typed confirmation, then one DELETE.

use crate::api::trunks;
use crate::api::ApiError;
use crate::components::{ApiErrorView, ConfirmDelete, Notice, UsedByList};
use crate::history::{self, Entry, What};
use crate::session::Session;
use crate::tab_storage::Scope;
use crate::where_used::UsedBy;
use leptos::prelude::*;

/// What uses the trunk, as last read (`None` while the first read is under way).
pub type WhereUsed = RwSignal<Option<Result<UsedBy, ApiError>>>;

/// Reads what uses the trunk into `used`; answers whether it was read and nothing uses it.
pub async fn read_where_used(client: &crate::api::Client, id: &str, used: WhereUsed) -> bool {
    let answer = trunks::where_used(client, id)
        .await
        .map(|w| UsedBy::trunk(&w));
    let free = matches!(&answer, Ok(u) if !u.in_use());
    used.try_set(Some(answer));
    free
}

/// The "Delete trunk" button and what follows it. Before anything is sent the trunk's usage is
/// read again (into `used`, which the page's "Used by" shows too): a used trunk is not offered
/// for deletion, the page says what to change first; an unused one asks for its name in a
/// dialog. After the DELETE the admin lands on `/trunks` with "Trunk <name> deleted.".
#[component]
pub fn TrunkDelete(
    /// The trunk's id.
    id: String,
    /// The trunk's name, typed to confirm.
    name: String,
    /// The trunk's location, named in the dialog.
    location_name: String,
    /// What uses the trunk, shared with the page.
    used: WhereUsed,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let notice = expect_context::<Notice>();
    let navigate = crate::paths::use_navigate();
    let asking = RwSignal::new(false);
    // Shown only after the admin asked to delete: the where-used answer then is the reason.
    let asked = RwSignal::new(false);

    let check = Action::new_local({
        let client = client.clone();
        let id = id.clone();
        move |_: &()| {
            let client = client.clone();
            let id = id.clone();
            async move {
                if read_where_used(&client, &id, used).await {
                    asking.try_set(true);
                }
            }
        }
    });
    let delete = Action::new_local({
        let client = client.clone();
        let id = id.clone();
        let name = name.clone();
        let location_name = location_name.clone();
        move |_: &()| {
            let client = client.clone();
            let id = id.clone();
            let name = name.clone();
            let navigate = navigate.clone();
            let entry = Entry::new(What::TrunkDeleted, &name)
                .change(format!("trunk \"{name}\" at {location_name}"), "");
            let scope = Scope::of(session);
            async move {
                let result = trunks::delete(&client, &id).await;
                history::record(&scope, entry.answered(&result));
                asking.try_set(false);
                match &result {
                    Ok(_) => {
                        // Gone from the kept trunk list without reading it again.
                        session.kept.trunks.remove(&id);
                        notice.say(format!("Trunk {name} deleted."));
                        navigate("/trunks", Default::default());
                    }
                    // It became used meanwhile: show the fresh list with Webex's answer.
                    Err(e) if e.status() == Some(409) => {
                        read_where_used(&client, &id, used).await;
                    }
                    Err(_) => {}
                }
                result
            }
        }
    });
    let deleting = delete.pending();
    let busy = move || check.pending().get() || deleting.get();

    let on_delete = move |_| {
        if busy() {
            return;
        }
        asked.set(true);
        delete.value().set(None);
        check.dispatch(());
    };

    let blocked = move || {
        if !asked.get() {
            return None;
        }
        match used.get()? {
            Ok(u) if u.in_use() => Some(
                view! {
                    <div class="alert alert-warning" role="alert" data-testid="delete-blocked">
                        <p class="alert-title">
                            "This trunk cannot be deleted while it is in use. " {u.summary()}
                        </p>
                        <p>"Change these first, then delete the trunk:"</p>
                        <UsedByList used_by=u nothing="" say_what_to_change=true />
                    </div>
                }
                .into_any(),
            ),
            Ok(_) => None,
            Err(e) => Some(
                view! { <ApiErrorView error=e context="Nothing was deleted: the console could not read where the trunk is used." /> }
                    .into_any(),
            ),
        }
    };
    let title = format!("Delete trunk {name}?");
    let what = StoredValue::new(format!("Trunk {name} of location {location_name} is removed from Webex. Its gateway can no longer carry calls for Webex Calling."));
    view! {
        <button
            type="button"
            class="button danger"
            on:click=on_delete
            // Not `disabled`: the button keeps the focus, so it gets it back when the dialog closes.
            aria-disabled=move || busy().to_string()
            aria-busy=move || busy().to_string()
        >
            {move || if check.pending().get() { "Checking where it is used…" } else { "Delete trunk" }}
        </button>
        <div class="delete-outcome">
            {blocked}
            {move || delete.value().get().and_then(Result::err).map(|e| view! {
                <ApiErrorView error=e context="Webex did not delete the trunk." />
            })}
        </div>
        <Show when=move || asking.get()>
            <ConfirmDelete
                title=title.clone()
                name=name.clone()
                confirm_label="Delete trunk"
                pending=deleting
                on_confirm=Callback::new(move |_| {
                    delete.dispatch(());
                })
                on_cancel=Callback::new(move |_| asking.set(false))
            >
                <p>{what.get_value()}</p>
                <p>"This cannot be undone."</p>
            </ConfirmDelete>
        </Show>
    }
}
