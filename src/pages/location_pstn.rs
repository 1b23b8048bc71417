//! The PSTN connection of one location: see it; choose a local gateway (a trunk or a route
//! group) or a cloud-connected provider; confirm a change; set it; read it back.
//!
//! `?premiseRouteType=TRUNK&premiseRouteId=…` preselects a route (the trunk page links here).

use crate::api::locations;
use crate::api::pstn::{self, Connection, ConnectionOption, ConnectionType};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};
use crate::api::route_groups::{self, RouteGroupDetails, RouteGroupSummary};
use crate::api::trunks::{self, TrunkSummary};
use crate::api::ApiError;
use crate::bounded_loader::BoundedLoader;
use crate::components::field::focus;
use crate::components::pstn_connection::{
    describe, describe_update, service_words, unchanged, RouteNames,
};
use crate::components::{ApiErrorView, LoadFailed, Loading, Picker, PickerOption, SendingNote};
use crate::resources::api_resource;
use crate::session::Session;
use crate::validation::fields::{ID, PREMISE_ROUTE_ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::validation::pstn::{LOCAL_GATEWAY, NON_INTEGRATED_CCP};
use crate::validation::PstnForm;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Route group reads in flight at once (for their trunk counts).
const IN_FLIGHT: usize = 4;

/// What a connection read answered: the connection, none yet, or an error.
type ConnectionRead = Result<Option<Connection>, ApiError>;
/// What a route group read answered.
type GroupRead = Result<RouteGroupDetails, ApiError>;

/// The element ids of the form's controls, for labels and for moving the focus to an error.
mod ids {
    pub const TYPE_LOCAL_GATEWAY: &str = "pstn-type-local-gateway";
    pub const TYPE_PROVIDER: &str = "pstn-type-provider";
    pub const ROUTE_TRUNK: &str = "premise-route-type-trunk";
    pub const ROUTE_GROUP: &str = "premise-route-type-route-group";
    pub const ROUTE_ID: &str = "premise-route-id";
    pub const SUBMIT: &str = "pstn-submit";

    /// The radio of the `i`th cloud-connected provider.
    pub fn provider(i: usize) -> String {
        format!("pstn-provider-{i}")
    }
}

/// The PSTN options of a location, sorted by what this console can do with them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Offers {
    /// Whether the location may use a local gateway ("Premises-based PSTN").
    local_gateway: bool,
    /// Non-integrated cloud-connected providers, chosen by id.
    providers: Vec<ConnectionOption>,
    /// Integrated providers and Cisco PSTN: set up in Control Hub, not here.
    elsewhere: Vec<ConnectionOption>,
}

impl Offers {
    fn new(options: &[ConnectionOption]) -> Self {
        let mut offers = Offers::default();
        for o in options {
            match o.kind() {
                ConnectionType::LocalGateway => offers.local_gateway = true,
                ConnectionType::NonIntegratedCcp => offers.providers.push(o.clone()),
                _ => offers.elsewhere.push(o.clone()),
            }
        }
        offers
    }
}

/// The org's trunks and route groups, as the route picker offers them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Routes {
    trunks: Vec<TrunkSummary>,
    groups: Vec<RouteGroupSummary>,
}

impl Routes {
    fn has(&self, kind: PremiseRouteType, id: &str) -> bool {
        match kind {
            PremiseRouteType::Trunk => self.trunks.iter().any(|t| t.id == id),
            PremiseRouteType::RouteGroup => self.groups.iter().any(|g| g.id == id),
        }
    }

    /// The org's trunks, this location's own first and said to be so.
    fn trunk_choices(&self, location_id: &str) -> Vec<PickerOption> {
        let (own, others): (Vec<&TrunkSummary>, Vec<&TrunkSummary>) = self
            .trunks
            .iter()
            .partition(|t| t.location.id == location_id);
        own.into_iter()
            .map(|t| PickerOption {
                id: t.id.clone(),
                label: t.name.clone(),
                hint: Some("this location's trunk".to_owned()),
            })
            .chain(others.into_iter().map(|t| PickerOption {
                id: t.id.clone(),
                label: t.name.clone(),
                hint: (!t.location.name.is_empty()).then(|| format!("at {}", t.location.name)),
            }))
            .collect()
    }
}

/// A kind of connection inside a sentence: "Cisco PSTN", "integrated cloud-connected provider".
fn kind_note(kind: &ConnectionType) -> String {
    match kind {
        ConnectionType::CiscoPstn => kind.label().to_owned(),
        _ => kind.label().to_lowercase(),
    }
}

/// "1 trunk", "3 trunks".
fn trunk_count(n: usize) -> String {
    if n == 1 {
        "1 trunk".to_owned()
    } else {
        format!("{n} trunks")
    }
}

/// What the address asked to preselect, and whether it could be.
#[derive(Clone, Debug, PartialEq)]
enum Preselect {
    /// The form starts with this route chosen (in words).
    Chosen(String),
    /// The link asked for something this location or organization does not have.
    Refused(&'static str),
}

/// The form as it first shows: the route the link asks for, else the current connection.
fn starting_form(
    current: Option<&Connection>,
    asked: Option<(&str, &str)>,
    offers: &Offers,
    routes: &Routes,
    names: &RouteNames,
) -> (PstnForm, Option<Preselect>) {
    if let Some((kind, id)) = asked {
        let id = id.trim();
        let refused = match PremiseRouteType::parse(kind) {
            _ if !offers.local_gateway => {
                Some("The link asked for a local gateway, but this location cannot use one.")
            }
            None => Some("The link did not say whether it meant a trunk or a route group."),
            Some(kind) if !routes.has(kind, id) => Some(match kind {
                PremiseRouteType::Trunk => {
                    "The link named a trunk this organization does not have. Choose one below."
                }
                PremiseRouteType::RouteGroup => {
                    "The link named a route group this organization does not have. Choose one below."
                }
            }),
            Some(kind) => {
                let form = PstnForm {
                    connection_type: LOCAL_GATEWAY.to_owned(),
                    premise_route_type: kind.as_str().to_owned(),
                    premise_route_id: id.to_owned(),
                    option_id: String::new(),
                };
                let words = format!("Local gateway, {}", names.route(kind, id));
                return (form, Some(Preselect::Chosen(words)));
            }
        };
        let (form, _) = starting_form(current, None, offers, routes, names);
        return (form, refused.map(Preselect::Refused));
    }
    let form = match current {
        Some(c) if c.pstn_connection_type == ConnectionType::LocalGateway => PstnForm {
            connection_type: LOCAL_GATEWAY.to_owned(),
            premise_route_type: c
                .route_type
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            premise_route_id: c.route_id.clone().unwrap_or_default(),
            option_id: String::new(),
        },
        Some(c)
            if c.pstn_connection_type == ConnectionType::NonIntegratedCcp
                && offers.providers.iter().any(|o| o.id == c.id) =>
        {
            PstnForm {
                connection_type: NON_INTEGRATED_CCP.to_owned(),
                option_id: c.id.clone(),
                ..PstnForm::default()
            }
        }
        _ => PstnForm::default(),
    };
    (form, None)
}

/// The id of the control to focus when `field` is the first invalid one.
fn control_for(field: &str, offers: &Offers) -> String {
    match field {
        PSTN_CONNECTION_TYPE if offers.local_gateway => ids::TYPE_LOCAL_GATEWAY.to_owned(),
        PSTN_CONNECTION_TYPE => ids::TYPE_PROVIDER.to_owned(),
        PREMISE_ROUTE_TYPE => ids::ROUTE_TRUNK.to_owned(),
        PREMISE_ROUTE_ID => ids::ROUTE_ID.to_owned(),
        ID => ids::provider(0),
        other => other.to_owned(),
    }
}

/// The PSTN page at `/locations/:id/pstn`.
#[component]
pub fn LocationPstn() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    // Another location is another page: nothing of the previous one's form carries over.
    move || view! { <LocationPstnPage location_id=id.get() /> }
}

/// Everything about one location's PSTN connection.
#[component]
fn LocationPstnPage(location_id: String) -> impl IntoView {
    let client = expect_context::<Session>().client();
    let asked = use_query_map()
        .with_untracked(|q| Some((q.get("premiseRouteType")?, q.get("premiseRouteId")?)));

    let location = api_resource(&client, location_id.clone(), |client, id| async move {
        locations::find(&client, &id).await
    });
    let options = api_resource(&client, location_id.clone(), |client, id| async move {
        pstn::options(&client, &id).await
    });
    let connection = api_resource(&client, location_id.clone(), |client, id| async move {
        pstn::connection(&client, &id).await
    });
    let trunk_list = api_resource(&client, (), |client, ()| async move {
        trunks::list(&client).await
    });
    let group_list = api_resource(&client, (), |client, ()| async move {
        route_groups::list(&client).await
    });
    let group_details: BoundedLoader<GroupRead> = BoundedLoader::new(IN_FLIGHT, {
        let client = client.clone();
        move |id: String| {
            let client = client.clone();
            async move { route_groups::get(&client, &id).await }
        }
    });

    // Ready once everything the form needs has been read once; the first failure otherwise.
    let status = Memo::new(move |_| {
        fn state<T>(r: &Option<Result<T, ApiError>>) -> Option<Result<(), ApiError>> {
            r.as_ref()
                .map(|r| r.as_ref().map(drop).map_err(Clone::clone))
        }
        let all = [
            location.with(state),
            options.with(state),
            connection.with(state),
            trunk_list.with(state),
            group_list.with(state),
        ];
        if let Some(failed) = all.iter().find(|s| matches!(s, Some(Err(_)))) {
            return failed.clone();
        }
        all.iter().all(Option::is_some).then_some(Ok(()))
    });
    let retry = Callback::new(move |()| {
        location.refetch();
        options.refetch();
        connection.refetch();
        trunk_list.refetch();
        group_list.refetch();
    });
    let name = move || {
        location.with(|l| match l {
            Some(Ok(Some(l))) if !l.name.is_empty() => Some(l.name.clone()),
            _ => None,
        })
    };

    view! {
        <section class="location-pstn">
            <p class="breadcrumb">
                <A href=crate::paths::href("/locations")>"← All locations"</A>
            </p>
            <h1>{move || name().unwrap_or_else(|| "PSTN connection".to_owned())}</h1>
            <p class="lead">
                "The PSTN connection: how this location's calls reach phone numbers outside Webex."
            </p>
            {move || match status.get() {
                None => view! { <Loading text="Reading the PSTN connection…" /> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <LoadFailed error=e context="The PSTN connection of this location could not be read" on_retry=retry />
                    }
                        .into_any()
                }
                Some(Ok(())) => {
                    let routes = Routes {
                        trunks: loaded(trunk_list.get_untracked()),
                        groups: loaded(group_list.get_untracked()),
                    };
                    let location_name = untrack(name).unwrap_or_default();
                    view! {
                        <Loaded
                            location_id=location_id.clone()
                            location_name
                            options=loaded(options.get_untracked())
                            routes
                            connection
                            group_details
                            asked=asked.clone()
                        />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The value of a resource read without error (the page checks that first).
fn loaded<T: Default>(read: Option<Result<T, ApiError>>) -> T {
    read.and_then(Result::ok).unwrap_or_default()
}

/// What a change would do, shown for confirmation before it is sent.
#[derive(Clone, Debug, PartialEq)]
struct Change {
    from: String,
    to: String,
    body: PstnConnectionUpdate,
}

/// How setting the connection ended, when it did not.
#[derive(Clone, Debug, PartialEq)]
enum SaveFailure {
    /// Webex refused the change; the connection is as before.
    NotSet(ApiError),
    /// The change was made, but reading it back failed.
    NotReadBack(ApiError),
}

/// The current connection and the form to change it, once everything is read.
#[component]
fn Loaded(
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
                r.groups
                    .iter()
                    .map(|g| PickerOption {
                        id: g.id.clone(),
                        label: g.name.clone(),
                        hint: group_details
                            .get(&g.id)
                            .and_then(Result::ok)
                            .map(|d| trunk_count(d.local_gateways.len())),
                    })
                    .collect()
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

    let save = Action::new_local({
        let location_id = location_id.clone();
        move |body: &PstnConnectionUpdate| {
            let (client, id, body) = (client.clone(), location_id.clone(), body.clone());
            async move {
                pstn::set_connection(&client, &id, &body)
                    .await
                    .map_err(SaveFailure::NotSet)?;
                crate::drafts::clear(&format!("pstn-{id}"));
                // Webex answers 204 without a body: what it now holds is read back and shown.
                let now = pstn::connection(&client, &id)
                    .await
                    .map_err(SaveFailure::NotReadBack)?;
                connection.set(Some(Ok(now.clone())));
                Ok((body, now))
            }
        }
    });
    let pending = save.pending();

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
            focus(ids::SUBMIT);
        }
    };
    let cancel = move || {
        confirming.set(None);
        focus(ids::SUBMIT);
    };

    let outcome = move || {
        if pending.get() {
            return None;
        }
        Some(match save.value().get()? {
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
                view! { <ApiErrorView error=e context="The PSTN connection was not changed" /> }.into_any()
            }
            Err(SaveFailure::NotReadBack(e)) => view! {
                <div class="alert alert-warning" role="alert">
                    <p class="alert-title">
                        "Webex accepted the change, but reading the connection back failed."
                    </p>
                    <p>
                        <button type="button" class="button small" on:click=move |_| connection.refetch()>
                            "Read it again"
                        </button>
                    </p>
                </div>
                <ApiErrorView error=e />
            }
            .into_any(),
        })
    };
    let has_current = move || current.with(Option::is_some);
    let route_error_id = "premise-route-id-error";
    let route_label = move || {
        if route_type.get() == PremiseRouteType::RouteGroup.as_str() {
            "Route group to use"
        } else {
            "Trunk to use"
        }
    };
    let provider_names = offers.with_value(|o| {
        o.providers
            .iter()
            .map(|p| p.display_name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let (offers_local_gateway, providers, elsewhere) =
        offers.with_value(|o| (o.local_gateway, o.providers.clone(), o.elsewhere.clone()));
    let offers_providers = !providers.is_empty();

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
                <fieldset
                    class="field"
                    class:invalid=move || error(PSTN_CONNECTION_TYPE).is_some()
                    aria-describedby="pstn-connection-type-error"
                >
                    <legend>"Connect through"</legend>
                    <div class="choices">
                        {offers_local_gateway.then(|| view! {
                            <RadioCard
                                id=ids::TYPE_LOCAL_GATEWAY
                                name=PSTN_CONNECTION_TYPE
                                value=LOCAL_GATEWAY
                                title="Local gateway"
                                help="Your own gateway or session border controller, reached over a trunk or route group (Premises-based PSTN)."
                                checked=Signal::derive(move || connection_type.get() == LOCAL_GATEWAY)
                                on_choose=move || choose_type(LOCAL_GATEWAY)
                            />
                        })}
                        {offers_providers.then(|| view! {
                            <RadioCard
                                id=ids::TYPE_PROVIDER
                                name=PSTN_CONNECTION_TYPE
                                value=NON_INTEGRATED_CCP
                                title="Cloud-connected PSTN provider"
                                help=format!("A provider's network, without a gateway of your own: {provider_names}.")
                                checked=Signal::derive(move || connection_type.get() == NON_INTEGRATED_CCP)
                                on_choose=move || choose_type(NON_INTEGRATED_CCP)
                            />
                        })}
                    </div>
                    {move || error(PSTN_CONNECTION_TYPE).map(|e| view! {
                        <p class="field-error" id="pstn-connection-type-error">{e}</p>
                    })}
                    {(!offers_local_gateway && !offers_providers).then(|| view! {
                        <p class="help">"Webex offers this location no connection that this console can set."</p>
                    })}
                    {(!elsewhere.is_empty()).then(|| view! {
                        <div class="elsewhere">
                            <p>"Also available for this location, but set up in Control Hub, not here:"</p>
                            <ul>
                                {elsewhere.iter().map(|o| view! {
                                    <li>{o.display_name.clone()} " (" {kind_note(&o.kind())} ")"</li>
                                }).collect_view()}
                            </ul>
                            <p>
                                "Cisco PSTN and integrated cloud-connected providers are set up with the provider in Control Hub; the Webex API does not let this console set them."
                            </p>
                        </div>
                    })}
                </fieldset>

                <Show when=move || connection_type.get() == LOCAL_GATEWAY>
                    <fieldset
                        class="field"
                        class:invalid=move || error(PREMISE_ROUTE_TYPE).is_some()
                        aria-describedby="premise-route-type-error"
                    >
                        <legend>"Calls go through"</legend>
                        <div class="choices two">
                            <RadioCard
                                id=ids::ROUTE_TRUNK
                                name=PREMISE_ROUTE_TYPE
                                value=PremiseRouteType::Trunk.as_str()
                                title=PremiseRouteType::Trunk.label()
                                help="One trunk to one gateway."
                                checked=Signal::derive(move || route_type.get() == PremiseRouteType::Trunk.as_str())
                                on_choose=move || choose_route_type(PremiseRouteType::Trunk)
                            />
                            <RadioCard
                                id=ids::ROUTE_GROUP
                                name=PREMISE_ROUTE_TYPE
                                value=PremiseRouteType::RouteGroup.as_str()
                                title=PremiseRouteType::RouteGroup.label()
                                help="Up to 10 trunks, possibly at other locations, tried in order."
                                checked=Signal::derive(move || route_type.get() == PremiseRouteType::RouteGroup.as_str())
                                on_choose=move || choose_route_type(PremiseRouteType::RouteGroup)
                            />
                        </div>
                        {move || error(PREMISE_ROUTE_TYPE).map(|e| view! {
                            <p class="field-error" id="premise-route-type-error">{e}</p>
                        })}
                    </fieldset>
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
                                described_by=route_error_id
                            />
                            {move || error(PREMISE_ROUTE_ID).map(|e| view! {
                                <p class="field-error" id=route_error_id>{e}</p>
                            })}
                        </div>
                    </Show>
                </Show>

                <Show when=move || connection_type.get() == NON_INTEGRATED_CCP>
                    <fieldset
                        class="field"
                        class:invalid=move || error(ID).is_some()
                        aria-describedby="pstn-provider-error"
                    >
                        <legend>"Provider"</legend>
                        <div class="choices">
                            {providers.iter().enumerate().map(|(i, p)| {
                                let option_id = p.id.clone();
                                let chosen = p.id.clone();
                                let services = p.pstn_services.iter().map(|s| service_words(s)).collect::<Vec<_>>().join(" · ");
                                view! {
                                    <RadioCard
                                        id=ids::provider(i)
                                        name=ID
                                        value=p.id.clone()
                                        title=p.display_name.clone()
                                        help=services
                                        checked=Signal::derive(move || provider.with(|v| *v == option_id))
                                        on_choose=move || {
                                            provider.set(chosen.clone());
                                            nothing_to_do.set(false);
                                        }
                                    />
                                }
                            }).collect_view()}
                        </div>
                        {move || error(ID).map(|e| view! {
                            <p class="field-error" id="pstn-provider-error">{e}</p>
                        })}
                    </fieldset>
                </Show>

                <Show when=move || nothing_to_do.get()>
                    <div class="alert alert-info" role="status">
                        <p>"This is already the location's connection: nothing was sent."</p>
                    </div>
                </Show>
                {outcome}
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
                change
                location_name=location_name.clone()
                on_confirm=confirm
                on_cancel=cancel
            />
        })}
    }
}

/// The facts of the current connection: type, provider, route type and route by name.
#[component]
fn CurrentConnection(
    current: Memo<Option<Connection>>,
    names: StoredValue<RouteNames>,
    group_details: BoundedLoader<GroupRead>,
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

/// A radio button as a card: a short title (its accessible name) and a line of help.
#[component]
fn RadioCard(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(into)] title: String,
    #[prop(into)] help: String,
    checked: Signal<bool>,
    on_choose: impl Fn() + 'static,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let help_id = format!("{id}-help");
    view! {
        <label class="choice" for=id.clone()>
            <input
                type="radio"
                id=id.clone()
                name=name
                value=value
                prop:checked=checked
                aria-labelledby=title_id.clone()
                aria-describedby=help_id.clone()
                on:change=move |_| on_choose()
            />
            <span class="choice-text">
                <span class="choice-title" id=title_id>{title}</span>
                <span class="choice-help" id=help_id>{help}</span>
            </span>
        </label>
    }
}

/// Asks before a working connection is changed, saying from what to what.
#[component]
fn ConfirmChange(
    change: Change,
    location_name: String,
    on_confirm: impl Fn() + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let cancel_button = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    // The safe choice has the focus first.
    Effect::new(move |_| {
        if let Some(b) = cancel_button.get() {
            let _ = b.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_cancel();
        }
        // Keep Tab inside the dialog while it is open.
        "Tab" => {
            let active = document().active_element();
            let (Some(first), Some(last)) = (
                confirm_button.get_untracked(),
                cancel_button.get_untracked(),
            ) else {
                return;
            };
            let first_el: &web_sys::Element = &first;
            let last_el: &web_sys::Element = &last;
            if ev.shift_key() && active.as_ref() == Some(first_el) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && active.as_ref() == Some(last_el) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    view! {
        <div class="modal-backdrop">
            <div
                class="modal card"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="confirm-change-title"
                aria-describedby="confirm-change-text"
                on:keydown=on_keydown
            >
                <h2 id="confirm-change-title">
                    {format!("Change the PSTN connection of {location_name}?")}
                </h2>
                <div id="confirm-change-text">
                    <p class="change-line">
                        <strong>"From: "</strong>
                        {change.from}
                    </p>
                    <p class="change-arrow" aria-hidden="true">"→"</p>
                    <p class="change-line">
                        <strong>"To: "</strong>
                        {change.to}
                    </p>
                    <p class="muted">
                        "This changes how live calls leave this location: calls to and from the phone network use the new connection as soon as Webex accepts it."
                    </p>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="button primary"
                        node_ref=confirm_button
                        on:click=move |_| on_confirm()
                    >
                        "Change connection"
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        node_ref=cancel_button
                        on:click=move |_| on_cancel()
                    >
                        "Cancel"
                    </button>
                </div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::trunks::NamedRef;

    fn option(id: &str, name: &str, kind: &str) -> ConnectionOption {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","displayName":"{name}","pstnConnectionType":"{kind}"}}"#
        ))
        .unwrap()
    }

    fn trunk(id: &str, name: &str, location: &str) -> TrunkSummary {
        TrunkSummary {
            id: id.into(),
            name: name.into(),
            location: NamedRef {
                id: location.into(),
                name: format!("Location {location}"),
            },
            in_use: false,
            trunk_type: None,
        }
    }

    fn routes() -> Routes {
        Routes {
            trunks: vec![
                trunk("T1", "SJC-CUBE-01", "L1"),
                trunk("T2", "BER-SBC-01", "L2"),
            ],
            groups: vec![RouteGroupSummary {
                id: "RG1".into(),
                name: "RG-EMEA".into(),
                in_use: true,
            }],
        }
    }

    fn offers() -> Offers {
        Offers::new(&[
            option("LGW", "Premises-based PSTN", "LOCAL_GATEWAY"),
            option("CCP1", "Meridian Voice", "NON_INTEGRATED_CCP"),
            option("CISCO", "Cisco Calling Plan", "CISCO_PSTN"),
        ])
    }

    fn names() -> RouteNames {
        let r = routes();
        RouteNames::new(&r.trunks, &r.groups)
    }

    #[test]
    fn options_are_sorted_by_what_can_be_set() {
        let o = offers();
        assert!(o.local_gateway);
        assert_eq!(o.providers.len(), 1);
        assert_eq!(o.elsewhere[0].display_name, "Cisco Calling Plan");
    }

    #[test]
    fn own_trunks_come_first_and_say_so() {
        let choices = routes().trunk_choices("L2");
        assert_eq!(choices[0].label, "BER-SBC-01");
        assert_eq!(choices[0].hint.as_deref(), Some("this location's trunk"));
        assert_eq!(choices[1].hint.as_deref(), Some("at Location L1"));
    }

    #[test]
    fn the_link_preselects_a_known_route() {
        let (form, note) =
            starting_form(None, Some(("TRUNK", "T2")), &offers(), &routes(), &names());
        assert_eq!(form.connection_type, LOCAL_GATEWAY);
        assert_eq!(form.premise_route_type, "TRUNK");
        assert_eq!(form.premise_route_id, "T2");
        assert_eq!(
            note,
            Some(Preselect::Chosen(
                r#"Local gateway, trunk "BER-SBC-01""#.into()
            ))
        );
        let body = form.validate().unwrap();
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T2"}"#
        );
    }

    #[test]
    fn the_link_cannot_preselect_unknown_routes() {
        let current = Connection {
            id: "CCP1".into(),
            display_name: "Meridian Voice".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::NonIntegratedCcp,
            route_type: None,
            route_id: None,
        };
        let (form, note) = starting_form(
            Some(&current),
            Some(("ROUTE_GROUP", "nope")),
            &offers(),
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        assert_eq!(
            form.connection_type, NON_INTEGRATED_CCP,
            "falls back to the current connection"
        );
        assert_eq!(form.option_id, "CCP1");
        let (_, note) = starting_form(
            None,
            Some(("GATEWAY", "T1")),
            &offers(),
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        let no_gateway = Offers::new(&[option("CCP1", "Meridian Voice", "NON_INTEGRATED_CCP")]);
        let (form, note) = starting_form(
            None,
            Some(("TRUNK", "T1")),
            &no_gateway,
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        assert_eq!(form, PstnForm::default());
    }

    #[test]
    fn the_form_starts_from_the_current_connection() {
        let current = Connection {
            id: "LGW".into(),
            display_name: "Premises-based PSTN".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::LocalGateway,
            route_type: Some(PremiseRouteType::RouteGroup),
            route_id: Some("RG1".into()),
        };
        let (form, note) = starting_form(Some(&current), None, &offers(), &routes(), &names());
        assert_eq!(note, None);
        assert_eq!(form.premise_route_type, "ROUTE_GROUP");
        assert_eq!(form.premise_route_id, "RG1");
        let cisco = Connection {
            pstn_connection_type: ConnectionType::CiscoPstn,
            route_type: None,
            route_id: None,
            ..current
        };
        let (form, _) = starting_form(Some(&cisco), None, &offers(), &routes(), &names());
        assert_eq!(
            form,
            PstnForm::default(),
            "nothing this console can set is chosen"
        );
    }

    #[test]
    fn focus_goes_to_the_first_control_of_a_field() {
        let o = offers();
        assert_eq!(
            control_for(PSTN_CONNECTION_TYPE, &o),
            ids::TYPE_LOCAL_GATEWAY
        );
        assert_eq!(control_for(PREMISE_ROUTE_ID, &o), ids::ROUTE_ID);
        assert_eq!(control_for(ID, &o), "pstn-provider-0");
        assert_eq!(trunk_count(1), "1 trunk");
        assert_eq!(trunk_count(3), "3 trunks");
    }
}
