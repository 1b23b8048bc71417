//! The rows of the locations list: each location once, its name lower-cased for searching,
//! sorted by name, searched by every word, and paged 50 at a time.

use crate::api::locations::Location;
use crate::list_address;
use std::ops::Range;

/// Rows per page: few enough to read their connections quickly, and a small DOM with 10,000.
pub const PAGE_SIZE: usize = 50;

/// A location as the table shows it, its name lower-cased once for searching.
#[derive(Clone, Debug, PartialEq)]
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
}
