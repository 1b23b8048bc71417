//! Runtime configuration: `config.json` beside `index.html`, so one build serves any deployment.

use crate::api::client::WEBEX_API_BASE;
use serde::{Deserialize, Serialize};

/// Where the API is and how to sign in with Webex (serialized only to hand it to the console,
/// see [`crate::handoff`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppConfig {
    pub api_base: String,
    pub oauth: Option<OAuthConfig>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            api_base: WEBEX_API_BASE.to_string(),
            oauth: None,
        }
    }
}

/// The Webex integration the console signs in through (no secret: a browser cannot keep one).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OAuthConfig {
    pub client_id: String,
    pub redirect_uri: String,
    #[serde(default)]
    pub scopes: Option<String>,
    #[serde(default)]
    pub flow: Option<String>,
    #[serde(default)]
    pub authorize_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    api_base: Option<String>,
    #[serde(default)]
    oauth: Option<OAuthConfig>,
}

/// Reads the text of `config.json`. `None` (no file) gives the defaults; a file that is not a
/// valid configuration gives a message that names the problem.
pub fn parse(text: Option<&str>) -> Result<AppConfig, String> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(AppConfig::default());
    };
    let file: ConfigFile =
        serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}."))?;
    let api_base = match file.api_base {
        None => WEBEX_API_BASE.to_string(),
        Some(base) => {
            let base = base.trim().trim_end_matches('/').to_string();
            if !(base.starts_with("https://") || base.starts_with("http://")) {
                return Err(format!(
                    "config.json: \"apiBase\" must be an http(s) URL such as {WEBEX_API_BASE}, not \"{base}\"."
                ));
            }
            base
        }
    };
    if let Some(oauth) = &file.oauth {
        if oauth.client_id.trim().is_empty() || oauth.redirect_uri.trim().is_empty() {
            return Err("config.json: \"oauth\" needs \"clientId\" and \"redirectUri\".".into());
        }
        if let Some(flow) = oauth.flow.as_deref().map(str::trim) {
            if flow != "implicit" && flow != "pkce" {
                return Err(format!(
                    "config.json: \"oauth.flow\" must be \"implicit\" or \"pkce\", not \"{flow}\"."
                ));
            }
        }
    }
    Ok(AppConfig {
        api_base,
        oauth: file.oauth,
    })
}

/// Fetches `config.json` relative to the page, so deployments under a sub-path work. `index.html`
/// starts that fetch before the wasm is downloaded (`window.pstnConfig`); its answer is taken
/// once, and a page without it (or a second load) asks again.
pub async fn load() -> Result<AppConfig, String> {
    let response = match early_response().await {
        Some(response) => response,
        None => gloo_net::http::Request::get("config.json")
            .header("Cache-Control", "no-cache")
            .send()
            .await
            .map_err(|e| format!("config.json could not be loaded: {e}"))?,
    };
    if response.status() == 404 {
        return parse(None);
    }
    if !response.ok() {
        return Err(format!(
            "config.json could not be loaded (HTTP {}).",
            response.status()
        ));
    }
    // Hosts that answer every path with index.html have no config.json either.
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("html"));
    let text = response.text().await.unwrap_or_default();
    if is_html || text.trim_start().starts_with('<') {
        return parse(None);
    }
    parse(Some(&text))
}

/// The answer of the fetch `index.html` started, if it did and it was answered.
async fn early_response() -> Option<gloo_net::http::Response> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("pstnConfig");
    let started = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let promise = started.dyn_into::<js_sys::Promise>().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    answer
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(gloo_net::http::Response::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_or_empty_config_means_webex() {
        assert_eq!(parse(None).unwrap().api_base, "https://webexapis.com/v1");
        assert_eq!(parse(Some("  ")).unwrap(), AppConfig::default());
        assert_eq!(parse(Some("{}")).unwrap(), AppConfig::default());
    }

    #[test]
    fn api_base_and_oauth_are_read() {
        let c = parse(Some(r#"{"apiBase":"http://127.0.0.1:8081/v1/","oauth":{"clientId":"C","redirectUri":"https://x/","scopes":"a b","flow":"pkce"}}"#)).unwrap();
        assert_eq!(c.api_base, "http://127.0.0.1:8081/v1");
        assert_eq!(c.oauth.unwrap().flow.as_deref(), Some("pkce"));
    }

    #[test]
    fn bad_config_names_the_problem() {
        assert!(parse(Some("{apiBase:")).unwrap_err().contains("not valid"));
        assert!(parse(Some(r#"{"apiBase":"webexapis.com"}"#))
            .unwrap_err()
            .contains("http(s) URL"));
        assert!(parse(Some(r#"{"apiBse":"https://x"}"#))
            .unwrap_err()
            .contains("unknown field"));
        assert!(
            parse(Some(r#"{"oauth":{"clientId":"","redirectUri":"x"}}"#))
                .unwrap_err()
                .contains("clientId")
        );
        assert!(parse(Some(
            r#"{"oauth":{"clientId":"C","redirectUri":"https://x/","flow":"code"}}"#
        ))
        .unwrap_err()
        .contains("\"implicit\" or \"pkce\""));
    }
}
