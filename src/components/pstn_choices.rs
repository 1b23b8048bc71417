//! The choices of a location's PSTN form, each a fieldset of radio cards: how the location
//! connects, whether a local gateway goes through a trunk or a route group, and which provider.

use crate::api::pstn::ConnectionOption;
use crate::api::requests::PremiseRouteType;
use crate::components::pstn_connection::service_words;
use crate::components::radio_card::RadioCard;
use crate::pstn_plan::{ids, kind_note, Offers};
use crate::validation::fields::{ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::validation::pstn::{LOCAL_GATEWAY, NON_INTEGRATED_CCP};
use leptos::prelude::*;

/// "Connect through": a local gateway or a cloud-connected provider, as the location's options
/// allow, and what else Webex offers that is set in Control Hub.
#[component]
pub fn ConnectThrough(
    offers: Offers,
    /// The chosen `pstnConnectionType`.
    #[prop(into)]
    chosen: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_choose: Callback<&'static str>,
) -> impl IntoView {
    let provider_names = offers
        .providers
        .iter()
        .map(|p| p.display_name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let Offers {
        local_gateway: offers_local_gateway,
        providers,
        elsewhere,
    } = offers;
    let offers_providers = !providers.is_empty();
    view! {
        <fieldset
            class="field"
            class:invalid=move || error.with(Option::is_some)
            aria-describedby=move || error.with(Option::is_some).then_some("pstn-connection-type-error")
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
                        checked=Signal::derive(move || chosen.get() == LOCAL_GATEWAY)
                        on_choose=move || on_choose.run(LOCAL_GATEWAY)
                    />
                })}
                {offers_providers.then(|| view! {
                    <RadioCard
                        id=ids::TYPE_PROVIDER
                        name=PSTN_CONNECTION_TYPE
                        value=NON_INTEGRATED_CCP
                        title="Cloud-connected PSTN provider"
                        help=format!("A provider's network, without a gateway of your own: {provider_names}.")
                        checked=Signal::derive(move || chosen.get() == NON_INTEGRATED_CCP)
                        on_choose=move || on_choose.run(NON_INTEGRATED_CCP)
                    />
                })}
            </div>
            {move || error.get().map(|e| view! {
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
    }
}

/// "Calls go through": a trunk or a route group.
#[component]
pub fn RouteTypeChoice(
    /// The chosen `premiseRouteType`.
    #[prop(into)]
    chosen: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_choose: Callback<PremiseRouteType>,
) -> impl IntoView {
    view! {
        <fieldset
            class="field"
            class:invalid=move || error.with(Option::is_some)
            aria-describedby=move || error.with(Option::is_some).then_some("premise-route-type-error")
        >
            <legend>"Calls go through"</legend>
            <div class="choices two">
                <RadioCard
                    id=ids::ROUTE_TRUNK
                    name=PREMISE_ROUTE_TYPE
                    value=PremiseRouteType::Trunk.as_str()
                    title=PremiseRouteType::Trunk.label()
                    help="One trunk to one gateway."
                    checked=Signal::derive(move || chosen.get() == PremiseRouteType::Trunk.as_str())
                    on_choose=move || on_choose.run(PremiseRouteType::Trunk)
                />
                <RadioCard
                    id=ids::ROUTE_GROUP
                    name=PREMISE_ROUTE_TYPE
                    value=PremiseRouteType::RouteGroup.as_str()
                    title=PremiseRouteType::RouteGroup.label()
                    help="Up to 10 trunks, possibly at other locations, tried in order."
                    checked=Signal::derive(move || chosen.get() == PremiseRouteType::RouteGroup.as_str())
                    on_choose=move || on_choose.run(PremiseRouteType::RouteGroup)
                />
            </div>
            {move || error.get().map(|e| view! {
                <p class="field-error" id="premise-route-type-error">{e}</p>
            })}
        </fieldset>
    }
}

/// "Provider": the location's non-integrated cloud-connected providers.
#[component]
pub fn ProviderChoice(
    providers: Vec<ConnectionOption>,
    /// The chosen option id.
    #[prop(into)]
    chosen: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_choose: Callback<String>,
) -> impl IntoView {
    view! {
        <fieldset
            class="field"
            class:invalid=move || error.with(Option::is_some)
            aria-describedby=move || error.with(Option::is_some).then_some("pstn-provider-error")
        >
            <legend>"Provider"</legend>
            <div class="choices">
                {providers.iter().enumerate().map(|(i, p)| {
                    let option_id = p.id.clone();
                    let choice = p.id.clone();
                    let services = p.pstn_services.iter().map(|s| service_words(s)).collect::<Vec<_>>().join(" · ");
                    view! {
                        <RadioCard
                            id=ids::provider(i)
                            name=ID
                            value=p.id.clone()
                            title=p.display_name.clone()
                            help=services
                            checked=Signal::derive(move || chosen.with(|v| *v == option_id))
                            on_choose=move || on_choose.run(choice.clone())
                        />
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! {
                <p class="field-error" id="pstn-provider-error">{e}</p>
            })}
        </fieldset>
    }
}
