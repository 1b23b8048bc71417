//! Identifiers in the shapes Webex uses: base64 `ciscospark://` ids, `ROUTER_…` tracking ids,
//! and the generated strings of a registering trunk. Deterministic (xorshift) so seeds repeat.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine as _;

/// A small deterministic generator (xorshift64*): ids and passwords need variety, not secrecy.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(splitmix(seed) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A lowercase UUID-shaped string (version 4 layout).
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }

    /// `n` decimal digits, the first not zero.
    pub fn digits(&mut self, n: u32) -> String {
        let low = 10u64.pow(n - 1);
        (low + self.below(9 * low)).to_string()
    }
}

fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `base64("ciscospark://us/<KIND>/<uuid>")` without padding, as Webex ids are.
pub fn webex_id(kind: &str, uuid: &str) -> String {
    STANDARD_NO_PAD.encode(format!("ciscospark://us/{kind}/{uuid}"))
}

/// The kind (`TRUNK`, `LOCATION`, …) encoded in a Webex id, if it decodes.
pub fn id_kind(id: &str) -> Option<String> {
    let raw = STANDARD_NO_PAD
        .decode(id.trim_end_matches('='))
        .ok()
        .and_then(|b| String::from_utf8(b).ok())?;
    raw.strip_prefix("ciscospark://")?
        .split('/')
        .nth(1)
        .map(str::to_string)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The process start time and a fresh sequence number: together unique within and across runs.
fn unique() -> (u64, u64) {
    static START: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let start = *START.get_or_init(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    });
    (start, COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// An unguessable-looking, never repeated token string (issued access tokens, OAuth codes).
pub fn unique_token(prefix: &str) -> String {
    let (start, n) = unique();
    let a = splitmix(start ^ n.rotate_left(32));
    let b = splitmix(a ^ n);
    format!("{prefix}{a:016x}{b:016x}{n:x}")
}

/// A fresh `ROUTER_…` tracking id, unique within and across runs.
pub fn tracking_id() -> String {
    let (start, n) = unique();
    let a = splitmix(start ^ n.wrapping_mul(0x9E37_79B9));
    format!(
        "ROUTER_{:08X}-{:04X}-{:04X}-{:04X}-{:012X}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        n & 0xffff,
        (start.rotate_left(17) ^ n) & 0xffff_ffff_ffff
    )
}

/// An example SIP password: 16–20 characters with upper, lower, digit and special characters.
pub fn sip_password(rng: &mut Rng) -> String {
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
    const DIGIT: &[u8] = b"23456789";
    const SPECIAL: &[u8] = b"!#$%*+-=?@^_";
    let classes = [UPPER, LOWER, DIGIT, SPECIAL];
    let len = 16 + rng.below(5) as usize;
    let mut chars: Vec<u8> = (0..len)
        .map(|i| {
            let class = if i < classes.len() {
                classes[i]
            } else {
                classes[rng.below(4) as usize]
            };
            class[rng.below(class.len() as u64) as usize]
        })
        .collect();
    for i in (1..chars.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        chars.swap(i, j);
    }
    String::from_utf8(chars).expect("ascii")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webex_ids_decode_to_their_kind() {
        let mut rng = Rng::new(7);
        let id = webex_id("TRUNK", &rng.uuid());
        assert!(!id.ends_with('='));
        assert_eq!(id_kind(&id).as_deref(), Some("TRUNK"));
    }

    #[test]
    fn passwords_have_every_class() {
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            let p = sip_password(&mut rng);
            assert!(p.len() >= 16);
            assert!(p.bytes().any(|c| c.is_ascii_uppercase()));
            assert!(p.bytes().any(|c| c.is_ascii_lowercase()));
            assert!(p.bytes().any(|c| c.is_ascii_digit()));
            assert!(p.bytes().any(|c| !c.is_ascii_alphanumeric()));
        }
    }

    #[test]
    fn tracking_ids_are_unique() {
        let a = tracking_id();
        let b = tracking_id();
        assert!(a.starts_with("ROUTER_"));
        assert_ne!(a, b);
    }
}
