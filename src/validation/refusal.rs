//! Which field of the trunk form a refusal from Webex is about, so that its message shows at
//! that field (marked invalid) as well as in the form's error box.

use super::fields::{
    ADDRESS, DEVICE_TYPE, DOMAIN, LOCATION_ID, MAX_CONCURRENT_CALLS, NAME, PASSWORD, PORT,
};
use super::TrunkForm;
use crate::api::{ApiError, WebexError};

/// Webex error codes that are about one field of a trunk.
const CODES: [(i64, &str); 6] = [
    (25024, DOMAIN),               // the domain is not verified for the organization
    (27571, ADDRESS),              // the FQDN and port are used by another trunk
    (27301, NAME),                 // a trunk of that name exists
    (27304, DEVICE_TYPE),          // not a device type of this trunk type
    (27305, MAX_CONCURRENT_CALLS), // outside the device type's range
    (27306, PORT),                 // not a usable port
];

/// The words that name each field in Webex's messages, most specific first ("the FQDN and
/// port" is about the address; "the location's password rules" about the password).
const WORDS: [(&str, &[&str]); 8] = [
    (DOMAIN, &["domain"]),
    (ADDRESS, &["address", "fqdn"]),
    (PORT, &["port"]),
    (DEVICE_TYPE, &["devicetype", "device type"]),
    (
        MAX_CONCURRENT_CALLS,
        &["maxconcurrentcalls", "concurrent calls"],
    ),
    (PASSWORD, &["password"]),
    (LOCATION_ID, &["locationid", "location"]),
    (NAME, &["name"]),
];

/// True when Webex refused the trunk because its name is taken.
pub fn is_duplicate_name(w: &WebexError) -> bool {
    w.mentions("name")
        && (w.mentions("exist")
            || w.mentions("duplicate")
            || w.mentions("already")
            || w.mentions("unique")
            || w.mentions("in use"))
}

/// Lower case, every run of other characters than letters and digits one space, padded: so that
/// a field's words are found as whole words.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The trunk field a refused create is about: by Webex's error code when it is known, a taken
/// name, else the first field Webex's words name. Only for a refusal of the request (400, 409,
/// 422), never for rights, busy or server errors.
pub fn trunk_field_of(e: &ApiError) -> Option<&'static str> {
    let w = e.webex().filter(|w| matches!(w.status, 400 | 409 | 422))?;
    if let Some(field) = w
        .error_codes
        .iter()
        .find_map(|c| CODES.iter().find(|(code, _)| code == c).map(|(_, f)| *f))
    {
        return Some(field);
    }
    if is_duplicate_name(w) {
        return Some(NAME);
    }
    let text = std::iter::once(w.message.as_str())
        .chain(w.descriptions.iter().map(String::as_str))
        .map(words)
        .collect::<String>();
    WORDS
        .iter()
        .find(|(_, names)| names.iter().any(|n| text.contains(&format!(" {n} "))))
        .map(|(field, _)| *field)
}

/// What the form holds in `field`, to tell whether it changed since Webex refused it.
pub fn trunk_value<'a>(form: &'a TrunkForm, field: &str) -> &'a str {
    match field {
        NAME => form.name.trim(),
        LOCATION_ID => &form.location_id,
        DEVICE_TYPE => &form.device_type,
        PASSWORD => &form.password,
        ADDRESS => form.address.trim(),
        DOMAIN => form.domain.trim(),
        PORT => form.port.trim(),
        MAX_CONCURRENT_CALLS => form.max_concurrent_calls.trim(),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(status: u16, body: &str) -> ApiError {
        ApiError::Webex(WebexError::from_response(status, body, None))
    }

    #[test]
    fn a_refusal_naming_a_field_is_about_that_field() {
        assert_eq!(
            trunk_field_of(&refusal(
                400,
                r#"{"message":"The domain example.org is not verified for this organization.","errors":[{"description":"The domain example.org is not verified for this organization.","errorCode":25024}]}"#
            )),
            Some(DOMAIN)
        );
        // By the words alone, when the code is not one we know.
        assert_eq!(
            trunk_field_of(&refusal(
                400,
                r#"{"message":"Invalid domain: sbc.example"}"#
            )),
            Some(DOMAIN)
        );
        assert_eq!(
            trunk_field_of(&refusal(
                409,
                r#"{"message":"The FQDN sbc1.example.com and port 5061 are already used by another trunk."}"#
            )),
            Some(ADDRESS)
        );
        assert_eq!(
            trunk_field_of(&refusal(
                400,
                r#"{"message":"Invalid field","errors":[{"description":"port must be a number"}]}"#
            )),
            Some(PORT)
        );
        assert_eq!(
            trunk_field_of(&refusal(
                400,
                r#"{"message":"The password does not meet the location's password rules."}"#
            )),
            Some(PASSWORD)
        );
        assert_eq!(
            trunk_field_of(&refusal(
                409,
                r#"{"message":"A trunk named Berlin CUBE already exists in this organization."}"#
            )),
            Some(NAME)
        );
        assert_eq!(
            trunk_field_of(&refusal(400, r#"{"message":"Bad request."}"#)),
            None
        );
        // "hostname" is not "name"; a 403 or 500 is about no field.
        assert_eq!(
            trunk_field_of(&refusal(400, r#"{"message":"Unknown hostname format."}"#)),
            None
        );
        assert_eq!(
            trunk_field_of(&refusal(403, r#"{"message":"Missing scope for domain"}"#)),
            None
        );
        assert_eq!(
            trunk_field_of(&refusal(500, r#"{"message":"port service down"}"#)),
            None
        );
    }

    #[test]
    fn a_field_is_compared_as_it_is_sent() {
        let form = TrunkForm {
            name: " Berlin CUBE ".into(),
            domain: "example.org".into(),
            ..TrunkForm::default()
        };
        assert_eq!(trunk_value(&form, NAME), "Berlin CUBE");
        assert_eq!(trunk_value(&form, DOMAIN), "example.org");
        assert_eq!(trunk_value(&form, "trunkType"), "");
    }
}
