//! The route group form (new and edit): the name, the trunk rows, the order calls will try in
//! words, a confirmation before changing a group that carries locations' calls, and the save.

use crate::api::client::path_segment;
use crate::api::requests::RouteGroupBody;
use crate::api::route_groups::{self, RouteGroupSummary};
use crate::api::trunks::{NamedRef, TrunkSummary};
use crate::api::ApiError;
use crate::components::field::focus;
use crate::components::route_group_trunks::{ids, trunk_options, RouteGroupTrunks};
use crate::components::{ApiErrorView, ConfirmDialog, Field, SendingNote};
use crate::history::{self, Entry, What};
use crate::pages::route_groups::RouteGroupNotice;
use crate::route_group_words::{call_order, carries_calls_of, group_line};
use crate::session::Session;
use crate::tab_storage::Scope;
use crate::validation::fields::NAME;
use crate::validation::refusal;
use crate::validation::route_group::{Problem, RouteGroupErrors};
use crate::validation::RouteGroupForm;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashMap;

/// Where the new-group form's draft is kept.
pub const DRAFT: &str = "route-group-new";
/// The element id of the name field.
const NAME_ID: &str = "route-group-name";

/// True when Webex refused the group because its name is taken.
fn is_duplicate_name(e: &ApiError) -> bool {
    e.webex()
        .is_some_and(|w| matches!(w.status, 400 | 409) && refusal::is_duplicate_name(w))
}

/// Which form this is.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// A new group; after creating, back to this location's PSTN page when given.
    New { return_to: Option<String> },
    /// Changing the group `id` (named `name` until saved), whose PSTN connections carry these
    /// locations' calls.
    Edit {
        id: String,
        name: String,
        carries: Vec<NamedRef>,
    },
}

/// How a save ended when it did not end on the next page.
#[derive(Clone)]
enum SaveFailure {
    /// Webex refused it (with the name sent): nothing changed.
    Refused(ApiError, String),
    /// Webex accepted the create (2xx) but its answer could not be read, and no group of that
    /// name was found: it must not be created again.
    Accepted(ApiError),
}

/// The name a history entry is about: the group's name as it was, for an edit; as sent, for a
/// new one.
fn body_name(mode: &Mode, body: &RouteGroupBody) -> String {
    match mode {
        Mode::Edit { name, .. } => name.clone(),
        Mode::New { .. } => body.name.clone(),
    }
}

/// The id of the control to focus for a problem.
fn control_for(problem: Problem) -> String {
    match problem {
        Problem::Name => NAME_ID.to_owned(),
        Problem::Trunks => ids::ADD.to_owned(),
        Problem::RowTrunk(i) => ids::trunk(i),
        Problem::RowPriority(i) => ids::priority(i),
    }
}

/// The page after a save: the location's PSTN page with the group chosen, or the group.
fn after_save(mode: &Mode, id: &str) -> String {
    match mode {
        Mode::New {
            return_to: Some(location),
        } => format!(
            "/locations/{}/pstn?premiseRouteType=ROUTE_GROUP&premiseRouteId={}",
            path_segment(location),
            path_segment(id)
        ),
        _ => format!("/route-groups/{}", path_segment(id)),
    }
}

/// The form itself, once the trunks (and for an edit, the group) are read.
#[component]
pub fn RouteGroupEditor(
    mode: Mode,
    initial: RouteGroupForm,
    /// The form holds a draft from earlier in this tab.
    restored: bool,
    trunks: Vec<TrunkSummary>,
    /// The app path Cancel goes back to.
    back: String,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let kept = session.kept.route_groups;
    let notice = expect_context::<RouteGroupNotice>();
    let navigate = crate::paths::use_navigate();
    let is_new = matches!(mode, Mode::New { .. });
    let carries: Vec<String> = match &mode {
        Mode::Edit { carries, .. } => carries.iter().map(|l| l.name.clone()).collect(),
        Mode::New { .. } => Vec::new(),
    };

    let carries = StoredValue::new(carries);
    let form = RwSignal::new(initial);
    let restored = RwSignal::new(restored);
    if is_new {
        Effect::new(move |_| form.with(|f| crate::drafts::save(DRAFT, f)));
    }
    let submitted = RwSignal::new(false);
    let touched = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(None::<RouteGroupBody>);

    let options = Signal::stored(trunk_options(&trunks));
    let names: HashMap<String, String> = trunks.into_iter().map(|t| (t.id, t.name)).collect();
    let names = StoredValue::new(names);
    let trunk_name = move |id: &str| names.with_value(|n| n.get(id).cloned());
    let order = Memo::new(move |_| form.with(|f| call_order(&f.chosen(), trunk_name)));
    // The history says what changed: the group as it was (for an edit) and as sent.
    let scope = Scope::of(expect_context::<Session>());
    let before = match &mode {
        Mode::Edit { .. } => form.with_untracked(|f| group_line(&f.name, &f.chosen(), trunk_name)),
        Mode::New { .. } => String::new(),
    };

    let save = Action::new_local({
        let mode = mode.clone();
        move |body: &RouteGroupBody| {
            let (client, body, mode, navigate) =
                (client.clone(), body.clone(), mode.clone(), navigate.clone());
            let chosen: Vec<(&str, u32)> = body
                .local_gateways
                .iter()
                .map(|g| (g.id.as_str(), g.priority))
                .collect();
            let entry = Entry::new(
                if matches!(mode, Mode::New { .. }) {
                    What::RouteGroupCreated
                } else {
                    What::RouteGroupSaved
                },
                &body_name(&mode, &body),
            )
            .change(before.clone(), group_line(&body.name, &chosen, trunk_name));
            let scope = scope.clone();
            let record = move |id: Option<&str>, answer: &Result<Option<String>, ApiError>| {
                let mut entry = entry.clone().answered(answer);
                if let Some(id) = id {
                    entry = entry.link(format!("/route-groups/{}", path_segment(id)));
                }
                history::record(&scope, entry);
            };
            async move {
                let fail = |e: ApiError| SaveFailure::Refused(e, body.name.clone());
                let (id, done) = match &mode {
                    Mode::New { .. } => match route_groups::create(&client, &body).await {
                        Ok(id) => {
                            record(Some(&id), &Ok(None));
                            crate::drafts::clear(DRAFT);
                            (id, "created")
                        }
                        // Created, but the answer is unreadable: found by its name, never sent again.
                        Err(e) if e.write_happened() => {
                            crate::drafts::clear(DRAFT);
                            let tracking = Ok(e.tracking_id().map(str::to_owned));
                            match route_groups::find_by_name(&client, &body.name).await {
                                Ok(Some(g)) => {
                                    record(Some(&g.id), &tracking);
                                    (g.id, "created")
                                }
                                _ => {
                                    record(None, &tracking);
                                    return Err(SaveFailure::Accepted(e));
                                }
                            }
                        }
                        Err(e) => {
                            record(None, &Err(e.clone()));
                            return Err(fail(e));
                        }
                    },
                    Mode::Edit { id, .. } => {
                        let answer = route_groups::update(&client, id, &body).await;
                        record(Some(id), &answer);
                        answer.map_err(fail)?;
                        (id.clone(), "saved")
                    }
                };
                // The kept list of route groups (the list page, the PSTN pages) has it at once.
                match &mode {
                    Mode::New { .. } => kept.upsert(RouteGroupSummary {
                        id: id.clone(),
                        name: body.name.clone(),
                        in_use: false,
                    }),
                    Mode::Edit { .. } => kept.update_item(&id, |g| g.name = body.name.clone()),
                }
                notice
                    .0
                    .set(Some(format!("Route group {} {done}.", body.name)));
                navigate(&after_save(&mode, &id), Default::default());
                Ok::<_, SaveFailure>(())
            }
        }
    });
    let pending = save.pending();
    let failure = move || match save.value().get() {
        Some(Err(SaveFailure::Refused(e, name))) => Some((e, name)),
        _ => None,
    };
    let accepted = move || match save.value().get() {
        Some(Err(SaveFailure::Accepted(e))) => Some(e),
        _ => None,
    };
    let blocked = move || {
        save.value()
            .with(|v| matches!(v, Some(Err(SaveFailure::Accepted(_)))))
    };

    // What shows now: every error after a submit, else those of the controls left.
    let shown = Memo::new(move |_| {
        let all = form.with(RouteGroupForm::errors);
        if submitted.get() {
            return all;
        }
        touched.with(|t| RouteGroupErrors {
            name: all.name.filter(|_| t.iter().any(|c| c == NAME_ID)),
            trunks: None,
            rows: all
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| crate::validation::route_group::RowErrors {
                    trunk: r.trunk.clone().filter(|_| t.contains(&ids::trunk(i))),
                    priority: r.priority.clone().filter(|_| t.contains(&ids::priority(i))),
                })
                .collect(),
        })
    });
    let name_error = Signal::derive(move || {
        if let Some((e, name)) = failure() {
            if is_duplicate_name(&e) && form.with(|f| f.name.trim() == name) {
                return Some(format!("Webex says: {e}"));
            }
        }
        shown.with(|s| s.name.clone())
    });
    // Also run by a blur as the form is taken off the page (the session ended): `try_`.
    let touch = Callback::new(move |control: String| {
        touched.try_update(|t| {
            if !t.contains(&control) {
                t.push(control);
            }
        });
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || confirming.with_untracked(Option::is_some) || untrack(blocked)
        {
            return;
        }
        submitted.set(true);
        match form.with_untracked(RouteGroupForm::validate) {
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus(&control_for(first));
                }
            }
            // Changing a group that carries live calls is confirmed first.
            Ok(body) if !is_new && carries.with_value(|c| !c.is_empty()) => {
                confirming.set(Some(body))
            }
            Ok(body) => {
                save.dispatch(body);
            }
        }
    };
    let confirm = Callback::new(move |()| {
        if let Some(body) = confirming.get_untracked() {
            confirming.set(None);
            save.dispatch(body);
            focus("route-group-submit");
        }
    });
    let cancel = Callback::new(move |()| {
        confirming.set(None);
        focus("route-group-submit");
    });
    let (submit_label, busy_label, failed) = if is_new {
        (
            "Create route group",
            "Creating route group…",
            "The route group was not created. Everything you entered is still here.",
        )
    } else {
        (
            "Save changes",
            "Saving…",
            "The route group was not changed. Everything you entered is still here.",
        )
    };
    let original_name = form.with_untracked(|f| f.name.clone());

    view! {
        <Show when=move || restored.get()>
            <div class="alert alert-info" role="status">
                "The form holds what you entered earlier in this tab. "
                <button type="button" class="button small" on:click=move |_| {
                    form.set(RouteGroupForm::default());
                    restored.set(false);
                }>
                    "Clear the form"
                </button>
            </div>
        </Show>
        <form class="card form" novalidate on:submit=on_submit aria-busy=move || pending.get().to_string()>
            <Field control_id=NAME_ID label="Name" help="Unique in your organization, e.g. \"RG-US-East\"." error=name_error>
                <input
                    id=NAME_ID
                    name=NAME
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || form.with(|f| f.name.clone())
                    on:input:target=move |ev| form.update(|f| f.name = ev.target().value())
                    on:blur=move |_| {
                        touch.try_run(NAME_ID.to_owned());
                    }
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    aria-describedby=move || {
                        let mut d = format!("{NAME_ID}-help");
                        if name_error.with(Option::is_some) {
                            d.push_str(&format!(" {NAME_ID}-error"));
                        }
                        d
                    }
                />
            </Field>

            <RouteGroupTrunks form options errors=shown touch />

            <div class="call-order">
                <h2>"The order calls try"</h2>
                <p id="rg-call-order" aria-live="polite">
                    {move || order.get().unwrap_or_else(|| "Choose a trunk to see the order calls will try.".to_owned())}
                </p>
            </div>

            {move || failure().map(|(e, _)| view! { <ApiErrorView error=e context=failed /> })}
            {move || accepted().map(|e| view! {
                <div class="alert alert-warning" role="alert" data-testid="route-group-accepted">
                    <p class="alert-title">"Webex accepted the route group but its answer could not be read."</p>
                    <p>
                        "It was probably created: do not create it again. Look for it in the "
                        <A href=crate::paths::href("/route-groups")>"route group list"</A>
                        "."
                    </p>
                </div>
                <ApiErrorView error=e />
            })}

            <div class="actions">
                <button type="submit" id="route-group-submit" class="button primary" disabled=move || pending.get() || blocked()>
                    {move || if pending.get() { busy_label } else { submit_label }}
                </button>
                <a href=crate::paths::href(&back) on:click=move |_| if is_new { crate::drafts::clear(DRAFT) }>"Cancel"</a>
                <SendingNote pending />
            </div>
        </form>

        {move || confirming.get().map(|_| view! {
            <ConfirmDialog
                id="confirm-route-group"
                title=format!("Change route group {original_name}?")
                confirm_label="Save changes"
                on_confirm=confirm
                on_cancel=cancel
            >
                <p>{carries.with_value(|c| carries_calls_of(c))}</p>
                <p class="muted">
                    "Their calls to and from the phone network use the new trunks and order as soon as Webex accepts the change."
                </p>
            </ConfirmDialog>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_saving_a_new_group_from_a_pstn_page_the_page_gets_it() {
        let back = Mode::New {
            return_to: Some("L/1".into()),
        };
        assert_eq!(
            after_save(&back, "RG+1"),
            "/locations/L%2F1/pstn?premiseRouteType=ROUTE_GROUP&premiseRouteId=RG%2B1"
        );
        assert_eq!(
            after_save(&Mode::New { return_to: None }, "RG1"),
            "/route-groups/RG1"
        );
        let edit = Mode::Edit {
            id: "RG1".into(),
            name: "RG-1".into(),
            carries: vec![],
        };
        assert_eq!(after_save(&edit, "RG1"), "/route-groups/RG1");
    }

    #[test]
    fn focus_goes_to_the_control_of_the_first_problem() {
        assert_eq!(control_for(Problem::Name), NAME_ID);
        assert_eq!(control_for(Problem::Trunks), ids::ADD);
        assert_eq!(control_for(Problem::RowTrunk(2)), "rg-trunk-2");
        assert_eq!(control_for(Problem::RowPriority(0)), "rg-priority-0");
    }
}
