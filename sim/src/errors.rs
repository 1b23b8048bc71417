//! Webex error answers: `{"message", "errors":[{"description","errorCode"}], "trackingId"}`.
//!
//! The tracking id is the one of the request being served (see `middleware`), so the body and
//! the `Trackingid` header always agree.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

tokio::task_local! {
    /// The tracking id of the request this task serves.
    pub static TRACKING_ID: String;
}

/// The current request's tracking id (a fresh one outside a request).
pub fn current_tracking_id() -> String {
    TRACKING_ID
        .try_with(|id| id.clone())
        .unwrap_or_else(|_| crate::ids::tracking_id())
}

/// Error codes the simulator answers with. 25008, 25013, 25024 and 27571 are the ones seen from
/// Webex (webex-api.md and its sources); the others are plausible stand-ins.
pub mod code {
    pub const UNAUTHORIZED: u32 = 401;
    pub const FORBIDDEN: u32 = 403;
    pub const NOT_FOUND: u32 = 4008;
    pub const MISSING_FIELD: u32 = 25008;
    pub const INVALID_FIELD: u32 = 25009;
    pub const UNVERIFIED_DOMAIN: u32 = 25024;
    pub const FQDN_PORT_IN_USE: u32 = 27571;
    pub const DUPLICATE_NAME: u32 = 27301;
    pub const INVALID_DEVICE_TYPE: u32 = 27304;
    pub const CALLS_OUT_OF_RANGE: u32 = 27305;
    pub const INVALID_PORT: u32 = 27306;
    pub const TRUNK_IN_USE: u32 = 27340;
    pub const ROUTE_GROUP_IN_USE: u32 = 27341;
    pub const ROUTE_NOT_FOUND: u32 = 27601;
    pub const PSTN_NOT_SETTABLE: u32 = 27602;
    pub const INVALID_OPTION: u32 = 27603;
    pub const PSTN_NOT_CONFIGURED: u32 = 27610;
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Vec<(String, u32)>,
    pub retry_after: Option<u64>,
    /// Extra top-level fields (e.g. `errorMessage`, seen on some telephony answers).
    pub extra: Map<String, Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError {
            status,
            errors: vec![(message.clone(), code)],
            message,
            retry_after: None,
            extra: Map::new(),
        }
    }

    pub fn bad_request(code: u32, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn conflict(code: u32, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code::NOT_FOUND, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code::FORBIDDEN, message)
    }

    pub fn missing_scope(scope: &str) -> Self {
        Self::forbidden(format!(
            "The access token does not have the scope required by this request: {scope}"
        ))
    }

    /// One error entry per missing field; the message names them all.
    pub fn missing_fields(fields: &[&str]) -> Self {
        let mut e = Self::bad_request(
            code::MISSING_FIELD,
            format!("Missing Mandatory field name: {}", fields.join(", ")),
        );
        e.errors = fields
            .iter()
            .map(|f| {
                (
                    format!("Missing Mandatory field name: {f}"),
                    code::MISSING_FIELD,
                )
            })
            .collect();
        e
    }

    pub fn invalid_field(field: &str, why: &str) -> Self {
        Self::bad_request(
            code::INVALID_FIELD,
            format!("Invalid field value: {field}. {why}"),
        )
    }

    pub fn location_not_found(id: &str) -> Self {
        Self::not_found(format!("Location not found: {id}"))
    }

    /// The message for a status when nothing more specific is known (faults, fallbacks).
    pub fn for_status(status: StatusCode) -> Self {
        let message = match status.as_u16() {
            400 => "Bad request.",
            401 => "The request requires a valid access token set in the Authorization request header.",
            403 => "The access token does not allow this request.",
            404 => "The requested resource could not be found.",
            409 => "The request could not be processed because it conflicts with some established rule of the system.",
            423 => "The resource is locked, retry later.",
            429 => "Too many requests have been sent in a given amount of time, retry later.",
            500 => "Something went wrong on the server.",
            502 => "The server received an invalid response from an upstream server.",
            503 => "Server is overloaded with requests. Try again later.",
            504 => "An upstream server failed to respond on time.",
            _ => status.canonical_reason().unwrap_or("Error."),
        };
        Self::new(status, u32::from(status.as_u16()), message)
    }

    pub fn body(&self, tracking_id: &str) -> Value {
        let mut body = Map::new();
        body.insert("message".into(), json!(self.message));
        body.insert(
            "errors".into(),
            Value::Array(
                self.errors
                    .iter()
                    .map(|(d, c)| json!({"description": d, "errorCode": c}))
                    .collect(),
            ),
        );
        body.insert("trackingId".into(), json!(tracking_id));
        for (k, v) in &self.extra {
            body.insert(k.clone(), v.clone());
        }
        Value::Object(body)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = self.body(&current_tracking_id());
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
