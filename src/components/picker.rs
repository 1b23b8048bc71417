//! A searchable picker (ARIA combobox) for long lists: thousands of locations or trunks.

use crate::list_address::Words;
use leptos::prelude::*;

/// How many matches the list shows at once; typing narrows the rest.
const SHOWN: usize = 50;

/// One choice of a picker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PickerOption {
    pub id: String,
    pub label: String,
    /// A second line, e.g. "this location's trunk" or "3 trunks".
    pub hint: Option<String>,
}

/// The options whose label contains every word of `query`, ignoring case: the first `limit`
/// of them, and how many there are in all (one pass over the options).
pub fn matches<'a>(
    options: &'a [(String, PickerOption)],
    query: &str,
    limit: usize,
) -> (Vec<&'a PickerOption>, usize) {
    let words = Words::of(query);
    let mut first = Vec::new();
    let mut total = 0;
    for (lower, o) in options {
        if words.all_in(lower) {
            if total < limit {
                first.push(o);
            }
            total += 1;
        }
    }
    (first, total)
}

/// Where the highlight goes when the list opens: on the current choice if the list shows it,
/// else nowhere (so Enter cannot replace the choice with another one by accident).
pub fn highlight_on_open(shown: &[PickerOption], chosen: &str) -> Option<usize> {
    shown.iter().position(|o| o.id == chosen)
}

/// The highlight after ArrowDown (`down`) or ArrowUp among `count` options.
pub fn move_highlight(active: Option<usize>, count: usize, down: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (active, down) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(a), true) => (a + 1).min(count - 1),
        (Some(a), false) => a.saturating_sub(1),
    })
}

/// A text box that filters `options` as the admin types and chooses one by click or keyboard
/// (arrows, Enter, Escape). The chosen option's id goes to `on_change`. Entering it again shows
/// the current choice, highlighted; Enter without typing keeps it.
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
    /// The ids of the elements describing the field (help, error), space-separated; only ids
    /// of elements on the page.
    #[prop(into, optional)]
    described_by: Signal<String>,
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
    // What the admin typed since entering the box; None until they type (the box shows the
    // current choice, and the list all options).
    let query = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // The options shown and how many match in all, from one pass a keystroke.
    let found = Memo::new(move |_| {
        query.with(|q| {
            let q = q.as_deref().unwrap_or_default();
            indexed.with(|all| {
                let (first, total) = matches(all, q, SHOWN);
                (first.into_iter().cloned().collect::<Vec<_>>(), total)
            })
        })
    });
    let shown = Memo::new(move |_| found.with(|(first, _)| first.clone()));
    let total = Memo::new(move |_| found.with(|(_, total)| *total));
    // The list keeps an element per place and changes its text, rather than build 50 again.
    let places = Memo::new(move |_| shown.with(Vec::len));
    let list_id = format!("{id}-list");
    let note_id = format!("{id}-note");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let open_list = move || {
        query.set(None);
        active.set(shown.with_untracked(|s| highlight_on_open(s, &value.get_untracked())));
        open.set(true);
    };
    let close = move || {
        open.set(false);
        query.set(None);
        active.set(None);
    };
    let choose = move |option: &PickerOption| {
        on_change.run(option.id.clone());
        close();
    };
    let text = move || {
        query
            .get()
            .unwrap_or_else(|| selected_label().unwrap_or_default())
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") => {
            ev.prevent_default();
            if !open.get_untracked() {
                open_list();
            } else {
                let n = shown.with_untracked(Vec::len);
                active.update(|a| *a = move_highlight(*a, n, key == "ArrowDown"));
            }
        }
        "Enter" if open.get_untracked() => {
            ev.prevent_default();
            match active
                .get_untracked()
                .and_then(|a| shown.with_untracked(|s| s.get(a).cloned()))
            {
                Some(o) => choose(&o),
                // Nothing highlighted: the choice stays as it is.
                None => close(),
            }
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            close();
        }
        _ => {}
    };
    // Only an option that is on the page: the list may have shrunk under the highlight.
    let active_option = move || {
        let a = active.get()?;
        (open.get() && a < shown.with(Vec::len)).then_some(a)
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || active_option().map(&option_id)
    };
    // "No match" and "N more" are said outside the listbox, which holds only options.
    let note = move || {
        if !open.get() {
            return None;
        }
        let (n, total) = (shown.with(Vec::len), total.get());
        if n == 0 {
            Some("No match".to_owned())
        } else if total > n {
            Some(format!("{} more: type to narrow the list", total - n))
        } else {
            None
        }
    };
    let described = {
        let note_id = note_id.clone();
        move || {
            let ids = described_by.get();
            match note().is_some() {
                true if ids.is_empty() => note_id.clone(),
                true => format!("{ids} {note_id}"),
                false => ids,
            }
        }
    };
    let listed = move || open.get() && shown.with(|s| !s.is_empty());
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
                aria-expanded=move || listed().to_string()
                aria-activedescendant=active_descendant
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=move || Some(described()).filter(|d| !d.is_empty())
                data-value=move || value.get()
                placeholder=placeholder
                prop:value=text
                on:focus=move |_| open_list()
                on:click=move |_| {
                    if !open.get_untracked() {
                        open_list();
                    }
                }
                on:input:target=move |ev| {
                    query.set(Some(ev.target().value()));
                    active.set(Some(0));
                    open.set(true);
                }
                on:keydown=on_keydown
                on:blur=move |ev| {
                    // The text box also loses the focus when it is taken off the page with its
                    // owner (the session ended, another organization): then nothing is touched.
                    if open.is_disposed() {
                        return;
                    }
                    close();
                    if let Some(cb) = on_leave.filter(|_| !super::field::moves_to_submit(&ev)) {
                        cb.try_run(());
                    }
                }
            />
            // Always in the page, so that aria-controls names an element; hidden while closed.
            <ul class="picker-list" role="listbox" id=list_id.clone() hidden=move || !listed()>
                <For
                    each=move || 0..places.get()
                    key=|i| *i
                    children=move |i| {
                        let option = Memo::new(move |_| {
                            shown.with(|s| s.get(i).cloned().unwrap_or_default())
                        });
                        view! {
                            <li
                                id=option_id(i)
                                role="option"
                                aria-selected=move || (active_option() == Some(i)).to_string()
                                // mousedown, not click: it comes before the text box's blur
                                on:mousedown=move |ev| {
                                    ev.prevent_default();
                                    option.with_untracked(|o| choose(o));
                                }
                            >
                                {move || option.with(|o| o.label.clone())}
                                {move || {
                                    option
                                        .with(|o| o.hint.clone())
                                        .map(|h| view! { <span class="muted">" · " {h}</span> })
                                }}
                            </li>
                        }
                    }
                />
            </ul>
            // A live region stays in the page, empty while there is nothing to say.
            <p class="picker-note" id=note_id role="status">
                {note}
            </p>
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
                .0
                .iter()
                .map(|o| o.label.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels("berlin"), vec!["Berlin HQ", "Berlin Lab"]);
        assert_eq!(labels("lab BER"), vec!["Berlin Lab"]);
        assert_eq!(labels(""), vec!["Berlin HQ", "London Office", "Berlin Lab"]);
        assert!(labels("paris").is_empty());
        let (first, total) = matches(&all, "", 2);
        assert_eq!((first.len(), total), (2, 3), "the first two, of three");
        assert_eq!(matches(&all, "berlin", 1).1, 2);
    }

    #[test]
    fn reopening_highlights_the_current_choice_or_nothing() {
        let all: Vec<PickerOption> = [opt("Boston"), opt("London")]
            .into_iter()
            .map(|(_, o)| o)
            .collect();
        assert_eq!(highlight_on_open(&all, "London"), Some(1));
        assert_eq!(highlight_on_open(&all, ""), None);
        assert_eq!(highlight_on_open(&all, "Paris"), None);
    }

    #[test]
    fn arrows_move_the_highlight_within_the_list() {
        assert_eq!(move_highlight(None, 3, true), Some(0));
        assert_eq!(move_highlight(None, 3, false), Some(2));
        assert_eq!(move_highlight(Some(2), 3, true), Some(2));
        assert_eq!(move_highlight(Some(0), 3, false), Some(0));
        assert_eq!(move_highlight(Some(1), 3, true), Some(2));
        assert_eq!(move_highlight(Some(1), 0, true), None);
    }
}
