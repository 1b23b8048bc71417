//! A location's PSTN connection in words an admin reads: the kind of connection, and the trunk,
//! route group or provider by name (never a raw id). The locations list, the PSTN page and its
//! "from → to" confirmation all say it the same way.

use crate::api::pstn::{Connection, ConnectionOption, ConnectionType};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};
use crate::api::route_groups::RouteGroupSummary;
use crate::api::trunks::TrunkSummary;
use std::collections::HashMap;

/// The names of the organization's trunks and route groups, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteNames {
    trunks: HashMap<String, String>,
    route_groups: HashMap<String, String>,
}

impl RouteNames {
    /// Names from the trunk and route group lists.
    pub fn new(trunks: &[TrunkSummary], route_groups: &[RouteGroupSummary]) -> Self {
        RouteNames {
            trunks: trunks
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            route_groups: route_groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
        }
    }

    /// The name of a trunk or route group, if the organization lists it.
    pub fn name(&self, kind: PremiseRouteType, id: &str) -> Option<&str> {
        match kind {
            PremiseRouteType::Trunk => self.trunks.get(id),
            PremiseRouteType::RouteGroup => self.route_groups.get(id),
        }
        .map(String::as_str)
    }

    /// `trunk "SJC-CUBE-01"` or `route group "RG-EMEA"`; a route missing from the lists (deleted,
    /// or the lists could not be read) is named by its kind only.
    pub fn route(&self, kind: PremiseRouteType, id: &str) -> String {
        let kind_words = kind.label().to_lowercase();
        match self.name(kind, id) {
            Some(name) => format!("{kind_words} \"{name}\""),
            None => format!("{kind_words} (name not available)"),
        }
    }
}

/// A whole connection in one line, e.g. `Local gateway, trunk "SJC-CUBE-01"` or
/// `Cloud-connected provider "Meridian Voice"`; `Not configured` when there is none.
pub fn describe(connection: Option<&Connection>, names: &RouteNames) -> String {
    let Some(c) = connection else {
        return "Not configured".to_owned();
    };
    let kind = c.pstn_connection_type.label();
    match (&c.pstn_connection_type, c.route_type, c.route_id.as_deref()) {
        (ConnectionType::LocalGateway, Some(route), Some(id)) => {
            format!("{kind}, {}", names.route(route, id))
        }
        (ConnectionType::LocalGateway, _, _) => kind.to_owned(),
        _ if c.display_name.trim().is_empty() => kind.to_owned(),
        _ => format!("{kind} \"{}\"", c.display_name),
    }
}

/// What an update would set, in the words of [`describe`].
pub fn describe_update(
    update: &PstnConnectionUpdate,
    names: &RouteNames,
    options: &[ConnectionOption],
) -> String {
    match update {
        PstnConnectionUpdate::LocalGateway {
            premise_route_type,
            premise_route_id,
            ..
        } => format!(
            "{}, {}",
            ConnectionType::LocalGateway.label(),
            names.route(*premise_route_type, premise_route_id)
        ),
        PstnConnectionUpdate::NonIntegratedCcp { id } => {
            let kind = ConnectionType::NonIntegratedCcp.label();
            match options.iter().find(|o| &o.id == id) {
                Some(o) if !o.display_name.trim().is_empty() => {
                    format!("{kind} \"{}\"", o.display_name)
                }
                _ => kind.to_owned(),
            }
        }
    }
}

/// True when the update would set exactly the connection the location has now.
pub fn unchanged(update: &PstnConnectionUpdate, current: Option<&Connection>) -> bool {
    let Some(c) = current else {
        return false;
    };
    match update {
        PstnConnectionUpdate::LocalGateway {
            premise_route_type,
            premise_route_id,
            ..
        } => {
            c.pstn_connection_type == ConnectionType::LocalGateway
                && c.route_type == Some(*premise_route_type)
                && c.route_id.as_deref() == Some(premise_route_id.as_str())
        }
        PstnConnectionUpdate::NonIntegratedCcp { id } => {
            c.pstn_connection_type == ConnectionType::NonIntegratedCcp && &c.id == id
        }
    }
}

/// The update that sets `connection` again (to put a location back as it was), when the API can
/// set that kind of connection: never for Cisco PSTN or integrated providers, and there is no
/// update that takes a connection away.
pub fn setting_of(connection: &Connection) -> Option<PstnConnectionUpdate> {
    match (
        &connection.pstn_connection_type,
        connection.route_type,
        &connection.route_id,
    ) {
        (ConnectionType::LocalGateway, Some(premise_route_type), Some(id)) => {
            Some(PstnConnectionUpdate::LocalGateway {
                premise_route_type,
                premise_route_id: id.clone(),
                option_id: None,
            })
        }
        (ConnectionType::NonIntegratedCcp, _, _) if !connection.id.is_empty() => {
            Some(PstnConnectionUpdate::NonIntegratedCcp {
                id: connection.id.clone(),
            })
        }
        _ => None,
    }
}

/// A Webex PSTN service in words: `TOLLFREE_NUMBERS` → `Toll-free numbers`.
pub fn service_words(service: &str) -> String {
    match service {
        "GEOGRAPHIC_NUMBERS" => "Geographic numbers".to_owned(),
        "TOLLFREE_NUMBERS" => "Toll-free numbers".to_owned(),
        "NON_GEOGRAPHIC_NUMBERS" => "Non-geographic numbers".to_owned(),
        "MOBILE_NUMBERS" => "Mobile numbers".to_owned(),
        "BUSINESS_TEXTING" => "Business texting".to_owned(),
        other => {
            let words = other.replace('_', " ").to_lowercase();
            let mut chars = words.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::trunks::NamedRef;

    fn names() -> RouteNames {
        let trunk = TrunkSummary {
            id: "T1".into(),
            name: "Berlin CUBE 1".into(),
            location: NamedRef::default(),
            in_use: true,
            trunk_type: None,
        };
        let group = RouteGroupSummary {
            id: "RG1".into(),
            name: "EU Route Group".into(),
            in_use: false,
        };
        RouteNames::new(&[trunk], &[group])
    }

    fn connection(
        kind: ConnectionType,
        name: &str,
        route: Option<(PremiseRouteType, &str)>,
    ) -> Connection {
        Connection {
            id: "OPT".into(),
            display_name: name.into(),
            pstn_services: vec![],
            pstn_connection_type: kind,
            route_type: route.map(|r| r.0),
            route_id: route.map(|r| r.1.to_owned()),
        }
    }

    #[test]
    fn local_gateway_names_its_trunk_or_route_group() {
        let n = names();
        let trunk = connection(
            ConnectionType::LocalGateway,
            "Premises-based PSTN",
            Some((PremiseRouteType::Trunk, "T1")),
        );
        assert_eq!(
            describe(Some(&trunk), &n),
            r#"Local gateway, trunk "Berlin CUBE 1""#
        );
        let update = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::RouteGroup,
            premise_route_id: "RG1".into(),
            option_id: None,
        };
        assert_eq!(
            describe_update(&update, &n, &[]),
            r#"Local gateway, route group "EU Route Group""#
        );
    }

    #[test]
    fn unknown_routes_are_never_shown_as_raw_ids() {
        let c = connection(
            ConnectionType::LocalGateway,
            "",
            Some((PremiseRouteType::Trunk, "Y2lzY29zcGFyazovL3VzL1RSVU5LL3gx")),
        );
        let text = describe(Some(&c), &names());
        assert_eq!(text, "Local gateway, trunk (name not available)");
        assert!(!text.contains("Y2lz"));
    }

    #[test]
    fn providers_and_nothing() {
        let n = names();
        let ccp = connection(ConnectionType::NonIntegratedCcp, "Meridian Voice", None);
        assert_eq!(
            describe(Some(&ccp), &n),
            r#"Cloud-connected provider "Meridian Voice""#
        );
        let cisco = connection(ConnectionType::CiscoPstn, "Cisco Calling Plan", None);
        assert_eq!(
            describe(Some(&cisco), &n),
            r#"Cisco PSTN "Cisco Calling Plan""#
        );
        assert_eq!(describe(None, &n), "Not configured");
        let option: ConnectionOption =
            serde_json::from_str(r#"{"id":"CCP1","displayName":"Albion Telecom"}"#).unwrap();
        let update = PstnConnectionUpdate::NonIntegratedCcp { id: "CCP1".into() };
        assert_eq!(
            describe_update(&update, &n, &[option]),
            r#"Cloud-connected provider "Albion Telecom""#
        );
    }

    #[test]
    fn unchanged_compares_route_or_option() {
        let trunk = connection(
            ConnectionType::LocalGateway,
            "",
            Some((PremiseRouteType::Trunk, "T1")),
        );
        let same = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::Trunk,
            premise_route_id: "T1".into(),
            option_id: None,
        };
        let other_kind = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::RouteGroup,
            premise_route_id: "T1".into(),
            option_id: None,
        };
        assert!(unchanged(&same, Some(&trunk)));
        assert!(!unchanged(&other_kind, Some(&trunk)));
        assert!(!unchanged(&same, None));
        let ccp = connection(ConnectionType::NonIntegratedCcp, "Meridian Voice", None);
        assert!(unchanged(
            &PstnConnectionUpdate::NonIntegratedCcp { id: "OPT".into() },
            Some(&ccp)
        ));
        assert!(!unchanged(
            &PstnConnectionUpdate::NonIntegratedCcp { id: "OTHER".into() },
            Some(&ccp)
        ));
        assert!(!unchanged(&same, Some(&ccp)));
    }

    #[test]
    fn a_connection_is_set_again_by_route_or_option() {
        let trunk = connection(
            ConnectionType::LocalGateway,
            "Premises-based PSTN",
            Some((PremiseRouteType::Trunk, "T1")),
        );
        let back = setting_of(&trunk).unwrap();
        assert!(unchanged(&back, Some(&trunk)));
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T1"}"#
        );
        let ccp = connection(ConnectionType::NonIntegratedCcp, "Meridian Voice", None);
        assert_eq!(
            setting_of(&ccp),
            Some(PstnConnectionUpdate::NonIntegratedCcp { id: "OPT".into() })
        );
        let cisco = connection(ConnectionType::CiscoPstn, "Cisco Calling Plan", None);
        assert_eq!(setting_of(&cisco), None);
    }

    #[test]
    fn services_in_words() {
        assert_eq!(service_words("TOLLFREE_NUMBERS"), "Toll-free numbers");
        assert_eq!(service_words("EMERGENCY_CALLING"), "Emergency calling");
        assert_eq!(service_words(""), "");
    }
}
