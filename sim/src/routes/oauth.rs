//! Sign-in: `GET /v1/authorize` (implicit grant or code with PKCE) and `POST /v1/access_token`.
//! Tokens issued here act as the demo administrator. No client secret is ever required.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::call::Call;
use crate::errors::ApiError;
use crate::ids::unique_token;
use crate::seed::DEMO_ADMIN_TOKEN;
use crate::state::{AppState, AuthCode, Db, Token, ADMIN_SCOPES};

/// Webex access tokens live 14 days.
pub const TOKEN_LIFETIME_SECS: u64 = 1_209_599;
const CODE_LIFETIME: Duration = Duration::from_secs(600);

pub async fn authorize(State(state): State<AppState>, call: Call) -> Response {
    let client_id = call.param("client_id").unwrap_or_default();
    let redirect_uri = call.param("redirect_uri").unwrap_or_default();
    if client_id.is_empty()
        || !(redirect_uri.starts_with("http://") || redirect_uri.starts_with("https://"))
    {
        return (
            StatusCode::BAD_REQUEST,
            Html(page("Sign-in failed", "<p>The request needs a <code>client_id</code> and an http(s) <code>redirect_uri</code>.</p>")),
        )
            .into_response();
    }
    let oauth_state = call.param("state");
    let fail = |error: &str| {
        let mut params = vec![("error", error)];
        if let Some(s) = oauth_state {
            params.push(("state", s));
        }
        found(&with_params(redirect_uri, '?', &params))
    };
    let response_type = call.param("response_type").unwrap_or_default();
    if response_type != "token" && response_type != "code" {
        return fail("unsupported_response_type");
    }
    let challenge = call.param("code_challenge").filter(|c| !c.is_empty());
    if challenge.is_some() && call.param("code_challenge_method") != Some("S256") {
        return fail("invalid_request");
    }
    match call.param("consent") {
        Some("deny") => return fail("access_denied"),
        Some("accept") => {}
        _ if state.config.oauth_auto => {}
        _ => return Html(consent_page(&call)).into_response(),
    }

    let scopes = granted_scopes(call.param("scope").unwrap_or_default());
    let mut sim = state.lock();
    if response_type == "token" {
        let token = issue_token(&mut sim.db, scopes);
        let expires = TOKEN_LIFETIME_SECS.to_string();
        let mut params = vec![
            ("access_token", token.as_str()),
            ("expires_in", expires.as_str()),
            ("token_type", "Bearer"),
        ];
        if let Some(s) = oauth_state {
            params.push(("state", s));
        }
        return found(&with_params(redirect_uri, '#', &params));
    }
    let code = unique_token("code_");
    sim.db.codes.insert(
        code.clone(),
        AuthCode {
            client_id: client_id.to_string(),
            redirect_uri: redirect_uri.to_string(),
            challenge: challenge.map(str::to_string),
            scopes,
            issued: Instant::now(),
        },
    );
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = oauth_state {
        params.push(("state", s));
    }
    found(&with_params(redirect_uri, '?', &params))
}

/// The requested scopes the demo administrator holds; all of them when none are named.
fn granted_scopes(requested: &str) -> Vec<String> {
    let granted: Vec<String> = requested
        .split([' ', '+', ','])
        .filter(|s| ADMIN_SCOPES.contains(s))
        .map(str::to_string)
        .collect();
    if granted.is_empty() {
        ADMIN_SCOPES.iter().map(|s| s.to_string()).collect()
    } else {
        granted
    }
}

fn issue_token(db: &mut Db, scopes: Vec<String>) -> String {
    let person_id = db.tokens[DEMO_ADMIN_TOKEN].person_id.clone();
    let token = unique_token("sim_");
    db.tokens.insert(
        token.clone(),
        Token {
            person_id,
            scopes,
            expires_at: Some(Instant::now() + Duration::from_secs(TOKEN_LIFETIME_SECS)),
        },
    );
    token
}

/// A 302, as OAuth servers answer (axum's `Redirect` offers 303, 307 and 308).
fn found(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(v) => (StatusCode::FOUND, [(header::LOCATION, v)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn with_params(base: &str, separator: char, params: &[(&str, &str)]) -> String {
    let encoded = serde_urlencoded::to_string(params).unwrap_or_default();
    let separator = if separator == '?' && base.contains('?') {
        '&'
    } else {
        separator
    };
    format!("{base}{separator}{encoded}")
}

fn oauth_error(error: &str, description: &str) -> ApiError {
    let mut e = ApiError::bad_request(400, description);
    e.extra.insert("error".into(), json!(error));
    e.extra
        .insert("error_description".into(), json!(description));
    e
}

pub async fn access_token(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
        .ok()
        .or_else(|| {
            serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&body)
                .ok()
                .map(|m| {
                    m.into_iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
                        .collect()
                })
        })
        .unwrap_or_default();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    if field("grant_type") != "authorization_code" {
        return Err(oauth_error(
            "unsupported_grant_type",
            "grant_type must be authorization_code.",
        ));
    }
    let mut sim = state.lock();
    let Some(grant) = sim.db.codes.remove(field("code")) else {
        return Err(oauth_error(
            "invalid_grant",
            "The authorization code is unknown or was already used.",
        ));
    };
    if grant.issued.elapsed() > CODE_LIFETIME {
        return Err(oauth_error(
            "invalid_grant",
            "The authorization code has expired.",
        ));
    }
    if field("client_id") != grant.client_id {
        return Err(oauth_error(
            "invalid_client",
            "client_id does not match the authorization request.",
        ));
    }
    if !field("redirect_uri").is_empty() && field("redirect_uri") != grant.redirect_uri {
        return Err(oauth_error(
            "invalid_grant",
            "redirect_uri does not match the authorization request.",
        ));
    }
    if let Some(challenge) = &grant.challenge {
        let verifier = field("code_verifier");
        let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        if verifier.is_empty() || &computed != challenge {
            return Err(oauth_error(
                "invalid_grant",
                "code_verifier does not match the code_challenge.",
            ));
        }
    }
    let scope = grant.scopes.join(" ");
    let token = issue_token(&mut sim.db, grant.scopes);
    let mut response = Json(json!({
        "access_token": token,
        "expires_in": TOKEN_LIFETIME_SECS,
        "token_type": "Bearer",
        "scope": scope,
    }))
    .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}}\
button{{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}}</style></head>\
<body><h1>{title}</h1>{body}</body></html>"
    )
}

fn consent_page(call: &Call) -> String {
    let hidden: String = call
        .params
        .iter()
        .filter(|(k, _)| k != "consent")
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                escape(k),
                escape(v)
            )
        })
        .collect();
    let scopes: String = call
        .param("scope")
        .unwrap_or_default()
        .split([' ', '+'])
        .filter(|s| !s.is_empty())
        .map(|s| format!("<li><code>{}</code></li>", escape(s)))
        .collect();
    page(
        "Webex simulator sign-in",
        &format!(
            "<p>The application <code>{}</code> asks to act as <strong>Dana Admin</strong> \
(dana.admin@acme-demo.example) with these scopes:</p><ul>{scopes}</ul>\
<form method=\"get\" action=\"/v1/authorize\">{hidden}\
<button type=\"submit\" name=\"consent\" value=\"accept\">Accept</button>\
<button type=\"submit\" name=\"consent\" value=\"deny\">Decline</button></form>",
            escape(call.param("client_id").unwrap_or_default())
        ),
    )
}
