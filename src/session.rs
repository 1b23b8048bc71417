//! The signed-in session: the token and its expiry (in `sessionStorage` only), the admin, the
//! organization acted on, and the API client.
//!
//! ## Data of one account
//!
//! Drafts, kept selections and kept lists belong to one account: one admin acting on one
//! organization. They are restored only to that account: [`Session::forget_account_data`] is the
//! one place that drops all of them, and it runs on sign-out, on a switch to another
//! organization, and when someone other than the previous account signs in (a sign-in again
//! after a 401 or an expiry, by the same admin on the same organization, keeps everything).
//! Anything new that is kept per account goes either
//! - in `sessionStorage` under a key starting with one of [`ACCOUNT_DATA_PREFIXES`]
//!   (`pstn-console.draft.` for form drafts, `pstn-console.kept.` for kept selections and
//!   lists): it is removed with no further code; or
//! - in memory: add a line that empties it to [`Session::forget_account_data`].

use crate::api::people::{self, Organization, Person};
use crate::api::{ApiError, Client, ClientEvent};
use crate::config::AppConfig;
use crate::kept_lists::KeptLists;
use leptos::prelude::*;

const TOKEN_KEY: &str = "pstn-console.token";
/// When the token ends, in milliseconds since the epoch; absent for pasted tokens.
const EXPIRES_KEY: &str = "pstn-console.token-expires";
/// The customer organization a partner admin chose for this tab (its id), beside the token.
const ORG_KEY: &str = "pstn-console.acting-org";
/// The account the data under [`ACCOUNT_DATA_PREFIXES`] belongs to (see [`account_key`]).
const OWNER_KEY: &str = "pstn-console.account";

/// `sessionStorage` key prefixes of data that belongs to one account (admin + organization):
/// everything under them is removed by [`Session::forget_account_data`].
pub const ACCOUNT_DATA_PREFIXES: &[&str] = &["pstn-console.draft.", "pstn-console.kept."];

/// True when a `sessionStorage` key holds data of one account.
pub fn is_account_data(key: &str) -> bool {
    ACCOUNT_DATA_PREFIXES.iter().any(|p| key.starts_with(p))
}

/// Who kept data belongs to: the admin and the organization acted on.
pub fn account_key(person_id: &str, org_id: &str) -> String {
    format!("{person_id} {org_id}")
}

/// The organization to act on after signing in: the one asked for (kept from before), when the
/// admin may act on it and it is not their own; else their own (`None`).
pub fn acting_org_for(
    wanted: Option<&str>,
    own_org_id: &str,
    orgs: &[Organization],
) -> Option<Organization> {
    let wanted = wanted.filter(|id| *id != own_org_id)?;
    orgs.iter().find(|o| o.id == wanted).cloned()
}

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

impl SignedIn {
    /// The admin, the organizations they may manage, and their client.
    pub fn new(me: Person, orgs: Vec<Organization>, client: Client) -> Self {
        let org_name = orgs
            .iter()
            .find(|o| o.id == me.org_id)
            .map(|o| o.display_name.clone());
        SignedIn {
            me,
            org_name,
            orgs,
            client,
        }
    }
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
    /// Notified whenever the data of the account is dropped ([`Session::forget_account_data`]):
    /// what is kept in memory outside the session empties itself when it fires.
    pub account_changed: Trigger,
    /// The lists kept for this admin and organization (emptied by
    /// [`Session::forget_account_data`]).
    pub kept: KeptLists,
}

/// A client for `token` at `api_base` that keeps `waiting` to the seconds it waits before
/// sending a call again (Webex answered 429 or 423; `None` once it sends), and calls
/// `unauthorized` when Webex refuses the token. The console's session and the sign-in app both
/// report waits so.
pub fn reporting_client(
    api_base: &str,
    token: &str,
    waiting: RwSignal<Option<u32>>,
    unauthorized: impl Fn() + Send + Sync + 'static,
) -> Client {
    Client::new(api_base, token).with_observer(move |event| match event {
        ClientEvent::Waiting { seconds, .. } => waiting.set(Some(seconds)),
        ClientEvent::Resumed => waiting.set(None),
        ClientEvent::Unauthorized => unauthorized(),
    })
}

impl Session {
    /// A fresh, signed-out session.
    pub fn new() -> Self {
        let state = RwSignal::new(None);
        let acting_org = RwSignal::new(None);
        Session {
            state,
            reason: RwSignal::new(SignedOutReason::Fresh),
            waiting: RwSignal::new(None),
            acting_org,
            expires_at: RwSignal::new(None),
            account_changed: Trigger::new(),
            kept: KeptLists::new(move || client_of(state, acting_org)),
        }
    }

    /// The client for a token, reporting waits and expiry back into this session.
    pub fn client_for(self, config: &AppConfig, token: &str) -> Client {
        reporting_client(&config.api_base, token, self.waiting, move || self.expire())
    }

    /// Marks the session signed in with a token of unknown life (pasted), kept for this
    /// browser tab only.
    pub fn sign_in(self, signed_in: SignedIn, token: &str) {
        self.sign_in_until(signed_in, token, None);
    }

    /// Marks the session signed in and keeps the token, with when it ends, for this tab only.
    /// The organization acted on before (in memory after a 401, or kept for this tab over a
    /// reload) is acted on again if this admin may; the data kept for another account is dropped.
    pub fn sign_in_until(self, signed_in: SignedIn, token: &str, expires_at: Option<f64>) {
        let wanted = self
            .acting_org
            .get_untracked()
            .map(|o| o.id)
            .or_else(stored_org);
        let acting = acting_org_for(wanted.as_deref(), &signed_in.me.org_id, &signed_in.orgs);
        let account = account_key(
            &signed_in.me.id,
            acting.as_ref().map_or(&signed_in.me.org_id, |o| &o.id),
        );
        if stored(OWNER_KEY).as_deref() != Some(account.as_str()) {
            self.forget_account_data();
        }
        store(OWNER_KEY, Some(&account));
        store(ORG_KEY, acting.as_ref().map(|o| o.id.as_str()));
        store_token(Some((token, expires_at)));
        self.expires_at.set(expires_at);
        self.reason.set(SignedOutReason::Fresh);
        self.acting_org.set(acting);
        self.state.set(Some(signed_in));
    }

    /// A sign-in with Webex was not used: the sign-in page says why.
    pub fn refuse(self, message: String) {
        self.reason.set(SignedOutReason::Refused(message));
    }

    /// Forgets the token, the admin, the organization acted on and every draft, kept selection
    /// and kept list.
    pub fn sign_out(self) {
        store_token(None);
        store(ORG_KEY, None);
        // The admin goes first, so the pages that need one are gone before the rest changes.
        self.state.set(None);
        self.expires_at.set(None);
        self.acting_org.set(None);
        self.reason.set(SignedOutReason::Fresh);
        self.forget_account_data();
        store(OWNER_KEY, None);
    }

    /// THE one place that drops everything kept for one account (admin + organization): every
    /// `sessionStorage` entry under [`ACCOUNT_DATA_PREFIXES`] (drafts, kept selections, kept
    /// lists) and what is kept in memory. Called on sign-out, on a switch of organization, and
    /// when another account signs in. Memory kept per account: empty it here.
    pub fn forget_account_data(self) {
        if let Some(s) = storage() {
            let keys: Vec<String> = (0..s.length().unwrap_or(0))
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| is_account_data(k))
                .collect();
            for key in keys {
                let _ = s.remove_item(&key);
            }
        }
        self.kept.clear();
        self.account_changed.notify();
    }

    /// The kept token could not be checked (Webex unreachable, say): it is forgotten, but what
    /// the admin kept stays for when they sign in again.
    pub fn forget_token(self) {
        store_token(None);
        self.expires_at.set(None);
        self.state.set(None);
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
        client_of(self.state, self.acting_org)
            .expect("pages that call the API are shown only to a signed-in admin")
    }

    /// Acts on another organization (partner admins); `None` goes back to the admin's own. The
    /// choice is kept for this tab (over a reload); what was kept for the organization left is
    /// dropped.
    pub fn switch_org(self, org: Option<Organization>) {
        let Some((me, own)) = self
            .state
            .with_untracked(|s| s.as_ref().map(|s| (s.me.id.clone(), s.me.org_id.clone())))
        else {
            return;
        };
        let org = org.filter(|o| o.id != own);
        let before = self
            .acting_org
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()));
        if before.as_ref() == org.as_ref().map(|o| &o.id) {
            return;
        }
        // Dropped before the page shows afresh for the new organization, so it finds nothing.
        self.forget_account_data();
        let acting = org.as_ref().map_or(own.as_str(), |o| o.id.as_str());
        store(OWNER_KEY, Some(&account_key(&me, acting)));
        store(ORG_KEY, org.as_ref().map(|o| o.id.as_str()));
        self.acting_org.set(org);
    }
}

/// The signed-in admin's client acting on the chosen organization, if someone is signed in.
fn client_of(
    state: RwSignal<Option<SignedIn>>,
    acting_org: RwSignal<Option<Organization>>,
) -> Option<Client> {
    let org = acting_org.try_with_untracked(|o| o.as_ref().map(|o| o.id.clone()))?;
    state
        .try_with_untracked(|s| s.as_ref().map(|s| s.client.clone()))??
        .with_org(org.as_deref())
        .into()
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

fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?.filter(|v| !v.is_empty())
}

fn store(key: &str, value: Option<&str>) {
    let Some(s) = storage() else { return };
    let _ = match value {
        Some(v) => s.set_item(key, v),
        None => s.remove_item(key),
    };
}

/// The organization a partner admin chose earlier in this tab (its id), if any.
fn stored_org() -> Option<String> {
    stored(ORG_KEY)
}

/// Keeps a pasted token (of unknown life) for this tab, before the console starts with it.
pub fn keep_token(token: &str) {
    store_token(Some((token, None)));
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
    Ok(SignedIn::new(me, orgs, client))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str) -> Organization {
        Organization {
            id: id.into(),
            display_name: format!("Org {id}"),
        }
    }

    #[test]
    fn drafts_and_kept_data_are_account_data_and_the_token_is_not() {
        assert!(is_account_data("pstn-console.draft.trunk-new"));
        assert!(is_account_data("pstn-console.draft.pstn-L1"));
        assert!(is_account_data("pstn-console.kept.bulk-selection"));
        assert!(!is_account_data(TOKEN_KEY));
        assert!(!is_account_data(EXPIRES_KEY));
        assert!(!is_account_data(ORG_KEY));
        assert!(!is_account_data(OWNER_KEY));
        assert!(!is_account_data("pstn-console.oauth-pending"));
    }

    #[test]
    fn an_account_is_an_admin_on_an_organization() {
        assert_eq!(account_key("P1", "O1"), account_key("P1", "O1"));
        assert_ne!(account_key("P1", "O1"), account_key("P2", "O1"));
        assert_ne!(account_key("P1", "O1"), account_key("P1", "O2"));
    }

    #[test]
    fn the_kept_organization_is_acted_on_only_when_the_admin_may() {
        let orgs = [org("OWN"), org("GLOBEX")];
        assert_eq!(
            acting_org_for(Some("GLOBEX"), "OWN", &orgs),
            Some(org("GLOBEX"))
        );
        assert_eq!(acting_org_for(Some("OWN"), "OWN", &orgs), None);
        assert_eq!(acting_org_for(Some("ELSEWHERE"), "OWN", &orgs), None);
        assert_eq!(acting_org_for(None, "OWN", &orgs), None);
        assert_eq!(acting_org_for(Some("GLOBEX"), "OWN", &[]), None);
    }
}
