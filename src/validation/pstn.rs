//! The "PSTN connection of a location" form: its rules and the `PUT .../connection` body.

use super::fields::{FieldErrors, ID, PREMISE_ROUTE_ID, PREMISE_ROUTE_TYPE, PSTN_CONNECTION_TYPE};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};

/// `pstnConnectionType` of a premises-based connection through a trunk or route group.
pub const LOCAL_GATEWAY: &str = "LOCAL_GATEWAY";
/// `pstnConnectionType` of a non-integrated cloud-connected provider.
pub const NON_INTEGRATED_CCP: &str = "NON_INTEGRATED_CCP";
/// Connection types Webex shows but does not let the API set.
const NOT_SETTABLE: [&str; 2] = ["INTEGRATED_CCP", "CISCO_PSTN"];
const CHOOSE_CONNECTION: &str = "Choose how this location connects to the phone network.";

/// What the admin chose in the PSTN connection form (also its draft).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PstnForm {
    /// `LOCAL_GATEWAY`, `NON_INTEGRATED_CCP` or "" when not chosen.
    pub connection_type: String,
    /// `TRUNK` or `ROUTE_GROUP` (local gateway).
    pub premise_route_type: String,
    /// Id of the chosen trunk or route group (local gateway).
    pub premise_route_id: String,
    /// Id of the chosen connection option: required for a non-integrated CCP, and for a local
    /// gateway the "Premises-based PSTN" option, sent as `id` when known.
    pub option_id: String,
}

/// The kind of connection chosen, once recognized.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    LocalGateway,
    NonIntegratedCcp,
}

impl PstnForm {
    /// Fields in form order: the order of [`FieldErrors`] and of focus moves.
    pub const FIELDS: [&'static str; 4] = [
        PSTN_CONNECTION_TYPE,
        PREMISE_ROUTE_TYPE,
        PREMISE_ROUTE_ID,
        ID,
    ];

    fn kind(&self) -> Option<Kind> {
        let chosen = self.connection_type.trim();
        if chosen.eq_ignore_ascii_case(LOCAL_GATEWAY) {
            Some(Kind::LocalGateway)
        } else if chosen.eq_ignore_ascii_case(NON_INTEGRATED_CCP) {
            Some(Kind::NonIntegratedCcp)
        } else {
            None
        }
    }

    fn route_type(&self) -> Option<PremiseRouteType> {
        PremiseRouteType::parse(&self.premise_route_type)
    }

    /// The error of one field, or `None` when it is valid or does not apply to the chosen kind.
    pub fn field_error(&self, field: &str) -> Option<String> {
        let kind = self.kind();
        let message = match field {
            PSTN_CONNECTION_TYPE => self.connection_type_error()?,
            PREMISE_ROUTE_TYPE if kind == Some(Kind::LocalGateway) => {
                if self.route_type().is_some() {
                    return None;
                }
                "Choose whether calls go through a trunk or a route group."
            }
            PREMISE_ROUTE_ID if kind == Some(Kind::LocalGateway) => {
                if !self.premise_route_id.trim().is_empty() {
                    return None;
                }
                match self.route_type() {
                    Some(PremiseRouteType::Trunk) => "Choose a trunk.",
                    Some(PremiseRouteType::RouteGroup) => "Choose a route group.",
                    None => "Choose a trunk or a route group.",
                }
            }
            ID if kind == Some(Kind::NonIntegratedCcp) => {
                if !self.option_id.trim().is_empty() {
                    return None;
                }
                "Choose a PSTN provider."
            }
            _ => return None,
        };
        Some(message.to_owned())
    }

    fn connection_type_error(&self) -> Option<&'static str> {
        if self.kind().is_some() {
            return None;
        }
        let chosen = self.connection_type.trim();
        if NOT_SETTABLE.iter().any(|t| t.eq_ignore_ascii_case(chosen)) {
            Some("This kind of PSTN connection can't be set here. Set it up in Control Hub.")
        } else {
            Some(CHOOSE_CONNECTION)
        }
    }

    /// Checks every field and builds the PUT body for the chosen kind of connection.
    pub fn validate(&self) -> Result<PstnConnectionUpdate, FieldErrors> {
        let mut errors = FieldErrors::new();
        for field in Self::FIELDS {
            if let Some(message) = self.field_error(field) {
                errors.insert(field, message);
            }
        }
        let option_id = self.option_id.trim();
        match (self.kind(), self.route_type()) {
            (Some(Kind::LocalGateway), Some(premise_route_type)) if errors.is_empty() => {
                Ok(PstnConnectionUpdate::LocalGateway {
                    premise_route_type,
                    premise_route_id: self.premise_route_id.trim().to_owned(),
                    option_id: (!option_id.is_empty()).then(|| option_id.to_owned()),
                })
            }
            (Some(Kind::NonIntegratedCcp), _) if errors.is_empty() => {
                Ok(PstnConnectionUpdate::NonIntegratedCcp {
                    id: option_id.to_owned(),
                })
            }
            _ => {
                // field_error already reports every way to get here; this only keeps Err non-empty.
                if errors.is_empty() {
                    errors.insert(PSTN_CONNECTION_TYPE, CHOOSE_CONNECTION);
                }
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::to_string;

    fn local_gateway(route_type: &str, route_id: &str) -> PstnForm {
        PstnForm {
            connection_type: LOCAL_GATEWAY.into(),
            premise_route_type: route_type.into(),
            premise_route_id: route_id.into(),
            option_id: String::new(),
        }
    }

    fn error(form: &PstnForm, field: &str) -> Option<String> {
        let from_field = form.field_error(field);
        let from_validate = form
            .validate()
            .err()
            .and_then(|e| e.get(field).map(str::to_owned));
        assert_eq!(from_field, from_validate, "field_error and validate agree");
        from_field
    }

    #[test]
    fn local_gateway_trunk_body_json() {
        let body = local_gateway("TRUNK", " T1 ").validate().unwrap();
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T1"}"#
        );
    }

    #[test]
    fn local_gateway_route_group_body_json_with_option_id() {
        let form = PstnForm {
            option_id: " OPT1 ".into(),
            ..local_gateway("ROUTE_GROUP", "RG1")
        };
        assert_eq!(
            to_string(&form.validate().unwrap()).unwrap(),
            r#"{"premiseRouteType":"ROUTE_GROUP","premiseRouteId":"RG1","id":"OPT1"}"#
        );
    }

    #[test]
    fn non_integrated_ccp_body_json_ignores_route_fields() {
        let form = PstnForm {
            connection_type: NON_INTEGRATED_CCP.into(),
            premise_route_type: "TRUNK".into(),
            premise_route_id: "T1".into(),
            option_id: "CCP1".into(),
        };
        assert_eq!(
            to_string(&form.validate().unwrap()).unwrap(),
            r#"{"id":"CCP1"}"#
        );
    }

    #[test]
    fn nothing_chosen_is_an_error_on_the_connection_type() {
        let errors = PstnForm::default().validate().unwrap_err();
        assert_eq!(errors.first(), Some(PSTN_CONNECTION_TYPE));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            error(&PstnForm::default(), PSTN_CONNECTION_TYPE).as_deref(),
            Some("Choose how this location connects to the phone network.")
        );
    }

    #[test]
    fn connection_types_the_api_cannot_set_are_refused() {
        for kind in ["INTEGRATED_CCP", "CISCO_PSTN"] {
            let form = PstnForm {
                connection_type: kind.into(),
                ..PstnForm::default()
            };
            assert_eq!(
                error(&form, PSTN_CONNECTION_TYPE).as_deref(),
                Some("This kind of PSTN connection can't be set here. Set it up in Control Hub.")
            );
        }
    }

    #[test]
    fn connection_type_is_case_insensitive() {
        let form = PstnForm {
            connection_type: "local_gateway".into(),
            ..local_gateway("trunk", "T1")
        };
        assert!(form.validate().is_ok());
    }

    #[test]
    fn local_gateway_needs_a_route_type() {
        for value in ["", "GATEWAY"] {
            let form = local_gateway(value, "T1");
            assert_eq!(
                error(&form, PREMISE_ROUTE_TYPE).as_deref(),
                Some("Choose whether calls go through a trunk or a route group.")
            );
        }
    }

    #[test]
    fn local_gateway_needs_a_route_id_named_after_the_route_type() {
        assert_eq!(
            error(&local_gateway("TRUNK", " "), PREMISE_ROUTE_ID).as_deref(),
            Some("Choose a trunk.")
        );
        assert_eq!(
            error(&local_gateway("ROUTE_GROUP", ""), PREMISE_ROUTE_ID).as_deref(),
            Some("Choose a route group.")
        );
        let errors = local_gateway("", "").validate().unwrap_err();
        assert_eq!(errors.first(), Some(PREMISE_ROUTE_TYPE));
        assert_eq!(
            errors.get(PREMISE_ROUTE_ID),
            Some("Choose a trunk or a route group.")
        );
    }

    #[test]
    fn non_integrated_ccp_needs_an_option_id() {
        let form = PstnForm {
            connection_type: NON_INTEGRATED_CCP.into(),
            option_id: "  ".into(),
            ..PstnForm::default()
        };
        assert_eq!(error(&form, ID).as_deref(), Some("Choose a PSTN provider."));
        assert_eq!(error(&form, PREMISE_ROUTE_TYPE), None);
    }

    #[test]
    fn local_gateway_does_not_need_an_option_id() {
        assert_eq!(error(&local_gateway("TRUNK", "T1"), ID), None);
    }
}
