//! The Webex REST API client: typed models and request functions, no view code.

pub mod client;
pub mod error;
pub mod locations;
pub mod paging;
pub mod people;
pub mod pstn;
pub mod requests;
pub mod route_groups;
pub mod scopes;
pub mod trunks;

pub use client::{Client, ClientEvent};
pub use error::{ApiError, WebexError};
