//! The "new trunk" form: its rules and the `POST .../premisePstn/trunks` body it produces.

use std::fmt;

use super::fields::{
    FieldErrors, ADDRESS, DEVICE_TYPE, DOMAIN, LOCATION_ID, MAX_CONCURRENT_CALLS, NAME, PASSWORD,
    PORT, P_CHARGE_INFO_SUPPORT_POLICY, TRUNK_TYPE,
};
use super::host_name::{check_host_name, HostNameError};
use crate::api::requests::{FqdnValidation, NewTrunk, PChargeInfoSupportPolicy, TrunkType};
use crate::api::trunks::TrunkTypeInfo;

/// Longest trunk name accepted.
///
/// Neither the spec nor the Webex docs state a limit; 256 characters is a guard so an over-long
/// paste gets a clear message here rather than a server 400. Uniqueness is left to the server.
pub const MAX_NAME_CHARS: usize = 256;

/// What the admin typed in the new-trunk form; numbers stay text until validated.
/// It serializes as a draft (to survive a new sign-in) without the password.
#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TrunkForm {
    /// Trunk name.
    pub name: String,
    /// Chosen location id.
    pub location_id: String,
    /// `REGISTERING`, `CERTIFICATE_BASED` or "" when not chosen.
    pub trunk_type: String,
    /// Chosen device type, "" when not chosen.
    pub device_type: String,
    /// Trunk password, kept exactly as typed; never part of a draft.
    #[serde(skip)]
    pub password: String,
    /// Dual identity support checkbox; `None` until the admin ticks or changes it (Webex's
    /// default is off, and an untouched choice is not sent).
    pub dual_identity_support_enabled: Option<bool>,
    /// P-Charge-Info policy wire name, "" when not set.
    pub p_charge_info_support_policy: String,
    /// SBC host name or SRV name (certificate-based).
    pub address: String,
    /// SBC domain (certificate-based).
    pub domain: String,
    /// SBC SIP port as typed (certificate-based).
    pub port: String,
    /// Most concurrent calls as typed (certificate-based).
    pub max_concurrent_calls: String,
}

/// Concurrent-call limits of a device type, from the trunkTypes answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceRange {
    /// Fewest calls allowed (`minConcurrentCalls`).
    pub min: u32,
    /// Most calls allowed (`maxConcurrentCalls`).
    pub max: u32,
}

/// What the Location field says when the page's link (`?locationId=`) named a location that is
/// not among the organization's Calling locations.
pub const UNKNOWN_LOCATION_LINK: &str = "The link named a location that is not a Webex Calling location of this organization. Choose one.";

const HOST_OR_SRV_EXAMPLE: &str =
    "as a host name, like sbc1.example.com, or an SRV name, like _sips._tcp.example.com";

impl TrunkForm {
    /// Fields in form order: the order of [`FieldErrors`] and of focus moves.
    pub const FIELDS: [&'static str; 10] = [
        NAME,
        LOCATION_ID,
        TRUNK_TYPE,
        DEVICE_TYPE,
        PASSWORD,
        P_CHARGE_INFO_SUPPORT_POLICY,
        ADDRESS,
        DOMAIN,
        PORT,
        MAX_CONCURRENT_CALLS,
    ];

    /// The chosen trunk type, if a valid one is chosen.
    pub fn trunk_type(&self) -> Option<TrunkType> {
        TrunkType::parse(&self.trunk_type)
    }

    /// True when the certificate-based fields apply (and are sent).
    pub fn is_certificate_based(&self) -> bool {
        self.trunk_type() == Some(TrunkType::CertificateBased)
    }

    /// The error of one field (for showing it when the field is left), or `None` when it is valid
    /// or does not apply to the chosen trunk type.
    pub fn field_error(&self, field: &str, range: Option<DeviceRange>) -> Option<String> {
        let certificate = self.is_certificate_based();
        match field {
            NAME => name_error(&self.name),
            LOCATION_ID => blank(&self.location_id).then(|| "Choose a location.".to_owned()),
            TRUNK_TYPE => self
                .trunk_type()
                .is_none()
                .then(|| "Choose a trunk type.".to_owned()),
            DEVICE_TYPE => (certificate && blank(&self.device_type))
                .then(|| "Choose the device type of the SBC.".to_owned()),
            PASSWORD => blank(&self.password).then(|| "Enter a password for the trunk.".to_owned()),
            P_CHARGE_INFO_SUPPORT_POLICY => {
                let policy = &self.p_charge_info_support_policy;
                (!blank(policy) && PChargeInfoSupportPolicy::parse(policy).is_none())
                    .then(|| "Choose a P-Charge-Info policy from the list.".to_owned())
            }
            ADDRESS if certificate => address_error(&self.address),
            DOMAIN if certificate => domain_error(&self.domain),
            PORT if certificate => parse_port(&self.port).err(),
            MAX_CONCURRENT_CALLS if certificate => {
                parse_max_concurrent_calls(&self.max_concurrent_calls, range).err()
            }
            _ => None,
        }
    }

    /// The fqdnValidation body for the address, domain and port as typed, or the first of
    /// those fields that is not valid yet.
    pub fn fqdn_check(&self) -> Result<FqdnValidation, &'static str> {
        for field in [ADDRESS, DOMAIN, PORT] {
            if self.field_error(field, None).is_some() {
                return Err(field);
            }
        }
        Ok(FqdnValidation {
            address: self.address.trim().to_owned(),
            domain: self.domain.trim().to_owned(),
            port: parse_port(&self.port).unwrap_or_default(),
        })
    }

    /// True while the address, domain and port are still the ones `checked` holds.
    pub fn is_checked(&self, checked: &FqdnValidation) -> bool {
        self.address.trim() == checked.address
            && self.domain.trim() == checked.domain
            && parse_port(&self.port).ok() == Some(checked.port)
    }

    /// Checks every field and builds the create-trunk body holding exactly what was set:
    /// trimmed strings (except the password), no empty optional fields, numbers as numbers, and
    /// the certificate fields only on a certificate-based trunk.
    pub fn validate(&self, range: Option<DeviceRange>) -> Result<NewTrunk, FieldErrors> {
        let mut errors = FieldErrors::new();
        for field in Self::FIELDS {
            if let Some(message) = self.field_error(field, range) {
                errors.insert(field, message);
            }
        }
        let trunk_type = match self.trunk_type() {
            Some(trunk_type) if errors.is_empty() => trunk_type,
            _ => return Err(errors),
        };
        let certificate = trunk_type == TrunkType::CertificateBased;
        let cert_text = |text: &str| certificate.then(|| text.trim().to_owned());
        Ok(NewTrunk {
            name: self.name.trim().to_owned(),
            location_id: self.location_id.trim().to_owned(),
            password: self.password.clone(),
            dual_identity_support_enabled: self.dual_identity_support_enabled,
            trunk_type,
            device_type: non_blank(&self.device_type),
            address: cert_text(&self.address),
            domain: cert_text(&self.domain),
            port: certificate.then(|| parse_port(&self.port).ok()).flatten(),
            max_concurrent_calls: certificate
                .then(|| parse_max_concurrent_calls(&self.max_concurrent_calls, range).ok())
                .flatten(),
            p_charge_info_support_policy: PChargeInfoSupportPolicy::parse(
                &self.p_charge_info_support_policy,
            ),
        })
    }
}

// Written by hand so a logged form never shows the trunk password.
impl fmt::Debug for TrunkForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TrunkForm")
            .field("name", &self.name)
            .field("location_id", &self.location_id)
            .field("trunk_type", &self.trunk_type)
            .field("device_type", &self.device_type)
            .field("password", &"<hidden>")
            .field(
                "dual_identity_support_enabled",
                &self.dual_identity_support_enabled,
            )
            .field(
                "p_charge_info_support_policy",
                &self.p_charge_info_support_policy,
            )
            .field("address", &self.address)
            .field("domain", &self.domain)
            .field("port", &self.port)
            .field("max_concurrent_calls", &self.max_concurrent_calls)
            .finish()
    }
}

/// The concurrent-call range of `device_type` of `trunk_type`, from the trunkTypes answer.
pub fn device_range(
    types: &[TrunkTypeInfo],
    trunk_type: Option<TrunkType>,
    device_type: &str,
) -> Option<DeviceRange> {
    let d = types
        .iter()
        .find(|t| Some(t.trunk_type) == trunk_type)?
        .device_types
        .iter()
        .find(|d| d.device_type == device_type)?;
    Some(DeviceRange {
        min: d.min_concurrent_calls?,
        max: d.max_concurrent_calls?,
    })
}

/// Empty or only spaces.
pub(super) fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The trimmed text, or `None` when blank.
fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

pub(super) fn name_error(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        Some("Enter a name for the trunk.".to_owned())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(format!(
            "Shorten the name to {MAX_NAME_CHARS} characters or fewer."
        ))
    } else {
        None
    }
}

fn address_error(address: &str) -> Option<String> {
    let message = match check_host_name(address, true).err()? {
        HostNameError::Empty | HostNameError::Invalid => {
            format!("Enter the SBC's address {HOST_OR_SRV_EXAMPLE}.")
        }
        HostNameError::Space => {
            format!("Remove the spaces: enter the SBC's address {HOST_OR_SRV_EXAMPLE}.")
        }
        HostNameError::Scheme => format!(
            "Leave out the scheme (like sip:) and enter the SBC's address {HOST_OR_SRV_EXAMPLE}."
        ),
        HostNameError::Port => {
            "Leave the port out of the address and enter it under Port.".to_owned()
        }
    };
    Some(message)
}

fn domain_error(domain: &str) -> Option<String> {
    let message = match check_host_name(domain, false).err()? {
        HostNameError::Empty | HostNameError::Invalid => {
            "Enter the SBC's domain as a host name, like example.com."
        }
        HostNameError::Space => "Remove the spaces: enter the domain as a host name, like example.com.",
        HostNameError::Scheme => {
            "Leave out the scheme (like sip:) and enter the domain as a host name, like example.com."
        }
        HostNameError::Port => "Leave the port out of the domain and enter it under Port.",
    };
    Some(message.to_owned())
}

/// Digits only (after trimming): no signs, decimals, separators or inner spaces.
/// Digits only (no sign, no spaces inside), as a number.
pub(super) fn parse_whole_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_port(text: &str) -> Result<u32, String> {
    if blank(text) {
        return Err("Enter the SBC's SIP port, like 5061.".to_owned());
    }
    parse_whole_number(text)
        .filter(|port| (1..=65_535).contains(port))
        .ok_or_else(|| "Enter the port as a whole number from 1 to 65535.".to_owned())
}

pub(super) fn parse_max_concurrent_calls(
    text: &str,
    range: Option<DeviceRange>,
) -> Result<u32, String> {
    let (min, max) = range.map_or((1, u32::MAX), |r| (r.min, r.max));
    let message = || match range {
        Some(r) => format!("Enter a whole number from {} to {}.", r.min, r.max),
        None => "Enter a whole number of 1 or more.".to_owned(),
    };
    parse_whole_number(text)
        .filter(|calls| (min..=max).contains(calls))
        .ok_or_else(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::to_string;

    const RANGE: Option<DeviceRange> = Some(DeviceRange {
        min: 250,
        max: 1000,
    });

    fn registering() -> TrunkForm {
        TrunkForm {
            name: "  HQ gateway ".into(),
            location_id: " LOC1 ".into(),
            trunk_type: "REGISTERING".into(),
            password: " Xy9!trunkPass ".into(),
            ..TrunkForm::default()
        }
    }

    fn certificate() -> TrunkForm {
        TrunkForm {
            name: "Dallas SBC".into(),
            location_id: "LOC2".into(),
            trunk_type: "CERTIFICATE_BASED".into(),
            device_type: "Cisco Unified Border Element".into(),
            password: "Xy9!trunkPass".into(),
            address: " sbc1.example.com ".into(),
            domain: "example.com".into(),
            port: " 5061 ".into(),
            max_concurrent_calls: "500".into(),
            ..TrunkForm::default()
        }
    }

    fn error(form: &TrunkForm, field: &str) -> Option<String> {
        let from_field = form.field_error(field, RANGE);
        let from_validate = form
            .validate(RANGE)
            .err()
            .and_then(|e| e.get(field).map(str::to_owned));
        assert_eq!(from_field, from_validate, "field_error and validate agree");
        from_field
    }

    // ---- bodies ----

    #[test]
    fn registering_body_json() {
        let body = registering().validate(None).unwrap();
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"name":"HQ gateway","locationId":"LOC1","password":" Xy9!trunkPass ","trunkType":"REGISTERING"}"#
        );
    }

    #[test]
    fn dual_identity_is_sent_only_once_the_admin_set_it() {
        let unticked = TrunkForm {
            dual_identity_support_enabled: Some(false),
            ..registering()
        };
        assert_eq!(
            unticked
                .validate(None)
                .unwrap()
                .dual_identity_support_enabled,
            Some(false)
        );
        assert_eq!(
            registering()
                .validate(None)
                .unwrap()
                .dual_identity_support_enabled,
            None
        );
        // A draft saved before this was optional still reads.
        let old: TrunkForm =
            serde_json::from_str(r#"{"name":"x","dual_identity_support_enabled":true}"#).unwrap();
        assert_eq!(old.dual_identity_support_enabled, Some(true));
    }

    #[test]
    fn device_ranges_come_from_the_trunk_types_answer() {
        let types: Vec<TrunkTypeInfo> = serde_json::from_str(r#"[{"trunkType":"CERTIFICATE_BASED","deviceTypes":[{"deviceType":"Cisco Unified Border Element","minConcurrentCalls":250,"maxConcurrentCalls":1000},{"deviceType":"Other"}]}]"#).unwrap();
        let cert = Some(TrunkType::CertificateBased);
        assert_eq!(
            device_range(&types, cert, "Cisco Unified Border Element"),
            RANGE
        );
        assert_eq!(device_range(&types, cert, "Other"), None);
        assert_eq!(device_range(&types, cert, "Nope"), None);
        assert_eq!(
            device_range(
                &types,
                Some(TrunkType::Registering),
                "Cisco Unified Border Element"
            ),
            None
        );
    }

    #[test]
    fn registering_body_drops_certificate_fields_typed_earlier() {
        let form = TrunkForm {
            address: "sbc1.example.com".into(),
            domain: "not a domain".into(),
            port: "abc".into(),
            max_concurrent_calls: "5".into(),
            ..registering()
        };
        let body = form.validate(RANGE).unwrap();
        assert_eq!(body.address, None);
        assert_eq!(body.domain, None);
        assert_eq!(body.port, None);
        assert_eq!(body.max_concurrent_calls, None);
    }

    #[test]
    fn registering_body_with_optional_choices() {
        let form = TrunkForm {
            device_type: " Cisco Unified Border Element ".into(),
            dual_identity_support_enabled: Some(true),
            p_charge_info_support_policy: "ASSERTED_IDENTITY".into(),
            ..registering()
        };
        assert_eq!(
            to_string(&form.validate(None).unwrap()).unwrap(),
            r#"{"name":"HQ gateway","locationId":"LOC1","password":" Xy9!trunkPass ","dualIdentitySupportEnabled":true,"trunkType":"REGISTERING","deviceType":"Cisco Unified Border Element","pChargeInfoSupportPolicy":"ASSERTED_IDENTITY"}"#
        );
    }

    #[test]
    fn certificate_based_body_json() {
        let body = certificate().validate(RANGE).unwrap();
        assert_eq!(
            to_string(&body).unwrap(),
            r#"{"name":"Dallas SBC","locationId":"LOC2","password":"Xy9!trunkPass","trunkType":"CERTIFICATE_BASED","deviceType":"Cisco Unified Border Element","address":"sbc1.example.com","domain":"example.com","port":5061,"maxConcurrentCalls":500}"#
        );
        let check = body.fqdn_validation().unwrap();
        assert_eq!(
            to_string(&check).unwrap(),
            r#"{"address":"sbc1.example.com","domain":"example.com","port":5061}"#
        );
    }

    #[test]
    fn the_address_check_takes_the_typed_values_or_names_the_first_bad_field() {
        let form = certificate();
        let checked = form.fqdn_check().unwrap();
        assert_eq!(
            to_string(&checked).unwrap(),
            r#"{"address":"sbc1.example.com","domain":"example.com","port":5061}"#
        );
        assert!(form.is_checked(&checked));
        let moved = TrunkForm {
            port: "5062".into(),
            ..certificate()
        };
        assert!(!moved.is_checked(&checked));
        let bad = TrunkForm {
            domain: "nope".into(),
            port: "x".into(),
            ..certificate()
        };
        assert_eq!(bad.fqdn_check(), Err(DOMAIN));
    }

    #[test]
    fn certificate_based_body_with_srv_address() {
        let form = TrunkForm {
            address: "_sips._tcp.example.com".into(),
            ..certificate()
        };
        let body = form.validate(RANGE).unwrap();
        assert_eq!(body.address.as_deref(), Some("_sips._tcp.example.com"));
    }

    #[test]
    fn empty_form_reports_required_fields_in_form_order() {
        let errors = TrunkForm::default().validate(RANGE).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, [NAME, LOCATION_ID, TRUNK_TYPE, PASSWORD]);
        assert_eq!(errors.first(), Some(NAME));
    }

    #[test]
    fn empty_certificate_form_reports_certificate_fields_in_form_order() {
        let form = TrunkForm {
            trunk_type: "CERTIFICATE_BASED".into(),
            ..TrunkForm::default()
        };
        let errors = form.validate(RANGE).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                NAME,
                LOCATION_ID,
                DEVICE_TYPE,
                PASSWORD,
                ADDRESS,
                DOMAIN,
                PORT,
                MAX_CONCURRENT_CALLS
            ]
        );
        let only_port = TrunkForm {
            port: "0".into(),
            ..certificate()
        };
        assert_eq!(only_port.validate(RANGE).unwrap_err().first(), Some(PORT));
    }

    // ---- name ----

    #[test]
    fn name_is_required() {
        let form = TrunkForm {
            name: "   ".into(),
            ..registering()
        };
        assert_eq!(
            error(&form, NAME).as_deref(),
            Some("Enter a name for the trunk.")
        );
    }

    #[test]
    fn name_is_trimmed_and_limited_to_256_characters() {
        let at_limit = TrunkForm {
            name: format!(" {} ", "é".repeat(256)),
            ..registering()
        };
        assert_eq!(error(&at_limit, NAME), None);
        assert_eq!(at_limit.validate(None).unwrap().name, "é".repeat(256));
        let over = TrunkForm {
            name: "n".repeat(257),
            ..registering()
        };
        assert_eq!(
            error(&over, NAME).as_deref(),
            Some("Shorten the name to 256 characters or fewer.")
        );
    }

    // ---- location, trunk type, password ----

    #[test]
    fn location_is_required() {
        let form = TrunkForm {
            location_id: " ".into(),
            ..registering()
        };
        assert_eq!(
            error(&form, LOCATION_ID).as_deref(),
            Some("Choose a location.")
        );
    }

    #[test]
    fn trunk_type_is_required_and_must_be_known() {
        for value in ["", "GATEWAY"] {
            let form = TrunkForm {
                trunk_type: value.into(),
                ..registering()
            };
            assert_eq!(
                error(&form, TRUNK_TYPE).as_deref(),
                Some("Choose a trunk type.")
            );
        }
        let lower = TrunkForm {
            trunk_type: "certificate_based".into(),
            ..certificate()
        };
        assert_eq!(
            lower.validate(RANGE).unwrap().trunk_type,
            TrunkType::CertificateBased
        );
    }

    #[test]
    fn password_is_required_and_only_spaces_is_empty() {
        let form = TrunkForm {
            password: "    ".into(),
            ..registering()
        };
        assert_eq!(
            error(&form, PASSWORD).as_deref(),
            Some("Enter a password for the trunk.")
        );
    }

    #[test]
    fn password_is_sent_untrimmed() {
        assert_eq!(
            registering().validate(None).unwrap().password,
            " Xy9!trunkPass "
        );
    }

    // ---- device type ----

    #[test]
    fn device_type_is_required_for_certificate_based_only() {
        let certificate = TrunkForm {
            device_type: " ".into(),
            ..certificate()
        };
        assert_eq!(
            error(&certificate, DEVICE_TYPE).as_deref(),
            Some("Choose the device type of the SBC.")
        );
        let registering = registering();
        assert_eq!(error(&registering, DEVICE_TYPE), None);
        assert_eq!(registering.validate(None).unwrap().device_type, None);
    }

    // ---- P-Charge-Info ----

    #[test]
    fn p_charge_info_policy_is_optional_but_must_be_known() {
        assert_eq!(
            registering()
                .validate(None)
                .unwrap()
                .p_charge_info_support_policy,
            None
        );
        let bad = TrunkForm {
            p_charge_info_support_policy: "SOMETIMES".into(),
            ..registering()
        };
        assert_eq!(
            error(&bad, P_CHARGE_INFO_SUPPORT_POLICY).as_deref(),
            Some("Choose a P-Charge-Info policy from the list.")
        );
    }

    // ---- address ----

    #[test]
    fn address_is_required_for_certificate_based() {
        let form = TrunkForm {
            address: "  ".into(),
            ..certificate()
        };
        assert_eq!(
            error(&form, ADDRESS).as_deref(),
            Some("Enter the SBC's address as a host name, like sbc1.example.com, or an SRV name, like _sips._tcp.example.com.")
        );
    }

    #[test]
    fn address_must_be_a_host_name_or_srv_name() {
        for bad in ["sbc1", "sbc1..example.com", "-sbc.example.com", "192.0.2.1"] {
            let form = TrunkForm {
                address: bad.into(),
                ..certificate()
            };
            assert_eq!(
                error(&form, ADDRESS).as_deref(),
                Some("Enter the SBC's address as a host name, like sbc1.example.com, or an SRV name, like _sips._tcp.example.com."),
                "{bad}"
            );
        }
    }

    #[test]
    fn address_explains_spaces_schemes_and_ports() {
        let with = |address: &str| TrunkForm {
            address: address.into(),
            ..certificate()
        };
        assert_eq!(
            error(&with("sbc1 example.com"), ADDRESS).as_deref(),
            Some("Remove the spaces: enter the SBC's address as a host name, like sbc1.example.com, or an SRV name, like _sips._tcp.example.com.")
        );
        assert_eq!(
            error(&with("sip:sbc1.example.com"), ADDRESS).as_deref(),
            Some("Leave out the scheme (like sip:) and enter the SBC's address as a host name, like sbc1.example.com, or an SRV name, like _sips._tcp.example.com.")
        );
        assert_eq!(
            error(&with("sbc1.example.com:5061"), ADDRESS).as_deref(),
            Some("Leave the port out of the address and enter it under Port.")
        );
    }

    // ---- domain ----

    #[test]
    fn domain_is_required_and_a_host_name() {
        for bad in ["", "example", "_sips._tcp.example.com", "exa mple.com"] {
            let form = TrunkForm {
                domain: bad.into(),
                ..certificate()
            };
            assert!(error(&form, DOMAIN).is_some(), "{bad}");
        }
        let empty = TrunkForm {
            domain: String::new(),
            ..certificate()
        };
        assert_eq!(
            error(&empty, DOMAIN).as_deref(),
            Some("Enter the SBC's domain as a host name, like example.com.")
        );
        let with_port = TrunkForm {
            domain: "example.com:5061".into(),
            ..certificate()
        };
        assert_eq!(
            error(&with_port, DOMAIN).as_deref(),
            Some("Leave the port out of the domain and enter it under Port.")
        );
    }

    // ---- port ----

    #[test]
    fn port_is_required() {
        let form = TrunkForm {
            port: " ".into(),
            ..certificate()
        };
        assert_eq!(
            error(&form, PORT).as_deref(),
            Some("Enter the SBC's SIP port, like 5061.")
        );
    }

    #[test]
    fn port_is_a_whole_number_from_1_to_65535() {
        for bad in [
            "0",
            "65536",
            "-1",
            "+5061",
            "5061.0",
            "50 61",
            "5,061",
            "tls",
            "99999999999",
        ] {
            let form = TrunkForm {
                port: bad.into(),
                ..certificate()
            };
            assert_eq!(
                error(&form, PORT).as_deref(),
                Some("Enter the port as a whole number from 1 to 65535."),
                "{bad}"
            );
        }
        for (good, port) in [("1", 1), ("65535", 65_535), ("5061", 5061)] {
            let form = TrunkForm {
                port: good.into(),
                ..certificate()
            };
            assert_eq!(form.validate(RANGE).unwrap().port, Some(port));
        }
    }

    // ---- max concurrent calls ----

    #[test]
    fn max_concurrent_calls_is_within_the_device_range() {
        for bad in ["", "249", "1001", "-300", "300.5", "3 00", "abc"] {
            let form = TrunkForm {
                max_concurrent_calls: bad.into(),
                ..certificate()
            };
            assert_eq!(
                error(&form, MAX_CONCURRENT_CALLS).as_deref(),
                Some("Enter a whole number from 250 to 1000."),
                "{bad}"
            );
        }
        for (good, calls) in [("250", 250), (" 1000 ", 1000)] {
            let form = TrunkForm {
                max_concurrent_calls: good.into(),
                ..certificate()
            };
            assert_eq!(
                form.validate(RANGE).unwrap().max_concurrent_calls,
                Some(calls)
            );
        }
    }

    #[test]
    fn max_concurrent_calls_without_a_range_is_at_least_one() {
        let zero = TrunkForm {
            max_concurrent_calls: "0".into(),
            ..certificate()
        };
        assert_eq!(
            zero.field_error(MAX_CONCURRENT_CALLS, None).as_deref(),
            Some("Enter a whole number of 1 or more.")
        );
        let many = TrunkForm {
            max_concurrent_calls: "5000".into(),
            ..certificate()
        };
        assert_eq!(
            many.validate(None).unwrap().max_concurrent_calls,
            Some(5000)
        );
    }

    #[test]
    fn certificate_rules_do_not_apply_to_registering_trunks() {
        let form = registering();
        for field in [ADDRESS, DOMAIN, PORT, MAX_CONCURRENT_CALLS] {
            assert_eq!(form.field_error(field, RANGE), None, "{field}");
        }
    }

    #[test]
    fn unknown_field_has_no_error() {
        assert_eq!(TrunkForm::default().field_error("nickname", RANGE), None);
    }

    #[test]
    fn form_debug_hides_the_password() {
        let shown = format!("{:?}", registering());
        assert!(!shown.contains("Xy9!trunkPass"));
    }
}
