//! Request bodies the console sends to Webex, with exactly the Webex field names.
//!
//! Optional fields are left out of the JSON when unset (never sent as `null` or `""`), so a body
//! holds only what the admin chose. Bodies are built by the validation functions in
//! `crate::validation`, not by pages.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares a Webex string enum: wire name, human label, lenient parsing and serde.
///
/// Deserializing is case-insensitive because live orgs have answered some enums in lower case.
macro_rules! webex_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, $label:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order a picker lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The Webex wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }

            /// The name shown to admins.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            /// Parses a wire name, ignoring case and surrounding spaces.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&text, &[$($wire),+])
                })
            }
        }
    };
}

webex_enum! {
    /// How a trunk connects to Webex (`trunkType`).
    TrunkType {
        /// A Cisco CUBE local gateway that registers with a username and password.
        Registering => "REGISTERING", "Registering";
        /// An SBC that connects with mutual TLS from a public host name or SRV name.
        CertificateBased => "CERTIFICATE_BASED", "Certificate-based";
    }
}

webex_enum! {
    /// Which number Webex puts in the P-Charge-Info header on outbound calls (`pChargeInfoSupportPolicy`).
    PChargeInfoSupportPolicy {
        /// No P-Charge-Info header.
        Disabled => "DISABLED", "Disabled";
        /// The caller's primary number or the location's main number.
        AssertedIdentity => "ASSERTED_IDENTITY", "Asserted identity";
        /// The location's charge number when set, else as for the asserted identity.
        ConfigurableChargeNumber => "CONFIGURABLE_CHARGE_NUMBER", "Configurable charge number";
    }
}

webex_enum! {
    /// What a local-gateway location sends its PSTN calls through (`premiseRouteType`).
    PremiseRouteType {
        /// One trunk.
        Trunk => "TRUNK", "Trunk";
        /// A route group of up to 10 trunks.
        RouteGroup => "ROUTE_GROUP", "Route group";
    }
}

/// Body of `POST /telephony/config/premisePstn/trunks` (spec schema `TrunkPost`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewTrunk {
    /// Unique name of the trunk in the organization.
    pub name: String,
    /// Location the trunk belongs to.
    pub location_id: String,
    /// Password of the trunk, sent as typed; Webex never returns it.
    pub password: String,
    /// When true, the From and P-Asserted-Identity headers are handled independently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dual_identity_support_enabled: Option<bool>,
    /// Registering or certificate-based.
    pub trunk_type: TrunkType,
    /// One of the device types Webex lists for the trunk type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
    /// Host name or SRV name of the SBC (certificate-based only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Domain of the SBC (certificate-based only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// SIP port of the SBC (certificate-based only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
    /// Most calls at once (certificate-based only), within the device type's range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_concurrent_calls: Option<u32>,
    /// P-Charge-Info header policy; Webex's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_charge_info_support_policy: Option<PChargeInfoSupportPolicy>,
}

impl NewTrunk {
    /// The fqdnValidation body to check before creating a certificate-based trunk, if this is one.
    pub fn fqdn_validation(&self) -> Option<FqdnValidation> {
        Some(FqdnValidation {
            address: self.address.clone()?,
            domain: self.domain.clone()?,
            port: self.port?,
        })
    }
}

// Written by hand so a logged body never shows the trunk password.
impl fmt::Debug for NewTrunk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewTrunk")
            .field("name", &self.name)
            .field("location_id", &self.location_id)
            .field("password", &"<hidden>")
            .field(
                "dual_identity_support_enabled",
                &self.dual_identity_support_enabled,
            )
            .field("trunk_type", &self.trunk_type)
            .field("device_type", &self.device_type)
            .field("address", &self.address)
            .field("domain", &self.domain)
            .field("port", &self.port)
            .field("max_concurrent_calls", &self.max_concurrent_calls)
            .field(
                "p_charge_info_support_policy",
                &self.p_charge_info_support_policy,
            )
            .finish()
    }
}

/// Body of `PUT /telephony/config/premisePstn/trunks/{trunkId}` (spec schema `TrunkPut`).
///
/// `name` and `password` go with every change (the spec requires both); the other fields only
/// when they differ from what Webex answered.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrunkUpdate {
    /// The trunk's name, changed or not.
    pub name: String,
    /// The trunk's password: the current one or a new one, sent as typed.
    pub password: String,
    /// Dual identity support, when changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dual_identity_support_enabled: Option<bool>,
    /// Most calls at once (certificate-based only), when changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_concurrent_calls: Option<u32>,
    /// P-Charge-Info policy, when changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_charge_info_support_policy: Option<PChargeInfoSupportPolicy>,
}

// Written by hand so a logged body never shows the trunk password.
impl fmt::Debug for TrunkUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TrunkUpdate")
            .field("name", &self.name)
            .field("password", &"<hidden>")
            .field(
                "dual_identity_support_enabled",
                &self.dual_identity_support_enabled,
            )
            .field("max_concurrent_calls", &self.max_concurrent_calls)
            .field(
                "p_charge_info_support_policy",
                &self.p_charge_info_support_policy,
            )
            .finish()
    }
}

/// Body of `POST .../trunks/actions/fqdnValidation/invoke` (spec schema `TrunkFQDNValidatePost`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FqdnValidation {
    /// Host name or SRV name of the SBC.
    pub address: String,
    /// Domain of the SBC.
    pub domain: String,
    /// SIP port of the SBC (a JSON number in the spec).
    pub port: u32,
}

/// Body of `POST /telephony/config/premisePstn/routeGroups` and of `PUT …/routeGroups/{id}`
/// (spec schemas `RouteGroupPost` and `RouteGroupPatch`): the name and every trunk with its
/// priority, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteGroupBody {
    /// Unique name of the route group in the organization.
    pub name: String,
    /// The trunks, 1 to 10, each once.
    pub local_gateways: Vec<GatewayPriority>,
}

/// One trunk of a route group body (spec schema `LocalGateways`, sent with its required fields
/// only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GatewayPriority {
    /// The trunk's id.
    pub id: String,
    /// 1 to 10; the lowest is tried first, equal priorities share calls.
    pub priority: u32,
}

/// Body of `PUT /telephony/pstn/locations/{locationId}/connection` (spec schema
/// `SetUpPSTNLocationConnectionObject`).
///
/// The spec requires `premiseRouteType` + `premiseRouteId` for a local gateway and `id` (the
/// connection option) for a non-integrated CCP. Its own request example sends `id` together with
/// the route fields, so `id` is allowed for a local gateway too; wxcadm sends a local gateway
/// without it against live orgs, so it is optional there and sent only when given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PstnConnectionUpdate {
    /// Premises-based PSTN through a trunk or route group.
    #[serde(rename_all = "camelCase")]
    LocalGateway {
        /// Trunk or route group.
        premise_route_type: PremiseRouteType,
        /// Id of the trunk or route group.
        premise_route_id: String,
        /// Id of the "Premises-based PSTN" connection option, when known.
        #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
        option_id: Option<String>,
    },
    /// Cloud-connected PSTN provider that is not integrated, chosen by its option id.
    NonIntegratedCcp {
        /// Id of the connection option.
        id: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{from_str, json, to_string, to_value};

    #[test]
    fn enums_use_webex_wire_names() {
        assert_eq!(
            to_string(&TrunkType::Registering).unwrap(),
            r#""REGISTERING""#
        );
        assert_eq!(
            to_string(&TrunkType::CertificateBased).unwrap(),
            r#""CERTIFICATE_BASED""#
        );
        assert_eq!(
            to_string(&PChargeInfoSupportPolicy::ConfigurableChargeNumber).unwrap(),
            r#""CONFIGURABLE_CHARGE_NUMBER""#
        );
        assert_eq!(
            to_string(&PremiseRouteType::RouteGroup).unwrap(),
            r#""ROUTE_GROUP""#
        );
    }

    #[test]
    fn enums_parse_ignoring_case_and_spaces() {
        assert_eq!(
            TrunkType::parse(" certificate_based "),
            Some(TrunkType::CertificateBased)
        );
        assert_eq!(
            TrunkType::parse("Registering"),
            Some(TrunkType::Registering)
        );
        assert_eq!(TrunkType::parse("CERTIFICATE-BASED"), None);
        assert_eq!(TrunkType::parse(""), None);
        assert_eq!(
            PChargeInfoSupportPolicy::parse("asserted_identity"),
            Some(PChargeInfoSupportPolicy::AssertedIdentity)
        );
        assert_eq!(
            PremiseRouteType::parse("trunk"),
            Some(PremiseRouteType::Trunk)
        );
    }

    #[test]
    fn enums_deserialize_ignoring_case_and_reject_unknown() {
        assert_eq!(
            from_str::<TrunkType>(r#""registering""#).unwrap(),
            TrunkType::Registering
        );
        assert!(from_str::<PremiseRouteType>(r#""GATEWAY""#).is_err());
    }

    #[test]
    fn enums_have_labels_and_round_trip_every_value() {
        assert_eq!(TrunkType::CertificateBased.label(), "Certificate-based");
        assert_eq!(TrunkType::Registering.label(), "Registering");
        assert_eq!(PremiseRouteType::RouteGroup.label(), "Route group");
        assert_eq!(PremiseRouteType::Trunk.label(), "Trunk");
        for v in PChargeInfoSupportPolicy::ALL {
            assert_eq!(PChargeInfoSupportPolicy::parse(v.as_str()), Some(*v));
        }
        assert_eq!(TrunkType::ALL.len(), 2);
        assert_eq!(PremiseRouteType::Trunk.to_string(), "TRUNK");
    }

    #[test]
    fn new_trunk_leaves_out_unset_fields() {
        let body = NewTrunk {
            name: "HQ".into(),
            location_id: "L1".into(),
            password: "pw".into(),
            dual_identity_support_enabled: None,
            trunk_type: TrunkType::Registering,
            device_type: None,
            address: None,
            domain: None,
            port: None,
            max_concurrent_calls: None,
            p_charge_info_support_policy: None,
        };
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"name":"HQ","locationId":"L1","password":"pw","trunkType":"REGISTERING"}"#
        );
        assert_eq!(body.fqdn_validation(), None);
    }

    #[test]
    fn new_trunk_debug_hides_the_password() {
        let body = NewTrunk {
            name: "HQ".into(),
            location_id: "L1".into(),
            password: "s3cret!".into(),
            dual_identity_support_enabled: None,
            trunk_type: TrunkType::Registering,
            device_type: None,
            address: None,
            domain: None,
            port: None,
            max_concurrent_calls: None,
            p_charge_info_support_policy: None,
        };
        let shown = format!("{body:?}");
        assert!(!shown.contains("s3cret!"));
        assert!(shown.contains("<hidden>"));
    }

    #[test]
    fn fqdn_validation_body_has_port_as_number() {
        let body = FqdnValidation {
            address: "sbc1.example.com".into(),
            domain: "example.com".into(),
            port: 5061,
        };
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"address":"sbc1.example.com","domain":"example.com","port":5061}"#
        );
    }

    #[test]
    fn pstn_local_gateway_body() {
        let body = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::Trunk,
            premise_route_id: "T1".into(),
            option_id: None,
        };
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"premiseRouteType":"TRUNK","premiseRouteId":"T1"}"#
        );
    }

    #[test]
    fn pstn_local_gateway_body_with_option_id() {
        let body = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::RouteGroup,
            premise_route_id: "RG1".into(),
            option_id: Some("OPT".into()),
        };
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"premiseRouteType":"ROUTE_GROUP","premiseRouteId":"RG1","id":"OPT"}"#
        );
    }

    #[test]
    fn pstn_non_integrated_ccp_body() {
        let body = PstnConnectionUpdate::NonIntegratedCcp { id: "CCP".into() };
        assert_eq!(to_string(&body).unwrap(), r#"{"id":"CCP"}"#);
    }

    #[test]
    fn pstn_body_deserializes_to_the_right_variant() {
        let ccp: PstnConnectionUpdate = from_str(r#"{"id":"CCP"}"#).unwrap();
        assert_eq!(
            ccp,
            PstnConnectionUpdate::NonIntegratedCcp { id: "CCP".into() }
        );
        let lgw: PstnConnectionUpdate =
            from_str(r#"{"id":"O","premiseRouteType":"TRUNK","premiseRouteId":"T"}"#).unwrap();
        assert_eq!(
            to_value(&lgw).unwrap(),
            json!({"premiseRouteType":"TRUNK","premiseRouteId":"T","id":"O"})
        );
    }
}
