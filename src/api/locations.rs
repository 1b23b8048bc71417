//! Webex Calling locations.

use super::client::{path_segment, Client, ListPage};
use super::error::ApiError;
use super::paging::Progress;
use super::requests::PremiseRouteType;
use serde::Deserialize;

/// A Webex Calling location as listed (`GET /telephony/config/locations`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// A location's Calling details (`GET /telephony/config/locations/{id}`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LocationDetails {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Only present when the location reaches the PSTN through a local gateway.
    #[serde(default)]
    pub connection: Option<RouteRef>,
    #[serde(default)]
    pub default_domain: Option<String>,
}

/// A trunk or route group a location routes through.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct RouteRef {
    #[serde(rename = "type")]
    pub route_type: PremiseRouteType,
    pub id: String,
}

#[derive(Deserialize)]
struct Locations {
    #[serde(default)]
    locations: Vec<Location>,
}

impl ListPage for Locations {
    type Item = Location;
    fn into_items(self) -> Vec<Location> {
        self.locations
    }
}

/// Every Webex Calling location of the organization, page by page as they arrive (see
/// [`Client::get_pages`]).
pub async fn list_pages(
    client: &Client,
    on_page: impl FnMut(Vec<Location>, Progress),
) -> Result<(), ApiError> {
    client
        .get_pages::<Locations>("/telephony/config/locations", &[("order", "name")], on_page)
        .await
}

/// One location's Calling details.
pub async fn get(client: &Client, location_id: &str) -> Result<LocationDetails, ApiError> {
    client
        .get(
            &format!("/telephony/config/locations/{}", path_segment(location_id)),
            &[],
        )
        .await
}

/// The answer of `GET /locations` (every location of the org, Calling or not).
#[derive(Deserialize)]
struct AnyLocations {
    #[serde(default)]
    items: Vec<Location>,
}

/// One location by id through `GET /locations?id=` (its name, for a page about it); `None` when
/// the organization has no such location.
pub async fn find(client: &Client, location_id: &str) -> Result<Option<Location>, ApiError> {
    let found: AnyLocations = client.get("/locations", &[("id", location_id)]).await?;
    Ok(found.items.into_iter().find(|l| l.id == location_id))
}

/// A location of `GET /locations` with its country.
#[derive(Deserialize)]
struct Placed {
    id: String,
    #[serde(default)]
    address: Address,
}

#[derive(Deserialize, Default)]
struct Address {
    #[serde(default)]
    country: String,
}

#[derive(Deserialize)]
struct PlacedPage {
    #[serde(default)]
    items: Vec<Placed>,
}

impl ListPage for PlacedPage {
    type Item = Placed;
    fn into_items(self) -> Vec<Placed> {
        self.items
    }
}

/// How many of `/locations` are asked for at once.
const LOCATIONS_PAGE: usize = 10_000;

/// A location's country (ISO code), by location id.
#[derive(Clone, Debug, PartialEq)]
pub struct LocationCountry {
    pub id: String,
    pub country: String,
}

/// The country of every location of the organization.
pub async fn countries(client: &Client) -> Result<Vec<LocationCountry>, ApiError> {
    Ok(client
        // The spec's `/locations` takes `max` but no `start`: one large page, then `Link` only.
        .get_all_by::<PlacedPage>("/locations", &[], Some(LOCATIONS_PAGE))
        .await?
        .into_iter()
        .map(|p| LocationCountry {
            id: p.id,
            country: p.address.country,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_deserialize() {
        let list: Locations = serde_json::from_str(r#"{"locations":[{"id":"Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2YyZmUzOGVkLTNmNGYtNGI1NC04M2YzLTk4MDg3MWQzMjM5Yw","name":"Denver","routingPrefix":"3","outsideDialDigit":"1258","callingLineId":{"phoneNumber":"+12145556985"},"e911SetupRequired":false,"enforceOutsideDialDigit":true},{"id":"Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzljYzc0NDgxLTk3ZjAtNDA1NS1iYTIxLWE0NDBkMjUzZTc3OA","name":"Denver-2","routingPrefix":"234","outsideDialDigit":"12","callingLineId":{"name":"Denver Incoming","phoneNumber":null},"e911SetupRequired":false,"enforceOutsideDialDigit":false}]}"#).unwrap();
        let items = list.into_items();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].name, "Denver-2");

        let details: LocationDetails = serde_json::from_str(r#"{"id":"Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2M5N2VlMDQ5LTM1OWItNGM3OC04NDU0LTA1OGMyZWRlMjU2Mw","name":"Denver","announcementLanguage":"fr_fr","routingPrefix":"2","callingLineId":{"name":"Denver Incoming","phoneNumber":"+12145555698"},"connection":{"type":"TRUNK","id":"Y2lzY29zcGFyazovL3VzL1RSVU5LL2M1MGIxZjY2LTRjODMtNDAzNy04NjM1LTg2ZjlkM2VkZDQ5MQ"},"subscriptionId":"trial","externalCallerIdName":"Big Corp-Denver","userLimit":500000,"outsideDialDigit":"12","pAccessNetworkInfo":"Richardson-TX","defaultDomain":"98079822.int10.bcld.webex.com","chargeNumber":"+14158952369","enforceOutsideDialDigit":true,"useChargeNumberForPChargeInfo":true}"#).unwrap();
        assert_eq!(
            details.connection.unwrap().route_type,
            PremiseRouteType::Trunk
        );
    }

    #[test]
    fn any_location_list_reads_items() {
        let found: AnyLocations = serde_json::from_str(
            r#"{"items":[{"id":"L1","name":"Denver","orgId":"O","address":{"city":"Denver"}}]}"#,
        )
        .unwrap();
        assert_eq!(found.items[0].name, "Denver");
        let placed: PlacedPage = serde_json::from_str(
            r#"{"items":[{"id":"L1","name":"Denver","address":{"city":"Denver","country":"US"}},{"id":"L2"}]}"#,
        )
        .unwrap();
        let placed = placed.into_items();
        assert_eq!(placed[0].address.country, "US");
        assert_eq!(placed[1].address.country, "");
        let none: AnyLocations = serde_json::from_str("{}").unwrap();
        assert!(none.items.is_empty());
    }
}
