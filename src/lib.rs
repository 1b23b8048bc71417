//! PSTN Console: a Leptos single-page app that lets Webex Calling administrators create trunks
//! and set the PSTN connection of their locations, calling the Webex REST API from the browser.

pub mod api;
pub mod app;
pub mod bounded_loader;
pub mod bulk;
pub mod clock;
pub mod components;
pub mod config;
pub mod counting;
pub mod csv;
pub mod download;
pub mod drafts;
pub mod gateway_config;
pub mod history;
pub mod kept_lists;
pub mod list_address;
pub mod location_rows;
pub mod oauth;
pub mod pages;
pub mod paths;
pub mod pstn_plan;
pub mod resources;
pub mod route_group_words;
pub mod session;
pub mod tab_storage;
pub mod validation;
pub mod where_used;

/// Mounts the console on the page.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
