//! The locations chosen for a bulk change, kept in `sessionStorage` for the admin and
//! organization: a reload or a new sign-in as the same account keeps it; it is account data
//! (under `pstn-console.kept.`), so sign-out, a switch of organization or another account drops
//! it ([`crate::session::Session::forget_account_data`]).

use crate::tab_storage::{self, Scope};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

const NAME: &str = "kept.bulk-selection";

/// A chosen location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picked {
    pub id: String,
    pub name: String,
}

/// The chosen locations, in the order chosen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<Picked>", into = "Vec<Picked>")]
pub struct Selection {
    picked: Vec<Picked>,
    ids: HashSet<String>,
}

impl From<Vec<Picked>> for Selection {
    fn from(picked: Vec<Picked>) -> Self {
        let mut s = Selection::default();
        s.add_all(picked);
        s
    }
}

impl From<Selection> for Vec<Picked> {
    fn from(s: Selection) -> Self {
        s.picked
    }
}

impl Selection {
    pub fn len(&self) -> usize {
        self.picked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.picked.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn picked(&self) -> &[Picked] {
        &self.picked
    }

    /// Chooses a location, or un-chooses it when it was chosen.
    pub fn toggle(&mut self, id: &str, name: &str) {
        if self.ids.remove(id) {
            self.picked.retain(|p| p.id != id);
        } else {
            self.add_all([Picked {
                id: id.to_owned(),
                name: name.to_owned(),
            }]);
        }
    }

    /// Chooses every location given, once.
    pub fn add_all(&mut self, picked: impl IntoIterator<Item = Picked>) {
        for p in picked {
            if self.ids.insert(p.id.clone()) {
                self.picked.push(p);
            }
        }
    }

    /// Whether every one of `ids` is chosen (false for none).
    pub fn has_all<'a>(&self, mut ids: impl Iterator<Item = &'a str>) -> bool {
        let mut any = false;
        let all = ids.all(|id| {
            any = true;
            self.ids.contains(id)
        });
        any && all
    }
}

/// The selection of `scope`.
pub fn load(scope: &Scope) -> Selection {
    tab_storage::load(scope, NAME).unwrap_or_default()
}

/// Keeps the selection of `scope`.
pub fn save(scope: &Scope, selection: &Selection) {
    if selection.is_empty() {
        tab_storage::remove(scope, NAME);
    } else {
        // Ids only: 10,000 of them take about 1 MB, well within what a tab keeps.
        let _ = tab_storage::save(scope, NAME, selection);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: &str) -> Picked {
        Picked {
            id: id.into(),
            name: format!("Site {id}"),
        }
    }

    #[test]
    fn toggle_add_all_and_keep_order() {
        let mut s = Selection::default();
        s.toggle("b", "Site b");
        s.add_all([p("a"), p("b"), p("c")]);
        assert_eq!(s.len(), 3);
        assert_eq!(
            s.picked().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["b", "a", "c"]
        );
        s.toggle("a", "");
        assert!(!s.contains("a"));
        assert!(s.has_all(["b", "c"].into_iter()));
        assert!(!s.has_all(["a", "c"].into_iter()));
        assert!(!s.has_all(std::iter::empty()));
    }

    #[test]
    fn kept_as_a_plain_list() {
        let mut s = Selection::default();
        s.add_all([p("a"), p("b")]);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"[{"id":"a","name":"Site a"},{"id":"b","name":"Site b"}]"#
        );
        let back: Selection = serde_json::from_str(&json).unwrap();
        assert!(back.contains("b"));
        assert_eq!(back, s);
    }
}
