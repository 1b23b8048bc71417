//! The rows of the locations list: each location once, its name lower-cased for searching,
//! sorted by name, searched by every word, and paged 50 at a time.

use crate::api::locations::Location;
use crate::bulk::selection::Picked;
use crate::list_address::{self, Words};
use std::ops::Range;
use std::sync::Arc;

/// Rows per page: few enough to read their connections quickly, and a small DOM with 10,000.
pub const PAGE_SIZE: usize = 50;

/// A location as the table shows it, its name lower-cased once for searching.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub id: String,
    pub name: String,
    key: String,
}

impl From<Location> for Row {
    fn from(l: Location) -> Self {
        Row {
            key: l.name.to_lowercase(),
            id: l.id,
            name: l.name,
        }
    }
}

/// The rows whose name contains every word of `query`, ignoring case, by position.
pub fn search(rows: &[Row], query: &str) -> Vec<usize> {
    list_address::search(rows.iter().map(|r| r.key.as_str()), query)
}

/// The last search, kept for the next keystroke: when that only narrows it (a letter or a word
/// more), the next search looks only among the rows this one found.
#[derive(Debug, Default)]
pub struct LastSearch(Option<(Arc<Vec<Row>>, Words, Vec<usize>)>);

impl LastSearch {
    /// What `search(rows, query)` gives, looking among the last search's rows when it can.
    pub fn search(&mut self, rows: &Arc<Vec<Row>>, query: &str) -> Vec<usize> {
        let words = Words::of(query);
        let keep = |&i: &usize| words.all_in(&rows[i].key);
        let found: Vec<usize> = match &self.0 {
            Some((last_rows, last_words, last_found))
                if Arc::ptr_eq(last_rows, rows) && words.narrows(last_words) =>
            {
                last_found.iter().copied().filter(keep).collect()
            }
            _ => (0..rows.len()).filter(keep).collect(),
        };
        self.0 = Some((rows.clone(), words, found.clone()));
        found
    }
}

pub fn page_count(total: usize) -> usize {
    list_address::page_count(total, PAGE_SIZE)
}

pub fn page_range(total: usize, page: usize) -> Range<usize> {
    list_address::page_range(total, PAGE_SIZE, page)
}

/// The rows of `locations`, sorted by name ignoring case.
pub fn rows_of(locations: &[Location]) -> Vec<Row> {
    let mut rows: Vec<Row> = locations.iter().cloned().map(Row::from).collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

/// The rows a search and the filters keep, by position in every row: cheap to copy and to
/// compare, so a keystroke copies no row (only the page's rows are ever taken out).
#[derive(Clone, Debug, Default)]
pub struct Found {
    rows: Arc<Vec<Row>>,
    at: Arc<[usize]>,
}

impl PartialEq for Found {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.rows, &other.rows) && self.at == other.at
    }
}

impl Found {
    /// The rows at positions `at` of `rows`.
    pub fn new(rows: Arc<Vec<Row>>, at: impl Into<Arc<[usize]>>) -> Self {
        Found {
            rows,
            at: at.into(),
        }
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The rows at `range` of what was found (a page); past the end gives what there is.
    pub fn rows(&self, range: Range<usize>) -> impl Iterator<Item = &Row> {
        let end = range.end.min(self.at.len());
        self.at[range.start.min(end)..end]
            .iter()
            .map(|&i| &self.rows[i])
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rows(0..self.len()).map(|r| r.id.as_str())
    }

    /// Every row found as a chosen location (for "Select all N shown").
    pub fn picked(&self) -> Vec<Picked> {
        self.rows(0..self.len())
            .map(|r| Picked {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(names: &[&str]) -> Vec<Row> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                Row::from(Location {
                    id: format!("L{i}"),
                    name: (*n).to_owned(),
                })
            })
            .collect()
    }

    #[test]
    fn search_matches_every_word_ignoring_case() {
        let all = rows(&["San Jose HQ", "New York Office", "London Office"]);
        assert_eq!(search(&all, ""), vec![0, 1, 2]);
        assert_eq!(search(&all, "office"), vec![1, 2]);
        assert_eq!(search(&all, " OFFICE  lon "), vec![2]);
        assert!(search(&all, "paris").is_empty());
    }

    #[test]
    fn a_search_kept_from_the_last_keystroke_finds_what_a_new_one_does() {
        let all = Arc::new(rows(&[
            "Site 0012",
            "Site 0120",
            "Site 0013",
            "Hamburg 0012",
        ]));
        let mut last = LastSearch::default();
        for q in [
            "",
            "s",
            "site 0",
            "site 001",
            "site 0012",
            "0012",
            "",
            "ham",
            "x",
            "site",
        ] {
            assert_eq!(last.search(&all, q), search(&all, q), "after {q:?}");
        }
        // Other rows (more arrived, or another organization's): searched from the start.
        let more = Arc::new(rows(&["Site 0012", "Site 0012 B"]));
        assert_eq!(last.search(&more, "site 0012"), vec![0, 1]);
    }

    #[test]
    fn found_takes_out_only_the_rows_asked_for() {
        let all = Arc::new(rows_of(
            &["Berlin", "amsterdam", "Cairo", "Dublin"]
                .iter()
                .enumerate()
                .map(|(i, n)| Location {
                    id: format!("L{i}"),
                    name: (*n).to_owned(),
                })
                .collect::<Vec<_>>(),
        ));
        let found = Found::new(all.clone(), search(&all, "i"));
        let names =
            |it: &mut dyn Iterator<Item = &Row>| it.map(|r| r.name.clone()).collect::<Vec<_>>();
        assert_eq!(found.len(), 3);
        assert_eq!(names(&mut found.rows(0..2)), ["Berlin", "Cairo"]);
        assert_eq!(names(&mut found.rows(2..50)), ["Dublin"]);
        assert_eq!(names(&mut found.rows(7..9)), Vec::<String>::new());
        assert_eq!(found.ids().collect::<Vec<_>>(), ["L0", "L2", "L3"]);
        assert_eq!(
            found.picked()[1],
            Picked {
                id: "L2".into(),
                name: "Cairo".into()
            }
        );
        assert_eq!(found, Found::new(all.clone(), search(&all, "I")));
        assert_ne!(found, Found::new(all.clone(), search(&all, "in")));
        let same_names = Arc::new((*all).clone());
        assert_ne!(
            found,
            Found::new(same_names, search(&all, "i")),
            "other rows (read again) are another list"
        );
        assert!(Found::default().is_empty());
    }
}
