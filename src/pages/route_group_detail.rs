//! One route group: its trunks in the order calls try them, what uses it, edit, and delete
//! (offered only while nothing uses it, confirmed by typing its name).

use crate::api::client::path_segment;
use crate::api::route_groups::{self, RouteGroupDetails, RouteGroupUsage, RouteListRef};
use crate::api::trunks::{self, NamedRef, TrunkStatus};
use crate::api::ApiError;
use crate::bounded_loader::BoundedLoader;
use crate::components::{
    use_page_title, ApiErrorView, ConfirmDialog, LoadFailed, Loading, PageHeading,
};
use crate::history::{self, Entry, What};
use crate::pages::route_groups::RouteGroupNotice;
use crate::resources::api_resource;
use crate::route_group_words::{call_order, group_line, other_uses, trunk_count};
use crate::session::Session;
use crate::tab_storage::Scope;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

/// Trunk detail reads in flight at once, for their status.
const STATUS_REQUESTS: usize = 4;

/// Everything that uses a group, from `…/usage` and its lists.
#[derive(Clone, Debug, Default, PartialEq)]
struct Uses {
    counts: RouteGroupUsage,
    pstn: Vec<NamedRef>,
    dial_plans: Vec<NamedRef>,
    call_to_extension: Vec<NamedRef>,
    route_lists: Vec<RouteListRef>,
}

impl Uses {
    /// True when Webex would refuse the delete.
    fn in_use(&self) -> bool {
        self.counts.in_use()
            || !(self.pstn.is_empty()
                && self.dial_plans.is_empty()
                && self.call_to_extension.is_empty()
                && self.route_lists.is_empty())
    }

    /// The uses set in Control Hub, one line each.
    fn elsewhere(&self) -> Vec<String> {
        let names = |l: &[NamedRef]| l.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
        let lists: Vec<String> = self
            .route_lists
            .iter()
            .map(|r| match r.location_name.as_str() {
                "" => r.name.clone(),
                at => format!("{} ({at})", r.name),
            })
            .collect();
        other_uses(
            &names(&self.dial_plans),
            &names(&self.call_to_extension),
            &lists,
        )
    }
}

async fn read_uses(client: crate::api::Client, id: String) -> Result<Uses, ApiError> {
    Ok(Uses {
        counts: route_groups::usage(&client, &id).await?,
        pstn: route_groups::usage_pstn_connection(&client, &id).await?,
        dial_plans: route_groups::usage_dial_plan(&client, &id).await?,
        call_to_extension: route_groups::usage_call_to_extension(&client, &id).await?,
        route_lists: route_groups::usage_route_list(&client, &id).await?,
    })
}

/// The details page at `/route-groups/:id`.
#[component]
pub fn RouteGroupDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    move || view! { <RouteGroupPage id=id.get() /> }
}

#[component]
fn RouteGroupPage(id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let notice = expect_context::<RouteGroupNotice>();
    let shown_notice = notice.0.get_untracked();
    on_cleanup(move || notice.0.set(None));
    let group = api_resource(&client, id.clone(), |client, id| async move {
        route_groups::get(&client, &id).await
    });
    // The trunks' locations: the session's kept list of trunks.
    session.kept.trunks.ensure(&client);
    let uses = api_resource(&client, id.clone(), read_uses);
    use_page_title("Route group");
    view! {
        <p class="breadcrumb">
            <A href=crate::paths::href("/route-groups")>"Route groups"</A>
            {move || group.get().and_then(Result::ok).map(|g| format!(" / {}", g.name))}
        </p>
        {shown_notice.map(|n| view! { <div class="alert alert-success" role="status"><p>{n}</p></div> })}
        {move || match group.get() {
            None => view! { <Loading text="Loading the route group…" /> }.into_any(),
            Some(Err(e)) => view! {
                <PageHeading text="Route group" />
                <LoadFailed error=e context="The route group could not be loaded" on_retry=Callback::new(move |()| group.refetch()) />
            }
            .into_any(),
            Some(Ok(g)) => view! { <GroupView id=id.clone() group=g uses /> }.into_any(),
        }}
    }
}

#[component]
fn GroupView(
    id: String,
    group: RouteGroupDetails,
    uses: LocalResource<Result<Uses, ApiError>>,
) -> impl IntoView {
    let client = expect_context::<Session>().client();
    let statuses = BoundedLoader::new(STATUS_REQUESTS, move |trunk_id: String| {
        let client = client.clone();
        async move {
            trunks::get(&client, &trunk_id)
                .await
                .ok()
                .and_then(|t| t.status)
        }
    });
    let members = group.by_priority();
    statuses.want(members.iter().map(|t| t.id.clone()).collect::<Vec<_>>());
    let kept = expect_context::<Session>().kept.trunks;
    let location_of = move |id: &str| {
        kept.with(|k| {
            k.items
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.location.name.clone())
        })
    };
    let names: HashMap<String, String> = members
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect();
    let chosen: Vec<(&str, u32)> = members
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.priority?)))
        .collect();
    let order = call_order(&chosen, |id| names.get(id).cloned());
    let line = group_line(&group.name, &chosen, |id| names.get(id).cloned());
    let edit = crate::paths::href(&format!("/route-groups/{}/edit", path_segment(&id)));
    let name = group.name.clone();
    let rows = members
        .into_iter()
        .map(|t| {
            let trunk_id = t.id.clone();
            let location = {
                let id = t.id.clone();
                move || location_of(&id).unwrap_or_else(|| "…".into())
            };
            let status = move || {
                let s = statuses.get(&trunk_id).flatten().unwrap_or(TrunkStatus::Unknown);
                let class = match s {
                    TrunkStatus::Online => "badge online",
                    TrunkStatus::Offline => "badge offline",
                    TrunkStatus::Unknown => "badge unknown",
                };
                view! { <span class=class>{s.label()}</span> }
            };
            view! {
                <tr>
                    <td>{t.priority.map(|p| p.to_string()).unwrap_or_else(|| "—".into())}</td>
                    <td><A href=crate::paths::href(&format!("/trunks/{}", path_segment(&t.id)))>{t.name.clone()}</A></td>
                    <td>{location}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="page-head">
            <PageHeading text=group.name.clone() title=format!("Route group {}", group.name) />
            <div class="actions">
                <A href=edit attr:class="button primary">"Edit"</A>
            </div>
        </div>
        <section class="card" aria-labelledby="rg-trunks-heading">
            <h2 id="rg-trunks-heading">{format!("Trunks ({})", trunk_count(group.local_gateways.len()))}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th>"Priority"</th>
                            <th>"Trunk"</th>
                            <th>"Location"</th>
                            <th>"Status"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {order.map(|o| view! { <p class="call-order" data-testid="call-order">{o}</p> })}
        </section>
        <section class="card" aria-labelledby="rg-used-by-heading">
            <h2 id="rg-used-by-heading">"Used by"</h2>
            {move || match uses.get() {
                None => view! { <Loading text="Reading where the route group is used…" /> }.into_any(),
                Some(Err(e)) => view! { <LoadFailed error=e context="Where the route group is used could not be read" on_retry=Callback::new(move |()| uses.refetch()) /> }.into_any(),
                Some(Ok(u)) => view! { <UsedBy id=id.clone() name=name.clone() line=line.clone() uses=u /> }.into_any(),
            }}
        </section>
    }
}

/// What uses the group, and the delete that is possible only when nothing does.
#[component]
fn UsedBy(id: String, name: String, line: String, uses: Uses) -> impl IntoView {
    let in_use = uses.in_use();
    let elsewhere = uses.elsewhere();
    let has_pstn = !uses.pstn.is_empty();
    let has_elsewhere = !elsewhere.is_empty();
    let pstn_items = uses
        .pstn
        .into_iter()
        .map(|l| {
            let href = crate::paths::href(&format!("/locations/{}/pstn", path_segment(&l.id)));
            view! { <li><A href=href>{l.name}</A></li> }
        })
        .collect_view();
    let other_items = elsewhere
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();
    view! {
        {has_pstn.then(move || view! {
            <h3>"PSTN connection of"</h3>
            <ul class="used-by" data-testid="used-by-pstn">{pstn_items}</ul>
        })}
        {has_elsewhere.then(move || view! {
            <h3>"Also"</h3>
            <ul class="used-by" data-testid="used-by-other">{other_items}</ul>
        })}
        {if in_use {
            view! {
                <div class="alert alert-info" data-testid="delete-blocked">
                    <p class="alert-title">"This route group cannot be deleted while it is in use."</p>
                    {has_pstn.then(|| view! {
                        <p>"First give the locations above another PSTN route: open each one's PSTN page and choose another trunk or route group."</p>
                    })}
                    {has_elsewhere.then(|| view! {
                        <p>"Dial plans, calls to extensions and route lists are changed in Control Hub."</p>
                    })}
                </div>
            }
            .into_any()
        } else {
            view! {
                <p>"Nothing uses this route group."</p>
                <DeleteRouteGroup id name line />
            }
            .into_any()
        }}
    }
}

/// "Delete route group": the admin types the group's name, one DELETE, back to the list.
/// `line` is the group in one line, for the history.
#[component]
fn DeleteRouteGroup(id: String, name: String, line: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let scope = Scope::of(session);
    let client = session.client();
    let notice = expect_context::<RouteGroupNotice>();
    let navigate = crate::paths::use_navigate();
    let asking = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let delete = Action::new_local({
        let name = name.clone();
        move |id: &String| {
            let (client, id, name, navigate) =
                (client.clone(), id.clone(), name.clone(), navigate.clone());
            let entry = Entry::new(What::RouteGroupDeleted, &name).change(line.clone(), "");
            let scope = scope.clone();
            async move {
                let answer = route_groups::delete(&client, &id).await;
                history::record(&scope, entry.answered(&answer));
                answer?;
                session.kept.route_groups.remove(&id);
                notice.0.set(Some(format!("Route group {name} deleted.")));
                navigate("/route-groups", Default::default());
                Ok::<_, ApiError>(())
            }
        }
    });
    let pending = delete.pending();
    let matches = {
        let name = name.clone();
        Signal::derive(move || typed.with(|t| t.trim() == name.trim()) && !pending.get())
    };
    let confirm = Callback::new({
        let id = id.clone();
        move |()| {
            if matches.get_untracked() {
                asking.set(false);
                delete.dispatch(id.clone());
            }
        }
    });
    let cancel = Callback::new(move |()| {
        asking.set(false);
        crate::components::field::focus("rg-delete");
    });
    let label = format!("Type {name} to confirm");
    view! {
        <div class="actions">
            <button
                type="button"
                id="rg-delete"
                class="button danger"
                disabled=move || pending.get()
                on:click=move |_| {
                    typed.set(String::new());
                    asking.set(true);
                }
            >
                {move || if pending.get() { "Deleting…" } else { "Delete route group" }}
            </button>
        </div>
        {move || delete.value().get().and_then(Result::err).map(|e| view! {
            <ApiErrorView error=e context="The route group was not deleted" />
        })}
        {move || asking.get().then(|| {
            let label = label.clone();
            view! {
            <ConfirmDialog
                id="confirm-delete-route-group"
                title=format!("Delete route group {name}?")
                confirm_label="Delete route group"
                danger=true
                ready=matches
                on_confirm=confirm
                on_cancel=cancel
            >
                <p>"Webex deletes the group and its list of trunks; the trunks themselves stay. This cannot be undone."</p>
                <div class="field">
                    <label for="rg-delete-name">{label}</label>
                    <input
                        id="rg-delete-name"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || typed.get()
                        on:input:target=move |ev| typed.set(ev.target().value())
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                confirm.run(());
                            }
                        }
                    />
                </div>
            </ConfirmDialog>
            }
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> NamedRef {
        NamedRef {
            id: name.into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_group_is_in_use_when_anything_counts_or_lists_it() {
        assert!(!Uses::default().in_use());
        let counted = Uses {
            counts: serde_json::from_str(r#"{"dialPlanCount":"1"}"#).unwrap(),
            ..Uses::default()
        };
        assert!(counted.in_use());
        let listed = Uses {
            pstn: vec![named("Berlin Office")],
            ..Uses::default()
        };
        assert!(listed.in_use());
    }

    #[test]
    fn uses_set_elsewhere_are_named() {
        let u = Uses {
            dial_plans: vec![named("EMEA Premises Dialing")],
            route_lists: vec![RouteListRef {
                id: "RL".into(),
                name: "RL-DI".into(),
                location_name: "London Office".into(),
            }],
            ..Uses::default()
        };
        assert_eq!(
            u.elsewhere(),
            vec![
                "Dial plans: EMEA Premises Dialing",
                "Route lists: RL-DI (London Office)"
            ]
        );
    }
}
