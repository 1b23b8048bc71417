//! A simulator driven in-process through `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use webex_sim::{AppState, Config};

pub const ADMIN: &str = "demo-admin-token";
pub const READONLY: &str = "demo-readonly-token";
pub const PARTNER: &str = "partner-admin-token";
pub const TRUNKS: &str = "/v1/telephony/config/premisePstn/trunks";

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a Webex error body whose tracking id is the header's, and returns its message.
    pub fn webex_error(&self, status: u16) -> String {
        assert_eq!(self.status.as_u16(), status, "{}", self.text);
        let tracking = self.body["trackingId"].as_str().expect("trackingId");
        assert!(tracking.starts_with("ROUTER_"));
        assert_eq!(self.header("trackingid"), Some(tracking));
        assert!(
            self.body["errors"][0]["description"].is_string(),
            "{}",
            self.text
        );
        assert!(
            self.body["errors"][0]["errorCode"].is_u64(),
            "{}",
            self.text
        );
        self.body["message"].as_str().expect("message").to_string()
    }

    pub fn error_code(&self) -> u64 {
        self.body["errors"][0]["errorCode"]
            .as_u64()
            .unwrap_or_default()
    }
}

pub struct Sim {
    pub app: Router,
    pub state: AppState,
}

impl Sim {
    pub fn new() -> Self {
        Self::with(Config::default())
    }

    pub fn with(config: Config) -> Self {
        let (app, state) = webex_sim::app(config).expect("app");
        Sim { app, state }
    }

    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "sim.test:8081");
        if let Some(t) = token {
            request = request.header("authorization", format!("Bearer {t}"));
        }
        let body = match body {
            Some(v) => {
                request = request.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Answer {
        self.call(Method::PUT, path, Some(token), Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Answer {
        self.call(Method::DELETE, path, Some(token), None).await
    }

    /// The id of the named item in a list answer (`trunks`, `locations`, `routeGroups`, `items`).
    pub async fn id_of(&self, path: &str, key: &str, name: &str, token: &str) -> String {
        let list = self.get(path, token).await;
        list.body[key]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: {}", list.text))
            .iter()
            .find(|i| i["name"] == name || i["displayName"] == name)
            .unwrap_or_else(|| panic!("{name} not in {path}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn location(&self, name: &str) -> String {
        self.id_of("/v1/telephony/config/locations", "locations", name, ADMIN)
            .await
    }

    pub async fn trunk(&self, name: &str) -> String {
        self.id_of(TRUNKS, "trunks", name, ADMIN).await
    }

    pub async fn route_group(&self, name: &str) -> String {
        self.id_of(
            "/v1/telephony/config/premisePstn/routeGroups",
            "routeGroups",
            name,
            ADMIN,
        )
        .await
    }
}
