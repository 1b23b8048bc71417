//! Create a route group (`/route-groups/new`, `?locationId=` comes back to that location's PSTN
//! page with the new group chosen) or change one (`/route-groups/:id/edit`): a name and up to
//! 10 trunks with priorities, checked before anything is sent.

use crate::api::client::path_segment;
use crate::api::route_groups::{self, RouteGroupDetails};
use crate::api::trunks::{NamedRef, TrunkSummary};
use crate::api::ApiError;
use crate::components::route_group_editor::{Mode, RouteGroupEditor, DRAFT};
use crate::components::{LoadFailed, Loading, PageHeading};
use crate::resources::api_resource;
use crate::session::Session;
use crate::validation::RouteGroupForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The new route group form at `/route-groups/new`.
#[component]
pub fn RouteGroupNew() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let return_to = use_query_map()
        .with_untracked(|q| q.get("locationId"))
        .filter(|l| !l.trim().is_empty());
    // The trunks to choose from: the session's kept list.
    let kept = session.kept.trunks;
    kept.ensure(&client);
    let trunk_list = Memo::new(move |_| kept.complete());
    let retry = Callback::new(move |()| kept.retry_failed(&client));
    let draft = crate::drafts::load::<RouteGroupForm>(DRAFT);
    let restored = draft.is_some();
    let initial = draft.unwrap_or_default();
    let back = match &return_to {
        Some(l) => format!("/locations/{}/pstn", path_segment(l)),
        None => "/route-groups".to_owned(),
    };
    view! {
        <section class="narrow-wide">
            <p class="breadcrumb">
                <A href=crate::paths::href("/route-groups")>"Route groups"</A>
                " / New route group"
            </p>
            <PageHeading text="New route group" />
            <p class="lead">
                "A route group spreads calls over several trunks, or fails over from one to the next, possibly across locations."
            </p>
            {move || match trunk_list.get() {
                None => view! { <Loading text="Loading trunks…" /> }.into_any(),
                Some(Err(e)) => view! { <LoadFailed error=e context="The trunks could not be loaded" on_retry=retry /> }.into_any(),
                Some(Ok(trunks)) => view! {
                    <RouteGroupEditor
                        mode=Mode::New { return_to: return_to.clone() }
                        initial=initial.clone()
                        restored
                        trunks
                        back=back.clone()
                    />
                }
                .into_any(),
            }}
        </section>
    }
}

/// The edit form at `/route-groups/:id/edit`.
#[component]
pub fn RouteGroupEdit() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    move || view! { <RouteGroupEditPage id=id.get() /> }
}

#[component]
fn RouteGroupEditPage(id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let group = api_resource(&client, id.clone(), |client, id| async move {
        route_groups::get(&client, &id).await
    });
    let carries = api_resource(&client, id.clone(), |client, id| async move {
        route_groups::usage_pstn_connection(&client, &id).await
    });
    let kept = session.kept.trunks;
    kept.ensure(&client);
    let trunk_list = Memo::new(move |_| kept.complete());
    let list_client = StoredValue::new(client.clone());
    type Loaded = (RouteGroupDetails, Vec<NamedRef>, Vec<TrunkSummary>);
    // Shown once all three are read; the first failure otherwise.
    let all = move || -> Option<Result<Loaded, ApiError>> {
        let (g, c, t) = (group.get()?, carries.get()?, trunk_list.get()?);
        Some(g.and_then(|g| Ok((g, c?, t?))))
    };
    let details = crate::paths::href(&format!("/route-groups/{}", path_segment(&id)));
    view! {
        <section class="narrow-wide">
            <p class="breadcrumb">
                <A href=crate::paths::href("/route-groups")>"Route groups"</A>
                " / "
                <A href=details.clone()>{move || group.get().and_then(Result::ok).map(|g| g.name).unwrap_or_else(|| "Route group".into())}</A>
                " / Edit"
            </p>
            <PageHeading text="Edit route group" />
            {move || match all() {
                None => view! { <Loading text="Loading the route group…" /> }.into_any(),
                Some(Err(e)) => view! {
                    <LoadFailed
                        error=e
                        context="The route group could not be loaded"
                        on_retry=Callback::new(move |()| {
                            group.refetch();
                            carries.refetch();
                            list_client.with_value(|client| kept.retry_failed(client));
                        })
                    />
                }
                .into_any(),
                Some(Ok((g, carries, trunks))) => {
                    let initial = RouteGroupForm::from_gateways(
                        &g.name,
                        g.by_priority().into_iter().map(|t| (t.id, t.priority)),
                    );
                    view! {
                        <RouteGroupEditor
                            mode=Mode::Edit { id: id.clone(), name: g.name.clone(), carries }
                            initial
                            restored=false
                            trunks
                            back=format!("/route-groups/{}", path_segment(&id))
                        />
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
