//! All trunks of the organization: filter, sort, and open one.

use crate::api::client::path_segment;
use crate::api::requests::TrunkType;
use crate::api::trunks::{self, TrunkSummary};
use crate::bounded_loader::BoundedLoader;
use crate::components::{ListStatus, LoadFailed, Loading, PageHeading, Pager, PendingNotice};
use crate::kept_lists::{Kept, Shape};
use crate::session::Session;
use crate::where_used::count_of;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// Rows shown per page; device types load only for these.
const PAGE_ROWS: usize = 50;
/// Trunk detail requests in flight at once, for the device type column.
const DETAIL_REQUESTS: usize = 4;

/// How the table is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Location,
}

/// The trunks ordered by `sort`, each with its name and location lower-cased once for filtering.
pub fn sorted(all: &[TrunkSummary], sort: SortBy) -> Vec<(String, TrunkSummary)> {
    let mut rows: Vec<(String, String, TrunkSummary)> = all
        .iter()
        .map(|t| {
            let (name, location) = (t.name.to_lowercase(), t.location.name.to_lowercase());
            let key = match sort {
                SortBy::Name => format!("{name}\u{0}{location}"),
                SortBy::Location => format!("{location}\u{0}{name}"),
            };
            (key, format!("{name} {location}"), t.clone())
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, hay, t)| (hay, t)).collect()
}

/// The positions in `sorted` of the trunks that match `text` (every word, in name or
/// location, ignoring case) and `kind`.
pub fn filter(
    sorted: &[(String, TrunkSummary)],
    text: &str,
    kind: Option<TrunkType>,
) -> Vec<usize> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    sorted
        .iter()
        .enumerate()
        .filter(|(_, (hay, t))| {
            (kind.is_none() || t.trunk_type == kind)
                && words.iter().all(|w| hay.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The trunk list at `/trunks`.
#[component]
pub fn TrunkList() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let kept = session.kept.trunks;
    kept.ensure(&client);
    let status = kept.status();
    let device_types = BoundedLoader::new(DETAIL_REQUESTS, {
        let client = client.clone();
        move |id: String| {
            let client = client.clone();
            async move {
                trunks::get(&client, &id)
                    .await
                    .ok()
                    .and_then(|t| t.device_type)
                    .unwrap_or_else(|| "—".into())
            }
        }
    });

    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Name);
    let page = RwSignal::new(0usize);

    let ordered = Memo::new(move |_| {
        let sort = sort.get();
        Arc::new(kept.with(|k| sorted(&k.items, sort)))
    });
    let rows = Memo::new(move |_| {
        let kind = TrunkType::parse(&kind.get());
        text.with(|text| ordered.with(|all| filter(all, text, kind)))
    });
    let total = move || ordered.with(|all| all.len());
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_ROWS)).max(1);
    let visible = Memo::new(move |_| {
        let start = page.get().min(pages() - 1) * PAGE_ROWS;
        ordered.with(|all| {
            rows.with(|r| {
                r.iter()
                    .skip(start)
                    .take(PAGE_ROWS)
                    .map(|&i| all[i].1.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    // Device types are not in the list answer: fetch them for the rows on screen only.
    Effect::new(move |_| {
        device_types.want(visible.with(|v| v.iter().map(|t| t.id.clone()).collect::<Vec<_>>()))
    });
    let refresh = Callback::new(move |()| kept.refresh(&client));

    let sort_button = move |by: SortBy, label: &'static str| {
        view! {
            <button
                type="button"
                class="sort"
                on:click=move |_| sort.set(by)
                aria-label=format!("Sort by {}", label.to_lowercase())
            >
                {label}
                {move || if sort.get() == by { " ▲" } else { "" }}
            </button>
        }
    };
    let sort_state = move |by: SortBy| {
        move || {
            if sort.get() == by {
                "ascending"
            } else {
                "none"
            }
        }
    };
    // A memo: the page is built again only when its shape changes, not as each page arrives
    // (the filter being typed in stays as it is).
    let shape = Memo::new(move |_| kept.with(Kept::shape));

    view! {
        <PendingNotice />
        <div class="page-head">
            <PageHeading text="Trunks" />
            <A href=crate::paths::href("/trunks/new") attr:class="button primary">"New trunk"</A>
        </div>
        {move || match shape.get() {
            Shape::Loading => view! { <Loading text="Loading trunks…" /> }.into_any(),
            Shape::Failed(e) => view! {
                <LoadFailed error=e context="The trunks could not be loaded" on_retry=refresh />
            }
            .into_any(),
            Shape::Empty => view! {
                <div class="card">
                    <p>"Your organization has no trunks yet."</p>
                    <A href=crate::paths::href("/trunks/new") attr:class="button primary">"Create the first trunk"</A>
                </div>
                <ListStatus status noun="trunks" on_refresh=refresh />
            }
            .into_any(),
            Shape::Rows => {
                view! {
                    <div class="filters" role="search">
                        <div class="field">
                            <label for="trunk-filter">"Filter"</label>
                            <input
                                id="trunk-filter"
                                type="search"
                                placeholder="Name or location"
                                prop:value=move || text.get()
                                on:input:target=move |ev| {
                                    text.set(ev.target().value());
                                    page.set(0);
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="trunk-type-filter">"Type"</label>
                            <select
                                id="trunk-type-filter"
                                prop:value=move || kind.get()
                                on:change:target=move |ev| {
                                    kind.set(ev.target().value());
                                    page.set(0);
                                }
                            >
                                <option value="">"All types"</option>
                                {TrunkType::ALL
                                    .iter()
                                    .map(|t| view! { <option value=t.as_str()>{t.label()}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <p class="count" role="status">
                            {move || {
                                let (n, total) = (rows.with(Vec::len), total());
                                if n == total { count_of(total, "trunk", "trunks") } else { format!("{n} of {}", count_of(total, "trunk", "trunks")) }
                            }}
                        </p>
                    </div>
                    <ListStatus status noun="trunks" on_refresh=refresh />
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th aria-sort=sort_state(SortBy::Name)>{sort_button(SortBy::Name, "Name")}</th>
                                    <th aria-sort=sort_state(SortBy::Location)>{sort_button(SortBy::Location, "Location")}</th>
                                    <th>"Type"</th>
                                    <th>"Device type"</th>
                                    <th>"In use"</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || visible.get() key=|t| t.id.clone() let:t>
                                    {
                                        let id = t.id.clone();
                                        view! {
                                            <tr>
                                                // A plain link: the router follows it, without a component per row.
                                                <td><a href=crate::paths::href(&format!("/trunks/{}", path_segment(&t.id)))>{t.name.clone()}</a></td>
                                                <td>{t.location.name.clone()}</td>
                                                <td>{t.trunk_type.map(|k| k.label()).unwrap_or("—")}</td>
                                                <td>{move || device_types.get(&id).unwrap_or_else(|| "…".into())}</td>
                                                <td>{if t.in_use { "Yes" } else { "No" }}</td>
                                            </tr>
                                        }
                                    }
                                </For>
                            </tbody>
                        </table>
                        <Show when=move || rows.with(Vec::is_empty)>
                            <p class="empty-note">"No trunk matches the filter."</p>
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
    use crate::api::trunks::NamedRef;

    fn trunk(name: &str, location: &str, kind: TrunkType) -> TrunkSummary {
        TrunkSummary {
            id: name.into(),
            name: name.into(),
            location: NamedRef {
                id: location.into(),
                name: location.into(),
            },
            in_use: false,
            trunk_type: Some(kind),
        }
    }

    #[test]
    fn filters_by_words_and_type_and_sorts() {
        let all = vec![
            trunk("b-cube", "Zurich", TrunkType::Registering),
            trunk("A-sbc", "Berlin", TrunkType::CertificateBased),
            trunk("c-cube", "Amsterdam", TrunkType::Registering),
        ];
        let names = |sort: SortBy, text: &str, kind: Option<TrunkType>| {
            let sorted = sorted(&all, sort);
            filter(&sorted, text, kind)
                .into_iter()
                .map(|i| sorted[i].1.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(SortBy::Name, "", None), ["A-sbc", "b-cube", "c-cube"]);
        assert_eq!(
            names(SortBy::Location, "", None),
            ["c-cube", "A-sbc", "b-cube"]
        );
        assert_eq!(names(SortBy::Name, "CUBE zur", None), ["b-cube"]);
        assert_eq!(
            names(SortBy::Name, "", Some(TrunkType::CertificateBased)),
            ["A-sbc"]
        );
        assert!(names(SortBy::Name, "paris", None).is_empty());
    }
}
