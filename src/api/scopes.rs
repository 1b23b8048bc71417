//! What each call needs from the token: the scope the Webex spec names for its endpoint and the
//! admin role, so that a 403 says exactly what is missing whatever Webex's own wording.

use super::client::Method;

/// The admin role a call needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Any signed-in user (reading one's own profile).
    Anyone,
    /// An administrator, read-only or full.
    Admin,
    /// A full administrator (writes).
    FullAdmin,
}

impl Role {
    /// "a full administrator token", as the sentence needs it.
    fn token_words(self) -> &'static str {
        match self {
            Role::Anyone => "a token",
            Role::Admin => "an administrator token",
            Role::FullAdmin => "a full administrator token",
        }
    }
}

/// What one call does and what it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Need {
    /// What the call does, as the start of a sentence: "Setting the PSTN connection".
    pub doing: &'static str,
    /// The OAuth scope the spec names for the endpoint.
    pub scope: &'static str,
    pub role: Role,
}

impl Need {
    /// "Setting the PSTN connection needs a full administrator token with
    /// spark-admin:telephony_pstn_write."
    pub fn sentence(&self) -> String {
        format!(
            "{} needs {} with {}.",
            self.doing,
            self.role.token_words(),
            self.scope
        )
    }
}

const CONFIG_READ: &str = "spark-admin:telephony_config_read";
const CONFIG_WRITE: &str = "spark-admin:telephony_config_write";
const PSTN_READ: &str = "spark-admin:telephony_pstn_read";
const PSTN_WRITE: &str = "spark-admin:telephony_pstn_write";

/// The path of a call's URL below the API base (`/telephony/...`), without its query.
pub fn api_path<'a>(base: &str, url: &'a str) -> &'a str {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    match path.strip_prefix(base) {
        Some(rest) => rest,
        // A `Link: rel="next"` URL may name the host differently: the path starts after `/v1`.
        None => path.find("/v1/").map_or(path, |at| &path[at + 3..]),
    }
}

/// What the call `method path` needs (the path below the API base, without the query).
pub fn need(method: Method, path: &str) -> Option<Need> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = method == Method::Get;
    let write = |doing| Need {
        doing,
        scope: CONFIG_WRITE,
        role: Role::FullAdmin,
    };
    let read = |doing, scope| Need {
        doing,
        scope,
        role: Role::Admin,
    };
    let need = match segments.as_slice() {
        ["people", "me"] => Need {
            doing: "Reading your Webex profile",
            scope: "spark:people_read",
            role: Role::Anyone,
        },
        ["organizations", ..] => read(
            "Reading the organizations you manage",
            "spark-admin:organizations_read",
        ),
        ["locations", ..] => read("Reading the locations", "spark-admin:locations_read"),
        ["telephony", "config", "locations", _, "actions", "generatePassword", "invoke"] => {
            write("Generating a trunk password")
        }
        ["telephony", "config", "premisePstn", "trunks", "actions", "fqdnValidation", "invoke"] => {
            write("Checking a trunk's address")
        }
        ["telephony", "config", "premisePstn", "trunks"] if method == Method::Post => {
            write("Creating a trunk")
        }
        ["telephony", "config", "premisePstn", "trunks", _] if method == Method::Put => {
            write("Changing a trunk")
        }
        ["telephony", "config", "premisePstn", "trunks", _] if method == Method::Delete => {
            write("Deleting a trunk")
        }
        ["telephony", "config", "premisePstn", "trunks", ..] if get => {
            read("Reading the trunks", CONFIG_READ)
        }
        ["telephony", "config", "premisePstn", "routeGroups"] if method == Method::Post => {
            write("Creating a route group")
        }
        ["telephony", "config", "premisePstn", "routeGroups", _] if method == Method::Put => {
            write("Changing a route group")
        }
        ["telephony", "config", "premisePstn", "routeGroups", _] if method == Method::Delete => {
            write("Deleting a route group")
        }
        ["telephony", "config", "premisePstn", "routeGroups", ..] if get => {
            read("Reading the route groups", CONFIG_READ)
        }
        ["telephony", "config", "locations", ..] if get => {
            read("Reading the Calling locations", CONFIG_READ)
        }
        ["telephony", "config", ..] if get => read("Reading the Calling settings", CONFIG_READ),
        ["telephony", "config", ..] => write("Changing the Calling settings"),
        ["telephony", "pstn", "locations", _, "connection"] if method == Method::Put => Need {
            doing: "Setting the PSTN connection",
            scope: PSTN_WRITE,
            role: Role::FullAdmin,
        },
        ["telephony", "pstn", ..] if get => read("Reading the PSTN connection", PSTN_READ),
        ["telephony", "pstn", ..] => Need {
            doing: "Changing the PSTN settings",
            scope: PSTN_WRITE,
            role: Role::FullAdmin,
        },
        _ => return None,
    };
    Some(need)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_of_the_console_names_its_scope_and_role() {
        let full = "a full administrator token with";
        let admin = "an administrator token with";
        let cases = [
            (Method::Put, "/telephony/pstn/locations/L1/connection", format!("Setting the PSTN connection needs {full} {PSTN_WRITE}.")),
            (Method::Get, "/telephony/pstn/locations/L1/connectionOptions", format!("Reading the PSTN connection needs {admin} {PSTN_READ}.")),
            (Method::Post, "/telephony/config/premisePstn/trunks", format!("Creating a trunk needs {full} {CONFIG_WRITE}.")),
            (Method::Get, "/telephony/config/premisePstn/trunks", format!("Reading the trunks needs {admin} {CONFIG_READ}.")),
            (Method::Get, "/telephony/config/premisePstn/trunks/T1", format!("Reading the trunks needs {admin} {CONFIG_READ}.")),
            (Method::Put, "/telephony/config/premisePstn/trunks/T1", format!("Changing a trunk needs {full} {CONFIG_WRITE}.")),
            (Method::Post, "/telephony/config/premisePstn/trunks/actions/fqdnValidation/invoke", format!("Checking a trunk's address needs {full} {CONFIG_WRITE}.")),
            (Method::Post, "/telephony/config/locations/L1/actions/generatePassword/invoke", format!("Generating a trunk password needs {full} {CONFIG_WRITE}.")),
            (Method::Get, "/telephony/config/premisePstn/routeGroups/R1", format!("Reading the route groups needs {admin} {CONFIG_READ}.")),
            (Method::Get, "/telephony/config/locations", format!("Reading the Calling locations needs {admin} {CONFIG_READ}.")),
            (Method::Get, "/locations", format!("Reading the locations needs {admin} spark-admin:locations_read.")),
            (Method::Get, "/organizations", format!("Reading the organizations you manage needs {admin} spark-admin:organizations_read.")),
            (Method::Get, "/people/me", "Reading your Webex profile needs a token with spark:people_read.".to_owned()),
        ];
        for (method, path, words) in cases {
            assert_eq!(
                need(method, path).map(|n| n.sentence()),
                Some(words),
                "{path}"
            );
        }
        assert_eq!(need(Method::Get, "/elsewhere"), None);
    }

    #[test]
    fn the_path_is_read_from_the_url_below_the_base() {
        let base = "https://webexapis.com/v1";
        assert_eq!(
            api_path(
                base,
                "https://webexapis.com/v1/telephony/config/premisePstn/trunks?max=1000&orgId=O"
            ),
            "/telephony/config/premisePstn/trunks"
        );
        assert_eq!(
            api_path(
                base,
                "https://api.example/v1/telephony/config/locations?start=1000"
            ),
            "/telephony/config/locations"
        );
    }
}
