//! `GET /locations`, the Calling locations under `/telephony/config/locations`, and the
//! example SIP password.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::auth::authorize;
use crate::call::Call;
use crate::errors::ApiError;
use crate::ids::sip_password;
use crate::json_body::JsonBody;
use crate::paging::{contains_ci, list_response, sort_order, Page};
use crate::state::{AppState, Db, Location, Pstn, CONFIG_READ, CONFIG_WRITE, LOCATIONS_READ};

pub async fn list_all(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[LOCATIONS_READ])?;
    // `/locations` takes no `start`: its `max` goes far beyond the telephony lists' 1,000.
    let page = Page::parse_up_to(&call, 10_000)?;
    let name = call.param("name");
    let id = call.param("id");
    let matching: Vec<&Location> = db
        .locations
        .iter()
        .filter(|l| l.org_id == org)
        .filter(|l| name.is_none_or(|n| contains_ci(&l.name, n)))
        .filter(|l| id.is_none_or(|i| l.id == i))
        .collect();
    let (items, next) = page.slice(matching, &call);
    let items: Vec<Value> = items.into_iter().map(location_json).collect();
    Ok(list_response(json!({ "items": items }), next))
}

fn location_json(l: &Location) -> Value {
    json!({
        "id": l.id,
        "name": l.name,
        "orgId": l.org_id,
        "timeZone": l.time_zone,
        "preferredLanguage": l.language,
        "address": {
            "address1": l.address.address1,
            "city": l.address.city,
            "state": l.address.state,
            "postalCode": l.address.postal_code,
            "country": l.address.country,
        },
    })
}

pub async fn list_calling(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    let page = Page::parse(&call)?;
    let (_, descending) = sort_order(&call, &["name"])?;
    let name = call.param("name");
    let mut matching: Vec<&Location> = db
        .locations
        .iter()
        .filter(|l| l.org_id == org && l.calling)
        .filter(|l| name.is_none_or(|n| contains_ci(&l.name, n)))
        .collect();
    matching.sort_by_cached_key(|l| l.name.to_lowercase());
    if descending {
        matching.reverse();
    }
    let (items, next) = page.slice(matching, &call);
    let items: Vec<Value> = items
        .into_iter()
        .map(|l| {
            json!({
                "id": l.id,
                "name": l.name,
                "outsideDialDigit": l.outside_dial_digit,
                "enforceOutsideDialDigit": false,
                "routingPrefix": l.routing_prefix,
                "callingLineId": { "name": l.name, "phoneNumber": l.main_number },
                "e911SetupRequired": l.e911_setup_required,
            })
        })
        .collect();
    Ok(list_response(json!({ "locations": items }), next))
}

pub async fn calling_details(
    State(state): State<AppState>,
    Path(location_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    let location = db.calling_location(&org, &location_id)?;
    Ok(Json(calling_location_json(db, location)).into_response())
}

/// `connection` is present only for a local-gateway PSTN, as on live orgs.
fn calling_location_json(db: &Db, l: &Location) -> Value {
    let sip_domain = db
        .org(&l.org_id)
        .map(|o| o.sip_domain.as_str())
        .unwrap_or_default();
    let mut body = Map::new();
    body.insert("id".into(), json!(l.id));
    body.insert("name".into(), json!(l.name));
    body.insert("announcementLanguage".into(), json!(l.language));
    body.insert(
        "callingLineId".into(),
        json!({ "name": l.name, "phoneNumber": l.main_number }),
    );
    if let Some(Pstn::Premises { route, route_id }) = &l.pstn {
        body.insert(
            "connection".into(),
            json!({ "type": route.as_str(), "id": route_id }),
        );
    }
    body.insert("subscriptionId".into(), json!("Acme-Sub-00042"));
    body.insert("externalCallerIdName".into(), json!(l.name));
    body.insert("userLimit".into(), json!(500000));
    body.insert("outsideDialDigit".into(), json!(l.outside_dial_digit));
    body.insert("enforceOutsideDialDigit".into(), json!(false));
    body.insert("routingPrefix".into(), json!(l.routing_prefix));
    body.insert("defaultDomain".into(), json!(sip_domain));
    body.insert("chargeNumber".into(), json!(l.main_number));
    body.insert("useChargeNumberForPChargeInfo".into(), json!(false));
    Value::Object(body)
}

pub async fn generate_password(
    State(state): State<AppState>,
    Path(location_id): Path<String>,
    call: Call,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    sim.db.calling_location(&org, &location_id)?;
    let body = JsonBody::parse(&body)?;
    if let Some(generate) = body.0.get("generate") {
        let ok = generate
            .as_array()
            .is_some_and(|a| a.iter().all(|g| g.as_str() == Some("sip")));
        if !ok {
            return Err(ApiError::invalid_field(
                "generate",
                "The only password that can be generated is \"sip\".",
            ));
        }
    }
    let password = sip_password(&mut sim.db.rng);
    Ok(Json(json!({ "exampleSipPassword": password })).into_response())
}
