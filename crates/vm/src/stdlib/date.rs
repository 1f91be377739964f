//! Calendar arithmetic and `strftime` for the `os` library, without libc.
//!
//! Owns the broken-down time ([`Tm`], as C's `struct tm`), converting seconds since the
//! epoch to it and back with C's normalisation (`gmtime`, `mktime`), and the conversions
//! `os.date` accepts, worded as glibc's `strftime` in the C locale. Times are UTC: moonlet
//! has no time-zone database, so local time is UTC too (as on a machine with `TZ=UTC`).
//! It knows nothing about Lua values; `os.rs` reads and builds those.

/// A broken-down time (C's `struct tm`, with the full year and a 1-based month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tm {
    pub(crate) year: i64,
    /// 1 to 12.
    pub(crate) month: i64,
    /// 1 to 31.
    pub(crate) day: i64,
    pub(crate) hour: i64,
    pub(crate) min: i64,
    pub(crate) sec: i64,
    /// Days since Sunday, 0 to 6.
    pub(crate) wday: i64,
    /// Days since January 1st, 0 to 365.
    pub(crate) yday: i64,
}

/// C's `struct tm` keeps `year - 1900` in an `int`: years outside this range cannot be
/// represented (`gmtime` and `mktime` fail).
const MIN_YEAR: i64 = i32::MIN as i64 + 1900;
const MAX_YEAR: i64 = i32::MAX as i64 + 1900;

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days from 1970-01-01 to `year-month-01` in the proleptic Gregorian calendar
/// (`month` 1 to 12). Counts in 400-year cycles of 146097 days from March 1st of year 0,
/// so that February (and its leap day) ends each counted year.
fn days_from_civil(year: i64, month: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let cycle = y.div_euclid(400);
    let year_of_cycle = y.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5;
    let day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    cycle * 146_097 + day_of_cycle - 719_468
}

/// The date `days` days after 1970-01-01: (year, month 1-12, day 1-31).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let cycle = z.div_euclid(146_097);
    let day_of_cycle = z.rem_euclid(146_097);
    let year_of_cycle =
        (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36_524 - day_of_cycle / 146_096) / 365;
    let day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = year_of_cycle + cycle * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `gmtime`: the broken-down UTC time of `t` seconds since the epoch; `None` when its
/// year does not fit C's `struct tm`.
pub(crate) fn gmtime(t: i64) -> Option<Tm> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    Some(Tm {
        year,
        month,
        day,
        hour: secs / 3600,
        min: secs / 60 % 60,
        sec: secs % 60,
        // 1970-01-01 was a Thursday.
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1),
    })
}

/// The fields `os.time` reads from its table (already checked to fit C's `int`).
pub(crate) struct Fields {
    pub(crate) year: i64,
    pub(crate) month: i64,
    pub(crate) day: i64,
    pub(crate) hour: i64,
    pub(crate) min: i64,
    pub(crate) sec: i64,
    pub(crate) isdst: bool,
}

/// `mktime` in UTC: out-of-range fields carry into the next larger unit (month 13 is
/// January of the next year, day 0 the last day of the previous month). A daylight-time
/// request moves the time back an hour, as glibc does in a zone without daylight time.
/// `None` when the result does not fit `time_t` or C's `struct tm`.
pub(crate) fn mktime(f: &Fields) -> Option<(i64, Tm)> {
    let months = f.month.checked_sub(1)?;
    let year = f.year.checked_add(months.div_euclid(12))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let days = i128::from(days_from_civil(year, months.rem_euclid(12) + 1)) + i128::from(f.day) - 1;
    let mut t = days * 86_400 + i128::from(f.hour) * 3600 + i128::from(f.min) * 60 + i128::from(f.sec);
    if f.isdst {
        t -= 3600;
    }
    let t = i64::try_from(t).ok()?;
    Some((t, gmtime(t)?))
}

/// Whether `spec` (the text after a `%`) starts with a conversion Lua accepts (C99's,
/// with the `E` and `O` modifiers where C99 allows them); its length if so.
pub(crate) fn conversion_len(spec: &[u8]) -> Option<usize> {
    const SINGLE: &[u8] = b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    const WITH_E: &[u8] = b"cCxXyY";
    const WITH_O: &[u8] = b"deHImMSuUVwWy";
    match spec {
        [b'E', c, ..] if WITH_E.contains(c) => Some(2),
        [b'O', c, ..] if WITH_O.contains(c) => Some(2),
        [c, ..] if SINGLE.contains(c) => Some(1),
        _ => None,
    }
}

const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The first three letters of a day or month name.
fn abbr(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// Days before the Monday that starts the ISO week-based year containing day `yday`
/// (weekday `wday`) of its calendar year: negative when that day belongs to the
/// previous ISO year. ISO week 1 is the week holding the year's first Thursday.
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    // A multiple of 7 large enough to keep the left operand of `%` positive.
    let offset = 378;
    yday - (yday - wday + 4 + offset) % 7 + 3
}

/// The ISO 8601 week-based year and week number (1 to 53) of `tm`.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let mut year = tm.year;
    let mut days = iso_week_days(tm.yday, tm.wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(tm.yday + 365 + i64::from(is_leap(year)), tm.wday);
    } else {
        let next = iso_week_days(tm.yday - 365 - i64::from(is_leap(year)), tm.wday);
        if next >= 0 {
            year += 1;
            days = next;
        }
    }
    (year, days / 7 + 1)
}

/// Appends conversion `spec` (one character, or `E`/`O` and one character, as accepted
/// by [`conversion_len`]) of `tm` to `out`. `utc` selects the zone name `%Z` shows:
/// `GMT` for `os.date("!...")`, `UTC` for local time (which is UTC in moonlet).
pub(crate) fn strftime(out: &mut Vec<u8>, spec: &[u8], tm: &Tm, utc: bool) {
    use std::io::Write;
    // The modifiers select alternative forms the C locale does not have.
    let conversion = match spec {
        [b'E' | b'O', c] => *c,
        [c] => *c,
        _ => return,
    };
    let day_name = DAYS.get(tm.wday as usize).copied().unwrap_or("?");
    let month_name = MONTHS.get((tm.month - 1) as usize).copied().unwrap_or("?");
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    // Writing to a Vec cannot fail.
    let _ = match conversion {
        b'a' => write!(out, "{}", abbr(day_name)),
        b'A' => write!(out, "{day_name}"),
        b'b' | b'h' => write!(out, "{}", abbr(month_name)),
        b'B' => write!(out, "{month_name}"),
        b'c' => {
            write!(
                out,
                "{} {} {:2} {:02}:{:02}:{:02} {}",
                abbr(day_name),
                abbr(month_name),
                tm.day,
                tm.hour,
                tm.min,
                tm.sec,
                tm.year
            )
        }
        b'C' => write!(out, "{}", tm.year.div_euclid(100)),
        b'd' => write!(out, "{:02}", tm.day),
        b'D' | b'x' => write!(out, "{:02}/{:02}/{:02}", tm.month, tm.day, tm.year.rem_euclid(100)),
        b'e' => write!(out, "{:2}", tm.day),
        b'F' => write!(out, "{}-{:02}-{:02}", tm.year, tm.month, tm.day),
        b'g' => write!(out, "{:02}", iso_week(tm).0.rem_euclid(100)),
        b'G' => write!(out, "{}", iso_week(tm).0),
        b'H' => write!(out, "{:02}", tm.hour),
        b'I' => write!(out, "{hour12:02}"),
        b'j' => write!(out, "{:03}", tm.yday + 1),
        b'm' => write!(out, "{:02}", tm.month),
        b'M' => write!(out, "{:02}", tm.min),
        b'n' => out.write_all(b"\n"),
        b'p' => write!(out, "{}", if tm.hour < 12 { "AM" } else { "PM" }),
        b'r' => {
            write!(out, "{hour12:02}:{:02}:{:02} {}", tm.min, tm.sec, if tm.hour < 12 { "AM" } else { "PM" })
        }
        b'R' => write!(out, "{:02}:{:02}", tm.hour, tm.min),
        b'S' => write!(out, "{:02}", tm.sec),
        b't' => out.write_all(b"\t"),
        b'T' | b'X' => write!(out, "{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
        b'u' => write!(out, "{}", if tm.wday == 0 { 7 } else { tm.wday }),
        b'U' => write!(out, "{:02}", (tm.yday + 7 - tm.wday) / 7),
        b'V' => write!(out, "{:02}", iso_week(tm).1),
        b'w' => write!(out, "{}", tm.wday),
        b'W' => write!(out, "{:02}", (tm.yday + 7 - (tm.wday + 6) % 7) / 7),
        b'y' => write!(out, "{:02}", tm.year.rem_euclid(100)),
        b'Y' => write!(out, "{}", tm.year),
        b'z' => write!(out, "+0000"),
        b'Z' => write!(out, "{}", if utc { "GMT" } else { "UTC" }),
        b'%' => write!(out, "%"),
        _ => Ok(()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: i64, format: &str) -> String {
        let tm = gmtime(t).unwrap();
        let mut out = Vec::new();
        let bytes = format.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let n = conversion_len(&bytes[i + 1..]).unwrap();
                strftime(&mut out, &bytes[i + 1..i + 1 + n], &tm, true);
                i += 1 + n;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn round_trips_days() {
        for days in (-800_000..800_000).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m) + d - 1, days);
        }
    }

    #[test]
    fn formats_like_glibc() {
        assert_eq!(show(0, "%c|%x|%X|%Z|%z|%C"), "Thu Jan  1 00:00:00 1970|01/01/70|00:00:00|GMT|+0000|19");
        assert_eq!(show(86400 * 365, "%Y-%m-%d %H:%M:%S %j"), "1971-01-01 00:00:00 001");
        // 2024-12-30 is in ISO week 1 of 2025.
        assert_eq!(show(1_735_516_800, "%a %G %g %V %U %W %u %w"), "Mon 2025 25 01 52 53 1 1");
        assert_eq!(show(-1, "%F %T %I %p %e"), "1969-12-31 23:59:59 11 PM 31");
    }

    #[test]
    fn normalises_like_mktime() {
        let f = Fields { year: 2000, month: 14, day: 40, hour: 25, min: -5, sec: 70, isdst: false };
        let (t, tm) = mktime(&f).unwrap();
        assert_eq!(t, 984_444_970);
        assert_eq!((tm.year, tm.month, tm.day, tm.hour, tm.min, tm.sec), (2001, 3, 13, 0, 56, 10));
        assert_eq!((tm.wday, tm.yday), (2, 71));
        assert!(gmtime(i64::MAX).is_none());
    }
}
