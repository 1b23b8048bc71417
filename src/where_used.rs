//! Where an item (a trunk, a route group) is used, in words and links, and the rules of deleting
//! it: plain Rust, shown by the `UsedByList` and `ConfirmDelete` components.
//!
//! A page builds a [`UsedBy`] from the API's usage answers (see [`UsedBy::trunk`]) and hands it
//! to `components::UsedByList`; before offering a delete it asks [`UsedBy::in_use`].

use crate::api::client::path_segment;
use crate::api::trunks::{NamedRef, TrunkWhereUsed};

/// A count with its noun in the right number: "1 trunk", "2 trunks", "0 trunks".
pub fn count_of(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", noun(n, singular, plural))
}

/// The noun for a count: `singular` for exactly one, else `plural`.
pub fn noun<'a>(n: usize, singular: &'a str, plural: &'a str) -> &'a str {
    if n == 1 {
        singular
    } else {
        plural
    }
}

/// True when what the admin typed is the item's name (spaces around either do not count;
/// letter case does, so the admin reads the name rather than guesses it).
pub fn typed_name_matches(typed: &str, name: &str) -> bool {
    let typed = typed.trim();
    !typed.is_empty() && typed == name.trim()
}

/// One thing that uses the item, with the console page that shows it (an app path such as
/// `/locations/{id}/pstn`, not yet under the base path), if the console has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsedByItem {
    pub name: String,
    pub link: Option<String>,
}

/// One kind of use: how many, which ones, and what the admin changes to end it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsedBySection {
    /// What this kind of use is, e.g. "PSTN connection of locations".
    pub title: &'static str,
    /// The count Webex gave (`…Count` of the usage answer).
    pub count: usize,
    /// The noun of one such use, singular and plural, for the count in words.
    pub noun: (&'static str, &'static str),
    /// The named items Webex listed (may be fewer than `count` if a list was cut short).
    pub items: Vec<UsedByItem>,
    /// What to change first, in one sentence.
    pub what_to_change: &'static str,
}

impl UsedBySection {
    /// "2 locations", "1 route group".
    pub fn count_words(&self) -> String {
        count_of(self.count, self.noun.0, self.noun.1)
    }
}

/// Everything that uses one item, one section per kind of use (in a fixed order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsedBy {
    pub sections: Vec<UsedBySection>,
}

impl UsedBy {
    /// True when anything uses the item: then Webex refuses to delete it, and so does the page.
    pub fn in_use(&self) -> bool {
        self.sections.iter().any(|s| s.count > 0)
    }

    /// The sections with a count above zero.
    pub fn used_sections(&self) -> impl Iterator<Item = &UsedBySection> {
        self.sections.iter().filter(|s| s.count > 0)
    }

    /// One line such as "Used by 1 location's PSTN connection and 2 route groups." or
    /// "Nothing uses it.".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .used_sections()
            .map(UsedBySection::count_words)
            .collect();
        match parts.as_slice() {
            [] => "Nothing uses it.".to_string(),
            [one] => format!("Used by {one}."),
            [init @ .., last] => format!("Used by {} and {last}.", init.join(", ")),
        }
    }

    /// What uses a trunk: locations' PSTN connections (linked to their PSTN page), route groups
    /// (linked to their page), dial plans and calls to on-premises extensions (set in Control
    /// Hub, so not linked).
    pub fn trunk(used: &TrunkWhereUsed) -> UsedBy {
        let plain = |list: &[NamedRef]| -> Vec<UsedByItem> {
            list.iter()
                .map(|r| UsedByItem {
                    name: r.name.clone(),
                    link: None,
                })
                .collect()
        };
        let u = &used.usage;
        UsedBy {
            sections: vec![
                UsedBySection {
                    title: "PSTN connection of locations",
                    count: u.pstn_connection_count as usize,
                    noun: ("location's PSTN connection", "locations' PSTN connections"),
                    items: used
                        .pstn_locations
                        .iter()
                        .map(|l| UsedByItem {
                            name: l.name.clone(),
                            link: Some(format!("/locations/{}/pstn", path_segment(&l.id))),
                        })
                        .collect(),
                    what_to_change: "Give these locations another PSTN connection on their PSTN page.",
                },
                UsedBySection {
                    title: "Route groups",
                    count: u.route_group_count as usize,
                    noun: ("route group", "route groups"),
                    items: used
                        .route_groups
                        .iter()
                        .map(|g| UsedByItem {
                            name: g.name.clone(),
                            link: Some(format!("/route-groups/{}", path_segment(&g.id))),
                        })
                        .collect(),
                    what_to_change: "Remove the trunk from these route groups.",
                },
                UsedBySection {
                    title: "Dial plans",
                    count: u.dial_plan_count as usize,
                    noun: ("dial plan", "dial plans"),
                    items: plain(&used.dial_plans),
                    what_to_change: "Route these dial plans through another trunk or route group in Control Hub.",
                },
                UsedBySection {
                    title: "Calls to on-premises extensions",
                    count: u.call_to_extension_count as usize,
                    noun: (
                        "location's calls to extensions",
                        "locations' calls to extensions",
                    ),
                    items: plain(&used.call_to_extension),
                    what_to_change: "Send these locations' calls to on-premises extensions another way in Control Hub.",
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::trunks::{RouteGroupUse, TrunkUsage};

    fn named(id: &str, name: &str) -> NamedRef {
        NamedRef {
            id: id.into(),
            name: name.into(),
        }
    }

    fn sjc() -> TrunkWhereUsed {
        TrunkWhereUsed {
            usage: TrunkUsage {
                pstn_connection_count: 1,
                call_to_extension_count: 1,
                dial_plan_count: 2,
                route_group_count: 1,
            },
            pstn_locations: vec![named("L/1", "San Jose HQ")],
            route_groups: vec![RouteGroupUse {
                id: "RG1".into(),
                name: "RG-US-East".into(),
                in_use: true,
            }],
            dial_plans: vec![named("D1", "US Dialing"), named("D2", "Toll")],
            call_to_extension: vec![named("L/1", "San Jose HQ")],
        }
    }

    #[test]
    fn counts_use_the_right_number() {
        assert_eq!(count_of(1, "trunk", "trunks"), "1 trunk");
        assert_eq!(count_of(0, "trunk", "trunks"), "0 trunks");
        assert_eq!(count_of(2_000, "trunk", "trunks"), "2000 trunks");
    }

    #[test]
    fn typed_name_must_match_exactly_but_spaces_around_do_not_count() {
        assert!(typed_name_matches(" SJC-CUBE-01 ", "SJC-CUBE-01"));
        assert!(!typed_name_matches("sjc-cube-01", "SJC-CUBE-01"));
        assert!(!typed_name_matches("SJC-CUBE-0", "SJC-CUBE-01"));
        assert!(!typed_name_matches("", ""));
        assert!(!typed_name_matches("  ", "  "));
    }

    #[test]
    fn a_used_trunk_lists_every_use_with_links_where_the_console_has_a_page() {
        let used = UsedBy::trunk(&sjc());
        assert!(used.in_use());
        let titles: Vec<_> = used.sections.iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "PSTN connection of locations",
                "Route groups",
                "Dial plans",
                "Calls to on-premises extensions"
            ]
        );
        let pstn = &used.sections[0];
        assert_eq!(
            pstn.items,
            [UsedByItem {
                name: "San Jose HQ".into(),
                link: Some("/locations/L%2F1/pstn".into())
            }]
        );
        assert_eq!(
            used.sections[1].items[0].link.as_deref(),
            Some("/route-groups/RG1")
        );
        assert!(used.sections[2].items.iter().all(|i| i.link.is_none()));
        assert!(used.sections[3].items.iter().all(|i| i.link.is_none()));
        assert_eq!(used.sections[2].count_words(), "2 dial plans");
        assert_eq!(
            used.summary(),
            "Used by 1 location's PSTN connection, 1 route group, 2 dial plans and 1 location's calls to extensions."
        );
    }

    #[test]
    fn an_unused_trunk_may_be_deleted() {
        let used = UsedBy::trunk(&TrunkWhereUsed::default());
        assert!(!used.in_use());
        assert_eq!(used.used_sections().count(), 0);
        assert_eq!(used.summary(), "Nothing uses it.");
    }

    #[test]
    fn one_use_is_named_alone() {
        let only_groups = TrunkWhereUsed {
            usage: TrunkUsage {
                route_group_count: 2,
                ..TrunkUsage::default()
            },
            ..TrunkWhereUsed::default()
        };
        let used = UsedBy::trunk(&only_groups);
        assert!(used.in_use());
        assert_eq!(used.summary(), "Used by 2 route groups.");
    }
}
