//! Drafts: what an admin typed in a form, kept in `sessionStorage` so that it survives a new
//! sign-in (an expired token) or leaving the page, and cleared after a successful submit.
//! Types saved here leave secrets out of their serialization (see `TrunkForm`'s password).

use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "pstn-console.draft.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The draft saved under `key`, if any and still readable.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(&format!("{PREFIX}{key}")).ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves `value` as the draft under `key`; an unchanged form (`T::default()`) removes it.
pub fn save<T: Serialize + Default + PartialEq>(key: &str, value: &T) {
    if *value == T::default() {
        return clear(key);
    }
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(&format!("{PREFIX}{key}"), &text);
    }
}

/// Forgets the draft under `key`.
pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}

#[cfg(test)]
mod tests {
    use crate::validation::TrunkForm;

    #[test]
    fn a_trunk_draft_never_holds_the_password() {
        let form = TrunkForm {
            name: "Berlin CUBE".into(),
            password: "S3cret!".into(),
            port: "5061".into(),
            ..TrunkForm::default()
        };
        let json = serde_json::to_string(&form).unwrap();
        assert!(!json.contains("S3cret"), "{json}");
        assert!(!json.contains("password"), "{json}");
        let back: TrunkForm = serde_json::from_str(&json).unwrap();
        assert_eq!(back.name, "Berlin CUBE");
        assert_eq!(back.port, "5061");
        assert!(back.password.is_empty());
        let partial: TrunkForm = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(partial.name, "x");
    }
}
