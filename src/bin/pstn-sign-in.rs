//! The sign-in app: what a tab that is not signed in downloads first (see `handoff.rs`).
fn main() {
    pstn_console::start_sign_in();
}
