//! Loading from the API inside a page: one `LocalResource` per call, made with the signed-in
//! client, so pages say what they load and nothing about cloning clients into closures.

use crate::api::Client;
use leptos::prelude::*;
use std::future::Future;

/// A resource that runs `call(client, arg)`; e.g.
/// `api_resource(&client, id, |c, id| async move { trunks::get(&c, &id).await })`.
pub fn api_resource<A, T, Fut>(
    client: &Client,
    arg: A,
    call: impl Fn(Client, A) -> Fut + 'static,
) -> LocalResource<T>
where
    A: Clone + 'static,
    T: 'static,
    Fut: Future<Output = T> + 'static,
{
    let client = client.clone();
    LocalResource::new(move || call(client.clone(), arg.clone()))
}
