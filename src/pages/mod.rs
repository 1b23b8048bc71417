//! One routed page per file.

pub mod bulk;
pub mod history;
pub mod home;
pub mod location_pstn;
pub mod locations;
pub mod not_found;
pub mod route_group_detail;
pub mod route_group_form;
pub mod route_groups;
pub mod sign_in;
pub mod trunk_accepted;
pub mod trunk_detail;
pub mod trunk_edit;
pub mod trunk_new;
pub mod trunks;
