//! `start`/`max` paging and the `Link: <…>; rel="next"` header.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::call::Call;
use crate::errors::ApiError;

pub const DEFAULT_MAX: usize = 100;
pub const MAX_MAX: usize = 1000;

pub struct Page {
    pub start: usize,
    pub max: usize,
}

impl Page {
    pub fn parse(call: &Call) -> Result<Page, ApiError> {
        Self::parse_up_to(call, MAX_MAX)
    }

    /// Like [`Page::parse`], for lists that answer more than [`MAX_MAX`] at once.
    pub fn parse_up_to(call: &Call, cap: usize) -> Result<Page, ApiError> {
        let start = match call.param("start") {
            None | Some("") => 0,
            Some(v) => number(v).ok_or_else(|| {
                ApiError::invalid_field("start", "It must be a number of 0 or more.")
            })?,
        };
        let max = match call.param("max") {
            None | Some("") => DEFAULT_MAX,
            Some(v) => match number(v) {
                Some(n) if n >= 1 => n.min(cap),
                _ => {
                    return Err(ApiError::invalid_field(
                        "max",
                        "It must be a number of 1 or more.",
                    ))
                }
            },
        };
        Ok(Page { start, max })
    }

    /// This page's slice of `items`, and the URL of the next page when more remain.
    pub fn slice<T>(&self, items: Vec<T>, call: &Call) -> (Vec<T>, Option<String>) {
        let total = items.len();
        let page: Vec<T> = items.into_iter().skip(self.start).take(self.max).collect();
        let next = (self.start + self.max < total).then(|| self.next_url(call));
        (page, next)
    }

    fn next_url(&self, call: &Call) -> String {
        let mut params: Vec<(String, String)> = call
            .params
            .iter()
            .filter(|(k, _)| k != "start" && k != "max")
            .cloned()
            .collect();
        params.push(("start".into(), (self.start + self.max).to_string()));
        params.push(("max".into(), self.max.to_string()));
        let query = serde_urlencoded::to_string(&params).unwrap_or_default();
        format!("{}{}?{}", call.base_url, call.path, query)
    }
}

/// Accepts `10` and `10.0` (the spec types these as numbers).
fn number(v: &str) -> Option<usize> {
    let v = v.trim();
    v.parse::<usize>().ok().or_else(|| {
        v.parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e12)
            .map(|f| f as usize)
    })
}

/// A 200 JSON answer with the `Link` header when there is a next page.
pub fn list_response(body: Value, next: Option<String>) -> Response {
    let mut response = axum::Json(body).into_response();
    if let Some(url) = next {
        if let Ok(v) = HeaderValue::from_str(&format!("<{url}>; rel=\"next\"")) {
            response.headers_mut().insert(header::LINK, v);
        }
    }
    response
}

/// Reads `order` like `asc`, `desc`, `name`, `name-desc`, `locationName,asc`: the field (one of
/// `fields`, the first by default) and whether it sorts descending.
pub fn sort_order<'f>(call: &Call, fields: &[&'f str]) -> Result<(&'f str, bool), ApiError> {
    let mut field = fields[0];
    let mut descending = false;
    if let Some(order) = call.param("order") {
        for token in order
            .split(['-', ',', ':', ' ', '+'])
            .filter(|t| !t.is_empty())
        {
            if token.eq_ignore_ascii_case("asc") {
                descending = false;
            } else if token.eq_ignore_ascii_case("desc") {
                descending = true;
            } else if let Some(f) = fields.iter().find(|f| f.eq_ignore_ascii_case(token)) {
                field = f;
            } else {
                return Err(ApiError::invalid_field(
                    "order",
                    &format!("Sort by {} with asc or desc.", fields.join(" or ")),
                ));
            }
        }
    }
    Ok((field, descending))
}

/// Case-insensitive "contains", the matching Webex applies to name filters.
pub fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}
