//! Sign in with Webex: the authorize URL, the `state` and PKCE round trip, and reading the answer
//! Webex sends back. The rules are plain Rust modules tested on the host ([`url`]: the URLs out
//! and the answer in; [`verify`]: the `state` round trip and the token answer; [`pkce`]: the
//! S256 challenge); this file is the browser glue (storage, random numbers, the address bar,
//! the token exchange).
//!
//! No client secret exists anywhere: a browser cannot keep one. The implicit grant needs none;
//! the code grant is exchanged with a PKCE verifier instead. The round trip (`state`, verifier,
//! the page the admin was on) lives in `sessionStorage` only from the click to the return.

pub mod pkce;
pub mod url;
pub mod verify;

pub use pkce::{base64url, challenge, sha256};
pub use url::{
    authorize_endpoint, authorize_url, parse_answer, safe_return_path, token_endpoint,
    token_request_body, Answer, Flow, DEFAULT_SCOPES,
};
pub use verify::{read_token_answer, verify, Grant, Granted, Pending, Refusal};

use crate::config::{AppConfig, OAuthConfig};

/// Where the round trip waits for the return, for this tab only.
const PENDING_KEY: &str = "pstn-console.oauth-pending";

/// Random bytes in `state` (22 characters once encoded).
const STATE_BYTES: usize = 16;
/// Random bytes in the PKCE verifier: 64 characters, within RFC 7636's 43 to 128.
const VERIFIER_BYTES: usize = 48;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// `bytes` random bytes from `crypto.getRandomValues`, base64url-encoded.
fn random_text(bytes: usize) -> Result<String, String> {
    let mut buffer = vec![0u8; bytes];
    web_sys::window()
        .ok_or("no browser window")?
        .crypto()
        .map_err(|_| "this browser offers no secure random numbers")?
        .get_random_values_with_u8_array(&mut buffer)
        .map_err(|_| "this browser refused to give secure random numbers")?;
    Ok(base64url(&buffer))
}

/// A sign-in ready to start: the authorize URL and what to remember for the return.
#[derive(Clone, Debug)]
pub struct Start {
    pub url: String,
    pending: Pending,
}

impl Start {
    /// A fresh `state` (and verifier for PKCE) and the authorize URL that carries them.
    pub fn new(config: &AppConfig, oauth: &OAuthConfig) -> Result<Start, String> {
        let verifier = match Flow::of(oauth) {
            Flow::Pkce => Some(random_text(VERIFIER_BYTES)?),
            Flow::Implicit => None,
        };
        let pending = Pending {
            state: random_text(STATE_BYTES)?,
            verifier,
            return_to: String::new(),
        };
        Ok(Start {
            url: authorize_url(config, oauth, &pending),
            pending,
        })
    }

    /// Remembers the round trip and the page the admin is on, just before leaving for Webex.
    pub fn remember(&self) -> Result<(), String> {
        let location = web_sys::window().ok_or("no browser window")?.location();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let query = location.search().unwrap_or_default();
        let pending = Pending {
            return_to: format!("{path}{query}"),
            ..self.pending.clone()
        };
        let text = serde_json::to_string(&pending).map_err(|e| e.to_string())?;
        session_storage()
            .ok_or("this browser does not let the console keep data for this tab")?
            .set_item(PENDING_KEY, &text)
            .map_err(|_| "this browser does not let the console keep data for this tab".into())
    }
}

/// The round trip this tab started, removed from storage as it is read: it is used once.
fn take_pending() -> Option<Pending> {
    let storage = session_storage()?;
    let text = storage.get_item(PENDING_KEY).ok().flatten();
    let _ = storage.remove_item(PENDING_KEY);
    serde_json::from_str(&text?).ok()
}

/// Webex's answer as the page received it, with the round trip it should belong to.
#[derive(Clone, Debug)]
pub struct Returned {
    answer: Answer,
    pending: Option<Pending>,
}

/// At startup: when the URL holds Webex's answer, takes it out of the URL at once (replacing it
/// with the page the admin was on) and returns it with the round trip it should belong to.
pub fn take_return() -> Option<Returned> {
    let window = web_sys::window()?;
    let location = window.location();
    let mut search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    // A token in the query is never used, and leaves the address bar at once.
    if let Some(query) = url::without_token(&search) {
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = window.history() {
            let to = format!("{path}{query}{hash}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
        }
        search = query;
    }
    let answer = parse_answer(&search, &hash)?;
    let pending = take_pending();
    let to = pending
        .as_ref()
        .and_then(|p| safe_return_path(&p.return_to).map(str::to_string))
        .or_else(|| location.pathname().ok())
        .unwrap_or_else(|| "/".into());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
    }
    Some(Returned { answer, pending })
}

/// Checks the answer and, for the code flow, exchanges the code for a token.
pub async fn complete(config: &AppConfig, returned: Returned) -> Result<Granted, Refusal> {
    match verify(returned.answer, returned.pending.as_ref())? {
        Grant::Token {
            access_token,
            expires_in,
        } => Ok(Granted {
            token: access_token,
            expires_in,
        }),
        Grant::Code { code, verifier } => {
            let oauth = config.oauth.as_ref().ok_or(Refusal::NotConfigured)?;
            exchange(config, oauth, &code, &verifier).await
        }
    }
}

/// `POST /access_token`, form-encoded (a request that needs no CORS preflight).
async fn exchange(
    config: &AppConfig,
    oauth: &OAuthConfig,
    code: &str,
    verifier: &str,
) -> Result<Granted, Refusal> {
    let unreachable =
        |e: gloo_net::Error| Refusal::Exchange(format!("it could not be reached ({e})."));
    let response = gloo_net::http::Request::post(&token_endpoint(config))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .body(token_request_body(oauth, code, verifier))
        .map_err(unreachable)?
        .send()
        .await
        .map_err(unreachable)?;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    read_token_answer(status, &body)
}
