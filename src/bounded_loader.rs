//! Loads per-row details (a trunk's device type, a location's PSTN connection) for the rows a
//! user can see, with a bounded number of requests in flight, so long lists fill in without a
//! request storm.

use leptos::prelude::*;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

type Fetch<V> = Rc<dyn Fn(String) -> Pin<Box<dyn Future<Output = V>>>>;

/// A cache of values by key, filled on demand by at most `limit` concurrent fetches.
///
/// ```ignore
/// let connections = BoundedLoader::new(4, move |id| { let c = client.clone(); async move { pstn::connection(&c, &id).await } });
/// connections.want(visible_ids);          // queue what is on screen now
/// connections.get(&id)                    // None while loading, Some(value) once loaded
/// ```
pub struct BoundedLoader<V: Clone + Send + Sync + 'static> {
    results: RwSignal<HashMap<String, V>>,
    queue: StoredValue<VecDeque<String>>,
    in_flight: StoredValue<Vec<String>>,
    /// Keys queued or in flight (tracked).
    pending: RwSignal<usize>,
    limit: usize,
    fetch: StoredValue<Fetch<V>, LocalStorage>,
    /// Bumped by [`BoundedLoader::clear`]: what older fetches answer is then dropped.
    generation: StoredValue<u64>,
}

impl<V: Clone + Send + Sync + 'static> Clone for BoundedLoader<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Clone + Send + Sync + 'static> Copy for BoundedLoader<V> {}

impl<V: Clone + Send + Sync + 'static> BoundedLoader<V> {
    /// A loader that runs `fetch` for a key, never more than `limit` at a time.
    pub fn new<F, Fut>(limit: usize, fetch: F) -> Self
    where
        F: Fn(String) -> Fut + 'static,
        Fut: Future<Output = V> + 'static,
    {
        let fetch: Fetch<V> = Rc::new(move |key| Box::pin(fetch(key)));
        BoundedLoader {
            results: RwSignal::new(HashMap::new()),
            queue: StoredValue::new(VecDeque::new()),
            in_flight: StoredValue::new(Vec::new()),
            pending: RwSignal::new(0),
            limit: limit.max(1),
            fetch: StoredValue::new_local(fetch),
            generation: StoredValue::new(0),
        }
    }

    /// The value of `key`, once loaded (tracked: the view updates when it arrives).
    pub fn get(&self, key: &str) -> Option<V> {
        self.results.with(|r| r.get(key).cloned())
    }

    /// How many keys are loaded (tracked: for "Reading 1,200 of 3,000").
    pub fn loaded(&self) -> usize {
        self.results.with(HashMap::len)
    }

    /// How many of the keys last wanted are not loaded yet (tracked).
    pub fn pending(&self) -> usize {
        self.pending.get()
    }

    fn count_pending(&self) {
        let n = self.queue.with_value(VecDeque::len) + self.in_flight.with_value(Vec::len);
        if self.pending.get_untracked() != n {
            self.pending.set(n);
        }
    }

    /// Reads every loaded value at once (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&HashMap<String, V>) -> R) -> R {
        self.results.with(f)
    }

    /// Asks for exactly these keys now: what is not loaded or loading is queued, and keys queued
    /// earlier but no longer wanted (rows scrolled or paged away) are dropped from the queue.
    pub fn want(&self, keys: impl IntoIterator<Item = String>) {
        let keys: Vec<String> = keys.into_iter().collect();
        let loaded = self
            .results
            .with_untracked(|r| keys.iter().map(|k| r.contains_key(k)).collect::<Vec<_>>());
        let in_flight = self.in_flight.get_value();
        self.queue.update_value(|q| {
            q.clear();
            q.extend(
                keys.into_iter()
                    .zip(loaded)
                    .filter(|(k, done)| !done && !in_flight.contains(k))
                    .map(|(k, _)| k),
            );
        });
        self.pump();
        self.count_pending();
    }

    /// Forgets `key` so that the next `want` loads it again (after a change).
    pub fn forget(&self, key: &str) {
        self.results.update(|r| {
            r.remove(key);
        });
    }

    /// Sets the value of `key` (what a change made here now holds), without fetching it.
    pub fn put(&self, key: &str, value: V) {
        self.results.try_update(|r| r.insert(key.to_owned(), value));
    }

    /// Forgets every value and drops what is queued; fetches under way are ignored.
    pub fn clear(&self) {
        self.generation.try_update_value(|g| *g += 1);
        self.queue.try_update_value(VecDeque::clear);
        self.in_flight.try_update_value(Vec::clear);
        self.results.try_update(HashMap::clear);
    }

    fn pump(self) {
        while self.in_flight.with_value(Vec::len) < self.limit {
            let Some(key) = self.queue.try_update_value(|q| q.pop_front()).flatten() else {
                return;
            };
            self.in_flight.update_value(|f| f.push(key.clone()));
            let future = self.fetch.with_value(|fetch| fetch(key.clone()));
            let generation = self.generation.get_value();
            leptos::task::spawn_local(async move {
                let value = future.await;
                if self.generation.try_get_value() != Some(generation) {
                    return;
                }
                // The page may have been left meanwhile; then there is nothing to fill in.
                if self
                    .results
                    .try_update(|r| r.insert(key.clone(), value))
                    .is_none()
                {
                    return;
                }
                self.in_flight.update_value(|f| f.retain(|k| *k != key));
                self.pump();
                self.count_pending();
            });
        }
    }
}
