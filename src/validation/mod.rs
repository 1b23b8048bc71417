//! Form rules as plain Rust: one validation function per form, used both for the inline field
//! errors and for the submit gate, and producing the request body the API client sends.

pub mod fields;
mod host_name;
pub mod pstn;
pub mod refusal;
pub mod route_group;
pub mod trunk;
pub mod trunk_edit;

pub use fields::FieldErrors;
pub use pstn::PstnForm;
pub use route_group::RouteGroupForm;
pub use trunk::{DeviceRange, TrunkForm};
pub use trunk_edit::{TrunkEditForm, TrunkOriginal};
