//! PSTN for many locations at once, as plain Rust: the plan (who changes, who is skipped and
//! why), the pacing of the run, and its report. The pages only wire signals to these.

pub mod filter;
pub mod pacing;
pub mod plan;
pub mod report;
pub mod runner;
pub mod selection;
