//! Create a trunk: registering or certificate-based, validated before anything is sent.

use crate::api::requests::{NewTrunk, TrunkType};
use crate::api::trunks::{self, NamedRef, TrunkSummary};
use crate::api::ApiError;
use crate::components::field::{focus, Touched};
use crate::components::notice::{FreshPassword, FreshTrunkPassword};
use crate::components::sbc_connection::SbcConnection;
use crate::components::trunk_fields::{
    control_id, described, DeviceTypeSelect, DualIdentityField, PChargeInfoField,
    TrunkPasswordInput, TrunkTextInput, TrunkTypeChoice,
};
use crate::components::{
    ApiErrorView, Field, LoadFailed, Loading, PageHeading, Picker, PickerOption, SendingNote,
};
use crate::history::{self, Entry};
use crate::kept_lists::ReadState;
use crate::pages::trunk_accepted::AcceptedUnread;
use crate::session::Session;
use crate::tab_storage::Scope;
use crate::validation::refusal::{trunk_field_of, trunk_value};
use crate::validation::trunk::{device_range, UNKNOWN_LOCATION_LINK};
use crate::validation::{fields as f, TrunkForm};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Where the form's draft is kept (without the password).
const DRAFT: &str = "trunk-new";

/// How a create ended when it did not end on the trunk's page.
#[derive(Clone)]
enum CreateFailure {
    /// Webex refused it: nothing was created.
    Refused(ApiError),
    /// Webex accepted it (2xx) but its answer could not be read: the trunk exists, found by name.
    Accepted(ApiError, Result<Option<TrunkSummary>, ApiError>),
}

/// The new-trunk form at `/trunks/new` (`?locationId=` preselects a location).
#[component]
pub fn TrunkNew() -> impl IntoView {
    let session = expect_context::<Session>();
    let client = session.client();
    let fresh = expect_context::<FreshTrunkPassword>();
    let navigate = crate::paths::use_navigate();
    let preselected = use_query_map()
        .with_untracked(|q| q.get("locationId"))
        .unwrap_or_default();

    // What was typed before (say, before the token expired) comes back; a location in the
    // address wins over the draft's.
    let draft = crate::drafts::load::<TrunkForm>(DRAFT);
    let restored = RwSignal::new(draft.is_some());
    let mut initial = draft.unwrap_or_default();
    if !preselected.is_empty() {
        initial.location_id = preselected;
    }
    let form = RwSignal::new(initial);
    Effect::new(move |_| form.with(|f| crate::drafts::save(DRAFT, f)));
    let touched = Touched::new();
    let show_password = RwSignal::new(false);

    // The session's kept lists: read once, shared with /locations and the other pickers.
    let kept = expect_context::<Session>().kept;
    kept.locations.ensure(&client);
    kept.trunk_types.ensure(&client);
    let list_client = StoredValue::new(client.clone());
    let location_options = Memo::new(move |_| {
        kept.locations.with(|k| {
            k.items
                .iter()
                .map(|l| PickerOption {
                    id: l.id.clone(),
                    label: l.name.clone(),
                    hint: None,
                })
                .collect::<Vec<_>>()
        })
    });
    let locations_state = Memo::new(move |_| kept.locations.with(|k| k.state.clone()));
    // A link that names a location this org does not have: say so, and send nothing with it.
    // Known only once every location is in.
    let unknown_link = RwSignal::new(false);
    Effect::new(move |_| {
        if locations_state.get() == ReadState::Read {
            let id = form.with_untracked(|f| f.location_id.clone());
            let known = kept
                .locations
                .with_untracked(|k| k.items.iter().any(|l| l.id == id));
            if !id.is_empty() && !known {
                unknown_link.set(true);
                form.update(|f| f.location_id.clear());
            }
        }
    });
    let device_types = Memo::new(move |_| {
        let chosen = form.with(TrunkForm::trunk_type);
        kept.trunk_types.with(|k| {
            k.items
                .iter()
                .find(|t| Some(t.trunk_type) == chosen)
                .map(|t| t.device_types.clone())
                .unwrap_or_default()
        })
    });
    let range = Memo::new(move |_| {
        kept.trunk_types
            .with(|k| form.with(|f| device_range(&k.items, f.trunk_type(), &f.device_type)))
    });

    // Creating: the body goes out once; the password travels on to the details page in memory.
    let create = Action::new_local({
        let client = client.clone();
        move |body: &NewTrunk| {
            let client = client.clone();
            let body = body.clone();
            let navigate = navigate.clone();
            let scope = Scope::of(session);
            async move {
                let created = trunks::create(&client, &body).await;
                history::record(&scope, Entry::trunk_created(&body, &created));
                let id = match created {
                    Ok(id) => id,
                    Err(e) if e.write_happened() => {
                        crate::drafts::clear(DRAFT);
                        let found = trunks::find_by_name(&client, &body.name).await;
                        if let Ok(Some(t)) = &found {
                            fresh.0.try_set(Some(FreshPassword {
                                trunk_id: t.id.clone(),
                                password: body.password.clone(),
                                created: true,
                            }));
                        }
                        return Err(CreateFailure::Accepted(e, found));
                    }
                    Err(e) => {
                        if let Some(field) = trunk_field_of(&e) {
                            focus(&control_id(field));
                        }
                        return Err(CreateFailure::Refused(e));
                    }
                };
                crate::drafts::clear(DRAFT);
                // The kept trunk list shows the new trunk without reading the list again.
                let location = kept
                    .locations
                    .with_untracked(|k| k.items.iter().find(|l| l.id == body.location_id).cloned());
                let created = TrunkSummary {
                    id: id.clone(),
                    name: body.name.clone(),
                    location: NamedRef {
                        id: body.location_id.clone(),
                        name: location.map(|l| l.name).unwrap_or_default(),
                    },
                    in_use: false,
                    trunk_type: Some(body.trunk_type),
                };
                kept.trunks.upsert(created);
                fresh.0.set(Some(FreshPassword {
                    trunk_id: id.clone(),
                    password: body.password.clone(),
                    created: true,
                }));
                navigate(
                    &format!("/trunks/{}", crate::api::client::path_segment(&id)),
                    Default::default(),
                );
                Ok::<_, CreateFailure>(id)
            }
        }
    });
    let creating = create.pending();
    let failure = move || match create.value().get() {
        Some(Err(CreateFailure::Refused(e))) => Some(e),
        _ => None,
    };
    let accepted = move || match create.value().get() {
        Some(Err(CreateFailure::Accepted(e, found))) => Some((e, found)),
        _ => None,
    };
    let was_accepted = move || {
        create
            .value()
            .with(|v| matches!(v, Some(Err(CreateFailure::Accepted(..)))))
    };
    // The form as it was sent: Webex's complaint about a field holds while the field is unchanged.
    let sent = StoredValue::new(TrunkForm::default());

    let generate = Action::new_local({
        let client = client.clone();
        move |location_id: &String| {
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
    let generate_needs_location = RwSignal::new(false);

    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            if let Some(e) = failure().filter(|e| trunk_field_of(e) == Some(field)) {
                let unchanged = form.with(|fm| {
                    sent.with_value(|s| trunk_value(fm, field) == trunk_value(s, field))
                });
                if unchanged {
                    return Some(format!("Webex says: {e}"));
                }
            }
            if field == f::LOCATION_ID
                && unknown_link.get()
                && form.with(|f| f.location_id.is_empty())
            {
                return Some(UNKNOWN_LOCATION_LINK.to_string());
            }
            if !touched.shows(field) {
                return None;
            }
            form.with(|fm| fm.field_error(field, range.get()))
        })
    };
    let invalid =
        move |field: &'static str| Signal::derive(move || error_of(field).with(Option::is_some));
    let on_blur = move |field: &'static str| touched.on_blur(field);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A trunk Webex accepted is never offered to be created again.
        if creating.get_untracked() || was_accepted() {
            return;
        }
        touched.submit();
        match form.with_untracked(|f| f.validate(range.get_untracked())) {
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus(&control_id(first));
                }
            }
            Ok(body) => {
                sent.set_value(form.get_untracked());
                create.dispatch(body);
            }
        }
    };

    let on_generate = move |()| {
        let location = form.with_untracked(|f| f.location_id.trim().to_string());
        generate_needs_location.set(location.is_empty());
        if location.is_empty() {
            focus(&control_id(f::LOCATION_ID));
        } else if !generate.pending().get_untracked() {
            generate.dispatch(location);
        }
    };

    let certificate = move || form.with(TrunkForm::is_certificate_based);

    view! {
        <section class="narrow-wide">
            <p class="breadcrumb">
                <A href=crate::paths::href("/trunks")>"Trunks"</A>
                " / New trunk"
            </p>
            <PageHeading text="New trunk" />
            <p class="lead">
                "A trunk is the SIP connection between Webex Calling and your local gateway or session border controller."
            </p>
            <Show when=move || restored.get()>
                <div class="alert alert-info" role="status">
                    "The form holds what you typed earlier in this tab (except the password). "
                    <button type="button" class="button small" on:click=move |_| {
                        form.set(TrunkForm::default());
                        restored.set(false);
                    }>
                        "Clear the form"
                    </button>
                </div>
            </Show>
            <form class="card form" on:submit=on_submit novalidate>
                <Field control_id=control_id(f::NAME) label="Name" help="Unique in your organization, e.g. \"Berlin CUBE 1\"." error=error_of(f::NAME)>
                    <TrunkTextInput
                        field=f::NAME
                        value=Signal::derive(move || form.with(|f| f.name.clone()))
                        on_input=Callback::new(move |v| form.update(|f| f.name = v))
                        on_blur=on_blur(f::NAME)
                        invalid=invalid(f::NAME)
                        inputmode="text"
                    />
                </Field>

                <Field control_id=control_id(f::LOCATION_ID) label="Location" help="The Webex Calling location the gateway belongs to. Type to search." error=error_of(f::LOCATION_ID)>
                    <Picker
                        id=control_id(f::LOCATION_ID)
                        name=f::LOCATION_ID
                        options=location_options
                        value=Signal::derive(move || form.with(|f| f.location_id.clone()))
                        on_change=Callback::new(move |id: String| form.update(|f| f.location_id = id))
                        placeholder="Search locations"
                        on_leave=Callback::new(move |_| touched.leave(f::LOCATION_ID))
                        invalid=Signal::derive(move || error_of(f::LOCATION_ID).with(Option::is_some))
                        described_by=described(f::LOCATION_ID, false)
                    />
                    {move || match locations_state.get() {
                        ReadState::NotRead | ReadState::Reading(_) => Some(view! { <Loading text="Loading locations…" /> }.into_any()),
                        ReadState::Failed(e) => Some(view! { <LoadFailed error=e context="The locations could not be loaded" on_retry=Callback::new(move |()| list_client.with_value(|c| kept.locations.refresh(c))) /> }.into_any()),
                        ReadState::Read => None,
                    }}
                </Field>

                <TrunkTypeChoice
                    value=Signal::derive(move || form.with(|f| f.trunk_type.clone()))
                    on_change=Callback::new(move |t: TrunkType| form.update(|f| {
                        f.trunk_type = t.as_str().to_string();
                        f.device_type.clear();
                    }))
                    on_blur=on_blur(f::TRUNK_TYPE)
                    error=error_of(f::TRUNK_TYPE)
                />

                <Field control_id=control_id(f::DEVICE_TYPE) label="Device type" help="The kind of gateway or SBC; it sets how many concurrent calls the trunk allows." error=error_of(f::DEVICE_TYPE)>
                    <DeviceTypeSelect
                        value=Signal::derive(move || form.with(|f| f.device_type.clone()))
                        has_trunk_type=Signal::derive(move || form.with(|f| !f.trunk_type.is_empty()))
                        options=device_types
                        on_change=Callback::new(move |v| form.update(|f| f.device_type = v))
                        on_blur=on_blur(f::DEVICE_TYPE)
                        error=error_of(f::DEVICE_TYPE)
                    />
                    {move || match kept.trunk_types.with(|k| k.state.clone()) {
                        ReadState::Failed(e) => Some(view! { <LoadFailed error=e context="The device types could not be loaded" on_retry=Callback::new(move |()| list_client.with_value(|c| kept.trunk_types.refresh(c))) /> }),
                        _ => None,
                    }}
                </Field>

                <Field control_id=control_id(f::PASSWORD) label="Password" help="The gateway uses it to authenticate to Webex. Webex never shows it again after the trunk is created, so keep it safe." error=error_of(f::PASSWORD)>
                    <TrunkPasswordInput
                        value=Signal::derive(move || form.with(|f| f.password.clone()))
                        on_input=Callback::new(move |v| form.update(|f| f.password = v))
                        on_blur=on_blur(f::PASSWORD)
                        invalid=invalid(f::PASSWORD)
                        shown=show_password
                        on_generate=Callback::new(on_generate)
                        generating=generate.pending()
                    />
                    <SendingNote pending=generate.pending() />
                    <Show when=move || generate_needs_location.get() && form.with(|f| f.location_id.is_empty())>
                        <p class="field-error">"Choose a location first: the password follows its password rules."</p>
                    </Show>
                    {move || match generate.value().get() {
                        Some(Err(e)) => Some(view! { <ApiErrorView error=e context="No password was generated" /> }),
                        _ => None,
                    }}
                </Field>

                <DualIdentityField
                    checked=Signal::derive(move || form.with(|f| f.dual_identity_support_enabled.unwrap_or(false)))
                    on_change=Callback::new(move |on| form.update(|f| f.dual_identity_support_enabled = Some(on)))
                />
                <PChargeInfoField
                    value=Signal::derive(move || form.with(|f| f.p_charge_info_support_policy.clone()))
                    on_change=Callback::new(move |v| form.update(|f| f.p_charge_info_support_policy = v))
                    error=error_of(f::P_CHARGE_INFO_SUPPORT_POLICY)
                    offer_default=true
                />

                <Show when=certificate>
                    <SbcConnection form touched error_of=Callback::new(error_of) range />
                </Show>

                {move || failure().map(|e| view! { <ApiErrorView error=e context="The trunk was not created. Everything you typed is still here." /> })}
                {move || accepted().map(|(error, found)| view! { <AcceptedUnread error found /> })}

                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || creating.get() || was_accepted() aria-busy=move || creating.get().to_string()>
                        {move || if creating.get() { "Creating trunk…" } else { "Create trunk" }}
                    </button>
                    <SendingNote pending=creating />
                    <a href=crate::paths::href("/trunks") on:click=move |_| crate::drafts::clear(DRAFT)>"Cancel"</a>
                </div>
            </form>
        </section>
    }
}
