//! Reusable pieces of the page.

pub mod api_error;
pub mod header;
pub mod loading;

pub use api_error::ApiErrorView;
pub use header::Header;
pub use loading::Loading;
