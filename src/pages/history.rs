//! `/history`: every change this console made in this tab, newest first, with downloads, clear,
//! and "Put back" for a single PSTN change.

use crate::api::pstn;
use crate::api::ApiError;
use crate::clock::iso8601;
use crate::components::pstn_connection::unchanged;
use crate::components::{ApiErrorView, ConfirmChange, ConfirmDialog};
use crate::history::{self, Entry, History, Undo, What};
use crate::kept_lists::RouteChange;
use crate::session::Session;
use crate::tab_storage::Scope;
use leptos::prelude::*;
use leptos_router::components::A;

/// How a "Put back" ended.
#[derive(Clone, Debug, PartialEq)]
enum PutBack {
    Done { location: String, words: String },
    AlreadySet { location: String, words: String },
}

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let scope = Scope::of(session);
    let load = {
        let scope = scope.clone();
        move || scope.as_ref().map(history::load).unwrap_or_default()
    };
    let history = RwSignal::new(load());
    let reload = StoredValue::new(load);

    let asking = RwSignal::new(None::<Entry>);
    let clearing = RwSignal::new(false);
    let put_back = Action::new_local({
        let client = session.client();
        let scope = scope.clone();
        move |entry: &Entry| {
            let (client, entry, scope) = (client.clone(), entry.clone(), scope.clone());
            async move {
                let Undo {
                    location_id,
                    body,
                    words,
                } = entry
                    .undo
                    .clone()
                    .expect("only entries with an undo are put back");
                let location = entry.subject.clone();
                // Someone may have put it back already: then nothing is sent.
                let now = pstn::connection(&client, &location_id).await?;
                let result = if unchanged(&body, now.as_ref()) {
                    Ok(PutBack::AlreadySet { location, words })
                } else {
                    let sent = pstn::set_connection(&client, &location_id, &body).await;
                    let mut back = Entry::new(What::PstnChanged, &location)
                        .change(entry.after.clone(), words.clone())
                        .answered(&sent);
                    back.link = entry.link.clone();
                    history::record(&scope, back);
                    if sent.is_ok() {
                        // Not read back: the kept connection is read again when shown.
                        let route = RouteChange::of(now.as_ref(), &body);
                        session.kept.connection_set(&location_id, route, None);
                    }
                    sent.map(|_| PutBack::Done { location, words })
                };
                if result.is_ok() {
                    history::mark_undone(&scope, &entry.id);
                }
                // The page may have been left meanwhile.
                if let Some(h) = reload.try_with_value(|load| load()) {
                    history.try_set(h);
                }
                result
            }
        }
    });
    let put_back: Action<Entry, Result<PutBack, ApiError>> = put_back;
    let pending = put_back.pending();

    let confirm = move || {
        if let Some(entry) = asking.get_untracked() {
            asking.set(None);
            put_back.dispatch(entry);
        }
    };
    let cancel = move || asking.set(None);
    let kept = StoredValue::new(scope);
    let clear = move || {
        clearing.set(false);
        history.set(History::default());
        if let Some(scope) = kept.get_value() {
            history::clear(&scope);
        }
    };
    let stamp = move || iso8601(crate::clock::now_ms());
    let download_json = move |_| {
        let name = format!(
            "pstn-console-history-{}.json",
            crate::download::file_stem(&stamp())
        );
        let text = history.with_untracked(History::to_json);
        crate::download::offer(&name, "application/json", &text);
    };
    let download_csv = move |_| {
        let name = format!(
            "pstn-console-history-{}.csv",
            crate::download::file_stem(&stamp())
        );
        let text = history.with_untracked(History::to_csv);
        crate::download::offer(&name, "text/csv;charset=utf-8", &text);
    };
    let empty = move || history.with(|h| h.entries.is_empty());

    let outcome = move || {
        if pending.get() {
            return Some(
                view! { <p class="muted" role="status">"Putting it back…"</p> }.into_any(),
            );
        }
        Some(match put_back.value().get()? {
            Ok(PutBack::Done { location, words }) => view! {
                <div class="alert alert-success" role="status">
                    <p>{format!("{location} is back on {words}.")}</p>
                </div>
            }
            .into_any(),
            Ok(PutBack::AlreadySet { location, words }) => view! {
                <div class="alert alert-info" role="status">
                    <p>{format!("{location} is already on {words}: nothing was sent.")}</p>
                </div>
            }
            .into_any(),
            Err(e) => view! { <ApiErrorView error=e context="The connection was not put back" /> }
                .into_any(),
        })
    };

    view! {
        <section class="history">
            <div class="page-head">
                <crate::components::PageHeading text="History" />
            </div>
            <p class="lead">
                "Every change this console made in this browser tab, newest first. It stays while the tab is open, also after signing in again."
            </p>
            <div class="actions">
                <button type="button" class="button secondary" disabled=empty on:click=download_json>
                    "Download (JSON)"
                </button>
                <button type="button" class="button secondary" disabled=empty on:click=download_csv>
                    "Download (CSV)"
                </button>
                <button
                    type="button"
                    class="button secondary"
                    disabled=empty
                    on:click=move |_| clearing.set(true)
                >
                    "Clear history"
                </button>
            </div>
            {outcome}
            <Show
                when=move || !empty()
                fallback=|| view! { <p class="muted">"No changes made in this tab yet."</p> }
            >
                <div class="table-wrap">
                    <table class="history-table">
                        <caption class="visually-hidden">"Changes made in this tab, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Time"</th>
                                <th scope="col">"What"</th>
                                <th scope="col">"Changed"</th>
                                <th scope="col">"Before → after"</th>
                                <th scope="col">"Result"</th>
                                <th scope="col">"Tracking ID"</th>
                                <th scope="col"><span class="visually-hidden">"Undo"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || history.get().entries
                                key=|e| (e.id.clone(), e.undone, e.outcome.words())
                                let:entry
                            >
                                <HistoryRow entry pending asking />
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
        {move || asking.get().map(|entry| {
            let to = entry.undo.as_ref().map(|u| u.words.clone()).unwrap_or_default();
            view! {
                <ConfirmChange
                    location_name=entry.subject.clone()
                    from=entry.after.clone()
                    to
                    on_confirm=Callback::new(move |()| confirm())
                    on_cancel=Callback::new(move |()| cancel())
                />
            }
        })}
        <Show when=move || clearing.get()>
            <ConfirmDialog
                id="confirm-clear"
                title="Clear the history of this tab?"
                confirm_label="Clear history"
                on_confirm=Callback::new(move |()| clear())
                on_cancel=Callback::new(move |()| clearing.set(false))
            >
                <p>"The list of changes is forgotten; nothing changes in Webex. Download it first to keep it."</p>
            </ConfirmDialog>
        </Show>
    }
}

/// One change: when, what, the thing changed (a link), before → after, result, tracking id.
#[component]
fn HistoryRow(entry: Entry, pending: Memo<bool>, asking: RwSignal<Option<Entry>>) -> impl IntoView {
    let name = entry.subject.clone();
    let subject = match &entry.link {
        Some(path) => view! { <A href=crate::paths::href(path)>{name}</A> }.into_any(),
        None => name.into_any(),
    };
    let change = match (entry.before.is_empty(), entry.after.is_empty()) {
        (true, _) => entry.after.clone(),
        (false, true) => entry.before.clone(),
        (false, false) => format!("{} → {}", entry.before, entry.after),
    };
    let undo = entry.can_undo().then(|| {
        let words = entry
            .undo
            .as_ref()
            .map(|u| u.words.clone())
            .unwrap_or_default();
        let entry = entry.clone();
        view! {
            <button
                type="button"
                class="button small"
                disabled=move || pending.get()
                on:click=move |_| asking.set(Some(entry.clone()))
            >
                {format!("Put back {words}")}
            </button>
        }
    });
    view! {
        <tr>
            <td><time datetime=iso8601(entry.at)>{iso8601(entry.at)}</time></td>
            <td>{entry.what.words()}</td>
            <th scope="row">{subject}</th>
            <td>{change}</td>
            <td>{entry.outcome.words()}</td>
            <td><code>{entry.tracking_id.clone().unwrap_or_default()}</code></td>
            <td>{undo}</td>
        </tr>
    }
}
