//! Route groups under `/telephony/config/premisePstn/routeGroups` (read only).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::auth::authorize;
use crate::call::Call;
use crate::errors::ApiError;
use crate::paging::{contains_ci, list_response, sort_order, Page};
use crate::state::{AppState, RouteGroup, CONFIG_READ};

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
        .ok_or_else(|| ApiError::not_found(format!("Route group not found: {group_id}")))?;
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
