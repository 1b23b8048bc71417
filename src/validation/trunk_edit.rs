//! The "edit trunk" form: its rules and the `PUT .../premisePstn/trunks/{id}` body it produces.
//!
//! The name and maximum-calls rules are the create form's (`super::trunk`); what differs is the
//! password (Webex needs it with every change and never returns it) and that the body holds only
//! the fields whose value differs from what Webex answered.

use super::fields::{
    FieldErrors, MAX_CONCURRENT_CALLS, NAME, PASSWORD, P_CHARGE_INFO_SUPPORT_POLICY,
};
use super::trunk::{blank, name_error, parse_max_concurrent_calls, DeviceRange};
use crate::api::requests::{PChargeInfoSupportPolicy, TrunkType, TrunkUpdate};
use crate::api::trunks::TrunkDetails;
use std::fmt;

/// What Webex answered for the trunk: the values the form starts from and compares with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrunkOriginal {
    pub name: String,
    pub certificate_based: bool,
    pub device_type: Option<String>,
    pub dual_identity_support_enabled: bool,
    pub p_charge_info_support_policy: Option<PChargeInfoSupportPolicy>,
    pub max_concurrent_calls: Option<u32>,
}

impl TrunkOriginal {
    /// The values of a trunk's details answer.
    pub fn of(t: &TrunkDetails) -> Self {
        TrunkOriginal {
            name: t.name.clone(),
            certificate_based: t.trunk_type == Some(TrunkType::CertificateBased),
            device_type: t.device_type.clone(),
            dual_identity_support_enabled: t.dual_identity_support_enabled.unwrap_or(false),
            p_charge_info_support_policy: t.p_charge_info_support_policy,
            max_concurrent_calls: t.max_concurrent_calls,
        }
    }
}

/// What the admin has in the edit form; numbers stay text until validated.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TrunkEditForm {
    pub name: String,
    /// The current or a new password, kept exactly as typed; never stored.
    pub password: String,
    pub dual_identity_support_enabled: bool,
    /// P-Charge-Info policy wire name, "" when Webex answered none.
    pub p_charge_info_support_policy: String,
    /// As typed (certificate-based trunks only).
    pub max_concurrent_calls: String,
}

impl TrunkEditForm {
    /// Fields in form order: the order of [`FieldErrors`] and of focus moves.
    pub const FIELDS: [&'static str; 4] = [
        NAME,
        PASSWORD,
        P_CHARGE_INFO_SUPPORT_POLICY,
        MAX_CONCURRENT_CALLS,
    ];

    /// The form filled with what Webex answered (and no password).
    pub fn from_original(o: &TrunkOriginal) -> Self {
        TrunkEditForm {
            name: o.name.clone(),
            password: String::new(),
            dual_identity_support_enabled: o.dual_identity_support_enabled,
            p_charge_info_support_policy: o
                .p_charge_info_support_policy
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            max_concurrent_calls: o
                .max_concurrent_calls
                .map(|n| n.to_string())
                .unwrap_or_default(),
        }
    }

    /// The error of one field, or `None` when it is valid or does not apply.
    pub fn field_error(
        &self,
        field: &str,
        o: &TrunkOriginal,
        range: Option<DeviceRange>,
    ) -> Option<String> {
        match field {
            NAME => name_error(&self.name),
            PASSWORD => blank(&self.password)
                .then(|| "Enter the trunk's current password, or generate a new one.".to_owned()),
            P_CHARGE_INFO_SUPPORT_POLICY => {
                let policy = &self.p_charge_info_support_policy;
                (!blank(policy) && PChargeInfoSupportPolicy::parse(policy).is_none())
                    .then(|| "Choose a P-Charge-Info policy from the list.".to_owned())
            }
            MAX_CONCURRENT_CALLS if o.certificate_based => {
                parse_max_concurrent_calls(&self.max_concurrent_calls, range).err()
            }
            _ => None,
        }
    }

    /// What the form holds in `field`, to tell whether it changed since Webex refused it.
    pub fn value(&self, field: &str) -> &str {
        match field {
            NAME => self.name.trim(),
            PASSWORD => &self.password,
            P_CHARGE_INFO_SUPPORT_POLICY => &self.p_charge_info_support_policy,
            MAX_CONCURRENT_CALLS => self.max_concurrent_calls.trim(),
            _ => "",
        }
    }

    fn policy_change(&self, o: &TrunkOriginal) -> Option<PChargeInfoSupportPolicy> {
        PChargeInfoSupportPolicy::parse(&self.p_charge_info_support_policy)
            .filter(|p| Some(*p) != o.p_charge_info_support_policy)
    }

    fn calls_change(&self, o: &TrunkOriginal, range: Option<DeviceRange>) -> Option<u32> {
        if !o.certificate_based {
            return None;
        }
        parse_max_concurrent_calls(&self.max_concurrent_calls, range)
            .ok()
            .filter(|n| Some(*n) != o.max_concurrent_calls)
    }

    /// True when there is anything to send: a password (the current one is a valid edit), or a
    /// value that differs from what Webex answered. With nothing, Save says "Nothing to save".
    pub fn has_changes(&self, o: &TrunkOriginal) -> bool {
        !self.password.is_empty()
            || self.name.trim() != o.name
            || self.dual_identity_support_enabled != o.dual_identity_support_enabled
            || self.policy_change(o).is_some()
            || (o.certificate_based
                && self.max_concurrent_calls.trim()
                    != o.max_concurrent_calls
                        .map(|n| n.to_string())
                        .unwrap_or_default())
    }

    /// Checks every field and builds the PUT body: `name` (trimmed) and `password` (as typed)
    /// always, the other fields only when they differ from what Webex answered.
    pub fn validate(
        &self,
        o: &TrunkOriginal,
        range: Option<DeviceRange>,
    ) -> Result<TrunkUpdate, FieldErrors> {
        let mut errors = FieldErrors::new();
        for field in Self::FIELDS {
            if let Some(message) = self.field_error(field, o, range) {
                errors.insert(field, message);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(TrunkUpdate {
            name: self.name.trim().to_owned(),
            password: self.password.clone(),
            dual_identity_support_enabled: (self.dual_identity_support_enabled
                != o.dual_identity_support_enabled)
                .then_some(self.dual_identity_support_enabled),
            max_concurrent_calls: self.calls_change(o, range),
            p_charge_info_support_policy: self.policy_change(o),
        })
    }
}

/// A change in words for the history, before → after: each field the body changes, as Webex had
/// it and as sent. A body that changes nothing but the password says so.
pub fn change_words(o: &TrunkOriginal, body: &TrunkUpdate) -> (String, String) {
    fn on_off(on: bool) -> &'static str {
        if on {
            "on"
        } else {
            "off"
        }
    }
    fn policy(p: Option<PChargeInfoSupportPolicy>) -> String {
        format!("P-Charge-Info {}", p.map_or("not set", |p| p.label()))
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    if body.name != o.name {
        pairs.push((
            format!("name \"{}\"", o.name),
            format!("name \"{}\"", body.name),
        ));
    }
    if let Some(on) = body.dual_identity_support_enabled {
        pairs.push((
            format!("dual identity {}", on_off(o.dual_identity_support_enabled)),
            format!("dual identity {}", on_off(on)),
        ));
    }
    if let Some(p) = body.p_charge_info_support_policy {
        pairs.push((policy(o.p_charge_info_support_policy), policy(Some(p))));
    }
    if let Some(n) = body.max_concurrent_calls {
        let before = o
            .max_concurrent_calls
            .map_or("no call limit".to_owned(), |m| format!("at most {m} calls"));
        pairs.push((before, format!("at most {n} calls")));
    }
    if pairs.is_empty() {
        return (
            String::new(),
            "password sent again, nothing else changed".to_owned(),
        );
    }
    let (before, after): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
    (before.join(", "), after.join(", "))
}

// Written by hand so a logged form never shows the trunk password.
impl fmt::Debug for TrunkEditForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TrunkEditForm")
            .field("name", &self.name)
            .field("password", &"<hidden>")
            .field(
                "dual_identity_support_enabled",
                &self.dual_identity_support_enabled,
            )
            .field(
                "p_charge_info_support_policy",
                &self.p_charge_info_support_policy,
            )
            .field("max_concurrent_calls", &self.max_concurrent_calls)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::to_string;

    const RANGE: Option<DeviceRange> = Some(DeviceRange {
        min: 250,
        max: 1000,
    });

    fn sbc() -> TrunkOriginal {
        TrunkOriginal {
            name: "LON-SBC-01".into(),
            certificate_based: true,
            device_type: Some("Cisco Unified Border Element".into()),
            dual_identity_support_enabled: true,
            p_charge_info_support_policy: Some(PChargeInfoSupportPolicy::AssertedIdentity),
            max_concurrent_calls: Some(500),
        }
    }

    fn cube() -> TrunkOriginal {
        TrunkOriginal {
            name: "MAN-CUBE-01".into(),
            certificate_based: false,
            device_type: Some("Cisco Unified Border Element".into()),
            dual_identity_support_enabled: false,
            p_charge_info_support_policy: None,
            max_concurrent_calls: Some(250),
        }
    }

    fn body(form: &TrunkEditForm, o: &TrunkOriginal) -> String {
        to_string(&form.validate(o, RANGE).unwrap()).unwrap()
    }

    #[test]
    fn the_form_starts_from_what_webex_answered_without_a_password() {
        let form = TrunkEditForm::from_original(&sbc());
        assert_eq!(form.name, "LON-SBC-01");
        assert_eq!(form.password, "");
        assert!(form.dual_identity_support_enabled);
        assert_eq!(form.p_charge_info_support_policy, "ASSERTED_IDENTITY");
        assert_eq!(form.max_concurrent_calls, "500");
        assert!(!form.has_changes(&sbc()));
        let cube = TrunkEditForm::from_original(&cube());
        assert_eq!(cube.p_charge_info_support_policy, "");
        assert!(!cube.has_changes(&self::cube()));
    }

    #[test]
    fn only_changed_fields_go_with_name_and_password() {
        let form = TrunkEditForm {
            name: " LON-SBC-02 ".into(),
            password: "Cur!rent1".into(),
            max_concurrent_calls: "750".into(),
            ..TrunkEditForm::from_original(&sbc())
        };
        assert!(form.has_changes(&sbc()));
        assert_eq!(
            body(&form, &sbc()),
            r#"{"name":"LON-SBC-02","password":"Cur!rent1","maxConcurrentCalls":750}"#
        );
    }

    #[test]
    fn a_password_alone_is_a_valid_edit() {
        let form = TrunkEditForm {
            password: " N3w!generated ".into(),
            ..TrunkEditForm::from_original(&cube())
        };
        assert!(form.has_changes(&cube()));
        assert_eq!(
            body(&form, &cube()),
            r#"{"name":"MAN-CUBE-01","password":" N3w!generated "}"#
        );
    }

    #[test]
    fn switches_and_policies_are_sent_when_changed_only() {
        let form = TrunkEditForm {
            password: "p".into(),
            dual_identity_support_enabled: true,
            p_charge_info_support_policy: "CONFIGURABLE_CHARGE_NUMBER".into(),
            ..TrunkEditForm::from_original(&cube())
        };
        assert_eq!(
            body(&form, &cube()),
            r#"{"name":"MAN-CUBE-01","password":"p","dualIdentitySupportEnabled":true,"pChargeInfoSupportPolicy":"CONFIGURABLE_CHARGE_NUMBER"}"#
        );
        let off = TrunkEditForm {
            password: "p".into(),
            dual_identity_support_enabled: false,
            ..TrunkEditForm::from_original(&sbc())
        };
        assert_eq!(
            body(&off, &sbc()),
            r#"{"name":"LON-SBC-01","password":"p","dualIdentitySupportEnabled":false}"#
        );
    }

    #[test]
    fn a_change_without_password_asks_for_it_and_sends_nothing() {
        let form = TrunkEditForm {
            name: "LON-SBC-02".into(),
            ..TrunkEditForm::from_original(&sbc())
        };
        assert!(form.has_changes(&sbc()));
        let errors = form.validate(&sbc(), RANGE).unwrap_err();
        assert_eq!(errors.first(), Some(PASSWORD));
        assert_eq!(
            errors.get(PASSWORD),
            Some("Enter the trunk's current password, or generate a new one.")
        );
        let spaces = TrunkEditForm {
            password: "   ".into(),
            ..form
        };
        assert!(spaces.validate(&sbc(), RANGE).is_err());
    }

    #[test]
    fn a_change_is_told_field_by_field_for_the_history() {
        let form = TrunkEditForm {
            name: "LON-SBC-02".into(),
            password: "p".into(),
            dual_identity_support_enabled: false,
            max_concurrent_calls: "750".into(),
            p_charge_info_support_policy: "DISABLED".into(),
        };
        let sent = form.validate(&sbc(), RANGE).unwrap();
        assert_eq!(
            change_words(&sbc(), &sent),
            (
                "name \"LON-SBC-01\", dual identity on, P-Charge-Info Asserted identity, at most 500 calls".to_owned(),
                "name \"LON-SBC-02\", dual identity off, P-Charge-Info Disabled, at most 750 calls".to_owned()
            )
        );
        let password_only = TrunkEditForm {
            password: "p".into(),
            ..TrunkEditForm::from_original(&cube())
        };
        let sent = password_only.validate(&cube(), RANGE).unwrap();
        assert_eq!(
            change_words(&cube(), &sent),
            (
                String::new(),
                "password sent again, nothing else changed".to_owned()
            )
        );
    }

    #[test]
    fn the_name_rules_are_the_create_forms() {
        for (name, message) in [
            ("   ", "Enter a name for the trunk."),
            (
                &*"n".repeat(257),
                "Shorten the name to 256 characters or fewer.",
            ),
        ] {
            let form = TrunkEditForm {
                name: name.into(),
                password: "p".into(),
                ..TrunkEditForm::from_original(&sbc())
            };
            assert_eq!(
                form.field_error(NAME, &sbc(), RANGE).as_deref(),
                Some(message)
            );
            assert_eq!(
                form.validate(&sbc(), RANGE).unwrap_err().first(),
                Some(NAME)
            );
        }
    }

    #[test]
    fn max_calls_is_a_whole_number_in_the_device_range_on_certificate_trunks_only() {
        for bad in ["", "249", "1001", "5.5", "-300", "abc"] {
            let form = TrunkEditForm {
                password: "p".into(),
                max_concurrent_calls: bad.into(),
                ..TrunkEditForm::from_original(&sbc())
            };
            assert_eq!(
                form.field_error(MAX_CONCURRENT_CALLS, &sbc(), RANGE)
                    .as_deref(),
                Some("Enter a whole number from 250 to 1000."),
                "{bad}"
            );
        }
        let registering = TrunkEditForm {
            password: "p".into(),
            max_concurrent_calls: "abc".into(),
            ..TrunkEditForm::from_original(&cube())
        };
        assert_eq!(
            registering.field_error(MAX_CONCURRENT_CALLS, &cube(), RANGE),
            None
        );
        assert_eq!(
            registering
                .validate(&cube(), RANGE)
                .unwrap()
                .max_concurrent_calls,
            None
        );
        let same = TrunkEditForm {
            password: "p".into(),
            max_concurrent_calls: " 500 ".into(),
            ..TrunkEditForm::from_original(&sbc())
        };
        assert_eq!(
            same.validate(&sbc(), RANGE).unwrap().max_concurrent_calls,
            None
        );
    }

    #[test]
    fn an_unknown_policy_is_an_error() {
        let form = TrunkEditForm {
            password: "p".into(),
            p_charge_info_support_policy: "SOMETIMES".into(),
            ..TrunkEditForm::from_original(&cube())
        };
        assert_eq!(
            form.validate(&cube(), RANGE).unwrap_err().first(),
            Some(P_CHARGE_INFO_SUPPORT_POLICY)
        );
    }

    #[test]
    fn originals_are_read_from_the_details_answer() {
        let t: TrunkDetails = serde_json::from_str(
            r#"{"name":"LON-SBC-01","trunkType":"CERTIFICATE_BASED","deviceType":"Cisco Unified Border Element","dualIdentitySupportEnabled":true,"maxConcurrentCalls":500,"pChargeInfoSupportPolicy":"ASSERTED_IDENTITY"}"#,
        )
        .unwrap();
        assert_eq!(TrunkOriginal::of(&t), sbc());
    }

    #[test]
    fn debug_hides_the_password() {
        let form = TrunkEditForm {
            password: "s3cret!".into(),
            ..TrunkEditForm::default()
        };
        assert!(!format!("{form:?}").contains("s3cret!"));
    }
}
