//! Route groups: several trunks, possibly of different locations, used as one route.

use super::client::path_segment;
use super::client::{Client, ListPage, Method};
use super::error::ApiError;
use super::paging::Progress;
use super::requests::RouteGroupBody;
use super::trunks::{lenient_u32, Created, NamedRef};
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
    #[serde(default, deserialize_with = "lenient_u32")]
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

impl RouteGroupDetails {
    /// The trunks in the order calls try them: by priority, then as Webex listed them.
    pub fn by_priority(&self) -> Vec<LocalGateway> {
        let mut gateways = self.local_gateways.clone();
        gateways.sort_by_key(|g| g.priority.unwrap_or(u32::MAX));
        gateways
    }
}

/// How much uses a route group (`GET …/usage`); Webex sends the counts as strings.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteGroupUsage {
    #[serde(default, deserialize_with = "lenient_u32")]
    pub pstn_connection_count: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub call_to_extension_count: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub dial_plan_count: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub route_list_count: Option<u32>,
}

impl RouteGroupUsage {
    /// True when anything at all uses the group.
    pub fn in_use(&self) -> bool {
        [
            self.pstn_connection_count,
            self.call_to_extension_count,
            self.dial_plan_count,
            self.route_list_count,
        ]
        .iter()
        .any(|c| c.unwrap_or(0) > 0)
    }
}

/// A route list that reaches numbers through the group.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteListRef {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub location_name: String,
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

/// The answer of the location usage lists: `{locations: [{id, name}]}`.
#[derive(Deserialize)]
struct Locations {
    #[serde(default)]
    locations: Vec<NamedRef>,
}

impl ListPage for Locations {
    type Item = NamedRef;
    fn into_items(self) -> Vec<NamedRef> {
        self.locations
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RouteListUsage {
    #[serde(default)]
    route_group_usage_route_list_get: Vec<RouteListGroup>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RouteListGroup {
    #[serde(default)]
    route_lists: Vec<RouteListRef>,
}

impl ListPage for RouteListUsage {
    type Item = RouteListRef;
    fn into_items(self) -> Vec<RouteListRef> {
        self.route_group_usage_route_list_get
            .into_iter()
            .flat_map(|g| g.route_lists)
            .collect()
    }
}

fn one(id: &str) -> String {
    format!("{ROUTE_GROUPS}/{}", path_segment(id))
}

/// Every route group of the organization, all pages.
pub async fn list(client: &Client) -> Result<Vec<RouteGroupSummary>, ApiError> {
    client
        .get_all::<RouteGroups>(ROUTE_GROUPS, &[("order", "name")])
        .await
}

/// The route group of exactly this name (ignoring case), e.g. after a create whose answer
/// could not be read.
pub async fn find_by_name(
    client: &Client,
    name: &str,
) -> Result<Option<RouteGroupSummary>, ApiError> {
    let matching = client
        .get_all::<RouteGroups>(ROUTE_GROUPS, &[("name", name)])
        .await?;
    Ok(matching
        .into_iter()
        .find(|g| g.name.trim().eq_ignore_ascii_case(name.trim())))
}

/// Every route group of the organization, page by page as they arrive (see
/// [`Client::get_pages`]).
pub async fn list_pages(
    client: &Client,
    on_page: impl FnMut(Vec<RouteGroupSummary>, Progress),
) -> Result<(), ApiError> {
    client
        .get_pages::<RouteGroups>(ROUTE_GROUPS, &[("order", "name")], on_page)
        .await
}

/// One route group, with its trunks.
pub async fn get(client: &Client, id: &str) -> Result<RouteGroupDetails, ApiError> {
    client.get(&one(id), &[]).await
}

/// Creates a route group; answers its id.
pub async fn create(client: &Client, body: &RouteGroupBody) -> Result<String, ApiError> {
    let answer = client
        .send(Method::Post, ROUTE_GROUPS, &[], Some(body))
        .await?;
    Ok(answer.json::<Created>()?.id)
}

/// Replaces a route group's name and trunks; answers the tracking id of Webex's answer.
pub async fn update(
    client: &Client,
    id: &str,
    body: &RouteGroupBody,
) -> Result<Option<String>, ApiError> {
    client
        .send(Method::Put, &one(id), &[], Some(body))
        .await
        .map(|a| a.tracking_id)
}

/// Deletes a route group (Webex refuses while something uses it); answers the tracking id.
pub async fn delete(client: &Client, id: &str) -> Result<Option<String>, ApiError> {
    client
        .send::<()>(Method::Delete, &one(id), &[], None)
        .await
        .map(|a| a.tracking_id)
}

/// How much uses the group, in counts.
pub async fn usage(client: &Client, id: &str) -> Result<RouteGroupUsage, ApiError> {
    client.get(&format!("{}/usage", one(id)), &[]).await
}

/// The locations whose PSTN connection goes through the group.
pub async fn usage_pstn_connection(client: &Client, id: &str) -> Result<Vec<NamedRef>, ApiError> {
    client
        .get_all::<Locations>(&format!("{}/usagePstnConnection", one(id)), &[])
        .await
}

/// The locations whose dial plans route through the group.
pub async fn usage_dial_plan(client: &Client, id: &str) -> Result<Vec<NamedRef>, ApiError> {
    client
        .get_all::<Locations>(&format!("{}/usageDialPlan", one(id)), &[])
        .await
}

/// The locations that route calls to extensions through the group.
pub async fn usage_call_to_extension(client: &Client, id: &str) -> Result<Vec<NamedRef>, ApiError> {
    client
        .get_all::<Locations>(&format!("{}/usageCallToExtension", one(id)), &[])
        .await
}

/// The route lists that reach numbers through the group.
pub async fn usage_route_list(client: &Client, id: &str) -> Result<Vec<RouteListRef>, ApiError> {
    client
        .get_all::<RouteListUsage>(&format!("{}/usageRouteList", one(id)), &[])
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

    #[test]
    fn usage_counts_are_read_as_strings_or_numbers() {
        let u: RouteGroupUsage = serde_json::from_str(r#"{"pstnConnectionCount":"1","callToExtensionCount":"0","dialPlanCount":"0","routeListCount":"0"}"#).unwrap();
        assert_eq!(u.pstn_connection_count, Some(1));
        assert!(u.in_use());
        let unused: RouteGroupUsage = serde_json::from_str(
            r#"{"pstnConnectionCount":0,"callToExtensionCount":"0","dialPlanCount":"0"}"#,
        )
        .unwrap();
        assert!(!unused.in_use());
    }

    #[test]
    fn usage_lists_deserialize() {
        let l: Locations =
            serde_json::from_str(r#"{"locations":[{"id":"L1","name":"locationName"}]}"#).unwrap();
        assert_eq!(l.into_items()[0].name, "locationName");
        let r: RouteListUsage = serde_json::from_str(r#"{"routeGroupUsageRouteListGet":[{"routeLists":[{"id":"RL1","name":"routeListName","locationId":"L1","locationName":"locationName"}]}]}"#).unwrap();
        let items = r.into_items();
        assert_eq!(items[0].name, "routeListName");
        assert_eq!(items[0].location_name, "locationName");
    }

    #[test]
    fn trunks_read_in_priority_order() {
        let d: RouteGroupDetails = serde_json::from_str(r#"{"name":"G","localGateways":[{"id":"B","priority":2},{"id":"A","priority":1},{"id":"C","priority":"1"}]}"#).unwrap();
        let ids: Vec<String> = d.by_priority().into_iter().map(|g| g.id).collect();
        assert_eq!(ids, ["A", "C", "B"]);
    }
}
