//! The plan of a location's PSTN page, as plain Rust: what the location may use, the routes
//! the pickers offer, the choice the form starts with (the link's, else the current one), and
//! which control an error moves the focus to. The page only wires signals to these.

use crate::api::pstn::{Connection, ConnectionOption, ConnectionType};
use crate::api::requests::PremiseRouteType;
use crate::api::route_groups::{RouteGroupDetails, RouteGroupSummary};
use crate::api::trunks::TrunkSummary;
use crate::components::pstn_connection::RouteNames;
use crate::components::PickerOption;
use crate::route_group_words::trunk_count;
use crate::validation::fields::{ID, PREMISE_ROUTE_ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::validation::pstn::{LOCAL_GATEWAY, NON_INTEGRATED_CCP};
use crate::validation::PstnForm;

/// The element ids of the form's controls, for labels and for moving the focus to an error.
pub mod ids {
    pub const TYPE_LOCAL_GATEWAY: &str = "pstn-type-local-gateway";
    pub const TYPE_PROVIDER: &str = "pstn-type-provider";
    pub const ROUTE_TRUNK: &str = "premise-route-type-trunk";
    pub const ROUTE_GROUP: &str = "premise-route-type-route-group";
    pub const ROUTE_ID: &str = "premise-route-id";
    pub const SUBMIT: &str = "pstn-submit";
    /// Where what became of a change is said; the focus goes there when it is known.
    pub const OUTCOME: &str = "pstn-outcome";

    /// The radio of the `i`th cloud-connected provider.
    pub fn provider(i: usize) -> String {
        format!("pstn-provider-{i}")
    }
}

/// The PSTN options of a location, sorted by what this console can do with them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Offers {
    /// Whether the location may use a local gateway ("Premises-based PSTN").
    pub local_gateway: bool,
    /// Non-integrated cloud-connected providers, chosen by id.
    pub providers: Vec<ConnectionOption>,
    /// Integrated providers and Cisco PSTN: set up in Control Hub, not here.
    pub elsewhere: Vec<ConnectionOption>,
}

impl Offers {
    pub fn new(options: &[ConnectionOption]) -> Self {
        let mut offers = Offers::default();
        for o in options {
            match o.kind() {
                ConnectionType::LocalGateway => offers.local_gateway = true,
                ConnectionType::NonIntegratedCcp => offers.providers.push(o.clone()),
                _ => offers.elsewhere.push(o.clone()),
            }
        }
        offers
    }
}

/// The org's trunks and route groups, as the route picker offers them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Routes {
    pub trunks: Vec<TrunkSummary>,
    pub groups: Vec<RouteGroupSummary>,
}

impl Routes {
    pub fn has(&self, kind: PremiseRouteType, id: &str) -> bool {
        match kind {
            PremiseRouteType::Trunk => self.trunks.iter().any(|t| t.id == id),
            PremiseRouteType::RouteGroup => self.groups.iter().any(|g| g.id == id),
        }
    }

    /// The org's trunks, this location's own first and said to be so.
    pub fn trunk_choices(&self, location_id: &str) -> Vec<PickerOption> {
        let (own, others): (Vec<&TrunkSummary>, Vec<&TrunkSummary>) = self
            .trunks
            .iter()
            .partition(|t| t.location.id == location_id);
        own.into_iter()
            .map(|t| PickerOption {
                id: t.id.clone(),
                label: t.name.clone(),
                hint: Some("this location's trunk".to_owned()),
            })
            .chain(others.into_iter().map(|t| PickerOption {
                id: t.id.clone(),
                label: t.name.clone(),
                hint: (!t.location.name.is_empty()).then(|| format!("at {}", t.location.name)),
            }))
            .collect()
    }
}

/// A kind of connection inside a sentence: "Cisco PSTN", "integrated cloud-connected provider".
pub fn kind_note(kind: &ConnectionType) -> String {
    match kind {
        ConnectionType::CiscoPstn => kind.label().to_owned(),
        _ => kind.label().to_lowercase(),
    }
}

/// What the address asked to preselect, and whether it could be.
#[derive(Clone, Debug, PartialEq)]
pub enum Preselect {
    /// The form starts with this route chosen (in words).
    Chosen(String),
    /// The link asked for something this location or organization does not have.
    Refused(&'static str),
}

/// The form as it first shows: the route the link asks for, else the current connection.
pub fn starting_form(
    current: Option<&Connection>,
    asked: Option<(&str, &str)>,
    offers: &Offers,
    routes: &Routes,
    names: &RouteNames,
) -> (PstnForm, Option<Preselect>) {
    if let Some((kind, id)) = asked {
        let id = id.trim();
        let refused = match PremiseRouteType::parse(kind) {
            _ if !offers.local_gateway => {
                Some("The link asked for a local gateway, but this location cannot use one.")
            }
            None => Some("The link did not say whether it meant a trunk or a route group."),
            Some(kind) if !routes.has(kind, id) => Some(match kind {
                PremiseRouteType::Trunk => {
                    "The link named a trunk this organization does not have. Choose one below."
                }
                PremiseRouteType::RouteGroup => {
                    "The link named a route group this organization does not have. Choose one below."
                }
            }),
            Some(kind) => {
                let form = PstnForm {
                    connection_type: LOCAL_GATEWAY.to_owned(),
                    premise_route_type: kind.as_str().to_owned(),
                    premise_route_id: id.to_owned(),
                    option_id: String::new(),
                };
                let words = format!("Local gateway, {}", names.route(kind, id));
                return (form, Some(Preselect::Chosen(words)));
            }
        };
        let (form, _) = starting_form(current, None, offers, routes, names);
        return (form, refused.map(Preselect::Refused));
    }
    let form = match current {
        Some(c) if c.pstn_connection_type == ConnectionType::LocalGateway => PstnForm {
            connection_type: LOCAL_GATEWAY.to_owned(),
            premise_route_type: c
                .route_type
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            premise_route_id: c.route_id.clone().unwrap_or_default(),
            option_id: String::new(),
        },
        Some(c)
            if c.pstn_connection_type == ConnectionType::NonIntegratedCcp
                && offers.providers.iter().any(|o| o.id == c.id) =>
        {
            PstnForm {
                connection_type: NON_INTEGRATED_CCP.to_owned(),
                option_id: c.id.clone(),
                ..PstnForm::default()
            }
        }
        _ => PstnForm::default(),
    };
    (form, None)
}

/// The id of the control to focus when `field` is the first invalid one.
pub fn control_for(field: &str, offers: &Offers) -> String {
    match field {
        PSTN_CONNECTION_TYPE if offers.local_gateway => ids::TYPE_LOCAL_GATEWAY.to_owned(),
        PSTN_CONNECTION_TYPE => ids::TYPE_PROVIDER.to_owned(),
        PREMISE_ROUTE_TYPE => ids::ROUTE_TRUNK.to_owned(),
        PREMISE_ROUTE_ID => ids::ROUTE_ID.to_owned(),
        ID => ids::provider(0),
        other => other.to_owned(),
    }
}

/// The org's route groups as a picker offers them, each with its trunk count once its details
/// are read (`details` answers them by id).
pub fn group_choices(
    groups: &[RouteGroupSummary],
    details: impl Fn(&str) -> Option<RouteGroupDetails>,
) -> Vec<PickerOption> {
    groups
        .iter()
        .map(|g| PickerOption {
            id: g.id.clone(),
            label: g.name.clone(),
            hint: details(&g.id).map(|d| trunk_count(d.local_gateways.len())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::trunks::NamedRef;

    fn option(id: &str, name: &str, kind: &str) -> ConnectionOption {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","displayName":"{name}","pstnConnectionType":"{kind}"}}"#
        ))
        .unwrap()
    }

    fn trunk(id: &str, name: &str, location: &str) -> TrunkSummary {
        TrunkSummary {
            id: id.into(),
            name: name.into(),
            location: NamedRef {
                id: location.into(),
                name: format!("Location {location}"),
            },
            in_use: false,
            trunk_type: None,
        }
    }

    fn routes() -> Routes {
        Routes {
            trunks: vec![
                trunk("T1", "SJC-CUBE-01", "L1"),
                trunk("T2", "BER-SBC-01", "L2"),
            ],
            groups: vec![RouteGroupSummary {
                id: "RG1".into(),
                name: "RG-EMEA".into(),
                in_use: true,
            }],
        }
    }

    fn offers() -> Offers {
        Offers::new(&[
            option("LGW", "Premises-based PSTN", "LOCAL_GATEWAY"),
            option("CCP1", "Meridian Voice", "NON_INTEGRATED_CCP"),
            option("CISCO", "Cisco Calling Plan", "CISCO_PSTN"),
        ])
    }

    fn names() -> RouteNames {
        let r = routes();
        RouteNames::new(&r.trunks, &r.groups)
    }

    #[test]
    fn options_are_sorted_by_what_can_be_set() {
        let o = offers();
        assert!(o.local_gateway);
        assert_eq!(o.providers.len(), 1);
        assert_eq!(o.elsewhere[0].display_name, "Cisco Calling Plan");
    }

    #[test]
    fn own_trunks_come_first_and_say_so() {
        let choices = routes().trunk_choices("L2");
        assert_eq!(choices[0].label, "BER-SBC-01");
        assert_eq!(choices[0].hint.as_deref(), Some("this location's trunk"));
        assert_eq!(choices[1].hint.as_deref(), Some("at Location L1"));
    }

    #[test]
    fn the_link_preselects_a_known_route() {
        let (form, note) =
            starting_form(None, Some(("TRUNK", "T2")), &offers(), &routes(), &names());
        assert_eq!(form.connection_type, LOCAL_GATEWAY);
        assert_eq!(form.premise_route_type, "TRUNK");
        assert_eq!(form.premise_route_id, "T2");
        assert_eq!(
            note,
            Some(Preselect::Chosen(
                r#"Local gateway, trunk "BER-SBC-01""#.into()
            ))
        );
        let body = form.validate().unwrap();
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T2"}"#
        );
    }

    #[test]
    fn the_link_cannot_preselect_unknown_routes() {
        let current = Connection {
            id: "CCP1".into(),
            display_name: "Meridian Voice".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::NonIntegratedCcp,
            route_type: None,
            route_id: None,
        };
        let (form, note) = starting_form(
            Some(&current),
            Some(("ROUTE_GROUP", "nope")),
            &offers(),
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        assert_eq!(
            form.connection_type, NON_INTEGRATED_CCP,
            "falls back to the current connection"
        );
        assert_eq!(form.option_id, "CCP1");
        let (_, note) = starting_form(
            None,
            Some(("GATEWAY", "T1")),
            &offers(),
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        let no_gateway = Offers::new(&[option("CCP1", "Meridian Voice", "NON_INTEGRATED_CCP")]);
        let (form, note) = starting_form(
            None,
            Some(("TRUNK", "T1")),
            &no_gateway,
            &routes(),
            &names(),
        );
        assert!(matches!(note, Some(Preselect::Refused(_))));
        assert_eq!(form, PstnForm::default());
    }

    #[test]
    fn the_form_starts_from_the_current_connection() {
        let current = Connection {
            id: "LGW".into(),
            display_name: "Premises-based PSTN".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::LocalGateway,
            route_type: Some(PremiseRouteType::RouteGroup),
            route_id: Some("RG1".into()),
        };
        let (form, note) = starting_form(Some(&current), None, &offers(), &routes(), &names());
        assert_eq!(note, None);
        assert_eq!(form.premise_route_type, "ROUTE_GROUP");
        assert_eq!(form.premise_route_id, "RG1");
        let cisco = Connection {
            pstn_connection_type: ConnectionType::CiscoPstn,
            route_type: None,
            route_id: None,
            ..current
        };
        let (form, _) = starting_form(Some(&cisco), None, &offers(), &routes(), &names());
        assert_eq!(
            form,
            PstnForm::default(),
            "nothing this console can set is chosen"
        );
    }

    #[test]
    fn route_groups_are_offered_with_their_trunk_count_once_read() {
        let r = routes();
        let details = |id: &str| {
            (id == "RG1").then(|| RouteGroupDetails {
                name: "RG-EMEA".into(),
                organization: None,
                local_gateways: vec![],
            })
        };
        let choices = group_choices(&r.groups, details);
        assert_eq!(choices[0].label, "RG-EMEA");
        assert_eq!(choices[0].hint.as_deref(), Some("0 trunks"));
        assert_eq!(group_choices(&r.groups, |_| None)[0].hint, None);
    }

    #[test]
    fn focus_goes_to_the_first_control_of_a_field() {
        let o = offers();
        assert_eq!(
            control_for(PSTN_CONNECTION_TYPE, &o),
            ids::TYPE_LOCAL_GATEWAY
        );
        assert_eq!(control_for(PREMISE_ROUTE_ID, &o), ids::ROUTE_ID);
        assert_eq!(control_for(ID, &o), "pstn-provider-0");
    }
}
