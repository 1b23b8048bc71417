//! Choosing a batch of locations on the locations list: filters by country and by current
//! connection, a checkbox per row, "Select all N shown", and the way to the bulk change.

use super::{Picker, PickerOption};
use crate::api::requests::PremiseRouteType;
use crate::api::route_groups::RouteGroupSummary;
use crate::api::trunks::TrunkSummary;
use crate::bulk::filter::ConnectionFilter;
use crate::bulk::selection::{self, Selection};
use crate::counting::{locations, thousands};
use crate::location_rows::{Found, Row};
use crate::tab_storage::Scope;
use leptos::prelude::*;
use leptos_router::components::A;

/// The filters' choices so far.
#[derive(Clone, Copy)]
pub struct BatchFilter {
    pub country: RwSignal<String>,
    kind: RwSignal<String>,
    route_id: RwSignal<String>,
}

impl Default for BatchFilter {
    fn default() -> Self {
        Self::new()
    }
}

impl BatchFilter {
    pub fn new() -> Self {
        BatchFilter {
            country: RwSignal::new(String::new()),
            kind: RwSignal::new(String::new()),
            route_id: RwSignal::new(String::new()),
        }
    }

    /// The filter on the current connection (tracked).
    pub fn connection(&self) -> ConnectionFilter {
        ConnectionFilter::parse(&self.kind.get(), &self.route_id.get())
    }
}

/// The chosen locations, kept for the admin and organization as they change.
#[derive(Clone, Copy)]
pub struct Chosen {
    pub selection: RwSignal<Selection>,
    scope: StoredValue<Option<Scope>>,
}

impl Chosen {
    pub fn new(scope: Option<Scope>) -> Self {
        let loaded = scope.as_ref().map(selection::load).unwrap_or_default();
        Chosen {
            selection: RwSignal::new(loaded),
            scope: StoredValue::new(scope),
        }
    }

    /// Changes the selection and keeps it.
    pub fn change(&self, f: impl FnOnce(&mut Selection)) {
        self.selection.update(f);
        if let Some(scope) = self.scope.get_value() {
            self.selection
                .with_untracked(|s| selection::save(&scope, s));
        }
    }
}

/// Country and connection filters.
#[component]
pub fn BatchFilters(
    filter: BatchFilter,
    /// The countries to offer; `None` while they are read or when they cannot be.
    countries: Signal<Option<Vec<String>>>,
    trunks: Signal<Vec<TrunkSummary>>,
    groups: Signal<Vec<RouteGroupSummary>>,
) -> impl IntoView {
    let BatchFilter {
        country,
        kind,
        route_id,
    } = filter;
    let route = move || PremiseRouteType::parse(&kind.get());
    let choices = Signal::derive(move || match route() {
        Some(PremiseRouteType::RouteGroup) => groups.with(|g| {
            g.iter()
                .map(|g| PickerOption {
                    id: g.id.clone(),
                    label: g.name.clone(),
                    hint: None,
                })
                .collect()
        }),
        _ => trunks.with(|t| {
            t.iter()
                .map(|t| PickerOption {
                    id: t.id.clone(),
                    label: t.name.clone(),
                    hint: None,
                })
                .collect()
        }),
    });
    view! {
        <div class="field">
            <label for="location-country">"Country"</label>
            <select
                id="location-country"
                name="country"
                disabled=move || countries.with(Option::is_none)
                on:change=move |ev| country.set(event_target_value(&ev))
                prop:value=move || country.get()
            >
                <option value="">"Any country"</option>
                {move || {
                    countries
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| view! { <option value=c.clone()>{c.clone()}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <div class="field">
            <label for="location-connection">"Current connection"</label>
            <select
                id="location-connection"
                name="pstnConnectionType"
                on:change=move |ev| {
                    kind.set(event_target_value(&ev));
                    route_id.set(String::new());
                }
                prop:value=move || kind.get()
            >
                <option value=ConnectionFilter::ANY>"Any connection"</option>
                <option value=ConnectionFilter::NOT_CONFIGURED>"Not configured"</option>
                <option value=ConnectionFilter::LOCAL_GATEWAY>"Local gateway (any)"</option>
                <option value=PremiseRouteType::Trunk.as_str()>"Local gateway through a trunk…"</option>
                <option value=PremiseRouteType::RouteGroup.as_str()>"Local gateway through a route group…"</option>
                <option value=ConnectionFilter::PROVIDER>"Cloud-connected provider"</option>
            </select>
        </div>
        <Show when=move || route().is_some()>
            <div class="field">
                <label for="location-route">
                    {move || match route() {
                        Some(PremiseRouteType::RouteGroup) => "Through route group",
                        _ => "Through trunk",
                    }}
                </label>
                <Picker
                    id="location-route"
                    name="premiseRouteId"
                    options=choices
                    value=route_id
                    on_change=Callback::new(move |id: String| route_id.set(id))
                    placeholder="Type to search by name"
                />
            </div>
        </Show>
    }
}

/// The count chosen, "Select all N shown", clear, and the way to the bulk change.
#[component]
pub fn SelectionBar(
    chosen: Chosen,
    /// Every location the list shows now, across pages.
    shown: Signal<Found>,
    /// False while connections are still read for a filter.
    ready: Signal<bool>,
) -> impl IntoView {
    let count = move || chosen.selection.with(Selection::len);
    let all_shown = move || {
        shown.with(|s| {
            chosen
                .selection
                .with(|sel| sel.len() >= s.len() && sel.has_all(s.ids()))
        })
    };
    let select_all = move |_| {
        let rows = shown.with_untracked(Found::picked);
        chosen.change(|s| s.add_all(rows));
    };
    let clear = move |_| chosen.change(|s| *s = Selection::default());
    view! {
        <div class="selection-bar" role="group" aria-label="Chosen locations">
            <p class="chosen" role="status" data-testid="chosen-count">
                {move || format!("{} chosen", locations(count()))}
            </p>
            <button
                type="button"
                class="button small"
                disabled=move || !ready.get() || shown.with(Found::is_empty) || all_shown()
                on:click=select_all
            >
                {move || format!("Select all {} shown", thousands(shown.with(Found::len)))}
            </button>
            <button type="button" class="button small secondary" disabled=move || count() == 0 on:click=clear>
                "Clear selection"
            </button>
            <Show when=move || { count() > 0 }>
                <A href=crate::paths::href("/locations/bulk") attr:class="button primary small">
                    {move || format!("Change PSTN of {}", locations(count()))}
                </A>
            </Show>
        </div>
    }
}

/// The checkbox that chooses the location of a row.
#[component]
pub fn ChooseBox(chosen: Chosen, row: Signal<Row>) -> impl IntoView {
    let label = move || row.with(|r| format!("Choose {}", r.name));
    let checked = move || row.with(|r| chosen.selection.with(|s| s.contains(&r.id)));
    view! {
        <input
            type="checkbox"
            class="choose"
            aria-label=label
            prop:checked=checked
            on:change=move |_| row.with_untracked(|r| chosen.change(|s| s.toggle(&r.id, &r.name)))
        />
    }
}
