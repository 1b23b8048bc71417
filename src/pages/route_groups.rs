//! Every route group of the organization: search, trunk count, in use, and a new one.

use crate::api::client::path_segment;
use crate::api::route_groups::{self, RouteGroupSummary};
use crate::bounded_loader::BoundedLoader;
use crate::components::{ListStatus, LoadFailed, Loading, PageHeading, Pager};
use crate::kept_lists::{Kept, Shape};
use crate::route_group_words::trunk_count;
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

/// Rows shown per page; trunk counts load only for these.
const PAGE_ROWS: usize = 50;
/// Route group reads in flight at once, for the trunk count column.
const DETAIL_REQUESTS: usize = 4;

/// A line the list shows once, after something was done elsewhere ("Route group X deleted.").
/// Kept in memory only, so a link cannot put words on the page.
#[derive(Clone, Copy)]
pub struct RouteGroupNotice(pub RwSignal<Option<String>>);

impl RouteGroupNotice {
    /// An empty notice.
    pub fn new() -> Self {
        RouteGroupNotice(RwSignal::new(None))
    }
}

impl Default for RouteGroupNotice {
    fn default() -> Self {
        Self::new()
    }
}

/// The groups whose name contains every word of `text` (ignoring case), by name.
pub fn filter_groups(all: &[RouteGroupSummary], text: &str) -> Vec<RouteGroupSummary> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let mut rows: Vec<RouteGroupSummary> = all
        .iter()
        .filter(|g| {
            let name = g.name.to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .cloned()
        .collect();
    rows.sort_by_cached_key(|g| g.name.to_lowercase());
    rows
}

/// The route group list at `/route-groups`.
#[component]
pub fn RouteGroupList() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let notice = expect_context::<RouteGroupNotice>();
    // Shown on this visit only.
    let shown_notice = notice.0.get_untracked();
    on_cleanup(move || notice.0.set(None));

    // The session's kept list: shown at once when it was read before, Refresh reads it again.
    let kept = session.kept.route_groups;
    kept.ensure(&client);
    let status = kept.status();
    let refresh = Callback::new({
        let client = client.clone();
        move |()| kept.refresh(&client)
    });
    let counts = BoundedLoader::new(DETAIL_REQUESTS, move |id: String| {
        let client = client.clone();
        async move {
            route_groups::get(&client, &id)
                .await
                .map(|g| trunk_count(g.local_gateways.len()))
                .unwrap_or_else(|_| "—".into())
        }
    });

    let text = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let rows = Memo::new(move |_| text.with(|text| kept.with(|k| filter_groups(&k.items, text))));
    let total = move || kept.with(|k| k.items.len());
    // The page is built again only when its shape changes, not as each page arrives.
    let shape = Memo::new(move |_| kept.with(Kept::shape));
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_ROWS)).max(1);
    let visible = Memo::new(move |_| {
        let start = page.get().min(pages() - 1) * PAGE_ROWS;
        rows.with(|r| {
            r.iter()
                .skip(start)
                .take(PAGE_ROWS)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Trunk counts are not in the list answer: read them for the rows on screen only.
    Effect::new(move |_| {
        counts.want(visible.with(|v| v.iter().map(|g| g.id.clone()).collect::<Vec<_>>()))
    });

    let new_link = crate::paths::href("/route-groups/new");
    view! {
        <div class="page-head">
            <PageHeading text="Route groups" />
            <A href=new_link.clone() attr:class="button primary">"New route group"</A>
        </div>
        {shown_notice.map(|n| view! {
            <div class="alert alert-success" role="status"><p>{n}</p></div>
        })}
        {move || match shape.get() {
            Shape::Loading => view! { <Loading text="Loading route groups…" /> }.into_any(),
            Shape::Failed(e) => view! { <LoadFailed error=e context="The route groups could not be loaded" on_retry=refresh /> }.into_any(),
            Shape::Empty => view! {
                <div class="card">
                    <p>
                        "Your organization has no route groups yet. A route group spreads calls over several gateways, or fails over from one to the next: up to 10 trunks, possibly at different locations, tried in the order you set."
                    </p>
                    <A href=new_link.clone() attr:class="button primary">"Create the first route group"</A>
                </div>
                <ListStatus status noun="route groups" on_refresh=refresh />
            }
            .into_any(),
            Shape::Rows => {
                view! {
                    <div class="filters" role="search">
                        <div class="field">
                            <label for="route-group-filter">"Search"</label>
                            <input
                                id="route-group-filter"
                                type="search"
                                placeholder="Route group name"
                                prop:value=move || text.get()
                                on:input:target=move |ev| {
                                    text.set(ev.target().value());
                                    page.set(0);
                                }
                            />
                        </div>
                        <p class="count" role="status">
                            {move || {
                                let (n, total) = (rows.with(Vec::len), total());
                                if n == total { format!("{total} route groups") } else { format!("{n} of {total} route groups") }
                            }}
                        </p>
                    </div>
                    <ListStatus status noun="route groups" on_refresh=refresh />
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th>"Name"</th>
                                    <th>"Trunks"</th>
                                    <th>"In use"</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || visible.get() key=|g| g.id.clone() let:g>
                                    {
                                        let id = g.id.clone();
                                        view! {
                                            <tr>
                                                <td><A href=crate::paths::href(&format!("/route-groups/{}", path_segment(&g.id)))>{g.name.clone()}</A></td>
                                                <td>{move || counts.get(&id).unwrap_or_else(|| "…".into())}</td>
                                                <td>{if g.in_use { "Yes" } else { "No" }}</td>
                                            </tr>
                                        }
                                    }
                                </For>
                            </tbody>
                        </table>
                        <Show when=move || rows.with(Vec::is_empty)>
                            <p class="empty-note">"No route group matches the search."</p>
                        </Show>
                    </div>
                    <Pager page pages=Signal::derive(pages) />
                }
                .into_any()
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str) -> RouteGroupSummary {
        RouteGroupSummary {
            id: name.into(),
            name: name.into(),
            in_use: false,
        }
    }

    #[test]
    fn search_matches_every_word_and_sorts_by_name() {
        let all = vec![group("RG-US-East"), group("rg-emea"), group("RG-Standby")];
        let names =
            |rows: Vec<RouteGroupSummary>| rows.into_iter().map(|g| g.name).collect::<Vec<_>>();
        assert_eq!(
            names(filter_groups(&all, "")),
            ["rg-emea", "RG-Standby", "RG-US-East"]
        );
        assert_eq!(names(filter_groups(&all, "east RG")), ["RG-US-East"]);
        assert!(filter_groups(&all, "apac").is_empty());
    }
}
