//! The controls the new-trunk and edit-trunk forms share: each carries the Webex field name as
//! its `name`, points `aria-describedby` at its help and error, and reports input and leaving
//! through callbacks, so each form keeps its own state and rules.

use crate::api::requests::{PChargeInfoSupportPolicy, TrunkType};
use crate::api::trunks::DeviceType;
use crate::components::{CopyButton, Field, RadioCard};
use crate::validation::fields as f;
use crate::validation::DeviceRange;
use leptos::prelude::*;

/// The DOM id of a trunk form's control for `field` (a Webex field name).
pub fn control_id(field: &str) -> String {
    format!("trunk-{field}")
}

/// The ids a control's `aria-describedby` names: its help, and its error while one shows.
pub fn described(field: &str, invalid: bool) -> String {
    if invalid {
        format!("{0}-help {0}-error", control_id(field))
    } else {
        format!("{}-help", control_id(field))
    }
}

/// A one-line text control for `field`.
#[component]
pub fn TrunkTextInput(
    /// The Webex field name, also the control's `name`.
    field: &'static str,
    /// What the control shows.
    #[prop(into)]
    value: Signal<String>,
    /// Every keystroke's new text.
    on_input: Callback<String>,
    /// Focus left the control.
    on_blur: Callback<leptos::ev::FocusEvent>,
    /// Whether the field's error shows.
    #[prop(into)]
    invalid: Signal<bool>,
    /// The `inputmode` hint ("text", "url", "numeric").
    #[prop(default = "text")]
    inputmode: &'static str,
) -> impl IntoView {
    view! {
        <input
            id=control_id(field)
            name=field
            type="text"
            inputmode=inputmode
            autocomplete="off"
            spellcheck="false"
            prop:value=value
            on:input:target=move |ev| on_input.run(ev.target().value())
            on:blur=move |ev| {
                // A blur also comes as the form is taken off the page: `try_`.
                on_blur.try_run(ev);
            }
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=move || described(field, invalid.get())
        />
    }
}

/// The password control with Show/Hide, Copy and Generate (Webex's `generatePassword`).
#[component]
pub fn TrunkPasswordInput(
    /// What the control holds.
    #[prop(into)]
    value: Signal<String>,
    /// Every keystroke's new text.
    on_input: Callback<String>,
    /// Focus left the control.
    on_blur: Callback<leptos::ev::FocusEvent>,
    /// Whether the field's error shows.
    #[prop(into)]
    invalid: Signal<bool>,
    /// Whether the password shows as text.
    shown: RwSignal<bool>,
    /// "Generate" was pressed.
    on_generate: Callback<()>,
    /// True while Webex generates one.
    #[prop(into)]
    generating: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="inline">
            <input
                id=control_id(f::PASSWORD)
                name=f::PASSWORD
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete="new-password"
                spellcheck="false"
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |ev| {
                // A blur also comes as the form is taken off the page: `try_`.
                on_blur.try_run(ev);
            }
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=move || described(f::PASSWORD, invalid.get())
            />
            <button type="button" class="button small" on:click=move |_| shown.update(|s| *s = !*s) aria-pressed=move || shown.get().to_string()>
                {move || if shown.get() { "Hide" } else { "Show" }}
            </button>
            <CopyButton value=value what="password" />
            <button type="button" class="button small" on:click=move |_| on_generate.run(()) disabled=move || generating.get()>
                {move || if generating.get() { "Generating…" } else { "Generate" }}
            </button>
        </div>
    }
}

/// The "Dual identity support" checkbox with its help.
#[component]
pub fn DualIdentityField(
    /// Whether it is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// The admin ticked or unticked it.
    on_change: Callback<bool>,
) -> impl IntoView {
    let help = format!("{}-help", control_id(f::DUAL_IDENTITY_SUPPORT_ENABLED));
    view! {
        <div class="field">
            <label class="checkbox">
                <input
                    type="checkbox"
                    id=control_id(f::DUAL_IDENTITY_SUPPORT_ENABLED)
                    name=f::DUAL_IDENTITY_SUPPORT_ENABLED
                    prop:checked=checked
                    on:change:target=move |ev| on_change.run(ev.target().checked())
                    aria-describedby=help.clone()
                />
                "Dual identity support"
            </label>
            <p class="help" id=help>"When on, the From and P-Asserted-Identity headers of outbound calls are set independently."</p>
        </div>
    }
}

/// The P-Charge-Info policy field. `offer_default` adds "Webex default" (for a new trunk, or a
/// trunk Webex answered without a policy).
#[component]
pub fn PChargeInfoField(
    /// The chosen wire name, "" for Webex's default.
    #[prop(into)]
    value: Signal<String>,
    /// The admin chose another.
    on_change: Callback<String>,
    /// The field's error.
    error: Signal<Option<String>>,
    /// Offer "Webex default".
    offer_default: bool,
) -> impl IntoView {
    let id = control_id(f::P_CHARGE_INFO_SUPPORT_POLICY);
    view! {
        <Field control_id=id.clone() label="P-Charge-Info" help="Whether Webex sends the P-Charge-Info header, and with which number." error=error>
            <select
                id=id
                name=f::P_CHARGE_INFO_SUPPORT_POLICY
                prop:value=value
                on:change:target=move |ev| on_change.run(ev.target().value())
                aria-describedby=move || described(f::P_CHARGE_INFO_SUPPORT_POLICY, error.with(Option::is_some))
            >
                {offer_default.then(|| view! { <option value="">"Webex default"</option> })}
                {PChargeInfoSupportPolicy::ALL
                    .iter()
                    .map(|p| view! { <option value=p.as_str()>{p.label()}</option> })
                    .collect_view()}
            </select>
        </Field>
    }
}

/// The line under "Maximum concurrent calls" saying the device type's range.
#[component]
pub fn CallsRange(
    /// The chosen device type's range, if known.
    #[prop(into)]
    range: Signal<Option<DeviceRange>>,
) -> impl IntoView {
    view! {
        <p class="help range" id=format!("{}-help", control_id(f::MAX_CONCURRENT_CALLS))>
            {move || match range.get() {
                Some(r) => format!("Between {} and {} for this device type.", r.min, r.max),
                None => "Choose a device type to see its range.".to_string(),
            }}
        </p>
    }
}

/// One plain sentence on when to choose each trunk type.
fn trunk_type_advice(t: TrunkType) -> &'static str {
    match t {
        TrunkType::Registering => "For a Cisco IOS XE local gateway (CUBE) that registers to Webex with a username and password. Works behind NAT; needs no public certificate.",
        TrunkType::CertificateBased => "For a session border controller (Cisco CUBE, Oracle, AudioCodes, Ribbon) at a public FQDN or SRV name, trusted through mutual TLS with a CA-signed certificate.",
    }
}

/// The trunk type radios (a new trunk's; the type of an existing trunk cannot change), each
/// with a sentence on when to choose it.
#[component]
pub fn TrunkTypeChoice(
    /// The chosen wire name, "" for none.
    #[prop(into)]
    value: Signal<String>,
    /// The admin chose a type.
    on_change: Callback<TrunkType>,
    /// Focus left a radio.
    on_blur: Callback<leptos::ev::FocusEvent>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{}-error", control_id(f::TRUNK_TYPE));
    let described = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <fieldset class="field choices" aria-describedby=described>
            <legend>"Trunk type"</legend>
            {TrunkType::ALL
                .iter()
                .map(|t| {
                    let t = *t;
                    // The first radio takes the field's id: the focus goes there on an error.
                    let id = match t {
                        TrunkType::Registering => control_id(f::TRUNK_TYPE),
                        _ => format!("{}-{}", control_id(f::TRUNK_TYPE), t.as_str().to_lowercase()),
                    };
                    view! {
                        <RadioCard
                            id
                            name=f::TRUNK_TYPE
                            value=t.as_str()
                            title=t.label()
                            help=trunk_type_advice(t)
                            checked=Signal::derive(move || value.with(|v| v == t.as_str()))
                            on_choose=move || on_change.run(t)
                            on_leave=on_blur
                        />
                    }
                })
                .collect_view()}
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </fieldset>
    }
}

/// The device type `<select>` of a new trunk: the device types of the chosen trunk type.
#[component]
pub fn DeviceTypeSelect(
    /// The chosen device type, "" for none.
    #[prop(into)]
    value: Signal<String>,
    /// Whether a trunk type is chosen (else the select asks for one first).
    #[prop(into)]
    has_trunk_type: Signal<bool>,
    /// The device types of the chosen trunk type.
    #[prop(into)]
    options: Signal<Vec<DeviceType>>,
    on_change: Callback<String>,
    /// Focus left the control.
    on_blur: Callback<leptos::ev::FocusEvent>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let invalid = move || error.with(Option::is_some);
    view! {
        <select
            id=control_id(f::DEVICE_TYPE)
            name=f::DEVICE_TYPE
            prop:value=move || value.get()
            on:change:target=move |ev| on_change.run(ev.target().value())
            on:blur=move |ev| on_blur.run(ev)
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described(f::DEVICE_TYPE, invalid())
        >
            <option value="">
                {move || if has_trunk_type.get() { "Choose a device type" } else { "Choose a trunk type first" }}
            </option>
            {move || options
                .get()
                .into_iter()
                .map(|d| {
                    let name = d.device_type;
                    let selected = value.with_untracked(|v| *v == name);
                    let wire = name.clone();
                    view! { <option value=wire selected=selected>{name}</option> }
                })
                .collect_view()}
        </select>
    }
}
