//! A create that Webex accepted (2xx) but whose answer could not be read: the trunk exists. It
//! is looked up by name and its page offered; a second create is never invited.

use crate::api::client::path_segment;
use crate::api::trunks::TrunkSummary;
use crate::api::ApiError;
use crate::components::ApiErrorView;
use leptos::prelude::*;
use leptos_router::components::A;

/// What the trunk form shows after a 2xx whose body was unreadable, with the trunk found by name.
#[component]
pub fn AcceptedUnread(
    /// The unreadable answer (its status and tracking id are shown).
    error: ApiError,
    /// The trunk looked up by the name sent.
    found: Result<Option<TrunkSummary>, ApiError>,
) -> impl IntoView {
    let trunk_list = crate::paths::href("/trunks");
    let where_it_is = match found {
        Ok(Some(t)) => {
            let href = crate::paths::href(&format!("/trunks/{}", path_segment(&t.id)));
            view! {
                <p>
                    {format!("It is in Webex as \u{201c}{}\u{201d}. ", t.name)}
                    <A href=href attr:class="button primary">"Open the trunk"</A>
                </p>
            }
            .into_any()
        }
        Ok(None) => view! {
            <p>
                "It was not found by its name yet: look for it in the "
                <A href=trunk_list>"trunk list"</A>
                "."
            </p>
        }
        .into_any(),
        Err(e) => view! {
            <p>
                "Looking it up by its name failed too: look for it in the "
                <A href=trunk_list>"trunk list"</A>
                "."
            </p>
            <ApiErrorView error=e />
        }
        .into_any(),
    };
    view! {
        <div class="alert alert-warning" role="alert" data-testid="trunk-accepted">
            <p class="alert-title">"Webex accepted the trunk but its answer could not be read."</p>
            <p>"The trunk was created: do not create it again (Webex would refuse the same name)."</p>
            {where_it_is}
        </div>
        <ApiErrorView error />
    }
}
