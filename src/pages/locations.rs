//! Locations: every Webex Calling location with its PSTN connection, searchable and paged.
//!
//! The list is the session's kept list (`crate::kept_lists`): its first page shows as soon as it
//! arrives and the rest fill in; each connection is one more call, so they are read only for
//! the rows on the current page, a few at a time, kept too, and fill in as they come.

use crate::bulk::filter::{countries, left_out, ConnectionFilter};
use crate::components::location_row::RowSources;
use crate::components::location_selection::{BatchFilter, BatchFilters, Chosen, SelectionBar};
use crate::components::location_table::LocationTable;
use crate::components::pstn_connection::RouteNames;
use crate::components::{ListStatus, LoadFailed, Loading, PageHeading};
use crate::counting::thousands;
use crate::kept_lists::ReadState;
use crate::list_address::ListAddress;
use crate::location_rows::{page_count, page_range, rows_of, Found, LastSearch};
use crate::session::Session;
use crate::tab_storage::Scope;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// How long rows stay on screen before their connections are read.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

/// The locations list at `/locations` (`?q=` searches, `?page=` pages).
#[component]
pub fn LocationList() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let chosen = Chosen::new(Scope::of(session));
    let filter = BatchFilter::new();
    // The address is the one source of the search and page: Back, links and the header's
    // "Locations" (which clears both) all show what the address says.
    // Typing shows at once; the address follows a moment later, replaced (crate::list_address).
    let address = ListAddress::new("/locations");
    let (query, page) = (address.query, address.page);

    let kept = session.kept;
    kept.locations.ensure(&client);
    kept.trunks.ensure(&client);
    kept.route_groups.ensure(&client);
    let status = kept.locations.status();
    let all_rows = Memo::new(move |_| Arc::new(kept.locations.with(|k| rows_of(&k.items))));
    // What the page shows: rows as soon as there are any (a memo, so more rows arriving do not
    // build the page again and nothing typed is lost).
    let shape = Memo::new(move |_| {
        kept.locations.with(|k| match &k.state {
            _ if !k.items.is_empty() => Some(Ok(())),
            ReadState::Failed(e) => Some(Err(e.clone())),
            ReadState::Read => Some(Ok(())),
            ReadState::NotRead | ReadState::Reading(_) => None,
        })
    });
    let refresh = Callback::new({
        let client = client.clone();
        move |()| {
            kept.locations.refresh(&client);
            kept.countries.refresh(&client);
            kept.connections.clear();
        }
    });
    // Each location's country, for the country filter: kept too.
    kept.countries.ensure(&client);
    let country_of = Memo::new(move |_| {
        kept.countries.with(|k| {
            (k.state == ReadState::Read).then(|| {
                let of: HashMap<String, String> = k
                    .items
                    .iter()
                    .map(|c| (c.id.clone(), c.country.clone()))
                    .collect();
                Arc::new(of)
            })
        })
    });
    let countries = Signal::derive(move || {
        country_of.with(|c| {
            c.as_ref()
                .map(|c| countries(c.values().map(String::as_str)))
        })
    });
    let names = Memo::new(move |_| {
        kept.trunks.with(|t| {
            kept.route_groups
                .with(|g| RouteNames::new(&t.items, &g.items))
        })
    });
    let trunk_names = Signal::derive(move || kept.trunks.with(|k| k.items.clone()));
    let group_names = Signal::derive(move || kept.route_groups.with(|k| k.items.clone()));
    let reading_list = |s: &ReadState| matches!(s, ReadState::NotRead | ReadState::Reading(_));
    let names_pending = Signal::derive(move || {
        kept.trunks.with(|t| reading_list(&t.state))
            || kept.route_groups.with(|g| reading_list(&g.state))
    });
    let names_error = move || {
        let failed = |s: &ReadState| match s {
            ReadState::Failed(e) => Some(e.clone()),
            _ => None,
        };
        kept.trunks
            .with(|t| failed(&t.state))
            .or_else(|| kept.route_groups.with(|g| failed(&g.state)))
    };

    let connections = kept.connections;

    let rows = move || Some(all_rows.get());
    // What the search and country keep; the connection filter needs their connections read.
    // A keystroke that adds to the search looks only among what the last one found.
    let last_search = StoredValue::new(LastSearch::default());
    let candidates = Memo::new(move |_| {
        let q = query.get();
        let country = filter.country.get();
        let Some(rows) = rows() else {
            return Vec::new();
        };
        let found = last_search
            .try_update_value(|last| last.search(&rows, &q))
            .unwrap_or_default();
        if country.is_empty() {
            return found;
        }
        country_of.with(|c| match c {
            Some(of) => found
                .into_iter()
                .filter(|&i| of.get(&rows[i].id) == Some(&country))
                .collect(),
            _ => found,
        })
    });
    let by_connection = Memo::new(move |_| filter.connection());
    // Every candidate's connection read (always, without a connection filter).
    let complete = Memo::new(move |_| {
        if !by_connection.with(ConnectionFilter::needs_connections) {
            return true;
        }
        if connections.pending() > 0 {
            return false;
        }
        let all = rows().unwrap_or_default();
        connections
            .with(|read| candidates.with(|c| c.iter().all(|&i| read.contains_key(&all[i].id))))
    });
    let reading = move || !complete.get();
    // "Select all N shown" only once every location is in and every connection it needs read.
    let all_in =
        Signal::derive(move || !reading() && kept.locations.with(|k| k.state == ReadState::Read));
    // What the connection filter keeps, and the candidates whose connection could not be read
    // (it cannot place them: the page says how many it leaves out and offers to read them again).
    let by_filter = Memo::new(move |_| {
        let keep = by_connection.get();
        if !keep.needs_connections() {
            return (candidates.get(), Vec::new());
        }
        // The filtered set shows once every connection is read.
        let Some(rows) = rows().filter(|_| complete.get()) else {
            return (Vec::new(), Vec::new());
        };
        let (mut kept, mut unreadable) = (Vec::new(), Vec::new());
        connections.with(|read| {
            candidates.with(|c| {
                for &i in c {
                    match read.get(&rows[i].id) {
                        Some(Ok(connection)) if keep.keeps(connection.as_ref()) => kept.push(i),
                        Some(Err(_)) => unreadable.push(rows[i].id.clone()),
                        _ => {}
                    }
                }
            })
        });
        (kept, unreadable)
    });
    // What the list shows, across pages: positions in every row, so a keystroke copies no row.
    let matches = Memo::new(move |_| {
        let rows = all_rows.get();
        by_filter.with(|(kept, _)| Found::new(rows, kept.as_slice()))
    });
    let unreadable = Memo::new(move |_| by_filter.with(|(_, unreadable)| unreadable.clone()));
    let read_again = move |_| {
        let ids = unreadable.get_untracked();
        for id in &ids {
            connections.forget(id);
        }
        connections.want(ids);
    };
    let total = move || matches.with(Found::len);
    let pages = move || page_count(total());
    let shown_page = move || page.get().clamp(1, pages());
    let range = Memo::new(move |_| page_range(total(), page.get()));
    // The page's rows only (the table keeps a row element per place on the page).
    let visible =
        Memo::new(move |_| matches.with(|m| m.rows(range.get()).cloned().collect::<Vec<_>>()));
    let empty = move || {
        (total() == 0).then(|| {
            let q = query.get();
            if q.trim().is_empty() {
                "This organization has no Webex Calling locations yet.".to_owned()
            } else {
                format!("No location matches “{}”.", q.trim())
            }
        })
    };
    // Reading connections is talking to the outside world: only for the rows on screen once
    // they stay there a moment and the search is still, so that typing a search does not read
    // every row it passes (nor draw their answers between two keystrokes).
    let shown_since = StoredValue::new(0u64);
    Effect::new(move |_| {
        query.track();
        let ids: Vec<String> = if by_connection.with(ConnectionFilter::needs_connections) {
            let all = rows().unwrap_or_default();
            candidates.with(|c| c.iter().map(|&i| all[i].id.clone()).collect())
        } else {
            visible.with(|v| v.iter().map(|r| r.id.clone()).collect())
        };
        shown_since.update_value(|n| *n += 1);
        let this = shown_since.get_value();
        set_timeout(
            move || {
                if shown_since.try_get_value() == Some(this) {
                    connections.want(ids);
                }
            },
            SETTLE,
        );
    });
    let retry = move |id: String| {
        connections.forget(&id);
        connections
            .want(visible.with_untracked(|v| v.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    };

    let go_to = move |n: usize| address.go_to(n);
    let go_back = move |_: leptos::ev::MouseEvent| go_to(shown_page().saturating_sub(1).max(1));
    let go_next = move |_: leptos::ev::MouseEvent| go_to((shown_page() + 1).min(pages()));

    let summary = move || {
        let total = total();
        let r = range.get();
        let q = query.get();
        let all = all_rows.with(|a| a.len());
        let of = if q.trim().is_empty() {
            format!("{} locations", thousands(all))
        } else {
            format!("{} of {} locations match", thousands(total), thousands(all))
        };
        if total == 0 {
            of
        } else {
            format!(
                "{of} · showing {}–{}",
                thousands(r.start + 1),
                thousands(r.end)
            )
        }
    };

    view! {
        <section class="locations">
            <div class="page-head">
                <PageHeading text="Locations" />
            </div>
            <p class="lead">
                "How each Webex Calling location reaches the phone network. Open a location to see or change its PSTN connection."
            </p>
            {move || {
                names_error()
                    .map(|e| {
                        view! {
                            <LoadFailed
                                error=e
                                context="Trunk and route group names could not be read; connections through them are shown without names."
                                on_retry=Callback::new({
                                    let client = client.clone();
                                    move |()| {
                                        kept.trunks.retry_failed(&client);
                                        kept.route_groups.retry_failed(&client);
                                    }
                                })
                            />
                        }
                    })
            }}
            {move || match shape.get() {
                None => view! { <Loading text="Loading locations…" /> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <LoadFailed error=e context="The locations could not be read" on_retry=refresh />
                    }
                        .into_any()
                }
                Some(Ok(_)) => {
                    view! {
                        <div class="filters" role="search">
                            <div class="field">
                                <label for="location-search">"Search locations"</label>
                                <input
                                    id="location-search"
                                    type="search"
                                    autocomplete="off"
                                    placeholder="Part of a location name"
                                    prop:value=move || query.get()
                                    on:input:target=move |ev| address.type_query(ev.target().value())
                                    on:blur=move |_| address.flush()
                                />
                            </div>
                            <BatchFilters filter countries trunks=trunk_names groups=group_names />
                            <p class="count" role="status">
                                {summary}
                            </p>
                        </div>
                        <ListStatus status noun="locations" on_refresh=refresh />
                        <Show when=reading>
                            <p class="reading" role="status">
                                {move || {
                                    let total = candidates.with(Vec::len);
                                    let left = connections.pending().min(total);
                                    format!(
                                        "Reading connections: {} of {}",
                                        thousands(total - left),
                                        thousands(total),
                                    )
                                }}
                            </p>
                        </Show>
                        <Show when=move || unreadable.with(|u| !u.is_empty())>
                            <div class="alert alert-warning" role="alert" data-testid="connections-unreadable">
                                {move || left_out(unreadable.with(Vec::len))}
                                " "
                                <button type="button" class="button small" on:click=read_again>
                                    "Read them again"
                                </button>
                            </div>
                        </Show>
                        <SelectionBar chosen shown=matches.into() ready=all_in />
                        <LocationTable
                            visible
                            empty=Signal::derive(empty)
                            sources=RowSources {
                                chosen,
                                connections,
                                names,
                                names_pending,
                                retry: Callback::new(retry),
                            }
                        />
                        <Show when=move || { pages() > 1 }>
                            <nav class="pager" aria-label="Pages">
                                <button
                                    type="button"
                                    class="button small"
                                    disabled=move || { shown_page() <= 1 }
                                    on:click=go_back
                                >
                                    "Previous"
                                </button>
                                <span class="pager-at">
                                    {move || format!("Page {} of {}", shown_page(), pages())}
                                </span>
                                <button
                                    type="button"
                                    class="button small"
                                    disabled=move || { shown_page() >= pages() }
                                    on:click=go_next
                                >
                                    "Next"
                                </button>
                            </nav>
                        </Show>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
