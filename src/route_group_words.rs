//! Route groups in words an admin reads: how many trunks, the order calls try them, and what a
//! change or a delete touches. The list, details, form and PSTN pages all say it this way.

/// "1 trunk", "3 trunks".
pub fn trunk_count(n: usize) -> String {
    if n == 1 {
        "1 trunk".to_owned()
    } else {
        format!("{n} trunks")
    }
}

/// "A", "A and B", "A, B and C".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The order calls try the trunks, from `(trunk id, priority)` pairs and a way to name a trunk:
/// "First SJC-CUBE-01 and DFW-CUBE-02, sharing calls; then LON-SBC-01." `None` when no trunk
/// is chosen yet.
pub fn call_order(chosen: &[(&str, u32)], name: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut priorities: Vec<u32> = chosen.iter().map(|(_, p)| *p).collect();
    priorities.sort_unstable();
    priorities.dedup();
    let tiers: Vec<Vec<String>> = priorities
        .iter()
        .map(|p| {
            chosen
                .iter()
                .filter(|(_, q)| q == p)
                .map(|(id, _)| name(id).unwrap_or_else(|| "a trunk not in the list".to_owned()))
                .collect()
        })
        .collect();
    match tiers.as_slice() {
        [] => None,
        [only] if only.len() == 1 => Some(format!("All calls go to {}.", only[0])),
        [only] => Some(format!("Calls are shared between {}.", and_list(only))),
        _ => {
            let tier = |names: &Vec<String>| {
                if names.len() > 1 {
                    format!("{}, sharing calls", and_list(names))
                } else {
                    and_list(names)
                }
            };
            let rest: Vec<String> = tiers[1..]
                .iter()
                .map(|t| format!("then {}", tier(t)))
                .collect();
            Some(format!("First {}; {}.", tier(&tiers[0]), rest.join("; ")))
        }
    }
}

/// A group in one line for the history: "RG-EMEA: First LON-SBC-01; then BER-SBC-01."
pub fn group_line(
    name: &str,
    chosen: &[(&str, u32)],
    trunk_name: impl Fn(&str) -> Option<String>,
) -> String {
    match call_order(chosen, trunk_name) {
        Some(order) => format!("{}: {order}", name.trim()),
        None => name.trim().to_owned(),
    }
}

/// How many names a sentence lists before it says "and N more".
const NAMED: usize = 5;

/// "Berlin Office", "Berlin Office, London Office and 3 more".
fn some_names(names: &[String]) -> String {
    if names.len() <= NAMED {
        return and_list(names);
    }
    format!(
        "{} and {} more",
        names[..NAMED].join(", "),
        names.len() - NAMED
    )
}

/// Why an edit asks first: "This route group carries the PSTN calls of 3 locations: Berlin
/// Office, London Office and Paris Office."
pub fn carries_calls_of(locations: &[String]) -> String {
    let count = if locations.len() == 1 {
        "1 location".to_owned()
    } else {
        format!("{} locations", locations.len())
    };
    format!(
        "This route group carries the PSTN calls of {count}: {}.",
        some_names(locations)
    )
}

/// What else uses a group besides PSTN connections, in one line each (set in Control Hub).
pub fn other_uses(
    dial_plans: &[String],
    call_to_extension: &[String],
    route_lists: &[String],
) -> Vec<String> {
    let mut lines = Vec::new();
    if !dial_plans.is_empty() {
        lines.push(format!("Dial plans: {}", some_names(dial_plans)));
    }
    if !call_to_extension.is_empty() {
        lines.push(format!(
            "Calls to extensions at {}",
            some_names(call_to_extension)
        ));
    }
    if !route_lists.is_empty() {
        lines.push(format!("Route lists: {}", some_names(route_lists)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(id: &str) -> Option<String> {
        match id {
            "T1" => Some("SJC-CUBE-01".into()),
            "T2" => Some("DFW-CUBE-02".into()),
            "T3" => Some("LON-SBC-01".into()),
            "T4" => Some("BER-SBC-01".into()),
            _ => None,
        }
    }

    #[test]
    fn counts_and_lists() {
        assert_eq!(trunk_count(1), "1 trunk");
        assert_eq!(trunk_count(0), "0 trunks");
        assert_eq!(trunk_count(3), "3 trunks");
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&s(&[])), "");
        assert_eq!(and_list(&s(&["A"])), "A");
        assert_eq!(and_list(&s(&["A", "B"])), "A and B");
        assert_eq!(and_list(&s(&["A", "B", "C"])), "A, B and C");
    }

    #[test]
    fn the_order_calls_try_in_words() {
        assert_eq!(
            call_order(&[("T3", 2), ("T1", 1), ("T2", 1)], names).as_deref(),
            Some("First SJC-CUBE-01 and DFW-CUBE-02, sharing calls; then LON-SBC-01.")
        );
        assert_eq!(
            call_order(&[("T1", 1), ("T3", 5), ("T4", 3)], names).as_deref(),
            Some("First SJC-CUBE-01; then BER-SBC-01; then LON-SBC-01.")
        );
        assert_eq!(
            call_order(&[("T1", 1), ("T3", 2), ("T4", 2)], names).as_deref(),
            Some("First SJC-CUBE-01; then LON-SBC-01 and BER-SBC-01, sharing calls.")
        );
        assert_eq!(
            call_order(&[("T1", 4)], names).as_deref(),
            Some("All calls go to SJC-CUBE-01.")
        );
        assert_eq!(
            call_order(&[("T1", 2), ("T2", 2)], names).as_deref(),
            Some("Calls are shared between SJC-CUBE-01 and DFW-CUBE-02.")
        );
        assert_eq!(
            call_order(&[("gone", 1)], names).as_deref(),
            Some("All calls go to a trunk not in the list.")
        );
        assert_eq!(call_order(&[], names), None);
    }

    #[test]
    fn a_group_in_one_line() {
        assert_eq!(
            group_line(" RG-EMEA ", &[("T3", 1), ("T4", 2)], names),
            "RG-EMEA: First LON-SBC-01; then BER-SBC-01."
        );
        assert_eq!(group_line("RG-X", &[], names), "RG-X");
    }

    #[test]
    fn what_an_edit_changes() {
        let l = |n: usize| (1..=n).map(|i| format!("Site {i}")).collect::<Vec<_>>();
        assert_eq!(
            carries_calls_of(&l(1)),
            "This route group carries the PSTN calls of 1 location: Site 1."
        );
        assert_eq!(
            carries_calls_of(&l(3)),
            "This route group carries the PSTN calls of 3 locations: Site 1, Site 2 and Site 3."
        );
        assert_eq!(
            carries_calls_of(&l(8)),
            "This route group carries the PSTN calls of 8 locations: Site 1, Site 2, Site 3, Site 4, Site 5 and 3 more."
        );
    }

    #[test]
    fn other_uses_name_each_kind() {
        let one = vec!["Berlin Office".to_owned()];
        assert_eq!(
            other_uses(&one, &[], &["RL-1".to_owned()]),
            vec!["Dial plans: Berlin Office", "Route lists: RL-1"]
        );
        assert!(other_uses(&[], &[], &[]).is_empty());
        assert_eq!(
            other_uses(&[], &one, &[]),
            vec!["Calls to extensions at Berlin Office"]
        );
    }
}
