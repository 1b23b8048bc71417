//! One error type for everything a Webex call can end in, other than success.

use super::scopes::Need;
use serde::Deserialize;
use std::fmt;

/// Why a call to the Webex API did not give the expected answer.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// Webex answered with an error status.
    Webex(WebexError),
    /// The request never got an answer: offline, DNS, CORS refused, or aborted.
    Network(String),
    /// Webex answered with a success status but a body that is not what the API documents.
    Unexpected {
        status: u16,
        detail: String,
        tracking_id: Option<String>,
    },
}

/// An error answer from Webex, with everything an admin may need to quote to support.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WebexError {
    pub status: u16,
    pub message: String,
    pub descriptions: Vec<String>,
    pub error_codes: Vec<i64>,
    pub tracking_id: Option<String>,
    /// What the refused call needs from the token (set on a 403, from the spec's scope of the
    /// endpoint), whatever Webex's own words say.
    pub needs: Option<Box<Need>>,
    /// For 429 and 423 from a client without retries: the seconds Webex asked to wait.
    pub retry_after: Option<u32>,
}

/// The error body as Webex sends it; every field is optional because live answers vary.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ErrorBody {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    error_message: Option<String>,
    #[serde(default)]
    errors: Vec<ErrorItem>,
    #[serde(default)]
    tracking_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorItem {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    error_code: Option<serde_json::Value>,
}

impl WebexError {
    /// Reads an error answer: its status, body text and `Trackingid` header.
    pub fn from_response(status: u16, body: &str, tracking_header: Option<String>) -> Self {
        let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
        let descriptions: Vec<String> = parsed
            .errors
            .iter()
            .filter_map(|e| e.description.clone())
            .filter(|d| !d.trim().is_empty())
            .collect();
        let error_codes = parsed
            .errors
            .iter()
            .filter_map(|e| match &e.error_code {
                Some(serde_json::Value::Number(n)) => n.as_i64(),
                Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
                _ => None,
            })
            .collect();
        let message = parsed
            .message
            .or(parsed.error_message)
            .filter(|m| !m.trim().is_empty())
            .or_else(|| descriptions.first().cloned())
            .unwrap_or_else(|| default_message(status).to_string());
        WebexError {
            status,
            message,
            descriptions,
            error_codes,
            tracking_id: parsed.tracking_id.or(tracking_header),
            needs: None,
            retry_after: None,
        }
    }

    /// The descriptions that add something to the message.
    pub fn details(&self) -> impl Iterator<Item = &str> {
        self.descriptions
            .iter()
            .map(String::as_str)
            .filter(move |d| *d != self.message)
    }

    /// True when the message or a description contains `text` (case-insensitive).
    pub fn mentions(&self, text: &str) -> bool {
        let text = text.to_ascii_lowercase();
        std::iter::once(&self.message)
            .chain(self.descriptions.iter())
            .any(|m| m.to_ascii_lowercase().contains(&text))
    }
}

/// What a status means when Webex sent no message.
fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Webex rejected the request as invalid.",
        401 => "Your Webex session is not valid or has expired. Sign in again.",
        403 => "Your account is not allowed to do this.",
        404 => "Webex could not find this item.",
        409 => "This conflicts with something that already exists in Webex.",
        423 => "Webex is busy with this item; try again shortly.",
        429 => "Webex is receiving too many requests; try again shortly.",
        500..=599 => "Webex had a problem handling the request.",
        _ => "Webex answered with an error.",
    }
}

impl ApiError {
    /// The HTTP status, when Webex answered at all.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Webex(e) => Some(e.status),
            ApiError::Unexpected { status, .. } => Some(*status),
            ApiError::Network(_) => None,
        }
    }

    /// The tracking id admins quote to Cisco support.
    pub fn tracking_id(&self) -> Option<&str> {
        match self {
            ApiError::Webex(e) => e.tracking_id.as_deref(),
            ApiError::Unexpected { tracking_id, .. } => tracking_id.as_deref(),
            ApiError::Network(_) => None,
        }
    }

    /// The HTTP status and the tracking id in words ("HTTP 503, tracking ID abc"), for quoting
    /// next to a message; None when there is neither (no answer at all).
    pub fn reference(&self) -> Option<String> {
        let parts: Vec<String> = [
            self.status().map(|s| format!("HTTP {s}")),
            self.tracking_id().map(|t| format!("tracking ID {t}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The Webex error, when this is one.
    pub fn webex(&self) -> Option<&WebexError> {
        match self {
            ApiError::Webex(e) => Some(e),
            _ => None,
        }
    }

    /// True when Webex answered with success (2xx) but a body the console could not read: the
    /// write happened, and must not be offered again as if it had not.
    pub fn write_happened(&self) -> bool {
        matches!(self, ApiError::Unexpected { status, .. } if (200..300).contains(status))
    }

    /// The seconds to wait before sending again, when Webex asked to slow down (429) or the
    /// item is locked (423) and the client was made [`without_retries`].
    ///
    /// [`without_retries`]: super::client::Client::without_retries
    pub fn retry_after(&self) -> Option<u32> {
        self.webex().and_then(|e| e.retry_after)
    }

    /// True when the token is missing, wrong or expired.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Webex(e) => write!(f, "{}", e.message),
            ApiError::Network(detail) => write!(
                f,
                "Webex could not be reached ({detail}). Check your network connection and try again; if it keeps failing, the API address may not be allowed by this site's Content-Security-Policy (see config.json and the deployment notes)."
            ),
            ApiError::Unexpected { status, detail, .. } => write!(
                f,
                "Webex answered (HTTP {status}) with something the console did not expect: {detail}"
            ),
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webex_error_body_with_errors_and_tracking_id() {
        let body = r#"{"message":"Trunk name already exists.","errors":[{"description":"Trunk name already exists.","errorCode":27561},{"description":"Choose another name."}],"trackingId":"ROUTER_abc"}"#;
        let e = WebexError::from_response(409, body, Some("HEADER_ID".into()));
        assert_eq!(e.status, 409);
        assert_eq!(e.message, "Trunk name already exists.");
        assert_eq!(e.error_codes, vec![27561]);
        assert_eq!(e.tracking_id.as_deref(), Some("ROUTER_abc"));
        assert_eq!(
            e.details().collect::<Vec<_>>(),
            vec!["Choose another name."]
        );
    }

    #[test]
    fn error_message_field_and_header_tracking_id() {
        let e = WebexError::from_response(
            400,
            r#"{"errorMessage":"Invalid field","errors":[{"description":"port must be a number","errorCode":"25024"}]}"#,
            Some("HDR_1".into()),
        );
        assert_eq!(e.message, "Invalid field");
        assert_eq!(e.error_codes, vec![25024]);
        assert_eq!(e.tracking_id.as_deref(), Some("HDR_1"));
    }

    #[test]
    fn description_only_becomes_the_message() {
        let e = WebexError::from_response(
            400,
            r#"{"errors":[{"description":"PSTN for the location is not configured."}]}"#,
            None,
        );
        assert_eq!(e.message, "PSTN for the location is not configured.");
        assert!(e.mentions("pstn for the location is not configured"));
        assert_eq!(e.details().count(), 0);
    }

    #[test]
    fn the_reference_quotes_status_and_tracking_id_when_there_are_any() {
        let with = |tracking: Option<&str>| {
            ApiError::Webex(WebexError::from_response(
                503,
                "{}",
                tracking.map(str::to_owned),
            ))
        };
        assert_eq!(
            with(Some("T_1")).reference().as_deref(),
            Some("HTTP 503, tracking ID T_1")
        );
        assert_eq!(with(None).reference().as_deref(), Some("HTTP 503"));
        assert_eq!(ApiError::Network("offline".into()).reference(), None);
    }

    #[test]
    fn non_json_body_gets_a_message_for_its_status() {
        let e = WebexError::from_response(502, "<html>Bad gateway</html>", None);
        assert_eq!(e.message, "Webex had a problem handling the request.");
        assert!(e.tracking_id.is_none());
        let err = ApiError::Webex(e);
        assert_eq!(err.status(), Some(502));
        assert!(!err.is_unauthorized());
    }

    #[test]
    fn network_and_unexpected_are_their_own_cases() {
        let n = ApiError::Network("Failed to fetch".into());
        assert_eq!(n.status(), None);
        assert!(n.to_string().contains("could not be reached"));
        let u = ApiError::Unexpected {
            status: 200,
            detail: "missing field `id`".into(),
            tracking_id: Some("T".into()),
        };
        assert_eq!(u.tracking_id(), Some("T"));
        assert!(u.write_happened());
        assert!(!n.write_happened());
        let refused = ApiError::Webex(WebexError::from_response(500, "", None));
        assert!(!refused.write_happened());
        assert!(u.to_string().contains("HTTP 200"));
    }
}
