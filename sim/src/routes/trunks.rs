//! Trunks under `/telephony/config/premisePstn/trunks`.

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
use crate::paging::{contains_ci, list_response, sort_order, Page};
use crate::state::{
    AppState, Db, NewTrunk, Quirk, Trunk, TrunkType, CONFIG_READ, CONFIG_WRITE, CUBE,
};

const P_CHARGE_POLICIES: &[&str] = &[
    "DISABLED",
    "ASSERTED_IDENTITY",
    "CONFIGURABLE_CHARGE_NUMBER",
];

/// The fields of the spec's `TrunkPut` body.
const TRUNK_PUT_FIELDS: &[&str] = &[
    "name",
    "password",
    "dualIdentitySupportEnabled",
    "maxConcurrentCalls",
    "pChargeInfoSupportPolicy",
];

fn trunk_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Trunk not found: {id}"))
}

pub async fn list(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    let page = Page::parse(&call)?;
    let (field, descending) = sort_order(&call, &["name", "locationName"])?;
    let names = call.param_list("name");
    let location_names = call.param_list("locationName");
    let trunk_type = match call.param("trunkType") {
        None | Some("") => None,
        Some(t) => Some(TrunkType::parse(t).ok_or_else(|| {
            ApiError::invalid_field("trunkType", "It must be REGISTERING or CERTIFICATE_BASED.")
        })?),
    };
    let used = db.used_routes();
    let mut rows: Vec<(&Trunk, String)> = db
        .trunks
        .iter()
        .filter(|t| t.org_id == org)
        .filter(|t| trunk_type.is_none_or(|ty| t.trunk_type == ty))
        .filter(|t| names.is_empty() || names.iter().any(|n| contains_ci(&t.name, n)))
        .map(|t| (t, db.location_name(&t.location_id)))
        .filter(|(_, l)| {
            location_names.is_empty() || location_names.iter().any(|n| contains_ci(l, n))
        })
        .collect();
    rows.sort_by_cached_key(|(t, l)| {
        let name = t.name.to_lowercase();
        if field == "locationName" {
            (l.to_lowercase(), name)
        } else {
            (name, l.to_lowercase())
        }
    });
    if descending {
        rows.reverse();
    }
    let (rows, next) = page.slice(rows, &call);
    let items: Vec<Value> = rows
        .into_iter()
        .map(|(t, location_name)| {
            json!({
                "id": t.id,
                "name": t.name,
                "location": { "id": t.location_id, "name": location_name },
                "inUse": used.contains(t.id.as_str()),
                "trunkType": t.trunk_type.as_str(),
                "isRestrictedToDedicatedInstance": false,
            })
        })
        .collect();
    Ok(list_response(json!({ "trunks": items }), next))
}

pub async fn trunk_types(State(state): State<AppState>, call: Call) -> Result<Response, ApiError> {
    let sim = state.lock();
    authorize(&sim.db, &call, &[CONFIG_READ])?;
    let types: Vec<Value> = [TrunkType::Registering, TrunkType::CertificateBased]
        .iter()
        .map(|t| {
            let devices: Vec<Value> = t
                .device_types()
                .iter()
                .map(|d| {
                    json!({
                        "deviceType": d.name,
                        "minConcurrentCalls": d.min_calls,
                        "maxConcurrentCalls": d.max_calls,
                    })
                })
                .collect();
            json!({ "trunkType": t.as_str(), "deviceTypes": devices })
        })
        .collect();
    Ok(Json(json!({ "trunkTypes": types })).into_response())
}

/// The checks a certificate-based trunk's address must pass, shared by create and
/// `fqdnValidation`: port range, verified domain, FQDN and port not taken by another trunk.
fn check_fqdn(
    db: &Db,
    org: &str,
    address: &str,
    domain: &str,
    port: i64,
    except: Option<&str>,
) -> Result<(), ApiError> {
    if !(1..=65535).contains(&port) {
        return Err(ApiError::bad_request(
            code::INVALID_PORT,
            format!("Invalid port {port}: the port must be between 1 and 65535."),
        ));
    }
    let verified = db.org(org).is_some_and(|o| o.is_verified(domain));
    if !verified {
        return Err(ApiError::bad_request(
            code::UNVERIFIED_DOMAIN,
            format!("The domain {domain} is not verified for this organization."),
        ));
    }
    let taken = db.trunks.iter().any(|t| {
        Some(t.id.as_str()) != except
            && t.port == Some(port as u32)
            && t.address
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(address.trim_end_matches('.')))
    });
    if taken {
        return Err(ApiError::conflict(
            code::FQDN_PORT_IN_USE,
            format!("The FQDN {address} and port {port} are already used by another trunk."),
        ));
    }
    Ok(())
}

pub async fn validate_fqdn(
    State(state): State<AppState>,
    call: Call,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let body = JsonBody::parse(&body)?;
    body.require(&["address", "domain", "port"])?;
    let address = body.str("address")?.unwrap_or_default();
    let domain = body.str("domain")?.unwrap_or_default();
    let port = body.int("port")?.unwrap_or_default();
    check_fqdn(&sim.db, &org, &address, &domain, port, None)?;
    Ok(StatusCode::NO_CONTENT)
}

fn check_p_charge(body: &JsonBody) -> Result<Option<String>, ApiError> {
    match body.str("pChargeInfoSupportPolicy")? {
        Some(p) if !P_CHARGE_POLICIES.contains(&p.as_str()) => Err(ApiError::invalid_field(
            "pChargeInfoSupportPolicy",
            "It must be DISABLED, ASSERTED_IDENTITY or CONFIGURABLE_CHARGE_NUMBER.",
        )),
        other => Ok(other),
    }
}

fn check_calls(trunk_type: TrunkType, device: &str, calls: i64) -> Result<u32, ApiError> {
    let spec = trunk_type
        .device_types()
        .iter()
        .find(|d| d.name == device)
        .ok_or_else(|| invalid_device(trunk_type, device))?;
    if calls < i64::from(spec.min_calls) || calls > i64::from(spec.max_calls) {
        return Err(ApiError::bad_request(
            code::CALLS_OUT_OF_RANGE,
            format!(
                "maxConcurrentCalls {calls} is out of range: {device} supports {} to {} concurrent calls.",
                spec.min_calls, spec.max_calls
            ),
        ));
    }
    Ok(calls as u32)
}

fn invalid_device(trunk_type: TrunkType, device: &str) -> ApiError {
    let names: Vec<&str> = trunk_type.device_types().iter().map(|d| d.name).collect();
    ApiError::bad_request(
        code::INVALID_DEVICE_TYPE,
        format!(
            "Invalid deviceType {device} for trunk type {}: use one of {}.",
            trunk_type.as_str(),
            names.join(", ")
        ),
    )
}

fn name_taken(db: &Db, org: &str, name: &str, except: Option<&str>) -> bool {
    db.trunks.iter().any(|t| {
        t.org_id == org && Some(t.id.as_str()) != except && t.name.eq_ignore_ascii_case(name)
    })
}

fn duplicate_name(name: &str) -> ApiError {
    ApiError::conflict(
        code::DUPLICATE_NAME,
        format!("A trunk named {name} already exists in this organization."),
    )
}

pub async fn create(
    State(state): State<AppState>,
    call: Call,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let body = JsonBody::parse(&body)?;

    let certificate = body.0.get("trunkType").and_then(Value::as_str) == Some("CERTIFICATE_BASED");
    let mut required = vec!["name", "locationId", "password", "trunkType"];
    if certificate {
        required.extend(["address", "domain", "port", "maxConcurrentCalls"]);
    }
    body.require(&required)?;

    let name = body.str("name")?.unwrap_or_default().trim().to_string();
    let location_id = body.str("locationId")?.unwrap_or_default();
    let password = body.str("password")?.unwrap_or_default();
    let type_name = body.str("trunkType")?.unwrap_or_default();
    let trunk_type = TrunkType::parse(&type_name).ok_or_else(|| {
        ApiError::invalid_field("trunkType", "It must be REGISTERING or CERTIFICATE_BASED.")
    })?;
    let dual_identity = body.bool("dualIdentitySupportEnabled")?.unwrap_or(false);
    let p_charge_info = check_p_charge(&body)?.unwrap_or_else(|| "DISABLED".to_string());
    let device_type = body.str("deviceType")?.unwrap_or_else(|| CUBE.to_string());
    if !trunk_type
        .device_types()
        .iter()
        .any(|d| d.name == device_type)
    {
        return Err(invalid_device(trunk_type, &device_type));
    }

    let db = &mut sim.db;
    db.calling_location(&org, &location_id)?;
    if name_taken(db, &org, &name, None) {
        return Err(duplicate_name(&name));
    }

    let (address, domain, port, max_calls) = match trunk_type {
        TrunkType::CertificateBased => {
            let address = body.str("address")?.unwrap_or_default();
            let domain = body.str("domain")?.unwrap_or_default();
            let port = body.int("port")?.unwrap_or_default();
            let calls = body.int("maxConcurrentCalls")?.unwrap_or_default();
            let calls = check_calls(trunk_type, &device_type, calls)?;
            check_fqdn(db, &org, &address, &domain, port, None)?;
            (Some(address), Some(domain), Some(port as u32), calls)
        }
        TrunkType::Registering => {
            let max = trunk_type.device_types()[0].max_calls;
            (None, None, None, max)
        }
    };

    let trunk = db.make_trunk(NewTrunk {
        org_id: org,
        name,
        location_id,
        trunk_type,
        device_type,
        password,
        dual_identity,
        address,
        domain,
        port,
        max_concurrent_calls: max_calls,
        p_charge_info,
    });
    let id = trunk.id.clone();
    db.trunks.push(trunk);
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))).into_response())
}

pub async fn details(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_READ])?;
    let index = sim
        .db
        .trunk_index(&org, &trunk_id)
        .ok_or_else(|| trunk_not_found(&trunk_id))?;
    sim.db.trunks[index].read_status();
    let db = &sim.db;
    let trunk = &db.trunks[index];
    let body = trunk_json(db, trunk);
    let status = if trunk.quirk == Quirk::Partial206 {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    Ok((status, Json(body)).into_response())
}

fn trunk_json(db: &Db, t: &Trunk) -> Value {
    let org_name = db
        .org(&t.org_id)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let owner = json!({ "id": t.org_id, "name": org_name });
    let using: Vec<Value> = db
        .locations_using_trunk(&t.id)
        .into_iter()
        .map(|l| json!({ "id": l.id, "name": l.name }))
        .collect();
    let mut b = Map::new();
    b.insert("id".into(), json!(t.id));
    b.insert("name".into(), json!(t.name));
    let owner_key = if t.quirk == Quirk::OrganizationField {
        "organization"
    } else {
        "customer"
    };
    b.insert(owner_key.into(), owner);
    b.insert(
        "location".into(),
        json!({ "id": t.location_id, "name": db.location_name(&t.location_id) }),
    );
    b.insert("otgDtgId".into(), json!(t.otg_dtg_id));
    if let Some(v) = &t.line_port {
        b.insert("linePort".into(), json!(v));
    }
    b.insert("locationsUsingTrunk".into(), Value::Array(using));
    if let Some(v) = &t.pilot_user_id {
        b.insert("pilotUserId".into(), json!(v));
    }
    if t.quirk != Quirk::Partial206 {
        b.insert(
            "outboundProxy".into(),
            json!({
                "sipAccessServiceType": "SIP_CONNECT",
                "dnsType": "SRV",
                "outboundProxy": t.outbound_proxy,
                "srvPrefix": "_sips._tcp",
                "cnameRecords": [],
                "attachmentUpdated": true,
            }),
        );
    }
    if let Some(v) = &t.sip_user {
        b.insert("sipAuthenticationUserName".into(), json!(v));
    }
    let status = if t.quirk == Quirk::LowercaseStatus {
        t.status.to_lowercase()
    } else {
        t.status.to_string()
    };
    b.insert("status".into(), json!(status));
    b.insert("errorCodes".into(), json!([]));
    if t.quirk == Quirk::Partial206 {
        b.insert(
            "responseStatus".into(),
            json!([{
                "code": 25013,
                "type": "WARNING",
                "summaryEnglish": "CPAPI: Error retrieving outboundproxy.",
                "detail": ["Could not read the outbound proxy: OCI-P GroupOutboundProxyGetRequest: [Error 26088] Cloud PBX Console is not configured properly."],
                "trackingId": format!("CPAPI_{}_0", crate::errors::current_tracking_id().trim_start_matches("ROUTER_")),
            }]),
        );
    }
    b.insert("dualIdentitySupportEnabled".into(), json!(t.dual_identity));
    b.insert("trunkType".into(), json!(t.trunk_type.as_str()));
    b.insert("deviceType".into(), json!(t.device_type));
    if let Some(v) = &t.address {
        b.insert("address".into(), json!(v));
    }
    if let Some(v) = &t.domain {
        b.insert("domain".into(), json!(v));
    }
    b.insert("port".into(), json!(t.port.unwrap_or(0)));
    b.insert("maxConcurrentCalls".into(), json!(t.max_concurrent_calls));
    b.insert("isRestrictedToDedicatedInstance".into(), json!(false));
    b.insert("pChargeInfoSupportPolicy".into(), json!(t.p_charge_info));
    Value::Object(b)
}

pub async fn modify(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let db = &mut sim.db;
    let index = db
        .trunk_index(&org, &trunk_id)
        .ok_or_else(|| trunk_not_found(&trunk_id))?;
    let body = JsonBody::parse(&body)?;
    // TrunkPut holds only these; location, type, device, address, domain and port are fixed.
    if let Some(unknown) = body
        .0
        .keys()
        .find(|k| !TRUNK_PUT_FIELDS.contains(&k.as_str()))
    {
        return Err(ApiError::invalid_field(
            unknown,
            "This field cannot be changed on an existing trunk.",
        ));
    }
    body.require(&["name", "password"])?;
    let name = body.str("name")?.unwrap_or_default().trim().to_string();
    let password = body.str("password")?.unwrap_or_default();
    let dual_identity = body.bool("dualIdentitySupportEnabled")?;
    let p_charge_info = check_p_charge(&body)?;
    let trunk = &db.trunks[index];
    let max_calls = match body.int("maxConcurrentCalls")? {
        Some(calls) if trunk.trunk_type == TrunkType::CertificateBased => {
            Some(check_calls(trunk.trunk_type, &trunk.device_type, calls)?)
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "maxConcurrentCalls",
                "Only certificate-based trunks have a maximum of concurrent calls.",
            ))
        }
        None => None,
    };
    if name_taken(db, &org, &name, Some(&trunk_id)) {
        return Err(duplicate_name(&name));
    }
    let trunk = &mut db.trunks[index];
    trunk.name = name;
    if trunk.password != password {
        // The gateway still has the old password: it is offline until it is given the new one.
        trunk.password_changes += 1;
        if trunk.trunk_type == TrunkType::Registering {
            trunk.status = "OFFLINE";
        }
    }
    trunk.password = password;
    if let Some(v) = dual_identity {
        trunk.dual_identity = v;
    }
    if let Some(v) = p_charge_info {
        trunk.p_charge_info = v;
    }
    if let Some(v) = max_calls {
        trunk.max_concurrent_calls = v;
    }
    Ok(StatusCode::NO_CONTENT)
}

pub async fn delete(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<StatusCode, ApiError> {
    let mut sim = state.lock();
    let org = authorize(&sim.db, &call, &[CONFIG_WRITE])?;
    let db = &mut sim.db;
    let index = db
        .trunk_index(&org, &trunk_id)
        .ok_or_else(|| trunk_not_found(&trunk_id))?;
    let usage = db.trunk_usage(&trunk_id);
    if usage.in_use() {
        return Err(ApiError::conflict(
            code::TRUNK_IN_USE,
            format!(
                "Trunk {} is in use ({} PSTN connections, {} route groups, {} dial plans, {} call to extension locations) and cannot be deleted.",
                db.trunks[index].name,
                usage.pstn_connections,
                usage.route_groups,
                usage.dial_plans,
                usage.call_to_extension
            ),
        ));
    }
    db.trunks.remove(index);
    Ok(StatusCode::NO_CONTENT)
}

pub async fn usage(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    db.trunk(&org, &trunk_id)
        .ok_or_else(|| trunk_not_found(&trunk_id))?;
    let usage = db.trunk_usage(&trunk_id);
    Ok(Json(json!({
        "pstnConnectionCount": usage.pstn_connections,
        "callToExtensionCount": usage.call_to_extension,
        "dialPlanCount": usage.dial_plans,
        "routeGroupCount": usage.route_groups,
    }))
    .into_response())
}

/// Which of the four "where used" lists of a trunk.
#[derive(Clone, Copy)]
pub enum UsageList {
    PstnConnection,
    RouteGroup,
    DialPlan,
    CallToExtension,
}

async fn usage_list(
    state: AppState,
    trunk_id: String,
    call: Call,
    list: UsageList,
) -> Result<Response, ApiError> {
    let sim = state.lock();
    let db = &sim.db;
    let org = authorize(db, &call, &[CONFIG_READ])?;
    db.trunk(&org, &trunk_id)
        .ok_or_else(|| trunk_not_found(&trunk_id))?;
    let page = Page::parse(&call)?;
    let named = |id: &str, name: &str| json!({ "id": id, "name": name });
    let (key, items): (&str, Vec<Value>) = match list {
        UsageList::PstnConnection => (
            "locations",
            db.trunk_pstn_locations(&trunk_id)
                .iter()
                .map(|l| named(&l.id, &l.name))
                .collect(),
        ),
        UsageList::CallToExtension => (
            "locations",
            db.trunk_call_to_extension(&trunk_id)
                .iter()
                .map(|l| named(&l.id, &l.name))
                .collect(),
        ),
        UsageList::DialPlan => (
            "dialPlans",
            db.trunk_dial_plans(&trunk_id)
                .iter()
                .map(|d| named(&d.id, &d.name))
                .collect(),
        ),
        UsageList::RouteGroup => (
            "routeGroup",
            db.trunk_route_groups(&trunk_id)
                .iter()
                .map(|g| json!({ "id": g.id, "name": g.name, "inUse": db.route_group_in_use(&g.id) }))
                .collect(),
        ),
    };
    let (items, next) = page.slice(items, &call);
    Ok(list_response(json!({ key: items }), next))
}

pub async fn usage_pstn_connection(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(state, trunk_id, call, UsageList::PstnConnection).await
}

pub async fn usage_route_group(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(state, trunk_id, call, UsageList::RouteGroup).await
}

pub async fn usage_dial_plan(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(state, trunk_id, call, UsageList::DialPlan).await
}

pub async fn usage_call_to_extension(
    State(state): State<AppState>,
    Path(trunk_id): Path<String>,
    call: Call,
) -> Result<Response, ApiError> {
    usage_list(state, trunk_id, call, UsageList::CallToExtension).await
}
