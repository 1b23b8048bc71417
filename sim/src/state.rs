//! The simulated Webex organizations and everything in them, held in memory.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use crate::config::{Config, Seed};
use crate::errors::ApiError;
use crate::faults::Fault;
use crate::ids::{webex_id, Rng};
use crate::rate_limit::WriteLimit;
use crate::record::{Exchange, Recorder};

pub const PEOPLE_READ: &str = "spark:people_read";
pub const LOCATIONS_READ: &str = "spark-admin:locations_read";
pub const CONFIG_READ: &str = "spark-admin:telephony_config_read";
pub const CONFIG_WRITE: &str = "spark-admin:telephony_config_write";
pub const PSTN_READ: &str = "spark-admin:telephony_pstn_read";
pub const PSTN_WRITE: &str = "spark-admin:telephony_pstn_write";
pub const ORGANIZATIONS_READ: &str = "spark-admin:organizations_read";

/// The scopes of a full administrator of the console (webex-api.md, Sign-in).
pub const ADMIN_SCOPES: &[&str] = &[
    PEOPLE_READ,
    LOCATIONS_READ,
    CONFIG_READ,
    CONFIG_WRITE,
    PSTN_READ,
    PSTN_WRITE,
];
pub const READ_SCOPES: &[&str] = &[PEOPLE_READ, LOCATIONS_READ, CONFIG_READ, PSTN_READ];

pub struct Org {
    pub id: String,
    pub name: String,
    /// Domains proven to belong to the org; subdomains count as verified too.
    pub verified_domains: Vec<String>,
    /// The org's registrar domain, e.g. `64941297.us10.bcld.webex.com`.
    pub sip_domain: String,
    pub created: String,
}

impl Org {
    pub fn is_verified(&self, domain: &str) -> bool {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        self.verified_domains
            .iter()
            .any(|v| domain == *v || domain.ends_with(&format!(".{v}")))
    }
}

pub struct Person {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// Customer orgs a partner administrator may act on with `?orgId=`.
    pub managed_orgs: Vec<String>,
    pub roles: Vec<String>,
    pub created: String,
}

impl Person {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

pub struct Address {
    pub address1: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

pub struct Location {
    pub id: String,
    pub org_id: String,
    pub name: String,
    /// Enabled for Webex Calling (listed under `/telephony/config/locations`).
    pub calling: bool,
    pub time_zone: String,
    pub language: String,
    pub address: Address,
    pub main_number: String,
    pub routing_prefix: String,
    pub outside_dial_digit: String,
    pub e911_setup_required: bool,
    pub pstn: Option<Pstn>,
    /// Whether Webex offers this location a local gateway ("Premises-based PSTN"); a few
    /// locations of the large seed have only cloud providers.
    pub premises: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteKind {
    Trunk,
    RouteGroup,
}

impl RouteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RouteKind::Trunk => "TRUNK",
            RouteKind::RouteGroup => "ROUTE_GROUP",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "TRUNK" => Some(RouteKind::Trunk),
            "ROUTE_GROUP" => Some(RouteKind::RouteGroup),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pstn {
    /// Local gateway through a trunk or a route group.
    Premises { route: RouteKind, route_id: String },
    /// A cloud provider chosen by its connection option id.
    Provider { option_id: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PstnKind {
    LocalGateway,
    NonIntegratedCcp,
    IntegratedCcp,
    CiscoPstn,
}

impl PstnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PstnKind::LocalGateway => "LOCAL_GATEWAY",
            PstnKind::NonIntegratedCcp => "NON_INTEGRATED_CCP",
            PstnKind::IntegratedCcp => "INTEGRATED_CCP",
            PstnKind::CiscoPstn => "CISCO_PSTN",
        }
    }
}

/// A PSTN connection option; provider options are shared by every location of their countries.
pub struct PstnOption {
    pub id: String,
    pub display_name: &'static str,
    pub kind: PstnKind,
    pub services: &'static [&'static str],
    /// Countries served; empty means "every country without another cloud provider".
    pub countries: &'static [&'static str],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrunkType {
    Registering,
    CertificateBased,
}

impl TrunkType {
    pub fn as_str(self) -> &'static str {
        match self {
            TrunkType::Registering => "REGISTERING",
            TrunkType::CertificateBased => "CERTIFICATE_BASED",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "REGISTERING" => Some(TrunkType::Registering),
            "CERTIFICATE_BASED" => Some(TrunkType::CertificateBased),
            _ => None,
        }
    }

    pub fn device_types(self) -> &'static [DeviceTypeSpec] {
        match self {
            TrunkType::Registering => REGISTERING_DEVICES,
            TrunkType::CertificateBased => CERTIFICATE_DEVICES,
        }
    }
}

pub struct DeviceTypeSpec {
    pub name: &'static str,
    pub min_calls: u32,
    pub max_calls: u32,
}

pub const CUBE: &str = "Cisco Unified Border Element";

const REGISTERING_DEVICES: &[DeviceTypeSpec] = &[DeviceTypeSpec {
    name: CUBE,
    min_calls: 250,
    max_calls: 250,
}];

const CERTIFICATE_DEVICES: &[DeviceTypeSpec] = &[
    DeviceTypeSpec {
        name: CUBE,
        min_calls: 250,
        max_calls: 1000,
    },
    DeviceTypeSpec {
        name: "Oracle ACME Session Border Controller",
        min_calls: 250,
        max_calls: 1000,
    },
    DeviceTypeSpec {
        name: "AudioCodes Mediant SBC",
        min_calls: 250,
        max_calls: 2000,
    },
    DeviceTypeSpec {
        name: "Ribbon SBC Edge",
        min_calls: 250,
        max_calls: 2000,
    },
];

/// Live-org answer shapes a few seeded trunks reproduce (webex-api.md, Trunk details).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quirk {
    None,
    /// HTTP 206 with `responseStatus` warnings and no `outboundProxy`.
    Partial206,
    /// `organization` instead of `customer`.
    OrganizationField,
    /// `status` in lower case.
    LowercaseStatus,
}

pub struct Trunk {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub location_id: String,
    pub trunk_type: TrunkType,
    pub device_type: String,
    pub password: String,
    pub dual_identity: bool,
    pub address: Option<String>,
    pub domain: Option<String>,
    pub port: Option<u32>,
    pub max_concurrent_calls: u32,
    pub p_charge_info: String,
    /// ONLINE, OFFLINE or UNKNOWN.
    pub status: &'static str,
    pub otg_dtg_id: String,
    /// Registering trunks only: `<user>@<org sip domain>`.
    pub line_port: Option<String>,
    pub pilot_user_id: Option<String>,
    pub sip_user: Option<String>,
    pub outbound_proxy: &'static str,
    pub quirk: Quirk,
    /// How many times the password was changed with a PUT.
    pub password_changes: u32,
    /// A status the trunk takes after this many more detail reads (set by `/_sim/trunks/status`).
    pub status_after: Option<(u32, &'static str)>,
}

impl Trunk {
    /// One detail read: a pending status change counts it down, and applies once no reads are left.
    pub fn read_status(&mut self) {
        match self.status_after {
            Some((0, status)) => {
                self.status = status;
                self.status_after = None;
            }
            Some((reads, status)) => self.status_after = Some((reads - 1, status)),
            None => {}
        }
    }
}

/// A dial plan that routes its patterns through a trunk or route group.
pub struct DialPlan {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub route_id: String,
}

pub struct RouteGroup {
    pub id: String,
    pub org_id: String,
    pub name: String,
    /// (trunk id, priority)
    pub members: Vec<(String, u32)>,
}

#[derive(Clone)]
pub struct Token {
    pub person_id: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<Instant>,
}

pub struct AuthCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub challenge: Option<String>,
    pub scopes: Vec<String>,
    pub issued: Instant,
}

/// Usage counts of one trunk, as `GET …/trunks/{id}/usage` answers them.
#[derive(Default)]
pub struct TrunkUsage {
    pub pstn_connections: usize,
    pub route_groups: usize,
    pub dial_plans: usize,
    pub call_to_extension: usize,
}

impl TrunkUsage {
    pub fn in_use(&self) -> bool {
        self.pstn_connections + self.route_groups + self.dial_plans + self.call_to_extension > 0
    }
}

pub struct Db {
    pub rng: Rng,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    pub locations: Vec<Location>,
    pub location_index: HashMap<String, usize>,
    pub trunks: Vec<Trunk>,
    pub route_groups: Vec<RouteGroup>,
    pub dial_plans: Vec<DialPlan>,
    /// (location id, trunk id): locations whose calls to on-premises extensions use the trunk.
    pub call_to_extension: Vec<(String, String)>,
    pub options: Vec<PstnOption>,
    pub tokens: HashMap<String, Token>,
    pub codes: HashMap<String, AuthCode>,
}

impl Db {
    pub fn new(seed: u64) -> Self {
        Db {
            rng: Rng::new(seed),
            orgs: Vec::new(),
            people: Vec::new(),
            locations: Vec::new(),
            location_index: HashMap::new(),
            trunks: Vec::new(),
            route_groups: Vec::new(),
            dial_plans: Vec::new(),
            call_to_extension: Vec::new(),
            options: Vec::new(),
            tokens: HashMap::new(),
            codes: HashMap::new(),
        }
    }

    pub fn new_id(&mut self, kind: &str) -> String {
        let uuid = self.rng.uuid();
        webex_id(kind, &uuid)
    }

    pub fn add_location(&mut self, location: Location) {
        self.location_index
            .insert(location.id.clone(), self.locations.len());
        self.locations.push(location);
    }

    pub fn org(&self, id: &str) -> Option<&Org> {
        self.orgs.iter().find(|o| o.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn location(&self, id: &str) -> Option<&Location> {
        self.location_index.get(id).map(|&i| &self.locations[i])
    }

    /// A Webex Calling location of `org`, or the 404 Webex answers.
    pub fn calling_location(&self, org: &str, id: &str) -> Result<&Location, ApiError> {
        match self.location(id) {
            Some(l) if l.org_id == org && l.calling => Ok(l),
            _ => Err(ApiError::location_not_found(id)),
        }
    }

    pub fn calling_location_mut(&mut self, org: &str, id: &str) -> Result<&mut Location, ApiError> {
        match self.location_index.get(id) {
            Some(&i) if self.locations[i].org_id == org && self.locations[i].calling => {
                Ok(&mut self.locations[i])
            }
            _ => Err(ApiError::location_not_found(id)),
        }
    }

    pub fn location_name(&self, id: &str) -> String {
        self.location(id)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }

    pub fn trunk_index(&self, org: &str, id: &str) -> Option<usize> {
        self.trunks
            .iter()
            .position(|t| t.id == id && t.org_id == org)
    }

    /// The first trunk of that name in any org (tests and the control endpoint).
    pub fn trunk_by_name(&self, name: &str) -> &Trunk {
        self.trunks
            .iter()
            .find(|t| t.name == name)
            .expect("a trunk of that name")
    }

    pub fn trunk(&self, org: &str, id: &str) -> Option<&Trunk> {
        self.trunk_index(org, id).map(|i| &self.trunks[i])
    }

    pub fn route_group(&self, org: &str, id: &str) -> Option<&RouteGroup> {
        self.route_groups
            .iter()
            .find(|g| g.id == id && g.org_id == org)
    }

    pub fn option(&self, id: &str) -> Option<&PstnOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The connection options of a location: the local gateway, its country's cloud providers.
    pub fn options_for(&self, location: &Location) -> Vec<&PstnOption> {
        let country = location.address.country.as_str();
        let mut out: Vec<&PstnOption> = self
            .options
            .iter()
            .filter(|o| {
                (o.kind == PstnKind::LocalGateway && location.premises)
                    || o.countries.contains(&country)
            })
            .collect();
        if !out.iter().any(|o| o.kind == PstnKind::NonIntegratedCcp) {
            out.extend(
                self.options
                    .iter()
                    .filter(|o| o.kind != PstnKind::LocalGateway && o.countries.is_empty()),
            );
        }
        out
    }

    pub fn local_gateway_option(&self) -> &PstnOption {
        self.options
            .iter()
            .find(|o| o.kind == PstnKind::LocalGateway)
            .expect("the catalog has a local gateway option")
    }

    pub fn trunk_usage(&self, trunk_id: &str) -> TrunkUsage {
        TrunkUsage {
            pstn_connections: self.trunk_pstn_locations(trunk_id).len(),
            route_groups: self.trunk_route_groups(trunk_id).len(),
            dial_plans: self.trunk_dial_plans(trunk_id).len(),
            call_to_extension: self.trunk_call_to_extension(trunk_id).len(),
        }
    }

    /// Locations whose PSTN connection is the trunk itself (not through a route group).
    pub fn trunk_pstn_locations(&self, trunk_id: &str) -> Vec<&Location> {
        self.locations
            .iter()
            .filter(|l| matches!(&l.pstn, Some(Pstn::Premises { route: RouteKind::Trunk, route_id }) if route_id == trunk_id))
            .collect()
    }

    /// Route groups that hold the trunk.
    pub fn trunk_route_groups(&self, trunk_id: &str) -> Vec<&RouteGroup> {
        self.route_groups
            .iter()
            .filter(|g| g.members.iter().any(|(t, _)| t == trunk_id))
            .collect()
    }

    /// Dial plans that route through the trunk (or the route group of that id).
    pub fn trunk_dial_plans(&self, trunk_id: &str) -> Vec<&DialPlan> {
        self.dial_plans
            .iter()
            .filter(|d| d.route_id == trunk_id)
            .collect()
    }

    /// Locations whose calls to on-premises extensions go through the trunk (or the route
    /// group of that id).
    pub fn trunk_call_to_extension(&self, trunk_id: &str) -> Vec<&Location> {
        self.call_to_extension
            .iter()
            .filter(|(_, t)| t == trunk_id)
            .filter_map(|(l, _)| self.location(l))
            .collect()
    }

    /// Ids of trunks and route groups that something uses, computed in one pass for lists.
    pub fn used_routes(&self) -> HashSet<&str> {
        let mut used: HashSet<&str> = HashSet::new();
        for l in &self.locations {
            if let Some(Pstn::Premises { route_id, .. }) = &l.pstn {
                used.insert(route_id.as_str());
            }
        }
        for g in &self.route_groups {
            for (t, _) in &g.members {
                used.insert(t.as_str());
            }
        }
        for d in &self.dial_plans {
            used.insert(d.route_id.as_str());
        }
        for (_, t) in &self.call_to_extension {
            used.insert(t.as_str());
        }
        used
    }

    /// Locations whose PSTN goes through the trunk, directly or through a route group.
    pub fn locations_using_trunk(&self, trunk_id: &str) -> Vec<&Location> {
        let groups: Vec<&str> = self
            .route_groups
            .iter()
            .filter(|g| g.members.iter().any(|(t, _)| t == trunk_id))
            .map(|g| g.id.as_str())
            .collect();
        self.locations
            .iter()
            .filter(|l| match &l.pstn {
                Some(Pstn::Premises {
                    route: RouteKind::Trunk,
                    route_id,
                }) => route_id == trunk_id,
                Some(Pstn::Premises {
                    route: RouteKind::RouteGroup,
                    route_id,
                }) => groups.contains(&route_id.as_str()),
                _ => false,
            })
            .collect()
    }

    /// True when a location's PSTN, a dial plan or calls to extensions go through the group.
    pub fn route_group_in_use(&self, group_id: &str) -> bool {
        !(self.locations_using_route_group(group_id).is_empty()
            && self.trunk_dial_plans(group_id).is_empty()
            && self.trunk_call_to_extension(group_id).is_empty())
    }

    /// Locations whose PSTN connection goes through the route group.
    pub fn locations_using_route_group(&self, group_id: &str) -> Vec<&Location> {
        self.locations
            .iter()
            .filter(|l| {
                matches!(&l.pstn, Some(Pstn::Premises { route: RouteKind::RouteGroup, route_id }) if route_id == group_id)
            })
            .collect()
    }
}

/// Everything that a reset puts back.
pub struct Sim {
    pub seed: Seed,
    pub db: Db,
    pub faults: Vec<Fault>,
    pub exchanges: Vec<Exchange>,
    /// Writes allowed per token and second (`None`: no limit).
    pub write_limit: WriteLimit,
}

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Mutex<Sim>>,
    pub config: Arc<Config>,
    pub recorder: Option<Arc<Recorder>>,
    /// How long every `/v1` answer waits (`--latency-ms`, changed by `POST /_sim/latency`).
    pub latency_ms: Arc<std::sync::atomic::AtomicU64>,
}

impl AppState {
    pub fn new(config: Config) -> std::io::Result<Self> {
        let recorder = match &config.record {
            Some(path) => Some(Arc::new(Recorder::open(path)?)),
            None => None,
        };
        let sim = Sim {
            seed: config.seed,
            db: crate::seed::build(config.seed, config.quirks),
            faults: Vec::new(),
            exchanges: Vec::new(),
            write_limit: WriteLimit::new(config.write_limit),
        };
        Ok(AppState {
            inner: Arc::new(Mutex::new(sim)),
            latency_ms: Arc::new(config.latency_ms.into()),
            config: Arc::new(config),
            recorder,
        })
    }

    pub fn lock(&self) -> MutexGuard<'_, Sim> {
        // A panicking handler must not take the whole simulator down with a poisoned lock.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn reset(&self, seed: Option<Seed>) {
        let mut sim = self.lock();
        let seed = seed.unwrap_or(sim.seed);
        sim.seed = seed;
        sim.db = crate::seed::build(seed, self.config.quirks);
        sim.faults.clear();
        sim.exchanges.clear();
        sim.write_limit = WriteLimit::new(self.config.write_limit);
        self.set_latency(self.config.latency_ms);
    }

    /// How long every `/v1` answer waits now.
    pub fn latency(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.latency_ms.load(std::sync::atomic::Ordering::Relaxed))
    }

    pub fn set_latency(&self, ms: u64) {
        self.latency_ms
            .store(ms, std::sync::atomic::Ordering::Relaxed);
    }
}

/// What an admin chooses when creating a trunk; the rest Webex generates.
pub struct NewTrunk {
    pub org_id: String,
    pub name: String,
    pub location_id: String,
    pub trunk_type: TrunkType,
    pub device_type: String,
    pub password: String,
    pub dual_identity: bool,
    pub address: Option<String>,
    pub domain: Option<String>,
    pub port: Option<u32>,
    pub max_concurrent_calls: u32,
    pub p_charge_info: String,
}

impl Db {
    /// Builds a trunk with the generated fields Webex adds (OTG/DTG, line/port, SIP user, proxy).
    pub fn make_trunk(&mut self, new: NewTrunk) -> Trunk {
        let id = self.new_id("TRUNK");
        let prefix = trunk_prefix(&new.name);
        let user_no = self.rng.digits(5);
        let line_no = self.rng.digits(5);
        let sip_domain = self
            .org(&new.org_id)
            .map(|o| o.sip_domain.clone())
            .unwrap_or_default();
        let country = self
            .location(&new.location_id)
            .map(|l| l.address.country.clone())
            .unwrap_or_default();
        let registering = new.trunk_type == TrunkType::Registering;
        let sip_user = format!("{prefix}_cpapi{user_no}_LGU");
        Trunk {
            id,
            org_id: new.org_id,
            name: new.name,
            location_id: new.location_id,
            trunk_type: new.trunk_type,
            device_type: new.device_type,
            password: new.password,
            dual_identity: new.dual_identity,
            address: new.address,
            domain: new.domain,
            port: new.port,
            max_concurrent_calls: new.max_concurrent_calls,
            p_charge_info: new.p_charge_info,
            status: if registering { "OFFLINE" } else { "UNKNOWN" },
            otg_dtg_id: format!("{prefix}_cpapi{user_no}_lgu"),
            line_port: registering.then(|| format!("{prefix}_cpapi{line_no}_LGU@{sip_domain}")),
            pilot_user_id: registering.then(|| format!("{sip_user}@{sip_domain}")),
            sip_user: registering.then_some(sip_user),
            outbound_proxy: outbound_proxy_for(&country),
            quirk: Quirk::None,
            password_changes: 0,
            status_after: None,
        }
    }
}

/// The trunk name as Webex folds it into generated SIP identities: lower case, `_` separated.
fn trunk_prefix(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= 16 {
            break;
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        "lgw".to_string()
    } else {
        out
    }
}

fn outbound_proxy_for(country: &str) -> &'static str {
    match country {
        "GB" | "IE" | "DE" | "FR" | "NL" => "ams01.sipconnect-eu.bcld.webex.com",
        "AU" | "NZ" => "syd01.sipconnect-au.bcld.webex.com",
        "JP" => "nrt01.sipconnect-jp.bcld.webex.com",
        _ => "dfw03.sipconnect-us.bcld.webex.com",
    }
}
