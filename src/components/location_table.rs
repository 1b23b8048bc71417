//! The locations table: a row element per place on a page, kept as the rows in it change (a
//! place with no row is hidden), so a keystroke changes text rather than building rows. The
//! places in view take their new rows at once, the others after the frame (`crate::view_first`).

use crate::components::location_row::{LocationRow, RowSources};
use crate::location_rows::{Row, PAGE_SIZE};
use crate::view_first::{in_view, stage, Geometry};
use leptos::html::Tbody;
use leptos::prelude::*;

/// The page's rows, `visible`, or `empty` (what to say when there are none).
#[component]
pub fn LocationTable(
    visible: Memo<Vec<Row>>,
    empty: Signal<Option<String>>,
    sources: RowSources,
) -> impl IntoView {
    let row_at = move |v: &Vec<Row>, i: usize| v.get(i).cloned().unwrap_or_default();
    // Whether a place holding `held` is to show `row` (none: the place is to be empty).
    let differs =
        |held: &Row, row: Option<&Row>| row.map_or(!held.id.is_empty(), |row| held != row);
    let places: Vec<RwSignal<Row>> = (0..PAGE_SIZE)
        .map(|i| RwSignal::new(visible.with_untracked(|v| row_at(v, i))))
        .collect();
    let places = StoredValue::new(places);
    let body = NodeRef::<Tbody>::new();
    let geometry = StoredValue::new(None::<Geometry>);
    // Which change of the rows the places that wait belong to; a newer change takes them over.
    let change = StoredValue::new(0u64);
    let waiting = RwSignal::new(false);

    // Where the places are, read once a frame is drawn (the layout is clean then).
    let measure = move || {
        let Some(body) = body.get_untracked() else {
            return;
        };
        let shown = places.with_value(|p| {
            p.iter()
                .filter(|r| r.with_untracked(|r| !r.id.is_empty()))
                .count()
        });
        let rect = body.get_bounding_client_rect();
        let scroll_y = window().scroll_y().unwrap_or(0.0);
        geometry.set_value(Geometry::of(rect.top() + scroll_y, rect.height(), shown));
    };
    // Gives the places `at` the page's rows there.
    let take = move |at: &[usize]| {
        visible.with_untracked(|v| {
            places.with_value(|p| {
                for &i in at {
                    p[i].set(row_at(v, i));
                }
            })
        })
    };
    // The places that waited for change `this`, unless a newer change took them over.
    let take_rest = move |this: u64, later: Vec<usize>| {
        if change.try_get_value() != Some(this) {
            return;
        }
        measure();
        take(&later);
        waiting.set(false);
    };
    request_animation_frame(measure);

    Effect::new(move |_| {
        let changed: Vec<usize> = visible.with(|v| {
            places.with_value(|p| {
                (0..PAGE_SIZE)
                    .filter(|&i| p[i].with_untracked(|r| differs(r, v.get(i))))
                    .collect()
            })
        });
        let window = window();
        // A tab out of sight draws no frames: it takes every row at once.
        let view = if document().hidden() {
            0..PAGE_SIZE
        } else {
            let scroll_y = window.scroll_y().unwrap_or(0.0);
            let height = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            in_view(geometry.get_value(), scroll_y, height, PAGE_SIZE)
        };
        let staged = stage(changed, view);
        take(&staged.now);
        change.update_value(|n| *n += 1);
        let wait = !staged.later.is_empty();
        if waiting.get_untracked() != wait {
            waiting.set(wait);
        }
        if wait {
            let (this, later) = (change.get_value(), staged.later);
            request_animation_frame(move || {
                set_timeout(move || take_rest(this, later), std::time::Duration::ZERO)
            });
        }
    });

    view! {
        <div class="table-wrap">
            <table class="location-table">
                <caption class="visually-hidden">
                    "Webex Calling locations and their PSTN connection"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">"Chosen"</span>
                        </th>
                        <th scope="col">"Location"</th>
                        <th scope="col">"PSTN connection"</th>
                        <th scope="col">"Through"</th>
                    </tr>
                </thead>
                <tbody node_ref=body aria-busy=move || waiting.get().then_some("true")>
                    {move || {
                        empty
                            .get()
                            .map(|text| {
                                view! {
                                    <tr>
                                        <td colspan="4" class="muted">
                                            {text}
                                        </td>
                                    </tr>
                                }
                            })
                    }}
                    {(0..PAGE_SIZE)
                        .map(|slot| {
                            let row = places.with_value(|p| p[slot]);
                            view! {
                                <LocationRow row=row.into() sources />
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
