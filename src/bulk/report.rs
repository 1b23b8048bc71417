//! The report of a bulk run, as the result table shows it and as CSV: one line a location.

use super::pacing::{Outcome, Run};
use super::plan::{Step, Verdict};
use crate::clock::iso8601;

/// One line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub location_name: String,
    pub location_id: String,
    pub from: String,
    pub to: String,
    /// `changed`, `failed: …`, `not sent`, `skipped: …`.
    pub result: String,
    pub status: Option<u16>,
    pub tracking_id: Option<String>,
    pub at: Option<f64>,
}

/// The result of one location in words.
pub fn result_words(outcome: &Outcome) -> String {
    match outcome {
        Outcome::NotSent => "not sent".to_owned(),
        Outcome::Sending => "sending".to_owned(),
        Outcome::Changed { .. } => "changed".to_owned(),
        Outcome::Failed { message, .. } => format!("failed: {message}"),
        Outcome::Unknown { .. } => {
            "not known: the page closed while it was being sent; check the location".to_owned()
        }
    }
}

fn skipped_words(step: &Step) -> String {
    match &step.verdict {
        Verdict::AlreadySet => "skipped: already set".to_owned(),
        Verdict::Cannot(why) => format!("skipped: cannot, {why}"),
        Verdict::Unread(why) => format!("skipped: could not be read, {why}"),
        Verdict::WillChange => "skipped".to_owned(),
    }
}

/// Every location of the run: those sent, in plan order, then those skipped.
pub fn lines(run: &Run) -> Vec<Line> {
    let sent = run.items.iter().map(|item| {
        let (status, tracking_id, at) = match &item.outcome {
            Outcome::Changed {
                status,
                tracking_id,
                at,
                ..
            } => (Some(*status), tracking_id.clone(), Some(*at)),
            Outcome::Failed {
                status,
                tracking_id,
                at,
                ..
            } => (*status, tracking_id.clone(), Some(*at)),
            Outcome::Unknown { at } => (None, None, Some(*at)),
            _ => (None, None, None),
        };
        let to = match &item.outcome {
            Outcome::Changed { now: Some(now), .. } => now.clone(),
            _ => item.step.to.clone(),
        };
        Line {
            location_name: item.step.location_name.clone(),
            location_id: item.step.location_id.clone(),
            from: item.step.from.clone(),
            to,
            result: result_words(&item.outcome),
            status,
            tracking_id,
            at,
        }
    });
    let skipped = run.skipped.iter().map(|step| Line {
        location_name: step.location_name.clone(),
        location_id: step.location_id.clone(),
        from: step.from.clone(),
        to: step.to.clone(),
        result: skipped_words(step),
        status: None,
        tracking_id: None,
        at: None,
    });
    sent.chain(skipped).collect()
}

/// The columns of the CSV report.
pub const HEADER: [&str; 8] = [
    "location name",
    "location id",
    "from",
    "to",
    "result",
    "HTTP status",
    "tracking id",
    "time",
];

/// The report as a CSV file.
pub fn csv(run: &Run) -> String {
    crate::csv::document(
        &HEADER,
        lines(run).into_iter().map(|l| {
            vec![
                l.location_name,
                l.location_id,
                l.from,
                l.to,
                l.result,
                l.status.map(|s| s.to_string()).unwrap_or_default(),
                l.tracking_id.unwrap_or_default(),
                l.at.map(iso8601).unwrap_or_default(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::requests::PstnConnectionUpdate;
    use crate::bulk::pacing::{Answer, Purpose};

    fn step(name: &str, verdict: Verdict) -> Step {
        Step {
            location_id: format!("id-{name}"),
            location_name: name.into(),
            from: "Not configured".into(),
            to: r#"Local gateway, trunk "LGW-0001""#.into(),
            body: (verdict == Verdict::WillChange)
                .then(|| PstnConnectionUpdate::NonIntegratedCcp { id: "P".into() }),
            verdict,
            undo: None,
        }
    }

    #[test]
    fn one_line_a_location_with_status_tracking_id_and_time() {
        let mut run = Run::new(
            Purpose::Apply,
            "x".into(),
            vec![
                step("Zürich, HQ", Verdict::WillChange),
                step("Lyon", Verdict::WillChange),
                step("Cork", Verdict::WillChange),
                step(
                    "Osaka",
                    Verdict::Cannot("this location does not offer a local gateway".into()),
                ),
            ],
            0.0,
        );
        run.next(0.0);
        run.next(0.0);
        run.settle(
            0,
            Answer::Changed {
                status: 204,
                tracking_id: Some("ROUTER_A".into()),
                now: None,
            },
            1_764_583_453_000.0,
        );
        run.settle(
            1,
            Answer::Failed {
                status: Some(400),
                message: "Trunk is not available, sorry".into(),
                tracking_id: Some("ROUTER_B".into()),
            },
            1_764_583_454_000.0,
        );
        let text = csv(&run);
        let lines: Vec<&str> = text
            .trim_start_matches(crate::csv::BOM)
            .split("\r\n")
            .collect();
        assert_eq!(
            lines,
            [
                "location name,location id,from,to,result,HTTP status,tracking id,time",
                r#""Zürich, HQ",id-Zürich, HQ,Not configured,"Local gateway, trunk ""LGW-0001""",changed,204,ROUTER_A,2025-12-01T10:04:13Z"#
                    .replace("id-Zürich, HQ", "\"id-Zürich, HQ\"")
                    .as_str(),
                r#"Lyon,id-Lyon,Not configured,"Local gateway, trunk ""LGW-0001""","failed: Trunk is not available, sorry",400,ROUTER_B,2025-12-01T10:04:14Z"#,
                r#"Cork,id-Cork,Not configured,"Local gateway, trunk ""LGW-0001""",not sent,,,"#,
                r#"Osaka,id-Osaka,Not configured,"Local gateway, trunk ""LGW-0001""","skipped: cannot, this location does not offer a local gateway",,,"#,
                "",
            ]
        );
    }
}
