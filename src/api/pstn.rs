//! The PSTN connection of a location.

use super::client::path_segment;
use super::client::{Client, Method};
use super::error::ApiError;
use super::requests::{PremiseRouteType, PstnConnectionUpdate};
use serde::{Deserialize, Deserializer};

/// How a location reaches the phone network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionType {
    LocalGateway,
    NonIntegratedCcp,
    IntegratedCcp,
    CiscoPstn,
    Other(String),
}

impl ConnectionType {
    /// Reads the Webex value in any letter case.
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_uppercase().as_str() {
            "LOCAL_GATEWAY" => ConnectionType::LocalGateway,
            "NON_INTEGRATED_CCP" => ConnectionType::NonIntegratedCcp,
            "INTEGRATED_CCP" => ConnectionType::IntegratedCcp,
            "CISCO_PSTN" => ConnectionType::CiscoPstn,
            other => ConnectionType::Other(other.to_string()),
        }
    }

    /// The Webex value.
    pub fn as_str(&self) -> &str {
        match self {
            ConnectionType::LocalGateway => "LOCAL_GATEWAY",
            ConnectionType::NonIntegratedCcp => "NON_INTEGRATED_CCP",
            ConnectionType::IntegratedCcp => "INTEGRATED_CCP",
            ConnectionType::CiscoPstn => "CISCO_PSTN",
            ConnectionType::Other(s) => s,
        }
    }

    /// The words an admin reads.
    pub fn label(&self) -> &str {
        match self {
            ConnectionType::LocalGateway => "Local gateway",
            ConnectionType::NonIntegratedCcp => "Cloud-connected provider",
            ConnectionType::IntegratedCcp => "Integrated cloud-connected provider",
            ConnectionType::CiscoPstn => "Cisco PSTN",
            ConnectionType::Other(s) => s,
        }
    }

    /// Whether the API can set this type (integrated CCP and Cisco PSTN are set in Control Hub).
    pub fn settable(&self) -> bool {
        matches!(
            self,
            ConnectionType::LocalGateway | ConnectionType::NonIntegratedCcp
        )
    }
}

impl<'de> Deserialize<'de> for ConnectionType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(ConnectionType::parse(&String::deserialize(d)?))
    }
}

/// A PSTN option a location may use (`connectionOptions`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionOption {
    pub id: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub pstn_services: Vec<String>,
    #[serde(default)]
    pub pstn_connection_type: Option<ConnectionType>,
}

impl ConnectionOption {
    /// The option's type; the spec's minimal answer has none, and then its name tells:
    /// Webex names the local-gateway option "Premises-based PSTN".
    pub fn kind(&self) -> ConnectionType {
        self.pstn_connection_type.clone().unwrap_or_else(|| {
            if self.display_name.to_ascii_lowercase().contains("premises") {
                ConnectionType::LocalGateway
            } else {
                ConnectionType::NonIntegratedCcp
            }
        })
    }
}

/// A location's current PSTN connection.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    pub id: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub pstn_services: Vec<String>,
    pub pstn_connection_type: ConnectionType,
    #[serde(default)]
    pub route_type: Option<PremiseRouteType>,
    #[serde(default)]
    pub route_id: Option<String>,
}

#[derive(Deserialize)]
struct Options {
    #[serde(default)]
    items: Vec<ConnectionOption>,
}

fn path(location_id: &str, leaf: &str) -> String {
    format!(
        "/telephony/pstn/locations/{}/{leaf}",
        path_segment(location_id)
    )
}

/// Webex's words for a location that has no PSTN connection yet.
pub const NOT_CONFIGURED: &str = "PSTN for the location is not configured";

/// The PSTN options this location may use.
pub async fn options(
    client: &Client,
    location_id: &str,
) -> Result<Vec<ConnectionOption>, ApiError> {
    Ok(client
        .get::<Options>(&path(location_id, "connectionOptions"), &[])
        .await?
        .items)
}

/// The location's current connection; `None` when PSTN is not configured yet (Webex answers
/// that state with an error, which is not a failure here).
pub async fn connection(
    client: &Client,
    location_id: &str,
) -> Result<Option<Connection>, ApiError> {
    match client.get(&path(location_id, "connection"), &[]).await {
        Ok(c) => Ok(Some(c)),
        Err(e) if is_not_configured(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// True when an error only says that the location has no PSTN yet.
pub fn is_not_configured(e: &ApiError) -> bool {
    e.webex()
        .is_some_and(|w| (400..500).contains(&w.status) && w.mentions(NOT_CONFIGURED))
}

/// Sets the location's connection (204); `Ok` holds the answer's tracking id.
pub async fn set_connection(
    client: &Client,
    location_id: &str,
    body: &PstnConnectionUpdate,
) -> Result<Option<String>, ApiError> {
    client
        .send(
            Method::Put,
            &path(location_id, "connection"),
            &[],
            Some(body),
        )
        .await
        .map(|answer| answer.tracking_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::WebexError;

    #[test]
    fn spec_examples_deserialize() {
        let o: Options = serde_json::from_str(r#"{"items":[{"id":"Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi81MWRlNDg5Yy1hYTYwLTRjMjUtOWFmNi1jYzRjYjE3MTczMGU","displayName":"Premises-based PSTN","pstnServices":["GEOGRAPHIC_NUMBERS"]},{"id":"Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9kMDk0MTc4Zi04MThlLTQ1YmMtYjEwMS1hOGRkNDhjMTM5MjE","displayName":"SI CCP Bandwidth","pstnServices":["GEOGRAPHIC_NUMBERS"]}]}"#).unwrap();
        assert_eq!(o.items[0].kind(), ConnectionType::LocalGateway);
        assert_eq!(o.items[1].kind(), ConnectionType::NonIntegratedCcp);
        let c: Connection = serde_json::from_str(r#"{"id":"Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi81MWRlNDg5Yy1hYTYwLTRjMjUtOWFmNi1jYzRjYjE3MTczMGU","displayName":"Premises-based PSTN","pstnServices":["GEOGRAPHIC_NUMBERS"],"pstnConnectionType":"LOCAL_GATEWAY","routeType":"TRUNK","routeId":"Y2lzY29zcGFyazovL3VzL1RSVU5LL2Y1YTU4MzAwLTVmZTYtNGNjMS1hODA3LTRlN2E5OTMzN2Q0ZA"}"#).unwrap();
        assert_eq!(c.pstn_connection_type, ConnectionType::LocalGateway);
        assert_eq!(c.route_type, Some(PremiseRouteType::Trunk));
    }

    #[test]
    fn explicit_types_win_and_settable_is_known() {
        let o: ConnectionOption = serde_json::from_str(
            r#"{"id":"x","displayName":"Premises thing","pstnConnectionType":"cisco_pstn"}"#,
        )
        .unwrap();
        assert_eq!(o.kind(), ConnectionType::CiscoPstn);
        assert!(!o.kind().settable());
        assert!(ConnectionType::LocalGateway.settable());
        assert!(!ConnectionType::IntegratedCcp.settable());
    }

    #[test]
    fn not_configured_is_a_state() {
        let e = ApiError::Webex(WebexError::from_response(
            404,
            r#"{"message":"PSTN for the location is not configured.","errors":[{"description":"PSTN for the location is not configured.","errorCode":27001}],"trackingId":"T"}"#,
            None,
        ));
        assert!(is_not_configured(&e));
        let other = ApiError::Webex(WebexError::from_response(
            404,
            r#"{"message":"Location not found"}"#,
            None,
        ));
        assert!(!is_not_configured(&other));
        let server = ApiError::Webex(WebexError::from_response(
            500,
            r#"{"message":"PSTN for the location is not configured"}"#,
            None,
        ));
        assert!(!is_not_configured(&server));
    }
}
