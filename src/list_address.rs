//! A searchable, paged list whose address (`?q=` and `?page=`) says what it shows, so Back and
//! links return to the same rows, without costing a keystroke: what is typed shows at once and
//! the address follows a moment later (replaced, never one history entry per key), or at once
//! when the search box is left. The pure parts (search, pages, the address) are host-tested.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;
use std::ops::Range;

/// How long typing pauses before the address follows the search.
const ADDRESS_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The words of a search, lower-cased: a key matches when it contains every one of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words(Vec<String>);

impl Words {
    pub fn of(query: &str) -> Self {
        Words(query.split_whitespace().map(str::to_lowercase).collect())
    }

    /// Whether `key` (lower-cased) contains every word.
    pub fn all_in(&self, key: &str) -> bool {
        self.0
            .iter()
            .all(|w| contains(key.as_bytes(), w.as_bytes()))
    }

    /// Whether every key these words match is also matched by `wider`: each of its words is in
    /// one of these (as when a keystroke adds a letter or a word), so a search for these words
    /// need only look among what `wider` found.
    pub fn narrows(&self, wider: &Words) -> bool {
        wider
            .0
            .iter()
            .all(|w| self.0.iter().any(|mine| mine.contains(w.as_str())))
    }
}

/// Whether `needle` is in `hay`, byte by byte: on names a few dozen bytes long this is quicker
/// than `str::contains`, which prepares a searcher for every key. Exact on UTF-8, where a
/// character's first byte is never the middle of another.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    hay[..=last_start]
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && hay[i + 1..i + needle.len()] == *rest)
}

/// The positions of the `keys` (lower-cased once) that contain every word of `query`,
/// ignoring case.
pub fn search<'a>(keys: impl Iterator<Item = &'a str>, query: &str) -> Vec<usize> {
    let words = Words::of(query);
    keys.enumerate()
        .filter(|(_, key)| words.all_in(key))
        .map(|(i, _)| i)
        .collect()
}

/// How many pages of `per_page` rows `total` rows fill (at least one, even when empty).
pub fn page_count(total: usize, per_page: usize) -> usize {
    total.div_ceil(per_page.max(1)).max(1)
}

/// The positions shown on page `page` (1-based; past the end means the last page).
pub fn page_range(total: usize, per_page: usize, page: usize) -> Range<usize> {
    let page = page.clamp(1, page_count(total, per_page));
    let start = (page - 1) * per_page;
    start.min(total)..(start + per_page).min(total)
}

/// The list's address for a search and page.
pub fn list_url(path: &str, query: &str, page: usize) -> String {
    let mut url = String::from(path);
    let mut sep = '?';
    if !query.trim().is_empty() {
        url.push(sep);
        url.push_str("q=");
        url.push_str(&crate::api::client::encode_component(query));
        sep = '&';
    }
    if page > 1 {
        url.push(sep);
        url.push_str(&format!("page={page}"));
    }
    url
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The search and page of a list at `path`, kept in step with the address.
#[derive(Clone, Copy)]
pub struct ListAddress {
    /// What the search box holds.
    pub query: RwSignal<String>,
    /// The page asked for (1-based; may be past the end: show the last page).
    pub page: RwSignal<usize>,
    path: &'static str,
    /// Counts changes not yet in the address; the delayed write goes only if none came after.
    pending: StoredValue<u64>,
    written: StoredValue<bool>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl ListAddress {
    /// The list at `path` (an app path like `/locations`), reading `?q=` and `?page=`.
    pub fn new(path: &'static str) -> Self {
        let address = use_query_map();
        let from_address = move || {
            address.with(|q| {
                (
                    q.get("q").unwrap_or_default(),
                    q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1usize),
                )
            })
        };
        let (q, p) = untrack(from_address);
        let navigate = crate::paths::use_navigate();
        let list = ListAddress {
            query: RwSignal::new(q),
            page: RwSignal::new(p),
            path,
            pending: StoredValue::new(0),
            written: StoredValue::new(true),
            navigate: StoredValue::new_local(Box::new(navigate)),
        };
        // The address can change under the list (Back, the header's link): show what it says.
        Effect::new(move |_| {
            let (q, p) = from_address();
            if list.written.get_value() {
                if list.query.get_untracked() != q {
                    list.query.set(q);
                }
                if list.page.get_untracked() != p {
                    list.page.set(p);
                }
            }
        });
        list
    }

    /// The admin typed a search: it shows at once from the first page; the address follows.
    pub fn type_query(self, query: String) {
        self.query.set(query);
        self.page.set(1);
        self.written.set_value(false);
        let this = self.pending.get_value() + 1;
        self.pending.set_value(this);
        set_timeout(
            move || {
                if self.pending.try_get_value() == Some(this) {
                    self.write();
                }
            },
            ADDRESS_DELAY,
        );
    }

    /// The search box is left: the address takes the search now (a link may be followed next).
    pub fn flush(self) {
        if !self.written.get_value() {
            self.write();
        }
    }

    /// Shows page `page` and puts it in the address.
    pub fn go_to(self, page: usize) {
        self.page.set(page);
        self.write();
    }

    fn write(self) {
        self.pending.update_value(|n| *n += 1);
        self.written.set_value(true);
        let url = list_url(
            self.path,
            &self.query.get_untracked(),
            self.page.get_untracked(),
        );
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|navigate| navigate(&url, options));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_matches_every_word_ignoring_case() {
        let keys = ["san jose hq", "new york office", "london office"];
        let s = |q| search(keys.iter().copied(), q);
        assert_eq!(s(""), vec![0, 1, 2]);
        assert_eq!(s("office"), vec![1, 2]);
        assert_eq!(s(" OFFICE  lon "), vec![2]);
        assert!(s("paris").is_empty());
    }

    #[test]
    fn words_are_found_anywhere_in_a_key_byte_for_byte() {
        let w = Words::of;
        assert!(w("fice").all_in("office"));
        assert!(w("office").all_in("office"));
        assert!(!w("offices").all_in("office"));
        assert!(w("é").all_in("café münchen") && w("MÜN").all_in("café münchen"));
        assert!(!w("e").all_in("café"), "the é of café is not an e");
        assert!(w("").all_in("") && w("").all_in("any"));
        assert!(!w("a").all_in(""));
    }

    #[test]
    fn a_keystroke_that_adds_letters_or_words_narrows_the_search() {
        let narrows = |now: &str, before: &str| Words::of(now).narrows(&Words::of(before));
        assert!(narrows("site 0012", "site 001"), "a letter more");
        assert!(narrows("site 0", "site"), "a word more");
        assert!(narrows("hamburg", ""), "anything narrows nothing");
        assert!(
            narrows("berlin lab", "lab"),
            "the same words in another order"
        );
        assert!(narrows("hamburg", "burg"), "a letter before");
        assert!(!narrows("site 001", "site 0012"), "a letter less widens");
        assert!(!narrows("site 00", "site 0012"));
        assert!(!narrows("berlin", "berlin lab"), "a word less widens");
        assert!(!narrows("", "a"));
    }

    #[test]
    fn pages_of_fifty() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(10_000, 50), 200);
        assert_eq!(page_range(0, 50, 1), 0..0);
        assert_eq!(page_range(120, 50, 1), 0..50);
        assert_eq!(page_range(120, 50, 3), 100..120);
        assert_eq!(
            page_range(120, 50, 9),
            100..120,
            "past the end shows the last page"
        );
        assert_eq!(page_range(120, 50, 0), 0..50);
    }

    #[test]
    fn list_urls_keep_search_and_page() {
        assert_eq!(list_url("/locations", "", 1), "/locations");
        assert_eq!(
            list_url("/locations", "new york", 1),
            "/locations?q=new%20york"
        );
        assert_eq!(list_url("/locations", "", 3), "/locations?page=3");
        assert_eq!(
            list_url("/locations", "a&b", 2),
            "/locations?q=a%26b&page=2"
        );
    }
}
