//! The trunks of a route group being edited: one row per trunk (a trunk picker and a priority),
//! rows added, removed and moved with buttons, so the keyboard alone builds a group.

use super::field::focus;
use super::{Picker, PickerOption};
use crate::api::trunks::TrunkSummary;
use crate::validation::fields::{ID, PRIORITY};
use crate::validation::route_group::{RouteGroupErrors, RouteGroupForm, MAX_TRUNKS};
use leptos::prelude::*;

/// Element ids of the rows' controls, for labels and for moving the focus.
pub mod ids {
    pub const ADD: &str = "rg-add";
    pub const LIST: &str = "rg-trunks";
    pub const PRIORITY_HELP: &str = "rg-priority-help";
    pub const TRUNK_HELP: &str = "rg-trunk-help";

    pub fn trunk(i: usize) -> String {
        format!("rg-trunk-{i}")
    }
    pub fn priority(i: usize) -> String {
        format!("rg-priority-{i}")
    }
    pub fn up(i: usize) -> String {
        format!("rg-up-{i}")
    }
    pub fn down(i: usize) -> String {
        format!("rg-down-{i}")
    }
    pub fn remove(i: usize) -> String {
        format!("rg-remove-{i}")
    }
}

/// Every trunk as the trunk picker offers it: its name, and its location beside it.
pub fn trunk_options(trunks: &[TrunkSummary]) -> Vec<PickerOption> {
    trunks
        .iter()
        .map(|t| PickerOption {
            id: t.id.clone(),
            label: t.name.clone(),
            hint: (!t.location.name.is_empty()).then(|| format!("at {}", t.location.name)),
        })
        .collect()
}

/// The rows of `form`; `errors` are the ones to show now; `touch` marks a row's control as
/// left, so its error shows.
#[component]
pub fn RouteGroupTrunks(
    form: RwSignal<RouteGroupForm>,
    /// Every trunk of the organization, with its location as the hint.
    #[prop(into)]
    options: Signal<Vec<PickerOption>>,
    #[prop(into)] errors: Signal<RouteGroupErrors>,
    /// Called with the id of a control the admin left.
    touch: Callback<String>,
) -> impl IntoView {
    let refused = RwSignal::new(None::<&'static str>);
    let count = move || form.with(|f| f.rows.len());
    let add = move |_| {
        let mut added = Ok(());
        form.update(|f| added = f.add_row());
        match added {
            Ok(()) => {
                refused.set(None);
                focus(&ids::trunk(count() - 1));
            }
            Err(why) => refused.set(Some(why)),
        }
    };
    let move_row = move |i: usize, up: bool| {
        let mut now = i;
        form.update(|f| now = f.move_row(i, up));
        // The focus follows the trunk; at the top or bottom only the other button is usable.
        let n = count();
        let target = if (up && now == 0) || (!up && now + 1 == n) {
            if up {
                ids::down(now)
            } else {
                ids::up(now)
            }
        } else if up {
            ids::up(now)
        } else {
            ids::down(now)
        };
        focus(&target);
    };
    let remove = move |i: usize| {
        form.update(|f| f.remove_row(i));
        refused.set(None);
        let n = count();
        if n == 0 {
            focus(ids::ADD);
        } else {
            focus(&ids::remove(i.min(n - 1)));
        }
    };

    let row = move |i: usize| {
        let row_errors = Memo::new(move |_| errors.with(|e| e.row(i)));
        let trunk_error_id = format!("{}-error", ids::trunk(i));
        let priority_error_id = format!("{}-error", ids::priority(i));
        let priority_described = {
            let id = priority_error_id.clone();
            move || {
                let mut d = ids::PRIORITY_HELP.to_owned();
                if row_errors.with(|e| e.priority.is_some()) {
                    d.push(' ');
                    d.push_str(&id);
                }
                d
            }
        };
        view! {
            <li class="gateway-row">
                <fieldset>
                    <legend>{format!("Trunk {}", i + 1)}</legend>
                    <div class="gateway-fields">
                        <div class="field" class:invalid=move || row_errors.with(|e| e.trunk.is_some())>
                            <label for=ids::trunk(i)>"Trunk"</label>
                            <Picker
                                id=ids::trunk(i)
                                name=ID
                                options=options
                                value=Signal::derive(move || form.with(|f| f.rows.get(i).map(|r| r.trunk_id.clone()).unwrap_or_default()))
                                on_change=Callback::new(move |id: String| form.update(|f| if let Some(r) = f.rows.get_mut(i) { r.trunk_id = id }))
                                placeholder="Search trunks by name"
                                on_leave=Callback::new(move |()| {
                                    touch.try_run(ids::trunk(i));
                                })
                                invalid=Signal::derive(move || row_errors.with(|e| e.trunk.is_some()))
                                described_by=Signal::derive({
                                    let id = trunk_error_id.clone();
                                    move || match row_errors.with(|e| e.trunk.is_some()) {
                                        true => format!("{} {id}", ids::TRUNK_HELP),
                                        false => ids::TRUNK_HELP.to_owned(),
                                    }
                                })
                            />
                            {move || row_errors.get().trunk.map(|e| view! { <p class="field-error" id=trunk_error_id.clone()>{e}</p> })}
                        </div>
                        <div class="field priority" class:invalid=move || row_errors.with(|e| e.priority.is_some())>
                            <label for=ids::priority(i)>"Priority"</label>
                            <input
                                id=ids::priority(i)
                                name=PRIORITY
                                type="text"
                                inputmode="numeric"
                                autocomplete="off"
                                size="3"
                                prop:value=move || form.with(|f| f.rows.get(i).map(|r| r.priority.clone()).unwrap_or_default())
                                on:input:target=move |ev| form.update(|f| if let Some(r) = f.rows.get_mut(i) { r.priority = ev.target().value() })
                                on:blur=move |_| {
                                    touch.try_run(ids::priority(i));
                                }
                                aria-invalid=move || row_errors.with(|e| e.priority.is_some()).to_string()
                                aria-describedby=priority_described
                            />
                            {move || row_errors.get().priority.map(|e| view! { <p class="field-error" id=priority_error_id.clone()>{e}</p> })}
                        </div>
                    </div>
                    <div class="actions">
                        <button type="button" class="button small" id=ids::up(i) disabled=move || i == 0 on:click=move |_| move_row(i, true)>
                            "Move up"
                        </button>
                        <button type="button" class="button small" id=ids::down(i) disabled=move || { i + 1 >= count() } on:click=move |_| move_row(i, false)>
                            "Move down"
                        </button>
                        <button type="button" class="button small danger" id=ids::remove(i) on:click=move |_| remove(i)>
                            "Remove"
                        </button>
                    </div>
                </fieldset>
            </li>
        }
    };

    view! {
        <fieldset class="field gateways" aria-describedby=format!("{} {}", ids::TRUNK_HELP, ids::PRIORITY_HELP)>
            <legend>"Trunks"</legend>
            <p class="help" id=ids::TRUNK_HELP>
                "Up to 10 trunks, from any location: type to search every trunk of the organization by name."
            </p>
            <p class="help" id=ids::PRIORITY_HELP>
                "Priority 1 to 10: calls try the lowest number first; trunks with the same priority share calls. Move a trunk up or down to give it the priority of the row it moves to."
            </p>
            <ol class="gateway-rows" id=ids::LIST>
                <For each=move || 0..count() key=|i| *i let:i>
                    {row(i)}
                </For>
            </ol>
            {move || errors.get().trunks.map(|e| view! { <p class="field-error" id="rg-trunks-error">{e}</p> })}
            <div class="actions">
                <button type="button" class="button" id=ids::ADD on:click=add>
                    "Add trunk"
                </button>
                <span class="muted">{move || format!("{} of {MAX_TRUNKS} trunks", count())}</span>
            </div>
            {move || refused.get().map(|why| view! { <p class="field-error" role="alert">{why}</p> })}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::trunks::NamedRef;

    #[test]
    fn trunks_are_offered_with_their_location() {
        let trunk = |name: &str, location: &str| TrunkSummary {
            id: format!("id-{name}"),
            name: name.into(),
            location: NamedRef {
                id: "L".into(),
                name: location.into(),
            },
            in_use: false,
            trunk_type: None,
        };
        let options = trunk_options(&[trunk("SJC-CUBE-01", "San Jose HQ"), trunk("X", "")]);
        assert_eq!(options[0].id, "id-SJC-CUBE-01");
        assert_eq!(options[0].label, "SJC-CUBE-01");
        assert_eq!(options[0].hint.as_deref(), Some("at San Jose HQ"));
        assert_eq!(options[1].hint, None);
    }
}
