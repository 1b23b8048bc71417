//! The new-trunk form's part for certificate-based trunks: the SBC's address, domain and port,
//! with "Check address" (asked of Webex, and holding only while those three are unchanged), and
//! the maximum concurrent calls within the device type's range.

use crate::api::requests::FqdnValidation;
use crate::api::trunks;
use crate::components::field::{focus, Touched};
use crate::components::trunk_fields::{control_id, CallsRange, TrunkTextInput};
use crate::components::{ApiErrorView, Field, SendingNote};
use crate::session::Session;
use crate::validation::{fields as f, DeviceRange, TrunkForm};
use leptos::prelude::*;

#[component]
pub fn SbcConnection(
    /// The create form's state.
    form: RwSignal<TrunkForm>,
    touched: Touched,
    /// The error shown at a field: the page's rules and Webex's refusals.
    error_of: Callback<&'static str, Signal<Option<String>>>,
    /// The device type's concurrent-call range, once known.
    range: Memo<Option<DeviceRange>>,
) -> impl IntoView {
    let client = expect_context::<Session>().client();
    let check = Action::new_local(move |body: &FqdnValidation| {
        let client = client.clone();
        let body = body.clone();
        async move {
            let result = trunks::validate_fqdn(&client, &body).await;
            (body, result)
        }
    });
    let on_check = move |_| {
        for field in [f::ADDRESS, f::DOMAIN, f::PORT] {
            touched.leave(field);
        }
        match form.with_untracked(TrunkForm::fqdn_check) {
            Err(field) => focus(&control_id(field)),
            Ok(body) => {
                check.dispatch(body);
            }
        }
    };
    // A check answer holds only while the address, domain and port are the ones checked.
    let check_answer = move || {
        check
            .value()
            .get()
            .filter(|(body, _)| form.with(|fm| fm.is_checked(body)))
    };
    let text_input = move |field: &'static str,
                           get: fn(&TrunkForm) -> &String,
                           set: fn(&mut TrunkForm) -> &mut String,
                           inputmode: &'static str| {
        view! {
            <TrunkTextInput
                field=field
                value=Signal::derive(move || form.with(|f| get(f).clone()))
                on_input=Callback::new(move |v| form.update(|f| *set(f) = v))
                on_blur=touched.on_blur(field)
                invalid=Signal::derive(move || error_of.run(field).with(Option::is_some))
                inputmode=inputmode
            />
        }
    };

    view! {
        <h2>"SBC connection"</h2>
        <Field control_id=control_id(f::ADDRESS) label="Address" help="The SBC's public FQDN (sbc1.example.com) or SRV name (_sips._tcp.example.com)." error=error_of.run(f::ADDRESS)>
            {text_input(f::ADDRESS, |f| &f.address, |f| &mut f.address, "url")}
        </Field>
        <Field control_id=control_id(f::DOMAIN) label="Domain" help="The domain of the SBC's certificate, verified in your organization, e.g. example.com." error=error_of.run(f::DOMAIN)>
            {text_input(f::DOMAIN, |f| &f.domain, |f| &mut f.domain, "url")}
        </Field>
        <Field control_id=control_id(f::PORT) label="Port" help="The SBC's SIP TLS port, usually 5061." error=error_of.run(f::PORT)>
            {text_input(f::PORT, |f| &f.port, |f| &mut f.port, "numeric")}
        </Field>
        <div class="actions">
            <button type="button" class="button secondary" on:click=on_check disabled=move || check.pending().get()>
                {move || if check.pending().get() { "Checking…" } else { "Check address" }}
            </button>
            <SendingNote pending=check.pending() />
        </div>
        {move || check_answer().map(|(_, result)| match result {
            Ok(()) => view! {
                <div class="alert alert-success" role="status">"Webex accepts this address, domain and port."</div>
            }.into_any(),
            Err(e) => view! { <ApiErrorView error=e context="Webex does not accept this address" /> }.into_any(),
        })}
        <Field
            control_id=control_id(f::MAX_CONCURRENT_CALLS)
            label="Maximum concurrent calls"
            error=error_of.run(f::MAX_CONCURRENT_CALLS)
        >
            {text_input(f::MAX_CONCURRENT_CALLS, |f| &f.max_concurrent_calls, |f| &mut f.max_concurrent_calls, "numeric")}
            <CallsRange range=range />
        </Field>
    }
}
