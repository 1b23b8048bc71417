//! `/_sim/…`: what end-to-end tests use to steer the simulator. No auth.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::config::Seed;
use crate::errors::{code, ApiError};
use crate::faults::Fault;
use crate::ids::unique_token;
use crate::rate_limit::WriteLimit;
use crate::seed::DEMO_ADMIN_TOKEN;
use crate::state::{AppState, Token};

fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, ApiError> {
    let text = if body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        &body[..]
    };
    serde_json::from_slice(text)
        .map_err(|e| ApiError::bad_request(code::INVALID_FIELD, format!("Invalid body: {e}")))
}

pub async fn add_fault(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let fault: Fault = parse(&body)?;
    if fault.status.is_some_and(|s| !(100..=599).contains(&s)) {
        return Err(ApiError::invalid_field(
            "status",
            "It must be an HTTP status.",
        ));
    }
    let echo = serde_json::to_value(&fault).unwrap_or(Value::Null);
    state.lock().faults.push(fault);
    Ok((StatusCode::CREATED, Json(echo)).into_response())
}

pub async fn list_faults(State(state): State<AppState>) -> Json<Value> {
    Json(json!({ "faults": state.lock().faults }))
}

pub async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    state.lock().faults.clear();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    seed: Option<String>,
}

pub async fn reset(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let body: ResetBody = parse(&body)?;
    let seed =
        match body.seed.as_deref() {
            None => None,
            Some(s) => Some(Seed::parse(s).ok_or_else(|| {
                ApiError::invalid_field("seed", "It must be demo, large or empty.")
            })?),
        };
    state.reset(seed);
    let seed = state.lock().seed;
    Ok(Json(json!({ "seed": seed.as_str() })).into_response())
}

pub async fn exchanges(State(state): State<AppState>) -> Json<Value> {
    Json(json!(state.lock().exchanges))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MintBody {
    token: Option<String>,
    /// Seconds from now; absent means no expiry.
    expires_in: Option<u64>,
    /// An existing token whose admin and scopes the new one copies.
    like: Option<String>,
    /// Overrides the copied scopes.
    scopes: Option<Vec<String>>,
}

pub async fn mint_token(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let body: MintBody = parse(&body)?;
    let like = body.like.unwrap_or_else(|| DEMO_ADMIN_TOKEN.to_string());
    let mut sim = state.lock();
    let model = sim
        .db
        .tokens
        .get(&like)
        .cloned()
        .ok_or_else(|| ApiError::invalid_field("like", "No such token."))?;
    let token = body.token.unwrap_or_else(|| unique_token("sim_"));
    sim.db.tokens.insert(
        token.clone(),
        Token {
            person_id: model.person_id,
            scopes: body.scopes.unwrap_or(model.scopes),
            expires_at: body
                .expires_in
                .map(|s| Instant::now() + Duration::from_secs(s)),
        },
    );
    Ok((
        StatusCode::CREATED,
        Json(json!({ "token": token, "expiresIn": body.expires_in, "like": like })),
    )
        .into_response())
}

#[derive(Deserialize)]
struct ExpireBody {
    token: String,
}

pub async fn expire_token(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let body: ExpireBody = parse(&body)?;
    let mut sim = state.lock();
    let token = sim
        .db
        .tokens
        .get_mut(&body.token)
        .ok_or_else(|| ApiError::not_found("No such token."))?;
    token.expires_at = Some(Instant::now());
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TrunkStatusBody {
    /// The trunk, by name (names are unique per org; the first match wins across orgs).
    name: String,
    /// ONLINE, OFFLINE or UNKNOWN.
    status: String,
    /// Detail reads that still answer the current status; 0 sets it at once.
    #[serde(default)]
    after_reads: u32,
}

/// Sets a trunk's status now or after some reads: a gateway coming up while an admin watches.
pub async fn trunk_status(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let body: TrunkStatusBody = parse(&body)?;
    let status = match body.status.as_str() {
        "ONLINE" => "ONLINE",
        "OFFLINE" => "OFFLINE",
        "UNKNOWN" => "UNKNOWN",
        _ => {
            return Err(ApiError::invalid_field(
                "status",
                "It must be ONLINE, OFFLINE or UNKNOWN.",
            ))
        }
    };
    let mut sim = state.lock();
    let trunk = sim
        .db
        .trunks
        .iter_mut()
        .find(|t| t.name == body.name)
        .ok_or_else(|| ApiError::not_found("No such trunk."))?;
    if body.after_reads == 0 {
        trunk.status = status;
        trunk.status_after = None;
    } else {
        trunk.status_after = Some((body.after_reads, status));
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LatencyBody {
    ms: u64,
}

/// `GET /_sim/latency`: how long every `/v1` answer waits, `{"ms": 300}`.
pub async fn get_latency(State(state): State<AppState>) -> Json<Value> {
    Json(json!({ "ms": state.latency().as_millis() as u64 }))
}

/// `POST /_sim/latency {"ms": 300}`: every `/v1` answer from now on waits that long (a reset
/// goes back to `--latency-ms`).
pub async fn set_latency(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: LatencyBody = parse(&body)?;
    if body.ms > crate::config::MAX_LATENCY_MS {
        return Err(ApiError::invalid_field(
            "ms",
            "It must be from 0 to 60000 milliseconds.",
        ));
    }
    state.set_latency(body.ms);
    Ok(Json(json!({ "ms": body.ms })))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RateLimitBody {
    /// Writes each token may make per second; `null` or 0 turns the limit off.
    writes_per_second: Option<u32>,
}

/// `POST /_sim/rate-limit {"writesPerSecond": 5}`: Webex-like 429s for writes beyond the limit,
/// until the next reset (which puts back the command line's `--write-limit`).
pub async fn rate_limit(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let body: RateLimitBody = parse(&body)?;
    let mut sim = state.lock();
    sim.write_limit = WriteLimit::new(body.writes_per_second);
    let now = sim.write_limit.per_second();
    Ok(Json(json!({ "writesPerSecond": now })).into_response())
}
