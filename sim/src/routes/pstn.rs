//! The PSTN connection of a location under `/telephony/pstn/locations/{locationId}`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::auth::authorize;
use crate::call::Call;
use crate::errors::{code, ApiError};
use crate::json_body::JsonBody;
use crate::state::{AppState, Pstn, PstnKind, PstnOption, RouteKind, PSTN_READ, PSTN_WRITE};

pub const NOT_CONFIGURED: &str = "PSTN for the location is not configured.";

fn option_json(o: &PstnOption) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(o.id));
    m.insert("displayName".into(), json!(o.display_name));
    m.insert("pstnServices".into(), json!(o.services));
    m.insert("pstnConnectionType".into(), json!(o.kind.as_str()));
    m
}

pub async fn connection_options(
    State(state): State<AppState>,
    Path(location_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[PSTN_READ])?;
    let location = db.calling_location(&org, &location_id)?;
    let wanted = call.param_list("serviceTypes");
    let items: Vec<Value> = db
        .options_for(location)
        .into_iter()
        .filter(|o| wanted.is_empty() || wanted.iter().any(|w| o.services.contains(&w.as_str())))
        .map(|o| Value::Object(option_json(o)))
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

pub async fn read_connection(
    State(state): State<AppState>,
    Path(location_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[PSTN_READ])?;
    let location = db.calling_location(&org, &location_id)?;
    let body = match &location.pstn {
        None => {
            let mut e = ApiError::new(
                StatusCode::NOT_FOUND,
                code::PSTN_NOT_CONFIGURED,
                NOT_CONFIGURED,
            );
            // wxcadm reads this text from `errorMessage`; `message` carries it as everywhere else.
            e.extra.insert("errorMessage".into(), json!(NOT_CONFIGURED));
            return Err(e);
        }
        Some(Pstn::Premises { route, route_id }) => {
            let mut m = option_json(db.local_gateway_option());
            m.insert("routeType".into(), json!(route.as_str()));
            m.insert("routeId".into(), json!(route_id));
            m
        }
        Some(Pstn::Provider { option_id }) => match db.option(option_id) {
            Some(o) => option_json(o),
            None => return Err(ApiError::not_found(NOT_CONFIGURED)),
        },
    };
    Ok(Json(Value::Object(body)).into_response())
}

/// LOCAL_GATEWAY: `{premiseRouteType, premiseRouteId[, id]}`; NON_INTEGRATED_CCP: `{id}`.
/// INTEGRATED_CCP and CISCO_PSTN cannot be set through the API.
pub async fn set_connection(
    State(state): State<AppState>,
    Path(location_id): Path<String>,
    call: Call,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[PSTN_WRITE, PSTN_READ])?;
    let db = &sim.db;
    let location = db.calling_location(&org, &location_id)?;
    let options = db.options_for(location);
    let body = JsonBody::parse(&body)?;
    let id = body.str("id")?;
    let route_type = body.str("premiseRouteType")?;
    let route_id = body.str("premiseRouteId")?;

    let pstn = if route_type.is_some() || route_id.is_some() {
        body.require(&["premiseRouteType", "premiseRouteId"])?;
        let route_type = route_type.unwrap_or_default();
        let route_id = route_id.unwrap_or_default();
        let route = RouteKind::parse(&route_type).ok_or_else(|| {
            ApiError::invalid_field("premiseRouteType", "It must be TRUNK or ROUTE_GROUP.")
        })?;
        if !options.iter().any(|o| o.kind == PstnKind::LocalGateway) {
            return Err(ApiError::bad_request(
                code::INVALID_OPTION,
                "Premises-based PSTN is not available for this location.",
            ));
        }
        if let Some(id) = &id {
            let is_gateway = options
                .iter()
                .any(|o| &o.id == id && o.kind == PstnKind::LocalGateway);
            if !is_gateway {
                return Err(ApiError::bad_request(
                    code::INVALID_OPTION,
                    format!(
                        "Connection option {id} is not the local gateway option of this location."
                    ),
                ));
            }
        }
        let exists = match route {
            RouteKind::Trunk => db.trunk(&org, &route_id).is_some(),
            RouteKind::RouteGroup => db.route_group(&org, &route_id).is_some(),
        };
        if !exists {
            let what = if route == RouteKind::Trunk {
                "Trunk"
            } else {
                "Route group"
            };
            return Err(ApiError::bad_request(
                code::ROUTE_NOT_FOUND,
                format!("{what} {route_id} does not exist in this organization."),
            ));
        }
        Pstn::Premises { route, route_id }
    } else {
        let Some(id) = id else {
            return Err(ApiError::missing_fields(&["id"]));
        };
        let option = options.iter().find(|o| o.id == id).ok_or_else(|| {
            ApiError::bad_request(
                code::INVALID_OPTION,
                format!("Connection option {id} is not available for this location."),
            )
        })?;
        match option.kind {
            PstnKind::NonIntegratedCcp => Pstn::Provider { option_id: id },
            PstnKind::LocalGateway => {
                return Err(ApiError::missing_fields(&["premiseRouteType", "premiseRouteId"]))
            }
            kind => {
                return Err(ApiError::bad_request(
                    code::PSTN_NOT_SETTABLE,
                    format!(
                        "A {} connection ({}) cannot be set through the API; it is set up with the provider in Control Hub.",
                        kind.as_str(),
                        option.display_name
                    ),
                ))
            }
        }
    };
    sim.db.calling_location_mut(&org, &location_id)?.pstn = Some(pstn);
    Ok(StatusCode::NO_CONTENT)
}
