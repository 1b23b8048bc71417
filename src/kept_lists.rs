//! Lists kept for the session: the organization's locations, trunks, route groups and trunk
//! types, and each location's PSTN connection, read once and shared by every page and picker.
//!
//! - A list is read on first use ([`KeptList::ensure`]), page by page: the first page shows at
//!   once, the rest arrive up to four at a time ([`crate::api::Client::get_pages`]), and the
//!   list's [`ReadState`] says how far it is ("Loaded 1,000 of at least 2,000…").
//! - Returning to a page shows the kept list at once and reads nothing; [`KeptList::refresh`]
//!   reads it again (the page offers "Refresh" with the time it was read).
//! - A change made in this console updates the kept list ([`KeptList::edit`],
//!   [`crate::bounded_loader::BoundedLoader::put`]), so it never shows something stale that the
//!   console itself changed.
//! - [`KeptLists::clear`] drops everything; `Session::forget_account_data` calls it (sign-out,
//!   organization switch, another account signing in), and a list read for another
//!   organization is never shown.
//!
//! ```ignore
//! let kept = expect_context::<Session>().kept;
//! kept.locations.ensure(&client);                       // read once per session and org
//! kept.locations.with(|k| k.items.len());               // tracked: updates as pages arrive
//! kept.trunks.edit(|all| all.push(created));            // after a change made here
//! ```

use crate::api::locations::{self, Location, LocationCountry};
use crate::api::paging::Progress;
use crate::api::pstn::{self, Connection};
use crate::api::requests::{PremiseRouteType, PstnConnectionUpdate};
use crate::api::route_groups::{self, RouteGroupSummary};
use crate::api::trunks::{self, TrunkSummary, TrunkTypeInfo};
use crate::api::{ApiError, Client};
use crate::bounded_loader::BoundedLoader;
use crate::counting::thousands;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// What reading a location's PSTN connection answered: the connection, none yet, or an error.
pub type ConnectionRead = Result<Option<Connection>, ApiError>;

/// Connection reads in flight at once.
const CONNECTION_READS: usize = 4;

/// Where a kept list's read is.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ReadState {
    /// Not read in this session (or dropped).
    #[default]
    NotRead,
    /// Pages are arriving; what is in has been handed on.
    Reading(Progress),
    /// Every page is in.
    Read,
    /// A page could not be read; what came before it stays.
    Failed(ApiError),
}

/// A kept list: its items, in the order Webex gave them, and how its read went.
#[derive(Clone, Debug, Default)]
pub struct Kept<T> {
    pub items: Vec<T>,
    pub state: ReadState,
    /// When the last complete read ended, in milliseconds since the epoch.
    pub read_at: Option<f64>,
    /// The items are of an earlier read, shown until the new read's first page replaces them.
    stale: bool,
    /// A change made here may have changed what Webex holds in ways only Webex knows (a route
    /// group a location left may be unused now): read again on next use.
    outdated: bool,
}

/// What a list page shows of a kept list: its rows as soon as there are any, else why not.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Loading,
    Failed(ApiError),
    Empty,
    Rows,
}

impl<T> Kept<T> {
    /// What a list page shows (watch it through a memo: it changes only when the page's shape
    /// does, not as each page arrives, so nothing typed in the page is reset).
    pub fn shape(&self) -> Shape {
        match (&self.state, self.items.is_empty()) {
            (_, false) => Shape::Rows,
            (ReadState::Failed(e), true) => Shape::Failed(e.clone()),
            (ReadState::Read, true) => Shape::Empty,
            _ => Shape::Loading,
        }
    }

    /// Nothing to show yet: neither items nor a finished read.
    pub fn is_empty_and_reading(&self) -> bool {
        self.items.is_empty() && matches!(self.state, ReadState::NotRead | ReadState::Reading(_))
    }
}

/// What a list page's status line shows (see [`crate::components::ListStatus`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub state: ReadState,
    pub read_at: Option<f64>,
    pub count: usize,
}

type Sink<T> = Box<dyn FnMut(Vec<T>, Progress)>;
type Reading = Pin<Box<dyn Future<Output = Result<(), ApiError>>>>;
/// Reads a whole list, handing each page on as it arrives.
type Reader<T> = fn(Client, Sink<T>) -> Reading;

/// One list kept for the session. Cheap to copy.
pub struct KeptList<T: Send + Sync + 'static> {
    kept: RwSignal<Kept<T>>,
    /// Bumped when the list is dropped or read again: pages of an older read are ignored.
    generation: StoredValue<u64>,
    /// The organization the kept items are of (`None`: the admin's own).
    org: StoredValue<Option<String>>,
    read: Reader<T>,
}

impl<T: Send + Sync + 'static> Clone for KeptList<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for KeptList<T> {}

impl<T: Send + Sync + 'static> KeptList<T> {
    fn new(read: Reader<T>) -> Self {
        KeptList {
            kept: RwSignal::new(Kept {
                items: Vec::new(),
                state: ReadState::NotRead,
                read_at: None,
                stale: false,
                outdated: false,
            }),
            generation: StoredValue::new(0),
            org: StoredValue::new(None),
            read,
        }
    }

    /// Starts reading the list with `client` unless it is kept (or being read) for the
    /// client's organization; a list kept for another organization is dropped first, and one
    /// whose read failed is read again.
    pub fn ensure(self, client: &Client) {
        let org = client.org_id().map(str::to_owned);
        if self.org.get_value() != org {
            self.clear();
            self.org.set_value(org);
        }
        // A read that failed (say, when the token ran out) is tried again by the next page.
        if self.kept.with_untracked(|k| {
            k.outdated || matches!(k.state, ReadState::NotRead | ReadState::Failed(_))
        }) {
            self.start(client);
        }
    }

    /// Reads the list again; the kept items stay shown until the first new page arrives.
    pub fn refresh(self, client: &Client) {
        self.org.set_value(client.org_id().map(str::to_owned));
        self.start(client);
    }

    /// Reads the list again only if the last read failed (a page's "Try again").
    pub fn retry_failed(self, client: &Client) {
        if self
            .kept
            .with_untracked(|k| matches!(k.state, ReadState::Failed(_)))
        {
            self.refresh(client);
        }
    }

    fn start(self, client: &Client) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.kept.update(|k| {
            k.state = ReadState::Reading(Progress::default());
            k.stale = true;
            k.outdated = false;
        });
        let current = move || self.generation.try_get_value() == Some(generation);
        let sink: Sink<T> = Box::new(move |items, progress| {
            if !current() {
                return;
            }
            self.kept.try_update(|k| {
                if std::mem::take(&mut k.stale) {
                    k.items.clear();
                }
                k.items.extend(items);
                k.state = ReadState::Reading(progress);
            });
        });
        let reading = (self.read)(client.clone(), sink);
        leptos::task::spawn_local(async move {
            let result = reading.await;
            if !current() {
                return;
            }
            self.kept.try_update(|k| match result {
                Ok(()) => {
                    if std::mem::take(&mut k.stale) {
                        k.items.clear();
                    }
                    k.state = ReadState::Read;
                    k.read_at = Some(js_sys::Date::now());
                }
                Err(e) => {
                    k.stale = false;
                    k.state = ReadState::Failed(e);
                }
            });
        });
    }

    /// Drops the kept items; a read under way is ignored from now on.
    pub fn clear(self) {
        self.generation
            .try_update_value(|g| *g += 1)
            .unwrap_or_default();
        self.org.try_set_value(None);
        self.kept.try_set(Kept {
            items: Vec::new(),
            state: ReadState::NotRead,
            read_at: None,
            stale: false,
            outdated: false,
        });
    }

    /// Reads the kept list (tracked: the caller updates as pages arrive and edits are made).
    pub fn with<R>(self, f: impl FnOnce(&Kept<T>) -> R) -> R {
        self.kept.with(f)
    }

    /// Reads the kept list without tracking.
    pub fn with_untracked<R>(self, f: impl FnOnce(&Kept<T>) -> R) -> R {
        self.kept.with_untracked(f)
    }

    /// The whole list once every page is in (tracked), the error when a page failed, `None`
    /// while it is being read: for pages that need all of it (a picker's snapshot, say).
    pub fn complete(self) -> Option<Result<Vec<T>, ApiError>>
    where
        T: Clone,
    {
        self.kept.with(|k| match &k.state {
            ReadState::Read => Some(Ok(k.items.clone())),
            ReadState::Failed(e) => Some(Err(e.clone())),
            ReadState::NotRead | ReadState::Reading(_) => None,
        })
    }

    /// The next page that uses the list reads it again (it stays shown meanwhile).
    pub fn mark_outdated(self) {
        self.kept.try_update(|k| k.outdated = true);
    }

    /// Changes the kept items after a change this console made (a created trunk, say).
    pub fn edit(self, f: impl FnOnce(&mut Vec<T>)) {
        self.kept.try_update(|k| f(&mut k.items));
    }

    /// The state, time read and item count, for the list's status line.
    pub fn status(self) -> Memo<Status> {
        Memo::new(move |_| {
            self.kept.with(|k| Status {
                state: k.state.clone(),
                read_at: k.read_at,
                count: k.items.len(),
            })
        })
    }
}

/// An item of a kept list with a Webex id, so a change can replace or remove it.
pub trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for Location {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Keyed for TrunkSummary {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Keyed for RouteGroupSummary {
    fn key(&self) -> &str {
        &self.id
    }
}

impl<T: Keyed + Send + Sync + 'static> KeptList<T> {
    /// Puts `item` in the kept list after this console created or changed it: it replaces the
    /// item with its id, or is added at the end.
    pub fn upsert(self, item: T) {
        self.edit(|all| match all.iter_mut().find(|i| i.key() == item.key()) {
            Some(kept) => *kept = item,
            None => all.push(item),
        });
    }

    /// Takes the item with id `key` out of the kept list after this console deleted it.
    pub fn remove(self, key: &str) {
        self.edit(|all| all.retain(|i| i.key() != key));
    }

    /// Changes the kept item with id `key`, if it is there (a renamed route group, say).
    pub fn update_item(self, key: &str, f: impl FnOnce(&mut T)) {
        self.edit(|all| {
            if let Some(item) = all.iter_mut().find(|i| i.key() == key) {
                f(item);
            }
        });
    }
}

/// Every list the console keeps for the session, shared through [`crate::session::Session`].
#[derive(Clone, Copy)]
pub struct KeptLists {
    pub locations: KeptList<Location>,
    pub trunks: KeptList<TrunkSummary>,
    pub route_groups: KeptList<RouteGroupSummary>,
    pub trunk_types: KeptList<TrunkTypeInfo>,
    /// The country of each location (`GET /locations`), for the country filter.
    pub countries: KeptList<LocationCountry>,
    /// Each location's PSTN connection, read for the rows an admin looks at.
    pub connections: BoundedLoader<ConnectionRead>,
}

impl KeptLists {
    /// Empty lists; connections are read with the client `client()` gives at the time.
    pub fn new(client: impl Fn() -> Option<Client> + 'static) -> Self {
        KeptLists {
            locations: KeptList::new(|client, sink| {
                Box::pin(async move { locations::list_pages(&client, sink).await })
            }),
            trunks: KeptList::new(|client, sink| {
                Box::pin(async move { trunks::list_pages(&client, sink).await })
            }),
            route_groups: KeptList::new(|client, sink| {
                Box::pin(async move { route_groups::list_pages(&client, sink).await })
            }),
            trunk_types: KeptList::new(|client, sink| {
                Box::pin(async move { whole(trunks::trunk_types(&client).await?, sink) })
            }),
            countries: KeptList::new(|client, sink| {
                Box::pin(async move { whole(locations::countries(&client).await?, sink) })
            }),
            connections: BoundedLoader::new(CONNECTION_READS, move |id: String| {
                let client = client();
                async move {
                    match client {
                        Some(client) => pstn::connection(&client, &id).await,
                        None => Err(ApiError::Network("Signed out.".into())),
                    }
                }
            }),
        }
    }

    /// This console set the PSTN connection of `location_id`: `now` is what Webex answered
    /// when it was read back (`None`: not read back, so it is read again when shown). A route
    /// group the location joined is in use now; one it left may not be, which only Webex knows,
    /// so the route groups are read again on next use.
    pub fn connection_set(
        self,
        location_id: &str,
        route: RouteChange<'_>,
        now: Option<Option<Connection>>,
    ) {
        match now {
            Some(now) => self.connections.put(location_id, Ok(now)),
            None => self.connections.forget(location_id),
        }
        if let Some(joined) = route.joined {
            self.route_groups.update_item(joined, |g| g.in_use = true);
        }
        if route.may_free_a_group() {
            self.route_groups.mark_outdated();
        }
    }

    /// Drops everything kept: another admin or organization must never see it.
    pub fn clear(self) {
        self.locations.clear();
        self.trunks.clear();
        self.route_groups.clear();
        self.trunk_types.clear();
        self.countries.clear();
        self.connections.clear();
    }
}

/// Hands a list read whole to `sink` as its one page.
fn whole<T>(all: Vec<T>, mut sink: Sink<T>) -> Result<(), ApiError> {
    let n = all.len();
    let done = Progress {
        loaded: n,
        at_least: n,
        done: true,
    };
    sink(all, done);
    Ok(())
}

/// The route groups a location's PSTN change goes between, by id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RouteChange<'a> {
    /// The route group the location went through before.
    pub left: Option<&'a str>,
    /// The route group it goes through now.
    pub joined: Option<&'a str>,
}

impl<'a> RouteChange<'a> {
    /// From the connection before and the update sent.
    pub fn of(before: Option<&'a Connection>, sent: &'a PstnConnectionUpdate) -> Self {
        RouteChange {
            left: before.and_then(group_of),
            joined: group_of_update(sent),
        }
    }

    /// The location left a route group: it may be unused now.
    pub fn may_free_a_group(&self) -> bool {
        self.left.is_some() && self.left != self.joined
    }
}

/// The route group a connection goes through, if any.
pub fn group_of(c: &Connection) -> Option<&str> {
    match (c.route_type, c.route_id.as_deref()) {
        (Some(PremiseRouteType::RouteGroup), Some(id)) => Some(id),
        _ => None,
    }
}

/// The route group an update sends a location through, if any.
pub fn group_of_update(u: &PstnConnectionUpdate) -> Option<&str> {
    match u {
        PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::RouteGroup,
            premise_route_id,
            ..
        } => Some(premise_route_id),
        _ => None,
    }
}

/// The words of a list's status line: how far the read is, or when it was read.
pub fn status_words(status: &Status, noun: &str) -> String {
    match &status.state {
        ReadState::Reading(p) if p.at_least > p.loaded => format!(
            "Loaded {} of at least {} {noun}…",
            thousands(p.loaded),
            thousands(p.at_least)
        ),
        ReadState::Reading(p) if p.loaded > 0 => {
            format!("Loaded {} {noun}, reading more…", thousands(p.loaded))
        }
        ReadState::Reading(_) if status.count > 0 => format!("Reading the {noun} again…"),
        ReadState::NotRead | ReadState::Reading(_) => format!("Reading the {noun}…"),
        ReadState::Failed(_) => format!(
            "Loaded {} {noun}; the rest could not be read.",
            thousands(status.count)
        ),
        ReadState::Read => match status.read_at {
            Some(at) => format!("Read at {}", clock(at)),
            None => String::new(),
        },
    }
}

/// A time of day in this browser's time zone, `14:05`.
fn clock(at_ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_page_shows_rows_as_soon_as_there_are_any() {
        let mut k: Kept<u8> = Kept::default();
        assert_eq!(k.shape(), Shape::Loading);
        k.state = ReadState::Read;
        assert_eq!(k.shape(), Shape::Empty);
        let e = ApiError::Network("down".into());
        k.state = ReadState::Failed(e.clone());
        assert_eq!(k.shape(), Shape::Failed(e));
        k.items.push(1);
        assert_eq!(k.shape(), Shape::Rows);
        k.state = ReadState::NotRead;
        assert_eq!(k.shape(), Shape::Rows);
    }

    fn status(state: ReadState, count: usize) -> Status {
        Status {
            state,
            read_at: None,
            count,
        }
    }

    #[test]
    fn a_location_that_leaves_a_route_group_may_free_it() {
        let group = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::RouteGroup,
            premise_route_id: "RG1".into(),
            option_id: None,
        };
        let trunk = PstnConnectionUpdate::LocalGateway {
            premise_route_type: PremiseRouteType::Trunk,
            premise_route_id: "T1".into(),
            option_id: None,
        };
        let via = |route_type, id: &str| Connection {
            id: "C".into(),
            display_name: String::new(),
            pstn_services: Vec::new(),
            pstn_connection_type: crate::api::pstn::ConnectionType::LocalGateway,
            route_type: Some(route_type),
            route_id: Some(id.into()),
        };
        let on_group = via(PremiseRouteType::RouteGroup, "RG1");
        let on_other = via(PremiseRouteType::RouteGroup, "RG2");
        let on_trunk = via(PremiseRouteType::Trunk, "T1");

        let joined = RouteChange::of(Some(&on_trunk), &group);
        assert_eq!(joined.joined, Some("RG1"));
        assert!(!joined.may_free_a_group(), "a trunk left frees no group");
        assert!(!RouteChange::of(Some(&on_group), &group).may_free_a_group());
        let moved = RouteChange::of(Some(&on_other), &group);
        assert_eq!((moved.left, moved.joined), (Some("RG2"), Some("RG1")));
        assert!(moved.may_free_a_group());
        let left = RouteChange::of(Some(&on_group), &trunk);
        assert_eq!(left.joined, None);
        assert!(left.may_free_a_group());
        assert_eq!(RouteChange::of(None, &trunk), RouteChange::default());
    }

    #[test]
    fn status_says_how_far_the_read_is() {
        let reading = |loaded, at_least| {
            ReadState::Reading(Progress {
                loaded,
                at_least,
                done: false,
            })
        };
        assert_eq!(
            status_words(&status(reading(1000, 2000), 1000), "locations"),
            "Loaded 1,000 of at least 2,000 locations…"
        );
        assert_eq!(
            status_words(&status(reading(1000, 1000), 1000), "locations"),
            "Loaded 1,000 locations, reading more…"
        );
        assert_eq!(
            status_words(&status(ReadState::NotRead, 0), "trunks"),
            "Reading the trunks…"
        );
        assert_eq!(
            status_words(&status(reading(0, 0), 12), "trunks"),
            "Reading the trunks again…"
        );
        assert_eq!(
            status_words(
                &status(ReadState::Failed(ApiError::Network("x".into())), 3000),
                "locations"
            ),
            "Loaded 3,000 locations; the rest could not be read."
        );
    }
}
