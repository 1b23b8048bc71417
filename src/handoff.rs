//! The two apps of one page: `pstn-sign-in`, the sign-in form alone (what a tab that is not signed
//! in downloads first), and `pstn-console`, everything. `index.html` starts the one the tab needs;
//! the sign-in asks for the console as soon as its form shows ([`prefetch_console`]) and, once a
//! token is checked, hands over to it ([`Handoff::open_console`]): the console starts signed in
//! with what the sign-in learnt, without asking Webex again, and the sign-in app leaves the page.
//!
//! What is handed over lives in this tab's memory only (a global of the window, read once).

use crate::api::people::{Organization, Person};
use crate::config::AppConfig;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// Where the sign-in leaves the handoff for the console (a JSON string on `window`).
const GLOBAL: &str = "pstnSignedIn";

/// What the sign-in app learnt, for the console to start with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handoff {
    pub config: AppConfig,
    pub token: String,
    pub me: Person,
    pub orgs: Vec<Organization>,
}

impl Handoff {
    /// The handoff as text, and back; `None` for text that is not one (or has no token).
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_text(text: &str) -> Option<Handoff> {
        serde_json::from_str::<Handoff>(text)
            .ok()
            .filter(|h| !h.token.is_empty())
    }

    /// The handoff the sign-in left, taken so that it is used once.
    pub fn take() -> Option<Handoff> {
        let window = web_sys::window()?;
        let key = JsValue::from_str(GLOBAL);
        let text = js_sys::Reflect::get(&window, &key).ok()?.as_string();
        let _ = js_sys::Reflect::delete_property(&window, &key);
        Handoff::from_text(&text?)
    }

    /// Keeps the token for this tab, leaves the handoff and starts the console (the sign-in app
    /// leaves the page once it has). The error, in words, if the console could not be loaded.
    pub async fn open_console(self) -> Result<(), String> {
        let window = web_sys::window().ok_or("no browser window")?;
        // A reload from here on opens the console, which then checks the kept token itself.
        crate::session::keep_token(&self.token);
        let key = JsValue::from_str(GLOBAL);
        let _ = js_sys::Reflect::set(&window, &key, &JsValue::from_str(&self.to_text()));
        let started = apps_call("start").map(wasm_bindgen_futures::JsFuture::from);
        let result = match started {
            Some(started) => started.await.map(drop).map_err(|e| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| e.as_string())
                    .unwrap_or_else(|| "it did not start".into())
            }),
            None => Err("this page has no start-up script".into()),
        };
        let _ = js_sys::Reflect::delete_property(&window, &key);
        if result.is_ok() {
            crate::leave_sign_in();
        }
        result
    }
}

/// Asks for the console's files now, so that signing in opens it at once.
pub fn prefetch_console() {
    let _ = apps_call("prefetch");
}

/// `window.pstnApps[method]("console")` of `index.html`'s start-up script: a promise, for
/// `start`.
fn apps_call(method: &str) -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let apps = js_sys::Reflect::get(&window, &JsValue::from_str("pstnApps")).ok()?;
    let function = js_sys::Reflect::get(&apps, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let answer = function.call1(&apps, &JsValue::from_str("console")).ok()?;
    answer.dyn_into::<js_sys::Promise>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handoff() -> Handoff {
        Handoff {
            config: crate::config::parse(Some(
                r#"{"apiBase":"http://127.0.0.1:8081/v1","oauth":{"clientId":"C","redirectUri":"https://x/","flow":"pkce"}}"#,
            ))
            .unwrap(),
            token: "T".into(),
            me: Person {
                id: "P".into(),
                display_name: "Dana Admin".into(),
                emails: vec!["dana@example.com".into()],
                org_id: "O".into(),
            },
            orgs: vec![Organization {
                id: "O".into(),
                display_name: "Acme".into(),
            }],
        }
    }

    #[test]
    fn a_handoff_reaches_the_console_whole() {
        let h = handoff();
        assert_eq!(Handoff::from_text(&h.to_text()), Some(h));
    }

    #[test]
    fn anything_else_is_no_handoff() {
        assert_eq!(Handoff::from_text(""), None);
        assert_eq!(Handoff::from_text("{}"), None);
        let mut h = handoff();
        h.token.clear();
        assert_eq!(Handoff::from_text(&h.to_text()), None);
    }
}
