//! The PSTN connection of one location (`/locations/:id/pstn`): reads the location, its
//! options, its connection, the org's trunks and route groups, then shows the form
//! (`components::pstn_change`). What the location may use and where the form starts are planned
//! in `crate::pstn_plan`.
//!
//! `?premiseRouteType=TRUNK&premiseRouteId=…` preselects a route (the trunk page links here,
//! and the new route group form comes back here with the group it created).

use crate::api::locations;
use crate::api::pstn;
use crate::api::route_groups;
use crate::api::ApiError;
use crate::bounded_loader::BoundedLoader;
use crate::components::pstn_change::{GroupRead, PstnChange};
use crate::components::{LoadFailed, Loading, PageHeading};
use crate::kept_lists::ReadState;
use crate::pstn_plan::Routes;
use crate::resources::api_resource;
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Route group reads in flight at once (for their trunk counts).
const IN_FLIGHT: usize = 4;

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
    // The trunks and route groups to choose from: the session's kept lists, read once.
    let kept = expect_context::<Session>().kept;
    kept.trunks.ensure(&client);
    kept.route_groups.ensure(&client);
    let list_state = |s: &ReadState| match s {
        ReadState::Read => Some(Ok(())),
        ReadState::Failed(e) => Some(Err(e.clone())),
        ReadState::NotRead | ReadState::Reading(_) => None,
    };
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
            kept.trunks.with(|k| list_state(&k.state)),
            kept.route_groups.with(|k| list_state(&k.state)),
        ];
        if let Some(failed) = all.iter().find(|s| matches!(s, Some(Err(_)))) {
            return failed.clone();
        }
        all.iter().all(Option::is_some).then_some(Ok(()))
    });
    let list_client = StoredValue::new(client.clone());
    let retry = Callback::new(move |()| {
        location.refetch();
        options.refetch();
        connection.refetch();
        list_client.with_value(|client| {
            kept.trunks.retry_failed(client);
            kept.route_groups.retry_failed(client);
        });
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
            <PageHeading
                text=move || name().unwrap_or_else(|| "PSTN connection".to_owned())
                title=move || match name() {
                    Some(name) => format!("{name}: PSTN connection"),
                    None => "PSTN connection".to_owned(),
                }
            />
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
                        trunks: kept.trunks.with_untracked(|k| k.items.clone()),
                        groups: kept.route_groups.with_untracked(|k| k.items.clone()),
                    };
                    let location_name = untrack(name).unwrap_or_default();
                    view! {
                        <PstnChange
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
