//! The signed-in session: the token (in `sessionStorage` only), the admin, and the API client.

use crate::api::people::{self, Person};
use crate::api::{ApiError, Client, ClientEvent};
use crate::config::AppConfig;
use leptos::prelude::*;

const TOKEN_KEY: &str = "pstn-console.token";

/// Who is signed in, and the client that acts for them.
#[derive(Clone)]
pub struct SignedIn {
    pub me: Person,
    /// The organization's name, when the token may read it.
    pub org_name: Option<String>,
    pub client: Client,
}

/// Why the sign-in page is showing.
#[derive(Clone, Debug, PartialEq)]
pub enum SignedOutReason {
    /// Never signed in, or signed out.
    Fresh,
    /// Webex refused the token mid-session.
    Expired,
}

/// Everything about the session, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    pub state: RwSignal<Option<SignedIn>>,
    pub reason: RwSignal<SignedOutReason>,
    /// Seconds the client is waiting before retrying a call that Webex asked to slow down.
    pub waiting: RwSignal<Option<u32>>,
}

impl Session {
    /// A fresh, signed-out session.
    pub fn new() -> Self {
        Session {
            state: RwSignal::new(None),
            reason: RwSignal::new(SignedOutReason::Fresh),
            waiting: RwSignal::new(None),
        }
    }

    /// The client for a token, reporting waits and expiry back into this session.
    pub fn client_for(self, config: &AppConfig, token: &str) -> Client {
        Client::new(&config.api_base, token).with_observer(move |event| match event {
            ClientEvent::Waiting { seconds, .. } => self.waiting.set(Some(seconds)),
            ClientEvent::Resumed => self.waiting.set(None),
            ClientEvent::Unauthorized => self.expire(),
        })
    }

    /// Marks the session signed in and keeps the token for this browser tab only.
    pub fn sign_in(self, signed_in: SignedIn, token: &str) {
        store_token(Some(token));
        self.reason.set(SignedOutReason::Fresh);
        self.state.set(Some(signed_in));
    }

    /// Forgets the token and the admin.
    pub fn sign_out(self) {
        store_token(None);
        self.reason.set(SignedOutReason::Fresh);
        self.state.set(None);
    }

    /// Webex no longer accepts the token.
    pub fn expire(self) {
        if self.state.get_untracked().is_some() {
            store_token(None);
            self.reason.set(SignedOutReason::Expired);
            self.state.set(None);
        }
    }

    /// The client of the signed-in admin. Pages below the session guard may rely on it.
    pub fn client(self) -> Client {
        self.state
            .with_untracked(|s| s.as_ref().map(|s| s.client.clone()))
            .expect("pages that call the API are shown only to a signed-in admin")
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The token kept from earlier in this tab, if any.
pub fn stored_token() -> Option<String> {
    storage()?
        .get_item(TOKEN_KEY)
        .ok()?
        .filter(|t| !t.is_empty())
}

fn store_token(token: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match token {
            Some(t) => s.set_item(TOKEN_KEY, t),
            None => s.remove_item(TOKEN_KEY),
        };
    }
}

/// Checks a token with `GET /people/me` and learns the organization's name.
pub async fn check_token(client: Client) -> Result<SignedIn, ApiError> {
    let me = people::me(&client).await?;
    // Reading organizations needs a scope not every admin token has; the name is a nicety.
    let org_name = people::organizations(&client)
        .await
        .ok()
        .and_then(|orgs| orgs.into_iter().find(|o| o.id == me.org_id))
        .map(|o| o.display_name);
    Ok(SignedIn {
        me,
        org_name,
        client,
    })
}
