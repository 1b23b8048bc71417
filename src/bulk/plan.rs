//! The plan of a bulk change: for each chosen location, what it has now, what it would get,
//! and whether it changes, is already set, or cannot take the target. Nothing here sends.

use crate::api::pstn::{Connection, ConnectionOption, ConnectionType};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};
use crate::components::pstn_connection::{
    describe, describe_update, setting_of, unchanged, RouteNames,
};
use serde::{Deserialize, Serialize};

/// The one connection the admin sets on every chosen location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Target {
    /// A local gateway through a trunk or a route group.
    #[serde(rename_all = "camelCase")]
    Route {
        route_type: PremiseRouteType,
        route_id: String,
    },
    /// A non-integrated cloud-connected provider, by name: its option id differs per location.
    Provider { name: String },
}

impl Target {
    /// The target in the words of a connection: `Local gateway, trunk "LGW-0001"`.
    pub fn words(&self, names: &RouteNames) -> String {
        match self {
            Target::Route {
                route_type,
                route_id,
            } => describe_update(
                &PstnConnectionUpdate::LocalGateway {
                    premise_route_type: *route_type,
                    premise_route_id: route_id.clone(),
                    option_id: None,
                },
                names,
                &[],
            ),
            Target::Provider { name } => {
                format!("{} \"{name}\"", ConnectionType::NonIntegratedCcp.label())
            }
        }
    }

    /// What a location must offer for this target, inside "this location does not offer …".
    fn needs(&self) -> String {
        match self {
            Target::Route { .. } => "a local gateway (Premises-based PSTN)".to_owned(),
            Target::Provider { name } => format!("the provider “{name}”"),
        }
    }

    /// The `PUT` body that sets the target on a location with these options, if it offers it.
    pub fn body_for(&self, options: &[ConnectionOption]) -> Option<PstnConnectionUpdate> {
        match self {
            Target::Route {
                route_type,
                route_id,
            } => options
                .iter()
                .any(|o| o.kind() == ConnectionType::LocalGateway)
                .then(|| PstnConnectionUpdate::LocalGateway {
                    premise_route_type: *route_type,
                    premise_route_id: route_id.clone(),
                    option_id: None,
                }),
            Target::Provider { name } => options
                .iter()
                .find(|o| {
                    o.kind() == ConnectionType::NonIntegratedCcp
                        && o.display_name.trim().eq_ignore_ascii_case(name.trim())
                })
                .map(|o| PstnConnectionUpdate::NonIntegratedCcp { id: o.id.clone() }),
        }
    }
}

/// The names of the non-integrated providers some of `offers` include, each once, sorted.
pub fn provider_names<'a>(offers: impl IntoIterator<Item = &'a [ConnectionOption]>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for options in offers {
        for o in options {
            let name = o.display_name.trim();
            if o.kind() == ConnectionType::NonIntegratedCcp
                && !name.is_empty()
                && !names.iter().any(|n| n.eq_ignore_ascii_case(name))
            {
                names.push(name.to_owned());
            }
        }
    }
    names.sort_by_key(|n| n.to_lowercase());
    names
}

/// A location as the preview read it: its options and current connection, or why not.
pub type Reading = Result<(Vec<ConnectionOption>, Option<Connection>), String>;

/// What happens to one location.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "verdict", content = "why", rename_all = "camelCase")]
pub enum Verdict {
    WillChange,
    AlreadySet,
    /// The location does not offer the target (the words say what is missing).
    Cannot(String),
    /// Its options or connection could not be read (Webex's words).
    Unread(String),
}

impl Verdict {
    /// The words of the preview's last column.
    pub fn words(&self) -> String {
        match self {
            Verdict::WillChange => "will change".to_owned(),
            Verdict::AlreadySet => "already set: skipped".to_owned(),
            Verdict::Cannot(why) => format!("cannot: {why} (skipped)"),
            Verdict::Unread(why) => format!("could not be read: {why} (skipped)"),
        }
    }
}

/// One row of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub location_id: String,
    pub location_name: String,
    /// The current connection in words.
    pub from: String,
    /// The new connection in words.
    pub to: String,
    pub verdict: Verdict,
    /// What is sent (only when it will change).
    pub body: Option<PstnConnectionUpdate>,
    /// What puts the location back as it was, when the API can set its current connection.
    pub undo: Option<PstnConnectionUpdate>,
}

/// How many locations each verdict got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub change: usize,
    pub already: usize,
    pub cannot: usize,
    pub unread: usize,
}

impl Totals {
    pub fn of(steps: &[Step]) -> Self {
        let mut t = Totals::default();
        for s in steps {
            match s.verdict {
                Verdict::WillChange => t.change += 1,
                Verdict::AlreadySet => t.already += 1,
                Verdict::Cannot(_) => t.cannot += 1,
                Verdict::Unread(_) => t.unread += 1,
            }
        }
        t
    }

    /// `120 will change · 3 already set · 7 cannot`, leaving out the zeros after the first.
    pub fn words(&self) -> String {
        let mut parts = vec![format!("{} will change", self.change)];
        if self.already > 0 {
            parts.push(format!("{} already set", self.already));
        }
        if self.cannot > 0 {
            parts.push(format!("{} cannot", self.cannot));
        }
        if self.unread > 0 {
            parts.push(format!("{} could not be read", self.unread));
        }
        parts.join(" · ")
    }
}

/// The plan for one location, as read.
pub fn step(
    target: &Target,
    location_id: &str,
    location_name: &str,
    reading: &Reading,
    names: &RouteNames,
) -> Step {
    let mut step = Step {
        location_id: location_id.to_owned(),
        location_name: location_name.to_owned(),
        from: String::new(),
        to: target.words(names),
        verdict: Verdict::WillChange,
        body: None,
        undo: None,
    };
    let (options, current) = match reading {
        Ok((options, current)) => (options, current.as_ref()),
        Err(why) => {
            step.verdict = Verdict::Unread(why.clone());
            return step;
        }
    };
    step.from = describe(current, names);
    step.undo = current.and_then(setting_of);
    match target.body_for(options) {
        None => {
            step.verdict =
                Verdict::Cannot(format!("this location does not offer {}", target.needs()))
        }
        Some(body) if unchanged(&body, current) => step.verdict = Verdict::AlreadySet,
        Some(body) => {
            step.to = describe_update(&body, names, options);
            step.body = Some(body);
        }
    }
    step
}

/// The plan that puts back what a run changed: each changed location from its new connection
/// to the one it had, when the API can set that one.
pub fn undo_of<'a>(changed: impl IntoIterator<Item = &'a Step>) -> Vec<Step> {
    changed
        .into_iter()
        .map(|s| {
            let verdict = match &s.undo {
                Some(_) => Verdict::WillChange,
                None => Verdict::Cannot(format!(
                    "its connection before ({}) cannot be set through the API",
                    s.from
                )),
            };
            Step {
                location_id: s.location_id.clone(),
                location_name: s.location_name.clone(),
                from: s.to.clone(),
                to: s.from.clone(),
                verdict,
                body: s.undo.clone(),
                undo: s.body.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::route_groups::RouteGroupSummary;
    use crate::api::trunks::{NamedRef, TrunkSummary};

    fn option(id: &str, name: &str, kind: &str) -> ConnectionOption {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","displayName":"{name}","pstnConnectionType":"{kind}"}}"#
        ))
        .unwrap()
    }

    fn names() -> RouteNames {
        let trunk = TrunkSummary {
            id: "T1".into(),
            name: "LGW-0001".into(),
            location: NamedRef::default(),
            in_use: true,
            trunk_type: None,
        };
        let group = RouteGroupSummary {
            id: "RG1".into(),
            name: "RG-001".into(),
            in_use: true,
        };
        RouteNames::new(&[trunk], &[group])
    }

    fn on_trunk(id: &str) -> Connection {
        Connection {
            id: "LGW".into(),
            display_name: "Premises-based PSTN".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::LocalGateway,
            route_type: Some(PremiseRouteType::Trunk),
            route_id: Some(id.into()),
        }
    }

    fn gateway_and(provider_id: &str) -> Vec<ConnectionOption> {
        vec![
            option("LGW", "Premises-based PSTN", "LOCAL_GATEWAY"),
            option(provider_id, "Worldwide SIP Exchange", "NON_INTEGRATED_CCP"),
        ]
    }

    fn group() -> Target {
        Target::Route {
            route_type: PremiseRouteType::RouteGroup,
            route_id: "RG1".into(),
        }
    }

    #[test]
    fn a_location_on_another_route_will_change_and_can_be_put_back() {
        let reading: Reading = Ok((gateway_and("P1"), Some(on_trunk("T1"))));
        let s = step(&group(), "L1", "Site 1", &reading, &names());
        assert_eq!(s.verdict, Verdict::WillChange);
        assert_eq!(s.from, r#"Local gateway, trunk "LGW-0001""#);
        assert_eq!(s.to, r#"Local gateway, route group "RG-001""#);
        assert_eq!(
            serde_json::to_string(&s.body).unwrap(),
            r#"{"premiseRouteType":"ROUTE_GROUP","premiseRouteId":"RG1"}"#
        );
        let back = undo_of([&s]);
        assert_eq!(back[0].verdict, Verdict::WillChange);
        assert_eq!(back[0].from, s.to);
        assert_eq!(back[0].to, s.from);
        assert_eq!(
            serde_json::to_string(&back[0].body).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T1"}"#
        );
    }

    #[test]
    fn already_set_and_cannot_are_skipped() {
        let target = Target::Route {
            route_type: PremiseRouteType::Trunk,
            route_id: "T1".into(),
        };
        let same: Reading = Ok((gateway_and("P1"), Some(on_trunk("T1"))));
        let s = step(&target, "L1", "Site 1", &same, &names());
        assert_eq!(s.verdict, Verdict::AlreadySet);
        assert_eq!(s.body, None);
        assert_eq!(s.verdict.words(), "already set: skipped");

        let no_gateway: Reading = Ok((
            vec![option("P1", "Worldwide SIP Exchange", "NON_INTEGRATED_CCP")],
            None,
        ));
        let s = step(&target, "L2", "Site 2", &no_gateway, &names());
        assert_eq!(s.from, "Not configured");
        assert_eq!(
            s.verdict.words(),
            "cannot: this location does not offer a local gateway (Premises-based PSTN) (skipped)"
        );
        let unread: Reading = Err("HTTP 503".into());
        let s = step(&target, "L3", "Site 3", &unread, &names());
        assert_eq!(s.verdict, Verdict::Unread("HTTP 503".into()));
    }

    #[test]
    fn a_provider_is_matched_by_name_with_each_locations_own_id() {
        let target = Target::Provider {
            name: "worldwide sip exchange ".into(),
        };
        let a = step(
            &target,
            "L1",
            "A",
            &Ok((gateway_and("P-US"), None)),
            &names(),
        );
        let b = step(
            &target,
            "L2",
            "B",
            &Ok((gateway_and("P-JP"), Some(on_trunk("T1")))),
            &names(),
        );
        assert_eq!(
            a.body,
            Some(PstnConnectionUpdate::NonIntegratedCcp { id: "P-US".into() })
        );
        assert_eq!(
            b.body,
            Some(PstnConnectionUpdate::NonIntegratedCcp { id: "P-JP".into() })
        );
        assert_eq!(a.to, r#"Cloud-connected provider "Worldwide SIP Exchange""#);
        let elsewhere = Target::Provider {
            name: "Meridian Voice".into(),
        };
        let c = step(
            &elsewhere,
            "L3",
            "C",
            &Ok((gateway_and("P1"), None)),
            &names(),
        );
        assert_eq!(
            c.verdict,
            Verdict::Cannot("this location does not offer the provider “Meridian Voice”".into())
        );
        assert_eq!(
            elsewhere.words(&names()),
            r#"Cloud-connected provider "Meridian Voice""#
        );
    }

    #[test]
    fn nothing_before_cannot_be_put_back() {
        let s = step(
            &group(),
            "L1",
            "Site 1",
            &Ok((gateway_and("P1"), None)),
            &names(),
        );
        assert_eq!(s.undo, None);
        let back = undo_of([&s]);
        assert!(matches!(back[0].verdict, Verdict::Cannot(_)));
        assert_eq!(back[0].body, None);
    }

    #[test]
    fn totals_and_provider_names() {
        let steps = [
            step(
                &group(),
                "L1",
                "1",
                &Ok((gateway_and("P1"), None)),
                &names(),
            ),
            step(&group(), "L2", "2", &Err("x".into()), &names()),
        ];
        let t = Totals::of(&steps);
        assert_eq!((t.change, t.unread), (1, 1));
        assert_eq!(t.words(), "1 will change · 1 could not be read");
        let a = gateway_and("P1");
        let b = vec![
            option("P2", "worldwide sip exchange", "NON_INTEGRATED_CCP"),
            option("P3", "Albion Telecom", "NON_INTEGRATED_CCP"),
            option("C", "Cisco Calling Plan", "CISCO_PSTN"),
        ];
        assert_eq!(
            provider_names([a.as_slice(), b.as_slice()]),
            ["Albion Telecom", "Worldwide SIP Exchange"]
        );
    }
}
