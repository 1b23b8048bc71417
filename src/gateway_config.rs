//! The Cisco IOS XE (CUBE) configuration that registers a local gateway to a REGISTERING trunk.
//!
//! It follows Cisco's "Configure Local Gateway on Cisco IOS XE for Webex Calling"
//! (registration-based trunk): the SRTP crypto suite, the SIP profile, the `voice class tenant`
//! that registers to Webex, and the `voice class uri` that matches calls coming from Webex.
//! Dial peers, codecs and the PSTN side depend on the site and are left to the admin.

/// Shown instead of the password when it is not known (Webex never returns it).
pub const PASSWORD_PLACEHOLDER: &str = "<password set when the trunk was created>";

/// The trunk values the configuration needs, from the trunk details and its creation.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct GatewayValues {
    /// `linePort`, like `lg1_..._LGU@64941297.int10.bcld.webex.com`.
    pub line_port: String,
    /// `sipAuthenticationUserName`.
    pub username: String,
    /// The password set at creation, when still known.
    pub password: Option<String>,
    /// `outboundProxy.outboundProxy`.
    pub outbound_proxy: String,
    /// `otgDtgId`.
    pub otg_dtg_id: String,
}

// Written by hand so a logged value never shows the trunk password.
impl std::fmt::Debug for GatewayValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayValues")
            .field("line_port", &self.line_port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<hidden>"))
            .field("outbound_proxy", &self.outbound_proxy)
            .field("otg_dtg_id", &self.otg_dtg_id)
            .finish()
    }
}

impl GatewayValues {
    /// Line/port: the `linePort` before the `@`.
    pub fn line_and_port(&self) -> &str {
        let line_port = self.line_port.trim();
        line_port
            .split_once('@')
            .map_or(line_port, |(line, _)| line)
    }

    /// Registrar domain: the `linePort` after the `@` ("" when there is no `@`).
    pub fn registrar_domain(&self) -> &str {
        self.line_port
            .trim()
            .split_once('@')
            .map_or("", |(_, domain)| domain)
    }
}

/// The value, trimmed, or a `<placeholder>` when it is empty.
fn or_placeholder<'a>(value: &'a str, placeholder: &'a str) -> &'a str {
    let value = value.trim();
    if value.is_empty() {
        placeholder
    } else {
        value
    }
}

/// The CUBE configuration for a REGISTERING trunk, ready to paste after adapting interface names.
pub fn cube_config(v: &GatewayValues) -> String {
    let line_port = or_placeholder(v.line_and_port(), "<line/port>");
    let domain = or_placeholder(v.registrar_domain(), "<registrar domain>");
    let user = or_placeholder(&v.username, "<username>");
    // Not trimmed: the password must stay exactly as it was set.
    let password = match v.password.as_deref() {
        Some(password) if !password.trim().is_empty() => password,
        _ => PASSWORD_PLACEHOLDER,
    };
    let proxy = or_placeholder(&v.outbound_proxy, "<outbound proxy>");
    let otg = or_placeholder(&v.otg_dtg_id, "<trunk group OTG/DTG>");
    // The uri pattern is an IOS regular expression, where `_` is a delimiter class and not a
    // literal; Cisco's guide writes the OTG/DTG there with `.` (which matches the underscore).
    let dtg_pattern = otg.replace('_', ".");

    let mut notes = String::new();
    if [line_port, domain, user, password, proxy, otg]
        .iter()
        .any(|value| value.starts_with('<'))
    {
        notes.push_str("! Replace every <...> placeholder before pasting.\n");
    }
    if password.contains('?') {
        notes.push_str(
            "! The password holds a '?': type Ctrl+V before it, or the CLI shows help.\n",
        );
    }

    format!(
        r#"! Webex Calling local gateway (Cisco IOS XE CUBE), registering trunk
! Line/port:        {line_port}
! Registrar domain: {domain}
! Username:         {user}
! Outbound proxy:   {proxy}
! OTG/DTG:          {otg}
! Adapt the interface names (GigabitEthernet1) to the interface facing Webex.
{notes}!
voice class srtp-crypto 100
 crypto 1 AES_CM_128_HMAC_SHA1_80
!
voice class sip-profiles 100
 rule 10 request ANY sip-header SIP-Req-URI modify "sips:(.*)" "sip:\1"
 rule 20 request ANY sip-header To modify "<sips:(.*)" "<sip:\1"
 rule 30 request ANY sip-header From modify "<sips:(.*)" "<sip:\1"
 rule 40 request ANY sip-header Contact modify "<sips:(.*)>" "<sip:\1;transport=tls>"
 rule 50 response ANY sip-header To modify "<sips:(.*)" "<sip:\1"
 rule 60 response ANY sip-header From modify "<sips:(.*)" "<sip:\1"
 rule 70 response ANY sip-header Contact modify "<sips:(.*)" "<sip:\1"
 rule 80 request ANY sip-header From modify ">" ";otg={otg}>"
 rule 90 request ANY sip-header P-Asserted-Identity modify "<sips:(.*)" "<sip:\1"
!
voice class tenant 100
 registrar dns:{domain} scheme sips expires 240 refresh-ratio 50 tcp tls
 credentials number {line_port} username {user} password 0 {password} realm BroadWorks
 authentication username {user} password 0 {password} realm BroadWorks
 authentication username {user} password 0 {password} realm {domain}
 no remote-party-id
 sip-server dns:{domain}
 connection-reuse
 srtp-crypto 100
 session transport tcp tls
 url sips
 error-passthru
 asserted-id pai
 bind control source-interface GigabitEthernet1
 bind media source-interface GigabitEthernet1
 no pass-thru content custom-sdp
 sip-profiles 100
 outbound-proxy dns:{proxy}
 privacy-policy passthru
!
voice class uri 100 sip
 pattern dtg={dtg_pattern}
!
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> GatewayValues {
        GatewayValues {
            line_port: "lg1_sias10_cpapi16004_LGU@64941297.int10.bcld.webex.com".into(),
            username: "Shm2Q0016BLp".into(),
            password: Some("Xy9!trunkPass".into()),
            outbound_proxy: "dfw03.sipconnect-us.bcld.webex.com".into(),
            otg_dtg_id: "lg1_sias10_cpapi12446_lgu".into(),
        }
    }

    const EXAMPLE_CONFIG: &str = r#"! Webex Calling local gateway (Cisco IOS XE CUBE), registering trunk
! Line/port:        lg1_sias10_cpapi16004_LGU
! Registrar domain: 64941297.int10.bcld.webex.com
! Username:         Shm2Q0016BLp
! Outbound proxy:   dfw03.sipconnect-us.bcld.webex.com
! OTG/DTG:          lg1_sias10_cpapi12446_lgu
! Adapt the interface names (GigabitEthernet1) to the interface facing Webex.
!
voice class srtp-crypto 100
 crypto 1 AES_CM_128_HMAC_SHA1_80
!
voice class sip-profiles 100
 rule 10 request ANY sip-header SIP-Req-URI modify "sips:(.*)" "sip:\1"
 rule 20 request ANY sip-header To modify "<sips:(.*)" "<sip:\1"
 rule 30 request ANY sip-header From modify "<sips:(.*)" "<sip:\1"
 rule 40 request ANY sip-header Contact modify "<sips:(.*)>" "<sip:\1;transport=tls>"
 rule 50 response ANY sip-header To modify "<sips:(.*)" "<sip:\1"
 rule 60 response ANY sip-header From modify "<sips:(.*)" "<sip:\1"
 rule 70 response ANY sip-header Contact modify "<sips:(.*)" "<sip:\1"
 rule 80 request ANY sip-header From modify ">" ";otg=lg1_sias10_cpapi12446_lgu>"
 rule 90 request ANY sip-header P-Asserted-Identity modify "<sips:(.*)" "<sip:\1"
!
voice class tenant 100
 registrar dns:64941297.int10.bcld.webex.com scheme sips expires 240 refresh-ratio 50 tcp tls
 credentials number lg1_sias10_cpapi16004_LGU username Shm2Q0016BLp password 0 Xy9!trunkPass realm BroadWorks
 authentication username Shm2Q0016BLp password 0 Xy9!trunkPass realm BroadWorks
 authentication username Shm2Q0016BLp password 0 Xy9!trunkPass realm 64941297.int10.bcld.webex.com
 no remote-party-id
 sip-server dns:64941297.int10.bcld.webex.com
 connection-reuse
 srtp-crypto 100
 session transport tcp tls
 url sips
 error-passthru
 asserted-id pai
 bind control source-interface GigabitEthernet1
 bind media source-interface GigabitEthernet1
 no pass-thru content custom-sdp
 sip-profiles 100
 outbound-proxy dns:dfw03.sipconnect-us.bcld.webex.com
 privacy-policy passthru
!
voice class uri 100 sip
 pattern dtg=lg1.sias10.cpapi12446.lgu
!
"#;

    #[test]
    fn full_config_for_the_spec_example() {
        assert_eq!(cube_config(&example()), EXAMPLE_CONFIG);
    }

    #[test]
    fn line_port_splits_at_the_at_sign() {
        let v = example();
        assert_eq!(v.line_and_port(), "lg1_sias10_cpapi16004_LGU");
        assert_eq!(v.registrar_domain(), "64941297.int10.bcld.webex.com");
        let no_at = GatewayValues {
            line_port: "lg1_LGU".into(),
            ..example()
        };
        assert_eq!(no_at.line_and_port(), "lg1_LGU");
        assert_eq!(no_at.registrar_domain(), "");
    }

    #[test]
    fn unknown_password_becomes_a_clear_placeholder() {
        for password in [None, Some(String::new()), Some("  ".into())] {
            let config = cube_config(&GatewayValues {
                password,
                ..example()
            });
            let expected = EXAMPLE_CONFIG
                .replace("Xy9!trunkPass", PASSWORD_PLACEHOLDER)
                .replace(
                    "facing Webex.\n!\n",
                    "facing Webex.\n! Replace every <...> placeholder before pasting.\n!\n",
                );
            assert_eq!(config, expected);
        }
    }

    #[test]
    fn missing_values_become_placeholders() {
        let config = cube_config(&GatewayValues {
            line_port: "lg1_LGU".into(),
            outbound_proxy: " ".into(),
            ..example()
        });
        assert!(config.contains("registrar dns:<registrar domain> scheme sips"));
        assert!(config.contains("outbound-proxy dns:<outbound proxy>\n"));
        assert!(config.contains("! Replace every <...> placeholder before pasting.\n"));
    }

    #[test]
    fn password_with_question_mark_gets_a_cli_note() {
        let config = cube_config(&GatewayValues {
            password: Some("ab?cd".into()),
            ..example()
        });
        assert!(config.contains("! The password holds a '?'"));
        assert!(config.contains("password 0 ab?cd realm BroadWorks"));
    }

    #[test]
    fn values_are_trimmed() {
        let config = cube_config(&GatewayValues {
            line_port: " lg1_sias10_cpapi16004_LGU@64941297.int10.bcld.webex.com ".into(),
            username: " Shm2Q0016BLp ".into(),
            outbound_proxy: " dfw03.sipconnect-us.bcld.webex.com ".into(),
            otg_dtg_id: " lg1_sias10_cpapi12446_lgu ".into(),
            ..example()
        });
        assert_eq!(config, EXAMPLE_CONFIG);
    }

    #[test]
    fn debug_hides_the_password() {
        assert!(!format!("{:?}", example()).contains("Xy9!trunkPass"));
    }
}
