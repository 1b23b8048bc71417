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
pub mod handoff;
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
pub mod sign_in_app;
pub mod tab_storage;
pub mod validation;
pub mod view_first;
pub mod where_used;

/// Mounts the console on the page.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}

thread_local! {
    /// The sign-in app on the page, until it hands over to the console.
    static SIGN_IN: std::cell::RefCell<Option<Box<dyn std::any::Any>>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts the sign-in app (`pstn-sign-in`, see [`handoff`]) on the page.
pub fn start_sign_in() {
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    let handle = leptos::mount::mount_to(body, sign_in_app::SignInApp);
    SIGN_IN.with(|s| *s.borrow_mut() = Some(Box::new(handle)));
}

/// Takes the sign-in app off the page, once the console has started in its place.
pub fn leave_sign_in() {
    // Dropping the handle takes the app's nodes off the page and disposes of its owner.
    drop(SIGN_IN.with(|s| s.borrow_mut().take()));
}
