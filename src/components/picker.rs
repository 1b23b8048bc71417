//! A searchable picker (ARIA combobox) for long lists: thousands of locations or trunks.

use leptos::prelude::*;

/// How many matches the list shows at once; typing narrows the rest.
const SHOWN: usize = 50;

/// One choice of a picker.
#[derive(Clone, Debug, PartialEq)]
pub struct PickerOption {
    pub id: String,
    pub label: String,
    /// A second line, e.g. "this location's trunk" or "3 trunks".
    pub hint: Option<String>,
}

/// The options whose label contains every word of `query`, ignoring case, at most `limit`.
pub fn matches<'a>(
    options: &'a [(String, PickerOption)],
    query: &str,
    limit: usize,
) -> Vec<&'a PickerOption> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    options
        .iter()
        .filter(|(lower, _)| words.iter().all(|w| lower.contains(w.as_str())))
        .map(|(_, o)| o)
        .take(limit)
        .collect()
}

/// A text box that filters `options` as the admin types and chooses one by click or keyboard
/// (arrows, Enter, Escape). The chosen option's id goes to `on_change`.
#[component]
pub fn Picker(
    /// The element id of the text box (the label's `for`).
    #[prop(into)]
    id: String,
    /// The Webex field name, set as the text box's `name`.
    #[prop(into)]
    name: String,
    /// Every choice.
    #[prop(into)]
    options: Signal<Vec<PickerOption>>,
    /// The chosen id ("" for none).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the id of the option chosen.
    on_change: Callback<String>,
    /// Placeholder text.
    #[prop(into, optional)]
    placeholder: String,
    /// Called when the text box is left (to show the field's error).
    #[prop(optional, into)]
    on_leave: Option<Callback<()>>,
    /// Whether the field is invalid (`aria-invalid`).
    #[prop(into, optional)]
    invalid: Signal<bool>,
    /// The id of the element describing the field (help or error).
    #[prop(into, optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let indexed = Memo::new(move |_| {
        options
            .get()
            .into_iter()
            .map(|o| (o.label.to_lowercase(), o))
            .collect::<Vec<_>>()
    });
    let selected_label = move || {
        let v = value.get();
        options.with(|all| all.iter().find(|o| o.id == v).map(|o| o.label.clone()))
    };
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let shown = Memo::new(move |_| {
        let q = query.get();
        indexed.with(|all| {
            matches(all, &q, SHOWN)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| {
        let q = query.get();
        indexed.with(|all| matches(all, &q, usize::MAX).len())
    });
    let list_id = format!("{id}-list");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let choose = move |option: &PickerOption| {
        on_change.run(option.id.clone());
        query.set(String::new());
        open.set(false);
    };
    let text = move || {
        if open.get() {
            query.get()
        } else {
            selected_label().unwrap_or_default()
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            if !open.get_untracked() {
                open.set(true);
                active.set(0);
            } else {
                let n = shown.with_untracked(Vec::len);
                active.update(|a| *a = (*a + 1).min(n.saturating_sub(1)));
            }
        }
        "ArrowUp" => {
            ev.prevent_default();
            active.update(|a| *a = a.saturating_sub(1));
        }
        "Enter" if open.get_untracked() => {
            ev.prevent_default();
            if let Some(o) = shown.with_untracked(|s| s.get(active.get_untracked()).cloned()) {
                choose(&o);
            }
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            open.set(false);
            query.set(String::new());
        }
        _ => {}
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || open.get().then(|| option_id(active.get()))
    };
    view! {
        <div class="picker">
            <input
                id=id.clone()
                name=name
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_descendant
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=described_by
                data-value=move || value.get()
                placeholder=placeholder
                prop:value=text
                on:focus=move |_| {
                    query.set(String::new());
                    active.set(0);
                    open.set(true);
                }
                on:input:target=move |ev| {
                    query.set(ev.target().value());
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_keydown
                on:blur=move |ev| {
                    // The text box also loses the focus when it is taken off the page with its
                    // owner (the session ended, another organization): then nothing is touched.
                    if open.is_disposed() {
                        return;
                    }
                    open.set(false);
                    query.set(String::new());
                    if let Some(cb) = on_leave.filter(|_| !super::field::moves_to_submit(&ev)) {
                        cb.try_run(());
                    }
                }
            />
            <Show when=move || open.get()>
                <ul class="picker-list" role="listbox" id=list_id.clone()>
                    {
                        let option_id = option_id.clone();
                        move || {
                            let items = shown.get();
                            if items.is_empty() {
                                return view! { <li class="empty">"No match"</li> }.into_any();
                            }
                            items
                                .into_iter()
                                .enumerate()
                                .map(|(i, o)| {
                                    let chosen = o.clone();
                                    view! {
                                        <li
                                            id=option_id(i)
                                            role="option"
                                            aria-selected=move || (active.get() == i).to_string()
                                            // mousedown, not click: it comes before the text box's blur
                                            on:mousedown=move |ev| {
                                                ev.prevent_default();
                                                choose(&chosen);
                                            }
                                        >
                                            {o.label.clone()}
                                            {o.hint.clone().map(|h| view! { <span class="muted">" · " {h}</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                    }
                    <Show when=move || { total.get() > SHOWN }>
                        <li class="empty" role="presentation">
                            {move || format!("{} more: type to narrow the list", total.get() - SHOWN)}
                        </li>
                    </Show>
                </ul>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(label: &str) -> (String, PickerOption) {
        (
            label.to_lowercase(),
            PickerOption {
                id: label.into(),
                label: label.into(),
                hint: None,
            },
        )
    }

    #[test]
    fn every_word_must_match_ignoring_case() {
        let all = vec![opt("Berlin HQ"), opt("London Office"), opt("Berlin Lab")];
        let labels = |q: &str| {
            matches(&all, q, 10)
                .iter()
                .map(|o| o.label.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels("berlin"), vec!["Berlin HQ", "Berlin Lab"]);
        assert_eq!(labels("lab BER"), vec!["Berlin Lab"]);
        assert_eq!(labels(""), vec!["Berlin HQ", "London Office", "Berlin Lab"]);
        assert!(labels("paris").is_empty());
        assert_eq!(matches(&all, "", 2).len(), 2);
    }
}
