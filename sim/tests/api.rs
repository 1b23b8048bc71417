//! The Webex API surface: auth, trunks, route groups, PSTN, paging and the live-org quirks.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

// ---- auth ----------------------------------------------------------------------------------

#[tokio::test]
async fn missing_unknown_and_expired_tokens_get_401() {
    let sim = Sim::new();
    let none = sim.call(Method::GET, "/v1/people/me", None, None).await;
    assert!(none.webex_error(401).contains("access token"));
    let unknown = sim.get("/v1/people/me", "nope").await;
    unknown.webex_error(401);

    let minted = sim
        .post(
            "/_sim/tokens",
            "",
            json!({"token": "short", "like": ADMIN, "expiresIn": 3600}),
        )
        .await;
    assert_eq!(minted.status, StatusCode::CREATED);
    assert_eq!(
        sim.get("/v1/people/me", "short").await.status,
        StatusCode::OK
    );
    let expired = sim
        .post("/_sim/tokens/expire", "", json!({"token": "short"}))
        .await;
    assert_eq!(expired.status, StatusCode::NO_CONTENT);
    let after = sim.get("/v1/people/me", "short").await;
    assert!(after.webex_error(401).contains("expired"));
}

#[tokio::test]
async fn a_missing_scope_gets_403_naming_it() {
    let sim = Sim::new();
    let location = sim.location("Manchester Support").await;
    let answer = sim
        .post(
            TRUNKS,
            READONLY,
            json!({"name": "X", "locationId": location, "password": "p", "trunkType": "REGISTERING"}),
        )
        .await;
    assert!(answer
        .webex_error(403)
        .contains("spark-admin:telephony_config_write"));

    let pstn = sim
        .put(
            &format!("/v1/telephony/pstn/locations/{location}/connection"),
            READONLY,
            json!({"id": "x"}),
        )
        .await;
    assert!(pstn
        .webex_error(403)
        .contains("spark-admin:telephony_pstn_write"));

    // A token with no telephony scope at all.
    sim.post(
        "/_sim/tokens",
        "",
        json!({"token": "people-only", "scopes": ["spark:people_read"]}),
    )
    .await;
    let trunks = sim.get(TRUNKS, "people-only").await;
    assert!(trunks
        .webex_error(403)
        .contains("spark-admin:telephony_config_read"));
}

#[tokio::test]
async fn org_id_is_for_own_and_managed_orgs_only() {
    let sim = Sim::new();
    let me = sim.get("/v1/people/me", ADMIN).await;
    let demo_org = me.body["orgId"].as_str().unwrap().to_string();
    assert_eq!(me.body["displayName"], "Dana Admin");

    let orgs = sim.get("/v1/organizations", PARTNER).await;
    let items = orgs.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{}", orgs.text);
    let globex = items
        .iter()
        .find(|o| o["displayName"] == "Globex Retail")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // The partner reads both customers.
    let demo_trunks = sim
        .get(&format!("{TRUNKS}?orgId={demo_org}"), PARTNER)
        .await;
    assert_eq!(demo_trunks.body["trunks"].as_array().unwrap().len(), 6);
    let globex_trunks = sim.get(&format!("{TRUNKS}?orgId={globex}"), PARTNER).await;
    let names: Vec<&str> = globex_trunks.body["trunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["DEN-CUBE-01", "DUB-SBC-01"]);

    // The customer admin may name its own org, not another.
    assert_eq!(
        sim.get(&format!("{TRUNKS}?orgId={demo_org}"), ADMIN)
            .await
            .status,
        StatusCode::OK
    );
    sim.get(&format!("{TRUNKS}?orgId={globex}"), ADMIN)
        .await
        .webex_error(403);
    let own = sim.get("/v1/organizations", ADMIN).await;
    assert_eq!(own.body["items"].as_array().unwrap().len(), 1);
}

// ---- trunks --------------------------------------------------------------------------------

#[tokio::test]
async fn create_trunk_names_every_missing_field() {
    let sim = Sim::new();
    let answer = sim.post(TRUNKS, ADMIN, json!({"name": "New"})).await;
    let message = answer.webex_error(400);
    for field in ["locationId", "password", "trunkType"] {
        assert!(message.contains(field), "{message}");
    }
    assert!(!message.contains("name,"));
    assert_eq!(answer.body["errors"].as_array().unwrap().len(), 3);
    assert_eq!(answer.error_code(), 25008);

    let empty = sim.call(Method::POST, TRUNKS, Some(ADMIN), None).await;
    assert!(empty.webex_error(400).contains("name"));
    let bad_type = sim
        .post(
            TRUNKS,
            ADMIN,
            json!({"name": "N", "locationId": "x", "password": "p", "trunkType": "SIP"}),
        )
        .await;
    assert!(bad_type.webex_error(400).contains("trunkType"));
}

#[tokio::test]
async fn create_registering_trunk_generates_sip_identity() {
    let sim = Sim::new();
    let location = sim.location("Toronto Office").await;
    let created = sim
        .post(
            TRUNKS,
            ADMIN,
            json!({"name": "TOR-CUBE-01", "locationId": location, "password": "Xy7!xy7!Xy7!xy7!", "trunkType": "REGISTERING"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.body["id"].as_str().unwrap();
    assert_eq!(webex_sim::ids::id_kind(id).as_deref(), Some("TRUNK"));

    let details = sim.get(&format!("{TRUNKS}/{id}"), ADMIN).await;
    assert_eq!(details.status, StatusCode::OK);
    let b = &details.body;
    assert_eq!(b["name"], "TOR-CUBE-01");
    assert_eq!(b["customer"]["name"], "Acme Telecom Demo");
    assert_eq!(b["location"]["id"], location.as_str());
    let line_port = b["linePort"].as_str().unwrap();
    assert!(
        line_port.starts_with("tor_cube_01_cpapi")
            && line_port.ends_with("_LGU@64941297.int10.bcld.webex.com"),
        "{line_port}"
    );
    assert!(b["otgDtgId"].as_str().unwrap().ends_with("_lgu"));
    assert!(b["sipAuthenticationUserName"]
        .as_str()
        .unwrap()
        .ends_with("_LGU"));
    assert!(b["pilotUserId"].as_str().unwrap().contains('@'));
    assert_eq!(
        b["outboundProxy"]["outboundProxy"],
        "dfw03.sipconnect-us.bcld.webex.com"
    );
    assert!(b["outboundProxy"]["srvPrefix"].is_string());
    assert!(["ONLINE", "OFFLINE", "UNKNOWN"].contains(&b["status"].as_str().unwrap()));
    assert!(
        b.get("password").is_none(),
        "the password is never returned"
    );

    let listed = sim.get(&format!("{TRUNKS}?name=TOR"), ADMIN).await;
    assert_eq!(listed.body["trunks"][0]["inUse"], false);
    assert_eq!(
        listed.body["trunks"][0]["location"]["name"],
        "Toronto Office"
    );
}

#[tokio::test]
async fn duplicate_trunk_names_conflict() {
    let sim = Sim::new();
    let location = sim.location("Toronto Office").await;
    let answer = sim
        .post(
            TRUNKS,
            ADMIN,
            json!({"name": "sjc-cube-01", "locationId": location, "password": "p", "trunkType": "REGISTERING"}),
        )
        .await;
    assert!(answer.webex_error(409).contains("sjc-cube-01"));

    let other = sim.trunk("MAN-CUBE-01").await;
    let renamed = sim
        .put(
            &format!("{TRUNKS}/{other}"),
            ADMIN,
            json!({"name": "NYC-CUBE-01", "password": "p"}),
        )
        .await;
    renamed.webex_error(409);
}

#[tokio::test]
async fn certificate_based_trunks_need_address_domain_port_and_calls_in_range() {
    let sim = Sim::new();
    let location = sim.location("Munich Lab").await;
    let base = json!({"name": "MUC-SBC-01", "locationId": location, "password": "p", "trunkType": "CERTIFICATE_BASED"});

    let missing = sim.post(TRUNKS, ADMIN, base.clone()).await;
    let message = missing.webex_error(400);
    for field in ["address", "domain", "port", "maxConcurrentCalls"] {
        assert!(message.contains(field), "{message}");
    }

    let with = |extra: serde_json::Value| {
        let mut body = base.clone();
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    let good = json!({"address": "sbc-muc1.example.com", "domain": "example.com", "port": 5061, "maxConcurrentCalls": 300, "deviceType": "Cisco Unified Border Element"});

    let mut bad_port = good.clone();
    bad_port["port"] = json!(70000);
    let answer = sim.post(TRUNKS, ADMIN, with(bad_port)).await;
    assert!(answer.webex_error(400).contains("65535"));

    let mut too_few = good.clone();
    too_few["maxConcurrentCalls"] = json!(10);
    let answer = sim.post(TRUNKS, ADMIN, with(too_few)).await;
    assert!(answer.webex_error(400).contains("250 to 1000"));

    let mut too_many = good.clone();
    too_many["maxConcurrentCalls"] = json!(1001);
    sim.post(TRUNKS, ADMIN, with(too_many))
        .await
        .webex_error(400);

    let mut wrong_device = good.clone();
    wrong_device["deviceType"] = json!("Fax Machine");
    let answer = sim.post(TRUNKS, ADMIN, with(wrong_device)).await;
    assert!(answer.webex_error(400).contains("deviceType"));

    // AudioCodes allows up to 2000.
    let mut audiocodes = good.clone();
    audiocodes["deviceType"] = json!("AudioCodes Mediant SBC");
    audiocodes["maxConcurrentCalls"] = json!(2000);
    let created = sim.post(TRUNKS, ADMIN, with(audiocodes)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let details = sim
        .get(
            &format!("{TRUNKS}/{}", created.body["id"].as_str().unwrap()),
            ADMIN,
        )
        .await;
    assert_eq!(details.body["trunkType"], "CERTIFICATE_BASED");
    assert_eq!(details.body["port"], 5061);
    assert_eq!(details.body["maxConcurrentCalls"], 2000);
    assert!(details.body.get("linePort").is_none());

    // The same FQDN and port again is taken.
    let mut again = good.clone();
    again["deviceType"] = json!("AudioCodes Mediant SBC");
    let mut body = with(again);
    body["name"] = json!("MUC-SBC-02");
    assert_eq!(sim.post(TRUNKS, ADMIN, body).await.error_code(), 27571);
}

#[tokio::test]
async fn registering_device_types_are_checked_too() {
    let sim = Sim::new();
    let location = sim.location("Munich Lab").await;
    let answer = sim
        .post(
            TRUNKS,
            ADMIN,
            json!({"name": "R", "locationId": location, "password": "p", "trunkType": "REGISTERING", "deviceType": "Ribbon SBC Edge"}),
        )
        .await;
    answer.webex_error(400);
    let unknown_location = sim
        .post(TRUNKS, ADMIN, json!({"name": "R", "locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vbmU", "password": "p", "trunkType": "REGISTERING"}))
        .await;
    unknown_location.webex_error(404);
}

#[tokio::test]
async fn fqdn_validation_checks_domain_and_uniqueness() {
    let sim = Sim::new();
    let path = format!("{TRUNKS}/actions/fqdnValidation/invoke");
    let ok = sim
        .post(
            &path,
            ADMIN,
            json!({"address": "sbc9.example.com", "domain": "example.com", "port": 5061}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    let ok = sim
        .post(&path, ADMIN, json!({"address": "sbc.acme-demo.example", "domain": "acme-demo.example", "port": 5061}))
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT);

    let unverified = sim
        .post(
            &path,
            ADMIN,
            json!({"address": "sbc.contoso.com", "domain": "contoso.com", "port": 5061}),
        )
        .await;
    unverified.webex_error(400);
    assert_eq!(unverified.error_code(), 25024);

    let taken = sim
        .post(
            &path,
            ADMIN,
            json!({"address": "sbc-lon1.example.com", "domain": "example.com", "port": 5061}),
        )
        .await;
    taken.webex_error(409);
    assert_eq!(taken.error_code(), 27571);
    // Another port on the same FQDN is free.
    let other_port = sim
        .post(
            &path,
            ADMIN,
            json!({"address": "sbc-lon1.example.com", "domain": "example.com", "port": 5062}),
        )
        .await;
    assert_eq!(other_port.status, StatusCode::NO_CONTENT);

    let missing = sim
        .post(&path, ADMIN, json!({"address": "a.example.com"}))
        .await;
    let message = missing.webex_error(400);
    assert!(message.contains("domain") && message.contains("port"));
}

#[tokio::test]
async fn modify_and_delete_trunks() {
    let sim = Sim::new();
    let id = sim.trunk("MAN-CUBE-01").await;
    let path = format!("{TRUNKS}/{id}");
    sim.put(&path, ADMIN, json!({"name": "MAN-CUBE-01"}))
        .await
        .webex_error(400);
    let changed = sim
        .put(&path, ADMIN, json!({"name": "MAN-CUBE-1A", "password": "new", "dualIdentitySupportEnabled": true, "pChargeInfoSupportPolicy": "ASSERTED_IDENTITY"}))
        .await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT, "{}", changed.text);
    let details = sim.get(&path, ADMIN).await;
    assert_eq!(details.body["name"], "MAN-CUBE-1A");
    assert_eq!(details.body["dualIdentitySupportEnabled"], true);
    assert_eq!(
        details.body["pChargeInfoSupportPolicy"],
        "ASSERTED_IDENTITY"
    );

    // In use: refused.
    let used = sim.trunk("SJC-CUBE-01").await;
    let refused = sim.delete(&format!("{TRUNKS}/{used}"), ADMIN).await;
    assert!(refused.webex_error(409).contains("in use"));

    assert_eq!(
        sim.delete(&path, ADMIN).await.status,
        StatusCode::NO_CONTENT
    );
    sim.get(&path, ADMIN).await.webex_error(404);
    sim.delete(&path, ADMIN).await.webex_error(404);
    sim.get(&format!("{path}/usage"), ADMIN)
        .await
        .webex_error(404);
}

#[tokio::test]
async fn trunk_types_and_usage() {
    let sim = Sim::new();
    let types = sim.get(&format!("{TRUNKS}/trunkTypes"), READONLY).await;
    let list = types.body["trunkTypes"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["trunkType"], "CERTIFICATE_BASED");
    assert!(list[1]["deviceTypes"][0]["maxConcurrentCalls"].is_u64());

    let sjc = sim.trunk("SJC-CUBE-01").await;
    let usage = sim.get(&format!("{TRUNKS}/{sjc}/usage"), ADMIN).await;
    assert_eq!(
        usage.body,
        json!({"pstnConnectionCount": 1, "callToExtensionCount": 1, "dialPlanCount": 1, "routeGroupCount": 1})
    );
    let man = sim.trunk("MAN-CUBE-01").await;
    let unused = sim.get(&format!("{TRUNKS}/{man}/usage"), ADMIN).await;
    assert_eq!(
        unused.body,
        json!({"pstnConnectionCount": 0, "callToExtensionCount": 0, "dialPlanCount": 0, "routeGroupCount": 0})
    );
}

#[tokio::test]
async fn usage_lists_name_what_uses_a_trunk_with_paging() {
    let sim = Sim::new();
    let sjc = sim.trunk("SJC-CUBE-01").await;
    let list = |name: &str| format!("{TRUNKS}/{sjc}/{name}");
    let pstn = sim.get(&list("usagePstnConnection"), READONLY).await;
    assert_eq!(pstn.status, StatusCode::OK, "{}", pstn.text);
    assert_eq!(pstn.body["locations"][0]["name"], "San Jose HQ");
    assert_eq!(
        pstn.body["locations"][0]["id"],
        sim.location("San Jose HQ").await
    );
    let groups = sim.get(&list("usageRouteGroup"), ADMIN).await;
    assert_eq!(groups.body["routeGroup"][0]["name"], "RG-US-East");
    assert_eq!(groups.body["routeGroup"][0]["inUse"], true);
    assert_eq!(
        groups.body["routeGroup"][0]["id"],
        sim.route_group("RG-US-East").await
    );
    let plans = sim.get(&list("usageDialPlan"), ADMIN).await;
    assert_eq!(plans.body["dialPlans"][0]["name"], "US Premises Dialing");
    let cte = sim.get(&list("usageCallToExtension"), ADMIN).await;
    assert_eq!(cte.body["locations"][0]["name"], "San Jose HQ");

    // Paging: NYC-CUBE-02 is in one group; a page of one from start 1 is empty, no next link.
    let lon = sim.trunk("LON-SBC-01").await;
    let page = sim
        .get(&format!("{TRUNKS}/{lon}/usageRouteGroup?max=1"), ADMIN)
        .await;
    assert_eq!(page.body["routeGroup"].as_array().unwrap().len(), 1);
    assert_eq!(page.header("link"), None);
    let past = sim
        .get(
            &format!("{TRUNKS}/{lon}/usageRouteGroup?start=1&max=1"),
            ADMIN,
        )
        .await;
    assert_eq!(past.body, json!({"routeGroup": []}));

    let man = sim.trunk("MAN-CUBE-01").await;
    for (name, key) in [
        ("usagePstnConnection", "locations"),
        ("usageRouteGroup", "routeGroup"),
        ("usageDialPlan", "dialPlans"),
        ("usageCallToExtension", "locations"),
    ] {
        let empty = sim.get(&format!("{TRUNKS}/{man}/{name}"), ADMIN).await;
        assert_eq!(empty.body, json!({ key: [] }), "{name}");
    }
    sim.get(&format!("{TRUNKS}/nope/usageDialPlan"), ADMIN)
        .await
        .webex_error(404);
}

#[tokio::test]
async fn modify_names_missing_and_unknown_fields_and_checks_the_range() {
    let sim = Sim::new();
    let lon = sim.trunk("LON-SBC-01").await;
    let path = format!("{TRUNKS}/{lon}");
    let missing = sim
        .put(&path, ADMIN, json!({"name": "LON-SBC-01"}))
        .await
        .webex_error(400);
    assert!(missing.contains("password"), "{missing}");
    let missing = sim
        .put(&path, ADMIN, json!({"password": "x"}))
        .await
        .webex_error(400);
    assert!(missing.contains("name"), "{missing}");
    let unknown = sim
        .put(
            &path,
            ADMIN,
            json!({"name": "LON-SBC-01", "password": "x", "port": 5062}),
        )
        .await
        .webex_error(400);
    assert!(unknown.contains("port"), "{unknown}");
    let range = sim
        .put(
            &path,
            ADMIN,
            json!({"name": "LON-SBC-01", "password": "x", "maxConcurrentCalls": 1001}),
        )
        .await
        .webex_error(400);
    assert!(range.contains("250 to 1000"), "{range}");
    let duplicate = sim
        .put(&path, ADMIN, json!({"name": "ber-sbc-01", "password": "x"}))
        .await;
    assert!(duplicate.webex_error(409).contains("already exists"));
    let man = sim.trunk("MAN-CUBE-01").await;
    sim.put(
        &format!("{TRUNKS}/{man}"),
        ADMIN,
        json!({"name": "MAN-CUBE-01", "password": "x", "maxConcurrentCalls": 250}),
    )
    .await
    .webex_error(400);

    let ok = sim
        .put(
            &path,
            ADMIN,
            json!({"name": "LON-SBC-02", "password": "Seeded!Passw0rd", "maxConcurrentCalls": 750}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    let details = sim.get(&path, ADMIN).await;
    assert_eq!(details.body["name"], "LON-SBC-02");
    assert_eq!(details.body["maxConcurrentCalls"], 750);
    assert_eq!(details.body["status"], "ONLINE");
    let db = sim.state.lock();
    assert_eq!(db.db.trunk_by_name("LON-SBC-02").password_changes, 0);
}

#[tokio::test]
async fn a_new_password_is_recorded_and_takes_a_registering_trunk_offline() {
    let sim = Sim::new();
    let sjc = sim.trunk("SJC-CUBE-01").await;
    let path = format!("{TRUNKS}/{sjc}");
    let ok = sim
        .put(
            &path,
            ADMIN,
            json!({"name": "SJC-CUBE-01", "password": "N3w!pass"}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT, "{}", ok.text);
    assert_eq!(sim.get(&path, ADMIN).await.body["status"], "OFFLINE");
    let state = sim.state.lock();
    let trunk = state.db.trunk_by_name("SJC-CUBE-01");
    assert_eq!(trunk.password, "N3w!pass");
    assert_eq!(trunk.password_changes, 1);
}

#[tokio::test]
async fn deleting_a_used_trunk_is_refused_with_what_uses_it() {
    let sim = Sim::new();
    let sjc = sim.trunk("SJC-CUBE-01").await;
    let refused = sim.delete(&format!("{TRUNKS}/{sjc}"), ADMIN).await;
    let message = refused.webex_error(409);
    assert!(message.contains("1 dial plans"), "{message}");
    assert!(sim
        .get(&format!("{TRUNKS}/{sjc}"), ADMIN)
        .await
        .status
        .is_success());
}

// ---- quirks of live orgs --------------------------------------------------------------------

#[tokio::test]
async fn seeded_trunks_reproduce_live_org_variants() {
    let sim = Sim::new();
    let ber = sim.trunk("BER-SBC-01").await;
    let partial = sim.get(&format!("{TRUNKS}/{ber}"), ADMIN).await;
    assert_eq!(partial.status, StatusCode::PARTIAL_CONTENT);
    let warning = &partial.body["responseStatus"][0];
    assert_eq!(warning["code"], 25013);
    assert_eq!(warning["type"], "WARNING");
    assert!(partial.body.get("outboundProxy").is_none());
    assert_eq!(partial.body["name"], "BER-SBC-01");

    let lon = sim.trunk("LON-SBC-01").await;
    let organization = sim.get(&format!("{TRUNKS}/{lon}"), ADMIN).await;
    assert_eq!(organization.status, StatusCode::OK);
    assert!(organization.body.get("customer").is_none());
    assert_eq!(
        organization.body["organization"]["name"],
        "Acme Telecom Demo"
    );

    let nyc2 = sim.trunk("NYC-CUBE-02").await;
    let lower = sim.get(&format!("{TRUNKS}/{nyc2}"), ADMIN).await;
    assert_eq!(lower.body["status"], "online");

    let sjc = sim.trunk("SJC-CUBE-01").await;
    let normal = sim.get(&format!("{TRUNKS}/{sjc}"), ADMIN).await;
    assert_eq!(normal.body["status"], "ONLINE");
    assert_eq!(normal.body["customer"]["name"], "Acme Telecom Demo");
    let users: Vec<&str> = normal.body["locationsUsingTrunk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(users, ["San Jose HQ", "New York Office"]);
}

// ---- route groups --------------------------------------------------------------------------

#[tokio::test]
async fn route_groups_list_and_details() {
    let sim = Sim::new();
    let list = sim
        .get(
            "/v1/telephony/config/premisePstn/routeGroups?order=desc",
            ADMIN,
        )
        .await;
    let names: Vec<&str> = list.body["routeGroups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["RG-US-East", "RG-Standby", "RG-EMEA"]);
    assert_eq!(list.body["routeGroups"][0]["inUse"], true);

    let id = sim.route_group("RG-US-East").await;
    let details = sim
        .get(
            &format!("/v1/telephony/config/premisePstn/routeGroups/{id}"),
            ADMIN,
        )
        .await;
    assert_eq!(details.body["organization"]["name"], "Acme Telecom Demo");
    let gateways = details.body["localGateways"].as_array().unwrap();
    assert_eq!(gateways.len(), 3);
    assert_eq!(gateways[0]["name"], "SJC-CUBE-01");
    assert_eq!(gateways[0]["priority"], 1);
    assert!(gateways[0]["locationId"].is_string());
    sim.get("/v1/telephony/config/premisePstn/routeGroups/nope", ADMIN)
        .await
        .webex_error(404);
}

const ROUTE_GROUPS: &str = "/v1/telephony/config/premisePstn/routeGroups";

#[tokio::test]
async fn route_groups_are_created_read_changed_and_deleted() {
    let sim = Sim::new();
    let (sjc, nyc1, lon) = (
        sim.trunk("SJC-CUBE-01").await,
        sim.trunk("NYC-CUBE-01").await,
        sim.trunk("LON-SBC-01").await,
    );
    let created = sim
        .post(
            ROUTE_GROUPS,
            ADMIN,
            json!({"name": "  RG-New ", "localGateways": [
                {"id": sjc, "priority": 1}, {"id": nyc1, "priority": 1}, {"id": lon, "priority": 2}
            ]}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let id = created.body["id"].as_str().unwrap().to_string();
    let one = format!("{ROUTE_GROUPS}/{id}");
    let read = sim.get(&one, READONLY).await;
    assert_eq!(read.body["name"], "RG-New");
    let gateways = read.body["localGateways"].as_array().unwrap();
    assert_eq!(gateways.len(), 3);
    assert_eq!(gateways[2]["name"], "LON-SBC-01");
    assert_eq!(gateways[2]["priority"], 2);
    assert_eq!(
        gateways[2]["locationId"].as_str(),
        Some(sim.location("London Office").await.as_str())
    );

    let changed = sim
        .put(
            &one,
            ADMIN,
            json!({"name": "RG-Renamed", "localGateways": [{"id": lon, "priority": 3}]}),
        )
        .await;
    assert_eq!(changed.status, 204, "{}", changed.text);
    let read = sim.get(&one, ADMIN).await;
    assert_eq!(read.body["name"], "RG-Renamed");
    assert_eq!(read.body["localGateways"].as_array().unwrap().len(), 1);
    // Keeping its own name is no conflict.
    let same = sim
        .put(
            &one,
            ADMIN,
            json!({"name": "rg-renamed", "localGateways": [{"id": lon, "priority": 1}]}),
        )
        .await;
    assert_eq!(same.status, 204, "{}", same.text);

    let usage = sim.get(&format!("{one}/usage"), ADMIN).await;
    assert_eq!(
        usage.body,
        json!({"pstnConnectionCount": "0", "callToExtensionCount": "0", "dialPlanCount": "0", "routeListCount": "0"})
    );
    assert_eq!(sim.delete(&one, READONLY).await.status, 403);
    assert_eq!(sim.delete(&one, ADMIN).await.status, 204);
    sim.get(&one, ADMIN).await.webex_error(404);
    sim.delete(&one, ADMIN).await.webex_error(404);
}

#[tokio::test]
async fn route_group_bodies_follow_webex_rules() {
    let sim = Sim::new();
    let sjc = sim.trunk("SJC-CUBE-01").await;
    let post = |body: Value| sim.post(ROUTE_GROUPS, ADMIN, body);

    let missing = post(json!({"name": " "})).await;
    let message = missing.webex_error(400);
    assert!(
        message.contains("name") && message.contains("localGateways"),
        "{message}"
    );
    let none = post(json!({"name": "RG-X", "localGateways": []})).await;
    assert!(none.webex_error(400).contains("1 to 10"));
    let trunks: Vec<String> = {
        let list = sim.get(TRUNKS, ADMIN).await;
        list.body["trunks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    let eleven: Vec<Value> = (0..11)
        .map(|i| json!({"id": trunks[i % trunks.len()], "priority": 1}))
        .collect();
    let too_many = post(json!({"name": "RG-X", "localGateways": eleven})).await;
    assert!(too_many.webex_error(400).contains("11 were given"));
    let twice = post(json!({"name": "RG-X", "localGateways": [
        {"id": sjc, "priority": 1}, {"id": sjc, "priority": 2}
    ]}))
    .await;
    assert!(twice.webex_error(400).contains("more than once"));
    for priority in [json!(0), json!(11), json!(1.5), json!("1")] {
        let bad =
            post(json!({"name": "RG-X", "localGateways": [{"id": sjc, "priority": priority}]}))
                .await;
        bad.webex_error(400);
    }
    let no_priority = post(json!({"name": "RG-X", "localGateways": [{"id": sjc}]})).await;
    assert!(no_priority.webex_error(400).contains("priority"));
    let unknown =
        post(json!({"name": "RG-X", "localGateways": [{"id": "nope", "priority": 1}]})).await;
    assert!(unknown.webex_error(404).contains("nope"));
    // A trunk of another organization is unknown here.
    let globex_trunk = sim
        .id_of(
            &format!(
                "{TRUNKS}?orgId={}",
                sim.id_of("/v1/organizations", "items", "Globex Retail", PARTNER)
                    .await
            ),
            "trunks",
            "DEN-CUBE-01",
            PARTNER,
        )
        .await;
    let foreign =
        post(json!({"name": "RG-X", "localGateways": [{"id": globex_trunk, "priority": 1}]})).await;
    foreign.webex_error(404);
    let duplicate =
        post(json!({"name": "rg-emea", "localGateways": [{"id": sjc, "priority": 1}]})).await;
    assert!(duplicate.webex_error(409).contains("already exists"));
    assert_eq!(
        sim.post(
            ROUTE_GROUPS,
            READONLY,
            json!({"name": "RG-X", "localGateways": [{"id": sjc, "priority": 1}]})
        )
        .await
        .status,
        403
    );
    // Nothing of the refused bodies was created.
    let list = sim.get(ROUTE_GROUPS, ADMIN).await;
    assert_eq!(list.body["routeGroups"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn route_group_usage_and_delete_in_use() {
    let sim = Sim::new();
    let us = sim.route_group("RG-US-East").await;
    let one = format!("{ROUTE_GROUPS}/{us}");
    let usage = sim.get(&format!("{one}/usage"), ADMIN).await;
    assert_eq!(usage.body["pstnConnectionCount"], "1");
    let locations = sim.get(&format!("{one}/usagePstnConnection"), ADMIN).await;
    assert_eq!(
        locations.body,
        json!({"locations": [{"id": sim.location("New York Office").await, "name": "New York Office"}]})
    );
    // RG-EMEA: a location's PSTN, a dial plan and London's calls to extensions.
    let emea = format!("{ROUTE_GROUPS}/{}", sim.route_group("RG-EMEA").await);
    let usage = sim.get(&format!("{emea}/usage"), ADMIN).await;
    assert_eq!(
        usage.body,
        json!({"pstnConnectionCount": "1", "callToExtensionCount": "1", "dialPlanCount": "1", "routeListCount": "0"})
    );
    let plans = sim.get(&format!("{emea}/usageDialPlan"), ADMIN).await;
    assert_eq!(plans.body["locations"][0]["name"], "EMEA Premises Dialing");
    let calls = sim
        .get(&format!("{emea}/usageCallToExtension"), ADMIN)
        .await;
    assert_eq!(calls.body["locations"][0]["name"], "London Office");
    for (path, key) in [
        ("usageDialPlan", "locations"),
        ("usageCallToExtension", "locations"),
        ("usageRouteList", "routeGroupUsageRouteListGet"),
    ] {
        let answer = sim.get(&format!("{one}/{path}"), ADMIN).await;
        assert_eq!(answer.body, json!({ key: [] }), "{path}");
        sim.get(&format!("{ROUTE_GROUPS}/nope/{path}"), ADMIN)
            .await
            .webex_error(404);
    }
    let refused = sim.delete(&one, ADMIN).await;
    assert!(refused.webex_error(409).contains("in use"));
    assert_eq!(sim.get(&one, ADMIN).await.status, 200);

    let standby = sim.route_group("RG-Standby").await;
    let usage = sim
        .get(&format!("{ROUTE_GROUPS}/{standby}/usage"), ADMIN)
        .await;
    assert_eq!(usage.body["pstnConnectionCount"], "0");
    let list = sim.get(ROUTE_GROUPS, ADMIN).await;
    let standby_row = list.body["routeGroups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "RG-Standby")
        .cloned()
        .unwrap();
    assert_eq!(standby_row["inUse"], false);
}

// ---- PSTN ----------------------------------------------------------------------------------

fn pstn(location: &str) -> String {
    format!("/v1/telephony/pstn/locations/{location}/connection")
}

#[tokio::test]
async fn pstn_not_configured_is_a_404_with_the_known_text() {
    let sim = Sim::new();
    let man = sim.location("Manchester Support").await;
    let answer = sim.get(&pstn(&man), ADMIN).await;
    let message = answer.webex_error(404);
    assert!(message.contains("PSTN for the location is not configured"));
    assert!(answer.body["errorMessage"]
        .as_str()
        .unwrap()
        .contains("PSTN for the location is not configured"));
}

#[tokio::test]
async fn connection_options_cover_every_kind() {
    let sim = Sim::new();
    let chicago = sim.location("Chicago Sales").await;
    let options = sim
        .get(
            &format!("/v1/telephony/pstn/locations/{chicago}/connectionOptions"),
            ADMIN,
        )
        .await;
    let kinds: Vec<&str> = options.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["pstnConnectionType"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "LOCAL_GATEWAY",
            "NON_INTEGRATED_CCP",
            "NON_INTEGRATED_CCP",
            "CISCO_PSTN"
        ]
    );
    let current = sim.get(&pstn(&chicago), ADMIN).await;
    assert_eq!(current.body["pstnConnectionType"], "CISCO_PSTN");

    let paris = sim.location("Paris Office").await;
    let current = sim.get(&pstn(&paris), ADMIN).await;
    assert_eq!(current.body["pstnConnectionType"], "INTEGRATED_CCP");
    let nyc = sim.location("New York Office").await;
    let current = sim.get(&pstn(&nyc), ADMIN).await;
    assert_eq!(current.body["routeType"], "ROUTE_GROUP");
    assert_eq!(
        current.body["routeId"],
        sim.route_group("RG-US-East").await.as_str()
    );
}

#[tokio::test]
async fn pstn_put_validates_and_reads_back() {
    let sim = Sim::new();
    let man = sim.location("Manchester Support").await;
    let path = pstn(&man);
    let options = sim
        .get(
            &format!("/v1/telephony/pstn/locations/{man}/connectionOptions"),
            ADMIN,
        )
        .await;
    let option = |kind: &str| {
        options.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["pstnConnectionType"] == kind)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };

    // Fields missing, half a local gateway, unknown routes and options.
    assert!(sim
        .put(&path, ADMIN, json!({}))
        .await
        .webex_error(400)
        .contains("id"));
    let half = sim
        .put(&path, ADMIN, json!({"premiseRouteType": "TRUNK"}))
        .await;
    assert!(half.webex_error(400).contains("premiseRouteId"));
    let bad_type = sim
        .put(
            &path,
            ADMIN,
            json!({"premiseRouteType": "GATEWAY", "premiseRouteId": "x"}),
        )
        .await;
    assert!(bad_type.webex_error(400).contains("premiseRouteType"));
    let no_route = sim
        .put(
            &path,
            ADMIN,
            json!({"premiseRouteType": "TRUNK", "premiseRouteId": "nope"}),
        )
        .await;
    no_route.webex_error(400);
    let no_group = sim.put(&path, ADMIN, json!({"premiseRouteType": "ROUTE_GROUP", "premiseRouteId": sim.trunk("MAN-CUBE-01").await})).await;
    no_group.webex_error(400);
    sim.put(&path, ADMIN, json!({"id": "nope"}))
        .await
        .webex_error(400);
    let lgw_only = sim
        .put(&path, ADMIN, json!({"id": option("LOCAL_GATEWAY")}))
        .await;
    assert!(lgw_only.webex_error(400).contains("premiseRouteType"));
    let integrated = sim
        .put(&path, ADMIN, json!({"id": option("INTEGRATED_CCP")}))
        .await;
    assert!(integrated.webex_error(400).contains("INTEGRATED_CCP"));
    sim.get(&path, ADMIN).await.webex_error(404);

    // A trunk: read back, and the trunk is now in use.
    let trunk = sim.trunk("MAN-CUBE-01").await;
    let list = sim.get(&format!("{TRUNKS}?name=MAN"), ADMIN).await;
    assert_eq!(list.body["trunks"][0]["inUse"], false);
    let set = sim
        .put(&path, ADMIN, json!({"premiseRouteType": "TRUNK", "premiseRouteId": trunk, "id": option("LOCAL_GATEWAY")}))
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT, "{}", set.text);
    let read = sim.get(&path, ADMIN).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body["pstnConnectionType"], "LOCAL_GATEWAY");
    assert_eq!(read.body["routeType"], "TRUNK");
    assert_eq!(read.body["routeId"], trunk.as_str());
    assert!(read.body["displayName"].is_string() && read.body["pstnServices"].is_array());
    let list = sim.get(&format!("{TRUNKS}?name=MAN"), ADMIN).await;
    assert_eq!(list.body["trunks"][0]["inUse"], true);
    let usage = sim.get(&format!("{TRUNKS}/{trunk}/usage"), ADMIN).await;
    assert_eq!(usage.body["pstnConnectionCount"], 1);
    let details = sim
        .get(&format!("/v1/telephony/config/locations/{man}"), ADMIN)
        .await;
    assert_eq!(
        details.body["connection"],
        json!({"type": "TRUNK", "id": trunk})
    );

    // A route group, then a cloud provider (the location's connection leaves the trunk).
    let group = sim.route_group("RG-EMEA").await;
    let set = sim
        .put(
            &path,
            ADMIN,
            json!({"premiseRouteType": "ROUTE_GROUP", "premiseRouteId": group}),
        )
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT);
    assert_eq!(sim.get(&path, ADMIN).await.body["routeType"], "ROUTE_GROUP");
    let cloud = option("NON_INTEGRATED_CCP");
    let set = sim.put(&path, ADMIN, json!({"id": cloud})).await;
    assert_eq!(set.status, StatusCode::NO_CONTENT);
    let read = sim.get(&path, ADMIN).await;
    assert_eq!(read.body["pstnConnectionType"], "NON_INTEGRATED_CCP");
    assert_eq!(read.body["id"], cloud.as_str());
    assert!(read.body.get("routeId").is_none());
    let details = sim
        .get(&format!("/v1/telephony/config/locations/{man}"), ADMIN)
        .await;
    assert!(details.body.get("connection").is_none());
    assert_eq!(
        sim.get(&format!("{TRUNKS}/{trunk}/usage"), ADMIN)
            .await
            .body["pstnConnectionCount"],
        0
    );
}

#[tokio::test]
async fn unknown_locations_are_404_everywhere() {
    let sim = Sim::new();
    let austin = sim
        .id_of("/v1/locations", "items", "Austin Warehouse", ADMIN)
        .await;
    for path in [
        format!("/v1/telephony/config/locations/{austin}"),
        format!("/v1/telephony/pstn/locations/{austin}/connection"),
        format!("/v1/telephony/pstn/locations/{austin}/connectionOptions"),
        "/v1/telephony/config/locations/unknown".to_string(),
    ] {
        sim.get(&path, ADMIN).await.webex_error(404);
    }
}

#[tokio::test]
async fn generate_password_meets_the_rules() {
    let sim = Sim::new();
    let sjc = sim.location("San Jose HQ").await;
    let path = format!("/v1/telephony/config/locations/{sjc}/actions/generatePassword/invoke");
    let a = sim.post(&path, ADMIN, json!({"generate": ["sip"]})).await;
    let b = sim.call(Method::POST, &path, Some(ADMIN), None).await;
    let pa = a.body["exampleSipPassword"].as_str().unwrap();
    let pb = b.body["exampleSipPassword"].as_str().unwrap();
    assert_ne!(pa, pb);
    assert!(pa.len() >= 16 && pa.chars().any(|c| c.is_ascii_punctuation()));
    sim.post(&path, READONLY, json!({})).await.webex_error(403);
    sim.post(&path, ADMIN, json!({"generate": ["voicemail"]}))
        .await
        .webex_error(400);
}

// ---- paging --------------------------------------------------------------------------------

#[tokio::test]
async fn lists_page_with_absolute_next_links() {
    let sim = Sim::new();
    let first = sim
        .get("/v1/telephony/config/locations?max=5&name=o", ADMIN)
        .await;
    assert_eq!(first.body["locations"].as_array().unwrap().len(), 5);
    let link = first.header("link").expect("Link header");
    assert!(
        link.starts_with("<http://sim.test:8081/v1/telephony/config/locations?"),
        "{link}"
    );
    assert!(
        link.contains("name=o") && link.contains("start=5") && link.contains("max=5"),
        "{link}"
    );
    assert!(link.ends_with(">; rel=\"next\""));

    let url = &link[1..link.find('>').unwrap()];
    let next = sim
        .get(url.trim_start_matches("http://sim.test:8081"), ADMIN)
        .await;
    let total = 5 + next.body["locations"].as_array().unwrap().len();
    let all = sim
        .get("/v1/telephony/config/locations?name=o", ADMIN)
        .await;
    assert_eq!(all.body["locations"].as_array().unwrap().len(), total);
    assert!(next.header("link").is_none(), "10 names contain an o");
    assert!(all.header("link").is_none());

    let trunks = sim
        .get(&format!("{TRUNKS}?max=4&order=name-desc"), ADMIN)
        .await;
    assert_eq!(trunks.body["trunks"][0]["name"], "SJC-CUBE-01");
    assert!(trunks.header("link").unwrap().contains("start=4"));
    let last = sim
        .get(&format!("{TRUNKS}?max=4&start=4&order=name-desc"), ADMIN)
        .await;
    assert_eq!(last.body["trunks"].as_array().unwrap().len(), 2);
    assert!(last.header("link").is_none());

    sim.get(&format!("{TRUNKS}?max=abc"), ADMIN)
        .await
        .webex_error(400);
    sim.get(&format!("{TRUNKS}?order=size"), ADMIN)
        .await
        .webex_error(400);
}

#[tokio::test]
async fn large_seed_defaults_to_100_and_caps_at_1000() {
    let sim = Sim::with(webex_sim::Config {
        seed: webex_sim::Seed::Large,
        ..Default::default()
    });
    let page = sim.get("/v1/telephony/config/locations", ADMIN).await;
    assert_eq!(page.body["locations"].as_array().unwrap().len(), 100);
    assert!(page.header("link").unwrap().contains("start=100&max=100"));
    let big = sim.get(&format!("{TRUNKS}?max=5000"), ADMIN).await;
    assert_eq!(big.body["trunks"].as_array().unwrap().len(), 1000);
    assert!(big.header("link").unwrap().contains("start=1000&max=1000"));
    let all = sim.get("/v1/locations?max=1000&start=9500", ADMIN).await;
    assert_eq!(all.body["items"].as_array().unwrap().len(), 500);
    assert!(all.header("link").is_none());
}

#[tokio::test]
async fn no_quirks_makes_every_trunk_answer_per_spec() {
    let sim = Sim::with(webex_sim::Config {
        quirks: false,
        ..Default::default()
    });
    for name in ["BER-SBC-01", "LON-SBC-01", "NYC-CUBE-02"] {
        let id = sim.trunk(name).await;
        let details = sim.get(&format!("{TRUNKS}/{id}"), ADMIN).await;
        assert_eq!(details.status, StatusCode::OK, "{name}");
        assert_eq!(details.body["customer"]["name"], "Acme Telecom Demo");
        assert_eq!(details.body["status"], "ONLINE");
        assert!(details.body["outboundProxy"].is_object());
    }
}

#[tokio::test]
async fn large_seed_locations_without_a_gateway_refuse_one() {
    let sim = Sim::with(webex_sim::Config {
        seed: webex_sim::Seed::Large,
        ..Default::default()
    });
    let osaka = sim.location("Site 00008 Osaka").await;
    let options = sim
        .get(
            &format!("/v1/telephony/pstn/locations/{osaka}/connectionOptions"),
            ADMIN,
        )
        .await;
    let names: Vec<&str> = options.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["displayName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Worldwide SIP Exchange"]);
    let trunk = sim.id_of(TRUNKS, "trunks", "LGW-0001", ADMIN).await;
    let refused = sim
        .put(
            &format!("/v1/telephony/pstn/locations/{osaka}/connection"),
            ADMIN,
            json!({"premiseRouteType": "TRUNK", "premiseRouteId": trunk}),
        )
        .await;
    assert!(refused
        .webex_error(400)
        .contains("Premises-based PSTN is not available"));
}
