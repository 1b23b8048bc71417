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

/// The positions of the `keys` (lower-cased once) that contain every word of `query`,
/// ignoring case.
pub fn search<'a>(keys: impl Iterator<Item = &'a str>, query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    keys.enumerate()
        .filter(|(_, key)| words.iter().all(|w| key.contains(w.as_str())))
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
