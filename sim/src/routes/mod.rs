//! The HTTP surface: `/v1` (the Webex API), `/_sim` (test control), and CORS around both.

mod control;
mod locations;
mod oauth;
mod people;
mod pstn;
mod route_groups;
mod trunks;

use axum::http::{header, Method, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::errors::ApiError;
use crate::middleware::{self, TRACKINGID};
use crate::state::AppState;

const TRUNKS: &str = "/v1/telephony/config/premisePstn/trunks";
const ROUTE_GROUPS: &str = "/v1/telephony/config/premisePstn/routeGroups";
const CALLING_LOCATIONS: &str = "/v1/telephony/config/locations";
const PSTN: &str = "/v1/telephony/pstn/locations/{locationId}";

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/people/me", get(people::me))
        .route("/v1/organizations", get(people::organizations))
        .route("/v1/locations", get(locations::list_all))
        .route(CALLING_LOCATIONS, get(locations::list_calling))
        .route(
            &format!("{CALLING_LOCATIONS}/{{locationId}}"),
            get(locations::calling_details),
        )
        .route(
            &format!("{CALLING_LOCATIONS}/{{locationId}}/actions/generatePassword/invoke"),
            post(locations::generate_password),
        )
        .route(TRUNKS, get(trunks::list).post(trunks::create))
        .route(&format!("{TRUNKS}/trunkTypes"), get(trunks::trunk_types))
        .route(
            &format!("{TRUNKS}/actions/fqdnValidation/invoke"),
            post(trunks::validate_fqdn),
        )
        .route(
            &format!("{TRUNKS}/{{trunkId}}"),
            get(trunks::details)
                .put(trunks::modify)
                .delete(trunks::delete),
        )
        .route(&format!("{TRUNKS}/{{trunkId}}/usage"), get(trunks::usage))
        .route(
            &format!("{TRUNKS}/{{trunkId}}/usagePstnConnection"),
            get(trunks::usage_pstn_connection),
        )
        .route(
            &format!("{TRUNKS}/{{trunkId}}/usageRouteGroup"),
            get(trunks::usage_route_group),
        )
        .route(
            &format!("{TRUNKS}/{{trunkId}}/usageDialPlan"),
            get(trunks::usage_dial_plan),
        )
        .route(
            &format!("{TRUNKS}/{{trunkId}}/usageCallToExtension"),
            get(trunks::usage_call_to_extension),
        )
        .route(
            ROUTE_GROUPS,
            get(route_groups::list).post(route_groups::create),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}"),
            get(route_groups::details)
                .put(route_groups::modify)
                .delete(route_groups::delete),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}/usage"),
            get(route_groups::usage),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}/usagePstnConnection"),
            get(route_groups::usage_pstn_connection),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}/usageDialPlan"),
            get(route_groups::usage_dial_plan),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}/usageCallToExtension"),
            get(route_groups::usage_call_to_extension),
        )
        .route(
            &format!("{ROUTE_GROUPS}/{{routeGroupId}}/usageRouteList"),
            get(route_groups::usage_route_list),
        )
        .route(
            &format!("{PSTN}/connectionOptions"),
            get(pstn::connection_options),
        )
        .route(
            &format!("{PSTN}/connection"),
            get(pstn::read_connection).put(pstn::set_connection),
        )
        .route("/v1/authorize", get(oauth::authorize))
        .route("/v1/access_token", post(oauth::access_token))
        .route(
            "/_sim/faults",
            get(control::list_faults)
                .post(control::add_fault)
                .delete(control::clear_faults),
        )
        .route("/_sim/reset", post(control::reset))
        .route("/_sim/rate-limit", post(control::rate_limit))
        .route("/_sim/exchanges", get(control::exchanges))
        .route(
            "/_sim/latency",
            get(control::get_latency).post(control::set_latency),
        )
        .route("/_sim/tokens", post(control::mint_token))
        .route("/_sim/tokens/expire", post(control::expire_token))
        .route("/_sim/trunks/status", post(control::trunk_status))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), middleware::around))
        .layer(cors())
        .layer(from_fn_with_state(state.clone(), middleware::latency))
        .with_state(state)
}

/// What a browser app on another origin needs: preflights answered, the bearer header allowed,
/// and the paging, tracking and retry headers readable.
pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([header::LINK, TRACKINGID, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600))
}

async fn not_found() -> ApiError {
    ApiError::for_status(StatusCode::NOT_FOUND)
}

async fn method_not_allowed() -> ApiError {
    ApiError::for_status(StatusCode::METHOD_NOT_ALLOWED)
}
