//! The form of a location's PSTN page, once everything it needs is read: the current
//! connection, the choices the location has, the "from → to" confirmation of a change, the
//! change itself and reading it back.

use crate::api::client::path_segment;
use crate::api::pstn::{self, Connection, ConnectionOption};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};
use crate::api::route_groups::RouteGroupDetails;
use crate::api::ApiError;
use crate::bounded_loader::BoundedLoader;
use crate::components::field::{focus, focus_now};
use crate::components::pstn_choices::{ConnectThrough, ProviderChoice, RouteTypeChoice};
use crate::components::pstn_connection::{describe, describe_update, unchanged, RouteNames};
use crate::components::pstn_current::{CurrentConnection, SaveFailure, SaveOutcome};
use crate::components::{ConfirmChange, Picker, SendingNote};
use crate::history;
use crate::kept_lists::RouteChange;
use crate::pstn_plan::{control_for, group_choices, ids, starting_form, Offers, Preselect, Routes};
use crate::session::Session;
use crate::tab_storage::Scope;
use crate::validation::fields::{ID, PREMISE_ROUTE_ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::validation::pstn::{LOCAL_GATEWAY, NON_INTEGRATED_CCP};
use crate::validation::PstnForm;
use leptos::prelude::*;
use leptos_router::components::A;

/// What a connection read answered: the connection, none yet, or an error.
pub type ConnectionRead = Result<Option<Connection>, ApiError>;
/// What a route group read answered.
pub type GroupRead = Result<RouteGroupDetails, ApiError>;

/// What a change would do, shown for confirmation before it is sent.
#[derive(Clone, Debug, PartialEq)]
struct Change {
    from: String,
    to: String,
    body: PstnConnectionUpdate,
}

/// The current connection and the form to change it, once everything is read.
#[component]
pub fn PstnChange(
    location_id: String,
    location_name: String,
    options: Vec<ConnectionOption>,
    routes: Routes,
    connection: LocalResource<ConnectionRead>,
    group_details: BoundedLoader<GroupRead>,
    asked: Option<(String, String)>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let names = RouteNames::new(&routes.trunks, &routes.groups);
    let offers = Offers::new(&options);
    let current = Memo::new(move |_| {
        connection.with(|c| c.as_ref().and_then(|r| r.as_ref().ok()).cloned().flatten())
    });

    let (start, preselect) = starting_form(
        current.get_untracked().as_ref(),
        asked.as_ref().map(|(k, i)| (k.as_str(), i.as_str())),
        &offers,
        &routes,
        &names,
    );
    // A choice not yet sent (say, before the token expired) comes back, unless the link asks
    // for a route.
    let draft_key = format!("pstn-{location_id}");
    let draft = asked
        .is_none()
        .then(|| crate::drafts::load::<PstnForm>(&draft_key))
        .flatten();
    let shown = draft.unwrap_or_else(|| start.clone());
    let connection_type = RwSignal::new(shown.connection_type);
    let route_type = RwSignal::new(shown.premise_route_type);
    let route_id = RwSignal::new(shown.premise_route_id);
    let provider = RwSignal::new(shown.option_id);
    let submitted = RwSignal::new(false);
    let left_route = RwSignal::new(false);
    let confirming = RwSignal::new(None::<Change>);
    let nothing_to_do = RwSignal::new(false);

    let form = Memo::new(move |_| PstnForm {
        connection_type: connection_type.get(),
        premise_route_type: route_type.get(),
        premise_route_id: route_id.get(),
        // Only a provider is chosen by option id; a local gateway is sent without it.
        option_id: if connection_type.get() == NON_INTEGRATED_CCP {
            provider.get()
        } else {
            String::new()
        },
    });
    Effect::new({
        let draft_key = draft_key.clone();
        move |_| {
            form.with(|f| {
                if *f == start {
                    crate::drafts::clear(&draft_key);
                } else {
                    crate::drafts::save(&draft_key, f);
                }
            })
        }
    });
    let error = move |field: &'static str| {
        let shown = submitted.get() || (field == PREMISE_ROUTE_ID && left_route.get());
        if shown {
            form.with(|f| f.field_error(field))
        } else {
            None
        }
    };

    let names = StoredValue::new(names);
    let offers = StoredValue::new(offers);
    let routes = StoredValue::new(routes);
    let option_list = StoredValue::new(options);

    // Route groups are read one by one for their trunk counts: only when they are offered, and
    // the current one for the facts above.
    Effect::new(move |_| {
        let mut wanted = Vec::new();
        if let Some(Connection {
            route_type: Some(PremiseRouteType::RouteGroup),
            route_id: Some(id),
            ..
        }) = current.get()
        {
            wanted.push(id);
        }
        if connection_type.get() == LOCAL_GATEWAY
            && route_type.get() == PremiseRouteType::RouteGroup.as_str()
        {
            routes.with_value(|r| wanted.extend(r.groups.iter().map(|g| g.id.clone())));
        }
        group_details.want(wanted);
    });

    let trunk_choices = routes.with_value(|r| r.trunk_choices(&location_id));
    let route_choices = Signal::derive(move || {
        if route_type.get() == PremiseRouteType::RouteGroup.as_str() {
            routes.with_value(|r| {
                group_choices(&r.groups, |id| group_details.get(id).and_then(Result::ok))
            })
        } else if route_type.get() == PremiseRouteType::Trunk.as_str() {
            trunk_choices.clone()
        } else {
            Vec::new()
        }
    });

    let choose_type = move |kind: &'static str| {
        connection_type.set(kind.to_owned());
        nothing_to_do.set(false);
        // With one provider there is nothing to choose between.
        if kind == NON_INTEGRATED_CCP && provider.get_untracked().is_empty() {
            offers.with_value(|o| {
                if let [only] = o.providers.as_slice() {
                    provider.set(only.id.clone());
                }
            });
        }
    };
    let choose_route_type = move |kind: PremiseRouteType| {
        route_type.set(kind.as_str().to_owned());
        nothing_to_do.set(false);
        let id = route_id.get_untracked();
        if !routes.with_value(|r| r.has(kind, &id)) {
            route_id.set(String::new());
            left_route.set(false);
        }
    };

    let scope = Scope::of(session);
    let save = Action::new_local({
        let location_id = location_id.clone();
        let location_name = location_name.clone();
        move |body: &PstnConnectionUpdate| {
            let (client, id, body) = (client.clone(), location_id.clone(), body.clone());
            let (scope, name, before) = (
                scope.clone(),
                location_name.clone(),
                current.get_untracked(),
            );
            let names = names.get_value();
            let after = option_list.with_value(|o| describe_update(&body, &names, o));
            async move {
                let sent = pstn::set_connection(&client, &id, &body).await;
                let entry = history::pstn_change(&id, &name, before.as_ref(), after, &names, &sent);
                history::record(&scope, entry);
                sent.map_err(SaveFailure::NotSet)?;
                crate::drafts::clear(&format!("pstn-{id}"));
                // Webex answers 204 without a body: what it now holds is read back and shown.
                let now = pstn::connection(&client, &id)
                    .await
                    .map_err(SaveFailure::NotReadBack)?;
                connection.set(Some(Ok(now.clone())));
                // The kept lists show it without reading them again.
                let route = RouteChange::of(before.as_ref(), &body);
                session.kept.connection_set(&id, route, Some(now.clone()));
                Ok((body, now))
            }
        }
    });
    let pending = save.pending();
    // Once Webex has answered, the focus goes to the message that says what happened.
    Effect::new(move |was_pending: Option<bool>| {
        let now = pending.get();
        if was_pending == Some(true) && !now {
            focus_now(ids::OUTCOME);
        }
        now
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || confirming.with_untracked(Option::is_some) {
            return;
        }
        submitted.set(true);
        nothing_to_do.set(false);
        let body = match form.with_untracked(PstnForm::validate) {
            Ok(body) => body,
            Err(errors) => {
                if let Some(field) = errors.first() {
                    focus(&offers.with_value(|o| control_for(field, o)));
                }
                return;
            }
        };
        let now = current.get_untracked();
        if unchanged(&body, now.as_ref()) {
            nothing_to_do.set(true);
            return;
        }
        match now {
            // Changing a working connection reroutes live calls: the admin confirms from → to.
            Some(now) => confirming.set(Some(Change {
                from: names.with_value(|n| describe(Some(&now), n)),
                to: names.with_value(|n| option_list.with_value(|o| describe_update(&body, n, o))),
                body,
            })),
            None => {
                save.dispatch(body);
            }
        }
    };
    let confirm = move || {
        if let Some(change) = confirming.get_untracked() {
            confirming.set(None);
            save.dispatch(change.body);
            // Not the submit button: it is disabled while the change is sent.
            focus(ids::OUTCOME);
        }
    };
    let cancel = move || {
        confirming.set(None);
        focus(ids::SUBMIT);
    };

    let new_group_link = StoredValue::new(crate::paths::href(&format!(
        "/route-groups/new?locationId={}",
        path_segment(&location_id)
    )));
    let has_current = move || current.with(Option::is_some);
    let route_error_id = "premise-route-id-error";
    let route_label = move || {
        if route_type.get() == PremiseRouteType::RouteGroup.as_str() {
            "Route group to use"
        } else {
            "Trunk to use"
        }
    };
    view! {
        <CurrentConnection current names group_details />

        <section class="card pstn-change" aria-labelledby="pstn-change-heading">
            <h2 id="pstn-change-heading">
                {move || if has_current() { "Change the connection" } else { "Set the connection" }}
            </h2>
            {match preselect {
                Some(Preselect::Chosen(words)) => Some(view! {
                    <div class="alert alert-info" role="status">
                        <p>"Chosen from the link: " {words} ". Check it and set the connection."</p>
                    </div>
                }.into_any()),
                Some(Preselect::Refused(why)) => Some(view! {
                    <div class="alert alert-warning" role="alert"><p>{why}</p></div>
                }.into_any()),
                None => None,
            }}
            <form class="form" novalidate on:submit=on_submit aria-busy=move || pending.get().to_string()>
                <ConnectThrough
                    offers=offers.get_value()
                    chosen=connection_type
                    error=Signal::derive(move || error(PSTN_CONNECTION_TYPE))
                    on_choose=Callback::new(choose_type)
                />

                <Show when=move || connection_type.get() == LOCAL_GATEWAY>
                    <RouteTypeChoice
                        chosen=route_type
                        error=Signal::derive(move || error(PREMISE_ROUTE_TYPE))
                        on_choose=Callback::new(choose_route_type)
                    />
                    <Show when=move || !route_type.get().is_empty()>
                        <div class="field" class:invalid=move || error(PREMISE_ROUTE_ID).is_some()>
                            <label for=ids::ROUTE_ID>{route_label}</label>
                            <Picker
                                id=ids::ROUTE_ID
                                name=PREMISE_ROUTE_ID
                                options=route_choices
                                value=route_id
                                on_change=Callback::new(move |id: String| {
                                    route_id.set(id);
                                    nothing_to_do.set(false);
                                })
                                placeholder="Type to search by name"
                                on_leave=Callback::new(move |()| {
                                    left_route.try_set(true);
                                })
                                invalid=Signal::derive(move || error(PREMISE_ROUTE_ID).is_some())
                                described_by=Signal::derive(move || {
                                    error(PREMISE_ROUTE_ID).map(|_| route_error_id.to_owned()).unwrap_or_default()
                                })
                            />
                            {move || error(PREMISE_ROUTE_ID).map(|e| view! {
                                <p class="field-error" id=route_error_id>{e}</p>
                            })}
                            <Show when=move || route_type.get() == PremiseRouteType::RouteGroup.as_str()>
                                <p class="help">
                                    "None fits? "
                                    <A href=new_group_link.get_value()>"New route group"</A>
                                    " — you come back here with it chosen."
                                </p>
                            </Show>
                        </div>
                    </Show>
                </Show>

                <Show when=move || connection_type.get() == NON_INTEGRATED_CCP>
                    <ProviderChoice
                        providers=offers.with_value(|o| o.providers.clone())
                        chosen=provider
                        error=Signal::derive(move || error(ID))
                        on_choose=Callback::new(move |id: String| {
                            provider.set(id);
                            nothing_to_do.set(false);
                        })
                    />
                </Show>

                <Show when=move || nothing_to_do.get()>
                    <div class="alert alert-info" role="status">
                        <p>"This is already the location's connection: nothing was sent."</p>
                    </div>
                </Show>
                <div id=ids::OUTCOME tabindex="-1" class="outcome">
                    {move || (!pending.get()).then(|| view! {
                        <SaveOutcome
                            result=save.value().get()
                            names
                            on_read_again=Callback::new(move |()| connection.refetch())
                        />
                    })}
                </div>
                <div class="actions">
                    <button
                        type="submit"
                        id=ids::SUBMIT
                        class="button primary"
                        disabled=move || pending.get()
                    >
                        {move || {
                            if pending.get() {
                                "Setting the connection…"
                            } else if has_current() {
                                "Change connection"
                            } else {
                                "Set connection"
                            }
                        }}
                    </button>
                    <SendingNote pending />
                </div>
            </form>
        </section>

        {move || confirming.get().map(|change| view! {
            <ConfirmChange
                location_name=location_name.clone()
                from=change.from
                to=change.to
                on_confirm=Callback::new(move |()| confirm())
                on_cancel=Callback::new(move |()| cancel())
            />
        })}
    }
}
