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
    // The two connection cells keep their elements as the row's location changes: a row
    // taking another location changes their class and text (only an error adds Retry).
    let kind = Memo::new(move |_| {
        read.with(|read| match read {
            None if empty() => ("", String::new()),
            None => ("muted", "Loading…".to_owned()),
            Some(Ok(None)) => ("badge not-configured", "Not configured".to_owned()),
            Some(Ok(Some(c))) => ("", c.pstn_connection_type.label().to_owned()),
            Some(Err(e)) => {
                let text = match e.reference() {
                    Some(reference) => format!("Could not be read ({reference})"),
                    None => "Could not be read".to_owned(),
                };
                ("connection-error", text)
            }
        })
    });
    let retry_button = move || {
        read.with(|r| matches!(r, Some(Err(_)))).then(|| {
            let id = row.with_untracked(|r| r.id.clone());
            view! {
                " "
                <button type="button" class="button small" on:click=move |_| retry.run(id.clone())>
                    "Retry"
                </button>
            }
        })
    };
    // Through: the route's kind and name for a local gateway, else the connection's name.
    let through = Memo::new(move |_| {
        read.with(|read| {
            let Some(Ok(Some(c))) = read else {
                return ("", "", String::new());
            };
            match (&c.pstn_connection_type, c.route_type, &c.route_id) {
                (ConnectionType::LocalGateway, Some(route), Some(route_id)) => {
                    match names.with(|n| n.name(route, route_id).map(str::to_owned)) {
                        Some(name) => (route.label(), "", name),
                        None if names_pending.get() => (route.label(), "muted", "…".to_owned()),
                        None => (route.label(), "muted", "name not available".to_owned()),
                    }
                }
                _ => ("", "", c.display_name.clone()),
            }
        })
    });
    view! {
        <tr hidden=empty>
            <td>
                <ChooseBox chosen row />
            </td>
            <th scope="row">
                // A plain link: the router follows it, without a component per row.
                <a href=href>{move || row.with(|r| r.name.clone())}</a>
            </th>
            <td>
                <span class=move || kind.with(|k| k.0)>{move || kind.with(|k| k.1.clone())}</span>
                {retry_button}
            </td>
            <td>
                <span class="route-kind">{move || through.with(|t| t.0)}</span>
                {move || through.with(|t| (!t.0.is_empty()).then_some(" "))}
                <span class=move || through.with(|t| t.1)>{move || through.with(|t| t.2.clone())}</span>
            </td>
        </tr>
    }
}
