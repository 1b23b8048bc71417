//! Bearer tokens, scopes and the org a call acts on.

use std::time::Instant;

use axum::http::header;

use crate::call::Call;
use crate::errors::ApiError;
use crate::state::Db;

/// The administrator behind an accepted token.
pub struct Principal {
    pub person_id: String,
    pub org_id: String,
    pub managed_orgs: Vec<String>,
    pub scopes: Vec<String>,
}

impl Principal {
    pub fn has(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }

    pub fn require(&self, scope: &str) -> Result<(), ApiError> {
        if self.has(scope) {
            Ok(())
        } else {
            Err(ApiError::missing_scope(scope))
        }
    }

    /// The org named by `?orgId=`, which must be the admin's own or one it manages as a partner.
    pub fn target_org(&self, call: &Call) -> Result<String, ApiError> {
        match call.param("orgId") {
            None | Some("") => Ok(self.org_id.clone()),
            Some(org) if org == self.org_id || self.managed_orgs.iter().any(|m| m == org) => {
                Ok(org.to_string())
            }
            Some(org) => Err(ApiError::forbidden(format!(
                "The administrator is not authorized to access the organization {org}."
            ))),
        }
    }
}

pub fn authenticate(db: &Db, call: &Call) -> Result<Principal, ApiError> {
    let invalid = || {
        ApiError::unauthorized(
            "The request requires a valid access token set in the Authorization request header.",
        )
    };
    let value = call
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(invalid)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(invalid)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(invalid());
    }
    let token = db.tokens.get(token.trim()).ok_or_else(invalid)?;
    if token.expires_at.is_some_and(|t| t <= Instant::now()) {
        return Err(ApiError::unauthorized(
            "The access token has expired. Sign in again to get a new one.",
        ));
    }
    let person = db.person(&token.person_id).ok_or_else(invalid)?;
    Ok(Principal {
        person_id: person.id.clone(),
        org_id: person.org_id.clone(),
        managed_orgs: person.managed_orgs.clone(),
        scopes: token.scopes.clone(),
    })
}

/// Authenticates, checks every scope, and resolves `orgId`: the preamble of a telephony call.
pub fn authorize(db: &Db, call: &Call, scopes: &[&str]) -> Result<String, ApiError> {
    let who = authenticate(db, call)?;
    for scope in scopes {
        who.require(scope)?;
    }
    who.target_org(call)
}
