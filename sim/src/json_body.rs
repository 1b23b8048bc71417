//! Reading request bodies field by field, so that errors name the field like Webex does.

use axum::body::Bytes;
use serde_json::{Map, Value};

use crate::errors::ApiError;

pub struct JsonBody(pub Map<String, Value>);

impl JsonBody {
    /// An empty body reads as `{}`; anything but a JSON object is a 400.
    pub fn parse(bytes: &Bytes) -> Result<JsonBody, ApiError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(JsonBody(Map::new()));
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(JsonBody(map)),
            Ok(_) => Err(ApiError::bad_request(
                crate::errors::code::INVALID_FIELD,
                "The request body must be a JSON object.",
            )),
            Err(e) => Err(ApiError::bad_request(
                crate::errors::code::INVALID_FIELD,
                format!("The request body is not valid JSON: {e}"),
            )),
        }
    }

    fn present(&self, key: &str) -> Option<&Value> {
        match self.0.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(v) => Some(v),
        }
    }

    /// The fields of `keys` that are absent, null or blank.
    pub fn missing<'k>(&self, keys: &[&'k str]) -> Vec<&'k str> {
        keys.iter()
            .copied()
            .filter(|k| self.present(k).is_none())
            .collect()
    }

    pub fn require(&self, keys: &[&str]) -> Result<(), ApiError> {
        let missing = self.missing(keys);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ApiError::missing_fields(&missing))
        }
    }

    pub fn str(&self, key: &str) -> Result<Option<String>, ApiError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::invalid_field(key, "It must be a string.")),
        }
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ApiError::invalid_field(key, "It must be true or false.")),
        }
    }

    /// A whole number (JSON numbers like `5061` or `5061.0`).
    pub fn int(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
                .map(Some)
                .ok_or_else(|| ApiError::invalid_field(key, "It must be a whole number.")),
            Some(_) => Err(ApiError::invalid_field(key, "It must be a number.")),
        }
    }
}
