//! The parts around the API: CORS, faults, the exchange log, reset, tokens, sign-in, the app.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::*;
use serde_json::json;
use sha2::{Digest, Sha256};

#[tokio::test]
async fn cors_preflight_allows_the_browser_app() {
    let sim = Sim::new();
    for path in [
        TRUNKS,
        "/v1/telephony/pstn/locations/abc/connection",
        "/_sim/faults",
    ] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header("origin", "http://127.0.0.1:8080")
            .header("access-control-request-method", "PUT")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .body(Body::empty())
            .unwrap();
        let answer = sim.send(preflight).await;
        assert!(answer.status.is_success(), "{path}: {}", answer.status);
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        let methods = answer
            .header("access-control-allow-methods")
            .unwrap()
            .to_uppercase();
        for m in ["GET", "POST", "PUT", "DELETE"] {
            assert!(methods.contains(m), "{methods}");
        }
        let headers = answer
            .header("access-control-allow-headers")
            .unwrap()
            .to_lowercase();
        assert!(headers.contains("authorization") && headers.contains("content-type"));
    }

    // Actual answers expose the headers the app reads, errors included.
    let get = Request::builder()
        .uri(TRUNKS)
        .header("origin", "http://127.0.0.1:8080")
        .body(Body::empty())
        .unwrap();
    let answer = sim.send(get).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let exposed = answer
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    for h in ["link", "trackingid", "retry-after"] {
        assert!(exposed.contains(h), "{exposed}");
    }
}

#[tokio::test]
async fn faults_answer_count_times_with_retry_after() {
    let sim = Sim::new();
    let armed = sim
        .post(
            "/_sim/faults",
            "",
            json!({"method": "GET", "path": TRUNKS, "status": 429, "count": 2, "retryAfter": 2}),
        )
        .await;
    assert_eq!(armed.status, StatusCode::CREATED, "{}", armed.text);

    for _ in 0..2 {
        let limited = sim.get(&format!("{TRUNKS}?max=5"), ADMIN).await;
        limited.webex_error(429);
        assert_eq!(limited.header("retry-after"), Some("2"));
    }
    let ok = sim.get(TRUNKS, ADMIN).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.header("retry-after").is_none());

    // Another method on the same path is not affected; a custom body is answered as given.
    sim.post(
        "/_sim/faults",
        "",
        json!({"method": "POST", "path": TRUNKS, "status": 500, "body": {"message": "boom"}}),
    )
    .await;
    assert_eq!(sim.get(TRUNKS, ADMIN).await.status, StatusCode::OK);
    let failed = sim.post(TRUNKS, ADMIN, json!({})).await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(failed.body, json!({"message": "boom"}));

    // Cleared faults no longer fire.
    sim.post("/_sim/faults", "", json!({"path": TRUNKS, "status": 503}))
        .await;
    assert_eq!(
        sim.call(Method::DELETE, "/_sim/faults", None, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(sim.get(TRUNKS, ADMIN).await.status, StatusCode::OK);
    sim.post("/_sim/faults", "", json!({"path": TRUNKS, "stauts": 503}))
        .await
        .webex_error(400);
}

#[tokio::test]
async fn a_delay_only_fault_delays_the_real_answer() {
    let sim = Sim::new();
    sim.post(
        "/_sim/faults",
        "",
        json!({"method": "GET", "path": "/v1/people/me", "delayMs": 300}),
    )
    .await;
    let started = Instant::now();
    let me = sim.get("/v1/people/me", ADMIN).await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    sim.get("/v1/people/me", ADMIN).await;
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn exchanges_are_logged_until_reset() {
    let sim = Sim::new();
    let location = sim.location("Toronto Office").await;
    let body = json!({"name": "TOR-1", "locationId": location, "password": "p", "trunkType": "REGISTERING"});
    let created = sim
        .post(&format!("{TRUNKS}?orgId="), ADMIN, body.clone())
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    sim.call(Method::OPTIONS, TRUNKS, None, None).await;
    sim.get("/_sim/faults", "").await;

    let log = sim.get("/_sim/exchanges", "").await;
    let entries = log.body.as_array().unwrap();
    assert_eq!(entries.len(), 2, "{}", log.text);
    let post = &entries[1];
    assert_eq!(post["method"], "POST");
    assert_eq!(post["path"], format!("{TRUNKS}?orgId="));
    assert_eq!(post["status"], 201);
    assert_eq!(post["request"], body);
    assert_eq!(post["response"]["id"], created.body["id"]);
    assert_eq!(post["trackingId"].as_str(), created.header("trackingid"));

    let reset = sim.post("/_sim/reset", "", json!({})).await;
    assert_eq!(reset.body["seed"], "demo");
    assert!(sim
        .get("/_sim/exchanges", "")
        .await
        .body
        .as_array()
        .unwrap()
        .is_empty());
    let id = created.body["id"].as_str().unwrap();
    sim.get(&format!("{TRUNKS}/{id}"), ADMIN)
        .await
        .webex_error(404);

    sim.post("/_sim/reset", "", json!({"seed": "empty"})).await;
    let trunks = sim.get(TRUNKS, ADMIN).await;
    assert_eq!(trunks.body["trunks"], json!([]));
    sim.post("/_sim/reset", "", json!({"seed": "galaxy"}))
        .await
        .webex_error(400);
}

#[tokio::test]
async fn the_record_file_gets_one_json_line_per_exchange() {
    let path = std::env::temp_dir().join(format!("webex-sim-record-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let sim = Sim::with(webex_sim::Config {
        record: Some(path.clone()),
        ..Default::default()
    });
    sim.get("/v1/people/me", ADMIN).await;
    sim.get("/v1/nothing/here", ADMIN).await.webex_error(404);
    sim.get("/_sim/exchanges", "").await;
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "/v1/people/me");
    assert_eq!(lines[0]["request"], serde_json::Value::Null);
    assert_eq!(lines[1]["status"], 404);
    let _ = std::fs::remove_file(&path);
}

fn auto() -> Sim {
    Sim::with(webex_sim::Config {
        oauth_auto: true,
        ..Default::default()
    })
}

#[tokio::test]
async fn implicit_grant_redirects_with_a_working_token() {
    let sim = auto();
    let answer = sim
        .call(
            Method::GET,
            "/v1/authorize?client_id=console&response_type=token&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fauth&scope=spark%3Apeople_read%20spark-admin%3Atelephony_config_read&state=xyz",
            None,
            None,
        )
        .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    let location = answer.header("location").unwrap();
    assert!(
        location.starts_with("http://127.0.0.1:8080/auth#access_token="),
        "{location}"
    );
    assert!(
        location.contains("token_type=Bearer")
            && location.contains("state=xyz")
            && location.contains("expires_in=")
    );
    let token = location
        .split("access_token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let me = sim.get("/v1/people/me", token).await;
    assert_eq!(me.body["displayName"], "Dana Admin");
    assert_eq!(sim.get(TRUNKS, token).await.status, StatusCode::OK);
    // Only the scopes asked for.
    sim.post(TRUNKS, token, json!({})).await.webex_error(403);
}

#[tokio::test]
async fn code_grant_checks_the_pkce_verifier() {
    let sim = auto();
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let authorize = |challenge: String| {
        format!("/v1/authorize?client_id=console&response_type=code&redirect_uri=http://localhost:8080/cb&state=s1&code_challenge={challenge}&code_challenge_method=S256")
    };
    let answer = sim
        .call(Method::GET, &authorize(challenge.clone()), None, None)
        .await;
    let location = answer.header("location").unwrap().to_string();
    assert!(
        location.starts_with("http://localhost:8080/cb?code="),
        "{location}"
    );
    assert!(location.ends_with("&state=s1"));
    let code = location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();

    let exchange = |code: &str, verifier: &str| {
        Request::builder()
            .method(Method::POST)
            .uri("/v1/access_token")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "grant_type=authorization_code&client_id=console&code={code}&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcb&code_verifier={verifier}"
            )))
            .unwrap()
    };
    let wrong = sim.send(exchange(&code, "not-the-verifier")).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.body["error"], "invalid_grant");

    // A code is single use, so ask again.
    let answer = sim
        .call(Method::GET, &authorize(challenge), None, None)
        .await;
    let location = answer.header("location").unwrap().to_string();
    let code = location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let ok = sim.send(exchange(&code, verifier)).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    assert_eq!(ok.body["token_type"], "Bearer");
    assert!(ok.body["expires_in"].as_u64().unwrap() > 3600);
    assert!(ok.body["scope"]
        .as_str()
        .unwrap()
        .contains("spark-admin:telephony_pstn_write"));
    let token = ok.body["access_token"].as_str().unwrap();
    assert_eq!(sim.get("/v1/people/me", token).await.status, StatusCode::OK);
    let reused = sim.send(exchange(&code, verifier)).await;
    assert_eq!(reused.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_auto_the_authorize_page_asks_for_consent() {
    let sim = Sim::new();
    let page = sim
        .call(Method::GET, "/v1/authorize?client_id=c&response_type=token&redirect_uri=http://localhost/cb&scope=spark:people_read", None, None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Accept") && page.text.contains("name=\"redirect_uri\""));
    let accepted = sim
        .call(Method::GET, "/v1/authorize?client_id=c&response_type=token&redirect_uri=http://localhost/cb&consent=accept", None, None)
        .await;
    assert!(accepted
        .header("location")
        .unwrap()
        .contains("#access_token="));
    let denied = sim
        .call(Method::GET, "/v1/authorize?client_id=c&response_type=token&redirect_uri=http://localhost/cb&consent=deny&state=q", None, None)
        .await;
    assert_eq!(
        denied.header("location"),
        Some("http://localhost/cb?error=access_denied&state=q")
    );
}

#[tokio::test]
async fn the_app_is_served_with_spa_fallback() {
    let dir = std::env::temp_dir().join(format!("webex-sim-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let app = Sim {
        app: webex_sim::static_app::router(&dir),
        state: Sim::new().state,
    };
    let wasm = app.call(Method::GET, "/app_bg.wasm", None, None).await;
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("cache-control"), Some("no-cache"));
    let deep = app
        .call(Method::GET, "/locations/abc/pstn", None, None)
        .await;
    assert_eq!(deep.status, StatusCode::OK);
    assert!(deep.text.contains("<title>app</title>"));
    assert!(deep
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_app_is_served_under_its_base_path_only() {
    let dir = std::env::temp_dir().join(format!("webex-sim-app-base-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let app = Sim {
        app: webex_sim::static_app::router_at(&dir, "/tools/pstn/"),
        state: Sim::new().state,
    };
    let wasm = app
        .call(Method::GET, "/tools/pstn/app_bg.wasm", None, None)
        .await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("cache-control"), Some("no-cache"));
    for deep in ["/tools/pstn/", "/tools/pstn/trunks/new?locationId=L1"] {
        let page = app.call(Method::GET, deep, None, None).await;
        assert_eq!(page.status, StatusCode::OK, "{deep}");
        assert!(page.text.contains("<title>app</title>"), "{deep}");
    }
    let bare = app.call(Method::GET, "/tools/pstn?x=1", None, None).await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.header("location"), Some("/tools/pstn/?x=1"));
    for outside in [
        "/",
        "/app_bg.wasm",
        "/trunks/new",
        "/tools/pstnx/",
        "/tools/",
    ] {
        let answer = app.call(Method::GET, outside, None, None).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{outside}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_trunk_status_changes_after_the_reads_asked_for() {
    let sim = Sim::new();
    let man = sim.trunk("MAN-CUBE-01").await;
    let path = format!("{TRUNKS}/{man}");
    let set = sim
        .call(
            Method::POST,
            "/_sim/trunks/status",
            None,
            Some(json!({"name": "MAN-CUBE-01", "status": "ONLINE", "afterReads": 2})),
        )
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT, "{}", set.text);
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "OFFLINE");
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "OFFLINE");
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "ONLINE");
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "ONLINE");
    let now = sim
        .call(
            Method::POST,
            "/_sim/trunks/status",
            None,
            Some(json!({"name": "MAN-CUBE-01", "status": "UNKNOWN"})),
        )
        .await;
    assert_eq!(now.status, StatusCode::NO_CONTENT);
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "UNKNOWN");
    let bad = sim
        .call(
            Method::POST,
            "/_sim/trunks/status",
            None,
            Some(json!({"name": "MAN-CUBE-01", "status": "UP"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn latency_delays_every_api_answer_and_preflight_until_reset() {
    let sim = Sim::with(webex_sim::Config {
        latency_ms: 120,
        ..Default::default()
    });
    let at = Instant::now();
    let trunks = sim.get(TRUNKS, ADMIN).await;
    assert_eq!(trunks.status, StatusCode::OK);
    assert!(at.elapsed() >= Duration::from_millis(120));
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(TRUNKS)
        .header("origin", "http://127.0.0.1:8080")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .body(Body::empty())
        .unwrap();
    let at = Instant::now();
    assert!(sim.send(preflight).await.status.is_success());
    assert!(at.elapsed() >= Duration::from_millis(120));

    // The control surface answers at once and changes the latency.
    assert_eq!(sim.get("/_sim/latency", "").await.body, json!({"ms": 120}));
    let set = sim.post("/_sim/latency", "", json!({"ms": 250})).await;
    assert_eq!(set.body, json!({"ms": 250}));
    let at = Instant::now();
    sim.get(TRUNKS, ADMIN).await;
    assert!(at.elapsed() >= Duration::from_millis(250));
    sim.post("/_sim/latency", "", json!({"ms": 600000}))
        .await
        .webex_error(400);
    sim.post("/_sim/latency", "", json!({"millis": 5}))
        .await
        .webex_error(400);
    // A reset goes back to --latency-ms.
    sim.post("/_sim/reset", "", json!({})).await;
    assert_eq!(sim.get("/_sim/latency", "").await.body, json!({"ms": 120}));
}

#[tokio::test]
async fn a_write_limit_answers_429_with_retry_after_per_token_until_reset() {
    let sim = Sim::new();
    let toronto = sim.location("Toronto Office").await;
    let path = format!("/v1/telephony/pstn/locations/{toronto}/connection");
    let sjc = sim.id_of(TRUNKS, "trunks", "SJC-CUBE-01", ADMIN).await;
    let body = json!({"premiseRouteType": "TRUNK", "premiseRouteId": sjc});
    // Off by default: many writes in a row all pass.
    for _ in 0..5 {
        assert_eq!(sim.put(&path, ADMIN, body.clone()).await.status, 204);
    }
    let on = sim
        .post("/_sim/rate-limit", "", json!({"writesPerSecond": 2}))
        .await;
    assert_eq!(on.body, json!({"writesPerSecond": 2}), "{}", on.text);
    let answers = [
        sim.put(&path, ADMIN, body.clone()).await,
        sim.put(&path, ADMIN, body.clone()).await,
        sim.put(&path, ADMIN, body.clone()).await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    // Two in the same second pass; the third waits (unless the second turned over meanwhile).
    assert_eq!(statuses[..2], [204, 204]);
    if statuses[2] == 429 {
        answers[2].webex_error(429);
        assert_eq!(answers[2].header("retry-after"), Some("1"));
    }
    // Reads are not limited, and another token has its own budget.
    assert_eq!(sim.get(&path, ADMIN).await.status, 200);
    assert_eq!(
        sim.put(&path, PARTNER, body.clone()).await.status.as_u16(),
        404
    );
    // The 429s are recorded like any answer.
    let log = sim.get("/_sim/exchanges", "").await;
    let puts = log
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["method"] == "PUT")
        .count();
    assert_eq!(puts, 9);
    sim.post("/_sim/reset", "", json!({})).await;
    for _ in 0..4 {
        assert_eq!(sim.put(&path, ADMIN, body.clone()).await.status, 204);
    }
}

#[tokio::test]
async fn the_write_limit_holds_within_a_second() {
    let sim = Sim::with(webex_sim::Config {
        write_limit: Some(1),
        ..Default::default()
    });
    let toronto = sim.location("Toronto Office").await;
    let path = format!("/v1/telephony/pstn/locations/{toronto}/connection");
    let sjc = sim.id_of(TRUNKS, "trunks", "SJC-CUBE-01", ADMIN).await;
    let body = json!({"premiseRouteType": "TRUNK", "premiseRouteId": sjc});
    let start = Instant::now();
    let first = sim.put(&path, ADMIN, body.clone()).await;
    let second = sim.put(&path, ADMIN, body.clone()).await;
    assert_eq!(first.status, 204);
    if start.elapsed() < Duration::from_millis(900) {
        assert_eq!(second.status, 429);
        assert_eq!(second.header("retry-after"), Some("1"));
    }
}
