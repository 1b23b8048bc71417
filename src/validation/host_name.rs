//! Syntax of the host names and SRV names an admin types for a certificate-based trunk.
//!
//! Hand-written instead of a regex: the `regex` crate would add its tables to the wasm.

/// Why a typed name is not a host name (or SRV name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HostNameError {
    /// Nothing typed (only spaces).
    Empty,
    /// Spaces inside the name.
    Space,
    /// A URI scheme such as `sip:` in front.
    Scheme,
    /// A `:port` after the name.
    Port,
    /// Any other break of the label rules.
    Invalid,
}

/// Longest name in presentation form (RFC 1035 limits the wire form to 255 octets).
const MAX_NAME_LEN: usize = 253;
/// Longest label (RFC 1035).
const MAX_LABEL_LEN: usize = 63;

/// Checks a host name like `sbc1.example.com`, or with `allow_srv` also an SRV name like
/// `_sips._tcp.example.com`.
///
/// A host name has at least two labels of 1–63 letters, digits and hyphens, none starting or
/// ending with a hyphen, and a last label holding a letter (so an IPv4 address is refused). An SRV
/// name puts exactly two `_`-labels (service, protocol) in front of such a host name.
pub(crate) fn check_host_name(text: &str, allow_srv: bool) -> Result<(), HostNameError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(HostNameError::Empty);
    }
    if text.chars().any(char::is_whitespace) {
        return Err(HostNameError::Space);
    }
    if let Some((before, after)) = text.split_once(':') {
        let after_is_port = !after.is_empty() && after.bytes().all(|b| b.is_ascii_digit());
        if after_is_port {
            return Err(HostNameError::Port);
        }
        if !before.is_empty() && before.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(HostNameError::Scheme);
        }
        return Err(HostNameError::Invalid);
    }
    if text.len() > MAX_NAME_LEN {
        return Err(HostNameError::Invalid);
    }

    let labels: Vec<&str> = text.split('.').collect();
    let srv_labels = labels.iter().take_while(|l| l.starts_with('_')).count();
    let valid_prefix = match srv_labels {
        0 => true,
        2 => allow_srv && labels[..2].iter().all(|l| is_srv_label(l)),
        _ => false,
    };
    let host = &labels[srv_labels..];
    let valid_host = host.len() >= 2
        && host.iter().all(|l| is_host_label(l))
        && host
            .last()
            .is_some_and(|l| l.bytes().any(|b| b.is_ascii_alphabetic()));
    if valid_prefix && valid_host {
        Ok(())
    } else {
        Err(HostNameError::Invalid)
    }
}

/// 1–63 letters, digits and hyphens, not starting or ending with a hyphen.
fn is_host_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= MAX_LABEL_LEN
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// `_` followed by a host label, 63 characters at most in all (e.g. `_sips`, `_tcp`).
fn is_srv_label(label: &str) -> bool {
    label.len() <= MAX_LABEL_LEN && label.strip_prefix('_').is_some_and(is_host_label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use HostNameError::*;

    fn host(text: &str) -> Result<(), HostNameError> {
        check_host_name(text, false)
    }

    fn address(text: &str) -> Result<(), HostNameError> {
        check_host_name(text, true)
    }

    #[test]
    fn accepts_host_names() {
        for name in [
            "sbc1.example.com",
            "example.com",
            "SBC-1.Example.COM",
            "a.b.c.d.example.co.uk",
            "x1.io",
            " sbc1.example.com ",
        ] {
            assert_eq!(host(name), Ok(()), "{name}");
            assert_eq!(address(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn accepts_srv_names_only_where_allowed() {
        assert_eq!(address("_sips._tcp.example.com"), Ok(()));
        assert_eq!(address("_sip._tls.sbc.example.com"), Ok(()));
        assert_eq!(host("_sips._tcp.example.com"), Err(Invalid));
    }

    #[test]
    fn refuses_empty_and_only_spaces() {
        assert_eq!(host(""), Err(Empty));
        assert_eq!(address("   "), Err(Empty));
    }

    #[test]
    fn refuses_spaces_inside() {
        assert_eq!(address("sbc1 .example.com"), Err(Space));
        assert_eq!(address("sbc1.exa\tmple.com"), Err(Space));
    }

    #[test]
    fn refuses_schemes_and_ports() {
        assert_eq!(address("sip:sbc1.example.com"), Err(Scheme));
        assert_eq!(address("sips:sbc1.example.com"), Err(Scheme));
        assert_eq!(address("https://sbc1.example.com"), Err(Scheme));
        assert_eq!(address("sbc1.example.com:5061"), Err(Port));
        assert_eq!(address("sbc1.example.com:"), Err(Invalid));
        assert_eq!(address("sbc1.example.com:tls"), Err(Invalid));
    }

    #[test]
    fn refuses_single_labels_and_empty_labels() {
        assert_eq!(address("localhost"), Err(Invalid));
        assert_eq!(address("sbc1..example.com"), Err(Invalid));
        assert_eq!(address(".example.com"), Err(Invalid));
        assert_eq!(address("sbc1.example.com."), Err(Invalid));
    }

    #[test]
    fn refuses_bad_label_characters_and_hyphens_at_the_edges() {
        assert_eq!(address("-sbc.example.com"), Err(Invalid));
        assert_eq!(address("sbc-.example.com"), Err(Invalid));
        assert_eq!(address("sbc_1.example.com"), Err(Invalid));
        assert_eq!(address("sbc*.example.com"), Err(Invalid));
        assert_eq!(address("sbç.example.com"), Err(Invalid));
        assert_eq!(address("user@example.com"), Err(Invalid));
        assert_eq!(address("example.com/path"), Err(Invalid));
    }

    #[test]
    fn limits_label_and_name_length() {
        let label63 = "a".repeat(63);
        let label64 = "a".repeat(64);
        assert_eq!(address(&format!("{label63}.com")), Ok(()));
        assert_eq!(address(&format!("{label64}.com")), Err(Invalid));
        // 4 labels of 61 + ".com" = 4*62 + 3 = 251 characters; one more label pushes it past 253.
        let long = format!("{0}.{0}.{0}.{0}.com", "b".repeat(61));
        assert_eq!(long.len(), 251);
        assert_eq!(address(&long), Ok(()));
        assert_eq!(address(&format!("xyz.{long}")), Err(Invalid));
    }

    #[test]
    fn refuses_ip_addresses_and_numeric_top_labels() {
        assert_eq!(address("192.0.2.10"), Err(Invalid));
        assert_eq!(address("sbc.example.123"), Err(Invalid));
        assert_eq!(address("[2001:db8::1]"), Err(Invalid));
    }

    #[test]
    fn refuses_malformed_srv_names() {
        assert_eq!(address("_sips.example.com"), Err(Invalid));
        assert_eq!(address("_a._b._c.example.com"), Err(Invalid));
        assert_eq!(address("_._tcp.example.com"), Err(Invalid));
        assert_eq!(address("_sips._tcp.com"), Err(Invalid));
        assert_eq!(address("sbc._tcp.example.com"), Err(Invalid));
        assert_eq!(address("_-sips._tcp.example.com"), Err(Invalid));
    }
}
