//! Command line of `webex-sim`.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const USAGE: &str = "usage: webex-sim [--addr 127.0.0.1:8081] [--seed demo|large|empty] \
[--record FILE.jsonl] [--oauth-auto] [--no-quirks] [--write-limit N] [--latency-ms 300] [--serve-app DIR --app-addr 127.0.0.1:8080 [--app-base /tools/pstn/]]";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    Demo,
    Large,
    Empty,
}

impl Seed {
    pub fn parse(s: &str) -> Option<Seed> {
        match s {
            "demo" => Some(Seed::Demo),
            "large" => Some(Seed::Large),
            "empty" => Some(Seed::Empty),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Seed::Demo => "demo",
            Seed::Large => "large",
            Seed::Empty => "empty",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub seed: Seed,
    pub record: Option<PathBuf>,
    /// Authorize redirects at once instead of showing a consent page.
    pub oauth_auto: bool,
    pub serve_app: Option<PathBuf>,
    pub app_addr: SocketAddr,
    /// The path the app is served under (`--app-base /tools/pstn/`); `/` by default.
    pub app_base: String,
    /// Seed the live-org answer variants (206, `organization`, lower-case status) on a few
    /// trunks; `--no-quirks` makes those trunks answer like the others, strictly per the spec.
    pub quirks: bool,
    /// Every `/v1` answer (preflights included) waits this long, like a far-away Webex.
    pub latency_ms: u64,
    /// Writes each token may make per second before Webex-like 429s (`--write-limit N`);
    /// `None` (the default) is no limit. Tests turn it on with `POST /_sim/rate-limit`.
    pub write_limit: Option<u32>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8081)),
            seed: Seed::Demo,
            record: None,
            oauth_auto: false,
            serve_app: None,
            app_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            app_base: "/".into(),
            quirks: true,
            latency_ms: 0,
            write_limit: None,
        }
    }
}

impl Config {
    /// Parses the arguments after the program name; `Err` carries the message to print.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Config, String> {
        let mut config = Config::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
            };
            match flag.as_str() {
                "--addr" => config.addr = parse_addr(&value("--addr")?)?,
                "--app-addr" => config.app_addr = parse_addr(&value("--app-addr")?)?,
                "--app-base" => {
                    let v = value("--app-base")?;
                    if !v.starts_with('/') || v.contains(['?', '#', '\\']) || v.contains("//") {
                        return Err(format!("--app-base '{v}' is not a path like /tools/pstn/"));
                    }
                    config.app_base = v;
                }
                "--seed" => {
                    let v = value("--seed")?;
                    config.seed = Seed::parse(&v)
                        .ok_or_else(|| format!("unknown seed '{v}' (demo, large, empty)"))?;
                }
                "--record" => config.record = Some(PathBuf::from(value("--record")?)),
                "--serve-app" => config.serve_app = Some(PathBuf::from(value("--serve-app")?)),
                "--oauth-auto" => config.oauth_auto = true,
                "--no-quirks" => config.quirks = false,
                "--latency-ms" => config.latency_ms = parse_latency(&value("--latency-ms")?)?,
                "--write-limit" => {
                    let v = value("--write-limit")?;
                    let n: u32 = v
                        .parse()
                        .map_err(|_| format!("--write-limit '{v}' is not a number of writes"))?;
                    config.write_limit = (n > 0).then_some(n);
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                other => return Err(format!("unknown argument '{other}'\n{USAGE}")),
            }
        }
        Ok(config)
    }
}

/// The longest latency accepted: a minute.
pub const MAX_LATENCY_MS: u64 = 60_000;

pub fn parse_latency(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .ok()
        .filter(|ms| *ms <= MAX_LATENCY_MS)
        .ok_or_else(|| {
            format!("--latency-ms '{s}' is not a number of milliseconds from 0 to 60000")
        })
}

fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    s.parse()
        .map_err(|_| format!("'{s}' is not an address like 127.0.0.1:8081"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_every_flag() {
        let c = Config::from_args(args(
            "--addr 127.0.0.1:9000 --seed=large --record /tmp/x.jsonl --oauth-auto --serve-app dist --app-addr 127.0.0.1:9001 --app-base /tools/pstn/ --no-quirks --write-limit 5 --latency-ms 300",
        ))
        .unwrap();
        assert!(!c.quirks);
        assert_eq!(c.latency_ms, 300);
        assert_eq!(Config::default().latency_ms, 0);
        assert_eq!(c.write_limit, Some(5));
        assert_eq!(Config::default().write_limit, None);
        assert!(Config::default().quirks);
        assert_eq!(c.addr.port(), 9000);
        assert_eq!(c.seed, Seed::Large);
        assert!(c.oauth_auto);
        assert_eq!(c.app_addr.port(), 9001);
        assert_eq!(c.serve_app.unwrap().to_str(), Some("dist"));
        assert_eq!(c.app_base, "/tools/pstn/");
        assert_eq!(Config::default().app_base, "/");
    }

    #[test]
    fn rejects_unknown_flags_and_seeds() {
        assert!(Config::from_args(args("--nope")).is_err());
        assert!(Config::from_args(args("--seed huge")).is_err());
        assert!(Config::from_args(args("--app-base tools/pstn")).is_err());
        assert!(Config::from_args(args("--app-base //evil.example/")).is_err());
        assert!(Config::from_args(args("--addr")).is_err());
        assert!(Config::from_args(args("--latency-ms soon")).is_err());
        assert!(Config::from_args(args("--latency-ms 600000")).is_err());
        assert!(Config::from_args(args("--write-limit many")).is_err());
    }
}
