//! Locations: every Webex Calling location with its PSTN connection, searchable and paged.
//!
//! The list shows as soon as the locations are read; each connection is one more call, so they
//! are read only for the rows on the current page, a few at a time, and fill in as they come.

use crate::api::client::path_segment;
use crate::api::locations::{self, Location};
use crate::api::pstn::{self, Connection, ConnectionType};
use crate::api::{route_groups, trunks, ApiError};
use crate::bounded_loader::BoundedLoader;
use crate::bulk::filter::{countries, ConnectionFilter};
use crate::bulk::selection::Picked;
use crate::components::location_selection::{
    BatchFilter, BatchFilters, ChooseBox, Chosen, SelectionBar,
};
use crate::components::pstn_connection::RouteNames;
use crate::components::{LoadFailed, Loading, PageHeading};
use crate::counting::thousands;
use crate::resources::api_resource;
use crate::session::Session;
use crate::tab_storage::Scope;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;
use std::ops::Range;
use std::sync::Arc;

/// Rows per page: few enough to read their connections quickly, and a small DOM with 10,000.
const PAGE_SIZE: usize = 50;
/// Connection reads in flight at once.
const IN_FLIGHT: usize = 4;
/// How long rows stay on screen before their connections are read.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

/// A location as the table shows it, its name lower-cased once for searching.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    name: String,
    key: String,
}

impl From<Location> for Row {
    fn from(l: Location) -> Self {
        Row {
            key: l.name.to_lowercase(),
            id: l.id,
            name: l.name,
        }
    }
}

/// The rows whose name contains every word of `query`, ignoring case, by position.
fn search(rows: &[Row], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| words.iter().all(|w| r.key.contains(w.as_str())))
        .map(|(i, _)| i)
        .collect()
}

/// How many pages `total` rows fill (at least one, even when empty).
fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The positions shown on page `page` (1-based; past the end means the last page).
fn page_range(total: usize, page: usize) -> Range<usize> {
    let page = page.clamp(1, page_count(total));
    let start = (page - 1) * PAGE_SIZE;
    start.min(total)..(start + PAGE_SIZE).min(total)
}

/// The list's address for a search and page, so that Back returns to the same rows.
fn list_url(query: &str, page: usize) -> String {
    let mut url = String::from("/locations");
    let mut sep = '?';
    if !query.trim().is_empty() {
        url.push(sep);
        url.push_str("q=");
        url.push_str(&crate::api::client::encode_component(query));
        sep = '&';
    }
    if page > 1 {
        url.push(sep);
        url.push_str(&format!("page={page}"));
    }
    url
}

/// What a connection read answered: the connection, none yet, or an error.
type ConnectionRead = Result<Option<Connection>, ApiError>;

/// The locations list at `/locations` (`?q=` searches, `?page=` pages).
#[component]
pub fn LocationList() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let chosen = Chosen::new(Scope::of(session));
    let filter = BatchFilter::new();
    // The address is the one source of the search and page: Back, links and the header's
    // "Locations" (which clears both) all show what the address says.
    let address = use_query_map();
    let query = Memo::new(move |_| address.with(|q| q.get("q").unwrap_or_default()));
    let page = Memo::new(move |_| {
        address.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1usize))
    });

    let all = api_resource(&client, (), |client, ()| async move {
        locations::list(&client)
            .await
            .map(|l| Arc::new(l.into_iter().map(Row::from).collect::<Vec<_>>()))
    });
    let trunk_list = api_resource(&client, (), |client, ()| async move {
        trunks::list(&client).await
    });
    let country_of = api_resource(&client, (), |client, ()| async move {
        locations::countries(&client).await.map(Arc::new)
    });
    let countries = Signal::derive(move || {
        country_of.with(|c| match c {
            Some(Ok(c)) => Some(countries(c.values().map(String::as_str))),
            _ => None,
        })
    });
    let group_list = api_resource(&client, (), |client, ()| async move {
        route_groups::list(&client).await
    });
    let names = Memo::new(move |_| {
        trunk_list.with(|t| {
            group_list.with(|g| {
                let empty = Vec::new();
                let t = t.as_ref().and_then(|r| r.as_ref().ok()).unwrap_or(&empty);
                let g = match g {
                    Some(Ok(g)) => g.as_slice(),
                    _ => &[],
                };
                RouteNames::new(t, g)
            })
        })
    });
    let trunk_names =
        Signal::derive(move || trunk_list.get().and_then(Result::ok).unwrap_or_default());
    let group_names =
        Signal::derive(move || group_list.get().and_then(Result::ok).unwrap_or_default());
    let names_pending = Signal::derive(move || {
        trunk_list.with(Option::is_none) || group_list.with(Option::is_none)
    });
    let names_error = move || {
        trunk_list
            .get()
            .and_then(Result::err)
            .or_else(|| group_list.get().and_then(Result::err))
    };

    let connections: BoundedLoader<ConnectionRead> =
        BoundedLoader::new(IN_FLIGHT, move |id: String| {
            let client = client.clone();
            async move { pstn::connection(&client, &id).await }
        });

    let rows = move || all.get().and_then(Result::ok);
    // What the search and country keep; the connection filter needs their connections read.
    let candidates = Memo::new(move |_| {
        let q = query.get();
        let country = filter.country.get();
        let Some(rows) = rows() else {
            return Vec::new();
        };
        let found = search(&rows, &q);
        if country.is_empty() {
            return found;
        }
        country_of.with(|c| match c {
            Some(Ok(of)) => found
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
    let matches = Memo::new(move |_| {
        let keep = by_connection.get();
        if !keep.needs_connections() {
            return candidates.get();
        }
        // The filtered set shows once every connection is read.
        if !complete.get() {
            return Vec::new();
        }
        let Some(rows) = rows() else {
            return Vec::new();
        };
        connections.with(|read| {
            candidates.with(|c| {
                c.iter()
                    .copied()
                    .filter(|&i| match read.get(&rows[i].id) {
                        Some(Ok(connection)) => keep.keeps(connection.as_ref()),
                        _ => false,
                    })
                    .collect()
            })
        })
    });
    let shown = Signal::derive(move || {
        let Some(rows) = rows() else {
            return Vec::new();
        };
        matches.with(|m| {
            m.iter()
                .map(|&i| Picked {
                    id: rows[i].id.clone(),
                    name: rows[i].name.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || matches.with(Vec::len);
    let pages = move || page_count(total());
    let shown_page = move || page.get().clamp(1, pages());
    let range = Memo::new(move |_| page_range(total(), page.get()));
    let visible = Memo::new(move |_| {
        let Some(rows) = rows() else {
            return Vec::new();
        };
        matches.with(|m| {
            m[range.get()]
                .iter()
                .map(|&i| rows[i].clone())
                .collect::<Vec<_>>()
        })
    });
    // Reading connections is talking to the outside world: only for the rows on screen once
    // they stay there a moment, so that typing a search does not read every row it passes.
    let shown_since = StoredValue::new(0u64);
    Effect::new(move |_| {
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

    let navigate = StoredValue::new_local(crate::paths::use_navigate());
    let show = move |query: &str, page: usize| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate.with_value(|navigate| navigate(&list_url(query, page), options));
    };
    let on_search = move |ev: leptos::ev::Event| show(&event_target_value(&ev), 1);
    let go_to = move |n: usize| show(&query.get_untracked(), n);
    let go_back = move |_: leptos::ev::MouseEvent| go_to(shown_page().saturating_sub(1).max(1));
    let go_next = move |_: leptos::ev::MouseEvent| go_to((shown_page() + 1).min(pages()));

    let summary = move || {
        let total = total();
        let r = range.get();
        let q = query.get();
        let all = all.with(|a| match a {
            Some(Ok(rows)) => rows.len(),
            _ => 0,
        });
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
                                on_retry=Callback::new(move |()| {
                                    trunk_list.refetch();
                                    group_list.refetch();
                                })
                            />
                        }
                    })
            }}
            {move || match all.get() {
                None => view! { <Loading text="Loading locations…" /> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <LoadFailed error=e context="The locations could not be read" on_retry=Callback::new(move |()| all.refetch()) />
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
                                    on:input=on_search
                                />
                            </div>
                            <BatchFilters filter countries trunks=trunk_names groups=group_names />
                            <p class="count" role="status">
                                {summary}
                            </p>
                        </div>
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
                        <SelectionBar chosen shown ready=Signal::derive(move || !reading()) />
                        <div class="table-wrap">
                            <table class="location-table">
                                <caption class="visually-hidden">
                                    "Webex Calling locations and their PSTN connection"
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">
                                            <span class="visually-hidden">"Chosen"</span>
                                        </th>
                                        <th scope="col">"Location"</th>
                                        <th scope="col">"PSTN connection"</th>
                                        <th scope="col">"Through"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <Show when=move || total() == 0>
                                        <tr>
                                            <td colspan="4" class="muted">
                                                {move || {
                                                    if query.get().trim().is_empty() {
                                                        "This organization has no Webex Calling locations yet."
                                                            .to_owned()
                                                    } else {
                                                        format!("No location matches “{}”.", query.get().trim())
                                                    }
                                                }}
                                            </td>
                                        </tr>
                                    </Show>
                                    <For each=move || visible.get() key=|row| row.id.clone() let:row>
                                        <LocationRow
                                            row
                                            chosen
                                            connections
                                            names
                                            names_pending
                                            retry
                                        />
                                    </For>
                                </tbody>
                            </table>
                        </div>
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

/// One location: its name (the link to its PSTN page) and its connection once read.
#[component]
fn LocationRow(
    row: Row,
    chosen: Chosen,
    connections: BoundedLoader<ConnectionRead>,
    names: Memo<RouteNames>,
    names_pending: Signal<bool>,
    retry: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let href = crate::paths::href(&format!("/locations/{}/pstn", path_segment(&row.id)));
    let id = row.id.clone();
    let read = move || connections.get(&id);
    let kind = {
        let read = read.clone();
        let id = row.id.clone();
        move || match read() {
            None => view! { <span class="muted">"Loading…"</span> }.into_any(),
            Some(Ok(None)) => {
                view! { <span class="badge not-configured">"Not configured"</span> }.into_any()
            }
            Some(Ok(Some(c))) => c.pstn_connection_type.label().to_owned().into_any(),
            Some(Err(e)) => {
                let id = id.clone();
                let detail = [
                    e.status().map(|s| format!("HTTP {s}")),
                    e.tracking_id().map(|t| format!("tracking ID {t}")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                view! {
                    <span class="connection-error">
                        "Could not be read"
                        {(!detail.is_empty()).then(|| format!(" ({detail})"))}
                    </span>
                    " "
                    <button type="button" class="button small" on:click=move |_| retry(id.clone())>
                        "Retry"
                    </button>
                }
                .into_any()
            }
        }
    };
    let through = move || {
        let c = read()?.ok()??;
        Some(match (&c.pstn_connection_type, c.route_type, c.route_id) {
            (ConnectionType::LocalGateway, Some(route), Some(route_id)) => {
                let name = names.with(|n| n.name(route, &route_id).map(str::to_owned));
                let name = match name {
                    Some(name) => view! { <span>{name}</span> }.into_any(),
                    None if names_pending.get() => {
                        view! { <span class="muted">"…"</span> }.into_any()
                    }
                    None => view! { <span class="muted">"name not available"</span> }.into_any(),
                };
                view! {
                    <span class="route-kind">{route.label()}</span>
                    " "
                    {name}
                }
                .into_any()
            }
            _ => c.display_name.into_any(),
        })
    };
    view! {
        <tr>
            <td>
                <ChooseBox chosen id=row.id.clone() name=row.name.clone() />
            </td>
            <th scope="row">
                <A href=href>{row.name}</A>
            </th>
            <td>{kind}</td>
            <td>{through}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(names: &[&str]) -> Vec<Row> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                Row::from(Location {
                    id: format!("L{i}"),
                    name: (*n).to_owned(),
                })
            })
            .collect()
    }

    #[test]
    fn search_matches_every_word_ignoring_case() {
        let all = rows(&["San Jose HQ", "New York Office", "London Office"]);
        assert_eq!(search(&all, ""), vec![0, 1, 2]);
        assert_eq!(search(&all, "office"), vec![1, 2]);
        assert_eq!(search(&all, " OFFICE  lon "), vec![2]);
        assert!(search(&all, "paris").is_empty());
    }

    #[test]
    fn pages_of_fifty() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(10_000), 200);
        assert_eq!(page_range(0, 1), 0..0);
        assert_eq!(page_range(120, 1), 0..50);
        assert_eq!(page_range(120, 3), 100..120);
        assert_eq!(
            page_range(120, 9),
            100..120,
            "past the end shows the last page"
        );
        assert_eq!(page_range(120, 0), 0..50);
    }

    #[test]
    fn list_urls_keep_search_and_page() {
        assert_eq!(list_url("", 1), "/locations");
        assert_eq!(list_url("new york", 1), "/locations?q=new%20york");
        assert_eq!(list_url("", 3), "/locations?page=3");
        assert_eq!(list_url("a&b", 2), "/locations?q=a%26b&page=2");
    }
}
