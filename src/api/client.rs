//! The one place that talks HTTP: base URL, bearer token, `orgId`, JSON, errors, retries, paging.

use super::error::{ApiError, WebexError};
use super::paging::{
    after_first_page, next_link, retry_after, Continue, OffsetPlan, Progress, PARALLEL_PAGES,
};
use super::scopes::{api_path, need};
use gloo_net::http::{Request, RequestBuilder};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::RefCell;
use std::sync::Arc;

/// The default API base when `config.json` names none.
pub const WEBEX_API_BASE: &str = "https://webexapis.com/v1";

/// How many items a list page asks for; Webex telephony lists accept up to 1,000.
const PAGE_SIZE: usize = 1000;

/// What the client tells the page while a call is under way.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientEvent {
    /// Webex asked us to slow down (429) or the item is locked (423): waiting this many seconds
    /// before attempt number `next_attempt`.
    Waiting { seconds: u32, next_attempt: u32 },
    /// The wait is over and the call is being sent again.
    Resumed,
    /// Webex refused the token (401): the session is over.
    Unauthorized,
}

type Observer = Arc<dyn Fn(ClientEvent) + Send + Sync>;

/// A signed-in connection to the Webex API. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    base: Arc<str>,
    token: Arc<str>,
    org_id: Option<Arc<str>>,
    observer: Option<Observer>,
    /// Whether 429 and 423 are waited out and sent again here (see [`Client::without_retries`]).
    retries: bool,
}

/// The HTTP methods the console uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

/// A successful answer, before its body is read as a model.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub link: Option<String>,
    pub tracking_id: Option<String>,
}

impl Answer {
    /// Reads the body as `T`; a body that does not fit is an [`ApiError::Unexpected`].
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        serde_json::from_str(&self.body).map_err(|e| ApiError::Unexpected {
            status: self.status,
            detail: e.to_string(),
            tracking_id: self.tracking_id.clone(),
        })
    }
}

/// A list answer: Webex names the array differently per endpoint (`items`, `locations`, ...).
pub trait ListPage: DeserializeOwned {
    type Item;
    fn into_items(self) -> Vec<Self::Item>;
}

impl Client {
    /// A client for `base` (e.g. `https://webexapis.com/v1`) acting with `token`.
    pub fn new(base: &str, token: &str) -> Self {
        Client {
            base: base.trim_end_matches('/').into(),
            token: token.into(),
            org_id: None,
            observer: None,
            retries: true,
        }
    }

    /// The same client answering 429 and 423 at once, with [`ApiError::retry_after`], instead of
    /// waiting and sending again itself: for a caller that paces many calls as one (bulk runs).
    pub fn without_retries(mut self) -> Self {
        self.retries = false;
        self
    }

    /// The same client acting on another organization (partner admins), sent as `orgId`.
    pub fn with_org(mut self, org_id: Option<&str>) -> Self {
        self.org_id = org_id.map(Into::into);
        self
    }

    /// The same client reporting waits and 401s to `observer`.
    pub fn with_observer(mut self, observer: impl Fn(ClientEvent) + Send + Sync + 'static) -> Self {
        self.observer = Some(Arc::new(observer));
        self
    }

    /// The API base this client calls.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The organization acted on, when it is not the admin's own.
    pub fn org_id(&self) -> Option<&str> {
        self.org_id.as_deref()
    }

    fn notify(&self, event: ClientEvent) {
        if let Some(observer) = &self.observer {
            observer(event);
        }
    }

    /// The full URL of `path` with `query`, adding `orgId` to organization-scoped calls.
    pub fn url(&self, path: &str, query: &[(&str, &str)]) -> String {
        let mut url = format!("{}{}", self.base, path);
        let org = self
            .org_id
            .as_deref()
            .filter(|_| path.starts_with("/telephony") || path.starts_with("/locations"));
        let pairs = query
            .iter()
            .copied()
            .filter(|(_, v)| !v.is_empty())
            .chain(org.map(|o| ("orgId", o)));
        for (i, (key, value)) in pairs.enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_component(key));
            url.push('=');
            url.push_str(&encode_component(value));
        }
        url
    }

    fn builder(&self, method: Method, url: &str) -> RequestBuilder {
        let builder = match method {
            Method::Get => Request::get(url),
            Method::Post => Request::post(url),
            Method::Put => Request::put(url),
            Method::Delete => Request::delete(url),
        };
        builder
            .header("Authorization", &format!("Bearer {}", self.token))
            .header("Accept", "application/json")
    }

    /// Sends one call to `url`, waiting and retrying only on 429 and 423 (unless made
    /// [`Client::without_retries`]).
    pub async fn send_url(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
    ) -> Result<Answer, ApiError> {
        let mut attempt = 1;
        loop {
            let builder = self.builder(method, url);
            let request = match &body {
                Some(json) => builder
                    .header("Content-Type", "application/json")
                    .body(json.clone()),
                None => builder.build(),
            }
            .map_err(|e| ApiError::Network(e.to_string()))?;
            let response = request
                .send()
                .await
                .map_err(|e| ApiError::Network(network_detail(&e)))?;
            let status = response.status();
            let headers = response.headers();
            let tracking_id = headers.get("trackingid");
            let retry_header = headers.get("retry-after");
            let link = headers.get("link");
            let text = response.text().await.unwrap_or_default();
            if (200..300).contains(&status) {
                return Ok(Answer {
                    status,
                    body: text,
                    link,
                    tracking_id,
                });
            }
            let wait = retry_after(status, retry_header.as_deref(), attempt);
            if let Some(seconds) = wait.filter(|_| self.retries) {
                attempt += 1;
                self.notify(ClientEvent::Waiting {
                    seconds,
                    next_attempt: attempt,
                });
                gloo_timers::future::TimeoutFuture::new(seconds * 1000).await;
                self.notify(ClientEvent::Resumed);
                continue;
            }
            if status == 401 {
                self.notify(ClientEvent::Unauthorized);
            }
            let mut error = WebexError::from_response(status, &text, tracking_id);
            if status == 403 {
                error.needs = need(method, api_path(&self.base, url)).map(Box::new);
            }
            error.retry_after = wait;
            return Err(ApiError::Webex(error));
        }
    }

    /// Sends a call to `path` with an optional JSON body.
    pub async fn send<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&B>,
    ) -> Result<Answer, ApiError> {
        let body = body
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| ApiError::Network(e.to_string()))?;
        self.send_url(method, &self.url(path, query), body).await
    }

    /// GET `path` and read the answer as `T`.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        self.send::<()>(Method::Get, path, query, None)
            .await?
            .json()
    }

    /// Every item of a list, all pages (see [`Client::get_pages`]).
    pub async fn get_all<P: ListPage>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Vec<P::Item>, ApiError> {
        let mut items = Vec::new();
        self.get_pages::<P>(path, query, |page, _| items.extend(page))
            .await?;
        Ok(items)
    }

    /// Reads a list page by page, handing each page to `on_page` in list order as soon as it
    /// can: the first page at once; then, where Webex pages by `start`/`max`, up to
    /// [`PARALLEL_PAGES`] pages at a time (stopping at the first short or empty page), or,
    /// where it gives an opaque cursor, by following `Link: rel="next"` one after the other.
    /// On an error, what was handed on stays handed on and the error is answered.
    pub async fn get_pages<P: ListPage>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        mut on_page: impl FnMut(Vec<P::Item>, Progress),
    ) -> Result<(), ApiError> {
        let max = PAGE_SIZE.to_string();
        let mut query: Vec<(&str, &str)> = query.to_vec();
        query.push(("max", &max));
        let first = self
            .send_url(Method::Get, &self.url(path, &query), None)
            .await?;
        let items = first.json::<P>()?.into_items();
        let received = items.len();
        let next = after_first_page(first.link.as_deref(), PAGE_SIZE, received);
        let done = next == Continue::Done;
        on_page(
            items,
            Progress {
                loaded: received,
                at_least: received,
                done,
            },
        );
        match next {
            Continue::Done => Ok(()),
            Continue::Cursor(url) => self.follow_cursor::<P>(url, received, on_page).await,
            Continue::Offsets => {
                let plan = RefCell::new(OffsetPlan::new(PAGE_SIZE, received));
                let on_page = RefCell::new(on_page);
                let failure = RefCell::new(None);
                let worker = || async {
                    loop {
                        let Some(start) = plan.borrow_mut().next_start() else {
                            return;
                        };
                        let offset = start.to_string();
                        let mut q = query.clone();
                        q.push(("start", &offset));
                        let url = self.url(path, &q);
                        let page = match self.send_url(Method::Get, &url, None).await {
                            Ok(answer) => answer.json::<P>().map(P::into_items),
                            Err(e) => Err(e),
                        };
                        let mut plan = plan.borrow_mut();
                        match page {
                            Ok(items) => {
                                let ready = plan.arrived(start, items);
                                let progress = plan.progress();
                                drop(plan);
                                if !ready.is_empty() || progress.done {
                                    (on_page.borrow_mut())(ready, progress);
                                }
                            }
                            Err(e) => {
                                plan.stop();
                                failure.borrow_mut().get_or_insert(e);
                            }
                        }
                    }
                };
                futures::future::join_all((0..PARALLEL_PAGES).map(|_| worker())).await;
                match failure.into_inner() {
                    Some(e) => Err(e),
                    None => Ok(()),
                }
            }
        }
    }

    /// The pages after the first of a list that pages by cursor, one after the other.
    async fn follow_cursor<P: ListPage>(
        &self,
        mut url: String,
        mut loaded: usize,
        mut on_page: impl FnMut(Vec<P::Item>, Progress),
    ) -> Result<(), ApiError> {
        loop {
            let answer = self.send_url(Method::Get, &url, None).await?;
            let items = answer.json::<P>()?.into_items();
            loaded += items.len();
            let next = answer.link.as_deref().and_then(next_link);
            on_page(
                items,
                Progress {
                    loaded,
                    at_least: loaded,
                    done: next.is_none(),
                },
            );
            match next {
                Some(next) => url = next,
                None => return Ok(()),
            }
        }
    }

    /// Every item of a list whose spec takes no `start`, asked for `max` at a time (`None`: the
    /// spec takes no `max` either), followed by `Link: rel="next"` alone, one page after the
    /// other.
    pub async fn get_all_by<P: ListPage>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        max: Option<usize>,
    ) -> Result<Vec<P::Item>, ApiError> {
        let max_text = max.map(|m| m.to_string());
        let mut query: Vec<(&str, &str)> = query.to_vec();
        if let Some(m) = max_text.as_deref() {
            query.push(("max", m));
        }
        let mut items = Vec::new();
        self.follow_cursor::<P>(self.url(path, &query), 0, |page, _| items.extend(page))
            .await?;
        Ok(items)
    }
}

/// A readable reason for a failed fetch; browsers say little ("Failed to fetch") on purpose.
fn network_detail(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}

/// An id made safe to place in a URL path.
pub fn path_segment(id: &str) -> String {
    encode_component(id)
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_query_and_org_only_where_it_belongs() {
        let c = Client::new("https://webexapis.com/v1/", "t");
        assert_eq!(
            c.url(
                "/telephony/config/premisePstn/trunks",
                &[("name", "Main & Co"), ("trunkType", "")]
            ),
            "https://webexapis.com/v1/telephony/config/premisePstn/trunks?name=Main%20%26%20Co"
        );
        let c = c.with_org(Some("Y2lz/b3Jn+"));
        assert_eq!(
            c.url("/telephony/config/locations", &[]),
            "https://webexapis.com/v1/telephony/config/locations?orgId=Y2lz%2Fb3Jn%2B"
        );
        assert_eq!(
            c.url("/people/me", &[]),
            "https://webexapis.com/v1/people/me"
        );
        assert_eq!(c.org_id(), Some("Y2lz/b3Jn+"));
    }

    #[test]
    fn ids_are_encoded_in_paths() {
        assert_eq!(path_segment("a/b+c="), "a%2Fb%2Bc%3D");
    }

    #[test]
    fn unexpected_bodies_are_errors_not_panics() {
        let a = Answer {
            status: 200,
            body: "<html>".into(),
            link: None,
            tracking_id: Some("X".into()),
        };
        let err = a.json::<serde_json::Value>().unwrap_err();
        assert!(matches!(err, ApiError::Unexpected { status: 200, .. }));
        assert_eq!(err.tracking_id(), Some("X"));
    }
}
