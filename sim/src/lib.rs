//! An in-memory simulator of the Webex REST API calls the PSTN Console makes, with the
//! answers, errors and quirks of webexapis.com, plus a `/_sim` control surface for tests.

pub mod auth;
pub mod call;
pub mod config;
pub mod errors;
pub mod faults;
pub mod ids;
pub mod json_body;
pub mod middleware;
pub mod paging;
pub mod rate_limit;
pub mod record;
pub mod routes;
pub mod seed;
pub mod state;
pub mod static_app;

pub use config::{Config, Seed};
pub use state::AppState;

/// The whole HTTP application for `config` (API, control endpoints, CORS).
pub fn app(config: Config) -> std::io::Result<(axum::Router, AppState)> {
    let state = AppState::new(config)?;
    Ok((routes::router(state.clone()), state))
}
