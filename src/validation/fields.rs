//! Form field names (the Webex API names, also the `name` attribute of each control) and the
//! field errors a validation function answers.

/// Trunk name.
pub const NAME: &str = "name";
/// Location of a trunk.
pub const LOCATION_ID: &str = "locationId";
/// Registering or certificate-based.
pub const TRUNK_TYPE: &str = "trunkType";
/// Device type of a trunk.
pub const DEVICE_TYPE: &str = "deviceType";
/// Trunk password.
pub const PASSWORD: &str = "password";
/// Dual identity support of a trunk (From and P-Asserted-Identity set independently).
pub const DUAL_IDENTITY_SUPPORT_ENABLED: &str = "dualIdentitySupportEnabled";
/// P-Charge-Info header policy of a trunk.
pub const P_CHARGE_INFO_SUPPORT_POLICY: &str = "pChargeInfoSupportPolicy";
/// SBC host name or SRV name.
pub const ADDRESS: &str = "address";
/// SBC domain.
pub const DOMAIN: &str = "domain";
/// SBC SIP port.
pub const PORT: &str = "port";
/// Most concurrent calls on a certificate-based trunk.
pub const MAX_CONCURRENT_CALLS: &str = "maxConcurrentCalls";
/// Kind of PSTN connection of a location (the name Webex answers it under).
pub const PSTN_CONNECTION_TYPE: &str = "pstnConnectionType";
/// Trunk or route group, for a local gateway.
pub const PREMISE_ROUTE_TYPE: &str = "premiseRouteType";
/// Id of the trunk or route group, for a local gateway.
pub const PREMISE_ROUTE_ID: &str = "premiseRouteId";
/// Id of a connection option, for a non-integrated CCP; id of a trunk in a route group.
pub const ID: &str = "id";
/// The trunks of a route group.
pub const LOCAL_GATEWAYS: &str = "localGateways";
/// Priority of a trunk in a route group.
pub const PRIORITY: &str = "priority";

/// Field name → message, in form order (validators check fields in the order the form shows them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    entries: Vec<(&'static str, String)>,
}

impl FieldErrors {
    /// No errors.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the message of a field; a second message for the same field replaces the first.
    pub fn insert(&mut self, field: &'static str, message: impl Into<String>) {
        let message = message.into();
        match self.entries.iter_mut().find(|(f, _)| *f == field) {
            Some(entry) => entry.1 = message,
            None => self.entries.push((field, message)),
        }
    }

    /// The message of a field, if it is invalid.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// True when every field is valid.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many fields are invalid.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The first invalid field in form order, to move the focus to.
    pub fn first(&self) -> Option<&'static str> {
        self.entries.first().map(|(f, _)| *f)
    }

    /// Every invalid field and its message, in form order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.entries.iter().map(|(f, m)| (*f, m.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_errors() {
        let errors = FieldErrors::new();
        assert!(errors.is_empty());
        assert_eq!(errors.len(), 0);
        assert_eq!(errors.first(), None);
        assert_eq!(errors.get(NAME), None);
    }

    #[test]
    fn keeps_insertion_order_and_replaces_messages() {
        let mut errors = FieldErrors::new();
        errors.insert(NAME, "first");
        errors.insert(PORT, "port");
        errors.insert(NAME, "second");
        assert_eq!(errors.first(), Some(NAME));
        assert_eq!(errors.get(NAME), Some("second"));
        assert_eq!(errors.get(PORT), Some("port"));
        assert_eq!(errors.len(), 2);
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, [NAME, PORT]);
    }
}
