//! The URLs of signing in with Webex: the authorize URL and the token request going out, and
//! Webex's answer coming back in the address. Plain Rust, tested on the host.

use super::pkce::challenge;
use super::verify::Pending;
use crate::api::client::encode_component;
use crate::config::{AppConfig, OAuthConfig};

/// The scopes the console asks for when `config.json` names none.
pub const DEFAULT_SCOPES: &str = "spark:people_read spark-admin:locations_read \
spark-admin:telephony_config_read spark-admin:telephony_config_write \
spark-admin:telephony_pstn_read spark-admin:telephony_pstn_write";

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
    /// `?error=…&error_description=…&state=…` (or in the fragment).
    Error {
        error: String,
        description: Option<String>,
        state: Option<String>,
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
/// none (an ordinary page load). A token counts only in the fragment, as the implicit grant sends
/// it: a query reaches the web host's logs, so `?access_token=` is never used (see
/// [`without_token`]).
pub fn parse_answer(search: &str, hash: &str) -> Option<Answer> {
    let from = |pairs: &[(String, String)], token_allowed: bool| {
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
                state: get("state"),
            });
        }
        if let Some(access_token) = get("access_token").filter(|_| token_allowed) {
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
    from(&pairs(hash), true).or_else(|| from(&pairs(search), false))
}

/// The fields of a token answer, removed from a query that carries them.
const TOKEN_FIELDS: [&str; 6] = [
    "access_token",
    "expires_in",
    "token_type",
    "refresh_token",
    "refresh_token_expires_in",
    "state",
];

/// When a query carries an access token (never used from there), the query without the token's
/// fields (`""` or `?…` of what is left), to put in the address bar at once.
pub fn without_token(search: &str) -> Option<String> {
    let pairs = pairs(search);
    if !pairs.iter().any(|(k, _)| k == "access_token") {
        return None;
    }
    let kept: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(k, _)| !TOKEN_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Some(if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", form(&kept))
    })
}

#[cfg(test)]
mod tests {
    use super::super::verify::tests::pending;
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
                state: Some("S1".into()),
            })
        );
        assert_eq!(
            parse_answer("", "#error=access_denied"),
            Some(Answer::Error {
                error: "access_denied".into(),
                description: None,
                state: None,
            })
        );
        assert_eq!(decode_component("a%2"), "a%2");
        assert_eq!(decode_component("%E2%98%8E%zz"), "☎%zz");
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
    fn a_token_in_the_query_is_never_used_and_is_taken_out_of_the_address() {
        let query = "?access_token=sim_x&expires_in=3600&token_type=Bearer&state=S1";
        assert_eq!(parse_answer(query, ""), None);
        assert_eq!(without_token(query), Some(String::new()));
        assert_eq!(
            without_token("?type=REGISTERING&access_token=sim_x&q=a%20b"),
            Some("?type=REGISTERING&q=a%20b".into())
        );
        assert_eq!(without_token("?type=REGISTERING"), None);
        assert_eq!(without_token(""), None);
        // The fragment still carries a token; the query's is ignored beside it.
        assert!(matches!(
            parse_answer("?access_token=bad", "#access_token=good&state=S1"),
            Some(Answer::Token { access_token, .. }) if access_token == "good"
        ));
        // A code still comes in the query (the code grant).
        assert!(matches!(
            parse_answer("?code=K&state=S1", ""),
            Some(Answer::Code { .. })
        ));
    }
}
