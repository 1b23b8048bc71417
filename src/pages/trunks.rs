//! All trunks of the organization: filter, sort, and open one.

use crate::api::client::path_segment;
use crate::api::requests::TrunkType;
use crate::api::trunks::{self, TrunkSummary};
use crate::bounded_loader::BoundedLoader;
use crate::components::{LoadFailed, Loading, PageHeading, Pager, PendingNotice};
use crate::resources::api_resource;
use crate::session::Session;
use crate::where_used::count_of;
use leptos::prelude::*;
use leptos_router::components::A;

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

/// The trunks that match `text` (in name or location, ignoring case) and `kind`, ordered.
pub fn filter_and_sort(
    all: &[TrunkSummary],
    text: &str,
    kind: Option<TrunkType>,
    sort: SortBy,
) -> Vec<TrunkSummary> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let mut rows: Vec<TrunkSummary> = all
        .iter()
        .filter(|t| kind.is_none() || t.trunk_type == kind)
        .filter(|t| {
            let hay = format!("{} {}", t.name, t.location.name).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .cloned()
        .collect();
    match sort {
        SortBy::Name => {
            rows.sort_by_cached_key(|t| (t.name.to_lowercase(), t.location.name.to_lowercase()))
        }
        SortBy::Location => {
            rows.sort_by_cached_key(|t| (t.location.name.to_lowercase(), t.name.to_lowercase()))
        }
    }
    rows
}

/// The trunk list at `/trunks`.
#[component]
pub fn TrunkList() -> impl IntoView {
    let client = expect_context::<Session>().client();
    let all = api_resource(&client, (), |client, ()| async move {
        trunks::list(&client).await
    });
    let device_types = BoundedLoader::new(DETAIL_REQUESTS, move |id: String| {
        let client = client.clone();
        async move {
            trunks::get(&client, &id)
                .await
                .ok()
                .and_then(|t| t.device_type)
                .unwrap_or_else(|| "—".into())
        }
    });

    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Name);
    let page = RwSignal::new(0usize);

    let rows = Memo::new(move |_| {
        let kind = TrunkType::parse(&kind.get());
        all.get()
            .and_then(Result::ok)
            .map(|list| filter_and_sort(&list, &text.get(), kind, sort.get()))
            .unwrap_or_default()
    });
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
    // Device types are not in the list answer: fetch them for the rows on screen only.
    Effect::new(move |_| {
        device_types.want(visible.with(|v| v.iter().map(|t| t.id.clone()).collect::<Vec<_>>()))
    });

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

    view! {
        <PendingNotice />
        <div class="page-head">
            <PageHeading text="Trunks" />
            <A href=crate::paths::href("/trunks/new") attr:class="button primary">"New trunk"</A>
        </div>
        {move || match all.get() {
            None => view! { <Loading text="Loading trunks…" /> }.into_any(),
            Some(Err(e)) => view! {
                <LoadFailed error=e context="The trunks could not be loaded" on_retry=Callback::new(move |()| all.refetch()) />
            }
            .into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <div class="card">
                    <p>"Your organization has no trunks yet."</p>
                    <A href=crate::paths::href("/trunks/new") attr:class="button primary">"Create the first trunk"</A>
                </div>
            }
            .into_any(),
            Some(Ok(list)) => {
                let total = list.len();
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
                                let n = rows.with(Vec::len);
                                if n == total { count_of(total, "trunk", "trunks") } else { format!("{n} of {}", count_of(total, "trunk", "trunks")) }
                            }}
                        </p>
                    </div>
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
                                                <td><A href=crate::paths::href(&format!("/trunks/{}", path_segment(&t.id)))>{t.name.clone()}</A></td>
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
        let names = |rows: Vec<TrunkSummary>| rows.into_iter().map(|t| t.name).collect::<Vec<_>>();
        assert_eq!(
            names(filter_and_sort(&all, "", None, SortBy::Name)),
            ["A-sbc", "b-cube", "c-cube"]
        );
        assert_eq!(
            names(filter_and_sort(&all, "", None, SortBy::Location)),
            ["c-cube", "A-sbc", "b-cube"]
        );
        assert_eq!(
            names(filter_and_sort(&all, "CUBE zur", None, SortBy::Name)),
            ["b-cube"]
        );
        assert_eq!(
            names(filter_and_sort(
                &all,
                "",
                Some(TrunkType::CertificateBased),
                SortBy::Name
            )),
            ["A-sbc"]
        );
        assert!(filter_and_sort(&all, "paris", None, SortBy::Name).is_empty());
    }
}
