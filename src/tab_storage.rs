//! What this browser tab keeps in `sessionStorage` for one admin acting on one organization:
//! the history of changes, a bulk run, the bulk selection. Everything is keyed by [`Scope`], so
//! nothing of one admin or organization is ever read back for another, and it survives a new
//! sign-in as the same admin (after a 401 or an expired token). Never tokens or passwords.

use crate::session::Session;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "pstn-console.";

/// One admin acting on one organization.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scope(String);

impl Scope {
    /// The scope of admin `person_id` acting on organization `org_id`.
    pub fn new(person_id: &str, org_id: &str) -> Self {
        Scope(format!("{person_id}|{org_id}"))
    }

    /// The signed-in admin on the organization acted on now; `None` when signed out.
    pub fn of(session: Session) -> Option<Self> {
        let acting = session
            .acting_org
            .with_untracked(|o| o.as_ref().map(|o| o.id.clone()));
        session.state.with_untracked(|s| {
            s.as_ref().map(|s| {
                let org = acting.clone().unwrap_or_else(|| s.me.org_id.clone());
                Scope::new(&s.me.id, &org)
            })
        })
    }

    fn key(&self, name: &str) -> String {
        format!("{PREFIX}{name}.{}", self.0)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The value kept under `name` for `scope`, if any and still readable.
pub fn load<T: DeserializeOwned>(scope: &Scope, name: &str) -> Option<T> {
    let text = storage()?.get_item(&scope.key(name)).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `value` under `name` for `scope`. False when the tab's storage refused it (it is full:
/// browsers keep about 5 MB a site) or there is none; what was kept before under `name` is then
/// removed, so a later load never finds an older value than the one in memory.
pub fn save<T: Serialize>(scope: &Scope, name: &str, value: &T) -> bool {
    let (Some(s), Ok(text)) = (storage(), serde_json::to_string(value)) else {
        return false;
    };
    let key = scope.key(name);
    if s.set_item(&key, &text).is_ok() {
        return true;
    }
    let _ = s.remove_item(&key);
    false
}

/// Forgets `name` for `scope`.
pub fn remove(scope: &Scope, name: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&scope.key(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_per_admin_and_organization() {
        let a = Scope::new("P1", "O1");
        assert_eq!(a.key("history"), "pstn-console.history.P1|O1");
        assert_ne!(a.key("history"), Scope::new("P2", "O1").key("history"));
        assert_ne!(a.key("history"), Scope::new("P1", "O2").key("history"));
    }

    #[test]
    fn the_selection_is_account_data_the_history_and_run_are_not() {
        let a = Scope::new("P1", "O1");
        assert!(crate::session::is_account_data(
            &a.key("kept.bulk-selection")
        ));
        assert!(!crate::session::is_account_data(&a.key("history")));
        assert!(!crate::session::is_account_data(&a.key("bulk-run")));
    }
}
