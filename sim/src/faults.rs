//! Faults that tests arm through `POST /_sim/faults`: the next `count` calls matching method and
//! path answer an error (or are only delayed).

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// HTTP method to match; absent or `*` matches any.
    #[serde(default)]
    pub method: Option<String>,
    /// Exact path without the query, e.g. `/v1/telephony/config/premisePstn/trunks`.
    pub path: String,
    /// Status to answer; absent only delays the real answer.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default = "one")]
    pub count: u32,
    /// Seconds for the `Retry-After` header.
    #[serde(default)]
    pub retry_after: Option<u64>,
    #[serde(default)]
    pub delay_ms: u64,
    /// Body to answer instead of a Webex error body.
    #[serde(default)]
    pub body: Option<Value>,
}

fn one() -> u32 {
    1
}

impl Fault {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = match self.method.as_deref() {
            None | Some("*") | Some("") => true,
            Some(m) => m.eq_ignore_ascii_case(method),
        };
        method_ok && self.path.trim_end_matches('/') == path.trim_end_matches('/')
    }
}

/// Takes one use of the first armed fault matching the call, dropping it once used up.
pub fn take(faults: &mut Vec<Fault>, method: &str, path: &str) -> Option<Fault> {
    let i = faults
        .iter()
        .position(|f| f.count > 0 && f.matches(method, path))?;
    faults[i].count -= 1;
    let fault = faults[i].clone();
    if faults[i].count == 0 {
        faults.remove(i);
    }
    Some(fault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_is_used_count_times() {
        let mut faults = vec![serde_json::from_value::<Fault>(serde_json::json!({
            "method": "post", "path": "/v1/x", "status": 500, "count": 2
        }))
        .unwrap()];
        assert!(take(&mut faults, "GET", "/v1/x").is_none());
        assert!(take(&mut faults, "POST", "/v1/x").is_some());
        assert!(take(&mut faults, "POST", "/v1/x/").is_some());
        assert!(take(&mut faults, "POST", "/v1/x").is_none());
    }
}
