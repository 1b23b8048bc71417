//! Paging and retry rules, kept free of I/O so they are tested on the host.

/// The `rel="next"` URL of an RFC 5988 `Link` header, if any.
pub fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let mut pieces = part.split(';');
        let url = pieces.next()?.trim();
        let url = url.strip_prefix('<')?.strip_suffix('>')?;
        pieces
            .any(|p| {
                let p = p.trim();
                p.eq_ignore_ascii_case("rel=\"next\"") || p.eq_ignore_ascii_case("rel=next")
            })
            .then(|| url.to_string())
    })
}

/// Where the next page of a list is, after a page has arrived.
#[derive(Debug, PartialEq)]
pub enum NextPage {
    /// Follow the URL Webex gave in its `Link` header.
    Url(String),
    /// No `Link` header (or one the browser may not expose): ask for the next offset.
    Start(usize),
    /// The list is complete.
    Done,
}

/// Decides how to fetch the page after one that started at `start`, asked for `max` items
/// and got `received`. A `Link` header is the authority when there is one: without a
/// `rel="next"` the list is complete. Only when no `Link` header could be read at all (a
/// browser hides headers a server does not expose) does a full page mean "ask for more".
pub fn next_page(link: Option<&str>, start: usize, max: usize, received: usize) -> NextPage {
    match link {
        Some(header) => next_link(header).map_or(NextPage::Done, NextPage::Url),
        None if received > 0 && received >= max => NextPage::Start(start + received),
        None => NextPage::Done,
    }
}

/// How many list pages are read at once once the first page has shown that a list pages by
/// `start`/`max`.
pub const PARALLEL_PAGES: usize = 4;

/// How the pages after the first are read.
#[derive(Debug, PartialEq)]
pub enum Continue {
    /// The first page was the whole list.
    Done,
    /// Webex pages by offsets: ask for `start` = page, 2 × page, … several at a time.
    Offsets,
    /// Webex gave an opaque cursor: follow `Link: rel="next"` one page after the other.
    Cursor(String),
}

/// What to do after the first page (asked at `start` = 0 for `max` items) brought `received`
/// items. A `rel="next"` URL whose `start` is where the next page begins is read as offset
/// paging, so the rest can be asked for together; any other next URL is a cursor to follow.
pub fn after_first_page(link: Option<&str>, max: usize, received: usize) -> Continue {
    match next_page(link, 0, max, received) {
        NextPage::Done => Continue::Done,
        NextPage::Start(_) => Continue::Offsets,
        NextPage::Url(url) if query_number(&url, "start") == Some(received) && received > 0 => {
            Continue::Offsets
        }
        NextPage::Url(url) => Continue::Cursor(url),
    }
}

/// The number value of `key` in a URL's query, if any.
fn query_number(url: &str, key: &str) -> Option<usize> {
    let query = url.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| v.parse().ok()).flatten()
    })
}

/// How far a list read has come, for "Loaded 1,000 of at least 2,000…".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Items delivered, in list order.
    pub loaded: usize,
    /// Items known to exist: the end of the furthest page that has arrived, in any order.
    pub at_least: usize,
    /// Every page is in.
    pub done: bool,
}

/// The plan for the pages of a `start`/`max` list after its first page: which offsets to ask
/// for next, when to stop (the first short or empty page ends the list), and how pages that
/// arrive out of order are merged back into list order.
#[derive(Debug)]
pub struct OffsetPlan<T> {
    page: usize,
    next: usize,
    /// Where the list ends, once a short or empty page has said so.
    end: Option<usize>,
    /// Pages that arrived before one in front of them, by start.
    waiting: std::collections::BTreeMap<usize, Vec<T>>,
    /// Items delivered in order so far (the start of the next page to deliver).
    merged: usize,
    furthest: usize,
    stopped: bool,
}

impl<T> OffsetPlan<T> {
    /// The plan after a first page of `first` items (a full page of `page` items).
    pub fn new(page: usize, first: usize) -> Self {
        let page = page.max(1);
        OffsetPlan {
            page,
            next: first,
            end: (first < page).then_some(first),
            waiting: Default::default(),
            merged: first,
            furthest: first,
            stopped: false,
        }
    }

    /// The next offset to ask for, or `None` when nothing more needs asking.
    pub fn next_start(&mut self) -> Option<usize> {
        if self.stopped || self.end.is_some_and(|end| self.next >= end) {
            return None;
        }
        let start = self.next;
        self.next += self.page;
        Some(start)
    }

    /// Takes in the page asked at `start`; answers the items now ready to deliver, in order
    /// (empty while a page in front of it is still out).
    pub fn arrived(&mut self, start: usize, items: Vec<T>) -> Vec<T> {
        let len = items.len();
        if len < self.page {
            let end = start + len;
            self.end = Some(self.end.map_or(end, |e| e.min(end)));
        }
        if len > 0 {
            self.furthest = self.furthest.max(start + len);
        }
        if start < self.merged || self.end.is_some_and(|end| start >= end) {
            return Vec::new();
        }
        self.waiting.insert(start, items);
        let mut ready = Vec::new();
        while let Some(items) = self.waiting.remove(&self.merged) {
            let len = items.len();
            ready.extend(items);
            self.merged += len;
            if len < self.page {
                break;
            }
        }
        if self.end.is_some_and(|end| self.merged >= end) {
            self.waiting.clear();
        }
        ready
    }

    /// A page failed: ask for nothing more.
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// How far the read is.
    pub fn progress(&self) -> Progress {
        Progress {
            loaded: self.merged,
            at_least: self.furthest.max(self.merged),
            done: self.end.is_some_and(|end| self.merged >= end),
        }
    }
}

/// How many attempts a call gets in all when Webex answers 429 or 423.
pub const MAX_ATTEMPTS: u32 = 3;
/// The wait when a 429/423 carries no `Retry-After`.
pub const DEFAULT_RETRY_SECONDS: u32 = 5;
/// The longest wait the console accepts before trying again.
pub const MAX_RETRY_SECONDS: u32 = 60;

/// Seconds to wait before trying a call again, or `None` when it must not be retried.
/// Only 429 (too many requests) and 423 (locked) are retried: anything else could repeat a
/// change behind the admin's back.
pub fn retry_after(status: u16, header: Option<&str>, attempt: u32) -> Option<u32> {
    if !matches!(status, 429 | 423) || attempt >= MAX_ATTEMPTS {
        return None;
    }
    let seconds = header
        .and_then(|h| h.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| s.ceil() as u32)
        .unwrap_or(DEFAULT_RETRY_SECONDS);
    Some(seconds.min(MAX_RETRY_SECONDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_header_next() {
        let h = r#"<https://webexapis.com/v1/telephony/config/locations?start=100&max=100>; rel="next", <https://webexapis.com/v1/telephony/config/locations?start=0&max=100>; rel="first""#;
        assert_eq!(
            next_link(h).as_deref(),
            Some("https://webexapis.com/v1/telephony/config/locations?start=100&max=100")
        );
        assert_eq!(next_link(r#"<https://x/a?start=0>; rel="prev""#), None);
        assert_eq!(next_link(""), None);
    }

    #[test]
    fn paging_prefers_link_then_offsets_then_stops() {
        assert_eq!(
            next_page(Some(r#"<https://x/n>; rel="next""#), 0, 1000, 1000),
            NextPage::Url("https://x/n".into())
        );
        assert_eq!(next_page(None, 0, 1000, 1000), NextPage::Start(1000));
        assert_eq!(next_page(None, 1000, 1000, 1000), NextPage::Start(2000));
        assert_eq!(next_page(None, 2000, 1000, 17), NextPage::Done);
        assert_eq!(next_page(None, 0, 1000, 0), NextPage::Done);
        assert_eq!(
            next_page(Some(r#"<https://x/f>; rel="first""#), 0, 10, 3),
            NextPage::Done
        );
    }

    #[test]
    fn retries_only_429_and_423_with_capped_waits() {
        assert_eq!(retry_after(429, Some("2"), 1), Some(2));
        assert_eq!(retry_after(423, None, 1), Some(DEFAULT_RETRY_SECONDS));
        assert_eq!(retry_after(429, Some("600"), 1), Some(60));
        assert_eq!(retry_after(429, Some("1.2"), 2), Some(2));
        assert_eq!(retry_after(429, Some("soon"), 1), Some(5));
        assert_eq!(
            retry_after(429, Some("2"), 3),
            None,
            "three attempts at most"
        );
        for status in [400, 401, 403, 404, 409, 500, 502, 503] {
            assert_eq!(retry_after(status, Some("1"), 1), None, "{status}");
        }
    }

    #[test]
    fn first_page_decides_offsets_cursor_or_done() {
        let next = r#"<https://x/v1/telephony/config/locations?order=name&start=1000&max=1000>; rel="next""#;
        assert_eq!(after_first_page(Some(next), 1000, 1000), Continue::Offsets);
        assert_eq!(after_first_page(None, 1000, 1000), Continue::Offsets);
        assert_eq!(after_first_page(None, 1000, 999), Continue::Done);
        assert_eq!(after_first_page(Some(""), 1000, 1000), Continue::Done);
        let cursor = r#"<https://x/v1/people?cursor=Y3Vyc29y&max=1000>; rel="next""#;
        assert_eq!(
            after_first_page(Some(cursor), 1000, 1000),
            Continue::Cursor("https://x/v1/people?cursor=Y3Vyc29y&max=1000".into())
        );
        // A next URL whose start is not where the next page begins is followed as given.
        let odd = r#"<https://x/a?start=5&max=1000>; rel="next""#;
        assert!(matches!(
            after_first_page(Some(odd), 1000, 1000),
            Continue::Cursor(_)
        ));
    }

    fn page(start: usize, len: usize) -> Vec<usize> {
        (start..start + len).collect()
    }

    #[test]
    fn offsets_are_asked_ahead_and_stop_at_the_first_short_page() {
        let mut plan = OffsetPlan::<usize>::new(1000, 1000);
        let asked: Vec<_> = (0..4).filter_map(|_| plan.next_start()).collect();
        assert_eq!(asked, [1000, 2000, 3000, 4000]);
        assert_eq!(plan.arrived(1000, page(1000, 1000)), page(1000, 1000));
        assert_eq!(plan.next_start(), Some(5000));
        // 3,000 is short: the list ends at 3,500, nothing past it is asked for.
        assert!(plan.arrived(3000, page(3000, 500)).is_empty());
        assert_eq!(plan.next_start(), None);
        assert!(!plan.progress().done);
        assert_eq!(plan.progress().at_least, 3500);
        // Pages past the end come back empty and change nothing.
        assert!(plan.arrived(4000, Vec::new()).is_empty());
        assert!(plan.arrived(5000, Vec::new()).is_empty());
        let ready = plan.arrived(2000, page(2000, 1000));
        assert_eq!(
            ready,
            page(2000, 1500),
            "2,000 and the waiting 3,000, in order"
        );
        assert!(plan.progress().done);
    }

    #[test]
    fn out_of_order_pages_are_merged_in_list_order() {
        let mut plan = OffsetPlan::<usize>::new(10, 10);
        for _ in 0..4 {
            plan.next_start();
        }
        assert!(plan.arrived(30, page(30, 10)).is_empty());
        assert!(plan.arrived(20, page(20, 10)).is_empty());
        assert_eq!(plan.progress().at_least, 40);
        assert_eq!(plan.arrived(10, page(10, 10)), page(10, 30));
        assert_eq!(plan.progress().loaded, 40);
        // An empty page exactly at a page boundary ends the list.
        assert!(plan.arrived(40, Vec::new()).is_empty());
        assert_eq!(plan.next_start(), None);
        assert!(plan.progress().done);
    }

    #[test]
    fn a_short_first_page_is_the_whole_list_and_a_failure_stops_asking() {
        let mut plan = OffsetPlan::<usize>::new(1000, 17);
        assert_eq!(plan.next_start(), None);
        assert!(plan.progress().done);
        let mut plan = OffsetPlan::<usize>::new(1000, 1000);
        assert_eq!(plan.next_start(), Some(1000));
        plan.stop();
        assert_eq!(plan.next_start(), None);
        assert!(!plan.progress().done);
    }
}
