//! The history of every change this console made in this tab, newest first: what, before →
//! after in words, the result and Webex's tracking id, with a link to the thing changed. Kept in
//! `sessionStorage` per admin and organization (see [`crate::tab_storage`]).
//!
//! Pages record a change once Webex answered it, whether it worked or not:
//!
//! ```ignore
//! let scope = Scope::of(session);               // when the page is made
//! // ... after the call:
//! history::record(&scope, Entry::new(What::TrunkCreated, &name)
//!     .link(format!("/trunks/{}", path_segment(&id)))
//!     .change("", "Registering trunk at San Jose HQ")
//!     .answered(&result));                      // Ok(tracking id) or Err(ApiError)
//! ```

use crate::api::client::path_segment;
use crate::api::pstn::Connection;
use crate::api::requests::{NewTrunk, PstnConnectionUpdate};
use crate::api::ApiError;
use crate::clock::iso8601;
use crate::components::pstn_connection::{describe, setting_of, RouteNames};
use crate::tab_storage::{self, Scope};
use serde::{Deserialize, Serialize};

/// Entries kept at most; the oldest go first.
const MAX_ENTRIES: usize = 500;
const NAME: &str = "history";

/// The kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum What {
    TrunkCreated,
    TrunkSaved,
    TrunkDeleted,
    RouteGroupCreated,
    RouteGroupSaved,
    RouteGroupDeleted,
    PstnChanged,
    PstnBulk,
    PstnBulkUndo,
}

impl What {
    pub fn words(self) -> &'static str {
        match self {
            What::TrunkCreated => "Trunk created",
            What::TrunkSaved => "Trunk saved",
            What::TrunkDeleted => "Trunk deleted",
            What::RouteGroupCreated => "Route group created",
            What::RouteGroupSaved => "Route group saved",
            What::RouteGroupDeleted => "Route group deleted",
            What::PstnChanged => "PSTN connection changed",
            What::PstnBulk => "PSTN of many locations",
            What::PstnBulkUndo => "PSTN of many locations put back",
        }
    }
}

/// How the change ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "camelCase")]
pub enum Outcome {
    Done,
    Failed {
        message: String,
    },
    /// A bulk run: how many locations ended how.
    #[serde(rename_all = "camelCase")]
    Counts {
        changed: usize,
        failed: usize,
        skipped: usize,
        not_sent: usize,
    },
}

impl Outcome {
    pub fn words(&self) -> String {
        match self {
            Outcome::Done => "done".to_owned(),
            Outcome::Failed { message } => format!("failed: {message}"),
            Outcome::Counts {
                changed,
                failed,
                skipped,
                not_sent,
            } => {
                let mut words = format!("{changed} changed, {failed} failed, {skipped} skipped");
                if *not_sent > 0 {
                    words.push_str(&format!(", {not_sent} not sent"));
                }
                words
            }
        }
    }
}

/// How to put a single PSTN change back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Undo {
    pub location_id: String,
    pub body: PstnConnectionUpdate,
    /// The connection it puts back, in words.
    pub words: String,
}

/// One change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Unique in the history; an entry recorded again with the same id replaces the first (a
    /// bulk run updates its one entry as it goes).
    pub id: String,
    /// When (ms since the epoch).
    pub at: f64,
    pub what: What,
    /// The name of the thing changed (trunk, route group, location, "120 locations").
    pub subject: String,
    /// The app path of the thing changed.
    pub link: Option<String>,
    pub before: String,
    pub after: String,
    pub outcome: Outcome,
    pub status: Option<u16>,
    pub tracking_id: Option<String>,
    /// For a single PSTN change that worked: how to put it back.
    pub undo: Option<Undo>,
    /// Put back already (by a later entry).
    #[serde(default)]
    pub undone: bool,
}

impl Entry {
    /// A change of `subject` now, done until told otherwise.
    pub fn new(what: What, subject: &str) -> Self {
        let at = now();
        Entry {
            id: format!("{what:?}-{at}"),
            at,
            what,
            subject: subject.to_owned(),
            link: None,
            before: String::new(),
            after: String::new(),
            outcome: Outcome::Done,
            status: None,
            tracking_id: None,
            undo: None,
            undone: false,
        }
    }

    /// A trunk create, as Webex answered it (linked to the trunk once it has an id).
    pub fn trunk_created(body: &NewTrunk, created: &Result<String, ApiError>) -> Self {
        let entry = Entry::new(What::TrunkCreated, &body.name)
            .change(
                "",
                format!("{} trunk \"{}\"", body.trunk_type.label(), body.name),
            )
            .answered(&created.as_ref().map(|_| None).map_err(Clone::clone));
        match created {
            Ok(id) => entry.link(format!("/trunks/{}", path_segment(id))),
            Err(_) => entry,
        }
    }

    /// The entry's id, to record it again later with new counts.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }

    pub fn link(mut self, path: impl Into<String>) -> Self {
        self.link = Some(path.into());
        self
    }

    /// Before → after, in words ("" when there was nothing before, or is nothing after).
    pub fn change(mut self, before: impl Into<String>, after: impl Into<String>) -> Self {
        self.before = before.into();
        self.after = after.into();
        self
    }

    /// How Webex answered: `Ok` with the tracking id of its answer, or the error.
    pub fn answered(mut self, answer: &Result<Option<String>, ApiError>) -> Self {
        match answer {
            Ok(tracking_id) => {
                self.outcome = Outcome::Done;
                self.tracking_id = tracking_id.clone();
            }
            Err(e) => {
                self.outcome = Outcome::Failed {
                    message: e.to_string(),
                };
                self.status = e.status();
                self.tracking_id = e.tracking_id().map(str::to_owned);
            }
        }
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    pub fn undo(mut self, undo: Option<Undo>) -> Self {
        self.undo = undo;
        self
    }

    /// Whether "Put back …" is offered.
    pub fn can_undo(&self) -> bool {
        self.undo.is_some() && !self.undone && self.outcome == Outcome::Done
    }
}

/// A single change of a location's PSTN connection from `before` to `after` (in words), as
/// Webex answered it; it can be put back when it worked and `before` can be set again.
pub fn pstn_change(
    location_id: &str,
    location_name: &str,
    before: Option<&Connection>,
    after: String,
    names: &RouteNames,
    answer: &Result<Option<String>, ApiError>,
) -> Entry {
    let before_words = describe(before, names);
    let undo = before.and_then(setting_of).map(|body| Undo {
        location_id: location_id.to_owned(),
        body,
        words: before_words.clone(),
    });
    Entry::new(What::PstnChanged, location_name)
        .link(format!("/locations/{}/pstn", path_segment(location_id)))
        .change(before_words, after)
        .answered(answer)
        .undo(undo)
}

fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        crate::clock::now_ms()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Every entry, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub entries: Vec<Entry>,
}

impl History {
    /// Adds an entry at the top, or replaces the entry with the same id where it is.
    pub fn record(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(old) => *old = entry,
            None => {
                self.entries.insert(0, entry);
                self.entries.truncate(MAX_ENTRIES);
            }
        }
    }

    /// Marks the entry `id` as put back.
    pub fn mark_undone(&mut self, id: &str) {
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
            e.undone = true;
        }
    }

    /// The history as a JSON download: one object per entry, times in ISO 8601.
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "time": iso8601(e.at),
                    "what": e.what.words(),
                    "subject": e.subject,
                    "link": e.link,
                    "before": e.before,
                    "after": e.after,
                    "result": e.outcome.words(),
                    "httpStatus": e.status,
                    "trackingId": e.tracking_id,
                })
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }

    /// The history as a CSV download, the columns of the page.
    pub fn to_csv(&self) -> String {
        crate::csv::document(
            &[
                "time",
                "what",
                "subject",
                "before",
                "after",
                "result",
                "HTTP status",
                "tracking id",
            ],
            self.entries.iter().map(|e| {
                vec![
                    iso8601(e.at),
                    e.what.words().to_owned(),
                    e.subject.clone(),
                    e.before.clone(),
                    e.after.clone(),
                    e.outcome.words(),
                    e.status.map(|s| s.to_string()).unwrap_or_default(),
                    e.tracking_id.clone().unwrap_or_default(),
                ]
            }),
        )
    }
}

/// The history of `scope`.
pub fn load(scope: &Scope) -> History {
    tab_storage::load(scope, NAME).unwrap_or_default()
}

/// Keeps `history` for `scope`; when the tab's storage is full (a large bulk run can fill it),
/// the oldest entries go until the rest fit.
pub fn save(scope: &Scope, history: &History) {
    if tab_storage::save(scope, NAME, history) {
        return;
    }
    let mut fewer = history.clone();
    while fewer.entries.len() > 1 {
        fewer.entries.truncate(fewer.entries.len() / 2);
        if tab_storage::save(scope, NAME, &fewer) {
            return;
        }
    }
}

/// Records one change in the history of `scope` (nothing when signed out).
pub fn record(scope: &Option<Scope>, entry: Entry) {
    if let Some(scope) = scope {
        let mut history = load(scope);
        history.record(entry);
        save(scope, &history);
    }
}

/// Marks entry `id` of the history of `scope` as put back.
pub fn mark_undone(scope: &Option<Scope>, id: &str) {
    if let Some(scope) = scope {
        let mut history = load(scope);
        history.mark_undone(id);
        save(scope, &history);
    }
}

/// Forgets the history of `scope`.
pub fn clear(scope: &Scope) {
    tab_storage::remove(scope, NAME);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::WebexError;

    fn entry(id: &str, at: f64) -> Entry {
        let mut e = Entry::new(What::PstnChanged, "Toronto Office")
            .id(id)
            .link("/locations/L1/pstn")
            .change("Not configured", r#"Local gateway, trunk "SJC-CUBE-01""#)
            .answered(&Ok(Some("ROUTER_1".into())));
        e.at = at;
        e
    }

    #[test]
    fn newest_first_and_a_recorded_id_replaces_its_entry() {
        let mut h = History::default();
        h.record(entry("a", 1.0));
        h.record(entry("b", 2.0));
        assert_eq!(h.entries[0].id, "b");
        let bulk = Entry::new(What::PstnBulk, "120 locations")
            .id("a")
            .outcome(Outcome::Counts {
                changed: 118,
                failed: 2,
                skipped: 3,
                not_sent: 0,
            });
        h.record(bulk);
        assert_eq!(h.entries.len(), 2);
        assert_eq!(
            h.entries[1].outcome.words(),
            "118 changed, 2 failed, 3 skipped"
        );
        for i in 0..MAX_ENTRIES {
            h.record(entry(&format!("n{i}"), i as f64));
        }
        assert_eq!(h.entries.len(), MAX_ENTRIES);
        assert_eq!(h.entries[0].id, format!("n{}", MAX_ENTRIES - 1));
    }

    #[test]
    fn failures_keep_webex_words_status_and_tracking_id() {
        let e = ApiError::Webex(WebexError::from_response(
            400,
            r#"{"message":"Trunk is not available.","trackingId":"ROUTER_X"}"#,
            None,
        ));
        let failed = Entry::new(What::PstnChanged, "Toronto Office").answered(&Err(e));
        assert_eq!(failed.status, Some(400));
        assert_eq!(failed.tracking_id.as_deref(), Some("ROUTER_X"));
        assert!(failed.outcome.words().starts_with("failed: "));
        assert!(failed.outcome.words().contains("Trunk is not available."));
        assert!(!failed.clone().undo(None).can_undo());
    }

    #[test]
    fn a_trunk_create_names_its_type_and_links_once_created() {
        let body: NewTrunk = serde_json::from_str(
            r#"{"name":"Berlin CUBE 1","locationId":"L1","password":"secret","trunkType":"REGISTERING"}"#,
        )
        .unwrap();
        let done = Entry::trunk_created(&body, &Ok("T/1".into()));
        assert_eq!(done.what, What::TrunkCreated);
        assert_eq!(done.after, r#"Registering trunk "Berlin CUBE 1""#);
        assert_eq!(done.link.as_deref(), Some("/trunks/T%2F1"));
        assert_eq!(done.outcome, Outcome::Done);
        let e = ApiError::Webex(WebexError::from_response(
            409,
            r#"{"message":"Name in use.","trackingId":"ROUTER_Y"}"#,
            None,
        ));
        let refused = Entry::trunk_created(&body, &Err(e));
        assert_eq!(refused.link, None);
        assert_eq!(refused.tracking_id.as_deref(), Some("ROUTER_Y"));
        assert!(!serde_json::to_string(&refused).unwrap().contains("secret"));
    }

    #[test]
    fn only_a_done_change_not_yet_put_back_can_be_undone() {
        let undo = Undo {
            location_id: "L1".into(),
            body: PstnConnectionUpdate::NonIntegratedCcp { id: "P".into() },
            words: r#"Cloud-connected provider "Meridian Voice""#.into(),
        };
        let e = entry("a", 1.0).undo(Some(undo));
        assert!(e.can_undo());
        let mut h = History::default();
        h.record(e);
        h.mark_undone("a");
        assert!(!h.entries[0].can_undo());
        // Kept as JSON and read back whole.
        let back: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        assert_eq!(back, h);
    }

    #[test]
    fn a_pstn_change_links_to_its_location_and_knows_what_puts_it_back() {
        use crate::api::pstn::ConnectionType;
        let before = Connection {
            id: "CCP1".into(),
            display_name: "Meridian Voice".into(),
            pstn_services: vec![],
            pstn_connection_type: ConnectionType::NonIntegratedCcp,
            route_type: None,
            route_id: None,
        };
        let e = pstn_change(
            "L/1",
            "Dallas Branch",
            Some(&before),
            "Local gateway, trunk \"SJC-CUBE-01\"".into(),
            &RouteNames::default(),
            &Ok(Some("ROUTER_9".into())),
        );
        assert_eq!(e.link.as_deref(), Some("/locations/L%2F1/pstn"));
        assert_eq!(e.before, r#"Cloud-connected provider "Meridian Voice""#);
        assert!(e.can_undo());
        let undo = e.undo.unwrap();
        assert_eq!(
            undo.body,
            PstnConnectionUpdate::NonIntegratedCcp { id: "CCP1".into() }
        );
        assert_eq!(undo.words, r#"Cloud-connected provider "Meridian Voice""#);
        let from_nothing = pstn_change(
            "L1",
            "T",
            None,
            "x".into(),
            &RouteNames::default(),
            &Ok(None),
        );
        assert_eq!(from_nothing.before, "Not configured");
        assert!(
            !from_nothing.can_undo(),
            "no update takes a connection away"
        );
    }

    #[test]
    fn downloads_in_json_and_csv() {
        let mut h = History::default();
        h.record(entry("a", 1_764_583_453_000.0));
        let json: serde_json::Value = serde_json::from_str(&h.to_json()).unwrap();
        assert_eq!(json[0]["time"], "2025-12-01T10:04:13Z");
        assert_eq!(json[0]["what"], "PSTN connection changed");
        assert_eq!(json[0]["after"], r#"Local gateway, trunk "SJC-CUBE-01""#);
        assert_eq!(json[0]["trackingId"], "ROUTER_1");
        let csv = h.to_csv();
        let lines: Vec<&str> = csv
            .trim_start_matches(crate::csv::BOM)
            .split("\r\n")
            .collect();
        assert_eq!(
            lines[0],
            "time,what,subject,before,after,result,HTTP status,tracking id"
        );
        assert_eq!(
            lines[1],
            r#"2025-12-01T10:04:13Z,PSTN connection changed,Toronto Office,Not configured,"Local gateway, trunk ""SJC-CUBE-01""",done,,ROUTER_1"#
        );
    }
}
