//! `/locations/bulk`: the PSTN connection of many locations at once. The chosen locations are
//! read (options and current connection, a few at a time), the admin picks one target, the
//! preview says for each location what would change, and "Apply" hands the plan to the
//! [`Runner`]. While a run exists, the page shows it instead.

use crate::api::pstn;
use crate::api::{route_groups, trunks, ApiError};
use crate::bounded_loader::BoundedLoader;
use crate::bulk::pacing::{Purpose, Run, IN_FLIGHT};
use crate::bulk::plan::{self, Reading, Step, Totals, Verdict};
use crate::bulk::runner::Runner;
use crate::bulk::selection::{self, Selection};
use crate::clock::now_ms;
use crate::components::bulk_run::BulkRun;
use crate::components::bulk_target::{BulkTarget, TargetChoice};
use crate::components::pstn_connection::RouteNames;
use crate::components::{ApiErrorView, ConfirmDialog, Loading};
use crate::counting::thousands;
use crate::kept_lists::ReadState;
use crate::session::Session;
use crate::tab_storage::Scope;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// Preview rows per page.
const PAGE_SIZE: usize = 100;

/// A failed read in words: Webex's message, status and tracking id.
pub fn error_words(e: &ApiError) -> String {
    match e.reference() {
        Some(reference) => format!("{e} ({reference})"),
        None => e.to_string(),
    }
}

/// The bulk page.
#[component]
pub fn BulkPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let runner = expect_context::<Runner>();
    let client = session.client();
    let scope = Scope::of(session);
    let chosen = scope.as_ref().map(selection::load).unwrap_or_default();

    // The trunks and route groups: the session's kept lists, shared with /locations.
    let kept = session.kept;
    kept.trunks.ensure(&client);
    kept.route_groups.ensure(&client);
    let trunks = Signal::derive(move || kept.trunks.with(|k| k.items.clone()));
    let groups = Signal::derive(move || kept.route_groups.with(|k| k.items.clone()));
    let names = Memo::new(move |_| trunks.with(|t| groups.with(|g| RouteNames::new(t, g))));
    if let Some(scope) = scope.clone() {
        runner.attach(scope, names.get_untracked());
    }
    // The words of read-backs use the names once they are read.
    Effect::new(move |_| {
        let names = names.get();
        if let Some(scope) = Scope::of(session) {
            runner.attach(scope, names);
        }
    });
    let failed = |s: &ReadState| match s {
        ReadState::Failed(e) => Some(e.clone()),
        _ => None,
    };
    let lists_error = move || {
        kept.trunks
            .with(|k| failed(&k.state))
            .or_else(|| kept.route_groups.with(|k| failed(&k.state)))
    };

    view! {
        <section class="bulk">
            <p class="breadcrumb">
                <A href=crate::paths::href("/locations")>"← All locations"</A>
            </p>
            <crate::components::PageHeading text="Change the PSTN of many locations" />
            {move || lists_error().map(|e| view! {
                <ApiErrorView error=e context="Trunk and route group names could not be read; routes are shown without names." />
            })}
            {move || match runner.run().get() {
                Some(_) => view! { <BulkRun /> }.into_any(),
                None if chosen.is_empty() => view! {
                    <p>
                        "No locations are chosen. Choose them on the "
                        <A href=crate::paths::href("/locations")>"Locations"</A>
                        " page, then press “Change PSTN of N locations”."
                    </p>
                }
                .into_any(),
                None => view! {
                    <Preview chosen=chosen.clone() names trunks groups />
                }
                .into_any(),
            }}
        </section>
    }
}

/// The preview: read, choose the target, see the plan, apply.
#[component]
fn Preview(
    chosen: Selection,
    names: Memo<RouteNames>,
    trunks: Signal<Vec<trunks::TrunkSummary>>,
    groups: Signal<Vec<route_groups::RouteGroupSummary>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let runner = expect_context::<Runner>();
    let client = session.client();
    let chosen = Arc::new(chosen);
    let total = chosen.len();

    let readings: BoundedLoader<Reading> = BoundedLoader::new(IN_FLIGHT, move |id: String| {
        let client = client.clone();
        async move {
            let options = pstn::options(&client, &id)
                .await
                .map_err(|e| error_words(&e))?;
            let current = pstn::connection(&client, &id)
                .await
                .map_err(|e| error_words(&e))?;
            // Read fresh for the plan: the kept list of locations shows it too.
            session.kept.connections.put(&id, Ok(current.clone()));
            Ok((options, current))
        }
    });
    readings.want(chosen.picked().iter().map(|p| p.id.clone()));
    let read = move || readings.loaded();
    let complete = move || read() >= total;

    let providers = Signal::derive(move || {
        readings.with(|r| {
            plan::provider_names(
                r.values()
                    .filter_map(|r| r.as_ref().ok())
                    .map(|(o, _)| o.as_slice()),
            )
        })
    });
    let choice = TargetChoice::new();
    let target = Memo::new(move |_| choice.target());
    let steps = Memo::new({
        let chosen = chosen.clone();
        move |_| {
            if !complete() {
                return None;
            }
            let target = target.get()?;
            let names = names.get();
            Some(readings.with(|r| {
                chosen
                    .picked()
                    .iter()
                    .filter_map(|p| {
                        let reading = r.get(&p.id)?;
                        Some(plan::step(&target, &p.id, &p.name, reading, &names))
                    })
                    .collect::<Vec<Step>>()
            }))
        }
    });
    let totals = move || steps.with(|s| s.as_deref().map(Totals::of));

    let find = RwSignal::new(String::new());
    let page = RwSignal::new(1usize);
    let shown = Memo::new(move |_| {
        let words: Vec<String> = find
            .get()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        steps.with(|s| {
            s.as_deref()
                .unwrap_or_default()
                .iter()
                .filter(|s| {
                    let name = s.location_name.to_lowercase();
                    words.iter().all(|w| name.contains(w.as_str()))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let pages = move || shown.with(Vec::len).div_ceil(PAGE_SIZE).max(1);
    let page_rows = move || {
        let p = page.get().clamp(1, pages());
        shown.with(|s| {
            s.iter()
                .skip((p - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    let confirming = RwSignal::new(false);
    let apply = move || {
        confirming.set(false);
        let (Some(steps), Some(target)) = (steps.get_untracked(), target.get_untracked()) else {
            return;
        };
        let words = names.with_untracked(|n| target.words(n));
        runner.start(
            Run::new(Purpose::Apply, words, steps, now_ms()),
            session.client(),
        );
    };

    view! {
        <p class="lead">{format!("{} locations chosen.", thousands(total))}</p>
        <Show when=move || !complete()>
            <div class="reading" role="status">
                <p>{move || format!("Reading connections: {} of {}", thousands(read()), thousands(total))}</p>
                <div
                    class="progress"
                    role="progressbar"
                    aria-label="Reading connections"
                    aria-valuemin="0"
                    aria-valuemax=total.to_string()
                    aria-valuenow=move || read().to_string()
                >
                    <div class="progress-bar" style:width=move || format!("{}%", read() * 100 / total.max(1))></div>
                </div>
            </div>
        </Show>
        <form class="form" novalidate on:submit=|ev| ev.prevent_default()>
            <BulkTarget trunks groups providers choice />
            <div class="field">
                <label for="bulk-find">"Find in the preview"</label>
                <input
                    id="bulk-find"
                    type="search"
                    autocomplete="off"
                    prop:value=move || find.get()
                    on:input=move |ev| {
                        find.set(event_target_value(&ev));
                        page.set(1);
                    }
                />
            </div>
        </form>
        {move || match (totals(), complete()) {
            (_, false) => view! { <Loading text="The preview shows once every location is read." /> }.into_any(),
            (None, true) => view! { <p class="muted">"Choose the connection to see what would change."</p> }.into_any(),
            (Some(t), true) => view! {
                <section class="card bulk-preview" aria-labelledby="bulk-preview-heading">
                    <h2 id="bulk-preview-heading">"Preview"</h2>
                    <p class="totals" role="status">{t.words()}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button primary"
                            disabled=t.change == 0
                            on:click=move |_| confirming.set(true)
                        >
                            {format!("Apply to {} locations", thousands(t.change))}
                        </button>
                    </div>
                    <PreviewTable rows=Signal::derive(page_rows) />
                    <Show when=move || { pages() > 1 }>
                        <nav class="pager" aria-label="Preview pages">
                            <button type="button" class="button small" disabled=move || page.get() <= 1
                                on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>"Previous"</button>
                            <span class="pager-at">{move || format!("Page {} of {}", page.get().clamp(1, pages()), pages())}</span>
                            <button type="button" class="button small" disabled=move || page.get() >= pages()
                                on:click=move |_| page.update(|p| *p = (*p + 1).min(pages()))>"Next"</button>
                        </nav>
                    </Show>
                </section>
            }
            .into_any(),
        }}
        <Show when=move || confirming.get()>
            {move || totals().map(|t| view! {
                <ConfirmDialog
                    id="confirm-bulk"
                    title=format!("Change the PSTN connection of {} locations?", thousands(t.change))
                    confirm_label=format!("Apply to {} locations", thousands(t.change))
                    on_confirm=Callback::new(move |()| apply())
                    on_cancel=Callback::new(move |()| confirming.set(false))
                >
                    <p>{t.words()}</p>
                    <p>
                        <strong>"To: "</strong>
                        {target.get_untracked().map(|t| names.with_untracked(|n| t.words(n)))}
                    </p>
                    <p class="muted">
                        "Live calls at these locations use the new connection as soon as Webex accepts each change. Skipped locations are not sent."
                    </p>
                </ConfirmDialog>
            })}
        </Show>
    }
}

/// One page of the preview: location, from → to, and the verdict.
#[component]
fn PreviewTable(rows: Signal<Vec<Step>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="bulk-table">
                <caption class="visually-hidden">"What would change at each chosen location"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Location"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"After"</th>
                        <th scope="col">"What happens"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|s| (s.location_id.clone(), s.to.clone(), s.verdict.clone())
                        let:step
                    >
                        <tr class:skipped=step.verdict.ne(&Verdict::WillChange)>
                            <th scope="row">{step.location_name.clone()}</th>
                            <td>{step.from.clone()}</td>
                            <td>{step.to.clone()}</td>
                            <td>{step.verdict.words()}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
