//! Rows in view first: when a keystroke puts other rows on a page, the places the admin can see
//! (and a few around them) take theirs at once, within the keystroke's frame; the rest of the
//! page's places take theirs in the task after that frame is drawn. Every place still holds its
//! row a frame later, so the page, find-in-page and screen readers have the whole page; while
//! places wait, the table body says so with `aria-busy`. The pure parts, host-tested.

use std::ops::Range;

/// Places counted as in view when where the table is is not known yet (before its first frame).
pub const UNKNOWN_VIEW: usize = 16;

/// Places above and below the viewport also taken at once: the table may have moved a little
/// since its geometry was read (a status line above it appearing), and rows differ in height.
pub const MARGIN: usize = 2;

/// Where the table's places are: the top of the first place in the document and the height of
/// one place, as read after a frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub top: f64,
    pub row: f64,
}

impl Geometry {
    /// The geometry of a table body whose `shown` places (the ones not hidden) start at `top`
    /// in the document and are `height` tall together. None when there is nothing to measure.
    pub fn of(top: f64, height: f64, shown: usize) -> Option<Self> {
        let row = height / shown as f64;
        (shown > 0 && row.is_finite() && row > 0.0).then_some(Geometry { top, row })
    }
}

/// The places of `places` in view, with `MARGIN` more on each side, when the document is
/// scrolled to `scroll_y` in a viewport `viewport` tall.
pub fn in_view(
    geometry: Option<Geometry>,
    scroll_y: f64,
    viewport: f64,
    places: usize,
) -> Range<usize> {
    let Some(g) = geometry else {
        return 0..UNKNOWN_VIEW.min(places);
    };
    let first = ((scroll_y - g.top) / g.row).floor();
    let last = ((scroll_y + viewport - g.top) / g.row).ceil();
    let clamp = |x: f64| x.clamp(0.0, places as f64) as usize;
    let start = clamp(first).saturating_sub(MARGIN);
    let end = (clamp(last) + MARGIN).min(places);
    start..end.max(start)
}

/// The places whose row changes, split into those taken at once (in `view`) and those taken
/// after the frame, each in page order.
#[derive(Debug, Default, PartialEq)]
pub struct Staged {
    pub now: Vec<usize>,
    pub later: Vec<usize>,
}

pub fn stage(changed: impl IntoIterator<Item = usize>, view: Range<usize>) -> Staged {
    let (now, later) = changed.into_iter().partition(|i| view.contains(i));
    Staged { now, later }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: f64 = 40.0;

    fn table_at(top: f64) -> Option<Geometry> {
        Geometry::of(top, 50.0 * ROW, 50)
    }

    #[test]
    fn a_table_starting_mid_screen_takes_what_shows_and_the_margin() {
        // 720 px tall, the table 400 px down: places 0..8 show (the eighth in part).
        assert_eq!(in_view(table_at(400.0), 0.0, 720.0, 50), 0..8 + MARGIN);
    }

    #[test]
    fn scrolled_down_the_places_above_the_viewport_wait_too() {
        // Scrolled by 1,200 px: the viewport shows 800..1520 of the table, places 20..38.
        assert_eq!(
            in_view(table_at(400.0), 1200.0, 720.0, 50),
            20 - MARGIN..38 + MARGIN
        );
    }

    #[test]
    fn a_table_out_of_view_takes_nothing_at_once() {
        // Far below the viewport, or scrolled past: only places of the margin, at an end.
        assert_eq!(in_view(table_at(5000.0), 0.0, 720.0, 50), 0..MARGIN);
        assert_eq!(in_view(table_at(0.0), 9000.0, 720.0, 50), 50 - MARGIN..50);
    }

    #[test]
    fn unknown_geometry_takes_the_first_places() {
        assert_eq!(in_view(None, 0.0, 720.0, 50), 0..UNKNOWN_VIEW);
        assert_eq!(in_view(None, 0.0, 720.0, 3), 0..3);
    }

    #[test]
    fn nothing_shown_or_nothing_tall_gives_no_geometry() {
        assert_eq!(Geometry::of(100.0, 0.0, 0), None);
        assert_eq!(Geometry::of(100.0, 0.0, 5), None);
        assert_eq!(
            Geometry::of(100.0, 200.0, 5),
            Some(Geometry {
                top: 100.0,
                row: 40.0
            })
        );
    }

    #[test]
    fn changed_places_split_by_the_view_in_page_order() {
        assert_eq!(
            stage([1, 3, 7, 12, 30], 2..12),
            Staged {
                now: vec![3, 7],
                later: vec![1, 12, 30]
            }
        );
        assert_eq!(stage([], 0..50), Staged::default());
    }
}
