//! Recorded exchanges, in the JSON Lines shape `webex-spec-check` reads.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub method: String,
    /// Path with the query string, e.g. `/v1/telephony/config/locations?max=2`.
    pub path: String,
    pub status: u16,
    /// The JSON request body, or null.
    pub request: Value,
    /// The JSON response body, or null.
    pub response: Value,
    pub tracking_id: String,
}

/// Appends exchanges to a file, one JSON object per line.
pub struct Recorder {
    file: Mutex<File>,
}

impl Recorder {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Recorder {
            file: Mutex::new(file),
        })
    }

    pub fn write(&self, exchange: &Exchange) {
        let mut line = serde_json::to_string(exchange).expect("exchanges serialize");
        line.push('\n');
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = file.write_all(line.as_bytes()) {
            eprintln!("webex-sim: cannot write the record file: {e}");
        }
    }
}
