//! The route group form (new and edit): its rules, its row moves, and the body Webex gets,
//! exactly `{name, localGateways: [{id, priority}]}`.

use super::trunk::parse_whole_number;
use crate::api::requests::{GatewayPriority, RouteGroupBody};
use serde::{Deserialize, Serialize};

/// Webex's limit on the trunks of one route group.
pub const MAX_TRUNKS: usize = 10;
/// The highest priority (the lowest, 1, is tried first).
pub const MAX_PRIORITY: u32 = 10;

/// One row of the form: a trunk and its priority, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GatewayRow {
    /// The chosen trunk's id ("" for none yet).
    pub trunk_id: String,
    /// The priority as typed: a whole number from 1 to 10.
    pub priority: String,
}

/// What the admin entered in the route group form (also its draft).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteGroupForm {
    pub name: String,
    pub rows: Vec<GatewayRow>,
}

impl Default for RouteGroupForm {
    /// An empty name and one row with priority 1: a group needs at least one trunk.
    fn default() -> Self {
        RouteGroupForm {
            name: String::new(),
            rows: vec![GatewayRow {
                trunk_id: String::new(),
                priority: "1".to_owned(),
            }],
        }
    }
}

/// The errors of one row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowErrors {
    pub trunk: Option<String>,
    pub priority: Option<String>,
}

/// Where an error is, in form order: the control to move the focus to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Name,
    /// The list as a whole (too few or too many trunks).
    Trunks,
    RowTrunk(usize),
    RowPriority(usize),
}

/// Every error of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteGroupErrors {
    pub name: Option<String>,
    /// About the number of trunks.
    pub trunks: Option<String>,
    /// One entry per row, in row order.
    pub rows: Vec<RowErrors>,
}

impl RouteGroupErrors {
    /// True when the form may be sent.
    pub fn is_empty(&self) -> bool {
        self.first().is_none()
    }

    /// The first problem in form order.
    pub fn first(&self) -> Option<Problem> {
        if self.name.is_some() {
            return Some(Problem::Name);
        }
        if self.trunks.is_some() {
            return Some(Problem::Trunks);
        }
        self.rows.iter().enumerate().find_map(|(i, r)| {
            if r.trunk.is_some() {
                Some(Problem::RowTrunk(i))
            } else if r.priority.is_some() {
                Some(Problem::RowPriority(i))
            } else {
                None
            }
        })
    }

    /// The errors of row `i` (none when it has none).
    pub fn row(&self, i: usize) -> RowErrors {
        self.rows.get(i).cloned().unwrap_or_default()
    }
}

/// Why a row could not be added.
pub const TOO_MANY: &str =
    "A route group holds at most 10 trunks. Remove one before adding another.";

impl RouteGroupForm {
    /// The error of the name, if any.
    pub fn name_error(&self) -> Option<String> {
        self.name
            .trim()
            .is_empty()
            .then(|| "Enter a name for the route group.".to_owned())
    }

    /// The error about the number of trunks, if any.
    pub fn trunks_error(&self) -> Option<String> {
        match self.rows.len() {
            0 => Some("Add at least one trunk: calls need somewhere to go.".to_owned()),
            n if n > MAX_TRUNKS => Some(format!(
                "A route group holds at most {MAX_TRUNKS} trunks. Remove {}.",
                n - MAX_TRUNKS
            )),
            _ => None,
        }
    }

    /// The errors of row `i`: a trunk chosen and not already in an earlier row, a priority 1–10.
    pub fn row_errors(&self, i: usize) -> RowErrors {
        let Some(row) = self.rows.get(i) else {
            return RowErrors::default();
        };
        let id = row.trunk_id.trim();
        let trunk = if id.is_empty() {
            Some("Choose a trunk.".to_owned())
        } else {
            self.rows[..i]
                .iter()
                .position(|r| r.trunk_id.trim() == id)
                .map(|earlier| {
                    format!(
                        "This trunk is already in row {}: a trunk can be in a route group only once.",
                        earlier + 1
                    )
                })
        };
        let priority = match parse_priority(&row.priority) {
            Some(_) => None,
            None => Some(format!(
                "Enter a priority from 1 to {MAX_PRIORITY} (a whole number)."
            )),
        };
        RowErrors { trunk, priority }
    }

    /// Every error of the form.
    pub fn errors(&self) -> RouteGroupErrors {
        RouteGroupErrors {
            name: self.name_error(),
            trunks: self.trunks_error(),
            rows: (0..self.rows.len()).map(|i| self.row_errors(i)).collect(),
        }
    }

    /// Checks every rule and builds the body, with the trunks in row order.
    pub fn validate(&self) -> Result<RouteGroupBody, RouteGroupErrors> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RouteGroupBody {
            name: self.name.trim().to_owned(),
            local_gateways: self
                .rows
                .iter()
                .map(|r| GatewayPriority {
                    id: r.trunk_id.trim().to_owned(),
                    priority: parse_priority(&r.priority).unwrap_or(1),
                })
                .collect(),
        })
    }

    /// Adds an empty row, one priority after the last one (at most 10); refused at 10 rows.
    pub fn add_row(&mut self) -> Result<(), &'static str> {
        if self.rows.len() >= MAX_TRUNKS {
            return Err(TOO_MANY);
        }
        let next = self
            .rows
            .iter()
            .filter_map(|r| parse_priority(&r.priority))
            .max()
            .map_or(1, |p| (p + 1).min(MAX_PRIORITY));
        self.rows.push(GatewayRow {
            trunk_id: String::new(),
            priority: next.to_string(),
        });
        Ok(())
    }

    /// Removes row `i`.
    pub fn remove_row(&mut self, i: usize) {
        if i < self.rows.len() {
            self.rows.remove(i);
        }
    }

    /// Moves the trunk of row `i` one row up (`up`) or down; the priorities stay with their
    /// rows, so the trunk takes the priority of the place it moves to. Answers the row it is in
    /// now.
    pub fn move_row(&mut self, i: usize, up: bool) -> usize {
        let j = match up {
            true if i > 0 => i - 1,
            false if i + 1 < self.rows.len() => i + 1,
            _ => return i,
        };
        if i >= self.rows.len() {
            return i;
        }
        let moving = std::mem::take(&mut self.rows[i].trunk_id);
        self.rows[i].trunk_id = std::mem::replace(&mut self.rows[j].trunk_id, moving);
        j
    }

    /// The trunk ids and their priorities, for the words of the call order (rows whose trunk
    /// or priority is not valid are left out).
    pub fn chosen(&self) -> Vec<(&str, u32)> {
        self.rows
            .iter()
            .filter(|r| !r.trunk_id.trim().is_empty())
            .filter_map(|r| Some((r.trunk_id.trim(), parse_priority(&r.priority)?)))
            .collect()
    }

    /// The form holding a group as Webex answered it, trunks in priority order.
    pub fn from_gateways(
        name: &str,
        gateways: impl IntoIterator<Item = (String, Option<u32>)>,
    ) -> Self {
        RouteGroupForm {
            name: name.to_owned(),
            rows: gateways
                .into_iter()
                .map(|(id, priority)| GatewayRow {
                    trunk_id: id,
                    priority: priority.map(|p| p.to_string()).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// A priority as typed: a whole number from 1 to 10.
fn parse_priority(text: &str) -> Option<u32> {
    parse_whole_number(text).filter(|p| (1..=MAX_PRIORITY).contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(trunk: &str, priority: &str) -> GatewayRow {
        GatewayRow {
            trunk_id: trunk.into(),
            priority: priority.into(),
        }
    }

    fn form(rows: &[(&str, &str)]) -> RouteGroupForm {
        RouteGroupForm {
            name: " RG-East ".into(),
            rows: rows.iter().map(|(t, p)| row(t, p)).collect(),
        }
    }

    #[test]
    fn body_is_exactly_name_and_local_gateways_in_row_order() {
        let body = form(&[("T1", "1"), (" T2 ", " 1 "), ("T3", "2")])
            .validate()
            .unwrap();
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"name":"RG-East","localGateways":[{"id":"T1","priority":1},{"id":"T2","priority":1},{"id":"T3","priority":2}]}"#
        );
    }

    #[test]
    fn name_is_required_and_trimmed() {
        let mut f = form(&[("T1", "1")]);
        f.name = "   ".into();
        let errors = f.validate().unwrap_err();
        assert_eq!(
            errors.name.as_deref(),
            Some("Enter a name for the route group.")
        );
        assert_eq!(errors.first(), Some(Problem::Name));
        assert_eq!(f.name_error(), errors.name, "inline and submit agree");
        assert_eq!(form(&[("T1", "1")]).validate().unwrap().name, "RG-East");
    }

    #[test]
    fn one_to_ten_trunks() {
        let none = form(&[]);
        assert!(none.trunks_error().unwrap().contains("at least one"));
        assert_eq!(none.validate().unwrap_err().first(), Some(Problem::Trunks));
        let ids: Vec<String> = (1..=11).map(|i| format!("T{i}")).collect();
        let eleven = form(&ids.iter().map(|i| (i.as_str(), "1")).collect::<Vec<_>>());
        assert_eq!(
            eleven.trunks_error().as_deref(),
            Some("A route group holds at most 10 trunks. Remove 1.")
        );
        assert!(eleven.validate().is_err());
        let ten = form(
            &ids[..10]
                .iter()
                .map(|i| (i.as_str(), "1"))
                .collect::<Vec<_>>(),
        );
        assert_eq!(ten.validate().unwrap().local_gateways.len(), 10);
    }

    #[test]
    fn every_row_needs_a_trunk() {
        let f = form(&[("T1", "1"), ("  ", "2")]);
        let errors = f.validate().unwrap_err();
        assert_eq!(errors.row(1).trunk.as_deref(), Some("Choose a trunk."));
        assert_eq!(errors.first(), Some(Problem::RowTrunk(1)));
        assert_eq!(f.row_errors(1), errors.row(1), "inline and submit agree");
    }

    #[test]
    fn a_trunk_is_in_a_group_once() {
        let f = form(&[("T1", "1"), ("T2", "1"), (" T1", "2")]);
        let errors = f.validate().unwrap_err();
        assert_eq!(errors.row(0), RowErrors::default());
        assert_eq!(
            errors.row(2).trunk.as_deref(),
            Some("This trunk is already in row 1: a trunk can be in a route group only once.")
        );
        assert_eq!(errors.first(), Some(Problem::RowTrunk(2)));
    }

    #[test]
    fn priority_is_a_whole_number_from_1_to_10() {
        for bad in [
            "",
            "0",
            "11",
            "-1",
            "+1",
            "1.0",
            "1.5",
            "one",
            "1 0",
            "99999999999",
        ] {
            let f = form(&[("T1", bad)]);
            assert_eq!(
                f.validate().unwrap_err().row(0).priority.as_deref(),
                Some("Enter a priority from 1 to 10 (a whole number)."),
                "{bad:?}"
            );
            assert_eq!(f.errors().first(), Some(Problem::RowPriority(0)), "{bad:?}");
        }
        for (good, n) in [("1", 1), (" 10 ", 10), ("05", 5)] {
            let body = form(&[("T1", good)]).validate().unwrap();
            assert_eq!(body.local_gateways[0].priority, n, "{good:?}");
        }
    }

    #[test]
    fn errors_come_in_form_order() {
        let mut f = form(&[("T1", "x"), ("", "1")]);
        assert_eq!(f.errors().first(), Some(Problem::RowPriority(0)));
        f.name.clear();
        assert_eq!(f.errors().first(), Some(Problem::Name));
    }

    #[test]
    fn rows_are_added_one_priority_later_up_to_ten() {
        let mut f = RouteGroupForm::default();
        assert_eq!(f.rows, vec![row("", "1")]);
        f.add_row().unwrap();
        assert_eq!(f.rows[1].priority, "2");
        f.rows[1].priority = "9".into();
        f.add_row().unwrap();
        f.add_row().unwrap();
        assert_eq!(f.rows[2].priority, "10");
        assert_eq!(f.rows[3].priority, "10", "never above 10");
        while f.rows.len() < MAX_TRUNKS {
            f.add_row().unwrap();
        }
        assert_eq!(f.add_row(), Err(TOO_MANY));
        assert_eq!(f.rows.len(), MAX_TRUNKS);
        f.remove_row(0);
        f.remove_row(42);
        assert_eq!(f.rows.len(), MAX_TRUNKS - 1);
    }

    #[test]
    fn moving_a_row_moves_its_trunk_and_keeps_the_priorities_in_place() {
        let mut f = form(&[("A", "1"), ("B", "1"), ("C", "2")]);
        assert_eq!(f.move_row(2, true), 1);
        assert_eq!(f.chosen(), vec![("A", 1), ("C", 1), ("B", 2)]);
        assert_eq!(f.move_row(0, true), 0, "the first row cannot go up");
        assert_eq!(f.move_row(2, false), 2, "the last row cannot go down");
        assert_eq!(f.move_row(0, false), 1);
        assert_eq!(f.chosen(), vec![("C", 1), ("A", 1), ("B", 2)]);
        assert_eq!(f.move_row(7, true), 7, "no such row");
    }

    #[test]
    fn chosen_leaves_out_unfinished_rows() {
        let f = form(&[("A", "1"), ("", "1"), ("B", "x"), ("C", "3")]);
        assert_eq!(f.chosen(), vec![("A", 1), ("C", 3)]);
    }

    #[test]
    fn the_form_starts_from_a_group() {
        let f = RouteGroupForm::from_gateways(
            "RG-EMEA",
            [("T1".to_owned(), Some(1)), ("T2".to_owned(), None)],
        );
        assert_eq!(f.rows, vec![row("T1", "1"), row("T2", "")]);
    }
}
