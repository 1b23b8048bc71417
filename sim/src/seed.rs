//! The seeded worlds: `demo` (a realistic org), `large` (scale), `empty` (nothing configured).
//! Everything is deterministic: the same seed always yields the same ids.

use crate::config::Seed;
use crate::ids::webex_id;
use crate::state::*;

pub const DEMO_ADMIN_TOKEN: &str = "demo-admin-token";
pub const DEMO_READONLY_TOKEN: &str = "demo-readonly-token";
pub const PARTNER_ADMIN_TOKEN: &str = "partner-admin-token";

pub const DEMO_ORG_NAME: &str = "Acme Telecom Demo";
pub const GLOBEX_ORG_NAME: &str = "Globex Retail";
pub const PARTNER_ORG_NAME: &str = "Northwind Partners";

const GEO_TOLLFREE: &[&str] = &["GEOGRAPHIC_NUMBERS", "TOLLFREE_NUMBERS"];

/// `quirks`: give three demo trunks the answer variants of live orgs (see `Quirk`).
pub fn build(seed: Seed, quirks: bool) -> Db {
    let mut db = Db::new(match seed {
        Seed::Demo => 0xDE70,
        Seed::Large => 0x1A26E,
        Seed::Empty => 0xE3F7,
    });
    let catalog = catalog(&mut db);
    db.options = catalog;

    let main_name = match seed {
        Seed::Large => "Acme Global (large)",
        _ => DEMO_ORG_NAME,
    };
    let main = add_org(
        &mut db,
        main_name,
        &["acme-demo.example", "example.com", "example.net"],
        "64941297.int10.bcld.webex.com",
    );
    let globex = add_org(
        &mut db,
        GLOBEX_ORG_NAME,
        &["globex.example", "example.org"],
        "71835520.int10.bcld.webex.com",
    );
    let partner = add_org(
        &mut db,
        PARTNER_ORG_NAME,
        &["northwind-partners.example"],
        "50372114.int10.bcld.webex.com",
    );

    let full_admin = webex_id("ROLE", "id_full_admin");
    let readonly_admin = webex_id("ROLE", "id_readonly_admin");
    let dana = add_person(
        &mut db,
        &main,
        "Dana",
        "Admin",
        "dana.admin@acme-demo.example",
        vec![],
        vec![full_admin.clone()],
    );
    let robin = add_person(
        &mut db,
        &main,
        "Robin",
        "Reader",
        "robin.reader@acme-demo.example",
        vec![],
        vec![readonly_admin],
    );
    let pat = add_person(
        &mut db,
        &partner,
        "Pat",
        "Partner",
        "pat.partner@northwind-partners.example",
        vec![main.clone(), globex.clone()],
        vec![full_admin],
    );
    add_token(&mut db, DEMO_ADMIN_TOKEN, &dana, ADMIN_SCOPES);
    add_token(&mut db, DEMO_READONLY_TOKEN, &robin, READ_SCOPES);
    let mut partner_scopes = ADMIN_SCOPES.to_vec();
    partner_scopes.push(ORGANIZATIONS_READ);
    add_token(&mut db, PARTNER_ADMIN_TOKEN, &pat, &partner_scopes);

    match seed {
        Seed::Demo => {
            demo_org(&mut db, &main);
            if !quirks {
                for trunk in &mut db.trunks {
                    trunk.quirk = Quirk::None;
                }
            }
            globex_org(&mut db, &globex);
        }
        Seed::Large => {
            alike_providers(&mut db);
            large_org(&mut db, &main);
            globex_org(&mut db, &globex);
        }
        Seed::Empty => {}
    }
    db
}

/// Cloud providers per country plus the local gateway option. Provider names are fictional,
/// except Cisco's own Calling Plan.
fn catalog(db: &mut Db) -> Vec<PstnOption> {
    let mut option = |name: &'static str,
                      kind: PstnKind,
                      services: &'static [&'static str],
                      countries: &'static [&'static str]| PstnOption {
        id: db.new_id("PSTN_CONNECTION_OPTION"),
        display_name: name,
        kind,
        services,
        countries,
    };
    vec![
        option(
            "Premises-based PSTN",
            PstnKind::LocalGateway,
            GEO_TOLLFREE,
            &[],
        ),
        option(
            "Meridian Voice",
            PstnKind::NonIntegratedCcp,
            GEO_TOLLFREE,
            &["US", "CA"],
        ),
        option(
            "Bluewave SIP",
            PstnKind::NonIntegratedCcp,
            &["GEOGRAPHIC_NUMBERS", "TOLLFREE_NUMBERS", "BUSINESS_TEXTING"],
            &["US"],
        ),
        option(
            "Cisco Calling Plan",
            PstnKind::CiscoPstn,
            GEO_TOLLFREE,
            &["US", "CA"],
        ),
        option(
            "Albion Telecom",
            PstnKind::NonIntegratedCcp,
            &["GEOGRAPHIC_NUMBERS", "NON_GEOGRAPHIC_NUMBERS"],
            &["GB", "IE"],
        ),
        option(
            "EuroLink Carrier",
            PstnKind::NonIntegratedCcp,
            &["GEOGRAPHIC_NUMBERS"],
            &["GB", "DE", "FR", "IE", "NL"],
        ),
        option(
            "Globalnet Integrated PSTN",
            PstnKind::IntegratedCcp,
            &[
                "GEOGRAPHIC_NUMBERS",
                "NON_GEOGRAPHIC_NUMBERS",
                "MOBILE_NUMBERS",
            ],
            &["GB", "DE", "FR"],
        ),
        option(
            "Southern Cross Voice",
            PstnKind::NonIntegratedCcp,
            GEO_TOLLFREE,
            &["AU", "NZ"],
        ),
        option(
            "Harbour SIP",
            PstnKind::NonIntegratedCcp,
            &["GEOGRAPHIC_NUMBERS"],
            &["AU"],
        ),
        option(
            "Worldwide SIP Exchange",
            PstnKind::NonIntegratedCcp,
            &["GEOGRAPHIC_NUMBERS"],
            &[],
        ),
    ]
}

fn add_org(db: &mut Db, name: &str, domains: &[&str], sip_domain: &str) -> String {
    let id = db.new_id("ORGANIZATION");
    db.orgs.push(Org {
        id: id.clone(),
        name: name.to_string(),
        verified_domains: domains.iter().map(|d| d.to_string()).collect(),
        sip_domain: sip_domain.to_string(),
        created: "2021-03-15T09:30:00.000Z".to_string(),
    });
    id
}

fn add_person(
    db: &mut Db,
    org: &str,
    first: &str,
    last: &str,
    email: &str,
    managed_orgs: Vec<String>,
    roles: Vec<String>,
) -> String {
    let id = db.new_id("PEOPLE");
    db.people.push(Person {
        id: id.clone(),
        org_id: org.to_string(),
        email: email.to_string(),
        first_name: first.to_string(),
        last_name: last.to_string(),
        managed_orgs,
        roles,
        created: "2021-03-15T09:42:11.000Z".to_string(),
    });
    id
}

fn add_token(db: &mut Db, token: &str, person: &str, scopes: &[&str]) {
    db.tokens.insert(
        token.to_string(),
        Token {
            person_id: person.to_string(),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            expires_at: None,
        },
    );
}

struct Site<'a> {
    name: &'a str,
    street: &'a str,
    city: &'a str,
    state: &'a str,
    postal: &'a str,
    country: &'a str,
    number: &'a str,
}

fn add_location(db: &mut Db, org: &str, site: &Site, calling: bool) -> String {
    let id = db.new_id("LOCATION");
    let (time_zone, language) = country_defaults(site.country, site.city);
    let index = db.locations.len();
    db.add_location(Location {
        id: id.clone(),
        org_id: org.to_string(),
        name: site.name.to_string(),
        calling,
        time_zone: time_zone.to_string(),
        language: language.to_string(),
        address: Address {
            address1: site.street.to_string(),
            city: site.city.to_string(),
            state: site.state.to_string(),
            postal_code: site.postal.to_string(),
            country: site.country.to_string(),
        },
        main_number: site.number.to_string(),
        routing_prefix: format!("{}", 100 + index % 900),
        outside_dial_digit: if site.country == "US" || site.country == "CA" {
            "9"
        } else {
            "0"
        }
        .to_string(),
        e911_setup_required: site.country == "US" && index % 4 == 3,
        pstn: None,
        premises: true,
    });
    id
}

fn country_defaults(country: &str, city: &str) -> (&'static str, &'static str) {
    match country {
        "US" => match city {
            "New York" | "Boston" => ("America/New_York", "en_us"),
            "Dallas" | "Chicago" | "Austin" => ("America/Chicago", "en_us"),
            "Denver" => ("America/Denver", "en_us"),
            _ => ("America/Los_Angeles", "en_us"),
        },
        "CA" => match city {
            "Vancouver" => ("America/Vancouver", "en_us"),
            _ => ("America/Toronto", "en_us"),
        },
        "GB" => ("Europe/London", "en_gb"),
        "IE" => ("Europe/Dublin", "en_gb"),
        "DE" => ("Europe/Berlin", "de_de"),
        "FR" => ("Europe/Paris", "fr_fr"),
        "NL" => ("Europe/Amsterdam", "nl_nl"),
        "AU" => match city {
            "Melbourne" => ("Australia/Melbourne", "en_us"),
            _ => ("Australia/Sydney", "en_us"),
        },
        "JP" => ("Asia/Tokyo", "ja_jp"),
        _ => ("UTC", "en_us"),
    }
}

fn registering(db: &mut Db, org: &str, name: &str, location: &str) -> usize {
    let trunk = db.make_trunk(NewTrunk {
        org_id: org.to_string(),
        name: name.to_string(),
        location_id: location.to_string(),
        trunk_type: TrunkType::Registering,
        device_type: CUBE.to_string(),
        password: "Seeded!Passw0rd".to_string(),
        dual_identity: false,
        address: None,
        domain: None,
        port: None,
        max_concurrent_calls: 250,
        p_charge_info: "DISABLED".to_string(),
    });
    db.trunks.push(trunk);
    db.trunks.len() - 1
}

#[allow(clippy::too_many_arguments)]
fn certificate(
    db: &mut Db,
    org: &str,
    name: &str,
    location: &str,
    device: &str,
    address: &str,
    domain: &str,
    calls: u32,
) -> usize {
    let trunk = db.make_trunk(NewTrunk {
        org_id: org.to_string(),
        name: name.to_string(),
        location_id: location.to_string(),
        trunk_type: TrunkType::CertificateBased,
        device_type: device.to_string(),
        password: "Seeded!Passw0rd".to_string(),
        dual_identity: true,
        address: Some(address.to_string()),
        domain: Some(domain.to_string()),
        port: Some(5061),
        max_concurrent_calls: calls,
        p_charge_info: "ASSERTED_IDENTITY".to_string(),
    });
    db.trunks.push(trunk);
    db.trunks.len() - 1
}

fn add_route_group(db: &mut Db, org: &str, name: &str, trunks: &[usize]) -> String {
    let id = db.new_id("ROUTE_GROUP");
    let members = trunks
        .iter()
        .enumerate()
        .map(|(i, &t)| (db.trunks[t].id.clone(), i as u32 + 1))
        .collect();
    db.route_groups.push(RouteGroup {
        id: id.clone(),
        org_id: org.to_string(),
        name: name.to_string(),
        members,
    });
    id
}

fn set_pstn(db: &mut Db, location: &str, pstn: Pstn) {
    let i = db.location_index[location];
    db.locations[i].pstn = Some(pstn);
}

fn provider(db: &Db, name: &str) -> Pstn {
    let option = db
        .options
        .iter()
        .find(|o| o.display_name == name)
        .expect("provider in the catalog");
    Pstn::Provider {
        option_id: option.id.clone(),
    }
}

fn premises(route: RouteKind, route_id: &str) -> Pstn {
    Pstn::Premises {
        route,
        route_id: route_id.to_string(),
    }
}

/// Acme Telecom Demo: 12 Calling locations in six countries (plus one without Calling),
/// six trunks, three route groups (one used by nothing), PSTN set on eight locations.
fn demo_org(db: &mut Db, org: &str) {
    let s = |name, street, city, state, postal, country, number| Site {
        name,
        street,
        city,
        state,
        postal,
        country,
        number,
    };
    let sites = [
        s(
            "San Jose HQ",
            "170 West Tasman Drive",
            "San Jose",
            "CA",
            "95134",
            "US",
            "+14085550100",
        ),
        s(
            "New York Office",
            "250 Park Avenue South",
            "New York",
            "NY",
            "10003",
            "US",
            "+12125550110",
        ),
        s(
            "Dallas Branch",
            "2200 Ross Avenue",
            "Dallas",
            "TX",
            "75201",
            "US",
            "+12145550120",
        ),
        s(
            "Chicago Sales",
            "233 South Wacker Drive",
            "Chicago",
            "IL",
            "60606",
            "US",
            "+13125550130",
        ),
        s(
            "Toronto Office",
            "181 Bay Street",
            "Toronto",
            "ON",
            "M5J 2T3",
            "CA",
            "+14165550140",
        ),
        s(
            "London Office",
            "10 Finsbury Square",
            "London",
            "England",
            "EC2A 1AF",
            "GB",
            "+442079460150",
        ),
        s(
            "Manchester Support",
            "1 Spinningfields",
            "Manchester",
            "England",
            "M3 3AP",
            "GB",
            "+441614960160",
        ),
        s(
            "Berlin Office",
            "Friedrichstrasse 68",
            "Berlin",
            "Berlin",
            "10117",
            "DE",
            "+493055550170",
        ),
        s(
            "Munich Lab",
            "Leopoldstrasse 180",
            "Munich",
            "Bavaria",
            "80804",
            "DE",
            "+498955550180",
        ),
        s(
            "Paris Office",
            "11 Rue Camille Desmoulins",
            "Paris",
            "Ile-de-France",
            "75011",
            "FR",
            "+33155550190",
        ),
        s(
            "Sydney Office",
            "201 Pacific Highway",
            "Sydney",
            "NSW",
            "2060",
            "AU",
            "+61255550200",
        ),
        s(
            "Melbourne Branch",
            "120 Collins Street",
            "Melbourne",
            "VIC",
            "3000",
            "AU",
            "+61355550210",
        ),
    ];
    let ids: Vec<String> = sites
        .iter()
        .map(|site| add_location(db, org, site, true))
        .collect();
    add_location(
        db,
        org,
        &s(
            "Austin Warehouse",
            "500 East 4th Street",
            "Austin",
            "TX",
            "78701",
            "US",
            "+15125550220",
        ),
        false,
    );
    let [sjc, nyc, dal, chi, _tor, lon, man, ber, _muc, par, syd, _mel] = &ids[..] else {
        unreachable!("twelve sites")
    };

    let t_sjc = registering(db, org, "SJC-CUBE-01", sjc);
    db.trunks[t_sjc].status = "ONLINE";
    let t_nyc1 = registering(db, org, "NYC-CUBE-01", nyc);
    db.trunks[t_nyc1].status = "ONLINE";
    let t_nyc2 = registering(db, org, "NYC-CUBE-02", nyc);
    db.trunks[t_nyc2].status = "ONLINE";
    db.trunks[t_nyc2].quirk = Quirk::LowercaseStatus;
    let t_lon = certificate(
        db,
        org,
        "LON-SBC-01",
        lon,
        CUBE,
        "sbc-lon1.example.com",
        "example.com",
        500,
    );
    db.trunks[t_lon].status = "ONLINE";
    db.trunks[t_lon].quirk = Quirk::OrganizationField;
    let t_ber = certificate(
        db,
        org,
        "BER-SBC-01",
        ber,
        "Oracle ACME Session Border Controller",
        "sbc-ber1.example.net",
        "example.net",
        1000,
    );
    db.trunks[t_ber].status = "ONLINE";
    db.trunks[t_ber].quirk = Quirk::Partial206;
    let t_man = registering(db, org, "MAN-CUBE-01", man);
    db.trunks[t_man].status = "OFFLINE";

    let rg_us = add_route_group(db, org, "RG-US-East", &[t_sjc, t_nyc1, t_nyc2]);
    let rg_emea = add_route_group(db, org, "RG-EMEA", &[t_lon, t_ber]);
    // Used by nothing: the one a demo can delete (MAN-CUBE-01 stays a trunk used by nothing).
    add_route_group(db, org, "RG-Standby", &[t_nyc2, t_ber]);

    let sjc_trunk = db.trunks[t_sjc].id.clone();
    let lon_trunk = db.trunks[t_lon].id.clone();
    // SJC-CUBE-01 is used in every way Webex counts; MAN-CUBE-01 by nothing.
    // A fixed id, so the seed's other ids stay as they were.
    db.dial_plans.push(DialPlan {
        id: webex_id("DIAL_PLAN", "5c0e1f52-3b7a-4d39-9a43-us-premises"),
        org_id: org.to_string(),
        name: "US Premises Dialing".to_string(),
        route_id: sjc_trunk.clone(),
    });
    db.call_to_extension
        .push((sjc.to_string(), sjc_trunk.clone()));
    set_pstn(db, sjc, premises(RouteKind::Trunk, &sjc_trunk));
    set_pstn(db, nyc, premises(RouteKind::RouteGroup, &rg_us));
    set_pstn(db, lon, premises(RouteKind::Trunk, &lon_trunk));
    set_pstn(db, ber, premises(RouteKind::RouteGroup, &rg_emea));
    // RG-EMEA is also used by a dial plan and by London's calls to extensions (fixed id again).
    db.dial_plans.push(DialPlan {
        id: webex_id("DIAL_PLAN", "8a41d7c3-6e2f-4b18-b0c5-emea-premises"),
        org_id: org.to_string(),
        name: "EMEA Premises Dialing".to_string(),
        route_id: rg_emea.clone(),
    });
    db.call_to_extension
        .push((lon.to_string(), rg_emea.clone()));
    let p = provider(db, "Meridian Voice");
    set_pstn(db, dal, p);
    let p = provider(db, "Southern Cross Voice");
    set_pstn(db, syd, p);
    let p = provider(db, "Cisco Calling Plan");
    set_pstn(db, chi, p);
    let p = provider(db, "Globalnet Integrated PSTN");
    set_pstn(db, par, p);
}

/// Globex Retail, the second customer of the partner: three locations, two trunks, one group.
fn globex_org(db: &mut Db, org: &str) {
    let den = add_location(
        db,
        org,
        &Site {
            name: "Globex Denver",
            street: "1700 Lincoln Street",
            city: "Denver",
            state: "CO",
            postal: "80203",
            country: "US",
            number: "+13035550300",
        },
        true,
    );
    add_location(
        db,
        org,
        &Site {
            name: "Globex Vancouver",
            street: "1055 West Georgia Street",
            city: "Vancouver",
            state: "BC",
            postal: "V6E 3P3",
            country: "CA",
            number: "+16045550310",
        },
        true,
    );
    let dub = add_location(
        db,
        org,
        &Site {
            name: "Globex Dublin",
            street: "2 Grand Canal Square",
            city: "Dublin",
            state: "Dublin",
            postal: "D02 A342",
            country: "IE",
            number: "+35315550320",
        },
        true,
    );
    let t_den = registering(db, org, "DEN-CUBE-01", &den);
    db.trunks[t_den].status = "ONLINE";
    let t_dub = certificate(
        db,
        org,
        "DUB-SBC-01",
        &dub,
        CUBE,
        "sbc.globex.example",
        "globex.example",
        300,
    );
    db.trunks[t_dub].status = "UNKNOWN";
    add_route_group(db, org, "RG-Globex", &[t_den, t_dub]);
    let den_trunk = db.trunks[t_den].id.clone();
    set_pstn(db, &den, premises(RouteKind::Trunk, &den_trunk));
    let p = provider(db, "Albion Telecom");
    set_pstn(db, &dub, p);
}

/// The name of the provider every country of the large seed offers under its own option id.
pub const ALIKE_PROVIDER: &str = "Worldwide SIP Exchange";

/// Like live orgs, where one provider is a different connection option in each country: the
/// large seed offers [`ALIKE_PROVIDER`] in every country, each with its own id.
fn alike_providers(db: &mut Db) {
    const ONE_COUNTRY: [&[&str]; 8] = [
        &["US"],
        &["GB"],
        &["DE"],
        &["AU"],
        &["CA"],
        &["FR"],
        &["IE"],
        &["JP"],
    ];
    for countries in ONE_COUNTRY {
        let id = db.new_id("PSTN_CONNECTION_OPTION");
        db.options.push(PstnOption {
            id,
            display_name: ALIKE_PROVIDER,
            kind: PstnKind::NonIntegratedCcp,
            services: &["GEOGRAPHIC_NUMBERS"],
            countries,
        });
    }
}

/// Whether location `i` of the large seed is offered no local gateway: one in ten, among those
/// on a provider or on nothing today (`Site 00008`, `Site 00015`, ...), so that a bulk move to
/// a gateway meets a few.
pub fn large_without_premises(i: usize) -> bool {
    matches!(i % 20, 7 | 14)
}

/// 10,000 locations, 2,000 trunks, 200 route groups of three trunks each.
fn large_org(db: &mut Db, org: &str) {
    const COUNTRIES: [(&str, &str, &str, &str); 8] = [
        ("US", "Springfield", "IL", "+1217555"),
        ("GB", "Reading", "England", "+44118496"),
        ("DE", "Hamburg", "Hamburg", "+4940555"),
        ("AU", "Brisbane", "QLD", "+61755550"),
        ("CA", "Ottawa", "ON", "+1613555"),
        ("FR", "Lyon", "Auvergne-Rhone-Alpes", "+33455550"),
        ("IE", "Cork", "Cork", "+35321555"),
        ("JP", "Osaka", "Osaka", "+8166555"),
    ];
    db.locations.reserve(10_000);
    db.location_index.reserve(10_000);
    for i in 0..10_000usize {
        let (country, city, state, prefix) = COUNTRIES[i % COUNTRIES.len()];
        let name = format!("Site {:05} {city}", i + 1);
        let street = format!("{} Main Street", 1 + i % 997);
        let postal = format!("{:05}", 10_000 + i);
        let number = format!("{prefix}{:04}", i % 10_000);
        add_location(
            db,
            org,
            &Site {
                name: &name,
                street: &street,
                city,
                state,
                postal: &postal,
                country,
                number: &number,
            },
            true,
        );
    }
    let first_location = db.locations.len() - 10_000;
    db.trunks.reserve(2_000);
    for t in 0..2_000usize {
        let location = db.locations[first_location + t * 5].id.clone();
        let name = format!("LGW-{:04}", t + 1);
        let index = if t % 3 == 2 {
            let address = format!("sbc{:04}.example.com", t + 1);
            certificate(
                db,
                org,
                &name,
                &location,
                CUBE,
                &address,
                "example.com",
                500,
            )
        } else {
            registering(db, org, &name, &location)
        };
        db.trunks[index].status = ["ONLINE", "ONLINE", "OFFLINE", "UNKNOWN"][t % 4];
    }
    let first_trunk = db.trunks.len() - 2_000;
    let mut groups = Vec::with_capacity(200);
    for g in 0..200usize {
        let members = [
            first_trunk + g * 3,
            first_trunk + g * 3 + 1,
            first_trunk + g * 3 + 2,
        ];
        groups.push(add_route_group(
            db,
            org,
            &format!("RG-{:03}", g + 1),
            &members,
        ));
    }
    let providers: Vec<(String, String)> = COUNTRIES
        .iter()
        .map(|(country, ..)| {
            let probe = db
                .options
                .iter()
                .find(|o| o.kind == PstnKind::NonIntegratedCcp && o.countries.contains(country))
                .or_else(|| db.options.iter().find(|o| o.countries.is_empty()))
                .expect("a provider for every country");
            (country.to_string(), probe.id.clone())
        })
        .collect();
    for i in 0..10_000usize {
        let pstn = match i % 4 {
            0 => Some(premises(
                RouteKind::Trunk,
                &db.trunks[first_trunk + (i / 4) % 2_000].id,
            )),
            1 => Some(premises(RouteKind::RouteGroup, &groups[i % 200])),
            2 => Some(Pstn::Provider {
                option_id: providers[i % COUNTRIES.len()].1.clone(),
            }),
            _ => None,
        };
        let location = &mut db.locations[first_location + i];
        location.pstn = pstn;
        location.premises = !large_without_premises(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn seeds_are_deterministic() {
        let a = build(Seed::Demo, true);
        let b = build(Seed::Demo, true);
        assert_eq!(a.trunks[0].id, b.trunks[0].id);
        assert_eq!(a.locations[3].id, b.locations[3].id);
    }

    #[test]
    fn large_seed_has_the_promised_scale() {
        let start = std::time::Instant::now();
        let db = build(Seed::Large, true);
        assert!(db.locations.len() >= 10_000);
        assert!(db.trunks.len() >= 2_000);
        assert!(db.route_groups.len() >= 200);
        assert!(start.elapsed().as_secs() < 3);
    }

    #[test]
    fn every_demo_location_has_a_gateway_and_a_cloud_option() {
        let db = build(Seed::Demo, true);
        for l in &db.locations {
            let options = db.options_for(l);
            assert!(options.iter().any(|o| o.kind == PstnKind::LocalGateway));
            let clouds = options
                .iter()
                .filter(|o| o.kind == PstnKind::NonIntegratedCcp)
                .count();
            assert!((1..=2).contains(&clouds), "{} has {clouds}", l.name);
        }
    }

    #[test]
    fn large_locations_have_options_some_without_a_gateway_and_providers_named_alike() {
        let db = build(Seed::Large, true);
        let large: Vec<&Location> = db
            .locations
            .iter()
            .filter(|l| l.name.starts_with("Site "))
            .collect();
        assert_eq!(large.len(), 10_000);
        let mut alike_ids = HashSet::new();
        let mut without_gateway = 0;
        for (i, l) in large.iter().enumerate() {
            let options = db.options_for(l);
            let gateway = options.iter().any(|o| o.kind == PstnKind::LocalGateway);
            assert_eq!(gateway, !large_without_premises(i), "{}", l.name);
            without_gateway += usize::from(!gateway);
            // A location without a gateway option is never on one.
            assert!(gateway || !matches!(l.pstn, Some(Pstn::Premises { .. })));
            let alike: Vec<_> = options
                .iter()
                .filter(|o| o.display_name == ALIKE_PROVIDER)
                .collect();
            assert_eq!(alike.len(), 1, "{}", l.name);
            alike_ids.insert(alike[0].id.clone());
        }
        assert_eq!(without_gateway, 1_000);
        assert_eq!(alike_ids.len(), 8, "one id per country");
    }
}
