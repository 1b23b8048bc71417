//! Shows what Webex answered, exactly, with the tracking id admins quote to support.

use crate::api::ApiError;
use leptos::prelude::*;

/// An error from a Webex call: the message, every description, the status and tracking id.
#[component]
pub fn ApiErrorView(
    /// The error to show.
    error: ApiError,
    /// What the console was doing, e.g. "The trunk was not created".
    #[prop(into, optional)]
    context: Option<String>,
) -> impl IntoView {
    let details: Vec<String> = error
        .webex()
        .map(|w| w.details().map(str::to_string).collect())
        .unwrap_or_default();
    let status = error.status();
    let tracking = error.tracking_id().map(str::to_string);
    // A 403 is about rights, not the request: say what this call needs, whatever Webex's words.
    let forbidden = (status == Some(403)).then(|| {
        let needs = error
            .webex()
            .and_then(|w| w.needs.as_deref())
            .map(|n| format!("{} ", n.sentence()))
            .unwrap_or_default();
        view! {
            <p class="api-hint">
                {needs}
                "Webex refused this for your account: the token lacks the scope this needs, or your account is not an administrator with the role it needs in this organization. Sign in again with a token that has the PSTN Console's scopes (see the sign-in page), as a full admin (partner admins: of the customer organization)."
            </p>
        }
    });
    let codes = error
        .webex()
        .map(|w| {
            w.error_codes
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|c| !c.is_empty());
    view! {
        <div class="alert alert-error" role="alert">
            {context.map(|c| view! { <p class="alert-title">{c}</p> })}
            <p class="api-message">{error.to_string()}</p>
            {(!details.is_empty())
                .then(|| {
                    view! {
                        <ul class="api-details">
                            {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {forbidden}
            <p class="api-meta">
                {status.map(|s| format!("HTTP {s}"))}
                {codes.map(|c| format!(" · error code {c}"))}
                {tracking
                    .map(|t| {
                        view! {
                            " · Tracking ID "
                            <code class="tracking-id">{t}</code>
                        }
                    })}
            </p>
        </div>
    }
}

/// A load that failed: what Webex answered, and "Try again" (every page whose load fails offers it).
#[component]
pub fn LoadFailed(
    /// The error of the load.
    error: ApiError,
    /// What could not be loaded, e.g. "The trunks could not be loaded".
    #[prop(into)]
    context: String,
    /// Loads again.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <ApiErrorView error context />
        <p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </p>
    }
}
