//! The facts of a location's current PSTN connection: type, provider, route type and the
//! route by name, with a route group's trunks once read.

use crate::api::pstn::{Connection, ConnectionType};
use crate::api::requests::PremiseRouteType;
use crate::api::requests::PstnConnectionUpdate;
use crate::api::route_groups::RouteGroupDetails;
use crate::api::ApiError;
use crate::bounded_loader::BoundedLoader;
use crate::components::pstn_connection::{describe, service_words, unchanged, RouteNames};
use crate::components::ApiErrorView;
use crate::route_group_words::trunk_count;
use leptos::prelude::*;

/// The facts of the current connection: type, provider, route type and route by name.
#[component]
pub fn CurrentConnection(
    current: Memo<Option<Connection>>,
    names: StoredValue<RouteNames>,
    group_details: BoundedLoader<Result<RouteGroupDetails, ApiError>>,
) -> impl IntoView {
    let facts = move || {
        let Some(c) = current.get() else {
            return view! {
                <p>
                    <span class="badge not-configured">"Not configured"</span>
                </p>
                <p class="muted">
                    "This location has no PSTN connection yet: its calls cannot reach phone numbers outside Webex until one is set."
                </p>
            }
            .into_any();
        };
        let route = match (c.route_type, c.route_id.clone()) {
            (Some(kind), Some(id)) if c.pstn_connection_type == ConnectionType::LocalGateway => {
                Some((kind, id))
            }
            _ => None,
        };
        let services = c
            .pstn_services
            .iter()
            .map(|s| service_words(s))
            .collect::<Vec<_>>()
            .join(", ");
        let settable = c.pstn_connection_type.settable();
        view! {
            <dl class="facts">
                <dt>"Connection"</dt>
                <dd>{c.pstn_connection_type.label().to_owned()}</dd>
                {(!c.display_name.is_empty()).then(|| view! {
                    <dt>"Provider"</dt>
                    <dd>{c.display_name.clone()}</dd>
                })}
                {route.map(|(kind, id)| {
                    let name = names.with_value(|n| n.name(kind, &id).map(str::to_owned));
                    let members = move || {
                        if kind != PremiseRouteType::RouteGroup {
                            return None;
                        }
                        let d = group_details.get(&id)?.ok()?;
                        let trunks = d.local_gateways.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", ");
                        Some(format!("{}: {trunks}", trunk_count(d.local_gateways.len())))
                    };
                    view! {
                        <dt>"Route type"</dt>
                        <dd>{kind.label()}</dd>
                        <dt>{kind.label()}</dt>
                        <dd>
                            {match name {
                                Some(name) => view! { <strong>{name}</strong> }.into_any(),
                                None => view! { <span class="muted">"name not available"</span> }.into_any(),
                            }}
                            {move || members().map(|m| view! { <span class="muted">{m}</span> })}
                        </dd>
                    }
                })}
                {(!services.is_empty()).then(|| view! {
                    <dt>"Services"</dt>
                    <dd>{services}</dd>
                })}
            </dl>
            {(!settable).then(|| view! {
                <p class="help">"This kind of connection is set up in Control Hub."</p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="card pstn-current" aria-labelledby="pstn-current-heading">
            <h2 id="pstn-current-heading">"Current connection"</h2>
            {facts}
        </section>
    }
}

/// How setting the connection ended, when it did not.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    /// Webex refused the change; the connection is as before.
    NotSet(ApiError),
    /// The change was made, but reading it back failed.
    NotReadBack(ApiError),
}

/// What became of the last change: the connection Webex now reports, or why not.
#[component]
pub fn SaveOutcome(
    /// The last save's result, what was sent and what Webex reports now (none before the first).
    result: Option<Result<(PstnConnectionUpdate, Option<Connection>), SaveFailure>>,
    names: StoredValue<RouteNames>,
    /// Reads the connection again after a failed read-back.
    on_read_again: Callback<()>,
) -> impl IntoView {
    result.map(|result| match result {
        // Success is said only when what Webex reports now is what was sent.
        Ok((sent, now)) if !unchanged(&sent, now.as_ref()) => {
            let words = names.with_value(|n| describe(now.as_ref(), n));
            view! {
                <div class="alert alert-warning" role="alert">
                    <p class="alert-title">
                        "Webex answered that it accepted the change, but the connection it now reports is not the one sent: the change may not have been made."
                    </p>
                    <p>"Webex now reports: " {words}</p>
                </div>
            }
            .into_any()
        }
        Ok((_, now)) => {
            let words = names.with_value(|n| describe(now.as_ref(), n));
            view! {
                <div class="alert alert-success" role="status">
                    <p class="alert-title">"The PSTN connection is set."</p>
                    <p>"Webex now reports: " {words}</p>
                </div>
            }
            .into_any()
        }
        Err(SaveFailure::NotSet(e)) => {
            view! { <ApiErrorView error=e context="The PSTN connection was not changed" /> }
                .into_any()
        }
        Err(SaveFailure::NotReadBack(e)) => view! {
            <div class="alert alert-warning" role="alert">
                <p class="alert-title">
                    "Webex accepted the change, but reading the connection back failed."
                </p>
                <p>
                    <button type="button" class="button small" on:click=move |_| on_read_again.run(())>
                        "Read it again"
                    </button>
                </p>
            </div>
            <ApiErrorView error=e />
        }
        .into_any(),
    })
}
