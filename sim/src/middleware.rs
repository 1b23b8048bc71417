//! Around every call: a tracking id (header and error bodies), armed faults (any `/v1` path),
//! and the exchange record of `/v1` API calls.

use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::errors::{ApiError, TRACKING_ID};
use crate::faults::{self, Fault};
use crate::ids::tracking_id;
use crate::rate_limit::is_write;
use crate::record::Exchange;
use crate::state::AppState;

pub const TRACKINGID: HeaderName = HeaderName::from_static("trackingid");

const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// The OAuth endpoints live under `/v1` but are not REST API operations of the spec.
fn is_recorded_api(path: &str) -> bool {
    path.starts_with("/v1/") && !path.starts_with("/v1/authorize") && path != "/v1/access_token"
}

/// Outside CORS, so preflights wait too: every `/v1` answer comes after the configured latency,
/// as from a Webex far away. `/_sim` and the app's files answer at once.
pub async fn latency(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let delay = state.latency();
    if !delay.is_zero() && request.uri().path().starts_with("/v1/") {
        tokio::time::sleep(delay).await;
    }
    next.run(request).await
}

pub async fn around(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let tid = tracking_id();
    let path = request.uri().path().to_string();
    let mut response = if request.method() != Method::OPTIONS && path.starts_with("/v1/") {
        let record = is_recorded_api(&path);
        TRACKING_ID
            .scope(tid.clone(), api_call(state, request, next, &tid, record))
            .await
    } else {
        TRACKING_ID.scope(tid.clone(), next.run(request)).await
    };
    if let Ok(v) = HeaderValue::from_str(&tid) {
        response.headers_mut().insert(TRACKINGID, v);
    }
    response
}

async fn api_call(
    state: AppState,
    request: Request,
    next: Next,
    tid: &str,
    record: bool,
) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let path_and_query = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| path.clone());
    let (parts, body) = request.into_parts();
    let request_bytes = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let request_json = json_or_null(&request_bytes);

    let (fault, limited) = {
        let mut sim = state.lock();
        let fault = faults::take(&mut sim.faults, &method, &path);
        // A fault that answers instead of the API is not a write the limit counts.
        let reaches_api = fault.as_ref().is_none_or(|f| f.status.is_none());
        let limited = if record && reaches_api && is_write(&method) {
            sim.write_limit
                .admit(&bearer(&parts.headers), Instant::now())
                .err()
        } else {
            None
        };
        (fault, limited)
    };
    let response = match (limited, fault) {
        (Some(seconds), _) => too_many_writes(seconds),
        (None, Some(fault)) => {
            if fault.delay_ms > 0 {
                tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            }
            match fault.status {
                Some(status) => fault_response(&fault, status),
                None => {
                    next.run(Request::from_parts(parts, Body::from(request_bytes)))
                        .await
                }
            }
        }
        (None, None) => {
            next.run(Request::from_parts(parts, Body::from(request_bytes)))
                .await
        }
    };

    if !record {
        return response;
    }
    let (parts, body) = response.into_parts();
    let response_bytes = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let exchange = Exchange {
        method,
        path: path_and_query,
        status: parts.status.as_u16(),
        request: request_json,
        response: json_or_null(&response_bytes),
        tracking_id: tid.to_string(),
    };
    if let Some(recorder) = &state.recorder {
        recorder.write(&exchange);
    }
    state.lock().exchanges.push(exchange);
    Response::from_parts(parts, Body::from(response_bytes))
}

/// The token of a call, as the limit keys it (an absent one is one more key).
fn bearer(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// Webex's answer to too many writes: 429 with the seconds to wait.
fn too_many_writes(seconds: u64) -> Response {
    let mut response = ApiError::for_status(StatusCode::TOO_MANY_REQUESTS).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

fn fault_response(fault: &Fault, status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match &fault.body {
        Some(body) => (status, axum::Json(body.clone())).into_response(),
        None => ApiError::for_status(status).into_response(),
    };
    if let Some(secs) = fault.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

fn json_or_null(bytes: &Bytes) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(bytes).unwrap_or(Value::Null)
}
