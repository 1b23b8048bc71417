//! One row of the locations list: the choose box, the name linking to the location's PSTN
//! page, and its connection once read (with Retry when it could not be).

use crate::api::client::path_segment;
use crate::api::pstn::ConnectionType;
use crate::bounded_loader::BoundedLoader;
use crate::components::location_selection::{ChooseBox, Chosen};
use crate::components::pstn_connection::RouteNames;
use crate::kept_lists::ConnectionRead;
use crate::location_rows::Row;
use leptos::prelude::*;

/// What every row of the list reads besides its location: the choice, the connections read so
/// far, the trunk and route group names, and how to read a connection again.
#[derive(Clone, Copy)]
pub struct RowSources {
    pub chosen: Chosen,
    pub connections: BoundedLoader<ConnectionRead>,
    pub names: Memo<RouteNames>,
    pub names_pending: Signal<bool>,
    pub retry: Callback<String>,
}

/// One place of the page's rows: the location there now, its name (the link to its PSTN page)
/// and its connection once read. The row element stays as the location in its place changes;
/// a place with no location (an empty id) is hidden and holds nothing.
#[component]
pub fn LocationRow(row: Signal<Row>, sources: RowSources) -> impl IntoView {
    let RowSources {
        chosen,
        connections,
        names,
        names_pending,
        retry,
    } = sources;
    let href = move || {
        row.with(|r| crate::paths::href(&format!("/locations/{}/pstn", path_segment(&r.id))))
    };
    // A memo: the connections of other rows arriving do not build this row's cells again.
    let read = Memo::new(move |_| row.with(|r| connections.get(&r.id)));
    let empty = move || row.with(|r| r.id.is_empty());
    let kind = move || match read.get() {
        None if empty() => ().into_any(),
        None => view! { <span class="muted">"Loading…"</span> }.into_any(),
        Some(Ok(None)) => {
            view! { <span class="badge not-configured">"Not configured"</span> }.into_any()
        }
        Some(Ok(Some(c))) => c.pstn_connection_type.label().to_owned().into_any(),
        Some(Err(e)) => {
            let id = row.with_untracked(|r| r.id.clone());
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
                <button type="button" class="button small" on:click=move |_| retry.run(id.clone())>
                    "Retry"
                </button>
            }
            .into_any()
        }
    };
    let through = move || {
        let c = read.get()?.ok()??;
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
        <tr hidden=empty>
            <td>
                <ChooseBox chosen row />
            </td>
            <th scope="row">
                // A plain link: the router follows it, without a component per row.
                <a href=href>{move || row.with(|r| r.name.clone())}</a>
            </th>
            <td>{kind}</td>
            <td>{through}</td>
        </tr>
    }
}
