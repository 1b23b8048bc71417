//! Route groups: several trunks, possibly of different locations, used as one route.

use super::client::path_segment;
use super::client::{Client, ListPage};
use super::error::ApiError;
use super::trunks::NamedRef;
use serde::Deserialize;

const ROUTE_GROUPS: &str = "/telephony/config/premisePstn/routeGroups";

/// A route group as listed.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteGroupSummary {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub in_use: bool,
}

/// A trunk inside a route group.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LocalGateway {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub location_id: Option<String>,
    #[serde(default)]
    pub priority: Option<u32>,
}

/// A route group's details.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteGroupDetails {
    pub name: String,
    #[serde(default, alias = "customer")]
    pub organization: Option<NamedRef>,
    #[serde(default)]
    pub local_gateways: Vec<LocalGateway>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RouteGroups {
    #[serde(default)]
    route_groups: Vec<RouteGroupSummary>,
}

impl ListPage for RouteGroups {
    type Item = RouteGroupSummary;
    fn into_items(self) -> Vec<RouteGroupSummary> {
        self.route_groups
    }
}

/// Every route group of the organization, all pages.
pub async fn list(client: &Client) -> Result<Vec<RouteGroupSummary>, ApiError> {
    client
        .get_all::<RouteGroups>(ROUTE_GROUPS, &[("order", "name")])
        .await
}

/// One route group, with its trunks.
pub async fn get(client: &Client, id: &str) -> Result<RouteGroupDetails, ApiError> {
    client
        .get(&format!("{ROUTE_GROUPS}/{}", path_segment(id)), &[])
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_deserialize() {
        let list: RouteGroups = serde_json::from_str(r#"{"routeGroups":[{"id":"Y2lzY29zcGFyazovL3VzL1JPVVRFX0dST1VQL2ZjN2EzZDU2LTg1OGMtNDVkZC1iZDA1LTE2OWM2NGU1OTRmMQ","name":"Route Group 01","inUse":true}]}"#).unwrap();
        assert_eq!(list.into_items()[0].name, "Route Group 01");
        let d: RouteGroupDetails = serde_json::from_str(r#"{"name":"hydra2","organization":{"name":"ATLAS_TEST_LIEM_RL","id":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi80MWQxNDNiYi1hMjEwLTQ5YTQtOGNkZC1hYzc2YzYxMmE0YzM"},"localGateways":[{"id":"Y2lzY29zcGFyazovL3VzL1RSVU5LLzc3MDY3YjcyLTk4NzEtNDJmNi1iMzdhLTQ3ZWZmMjUyNjdjNg","name":"Route List Trunk 2","locationId":"Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL1dTV1laMjEyODA2TDIxMjgwNw","priority":2}]}"#).unwrap();
        assert_eq!(d.local_gateways[0].priority, Some(2));
    }
}
