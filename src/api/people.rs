//! Who is signed in, and which organizations they may act on.

use super::client::{Client, ListPage};
use super::error::ApiError;
use serde::{Deserialize, Serialize};

/// The signed-in admin (`GET /people/me`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub org_id: String,
}

impl Person {
    /// The name to show: the display name, else the first e-mail address.
    pub fn label(&self) -> &str {
        if self.display_name.trim().is_empty() {
            self.emails.first().map(String::as_str).unwrap_or("")
        } else {
            &self.display_name
        }
    }
}

/// An organization (`GET /organizations`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    #[serde(default)]
    pub display_name: String,
}

#[derive(Deserialize)]
struct Organizations {
    #[serde(default)]
    items: Vec<Organization>,
}

impl ListPage for Organizations {
    type Item = Organization;
    fn into_items(self) -> Vec<Organization> {
        self.items
    }
}

/// The signed-in admin; also how a token is checked.
pub async fn me(client: &Client) -> Result<Person, ApiError> {
    client.get("/people/me", &[]).await
}

/// The organizations the admin may manage (their own, and a partner's customers). The call takes
/// no paging parameters (the spec defines none), so it is one request.
pub async fn organizations(client: &Client) -> Result<Vec<Organization>, ApiError> {
    Ok(client
        .get::<Organizations>("/organizations", &[])
        .await?
        .into_items())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_deserialize() {
        let me: Person = serde_json::from_str(r#"{"id":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY","emails":["john.andersen@example.com"],"phoneNumbers":[{"type":"work","value":"+1 408 526 7209","primary":true}],"extension":"133","displayName":"John Andersen","nickName":"John","firstName":"John","lastName":"Andersen","orgId":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE","created":"2015-12-18T17:48:56.214Z"}"#).unwrap();
        assert_eq!(me.label(), "John Andersen");
        assert!(me.org_id.starts_with("Y2lz"));
        let orgs: Organizations = serde_json::from_str(r#"{"items":[{"id":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE","displayName":"Acme, Inc.","created":"2015-10-18T14:26:16+00:00"}]}"#).unwrap();
        assert_eq!(orgs.into_items()[0].display_name, "Acme, Inc.");
    }

    #[test]
    fn label_falls_back_to_email() {
        let p: Person = serde_json::from_str(r#"{"id":"x","emails":["a@b.c"]}"#).unwrap();
        assert_eq!(p.label(), "a@b.c");
    }
}
