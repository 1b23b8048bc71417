//! A bulk run as it goes and once it ends: progress bar, counts, time left, Stop, Continue,
//! the result table, Retry, the CSV report and Undo.

use super::ConfirmDialog;
use crate::bulk::pacing::{Halt, Phase, Purpose, Run};
use crate::bulk::plan::undo_of;
use crate::bulk::report;
use crate::bulk::runner::Runner;
use crate::clock::{duration_words, iso8601, now_ms};
use crate::counting::{locations, thousands};
use crate::session::Session;
use leptos::prelude::*;

/// The run of the [`Runner`].
#[component]
pub fn BulkRun() -> impl IntoView {
    let session = expect_context::<Session>();
    let runner = expect_context::<Runner>();
    let run = runner.run();
    let now = move || runner.clock.get().max(now_ms());
    let phase = Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.phase(now()))));
    let counts = Memo::new(move |_| run.with(|r| r.as_ref().map(Run::counts).unwrap_or_default()));
    let purpose = move || run.with(|r| r.as_ref().map(|r| r.purpose));
    let busy = move || {
        matches!(
            phase.get(),
            Some(Phase::Sending | Phase::Waiting(_) | Phase::Stopping(_))
        )
    };

    let status = move || {
        let c = counts.get();
        let settled = c.changed + c.failed;
        Some(match phase.get()? {
            Phase::Sending => format!(
                "Sending: {} of {}",
                thousands(settled),
                thousands(c.total())
            ),
            Phase::Waiting(s) => format!(
                "Webex asked the console to slow down: every change waits, sending again in {s} s."
            ),
            Phase::Stopping(Halt::SignedOut) => {
                "Webex ended the session: the changes in flight finish, nothing more is sent."
                    .to_owned()
            }
            Phase::Stopping(_) => format!(
                "Stopping: waiting for the {} in flight; nothing more is sent.",
                c.sending
            ),
            Phase::Halted(Halt::Stopped) => format!("Stopped. {} not sent.", locations(c.left)),
            Phase::Halted(Halt::SignedOut) => format!(
                "Stopped when Webex ended the session. {} not sent.",
                locations(c.left)
            ),
            Phase::Halted(Halt::Interrupted) => format!(
                "The page was closed or reloaded during the run. {} not sent.",
                locations(c.left)
            ),
            Phase::Done => "Done.".to_owned(),
        })
    };
    let time_left = move || {
        if !busy() {
            return None;
        }
        let seconds = run.with(|r| r.as_ref()?.seconds_left(now()))?;
        Some(format!("About {} left", duration_words(seconds)))
    };

    let continue_run = move |_| runner.resume(session.client());
    let retry = move |_| runner.retry_failed(session.client());
    let stop = move |_| runner.stop();
    let download = move |_| {
        let Some((text, started)) =
            run.with_untracked(|r| r.as_ref().map(|r| (report::csv(r), r.started_at)))
        else {
            return;
        };
        let name = format!(
            "pstn-bulk-report-{}.csv",
            crate::download::file_stem(&iso8601(started))
        );
        crate::download::offer(&name, "text/csv;charset=utf-8", &text);
    };
    let undoing = RwSignal::new(false);
    let undo = move || {
        undoing.set(false);
        let Some(steps) = run.with_untracked(|r| r.as_ref().map(|r| undo_of(r.changed()))) else {
            return;
        };
        let target = "each location's connection before".to_owned();
        runner.start(
            Run::new(Purpose::Undo, target, steps, now_ms()),
            session.client(),
        );
    };
    let new_change = move |_| runner.discard();
    let can_retry = move || !busy() && counts.get().failed != 0;
    let can_undo =
        move || !busy() && purpose() == Some(Purpose::Apply) && counts.get().changed != 0;

    view! {
        <section class="card bulk-run" aria-labelledby="bulk-run-heading">
            <h2 id="bulk-run-heading">
                {move || match purpose() {
                    Some(Purpose::Undo) => "Putting back".to_owned(),
                    _ => run.with(|r| r.as_ref().map(|r| format!("Setting {}", r.target)).unwrap_or_default()),
                }}
            </h2>
            <div
                class="progress"
                role="progressbar"
                aria-label="Locations done"
                aria-valuemin="0"
                aria-valuemax=move || counts.get().total().to_string()
                aria-valuenow=move || { let c = counts.get(); (c.changed + c.failed).to_string() }
            >
                <div
                    class="progress-bar"
                    style:width=move || {
                        let c = counts.get();
                        format!("{}%", (c.changed + c.failed) * 100 / c.total().max(1))
                    }
                ></div>
            </div>
            <p role="status" class="bulk-status">{status}</p>
            <Show when=move || !runner.kept.get()>
                <p class="alert alert-warning" role="alert" data-testid="bulk-not-kept">
                    "This run is too large for this tab's storage, so it is not kept: it goes on while this page stays open, but a reload, closing the tab or signing in again would lose where it stopped. Keep the page open until it ends, and download the report."
                </p>
            </Show>
            <dl class="facts bulk-counts">
                <dt>"Changed"</dt>
                <dd data-testid="bulk-changed">{move || thousands(counts.get().changed)}</dd>
                <dt>"Failed"</dt>
                <dd data-testid="bulk-failed">{move || thousands(counts.get().failed)}</dd>
                <dt>"Left"</dt>
                <dd data-testid="bulk-left">{move || thousands(counts.get().left)}</dd>
                <dt>"Skipped"</dt>
                <dd>{move || thousands(counts.get().skipped)}</dd>
            </dl>
            <p class="muted">{time_left}</p>
            <div class="actions">
                <Show when=move || matches!(phase.get(), Some(Phase::Sending | Phase::Waiting(_)))>
                    <button type="button" class="button secondary" on:click=stop>"Stop"</button>
                </Show>
                <Show when=move || matches!(phase.get(), Some(Phase::Halted(_)))>
                    <button type="button" class="button primary" on:click=continue_run>
                        {move || format!("Continue with the {} not sent", thousands(counts.get().left))}
                    </button>
                </Show>
                <Show when=can_retry>
                    <button type="button" class="button secondary" on:click=retry>
                        {move || format!("Retry the {} failed", thousands(counts.get().failed))}
                    </button>
                </Show>
                <Show when=move || !busy()>
                    <button type="button" class="button secondary" on:click=download>
                        "Download report (CSV)"
                    </button>
                </Show>
                <Show when=can_undo>
                    <button type="button" class="button secondary" on:click=move |_| undoing.set(true)>
                        {move || format!("Put back the {} changed", thousands(counts.get().changed))}
                    </button>
                </Show>
                <Show when=move || phase.get() == Some(Phase::Done)>
                    <button type="button" class="button secondary" on:click=new_change>
                        "Start another bulk change"
                    </button>
                </Show>
            </div>
        </section>
        <Show when=move || !busy()>
            <ResultTable run />
        </Show>
        <Show when=move || undoing.get()>
            <ConfirmDialog
                id="confirm-undo"
                title=format!("Put back the {} changed locations?", thousands(counts.get_untracked().changed))
                confirm_label="Put back"
                on_confirm=Callback::new(move |()| undo())
                on_cancel=Callback::new(move |()| undoing.set(false))
            >
                <p>"Each changed location is set again to the connection it had before this run, paced like the run itself."</p>
            </ConfirmDialog>
        </Show>
    }
}

/// Every location of the run with its result, Webex's message and tracking id.
#[component]
fn ResultTable(run: ReadSignal<Option<Run>>) -> impl IntoView {
    let lines = move || run.with(|r| r.as_ref().map(report::lines).unwrap_or_default());
    view! {
        <div class="table-wrap">
            <table class="bulk-table bulk-results">
                <caption class="visually-hidden">"The result at each location"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Location"</th>
                        <th scope="col">"From"</th>
                        <th scope="col">"To"</th>
                        <th scope="col">"Result"</th>
                        <th scope="col">"HTTP status"</th>
                        <th scope="col">"Tracking ID"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=lines
                        key=|l| (l.location_id.clone(), l.result.clone(), l.to.clone())
                        let:line
                    >
                        <tr>
                            <th scope="row">{line.location_name.clone()}</th>
                            <td>{line.from.clone()}</td>
                            <td>{line.to.clone()}</td>
                            <td>{line.result.clone()}</td>
                            <td>{line.status.map(|s| s.to_string())}</td>
                            <td><code>{line.tracking_id.clone()}</code></td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
