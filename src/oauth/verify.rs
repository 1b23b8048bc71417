//! The `state` round trip of signing in with Webex: what this tab remembers between leaving for
//! Webex and coming back, the check of Webex's answer against it, and the token exchange's
//! answer. Plain Rust, tested on the host.

use super::url::Answer;
use serde::{Deserialize, Serialize};

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

/// Why an answer from Webex was not used, in words for the admin.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("You declined the console's request on the Webex page, so you are not signed in.")]
    Declined,
    #[error("Webex did not sign you in: {0}")]
    Failed(String),
    #[error("This sign-in answer did not come from a sign-in started here.")]
    Foreign,
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
        Answer::Error { state, .. } | Answer::Token { state, .. } | Answer::Code { state, .. } => {
            state.as_deref()
        }
    };
    let ours = pending.is_some_and(|p| state == Some(p.state.as_str()));
    // Anyone can make a link with `#error=…&error_description=<their words>`: an error is shown
    // in Webex's words only when it answers a sign-in this tab started.
    if let Answer::Error {
        error, description, ..
    } = &answer
    {
        return Err(match (ours, error.as_str()) {
            (false, _) => Refusal::Foreign,
            (true, "access_denied") => Refusal::Declined,
            (true, _) => Refusal::Failed(description.clone().unwrap_or_else(|| error.clone())),
        });
    }
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A round trip started with state `S1` (and a verifier for the code flow).
    pub(in crate::oauth) fn pending(verifier: Option<&str>) -> Pending {
        Pending {
            state: "S1".into(),
            verifier: verifier.map(Into::into),
            return_to: "/trunks?type=REGISTERING".into(),
        }
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
            state: Some("S1".into()),
        };
        assert_eq!(
            verify(denied.clone(), Some(&pending(None))),
            Err(Refusal::Declined)
        );
        assert_eq!(verify(denied, None), Err(Refusal::Foreign));
        assert!(Refusal::StateMismatch.to_string().contains("refused"));
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

    #[test]
    fn an_error_answer_is_in_webex_words_only_with_our_state() {
        let error = |state: Option<&str>| Answer::Error {
            error: "server_error".into(),
            description: Some("Call 555-0100 to restore your account".into()),
            state: state.map(Into::into),
        };
        assert_eq!(
            verify(error(Some("S1")), Some(&pending(None))),
            Err(Refusal::Failed(
                "Call 555-0100 to restore your account".into()
            ))
        );
        for (state, pending) in [
            (None, Some(pending(None))),
            (Some("forged"), Some(pending(None))),
            (Some("S1"), None),
            (None, None),
        ] {
            let refusal = verify(error(state), pending.as_ref()).unwrap_err();
            assert_eq!(refusal, Refusal::Foreign);
            assert_eq!(
                refusal.to_string(),
                "This sign-in answer did not come from a sign-in started here."
            );
            assert!(!refusal.to_string().contains("555"));
        }
    }
}
