//! Premises-PSTN trunks: list, details, create, change, delete, where they are used, and the
//! helpers the forms need.

use super::client::path_segment;
use super::client::{Client, ListPage, Method};
use super::error::ApiError;
use super::paging::Progress;
use super::requests::{FqdnValidation, NewTrunk, PChargeInfoSupportPolicy, TrunkType, TrunkUpdate};
use serde::{Deserialize, Deserializer};

const TRUNKS: &str = "/telephony/config/premisePstn/trunks";

/// An id and a name, as Webex nests locations, customers and organizations.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct NamedRef {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// A trunk as listed.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrunkSummary {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub location: NamedRef,
    #[serde(default)]
    pub in_use: bool,
    #[serde(default, deserialize_with = "lenient_trunk_type")]
    pub trunk_type: Option<TrunkType>,
}

/// Whether the gateway is registered and reachable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrunkStatus {
    Online,
    Offline,
    Unknown,
}

impl TrunkStatus {
    /// Reads a status in any letter case; anything unrecognised is `Unknown`.
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_uppercase().as_str() {
            "ONLINE" => TrunkStatus::Online,
            "OFFLINE" => TrunkStatus::Offline,
            _ => TrunkStatus::Unknown,
        }
    }

    /// The word shown in the badge.
    pub fn label(self) -> &'static str {
        match self {
            TrunkStatus::Online => "Online",
            TrunkStatus::Offline => "Offline",
            TrunkStatus::Unknown => "Unknown",
        }
    }
}

impl<'de> Deserialize<'de> for TrunkStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(TrunkStatus::parse(&String::deserialize(d)?))
    }
}

/// A warning that comes with a partial (HTTP 206) answer.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResponseStatus {
    #[serde(default)]
    pub code: Option<serde_json::Value>,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub summary_english: Option<String>,
    #[serde(default)]
    pub detail: Vec<String>,
    #[serde(default)]
    pub tracking_id: Option<String>,
}

impl ResponseStatus {
    /// One line for the admin: the summary, else the details, with the code.
    pub fn text(&self) -> String {
        let summary = self
            .summary_english
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| self.detail.join(" "));
        match &self.code {
            Some(code) => format!("{summary} (code {})", code.to_string().trim_matches('"')),
            None => summary,
        }
    }
}

/// Everything `GET .../trunks/{id}` tells, parsed defensively for the variants live orgs send.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrunkDetails {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    /// `customer` in the spec, `organization` in some live answers.
    #[serde(default, alias = "organization")]
    pub customer: Option<NamedRef>,
    #[serde(default)]
    pub location: Option<NamedRef>,
    #[serde(default)]
    pub status: Option<TrunkStatus>,
    #[serde(default, deserialize_with = "lenient_trunk_type")]
    pub trunk_type: Option<TrunkType>,
    #[serde(default)]
    pub device_type: Option<String>,
    #[serde(default)]
    pub otg_dtg_id: Option<String>,
    #[serde(default)]
    pub line_port: Option<String>,
    #[serde(default)]
    pub pilot_user_id: Option<String>,
    #[serde(default)]
    pub sip_authentication_user_name: Option<String>,
    #[serde(default, deserialize_with = "outbound_proxy")]
    pub outbound_proxy: Option<String>,
    #[serde(default)]
    pub locations_using_trunk: Vec<NamedRef>,
    #[serde(default)]
    pub dual_identity_support_enabled: Option<bool>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub port: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub max_concurrent_calls: Option<u32>,
    #[serde(default)]
    pub p_charge_info_support_policy: Option<PChargeInfoSupportPolicy>,
    /// One object in the spec, a list in some live answers: always a list here.
    #[serde(default, deserialize_with = "one_or_many")]
    pub response_status: Vec<ResponseStatus>,
}

impl TrunkDetails {
    /// The registrar domain: what follows the `@` of the line/port.
    pub fn registrar_domain(&self) -> Option<&str> {
        self.line_port.as_deref()?.split_once('@').map(|(_, d)| d)
    }

    /// The line/port identity: what precedes the `@`.
    pub fn line_port_user(&self) -> Option<&str> {
        let lp = self.line_port.as_deref()?;
        Some(lp.split_once('@').map_or(lp, |(u, _)| u))
    }
}

/// A device type and its concurrent-call limits.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeviceType {
    pub device_type: String,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub min_concurrent_calls: Option<u32>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub max_concurrent_calls: Option<u32>,
}

/// A trunk type and the device types it allows.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrunkTypeInfo {
    #[serde(deserialize_with = "required_trunk_type")]
    pub trunk_type: TrunkType,
    #[serde(default)]
    pub device_types: Vec<DeviceType>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TrunkTypes {
    #[serde(default)]
    trunk_types: Vec<TrunkTypeInfo>,
}

/// Where a trunk is used (`GET .../trunks/{id}/usage`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TrunkUsage {
    #[serde(default)]
    pub pstn_connection_count: u32,
    #[serde(default)]
    pub call_to_extension_count: u32,
    #[serde(default)]
    pub dial_plan_count: u32,
    #[serde(default)]
    pub route_group_count: u32,
}

impl TrunkUsage {
    /// True when anything uses the trunk (then Webex refuses to delete it).
    pub fn in_use(&self) -> bool {
        self.pstn_connection_count
            + self.call_to_extension_count
            + self.dial_plan_count
            + self.route_group_count
            > 0
    }
}

/// A route group that holds a trunk (`usageRouteGroup`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteGroupUse {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub in_use: bool,
}

/// Everything that uses a trunk: the counts, and the named lists for the counts above zero.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrunkWhereUsed {
    pub usage: TrunkUsage,
    /// Locations whose PSTN connection routes through the trunk (`usagePstnConnection`).
    pub pstn_locations: Vec<NamedRef>,
    /// Route groups that hold the trunk (`usageRouteGroup`).
    pub route_groups: Vec<RouteGroupUse>,
    /// Dial plans that route through the trunk (`usageDialPlan`).
    pub dial_plans: Vec<NamedRef>,
    /// Locations whose calls to on-premises extensions use the trunk (`usageCallToExtension`).
    pub call_to_extension: Vec<NamedRef>,
}

#[derive(Deserialize)]
struct UsageLocations {
    #[serde(default)]
    locations: Vec<NamedRef>,
}

impl ListPage for UsageLocations {
    type Item = NamedRef;
    fn into_items(self) -> Vec<NamedRef> {
        self.locations
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UsageDialPlans {
    #[serde(default)]
    dial_plans: Vec<NamedRef>,
}

impl ListPage for UsageDialPlans {
    type Item = NamedRef;
    fn into_items(self) -> Vec<NamedRef> {
        self.dial_plans
    }
}

/// The spec names this list `routeGroup`, in the singular.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UsageRouteGroups {
    #[serde(default)]
    route_group: Vec<RouteGroupUse>,
}

impl ListPage for UsageRouteGroups {
    type Item = RouteGroupUse;
    fn into_items(self) -> Vec<RouteGroupUse> {
        self.route_group
    }
}

#[derive(Deserialize)]
struct Trunks {
    #[serde(default)]
    trunks: Vec<TrunkSummary>,
}

impl ListPage for Trunks {
    type Item = TrunkSummary;
    fn into_items(self) -> Vec<TrunkSummary> {
        self.trunks
    }
}

/// The answer of a create (`201 {id}`).
#[derive(Deserialize)]
pub(super) struct Created {
    pub(super) id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GeneratedPassword {
    example_sip_password: String,
}

/// Every trunk of the organization, all pages.
pub async fn list(client: &Client) -> Result<Vec<TrunkSummary>, ApiError> {
    client.get_all::<Trunks>(TRUNKS, &[("order", "name")]).await
}

/// Every trunk of the organization, page by page as they arrive (see [`Client::get_pages`]).
pub async fn list_pages(
    client: &Client,
    on_page: impl FnMut(Vec<TrunkSummary>, Progress),
) -> Result<(), ApiError> {
    client
        .get_pages::<Trunks>(TRUNKS, &[("order", "name")], on_page)
        .await
}

/// One trunk's details.
pub async fn get(client: &Client, trunk_id: &str) -> Result<TrunkDetails, ApiError> {
    let mut details: TrunkDetails = client
        .get(&format!("{TRUNKS}/{}", path_segment(trunk_id)), &[])
        .await?;
    details.id.get_or_insert_with(|| trunk_id.to_string());
    Ok(details)
}

/// Creates a trunk and answers its id. Never retried except on 429/423.
pub async fn create(client: &Client, body: &NewTrunk) -> Result<String, ApiError> {
    let answer = client.send(Method::Post, TRUNKS, &[], Some(body)).await?;
    Ok(answer.json::<Created>()?.id)
}

/// The trunk of exactly this name, if any (`GET .../trunks?name=`; Webex matches names loosely).
pub async fn find_by_name(client: &Client, name: &str) -> Result<Option<TrunkSummary>, ApiError> {
    let found = client.get_all::<Trunks>(TRUNKS, &[("name", name)]).await?;
    Ok(found.into_iter().find(|t| t.name == name))
}

/// The trunk types and their device types.
pub async fn trunk_types(client: &Client) -> Result<Vec<TrunkTypeInfo>, ApiError> {
    Ok(client
        .get::<TrunkTypes>(&format!("{TRUNKS}/trunkTypes"), &[])
        .await?
        .trunk_types)
}

/// Asks Webex whether a certificate-based trunk's address, domain and port are acceptable.
pub async fn validate_fqdn(client: &Client, body: &FqdnValidation) -> Result<(), ApiError> {
    client
        .send(
            Method::Post,
            &format!("{TRUNKS}/actions/fqdnValidation/invoke"),
            &[],
            Some(body),
        )
        .await
        .map(drop)
}

/// Where a trunk is in use.
pub async fn usage(client: &Client, trunk_id: &str) -> Result<TrunkUsage, ApiError> {
    client
        .get(&format!("{TRUNKS}/{}/usage", path_segment(trunk_id)), &[])
        .await
}

/// Where a trunk is in use, with names: the counts first, then only the lists they call for.
pub async fn where_used(client: &Client, trunk_id: &str) -> Result<TrunkWhereUsed, ApiError> {
    let usage = usage(client, trunk_id).await?;
    let path = |list: &str| format!("{TRUNKS}/{}/{list}", path_segment(trunk_id));
    let mut used = TrunkWhereUsed::default();
    if usage.pstn_connection_count > 0 {
        used.pstn_locations = client
            .get_all_by::<UsageLocations>(&path("usagePstnConnection"), &[], None)
            .await?;
    }
    if usage.route_group_count > 0 {
        used.route_groups = client
            .get_all_by::<UsageRouteGroups>(&path("usageRouteGroup"), &[], None)
            .await?;
    }
    if usage.dial_plan_count > 0 {
        used.dial_plans = client
            .get_all::<UsageDialPlans>(&path("usageDialPlan"), &[])
            .await?;
    }
    if usage.call_to_extension_count > 0 {
        used.call_to_extension = client
            .get_all::<UsageLocations>(&path("usageCallToExtension"), &[])
            .await?;
    }
    used.usage = usage;
    Ok(used)
}

/// Changes a trunk (`PUT`, 204). Never retried except on 429/423.
pub async fn modify(
    client: &Client,
    trunk_id: &str,
    body: &TrunkUpdate,
) -> Result<Option<String>, ApiError> {
    client
        .send(
            Method::Put,
            &format!("{TRUNKS}/{}", path_segment(trunk_id)),
            &[],
            Some(body),
        )
        .await
        .map(|a| a.tracking_id)
}

/// Deletes a trunk (204). Webex refuses (409) while anything uses it.
pub async fn delete(client: &Client, trunk_id: &str) -> Result<Option<String>, ApiError> {
    client
        .send::<()>(
            Method::Delete,
            &format!("{TRUNKS}/{}", path_segment(trunk_id)),
            &[],
            None,
        )
        .await
        .map(|a| a.tracking_id)
}

/// A SIP password that meets the location's password rules.
pub async fn generate_password(client: &Client, location_id: &str) -> Result<String, ApiError> {
    let path = format!(
        "/telephony/config/locations/{}/actions/generatePassword/invoke",
        path_segment(location_id)
    );
    let body = serde_json::json!({ "generate": ["sip"] });
    let answer = client.send(Method::Post, &path, &[], Some(&body)).await?;
    Ok(answer.json::<GeneratedPassword>()?.example_sip_password)
}

fn lenient_trunk_type<'de, D: Deserializer<'de>>(d: D) -> Result<Option<TrunkType>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|s| TrunkType::parse(&s)))
}

fn required_trunk_type<'de, D: Deserializer<'de>>(d: D) -> Result<TrunkType, D::Error> {
    let s = String::deserialize(d)?;
    TrunkType::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown trunk type {s}")))
}

/// A count or limit sent as a number or as a string of digits (the spec has both).
pub(super) fn lenient_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

fn outbound_proxy<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Object(map)) => map
            .get("outboundProxy")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty()))
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ResponseStatus>, D::Error> {
    // A list first: serde would also read a one-element list as a struct (tuple form).
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<ResponseStatus>),
        One(ResponseStatus),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
        None => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_DETAILS: &str = r#"{"name":"trunkName","customer":{"id":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE","name":"test_org"},"location":{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"locationName"},"otgDtgId":"lg1_sias10_cpapi12446_lgu","linePort":"lg1_sias10_cpapi16004_LGU@64941297.int10.bcld.webex.com","locationsUsingTrunk":[{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"locationName"}],"pilotUserId":"lg1_sias10_cpapi12446_LGU@64941297.int10.bcld.webex.com","sipAuthenticationUserName":"lg1_sias10_cpapi12446_LGU","status":"ONLINE","errorCodes":["errorCodes"],"responseStatus":{"code":25013,"type":"ERROR","summaryEnglish":"CPAPI: Error retrieving outboundproxy.","detail":["OCI-P GroupOutboundProxyGetRequest: [Error 26088] Cloud PBX Console is not configured properly."],"trackingId":"CPAPI_2da34568-1e72-4196-b613-905ce45ec592_0"},"dualIdentitySupportEnabled":true,"trunkType":"REGISTERING","deviceType":"Cisco Unified Border Element","address":"lgw1.london","domain":"acme.corp","port":5000,"maxConcurrentCalls":1000,"isRestrictedToDedicatedInstance":true,"pChargeInfoSupportPolicy":"DISABLED"}"#;

    #[test]
    fn spec_example_details() {
        let t: TrunkDetails = serde_json::from_str(SPEC_DETAILS).unwrap();
        assert_eq!(t.customer.as_ref().unwrap().name, "test_org");
        assert_eq!(t.status, Some(TrunkStatus::Online));
        assert_eq!(t.trunk_type, Some(TrunkType::Registering));
        assert_eq!(t.registrar_domain(), Some("64941297.int10.bcld.webex.com"));
        assert_eq!(t.line_port_user(), Some("lg1_sias10_cpapi16004_LGU"));
        assert_eq!(t.port, Some(5000));
        assert_eq!(t.max_concurrent_calls, Some(1000));
        assert_eq!(t.response_status.len(), 1);
        assert_eq!(
            t.response_status[0].text(),
            "CPAPI: Error retrieving outboundproxy. (code 25013)"
        );
        assert_eq!(
            t.p_charge_info_support_policy,
            Some(PChargeInfoSupportPolicy::Disabled)
        );
    }

    #[test]
    fn live_variants_organization_list_status_and_lower_case() {
        let json = r#"{"name":"T","organization":{"id":"o","name":"Org"},"status":"online","trunkType":"registering",
            "outboundProxy":{"outboundProxy":"dfw03.sipconnect-us.bcld.webex.com","srvPrefix":"_sips._tcp"},
            "responseStatus":[{"code":25013,"type":"WARNING","summaryEnglish":"could not read the outbound proxy"},{"detail":["second"]}]}"#;
        let t: TrunkDetails = serde_json::from_str(json).unwrap();
        assert_eq!(t.customer.unwrap().name, "Org");
        assert_eq!(t.status, Some(TrunkStatus::Online));
        assert_eq!(t.trunk_type, Some(TrunkType::Registering));
        assert_eq!(
            t.outbound_proxy.as_deref(),
            Some("dfw03.sipconnect-us.bcld.webex.com")
        );
        assert_eq!(t.response_status.len(), 2);
        assert_eq!(t.response_status[1].text(), "second");
        assert_eq!(TrunkStatus::parse("Offline"), TrunkStatus::Offline);
        let one: TrunkDetails = serde_json::from_str(
            r#"{"name":"T","responseStatus":[{"code":25013,"summaryEnglish":"CPAPI: Error retrieving outboundproxy."}]}"#,
        )
        .unwrap();
        assert_eq!(one.response_status.len(), 1);
        assert_eq!(
            one.response_status[0].text(),
            "CPAPI: Error retrieving outboundproxy. (code 25013)"
        );
        assert_eq!(TrunkStatus::parse("registering"), TrunkStatus::Unknown);
    }

    #[test]
    fn spec_examples_lists_types_usage() {
        let list: Trunks = serde_json::from_str(r#"{"trunks":[{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"trunkName","location":{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"locationName"},"inUse":true,"trunkType":"REGISTERING","isRestrictedToDedicatedInstance":true}]}"#).unwrap();
        let t = &list.into_items()[0];
        assert!(t.in_use);
        assert_eq!(t.location.name, "locationName");
        let types: TrunkTypes = serde_json::from_str(r#"{"trunkTypes":[{"trunkType":"REGISTERING","deviceTypes":[{"deviceType":"Cisco Unified Border Element","minConcurrentCalls":250,"maxConcurrentCalls":1000}]}]}"#).unwrap();
        assert_eq!(
            types.trunk_types[0].device_types[0].max_concurrent_calls,
            Some(1000)
        );
        let usage: TrunkUsage = serde_json::from_str(r#"{"pstnConnectionCount":1,"callToExtensionCount":1,"dialPlanCount":1,"routeGroupCount":1}"#).unwrap();
        assert_eq!(usage.route_group_count, 1);
        assert!(usage.in_use());
        assert!(!TrunkUsage::default().in_use());
        let created: Created = serde_json::from_str(r#"{"id":"Y2lzY29zcGFyazovL3VzL1JPVVRFX0dST1VQLzA1OWEyNzNlLWJiYjAtMTFlYy04NDIyLTAyNDJhYzEyMDAwMg"}"#).unwrap();
        assert!(created.id.starts_with("Y2lz"));
        let pw: GeneratedPassword =
            serde_json::from_str(r#"{"exampleSipPassword":"xyz123!"}"#).unwrap();
        assert_eq!(pw.example_sip_password, "xyz123!");
    }

    #[test]
    fn spec_examples_usage_lists() {
        let pstn: UsageLocations = serde_json::from_str(r#"{"locations":[{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"locationName"}]}"#).unwrap();
        assert_eq!(pstn.into_items()[0].name, "locationName");
        let groups: UsageRouteGroups = serde_json::from_str(r#"{"routeGroup":[{"id":"NTJiZmUxNDAtYjIwMS00NTUzLWI1OGQtMmVkNDU1NTFmYTUy","name":"RouteGroup01","inUse":true}]}"#).unwrap();
        assert_eq!(
            groups.into_items(),
            vec![RouteGroupUse {
                id: "NTJiZmUxNDAtYjIwMS00NTUzLWI1OGQtMmVkNDU1NTFmYTUy".into(),
                name: "RouteGroup01".into(),
                in_use: true
            }]
        );
        let plans: UsageDialPlans = serde_json::from_str(r#"{"dialPlans":[{"id":"Y2lzY29zcGFyazovL3VzL0RJQUxfUExBTi8wNTlhMjczZS1iYmIwLTExZWMtODQyMi0wMjQyYWMxMjAwMDI","name":"dialPlanName"}]}"#).unwrap();
        assert_eq!(plans.into_items()[0].name, "dialPlanName");
        let empty: UsageRouteGroups = serde_json::from_str("{}").unwrap();
        assert!(empty.into_items().is_empty());
    }
}
