//! Partner admins: the organization the console acts on, chosen from `GET /organizations`.

use crate::session::Session;
use leptos::prelude::*;

/// A select of the organizations the admin manages; shown only when there is more than one.
#[component]
pub fn OrgSwitcher() -> impl IntoView {
    let session = expect_context::<Session>();
    let orgs = move || {
        session
            .state
            .with(|s| s.as_ref().map(|s| s.orgs.clone()).unwrap_or_default())
    };
    let own = move || {
        session
            .state
            .with(|s| s.as_ref().map(|s| s.me.org_id.clone()).unwrap_or_default())
    };
    let current = move || {
        session
            .acting_org
            .with(|o| o.as_ref().map(|o| o.id.clone()))
            .unwrap_or_else(own)
    };
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let chosen = orgs().into_iter().find(|o| o.id == id);
        session.switch_org(chosen);
    };
    view! {
        <Show when=move || { orgs().len() > 1 }>
            <div class="org-switcher">
                <label for="acting-org">"Organization"</label>
                <select id="acting-org" name="orgId" on:change=on_change prop:value=current>
                    {move || {
                        let own = own();
                        orgs()
                            .into_iter()
                            .map(|o| {
                                let label = if o.id == own {
                                    format!("{} (your organization)", o.display_name)
                                } else {
                                    o.display_name.clone()
                                };
                                let selected = o.id == current();
                                view! { <option value=o.id selected=selected>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}
