//! `--serve-app DIR`: the built single-page app, with deep links falling back to index.html;
//! with `--app-base /tools/pstn/`, only under that path, as a host serving it from a sub-path.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

pub fn router(dir: &Path) -> Router {
    router_at(dir, "/")
}

/// DIR under `base` (`/tools/pstn/`): `/tools/pstn/x` is DIR's `x` (or index.html when there is
/// none), `/tools/pstn` redirects to `/tools/pstn/`, and every other path is 404.
pub fn router_at(dir: &Path, base: &str) -> Router {
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    let base = base.trim_matches('/');
    let router = if base.is_empty() {
        Router::new().fallback_service(files)
    } else {
        let prefix = format!("/{base}");
        Router::new()
            .fallback(move |request: Request| under(prefix.clone(), files.clone(), request))
    };
    router.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    ))
}

async fn under(prefix: String, mut files: ServeDir<ServeFile>, request: Request) -> Response {
    let path = request.uri().path();
    let query = request
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    if path == prefix {
        return Redirect::permanent(&format!("{prefix}/{query}")).into_response();
    }
    let Some(rest) = path
        .strip_prefix(&prefix)
        .filter(|rest| rest.starts_with('/'))
    else {
        let message = format!("Not found: the app is served under {prefix}/\n");
        return (StatusCode::NOT_FOUND, message).into_response();
    };
    let Ok(uri) = format!("{rest}{query}").parse::<Uri>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let (mut parts, body) = request.into_parts();
    parts.uri = uri;
    match files.try_call(Request::from_parts(parts, body)).await {
        Ok(response) => response.into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}
