//! Reusable pieces of the page.

pub mod api_error;
pub mod bulk_run;
pub mod bulk_target;
pub mod confirm_dialog;
pub mod copy_button;
pub mod field;
pub mod header;
pub mod loading;
pub mod location_selection;
pub mod org_switcher;
pub mod pager;
pub mod picker;
pub mod pstn_change;
pub mod pstn_choices;
pub mod pstn_connection;
pub mod pstn_current;
pub mod radio_card;
pub mod route_group_editor;
pub mod route_group_trunks;
pub mod sending_note;
pub mod token_timer;

pub use api_error::{ApiErrorView, LoadFailed};
pub use confirm_dialog::{ConfirmChange, ConfirmDialog};
pub use copy_button::CopyButton;
pub use field::Field;
pub use header::Header;
pub use loading::Loading;
pub use org_switcher::OrgSwitcher;
pub use pager::Pager;
pub use picker::{Picker, PickerOption};
pub use sending_note::SendingNote;
pub use token_timer::TokenTimer;
