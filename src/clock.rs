//! Time as the console records it: milliseconds since the epoch (the browser's clock), written
//! as ISO 8601 in UTC for reports and history, so that files from different admins line up.

/// Now, in milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `1764583453000.0` → `2025-12-01T10:04:13Z`.
pub fn iso8601(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A duration in words: `45 s`, `3 min 5 s`, `1 h 2 min`.
pub fn duration_words(seconds: u64) -> String {
    match seconds {
        0..=59 => format!("{seconds} s"),
        60..=3599 => format!("{} min {} s", seconds / 60, seconds % 60),
        _ => format!("{} h {} min", seconds / 3600, seconds % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_in_utc() {
        assert_eq!(iso8601(0.0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_764_583_453_999.0), "2025-12-01T10:04:13Z");
        assert_eq!(iso8601(951_782_400_000.0), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_798_761_599_000.0), "2026-12-31T23:59:59Z");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_words(0), "0 s");
        assert_eq!(duration_words(185), "3 min 5 s");
        assert_eq!(duration_words(3720), "1 h 2 min");
    }
}
