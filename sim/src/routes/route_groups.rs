//! Route groups under `/telephony/config/premisePstn/routeGroups`: list, details, create,
//! modify, delete, and where each is used.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::auth::authorize;
use crate::call::Call;
use crate::errors::{code, ApiError};
use crate::json_body::JsonBody;
use crate::paging::{contains_ci, list_response, sort_order, Page};
use crate::state::{AppState, Db, RouteGroup, CONFIG_READ, CONFIG_WRITE};

/// Webex's limit on the trunks of one route group.
pub const MAX_LOCAL_GATEWAYS: usize = 10;
/// Priorities run from 1 (tried first) to 10.
const PRIORITIES: std::ops::RangeInclusive<i64> = 1..=10;

fn group_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Route group not found: {id}"))
}

pub async fn list(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    let page = Page::parse(&call)?;
    let (_, descending) = sort_order(&call, &["name"])?;
    let name = call.param("name");
    let mut groups: Vec<&RouteGroup> = db
        .route_groups
        .iter()
        .filter(|g| g.org_id == org)
        .filter(|g| name.is_none_or(|n| contains_ci(&g.name, n)))
        .collect();
    groups.sort_by_cached_key(|g| g.name.to_lowercase());
    if descending {
        groups.reverse();
    }
    let (groups, next) = page.slice(groups, &call);
    let items: Vec<Value> = groups
        .into_iter()
        .map(|g| json!({ "id": g.id, "name": g.name, "inUse": db.route_group_in_use(&g.id) }))
        .collect();
    Ok(list_response(json!({ "routeGroups": items }), next))
}

pub async fn details(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    let group = db
        .route_group(&org, &group_id)
        .ok_or_else(|| group_not_found(&group_id))?;
    let org_name = db.org(&org).map(|o| o.name.clone()).unwrap_or_default();
    let gateways: Vec<Value> = group
        .members
        .iter()
        .map(|(trunk_id, priority)| {
            let trunk = db.trunk(&org, trunk_id);
            json!({
                "id": trunk_id,
                "name": trunk.map(|t| t.name.clone()).unwrap_or_default(),
                "locationId": trunk.map(|t| t.location_id.clone()).unwrap_or_default(),
                "priority": priority,
            })
        })
        .collect();
    Ok(Json(json!({
        "name": group.name,
        "organization": { "id": org, "name": org_name },
        "localGateways": gateways,
    }))
    .into_response())
}

/// The name and trunks of a `RouteGroupPost` / `RouteGroupPatch` body, checked as Webex does:
/// a name unique in the org, 1–10 trunks of the org, each once, priorities 1–10.
fn read_group(
    db: &Db,
    org: &str,
    body: &Bytes,
    except: Option<&str>,
) -> Result<(String, Vec<(String, u32)>), ApiError> {
    let body = JsonBody::parse(body)?;
    body.require(&["name", "localGateways"])?;
    let name = body.str("name")?.unwrap_or_default().trim().to_string();
    let Some(Value::Array(items)) = body.0.get("localGateways") else {
        return Err(ApiError::invalid_field(
            "localGateways",
            "It must be a list of trunks.",
        ));
    };
    if items.is_empty() || items.len() > MAX_LOCAL_GATEWAYS {
        return Err(ApiError::invalid_field(
            "localGateways",
            &format!(
                "A route group holds 1 to {MAX_LOCAL_GATEWAYS} trunks; {} were given.",
                items.len()
            ),
        ));
    }
    let mut members: Vec<(String, u32)> = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(map) = item else {
            return Err(ApiError::invalid_field(
                "localGateways",
                "Each entry must be an object with id and priority.",
            ));
        };
        let entry = JsonBody(map.clone());
        let mut missing = entry.missing(&["id", "priority"]);
        if !missing.is_empty() {
            for m in &mut missing {
                *m = if *m == "id" {
                    "localGateways.id"
                } else {
                    "localGateways.priority"
                };
            }
            return Err(ApiError::missing_fields(&missing));
        }
        let id = entry.str("id")?.unwrap_or_default();
        let priority = entry
            .int("priority")?
            .filter(|p| PRIORITIES.contains(p))
            .ok_or_else(|| {
                ApiError::invalid_field(
                    "localGateways.priority",
                    "Priorities are whole numbers from 1 to 10.",
                )
            })?;
        if members.iter().any(|(t, _)| *t == id) {
            return Err(ApiError::bad_request(
                code::INVALID_FIELD,
                format!("Trunk {id} is listed more than once in the route group."),
            ));
        }
        members.push((id, priority as u32));
    }
    for (id, _) in &members {
        if db.trunk(org, id).is_none() {
            return Err(ApiError::not_found(format!("Trunk not found: {id}")));
        }
    }
    let taken = db.route_groups.iter().any(|g| {
        g.org_id == org && Some(g.id.as_str()) != except && g.name.eq_ignore_ascii_case(&name)
    });
    if taken {
        return Err(ApiError::conflict(
            code::DUPLICATE_NAME,
            format!("A route group named {name} already exists in this organization."),
        ));
    }
    Ok((name, members))
}

pub async fn create(
    State(state): State<AppState>,
    call: Call,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let db = &mut sim.db;
    let (name, members) = read_group(db, &org, &body, None)?;
    let id = db.new_id("ROUTE_GROUP");
    db.route_groups.push(RouteGroup {
        id: id.clone(),
        org_id: org,
        name,
        members,
    });
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))).into_response())
}

pub async fn modify(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let db = &mut sim.db;
    db.route_group(&org, &group_id)
        .ok_or_else(|| group_not_found(&group_id))?;
    let (name, members) = read_group(db, &org, &body, Some(&group_id))?;
    let group = db
        .route_groups
        .iter_mut()
        .find(|g| g.id == group_id && g.org_id == org)
        .expect("found above");
    group.name = name;
    group.members = members;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn delete(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<StatusCode, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let db = &mut sim.db;
    let group = db
        .route_group(&org, &group_id)
        .ok_or_else(|| group_not_found(&group_id))?;
    if db.route_group_in_use(&group_id) {
        return Err(ApiError::conflict(
            code::ROUTE_GROUP_IN_USE,
            format!(
                "Route group {} is in use ({} PSTN connections, {} dial plans, {} calls to extension) and cannot be deleted.",
                group.name,
                db.locations_using_route_group(&group_id).len(),
                db.trunk_dial_plans(&group_id).len(),
                db.trunk_call_to_extension(&group_id).len(),
            ),
        ));
    }
    db.route_groups
        .retain(|g| !(g.id == group_id && g.org_id == org));
    Ok(StatusCode::NO_CONTENT)
}

/// The counts of `GET …/usage`; the spec types them as strings.
pub async fn usage(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    db.route_group(&org, &group_id)
        .ok_or_else(|| group_not_found(&group_id))?;
    // The simulator models no route lists.
    Ok(Json(json!({
        "pstnConnectionCount": db.locations_using_route_group(&group_id).len().to_string(),
        "callToExtensionCount": db.trunk_call_to_extension(&group_id).len().to_string(),
        "dialPlanCount": db.trunk_dial_plans(&group_id).len().to_string(),
        "routeListCount": "0",
    }))
    .into_response())
}

/// The usage lists of a group that name locations (or, for dial plans, the plans), all
/// answered as `{locations: [{id, name}]}`, the spec's shape.
#[derive(Clone, Copy)]
enum Use {
    PstnConnection,
    DialPlan,
    CallToExtension,
}

/// One page of a usage list, filtered by `locationName` and sorted by name, after checking the
/// caller may read the group.
fn usage_list(db: &Db, group_id: &str, call: &Call, kind: Use) -> Result<Response, ApiError> {
    let org = authorize(db, call, &[CONFIG_READ])?;
    db.route_group(&org, group_id)
        .ok_or_else(|| group_not_found(group_id))?;
    let page = Page::parse(call)?;
    let (_, descending) = sort_order(call, &["name", "locationName"])?;
    let pair = |id: &String, name: &String| (id.clone(), name.clone());
    let mut rows: Vec<(String, String)> = match kind {
        Use::PstnConnection => db
            .locations_using_route_group(group_id)
            .into_iter()
            .map(|l| pair(&l.id, &l.name))
            .collect(),
        Use::DialPlan => db
            .trunk_dial_plans(group_id)
            .into_iter()
            .map(|d| pair(&d.id, &d.name))
            .collect(),
        Use::CallToExtension => db
            .trunk_call_to_extension(group_id)
            .into_iter()
            .map(|l| pair(&l.id, &l.name))
            .collect(),
    };
    let wanted = call.param("locationName");
    rows.retain(|(_, name)| wanted.is_none_or(|n| contains_ci(name, n)));
    rows.sort_by_cached_key(|(_, name)| name.to_lowercase());
    if descending {
        rows.reverse();
    }
    let (rows, next) = page.slice(rows, call);
    let items: Vec<Value> = rows
        .into_iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect();
    Ok(list_response(json!({ "locations": items }), next))
}

/// `GET …/usagePstnConnection`: the locations whose PSTN goes through the group.
pub async fn usage_pstn_connection(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(&state.lock().db, &group_id, &call, Use::PstnConnection)
}

/// `GET …/usageDialPlan`: the dial plans that route through the group.
pub async fn usage_dial_plan(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(&state.lock().db, &group_id, &call, Use::DialPlan)
}

/// `GET …/usageCallToExtension`: locations whose calls to extensions go through the group.
pub async fn usage_call_to_extension(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(&state.lock().db, &group_id, &call, Use::CallToExtension)
}

/// `GET …/usageRouteList`: the simulator models no route lists, so none, after the same checks.
pub async fn usage_route_list(
    State(state): State<AppState>,
    Path(group_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    db.route_group(&org, &group_id)
        .ok_or_else(|| group_not_found(&group_id))?;
    Page::parse(&call)?;
    Ok(Json(json!({ "routeGroupUsageRouteListGet": [] })).into_response())
}
