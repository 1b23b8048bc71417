//! Sign in with Webex: the authorize URL, the `state` and PKCE round trip, and reading the answer
//! Webex sends back. Everything above "In the browser" is plain Rust, tested on the host.
//!
//! No client secret exists anywhere: a browser cannot keep one. The implicit grant needs none;
//! the code grant is exchanged with a PKCE verifier instead. The round trip (`state`, verifier,
//! the page the admin was on) lives in `sessionStorage` only from the click to the return.

use crate::api::client::encode_component;
use crate::config::{AppConfig, OAuthConfig};
use serde::{Deserialize, Serialize};

/// The scopes the console asks for when `config.json` names none.
pub const DEFAULT_SCOPES: &str = "spark:people_read spark-admin:locations_read \
spark-admin:telephony_config_read spark-admin:telephony_config_write \
spark-admin:telephony_pstn_read spark-admin:telephony_pstn_write";

/// Where the round trip waits for the return, for this tab only.
const PENDING_KEY: &str = "pstn-console.oauth-pending";

/// Random bytes in `state` (22 characters once encoded).
const STATE_BYTES: usize = 16;
/// Random bytes in the PKCE verifier: 64 characters, within RFC 7636's 43 to 128.
const VERIFIER_BYTES: usize = 48;

/// How the console gets its token from Webex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// `response_type=token`: the token comes back in the URL fragment.
    Implicit,
    /// `response_type=code` with an S256 challenge, exchanged at `/access_token`.
    Pkce,
}

impl Flow {
    /// The flow `config.json` asks for; implicit unless it says `pkce`.
    pub fn of(oauth: &OAuthConfig) -> Flow {
        match oauth.flow.as_deref().map(str::trim) {
            Some("pkce") => Flow::Pkce,
            _ => Flow::Implicit,
        }
    }
}

/// Webex's authorize page: `oauth.authorizeUrl`, or `{apiBase}/authorize`.
pub fn authorize_endpoint(config: &AppConfig, oauth: &OAuthConfig) -> String {
    oauth
        .authorize_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/authorize", config.api_base))
}

/// Where a code is exchanged for a token.
pub fn token_endpoint(config: &AppConfig) -> String {
    format!("{}/access_token", config.api_base)
}

/// `key=value&…`, percent-encoded (as a query string or a form body).
fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the console remembers between sending the admin to Webex and their return.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    pub state: String,
    /// The PKCE verifier; only for the code flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verifier: Option<String>,
    /// Path and query of the page the admin was on.
    #[serde(default)]
    pub return_to: String,
}

/// The authorize URL for a round trip; with a verifier it asks for a code with its challenge.
pub fn authorize_url(config: &AppConfig, oauth: &OAuthConfig, pending: &Pending) -> String {
    let endpoint = authorize_endpoint(config, oauth);
    let scopes = oauth
        .scopes
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(DEFAULT_SCOPES);
    let challenge = pending.verifier.as_deref().map(challenge);
    let mut pairs = vec![
        ("client_id", oauth.client_id.trim()),
        (
            "response_type",
            if challenge.is_some() { "code" } else { "token" },
        ),
        ("redirect_uri", oauth.redirect_uri.trim()),
        ("scope", scopes),
        ("state", pending.state.as_str()),
    ];
    if let Some(challenge) = &challenge {
        pairs.push(("code_challenge", challenge));
        pairs.push(("code_challenge_method", "S256"));
    }
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{separator}{}", form(&pairs))
}

/// The form body that exchanges a code for a token: no secret, the verifier instead.
pub fn token_request_body(oauth: &OAuthConfig, code: &str, verifier: &str) -> String {
    form(&[
        ("grant_type", "authorization_code"),
        ("client_id", oauth.client_id.trim()),
        ("code", code),
        ("redirect_uri", oauth.redirect_uri.trim()),
        ("code_verifier", verifier),
    ])
}

/// Only a path on this site may be returned to (never `//elsewhere` or a full URL).
pub fn safe_return_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\");
    ok.then_some(path)
}

/// What Webex sent back in the URL.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Implicit grant: `#access_token=…&expires_in=…&state=…`.
    Token {
        access_token: String,
        expires_in: Option<u64>,
        state: Option<String>,
    },
    /// Code grant: `?code=…&state=…`.
    Code { code: String, state: Option<String> },
    /// `?error=…&error_description=…` (or in the fragment).
    Error {
        error: String,
        description: Option<String>,
    },
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// Decodes one `application/x-www-form-urlencoded` component.
fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of a query string or fragment (with or without its leading `?` or `#`).
fn pairs(text: &str) -> Vec<(String, String)> {
    text.trim_start_matches(['?', '#'])
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(p), String::new()),
        })
        .collect()
}

/// Reads Webex's answer from `location.search` and `location.hash`; `None` when the URL holds
/// none (an ordinary page load).
pub fn parse_answer(search: &str, hash: &str) -> Option<Answer> {
    let from = |pairs: &[(String, String)]| {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        if let Some(error) = get("error") {
            return Some(Answer::Error {
                error,
                description: get("error_description"),
            });
        }
        if let Some(access_token) = get("access_token") {
            return Some(Answer::Token {
                access_token,
                expires_in: get("expires_in").and_then(|s| s.trim().parse().ok()),
                state: get("state"),
            });
        }
        get("code").map(|code| Answer::Code {
            code,
            state: get("state"),
        })
    };
    from(&pairs(hash)).or_else(|| from(&pairs(search)))
}

/// Why an answer from Webex was not used, in words for the admin.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("You declined the console's request on the Webex page, so you are not signed in.")]
    Declined,
    #[error("Webex did not sign you in: {0}")]
    Failed(String),
    #[error("This sign-in answer was not started from this browser tab, so it was refused and no token was used. Use \"Sign in with Webex\" again.")]
    NotStarted,
    #[error("The answer from Webex does not match the sign-in started in this tab (the state differs), so it was refused and no token was used. Use \"Sign in with Webex\" again.")]
    StateMismatch,
    #[error("Webex answered with a different kind of grant than the one asked for, so it was refused. Use \"Sign in with Webex\" again.")]
    WrongGrant,
    #[error("config.json has no \"oauth\" section, so the code from Webex cannot be exchanged.")]
    NotConfigured,
    #[error("Webex did not give the console a token: {0}")]
    Exchange(String),
}

/// What a checked answer grants.
#[derive(Clone, Debug, PartialEq)]
pub enum Grant {
    Token {
        access_token: String,
        expires_in: Option<u64>,
    },
    Code {
        code: String,
        verifier: String,
    },
}

/// Checks an answer against the round trip this tab started: the `state` must match, and the
/// grant must be the kind that was asked for. Nothing in a refused answer is used.
pub fn verify(answer: Answer, pending: Option<&Pending>) -> Result<Grant, Refusal> {
    let state = match &answer {
        Answer::Error { error, description } => {
            return Err(if error == "access_denied" {
                Refusal::Declined
            } else {
                Refusal::Failed(description.clone().unwrap_or_else(|| error.clone()))
            })
        }
        Answer::Token { state, .. } | Answer::Code { state, .. } => state.as_deref(),
    };
    let pending = pending.ok_or(Refusal::NotStarted)?;
    if state != Some(pending.state.as_str()) {
        return Err(Refusal::StateMismatch);
    }
    match (answer, &pending.verifier) {
        (
            Answer::Token {
                access_token,
                expires_in,
                ..
            },
            None,
        ) => Ok(Grant::Token {
            access_token,
            expires_in,
        }),
        (Answer::Code { code, .. }, Some(verifier)) => Ok(Grant::Code {
            code,
            verifier: verifier.clone(),
        }),
        _ => Err(Refusal::WrongGrant),
    }
}

/// A token granted by Webex, with its lifetime in seconds when Webex said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Granted {
    pub token: String,
    pub expires_in: Option<u64>,
}

impl Granted {
    /// When the token ends, in milliseconds since the epoch, given the time it was received.
    pub fn expires_at(&self, now_ms: f64) -> Option<f64> {
        self.expires_in.map(|s| now_ms + s as f64 * 1000.0)
    }
}

/// Reads the answer of `POST /access_token`.
pub fn read_token_answer(status: u16, body: &str) -> Result<Granted, Refusal> {
    #[derive(Deserialize)]
    struct TokenAnswer {
        access_token: String,
        #[serde(default)]
        expires_in: Option<u64>,
    }
    #[derive(Deserialize, Default)]
    struct ErrorAnswer {
        #[serde(default)]
        error: Option<String>,
        #[serde(default)]
        error_description: Option<String>,
        #[serde(default)]
        message: Option<String>,
    }
    if (200..300).contains(&status) {
        if let Ok(answer) = serde_json::from_str::<TokenAnswer>(body) {
            if !answer.access_token.is_empty() {
                return Ok(Granted {
                    token: answer.access_token,
                    expires_in: answer.expires_in,
                });
            }
        }
        return Err(Refusal::Exchange(format!(
            "its answer (HTTP {status}) holds no access token."
        )));
    }
    let e: ErrorAnswer = serde_json::from_str(body).unwrap_or_default();
    let why = e
        .error_description
        .or(e.message)
        .or(e.error)
        .unwrap_or_else(|| "no reason given.".into());
    Err(Refusal::Exchange(format!("{why} (HTTP {status})")))
}

/// SHA-256 (FIPS 180-4), small enough to carry in the wasm for one PKCE challenge.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, wi) in K.iter().zip(w.iter()) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(*k)
                .wrapping_add(*wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (bytes, word) in out.chunks_exact_mut(4).zip(h) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Base64url without padding (RFC 4648 §5), as OAuth uses it.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The S256 challenge of a PKCE verifier: base64url(SHA-256(verifier)).
pub fn challenge(verifier: &str) -> String {
    base64url(&sha256(verifier.as_bytes()))
}

// In the browser.

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
    let answer = parse_answer(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn config(flow: Option<&str>) -> (AppConfig, OAuthConfig) {
        let oauth = OAuthConfig {
            client_id: "C1".into(),
            redirect_uri: "https://console.example/".into(),
            scopes: Some("spark:people_read spark-admin:locations_read".into()),
            flow: flow.map(Into::into),
            authorize_url: None,
        };
        let config = AppConfig {
            api_base: "http://127.0.0.1:8181/v1".into(),
            oauth: Some(oauth.clone()),
        };
        (config, oauth)
    }

    fn pending(verifier: Option<&str>) -> Pending {
        Pending {
            state: "S1".into(),
            verifier: verifier.map(Into::into),
            return_to: "/trunks?type=REGISTERING".into(),
        }
    }

    #[test]
    fn sha256_matches_known_digests() {
        let hex = |d: [u8; 32]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Two blocks: 56 bytes of message push the length into a second block.
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn base64url_has_no_padding_and_url_safe_characters() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(b"foob"), "Zm9vYg");
        assert_eq!(base64url(&[0xfb, 0xff, 0xfe]), "-__-");
        assert_eq!(base64url(&[0u8; 48]).len(), 64);
        assert_eq!(base64url(&[0u8; 16]).len(), 22);
    }

    #[test]
    fn s256_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn implicit_authorize_url_asks_for_a_token() {
        let (c, o) = config(None);
        assert_eq!(Flow::of(&o), Flow::Implicit);
        assert_eq!(
            authorize_url(&c, &o, &pending(None)),
            "http://127.0.0.1:8181/v1/authorize?client_id=C1&response_type=token\
&redirect_uri=https%3A%2F%2Fconsole.example%2F\
&scope=spark%3Apeople_read%20spark-admin%3Alocations_read&state=S1"
        );
    }

    #[test]
    fn pkce_authorize_url_carries_the_challenge_never_the_verifier() {
        let (c, mut o) = config(Some("pkce"));
        o.authorize_url = Some("https://webexapis.com/v1/authorize?prompt=select_account".into());
        o.scopes = None;
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let url = authorize_url(&c, &o, &pending(Some(verifier)));
        assert!(url.starts_with(
            "https://webexapis.com/v1/authorize?prompt=select_account&client_id=C1&response_type=code&"
        ));
        assert!(url.ends_with(
            "&state=S1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        ));
        assert!(url.contains("scope=spark%3Apeople_read%20spark-admin%3Alocations_read%20"));
        assert!(!url.contains(verifier));
        assert!(!url.contains("secret"));
    }

    #[test]
    fn token_request_sends_the_verifier_and_no_secret() {
        let (c, o) = config(Some("pkce"));
        assert_eq!(token_endpoint(&c), "http://127.0.0.1:8181/v1/access_token");
        let body = token_request_body(&o, "code_1", "v-1.2_3~");
        assert_eq!(
            body,
            "grant_type=authorization_code&client_id=C1&code=code_1\
&redirect_uri=https%3A%2F%2Fconsole.example%2F&code_verifier=v-1.2_3~"
        );
        assert!(!body.contains("secret"));
    }

    #[test]
    fn answers_are_read_from_fragment_or_query() {
        assert_eq!(parse_answer("", ""), None);
        assert_eq!(parse_answer("?type=REGISTERING", "#top"), None);
        assert_eq!(
            parse_answer(
                "",
                "#access_token=sim_a%2Bb&expires_in=1209599&token_type=Bearer&state=S1"
            ),
            Some(Answer::Token {
                access_token: "sim_a+b".into(),
                expires_in: Some(1_209_599),
                state: Some("S1".into()),
            })
        );
        assert_eq!(
            parse_answer("?code=code_1&state=S1", ""),
            Some(Answer::Code {
                code: "code_1".into(),
                state: Some("S1".into()),
            })
        );
        assert_eq!(
            parse_answer(
                "?error=invalid_scope&error_description=Scope+not+allowed&state=S1",
                ""
            ),
            Some(Answer::Error {
                error: "invalid_scope".into(),
                description: Some("Scope not allowed".into()),
            })
        );
        assert_eq!(decode_component("a%2"), "a%2");
        assert_eq!(decode_component("%E2%98%8E%zz"), "☎%zz");
    }

    #[test]
    fn only_the_round_trip_this_tab_started_is_used() {
        let token = |state: &str| Answer::Token {
            access_token: "T".into(),
            expires_in: Some(60),
            state: Some(state.into()),
        };
        let code = |state: &str| Answer::Code {
            code: "K".into(),
            state: Some(state.into()),
        };
        assert_eq!(
            verify(token("S1"), Some(&pending(None))),
            Ok(Grant::Token {
                access_token: "T".into(),
                expires_in: Some(60)
            })
        );
        assert_eq!(
            verify(code("S1"), Some(&pending(Some("V")))),
            Ok(Grant::Code {
                code: "K".into(),
                verifier: "V".into()
            })
        );
        assert_eq!(
            verify(token("wrong"), Some(&pending(None))),
            Err(Refusal::StateMismatch)
        );
        let no_state = Answer::Token {
            access_token: "T".into(),
            expires_in: None,
            state: None,
        };
        assert_eq!(
            verify(no_state, Some(&pending(None))),
            Err(Refusal::StateMismatch)
        );
        assert_eq!(verify(token("S1"), None), Err(Refusal::NotStarted));
        // A token when a code was asked for (or the reverse) is not what this tab started.
        assert_eq!(
            verify(token("S1"), Some(&pending(Some("V")))),
            Err(Refusal::WrongGrant)
        );
        assert_eq!(
            verify(code("S1"), Some(&pending(None))),
            Err(Refusal::WrongGrant)
        );
        let denied = Answer::Error {
            error: "access_denied".into(),
            description: None,
        };
        assert_eq!(verify(denied, None), Err(Refusal::Declined));
        assert!(Refusal::StateMismatch.to_string().contains("refused"));
    }

    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(safe_return_path("/trunks?x=1"), Some("/trunks?x=1"));
        assert_eq!(safe_return_path("//evil.example/"), None);
        assert_eq!(safe_return_path("/\\evil.example/"), None);
        assert_eq!(safe_return_path("https://evil.example/"), None);
        assert_eq!(safe_return_path(""), None);
    }

    #[test]
    fn token_answers_and_errors_are_read() {
        assert_eq!(
            read_token_answer(
                200,
                r#"{"access_token":"T","expires_in":1209599,"token_type":"Bearer","scope":"a"}"#
            ),
            Ok(Granted {
                token: "T".into(),
                expires_in: Some(1_209_599)
            })
        );
        assert_eq!(
            read_token_answer(
                400,
                r#"{"message":"x","error":"invalid_grant","error_description":"code_verifier does not match the code_challenge."}"#
            ),
            Err(Refusal::Exchange(
                "code_verifier does not match the code_challenge. (HTTP 400)".into()
            ))
        );
        assert!(matches!(
            read_token_answer(200, "<html>"),
            Err(Refusal::Exchange(_))
        ));
        let g = Granted {
            token: "T".into(),
            expires_in: Some(90),
        };
        assert_eq!(g.expires_at(1_000.0), Some(91_000.0));
    }
}
