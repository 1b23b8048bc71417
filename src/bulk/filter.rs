//! Filters for choosing a batch of locations: by country, and by current connection.

use crate::api::pstn::{Connection, ConnectionType};
use crate::api::requests::PremiseRouteType;

/// A filter on the current PSTN connection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ConnectionFilter {
    #[default]
    Any,
    NotConfigured,
    /// Any local gateway.
    LocalGateway,
    /// A local gateway through this trunk or route group.
    Route(PremiseRouteType, String),
    /// A non-integrated cloud-connected provider.
    Provider,
}

impl ConnectionFilter {
    /// The `value` of each choice in the filter's `<select>` (a route adds its id).
    pub const ANY: &'static str = "";
    pub const NOT_CONFIGURED: &'static str = "NOT_CONFIGURED";
    pub const LOCAL_GATEWAY: &'static str = "LOCAL_GATEWAY";
    pub const PROVIDER: &'static str = "NON_INTEGRATED_CCP";

    /// The filter of a `<select>` value and, for a trunk or route group, the chosen id.
    pub fn parse(kind: &str, route_id: &str) -> Self {
        match kind {
            Self::NOT_CONFIGURED => ConnectionFilter::NotConfigured,
            Self::LOCAL_GATEWAY => ConnectionFilter::LocalGateway,
            Self::PROVIDER => ConnectionFilter::Provider,
            other => match PremiseRouteType::parse(other) {
                Some(route) if !route_id.is_empty() => {
                    ConnectionFilter::Route(route, route_id.to_owned())
                }
                Some(_) => ConnectionFilter::LocalGateway,
                None => ConnectionFilter::Any,
            },
        }
    }

    /// Whether the filter needs each row's connection read.
    pub fn needs_connections(&self) -> bool {
        *self != ConnectionFilter::Any
    }

    /// Whether a location with this connection (`None`: not configured) passes.
    pub fn keeps(&self, connection: Option<&Connection>) -> bool {
        match (self, connection) {
            (ConnectionFilter::Any, _) => true,
            (ConnectionFilter::NotConfigured, c) => c.is_none(),
            (_, None) => false,
            (ConnectionFilter::LocalGateway, Some(c)) => {
                c.pstn_connection_type == ConnectionType::LocalGateway
            }
            (ConnectionFilter::Route(kind, id), Some(c)) => {
                c.pstn_connection_type == ConnectionType::LocalGateway
                    && c.route_type == Some(*kind)
                    && c.route_id.as_deref() == Some(id.as_str())
            }
            (ConnectionFilter::Provider, Some(c)) => {
                c.pstn_connection_type == ConnectionType::NonIntegratedCcp
            }
        }
    }
}

/// What a connection filter says of the `n` locations whose connection could not be read.
pub fn left_out(n: usize) -> String {
    format!(
        "The PSTN connection of {} could not be read, so this filter leaves {} out.",
        crate::counting::locations(n),
        if n == 1 { "it" } else { "them" },
    )
}

/// The countries of `codes`, each once, sorted (for the country filter).
pub fn countries<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = codes
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect();
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(kind: ConnectionType, route: Option<(PremiseRouteType, &str)>) -> Connection {
        Connection {
            id: "O".into(),
            display_name: String::new(),
            pstn_services: vec![],
            pstn_connection_type: kind,
            route_type: route.map(|r| r.0),
            route_id: route.map(|r| r.1.to_owned()),
        }
    }

    #[test]
    fn each_filter_keeps_its_connections() {
        let trunk = on(
            ConnectionType::LocalGateway,
            Some((PremiseRouteType::Trunk, "T1")),
        );
        let ccp = on(ConnectionType::NonIntegratedCcp, None);
        let cisco = on(ConnectionType::CiscoPstn, None);
        assert!(ConnectionFilter::Any.keeps(None));
        assert!(ConnectionFilter::NotConfigured.keeps(None));
        assert!(!ConnectionFilter::NotConfigured.keeps(Some(&trunk)));
        assert!(ConnectionFilter::LocalGateway.keeps(Some(&trunk)));
        assert!(!ConnectionFilter::LocalGateway.keeps(Some(&ccp)));
        let t1 = ConnectionFilter::parse("TRUNK", "T1");
        assert_eq!(
            t1,
            ConnectionFilter::Route(PremiseRouteType::Trunk, "T1".into())
        );
        assert!(t1.keeps(Some(&trunk)));
        assert!(!ConnectionFilter::parse("ROUTE_GROUP", "T1").keeps(Some(&trunk)));
        assert!(!ConnectionFilter::parse("TRUNK", "T2").keeps(Some(&trunk)));
        assert!(ConnectionFilter::Provider.keeps(Some(&ccp)));
        assert!(!ConnectionFilter::Provider.keeps(Some(&cisco)));
        assert!(!ConnectionFilter::Provider.keeps(None));
        assert_eq!(ConnectionFilter::parse("", ""), ConnectionFilter::Any);
        assert!(!ConnectionFilter::Any.needs_connections());
        assert_eq!(
            ConnectionFilter::parse("TRUNK", ""),
            ConnectionFilter::LocalGateway
        );
    }

    #[test]
    fn countries_once_each_sorted() {
        assert_eq!(countries(["US", "gb", "US", "", "DE"]), ["DE", "GB", "US"]);
    }

    #[test]
    fn locations_left_out_are_counted_in_words() {
        assert_eq!(
            left_out(1),
            "The PSTN connection of 1 location could not be read, so this filter leaves it out."
        );
        assert_eq!(
            left_out(1200),
            "The PSTN connection of 1,200 locations could not be read, so this filter leaves them out."
        );
    }
}
