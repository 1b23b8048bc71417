//! The signed-in session: the token and its expiry (in `sessionStorage` only), the admin, and the
//! API client.

use crate::api::people::{self, Organization, Person};
use crate::api::{ApiError, Client, ClientEvent};
use crate::config::AppConfig;
use leptos::prelude::*;

const TOKEN_KEY: &str = "pstn-console.token";
/// When the token ends, in milliseconds since the epoch; absent for pasted tokens.
const EXPIRES_KEY: &str = "pstn-console.token-expires";

/// Who is signed in, and the client that acts for them.
#[derive(Clone)]
pub struct SignedIn {
    pub me: Person,
    /// The organization's name, when the token may read it.
    pub org_name: Option<String>,
    /// Every organization the admin may manage (more than one for partner admins).
    pub orgs: Vec<Organization>,
    pub client: Client,
}

/// Why the sign-in page is showing.
#[derive(Clone, Debug, PartialEq)]
pub enum SignedOutReason {
    /// Never signed in, or signed out.
    Fresh,
    /// Webex refused the token mid-session, or its time ran out.
    Expired,
    /// A sign-in with Webex came back and was not used; the words say why.
    Refused(String),
}

/// Everything about the session, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    pub state: RwSignal<Option<SignedIn>>,
    pub reason: RwSignal<SignedOutReason>,
    /// Seconds the client is waiting before retrying a call that Webex asked to slow down.
    pub waiting: RwSignal<Option<u32>>,
    /// The customer organization a partner admin acts on; `None` is the admin's own.
    pub acting_org: RwSignal<Option<Organization>>,
    /// When the token ends (milliseconds since the epoch, by this browser's clock). `None` when
    /// Webex did not say: a pasted token's life is not known.
    pub expires_at: RwSignal<Option<f64>>,
}

impl Session {
    /// A fresh, signed-out session.
    pub fn new() -> Self {
        Session {
            state: RwSignal::new(None),
            reason: RwSignal::new(SignedOutReason::Fresh),
            waiting: RwSignal::new(None),
            acting_org: RwSignal::new(None),
            expires_at: RwSignal::new(None),
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

    /// Marks the session signed in with a token of unknown life (pasted), kept for this
    /// browser tab only.
    pub fn sign_in(self, signed_in: SignedIn, token: &str) {
        self.sign_in_until(signed_in, token, None);
    }

    /// Marks the session signed in and keeps the token, with when it ends, for this tab only.
    pub fn sign_in_until(self, signed_in: SignedIn, token: &str, expires_at: Option<f64>) {
        store_token(Some((token, expires_at)));
        self.expires_at.set(expires_at);
        self.reason.set(SignedOutReason::Fresh);
        self.state.set(Some(signed_in));
    }

    /// A sign-in with Webex was not used: the sign-in page says why.
    pub fn refuse(self, message: String) {
        self.reason.set(SignedOutReason::Refused(message));
    }

    /// Forgets the token and the admin.
    pub fn sign_out(self) {
        store_token(None);
        // The admin goes first, so the pages that need one are gone before the rest changes.
        self.state.set(None);
        self.expires_at.set(None);
        self.acting_org.set(None);
        self.reason.set(SignedOutReason::Fresh);
    }

    /// Webex no longer accepts the token, or its time ran out.
    pub fn expire(self) {
        if self.state.get_untracked().is_some() {
            self.forget_expired_token();
            self.state.set(None);
        }
    }

    /// The token kept in this tab has ended (found at startup): forget it and say so.
    pub fn forget_expired_token(self) {
        store_token(None);
        self.expires_at.set(None);
        self.reason.set(SignedOutReason::Expired);
    }

    /// The client of the signed-in admin, acting on the chosen organization. Pages below the
    /// session guard may rely on it.
    pub fn client(self) -> Client {
        let org = self
            .acting_org
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()));
        self.state
            .with_untracked(|s| s.as_ref().map(|s| s.client.clone()))
            .expect("pages that call the API are shown only to a signed-in admin")
            .with_org(org.as_deref())
    }

    /// Acts on another organization (partner admins); `None` goes back to the admin's own.
    pub fn switch_org(self, org: Option<Organization>) {
        let own = self
            .state
            .with_untracked(|s| s.as_ref().map(|s| s.me.org_id.clone()));
        self.acting_org
            .set(org.filter(|o| Some(&o.id) != own.as_ref()));
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

/// When the stored token ends, if Webex said so when it was granted.
pub fn stored_expiry() -> Option<f64> {
    storage()?
        .get_item(EXPIRES_KEY)
        .ok()??
        .parse()
        .ok()
        .filter(|at: &f64| at.is_finite())
}

fn store_token(token: Option<(&str, Option<f64>)>) {
    let Some(s) = storage() else { return };
    let _ = match token {
        Some((t, expires_at)) => s.set_item(TOKEN_KEY, t).and_then(|()| match expires_at {
            Some(at) => s.set_item(EXPIRES_KEY, &format!("{at:.0}")),
            None => s.remove_item(EXPIRES_KEY),
        }),
        None => s
            .remove_item(TOKEN_KEY)
            .and_then(|()| s.remove_item(EXPIRES_KEY)),
    };
}

/// Checks a token with `GET /people/me` and learns the organization's name.
pub async fn check_token(client: Client) -> Result<SignedIn, ApiError> {
    let me = people::me(&client).await?;
    // Reading organizations needs a scope not every admin token has; the names are a nicety.
    let orgs = people::organizations(&client).await.unwrap_or_default();
    let org_name = orgs
        .iter()
        .find(|o| o.id == me.org_id)
        .map(|o| o.display_name.clone());
    Ok(SignedIn {
        me,
        org_name,
        orgs,
        client,
    })
}
