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
}
