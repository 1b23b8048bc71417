//! "Used by": what uses an item, one list per kind of use, with counts, names and links.

use crate::where_used::UsedBy;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows a [`UsedBy`] (built in plain Rust, e.g. `UsedBy::trunk(&where_used)`): for each kind
/// of use with a count above zero, a heading with the count, the names (linked where the
/// console has a page) and, when `say_what_to_change`, the sentence saying what to change
/// before the item can be deleted. When nothing uses the item it shows `nothing`.
///
/// ```ignore
/// <UsedByList used_by=UsedBy::trunk(&used) nothing="Nothing uses this trunk." say_what_to_change=false />
/// ```
#[component]
pub fn UsedByList(
    /// What uses the item.
    used_by: UsedBy,
    /// The sentence shown when nothing uses it.
    #[prop(into)]
    nothing: String,
    /// Also say, under each kind, what to change first (for a refused delete).
    #[prop(optional)]
    say_what_to_change: bool,
) -> impl IntoView {
    if !used_by.in_use() {
        return view! { <p class="muted" data-testid="used-by-nothing">{nothing}</p> }.into_any();
    }
    let sections = used_by
        .used_sections()
        .cloned()
        .map(|section| {
            let heading = format!("{}: {}", section.title, section.count_words());
            let unnamed = section.count.saturating_sub(section.items.len());
            let items = section
                .items
                .into_iter()
                .map(|item| match item.link {
                    Some(link) => view! {
                        <li><A href=crate::paths::href(&link)>{item.name}</A></li>
                    }
                    .into_any(),
                    None => view! { <li>{item.name}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <li class="used-by-kind">
                    <p class="used-by-heading"><strong>{heading}</strong></p>
                    <ul>
                        {items}
                        {(unnamed > 0).then(|| view! {
                            <li class="muted">{format!("and {unnamed} more that Webex did not name")}</li>
                        })}
                    </ul>
                    {say_what_to_change.then(|| view! { <p class="help">{section.what_to_change}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="used-by-kinds" data-testid="used-by">{sections}</ul> }.into_any()
}
