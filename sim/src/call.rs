//! What a handler needs to know about the call besides its body: headers, query, own URL.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

pub struct Call {
    pub headers: HeaderMap,
    /// Query parameters in order; a name may repeat.
    pub params: Vec<(String, String)>,
    /// `http://host:port`, from the `Host` header, for absolute `Link` URLs.
    pub base_url: String,
    pub path: String,
}

impl Call {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a list parameter, given repeated (`a=1&a=2`) or comma-separated (`a=1,2`).
    pub fn param_list(&self, name: &str) -> Vec<String> {
        self.params
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Call {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let params = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .unwrap_or_default();
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string)
            .or_else(|| parts.uri.authority().map(|a| a.to_string()))
            .unwrap_or_else(|| "127.0.0.1:8081".to_string());
        Ok(Call {
            headers: parts.headers.clone(),
            params,
            base_url: format!("http://{host}"),
            path: parts.uri.path().to_string(),
        })
    }
}
