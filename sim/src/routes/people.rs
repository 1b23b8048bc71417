//! `GET /people/me` and `GET /organizations`.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::auth::authenticate;
use crate::call::Call;
use crate::errors::ApiError;
use crate::state::{AppState, Org, Person, ORGANIZATIONS_READ};

pub async fn me(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    let who = authenticate(&sim.db, &call)?;
    let person = sim
        .db
        .person(&who.person_id)
        .ok_or_else(|| ApiError::not_found("Person not found."))?;
    Ok(Json(person_json(person)).into_response())
}

fn person_json(p: &Person) -> Value {
    json!({
        "id": p.id,
        "emails": [p.email],
        "phoneNumbers": [],
        "displayName": p.display_name(),
        "nickName": p.first_name,
        "firstName": p.first_name,
        "lastName": p.last_name,
        "orgId": p.org_id,
        "roles": p.roles,
        "licenses": [],
        "created": p.created,
        "lastModified": p.created,
        "timezone": "America/Los_Angeles",
        "type": "person",
    })
}

/// The admin's own org, and for a partner admin (with `organizations_read`) its customers.
pub async fn organizations(
    State(state): State<AppState>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let who = authenticate(&sim.db, &call)?;
    let mut ids = vec![who.org_id.clone()];
    if who.has(ORGANIZATIONS_READ) {
        ids.extend(who.managed_orgs.iter().cloned());
    }
    let items: Vec<Value> = ids
        .iter()
        .filter_map(|id| sim.db.org(id))
        .map(org_json)
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

fn org_json(o: &Org) -> Value {
    json!({ "id": o.id, "displayName": o.name, "created": o.created })
}
