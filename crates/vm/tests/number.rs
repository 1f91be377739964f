//! Tests for `moonlet_vm::number`: fixed cases whose expected values were taken from
//! `lua5.4`, and differential tests that run `lua5.4` on thousands of generated cases
//! (skipped, with a note on stderr, when `lua5.4` is not installed).

use std::process::Command;

use moonlet_vm::number::*;

fn nan(negative: bool) -> f64 {
    // Built from bits: a constant-folded 0.0/0.0 does not have the hardware's sign.
    f64::from_bits(if negative { 0xfff8_0000_0000_0000 } else { 0x7ff8_0000_0000_0000 })
}

#[test]
fn integer_division_and_modulo() {
    assert_eq!(int_floor_div(7, -2), Some(-4));
    assert_eq!(int_floor_div(-7, 2), Some(-4));
    assert_eq!(int_floor_div(7, 2), Some(3));
    assert_eq!(int_floor_div(-8, 2), Some(-4));
    assert_eq!(int_floor_div(i64::MIN, -1), Some(i64::MIN));
    assert_eq!(int_floor_div(i64::MIN, 1), Some(i64::MIN));
    assert_eq!(int_floor_div(5, 0), None);
    assert_eq!(int_mod(-7, 3), Some(2));
    assert_eq!(int_mod(7, -3), Some(-2));
    assert_eq!(int_mod(-6, 3), Some(0));
    assert_eq!(int_mod(i64::MIN, -1), Some(0));
    assert_eq!(int_mod(i64::MIN, i64::MAX), Some(i64::MAX - 1));
    assert_eq!(int_mod(5, 0), None);
    assert_eq!(int_fmod(-5, 3), Some(-2));
    assert_eq!(int_fmod(5, -3), Some(2));
    assert_eq!(int_fmod(i64::MIN, -1), Some(0));
    assert_eq!(int_fmod(1, 0), None);
    assert_eq!(int_add(i64::MAX, 1), i64::MIN);
    assert_eq!(int_sub(i64::MIN, 1), i64::MAX);
    assert_eq!(int_mul(i64::MIN, -1), i64::MIN);
    assert_eq!(int_neg(i64::MIN), i64::MIN);
}

#[test]
fn float_arithmetic() {
    assert_eq!(float_mod(-7.0, 3.0), 2.0);
    assert_eq!(float_mod(5.5, -2.0), -0.5);
    assert_eq!(float_mod(-5.5, 2.0), 0.5);
    assert_eq!(float_mod(5.0, f64::INFINITY), 5.0);
    assert_eq!(float_mod(-5.0, f64::INFINITY), f64::INFINITY);
    assert_eq!(float_mod(5.0, f64::NEG_INFINITY), f64::NEG_INFINITY);
    assert_eq!(float_mod(-5.0, f64::NEG_INFINITY), -5.0);
    assert!(float_mod(5.0, 0.0).is_nan());
    assert!(float_mod(f64::INFINITY, 2.0).is_nan());
    assert!(float_mod(0.0, -2.0) == 0.0 && float_mod(0.0, -2.0).is_sign_positive());
    assert!(float_mod(-0.0, 2.0).is_sign_negative());
    assert_eq!(float_floor_div(1.0, 0.0), f64::INFINITY);
    assert_eq!(float_floor_div(-1.0, 0.0), f64::NEG_INFINITY);
    assert!(float_floor_div(0.0, -1.0).is_sign_negative());
    assert!(float_floor_div(5.0, f64::INFINITY).is_sign_positive());
    assert!(float_floor_div(-5.0, f64::INFINITY).is_sign_negative());
    assert!(float_floor_div(f64::INFINITY, f64::INFINITY).is_nan());
    assert_eq!(float_pow(2.0, 2.0), 4.0);
    assert_eq!(float_pow(0.0, 0.0), 1.0);
    assert!(float_pow(-2.0, 0.5).is_nan());
    assert_eq!(float_div(1.0, 0.0), f64::INFINITY);
}

#[test]
fn shifts() {
    assert_eq!(shift_left(1, 64), 0);
    assert_eq!(shift_left(1, 63), i64::MIN);
    assert_eq!(shift_right(-1, 1), i64::MAX);
    assert_eq!(shift_left(1, -1), 0);
    assert_eq!(shift_right(2, -1), 4);
    assert_eq!(shift_right(-1, 64), 0);
    assert_eq!(shift_right(-1, 63), 1);
    assert_eq!(shift_left(1, i64::MIN), 0);
    assert_eq!(shift_right(1, i64::MIN), 0);
    assert_eq!(shift_left(-1, i64::MAX), 0);
    assert_eq!(shift_right(5, -64), 0);
}

#[test]
fn float_to_int_conversions() {
    assert_eq!(float_to_int_exact(3.0), Some(3));
    assert_eq!(float_to_int_exact(-0.0), Some(0));
    assert_eq!(float_to_int_exact(3.5), None);
    assert_eq!(float_to_int_exact(f64::INFINITY), None);
    assert_eq!(float_to_int_exact(nan(true)), None);
    assert_eq!(float_to_int_exact(9223372036854775808.0), None);
    assert_eq!(float_to_int_exact(-9223372036854775808.0), Some(i64::MIN));
    assert_eq!(float_to_int_floor(-3.5), Some(-4));
    assert_eq!(float_to_int_ceil(-3.5), Some(-3));
    assert_eq!(float_to_int_ceil(3.0000001), Some(4));
    assert_eq!(float_to_int_floor(1e300), None);
    assert_eq!(float_to_int_floor(nan(false)), None);
    assert_eq!(float_to_int(2.5, Rounding::Floor), Some(2));
}

#[test]
fn for_loops() {
    assert_eq!(for_limit_float(1, nan(true), 1), None);
    assert_eq!(for_limit_float(1, nan(true), -1), Some(i64::MIN)); // Lua runs this loop
    assert_eq!(for_limit_float(i64::MAX - 1, 1e100, 1), Some(i64::MAX));
    assert_eq!(for_limit_float(0, -1e100, 1), None);
    assert_eq!(for_limit_float(0, -1e100, -1), Some(i64::MIN));
    assert_eq!(for_limit_float(0, f64::NEG_INFINITY, -1), Some(i64::MIN));
    assert_eq!(for_count(i64::MAX - 1, i64::MAX, 1), Some(1));
    assert_eq!(for_count(i64::MAX, i64::MIN, i64::MIN), Some(1));
    assert_eq!(for_count(0, 0, 0), None);
}

#[test]
fn mixed_comparisons() {
    let two63 = 9223372036854775808.0;
    let two53 = 9007199254740992.0;
    assert!(lt_int_float(i64::MAX, two63));
    assert!(le_int_float(i64::MAX, two63));
    assert!(!eq_int_float(i64::MAX, two63));
    assert!(eq_int_float(i64::MIN, -two63));
    assert!(le_float_int(-two63, i64::MIN) && !lt_float_int(-two63, i64::MIN));
    assert!(lt_int_float((1 << 53) + 1, two53 + 2.0));
    assert!(!lt_int_float((1 << 53) + 1, two53));
    assert!(lt_float_int(two53, (1 << 53) + 1));
    assert!(!eq_int_float((1 << 53) + 1, two53));
    assert!(le_float_int(two53, (1 << 53) + 1));
    assert!(lt_int_float(i64::MAX, f64::INFINITY) && lt_float_int(f64::NEG_INFINITY, i64::MIN));
    for f in [nan(true), nan(false)] {
        for i in [0, 1, i64::MAX, i64::MIN] {
            assert!(!lt_int_float(i, f) && !le_int_float(i, f) && !eq_int_float(i, f));
            assert!(!lt_float_int(f, i) && !le_float_int(f, i));
        }
    }
}

#[test]
#[allow(clippy::approx_constant)] // 3.14159265358979 is a test value, not an attempt at pi
fn formatting_matches_lua() {
    let cases: &[(f64, &str)] = &[
        (0.1, "0.1"),
        (1.0 / 3.0, "0.33333333333333"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (1e15, "1e+15"),
        (1e16, "1e+16"),
        (123456789012345.0, "1.2345678901234e+14"),
        (9007199254740992.0, "9.007199254741e+15"),
        (9223372036854775808.0, "9.2233720368548e+18"),
        (-9223372036854775808.0, "-9.2233720368548e+18"),
        (1e-5, "1e-05"),
        (1e-4, "0.0001"),
        (5e-324, "4.9406564584125e-324"),
        (1.7976931348623157e308, "1.7976931348623e+308"),
        (100.0, "100.0"),
        (3.14159265358979, "3.1415926535898"),
        (-1.5e-10, "-1.5e-10"),
        (12345678901234.5, "12345678901234.0"), // a tie, rounded to even
        (0.5, "0.5"),
        (1e100, "1e+100"),
        (1e-300, "1e-300"),
        (123e-7, "1.23e-05"),
        (16777216.0, "16777216.0"),
        (4.0, "4.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (nan(true), "-nan"),
        (nan(false), "nan"),
    ];
    for &(f, want) in cases {
        assert_eq!(fmt_float(f), want, "fmt_float({f:e})");
    }
    assert_eq!(fmt_int(i64::MIN), "-9223372036854775808");
    assert_eq!(fmt_g(0.0, 0), "0");
    assert_eq!(fmt_g(2.5, 1), "2");
    assert_eq!(fmt_g(0.125, 2), "0.12");
    assert_eq!(fmt_g(123456.0, 6), "123456");
    assert_eq!(fmt_g(1234567.0, 6), "1.23457e+06");
    assert_eq!(fmt_g(9.9999999e-5, 3), "0.0001");
    let mut s = String::from("x=");
    write_float(&mut s, 2.0);
    assert_eq!(s, "x=2.0");
}

#[test]
fn string_conversions() {
    assert_eq!(str_to_int_base(b"ffffffffffffffffff", 16), Some(-1));
    assert_eq!(str_to_int_base(b"7fffffffffffffff", 16), Some(i64::MAX));
    assert_eq!(str_to_int_base(b"8000000000000000", 16), Some(i64::MIN));
    assert_eq!(str_to_int_base(b" -ff ", 16), Some(-255));
    assert_eq!(str_to_int_base(b"+ff", 16), Some(255));
    assert_eq!(str_to_int_base(b"- ff", 16), None);
    assert_eq!(str_to_int_base(b"ff\0", 16), None);
    assert_eq!(str_to_int_base(b"1e1", 10), None);
    assert_eq!(str_to_int_base(b"1.5", 10), None);
    assert_eq!(str_to_int_base(b"", 10), None);
    assert_eq!(str_to_int_base(b" ", 10), None);
    assert_eq!(str_to_int_base(b"-", 10), None);
    assert_eq!(str_to_int_base(b"z", 36), Some(35));
    assert_eq!(str_to_int_base(b"ZZ", 36), Some(1295));
    assert_eq!(str_to_int_base(b"12", 2), None);
    assert_eq!(str_to_int_base(b"99999999999999999999", 10), Some(7766279631452241919));
    assert_eq!(str_to_int_base(b"10", 1), None);
    assert_eq!(str_to_int_base(b"10", 37), None);
    assert_eq!(str_to_int_base("\u{e9}".as_bytes(), 36), None);
    assert_eq!(str_to_num(b"10"), Some(Numeral::Int(10)));
    assert_eq!(str_to_num(b"1e2"), Some(Numeral::Float(100.0)));
    assert_eq!(str_to_num(b"1\0"), None);
    assert_eq!(str_to_int_coerce(b" 0x10 "), Ok(16));
    assert_eq!(str_to_int_coerce(b"1e2"), Ok(100));
    assert_eq!(str_to_int_coerce(b"99999999999999999999"), Err(IntCoerceError::NoIntRepr));
    assert_eq!(str_to_int_coerce(b""), Err(IntCoerceError::NotNumber));
}

// ---------------------------------------------------------------------------------------
// Differential tests against lua5.4
// ---------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    fn int(&mut self) -> i64 {
        const SPECIAL: &[i64] = &[
            0,
            1,
            -1,
            2,
            -2,
            3,
            7,
            -7,
            i64::MAX,
            i64::MIN,
            i64::MAX - 1,
            i64::MIN + 1,
            1 << 53,
            (1 << 53) + 1,
            -(1 << 53),
            -(1 << 53) - 1,
            (1 << 53) - 1,
            1 << 62,
        ];
        match self.below(4) {
            0 => self.pick(SPECIAL),
            1 => self.next() as i64,
            2 => (self.next() as i64) >> self.below(64),
            _ => self.below(200) as i64 - 100,
        }
    }

    fn float(&mut self) -> f64 {
        const SPECIAL: &[f64] = &[
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            9007199254740992.0,
            9007199254740994.0,
            -9007199254740992.0,
            9223372036854775808.0,
            -9223372036854775808.0,
            9223372036854774784.0,
            -9223372036854774784.0,
            1e15,
            1e16,
            1e-5,
            1e-4,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.1,
            12345678901234.5,
            99999999999999.5,
            999999999999995.0,
            0.000099999999999995,
        ];
        match self.below(6) {
            0 => self.pick(SPECIAL),
            1 => f64::from_bits(self.next()),
            2 => self.int() as f64,
            3 => (self.below(2000) as f64 - 1000.0) / 8.0,
            4 => {
                let mantissa = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
                mantissa * 10f64.powi(self.below(60) as i32 - 30)
            }
            _ => nan(self.below(2) == 0),
        }
    }

    fn string(&mut self, alphabet: &[u8], max_len: u64) -> Vec<u8> {
        (0..self.below(max_len + 1)).map(|_| self.pick(alphabet)).collect()
    }
}

fn lua_int(i: i64) -> String {
    format!("0x{:x}", i as u64) // hex literals wrap, so this is exact for every i64
}

fn lua_float(f: f64) -> String {
    format!("F(0x{:x})", f.to_bits())
}

fn lua_str(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for &c in s {
        out.push_str(&format!("\\x{c:02x}"));
    }
    out.push('"');
    out
}

/// A float result as the Lua side prints it with `R`: its bits, or its text when NaN.
fn float_result(f: f64) -> String {
    if f.is_nan() {
        fmt_float(f)
    } else {
        (f.to_bits() as i64).to_string()
    }
}

/// Runs each case's Lua statement (which prints one line) in one `lua5.4` process and
/// compares the lines with the expected ones. Returns without checking if there is no lua5.4.
fn check_against_lua(name: &str, cases: &[(String, String)]) {
    let prelude = "local function F(b) return (string.unpack('<d', string.pack('<i8', b))) end\n\
                   local function R(x) if x ~= x then return tostring(x) end \
                   return (string.unpack('<i8', string.pack('<d', x))) end\n";
    let mut script = String::from(prelude);
    // One function per block of cases keeps every function well under Lua's limits.
    for chunk in cases.chunks(200) {
        script.push_str("do local function block()\n");
        for (stmt, _) in chunk {
            script.push_str(stmt);
            script.push('\n');
        }
        script.push_str("end block() end\n");
    }
    let path = std::env::temp_dir().join(format!("moonlet-number-{name}-{}.lua", std::process::id()));
    std::fs::write(&path, &script).expect("write the lua script");
    let output = Command::new("lua5.4").arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let Ok(output) = output else {
        eprintln!("lua5.4 not found: skipping the differential test {name}");
        return;
    };
    assert!(output.status.success(), "lua5.4 failed: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), cases.len(), "{name}: line count");
    let mismatches: Vec<String> = cases
        .iter()
        .zip(&lines)
        .filter(|((_, want), got)| want != *got)
        .take(20)
        .map(|((stmt, want), got)| format!("{stmt}\n    lua5.4: {got}\n    moonlet: {want}"))
        .collect();
    assert!(mismatches.is_empty(), "{name}: mismatches with lua5.4:\n{}", mismatches.join("\n"));
}

#[test]
fn lua_tostring_of_floats() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let cases: Vec<_> = (0..4000)
        .map(|_| {
            let f = rng.float();
            (format!("print({})", lua_float(f)), fmt_float(f))
        })
        .collect();
    check_against_lua("tostring", &cases);
}

#[test]
fn lua_format_g() {
    let mut rng = Rng(0x0bad_cafe_dead_beef);
    let cases: Vec<_> = (0..3000)
        .map(|_| {
            let f = rng.float();
            let p = rng.pick(&[0, 1, 2, 3, 5, 6, 10, 14, 16, 17, 20, 40, 99]);
            (format!("print(string.format('%.{p}g', {}))", lua_float(f)), fmt_g(f, p))
        })
        .collect();
    check_against_lua("format_g", &cases);
}

#[test]
fn lua_integer_operations() {
    let mut rng = Rng(0x5eed_0000_1111_2222);
    let mut cases = Vec::new();
    for _ in 0..3000 {
        let (a, b) = (rng.int(), rng.int());
        if b == 0 {
            continue;
        }
        let n = if rng.below(2) == 0 { rng.below(150) as i64 - 75 } else { rng.int() };
        let stmt = format!(
            "do local a, b, n = {}, {}, {} print(a // b, a % b, math.fmod(a, b), a << n, a >> n, a * b, a - b) end",
            lua_int(a),
            lua_int(b),
            lua_int(n)
        );
        let want = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            int_floor_div(a, b).unwrap_or_default(),
            int_mod(a, b).unwrap_or_default(),
            int_fmod(a, b).unwrap_or_default(),
            shift_left(a, n),
            shift_right(a, n),
            int_mul(a, b),
            int_sub(a, b)
        );
        cases.push((stmt, want));
    }
    check_against_lua("int_ops", &cases);
}

#[test]
fn lua_float_operations() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let cases: Vec<_> = (0..3000)
        .map(|_| {
            let (a, b) = (rng.float(), rng.float());
            let stmt = format!(
                "do local a, b = {}, {} print(R(a // b), R(a % b), R(a ^ b), R(a / b), R(math.fmod(a, b))) end",
                lua_float(a),
                lua_float(b)
            );
            let want = format!(
                "{}\t{}\t{}\t{}\t{}",
                float_result(float_floor_div(a, b)),
                float_result(float_mod(a, b)),
                float_result(float_pow(a, b)),
                float_result(float_div(a, b)),
                float_result(a % b)
            );
            (stmt, want)
        })
        .collect();
    check_against_lua("float_ops", &cases);
}

#[test]
fn lua_conversions_and_comparisons() {
    let mut rng = Rng(0x7777_8888_9999_aaaa);
    let mut cases = Vec::new();
    for _ in 0..4000 {
        let f = rng.float();
        let i = if rng.below(3) == 0 { f as i64 } else { rng.int() };
        let i = if rng.below(4) == 0 { i.wrapping_add(rng.below(5) as i64 - 2) } else { i };
        let stmt = format!(
            "do local i, f = {}, {} local fl, ce = math.floor(f), math.ceil(f) \
             print(i < f, i <= f, f < i, f <= i, i == f, math.tointeger(f), \
             math.type(fl), fl, math.type(ce), ce) end",
            lua_int(i),
            lua_float(f)
        );
        let rounded = |r: Option<i64>, fallback: f64| match r {
            Some(v) => format!("integer\t{v}"),
            None => format!("float\t{}", fmt_float(fallback)),
        };
        let want = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            lt_int_float(i, f),
            le_int_float(i, f),
            lt_float_int(f, i),
            le_float_int(f, i),
            eq_int_float(i, f),
            float_to_int_exact(f).map_or("nil".to_string(), |v| v.to_string()),
            rounded(float_to_int_floor(f), f.floor()),
            rounded(float_to_int_ceil(f), f.ceil()),
        );
        cases.push((stmt, want));
    }
    check_against_lua("compare", &cases);
}

#[test]
fn lua_for_loops() {
    let mut rng = Rng(0x4242_4242_1357_9bdf);
    let mut cases = Vec::new();
    for _ in 0..3000 {
        let init = rng.int();
        let step = match rng.below(3) {
            0 => rng.pick(&[1, -1, 2, -3, i64::MAX, i64::MIN]),
            1 => rng.int(),
            _ => rng.below(20) as i64 - 10,
        };
        if step == 0 {
            continue;
        }
        let limit = match rng.below(3) {
            0 => rng.float(),
            _ => init as f64 + (rng.below(400) as f64 - 200.0) / 8.0,
        };
        let stmt = format!(
            "do local c, last = 0, nil for i = {}, {}, {} do c = c + 1 last = i \
             if c >= 5 then break end end print(c, last) end",
            lua_int(init),
            lua_float(limit),
            lua_int(step)
        );
        let runs = for_limit_float(init, limit, step).and_then(|l| for_count(init, l, step));
        let want = match runs {
            None => "0\tnil".to_string(),
            Some(count) => {
                let n = count.min(4) as i64 + 1;
                format!("{n}\t{}", init.wrapping_add((n - 1).wrapping_mul(step)))
            }
        };
        cases.push((stmt, want));
    }
    check_against_lua("for", &cases);
}

#[test]
fn lua_string_conversions() {
    let mut rng = Rng(0x9999_0000_abcd_0123);
    let mut cases = Vec::new();
    for _ in 0..3000 {
        let s = rng.string(b" \t-+0123456789abcdefzZ.\x0b\0", 12);
        let base = rng.below(35) as u32 + 2;
        let want = str_to_int_base(&s, base).map_or("nil".to_string(), |v| v.to_string());
        cases.push((format!("print(tonumber({}, {base}))", lua_str(&s)), want));
    }
    for _ in 0..3000 {
        let s = rng.string(b"0123456789xXaAeEpP.+- \tn", 10);
        let num = match str_to_num(&s) {
            Some(Numeral::Int(i)) => format!("integer\t{i}"),
            Some(Numeral::Float(f)) => format!("float\t{}", fmt_float(f)),
            None => "nil\tnil".to_string(),
        };
        let coerced = match str_to_int_coerce(&s) {
            Ok(i) => i.to_string(),
            Err(IntCoerceError::NoIntRepr) => "norep".to_string(),
            Err(IntCoerceError::NotNumber) => "notnum".to_string(),
        };
        let stmt = format!(
            "do local s = {} local ok, e = pcall(string.sub, '', s) \
             print(math.type(tonumber(s)), tonumber(s), \
             ok and math.tointeger(s) or (e:find('no integer') and 'norep' or 'notnum')) end",
            lua_str(&s)
        );
        cases.push((stmt, format!("{num}\t{coerced}")));
    }
    check_against_lua("strings", &cases);
}
