//! Change a trunk: name, password, dual identity, P-Charge-Info and (certificate-based) maximum
//! concurrent calls, the fields of the spec's `TrunkPut`.

use crate::api::client::path_segment;
use crate::api::requests::TrunkUpdate;
use crate::api::trunks::{self, TrunkDetails, TrunkTypeInfo};
use crate::api::ApiError;
use crate::components::field::{focus, Touched};
use crate::components::notice::{FreshPassword, FreshTrunkPassword, Notice};
use crate::components::trunk_fields::{
    control_id, CallsRange, DualIdentityField, PChargeInfoField, TrunkPasswordInput, TrunkTextInput,
};
use crate::components::{use_page_title, ApiErrorView, Field, Loading, PageHeading};
use crate::history::{self, Entry, What};
use crate::resources::api_resource;
use crate::session::Session;
use crate::tab_storage::Scope;
use crate::validation::refusal::trunk_field_of;
use crate::validation::trunk::device_range;
use crate::validation::trunk_edit::change_words;
use crate::validation::{fields as f, TrunkEditForm, TrunkOriginal};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The edit page at `/trunks/:id/edit`: the form, once the trunk and its device types are read.
#[component]
pub fn TrunkEdit() -> impl IntoView {
    use_page_title("Edit trunk");
    let session = expect_context::<Session>();
    let client = session.client();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let trunk = api_resource(&client, id.clone(), |client, id| async move {
        trunks::get(&client, &id).await
    });
    // The device types (for the concurrent-call range): the session's kept list.
    let kept_types = session.kept.trunk_types;
    kept_types.ensure(&client);
    let types = Memo::new(move |_| kept_types.complete());
    let back = crate::paths::href(&format!("/trunks/{}", path_segment(&id)));
    view! {
        <section class="narrow-wide">
            {move || match (trunk.get(), types.get()) {
                (Some(Err(e)), _) | (_, Some(Err(e))) => view! {
                    <p class="breadcrumb"><A href=crate::paths::href("/trunks")>"Trunks"</A></p>
                    <PageHeading text="Edit trunk" />
                    <ApiErrorView error=e context="The trunk could not be loaded for editing" />
                }
                .into_any(),
                (Some(Ok(t)), Some(Ok(types))) => {
                    view! { <EditForm trunk=t types=types id=id.clone() back=back.clone() /> }.into_any()
                }
                _ => view! { <Loading text="Loading the trunk…" /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn EditForm(
    trunk: TrunkDetails,
    types: Vec<TrunkTypeInfo>,
    id: String,
    back: String,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let fresh = expect_context::<FreshTrunkPassword>();
    let notice = expect_context::<Notice>();
    let navigate = crate::paths::use_navigate();
    let original = StoredValue::new(TrunkOriginal::of(&trunk));
    let certificate = original.with_value(|o| o.certificate_based);
    let range = original.with_value(|o| {
        device_range(
            &types,
            trunk.trunk_type,
            o.device_type.as_deref().unwrap_or_default(),
        )
    });
    let form = RwSignal::new(original.with_value(TrunkEditForm::from_original));
    // The form as it was sent: Webex's complaint about a field holds while the field is unchanged.
    let sent = StoredValue::new(TrunkEditForm::default());
    let touched = Touched::new();
    let show_password = RwSignal::new(false);
    let location = trunk.location.clone().unwrap_or_default();

    let save = Action::new_local({
        let client = client.clone();
        let id = id.clone();
        move |body: &TrunkUpdate| {
            let client = client.clone();
            let id = id.clone();
            let body = body.clone();
            let navigate = navigate.clone();
            let (before, after) = original.with_value(|o| change_words(o, &body));
            let entry = Entry::new(What::TrunkSaved, &body.name)
                .link(format!("/trunks/{}", path_segment(&id)))
                .change(before, after);
            let scope = Scope::of(session);
            async move {
                let answer = trunks::modify(&client, &id, &body).await;
                history::record(&scope, entry.answered(&answer));
                if let Err(e) = answer {
                    if let Some(field) = trunk_field_of(&e) {
                        focus(&control_id(field));
                    }
                    return Err(e);
                }
                // The kept trunk list shows the new name without reading the list again.
                session
                    .kept
                    .trunks
                    .update_item(&id, |t| t.name = body.name.clone());
                // Shown once on the details page, with the gateway configuration filled in.
                fresh.0.set(Some(FreshPassword {
                    trunk_id: id.clone(),
                    password: body.password.clone(),
                    created: false,
                }));
                notice.say("Trunk saved.");
                navigate(
                    &format!("/trunks/{}", path_segment(&id)),
                    Default::default(),
                );
                Ok::<_, ApiError>(())
            }
        }
    });
    let saving = save.pending();
    let failure = move || save.value().get().and_then(Result::err);

    let generate = Action::new_local({
        let client = client.clone();
        let location_id = location.id.clone();
        move |_: &()| {
            let client = client.clone();
            let location_id = location_id.clone();
            async move {
                let password = trunks::generate_password(&client, &location_id).await?;
                form.update(|f| f.password = password);
                show_password.set(true);
                Ok::<_, ApiError>(())
            }
        }
    });

    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            if let Some(e) = failure().filter(|e| trunk_field_of(e) == Some(field)) {
                if form.with(|fm| sent.with_value(|s| fm.value(field) == s.value(field))) {
                    return Some(format!("Webex says: {e}"));
                }
            }
            if !touched.shows(field) {
                return None;
            }
            original.with_value(|o| form.with(|fm| fm.field_error(field, o, range)))
        })
    };
    let invalid =
        move |field: &'static str| Signal::derive(move || error_of(field).with(Option::is_some));
    let changed = move || original.with_value(|o| form.with(|f| f.has_changes(o)));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || !changed() {
            return;
        }
        touched.submit();
        match original.with_value(|o| form.with_untracked(|f| f.validate(o, range))) {
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus(&control_id(first));
                }
            }
            Ok(body) => {
                sent.set_value(form.get_untracked());
                save.dispatch(body);
            }
        }
    };

    let fixed = |label: &'static str, value: Option<String>| {
        view! {
            <dt>{label}</dt>
            <dd>{value.unwrap_or_else(|| "—".into())}</dd>
        }
    };
    let offer_default = original.with_value(|o| o.p_charge_info_support_policy.is_none());
    let heading = format!("Edit trunk {}", trunk.name);
    view! {
        <p class="breadcrumb">
            <A href=crate::paths::href("/trunks")>"Trunks"</A>
            " / "
            <A href=back.clone()>{trunk.name.clone()}</A>
            " / Edit"
        </p>
        <PageHeading text=heading />
        <form class="card form" on:submit=on_submit novalidate>
            <Field control_id=control_id(f::NAME) label="Name" help="Unique in your organization." error=error_of(f::NAME)>
                <TrunkTextInput
                    field=f::NAME
                    value=Signal::derive(move || form.with(|f| f.name.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.name = v))
                    on_blur=touched.on_blur(f::NAME)
                    invalid=invalid(f::NAME)
                />
            </Field>

            <Field
                control_id=control_id(f::PASSWORD)
                label="Password"
                help="Webex needs the trunk's password with every change. Enter the current one, or generate a new one; with a new password the gateway must be given it too."
                error=error_of(f::PASSWORD)
            >
                <TrunkPasswordInput
                    value=Signal::derive(move || form.with(|f| f.password.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.password = v))
                    on_blur=touched.on_blur(f::PASSWORD)
                    invalid=invalid(f::PASSWORD)
                    shown=show_password
                    on_generate=Callback::new(move |()| {
                        if !generate.pending().get_untracked() {
                            generate.dispatch(());
                        }
                    })
                    generating=generate.pending()
                />
                {move || match generate.value().get() {
                    Some(Err(e)) => Some(view! { <ApiErrorView error=e context="No password was generated" /> }),
                    _ => None,
                }}
            </Field>

            <DualIdentityField
                checked=Signal::derive(move || form.with(|f| f.dual_identity_support_enabled))
                on_change=Callback::new(move |on| form.update(|f| f.dual_identity_support_enabled = on))
            />
            <PChargeInfoField
                value=Signal::derive(move || form.with(|f| f.p_charge_info_support_policy.clone()))
                on_change=Callback::new(move |v| form.update(|f| f.p_charge_info_support_policy = v))
                error=error_of(f::P_CHARGE_INFO_SUPPORT_POLICY)
                offer_default=offer_default
            />
            {certificate.then(|| view! {
                <Field control_id=control_id(f::MAX_CONCURRENT_CALLS) label="Maximum concurrent calls" error=error_of(f::MAX_CONCURRENT_CALLS)>
                    <TrunkTextInput
                        field=f::MAX_CONCURRENT_CALLS
                        value=Signal::derive(move || form.with(|f| f.max_concurrent_calls.clone()))
                        on_input=Callback::new(move |v| form.update(|f| f.max_concurrent_calls = v))
                        on_blur=touched.on_blur(f::MAX_CONCURRENT_CALLS)
                        invalid=invalid(f::MAX_CONCURRENT_CALLS)
                        inputmode="numeric"
                    />
                    <CallsRange range=Signal::stored(range) />
                </Field>
            })}

            <h2>"Fixed when the trunk was created"</h2>
            <p class="help">"Location, trunk type, device type, address, domain and port cannot be changed through the Webex API."</p>
            <dl class="facts" data-testid="fixed-values">
                {fixed("Location", Some(location.name.clone()))}
                {fixed("Trunk type", trunk.trunk_type.map(|t| t.label().to_string()))}
                {fixed("Device type", trunk.device_type.clone())}
                {certificate.then(|| view! {
                    {fixed("Address", trunk.address.clone())}
                    {fixed("Domain", trunk.domain.clone())}
                    {fixed("Port", trunk.port.map(|p| p.to_string()))}
                })}
            </dl>

            {move || failure().map(|e| view! { <ApiErrorView error=e context="The trunk was not saved. Everything you typed is still here." /> })}

            <div class="actions">
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || saving.get() || !changed()
                    aria-busy=move || saving.get().to_string()
                    aria-describedby=move || (!changed()).then_some("trunk-nothing-to-save")
                >
                    {move || if saving.get() { "Saving…" } else { "Save" }}
                </button>
                <Show when=move || !changed()>
                    <span class="muted" id="trunk-nothing-to-save">"Nothing to save"</span>
                </Show>
                <A href=back.clone()>"Cancel"</A>
            </div>
        </form>
    }
}
