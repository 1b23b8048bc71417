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
