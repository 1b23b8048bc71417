//! The one target of a bulk change, chosen as on the single PSTN page: a local gateway through a
//! trunk or a route group (by picker), or a cloud-connected provider by name.

use super::{Picker, PickerOption};
use crate::api::requests::PremiseRouteType;
use crate::api::route_groups::RouteGroupSummary;
use crate::api::trunks::TrunkSummary;
use crate::bulk::plan::Target;
use crate::validation::fields::{PREMISE_ROUTE_ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::validation::pstn::{LOCAL_GATEWAY, NON_INTEGRATED_CCP};
use leptos::prelude::*;

/// What the admin chose so far in the target's controls.
#[derive(Clone, Copy)]
pub struct TargetChoice {
    kind: RwSignal<String>,
    route_type: RwSignal<String>,
    route_id: RwSignal<String>,
    provider: RwSignal<String>,
}

impl Default for TargetChoice {
    fn default() -> Self {
        Self::new()
    }
}

impl TargetChoice {
    pub fn new() -> Self {
        TargetChoice {
            kind: RwSignal::new(String::new()),
            route_type: RwSignal::new(String::new()),
            route_id: RwSignal::new(String::new()),
            provider: RwSignal::new(String::new()),
        }
    }

    /// The target, once the choice is complete (tracked).
    pub fn target(&self) -> Option<Target> {
        match self.kind.get().as_str() {
            LOCAL_GATEWAY => PremiseRouteType::parse(&self.route_type.get())
                .filter(|_| !self.route_id.with(String::is_empty))
                .map(|route_type| Target::Route {
                    route_type,
                    route_id: self.route_id.get(),
                }),
            NON_INTEGRATED_CCP => Some(self.provider.get())
                .filter(|p| !p.is_empty())
                .map(|name| Target::Provider { name }),
            _ => None,
        }
    }
}

/// The target's controls.
#[component]
pub fn BulkTarget(
    trunks: Signal<Vec<TrunkSummary>>,
    groups: Signal<Vec<RouteGroupSummary>>,
    /// Providers some chosen location offers, by name.
    providers: Signal<Vec<String>>,
    choice: TargetChoice,
) -> impl IntoView {
    let TargetChoice {
        kind,
        route_type,
        route_id,
        provider,
    } = choice;
    let choices = Signal::derive(move || {
        if route_type.get() == PremiseRouteType::RouteGroup.as_str() {
            groups.with(|g| {
                g.iter()
                    .map(|g| PickerOption {
                        id: g.id.clone(),
                        label: g.name.clone(),
                        hint: None,
                    })
                    .collect()
            })
        } else {
            trunks.with(|t| {
                t.iter()
                    .map(|t| PickerOption {
                        id: t.id.clone(),
                        label: t.name.clone(),
                        hint: (!t.location.name.is_empty())
                            .then(|| format!("at {}", t.location.name)),
                    })
                    .collect()
            })
        }
    });
    let radio = move |group: &'static str,
                      value: &'static str,
                      title: &'static str,
                      signal: RwSignal<String>| {
        let id = format!("bulk-{group}-{value}").to_lowercase();
        let for_id = id.clone();
        view! {
            <label class="choice" for=for_id>
                <input
                    type="radio"
                    id=id
                    name=group
                    value=value
                    prop:checked=move || signal.get() == value
                    on:change=move |_| {
                        signal.set(value.to_owned());
                        if group == PREMISE_ROUTE_TYPE {
                            route_id.set(String::new());
                        }
                    }
                />
                <span class="choice-text"><span class="choice-title">{title}</span></span>
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>"Set every chosen location to"</legend>
            <div class="choices two">
                {radio(PSTN_CONNECTION_TYPE, LOCAL_GATEWAY, "Local gateway", kind)}
                {radio(PSTN_CONNECTION_TYPE, NON_INTEGRATED_CCP, "Cloud-connected PSTN provider", kind)}
            </div>
        </fieldset>
        <Show when=move || kind.get() == LOCAL_GATEWAY>
            <fieldset class="field">
                <legend>"Calls go through"</legend>
                <div class="choices two">
                    {radio(PREMISE_ROUTE_TYPE, PremiseRouteType::Trunk.as_str(), "Trunk", route_type)}
                    {radio(PREMISE_ROUTE_TYPE, PremiseRouteType::RouteGroup.as_str(), "Route group", route_type)}
                </div>
            </fieldset>
            <Show when=move || !route_type.with(String::is_empty)>
                <div class="field">
                    <label for="bulk-route-id">
                        {move || if route_type.get() == PremiseRouteType::RouteGroup.as_str() {
                            "Route group to use"
                        } else {
                            "Trunk to use"
                        }}
                    </label>
                    <Picker
                        id="bulk-route-id"
                        name=PREMISE_ROUTE_ID
                        options=choices
                        value=route_id
                        on_change=Callback::new(move |id: String| route_id.set(id))
                        placeholder="Type to search by name"
                    />
                </div>
            </Show>
        </Show>
        <Show when=move || kind.get() == NON_INTEGRATED_CCP>
            <fieldset class="field">
                <legend>"Provider"</legend>
                <p class="help">
                    "Matched by name in each location's own options: the same provider has a different option in each country."
                </p>
                <div class="choices">
                    {move || {
                        providers
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, name)| {
                                let id = format!("bulk-provider-{i}");
                                let for_id = id.clone();
                                let chosen = name.clone();
                                let this = name.clone();
                                view! {
                                    <label class="choice" for=for_id>
                                        <input
                                            type="radio"
                                            id=id
                                            name="displayName"
                                            value=name.clone()
                                            prop:checked=move || provider.with(|p| *p == this)
                                            on:change=move |_| provider.set(chosen.clone())
                                        />
                                        <span class="choice-text">
                                            <span class="choice-title">{name}</span>
                                        </span>
                                    </label>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </fieldset>
        </Show>
    }
}
