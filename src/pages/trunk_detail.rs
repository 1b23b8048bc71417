//! One trunk: its details, what the gateway needs, and the generated CUBE configuration.

use crate::api::client::path_segment;
use crate::api::requests::TrunkType;
use crate::api::trunks::{self, TrunkDetails, TrunkStatus};
use crate::components::notice::FreshTrunkPassword;
use crate::components::trunk_delete::{read_where_used, WhereUsed};
use crate::components::{
    use_page_title, ApiErrorView, CopyButton, LoadFailed, Loading, PageHeading, PendingNotice,
    TrunkDelete, TrunkStatusWatch, UsedByList,
};
use crate::gateway_config::{cube_config, GatewayValues};
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The trunk details page at `/trunks/:id`.
#[component]
pub fn TrunkDetail() -> impl IntoView {
    use_page_title("Trunk");
    let client = expect_context::<Session>().client();
    let params = use_params_map();
    // While the router leaves this page the id goes away: keep the last one, so the page is not
    // read (and shown) again on its way out.
    let id = Memo::new(move |last: Option<&String>| {
        params
            .with(|p| p.get("id"))
            .filter(|id| !id.is_empty())
            .or_else(|| last.cloned())
            .unwrap_or_default()
    });
    let trunk = LocalResource::new(move || {
        let client = client.clone();
        let id = id.get();
        async move { trunks::get(&client, &id).await }
    });
    view! {
        {move || match trunk.get() {
            None => view! { <Loading text="Loading the trunk…" /> }.into_any(),
            Some(Err(e)) => view! {
                <p class="breadcrumb"><A href=crate::paths::href("/trunks")>"Trunks"</A></p>
                <PageHeading text="Trunk" />
                <LoadFailed error=e context="The trunk could not be loaded" on_retry=Callback::new(move |()| trunk.refetch()) />
            }
            .into_any(),
            Some(Ok(t)) => view! { <TrunkView trunk=t id=id.get_untracked() /> }.into_any(),
        }}
    }
}

/// The CSS class and words of a status badge.
fn status_badge(status: Option<TrunkStatus>) -> (&'static str, &'static str) {
    let status = status.unwrap_or(TrunkStatus::Unknown);
    let class = match status {
        TrunkStatus::Online => "badge online",
        TrunkStatus::Offline => "badge offline",
        TrunkStatus::Unknown => "badge unknown",
    };
    (class, status.label())
}

/// A fact row with a copy button.
#[component]
fn CopyFact(#[prop(into)] label: String, value: Option<String>) -> impl IntoView {
    let shown = value.clone().unwrap_or_else(|| "—".into());
    let copy = value.map(|v| {
        let what = label.to_lowercase();
        view! { <CopyButton value=Signal::derive(move || v.clone()) what=what /> }
    });
    view! {
        <dt>{label}</dt>
        <dd>
            <code>{shown}</code>
            {copy}
        </dd>
    }
}

/// A file name made of the trunk's name: letters, digits and dashes.
fn config_file_name(trunk_name: &str) -> String {
    let stem = crate::download::file_stem(trunk_name);
    format!(
        "{}-cube-config.txt",
        if stem.is_empty() { "trunk" } else { &stem }
    )
}

#[component]
fn TrunkView(trunk: TrunkDetails, id: String) -> impl IntoView {
    let fresh = expect_context::<FreshTrunkPassword>();
    // Shown once: the password is forgotten when the admin leaves this page.
    let shown_once = fresh
        .0
        .with_untracked(|p| p.as_ref().filter(|p| p.trunk_id == id).cloned());
    let created = shown_once.as_ref().is_some_and(|p| p.created);
    let password = shown_once.map(|p| p.password);
    on_cleanup(move || fresh.0.set(None));

    let status = RwSignal::new(trunk.status);
    let badge_class = move || status_badge(status.get()).0;
    let badge_text = move || status_badge(status.get()).1;
    let used: WhereUsed = RwSignal::new(None);
    {
        let client = expect_context::<crate::session::Session>().client();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            read_where_used(&client, &id, used).await;
        });
    }
    let registering = trunk.trunk_type == Some(TrunkType::Registering);
    let location = trunk.location.clone().unwrap_or_default();
    let pstn_link = crate::paths::href(&format!(
        "/locations/{}/pstn?premiseRouteType=TRUNK&premiseRouteId={}",
        path_segment(&location.id),
        path_segment(&id)
    ));
    let warnings: Vec<String> = trunk.response_status.iter().map(|s| s.text()).collect();
    let config = registering.then(|| {
        cube_config(&GatewayValues {
            line_port: trunk.line_port.clone().unwrap_or_default(),
            username: trunk
                .sip_authentication_user_name
                .clone()
                .unwrap_or_default(),
            password: password.clone(),
            outbound_proxy: trunk.outbound_proxy.clone().unwrap_or_default(),
            otg_dtg_id: trunk.otg_dtg_id.clone().unwrap_or_default(),
        })
    });
    let file_name = config_file_name(&trunk.name);
    let edit_link = crate::paths::href(&format!("/trunks/{}/edit", path_segment(&id)));
    let using: Vec<String> = trunk
        .locations_using_trunk
        .iter()
        .map(|l| l.name.clone())
        .collect();

    view! {
        <p class="breadcrumb">
            <A href=crate::paths::href("/trunks")>"Trunks"</A>
            " / "
            {trunk.name.clone()}
        </p>
        <PendingNotice />
        <div class="page-head">
            <div class="heading-with-badge">
                <PageHeading text=trunk.name.clone() title=format!("Trunk {}", trunk.name) />
                <span class=badge_class data-testid="trunk-status">{badge_text}</span>
            </div>
            <div class="actions">
                <A href=pstn_link attr:class="button primary">"Use for a location's PSTN"</A>
                <A href=edit_link attr:class="button secondary">"Edit"</A>
                <TrunkDelete id=id.clone() name=trunk.name.clone() location_name=location.name.clone() used=used />
                <A href=crate::paths::href("/trunks") attr:class="button secondary">"Back to trunks"</A>
            </div>
        </div>
        <TrunkStatusWatch id=id.clone() status=status registering=registering />
        {(!warnings.is_empty()).then(|| view! {
            <div class="alert alert-warning" role="status">
                <p class="alert-title">"Webex answered only part of the details (HTTP 206):"</p>
                <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        })}
        {password.clone().map(|pw| view! {
            <div class="alert alert-warning" role="alert" data-testid="fresh-password">
                <p class="alert-title">
                    {if created {
                        "The trunk was created. Note its password now: Webex will not show it again."
                    } else {
                        "The trunk was saved with this password. If it is new, give it to the gateway now: Webex will not show it again."
                    }}
                </p>
                <p class="inline">
                    <code>{pw.clone()}</code>
                    <CopyButton value=Signal::derive(move || pw.clone()) what="password" />
                </p>
                <p>"It is filled into the gateway configuration below and forgotten when you leave this page."</p>
            </div>
        })}
        <div class="card">
            <dl class="facts">
                <dt>"Location"</dt>
                <dd>{location.name.clone()}</dd>
                <dt>"Trunk type"</dt>
                <dd>{trunk.trunk_type.map(|t| t.label()).unwrap_or("—")}</dd>
                <dt>"Device type"</dt>
                <dd>{trunk.device_type.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Status"</dt>
                <dd><span class=badge_class>{badge_text}</span></dd>
                <dt>"Dual identity support"</dt>
                <dd>{match trunk.dual_identity_support_enabled { Some(true) => "On", Some(false) => "Off", None => "—" }}</dd>
                <dt>"P-Charge-Info"</dt>
                <dd>{trunk.p_charge_info_support_policy.map(|p| p.label()).unwrap_or("Webex default")}</dd>
                <dt>"Locations calling through it"</dt>
                <dd>{if using.is_empty() { "None yet".to_string() } else { using.join(", ") }}</dd>
                {(!registering).then(|| view! {
                    <dt>"Address"</dt>
                    <dd><code>{trunk.address.clone().unwrap_or_else(|| "—".into())}</code></dd>
                    <dt>"Domain"</dt>
                    <dd><code>{trunk.domain.clone().unwrap_or_else(|| "—".into())}</code></dd>
                    <dt>"Port"</dt>
                    <dd>{trunk.port.map(|p| p.to_string()).unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Maximum concurrent calls"</dt>
                    <dd>{trunk.max_concurrent_calls.map(|p| p.to_string()).unwrap_or_else(|| "—".into())}</dd>
                })}
            </dl>
        </div>
        <h2 id="used-by">"Used by"</h2>
        <div class="card" aria-labelledby="used-by">
            {move || match used.get() {
                None => view! { <Loading text="Reading where the trunk is used…" /> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorView error=e context="Where the trunk is used could not be read" /> }.into_any(),
                Some(Ok(u)) => view! { <UsedByList used_by=u nothing="Nothing uses this trunk: it can be deleted." /> }.into_any(),
            }}
        </div>
        {registering.then(|| view! {
            <h2>"What the gateway needs"</h2>
            <div class="card">
                <dl class="facts" data-testid="gateway-values">
                    <CopyFact label="Registrar domain" value=trunk.registrar_domain().map(str::to_string) />
                    <CopyFact label="Line/port" value=trunk.line_port_user().map(str::to_string) />
                    <CopyFact label="Username" value=trunk.sip_authentication_user_name.clone() />
                    <CopyFact label="Outbound proxy" value=trunk.outbound_proxy.clone() />
                    <CopyFact label="Trunk group OTG/DTG" value=trunk.otg_dtg_id.clone() />
                </dl>
            </div>
        })}
        {config.map(|text| {
            let for_copy = text.clone();
            let for_download = text.clone();
            let file_name = file_name.clone();
            view! {
                <h2 id="gateway-configuration">"Gateway configuration"</h2>
                <p class="muted">
                    "Cisco IOS XE (CUBE) configuration for Webex Calling, built from the values above. Adapt the interface names to your gateway."
                </p>
                <div class="actions">
                    <CopyButton value=Signal::derive(move || for_copy.clone()) what="gateway configuration" />
                    <button type="button" class="button small" on:click=move |_| crate::download::offer(&file_name, "text/plain;charset=utf-8", &for_download)>
                        "Download .txt"
                    </button>
                </div>
                // Focusable, so that keyboard users can scroll it; named by its heading.
                <pre class="config" tabindex="0" role="region" aria-labelledby="gateway-configuration" data-testid="gateway-config">{text}</pre>
            }
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_file_names_are_safe() {
        assert_eq!(
            config_file_name("Berlin CUBE 1"),
            "berlin-cube-1-cube-config.txt"
        );
        assert_eq!(config_file_name("<script>"), "script-cube-config.txt");
        assert_eq!(config_file_name("***"), "trunk-cube-config.txt");
    }
}
