//! The embedding API as a host uses it: states on threads, host functions and their
//! errors, handles, host data read in place and reclaimed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use moonlet::{Error, HostData, HostTable, HostValue, Key, Lua, Value};

#[test]
fn a_state_moves_to_another_thread() {
    let mut lua = Lua::new();
    lua.load("counter = 41").exec().unwrap();
    let t = lua.create_table();
    t.set(&mut lua, "k", "v").unwrap();
    let handle = std::thread::spawn(move || {
        lua.load("counter = counter + 1").exec().unwrap();
        let k: String = t.get(&mut lua, "k").unwrap();
        (lua.load("return counter").eval::<i64>().unwrap(), k)
    });
    assert_eq!(handle.join().unwrap(), (42, "v".to_owned()));
    // Many states at once, each on its own thread.
    let threads: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let mut lua = Lua::new();
                lua.load(format!("local s = 0 for j = 1, 10000 do s = s + j * {i} end return s"))
                    .eval::<i64>()
            })
        })
        .collect();
    for (i, t) in threads.into_iter().enumerate() {
        assert_eq!(t.join().unwrap().unwrap(), 50_005_000 * i as i64);
    }
}

#[test]
fn a_host_error_comes_back_as_the_source_of_a_callback_error() {
    let mut lua = Lua::new();
    let f = lua
        .create_function(|_, path: String| -> moonlet::Result<()> {
            Err(Error::external(std::io::Error::new(std::io::ErrorKind::NotFound, format!("no file {path}"))))
        })
        .unwrap();
    lua.globals().set(&mut lua, "open", f).unwrap();
    let err = lua.load("open('x.txt')").name("main").exec().unwrap_err();
    let Error::Callback { message, source, traceback } = &err else { panic!("{err:?}") };
    assert_eq!(message, "main:1: no file x.txt");
    assert!(source.downcast_ref::<std::io::Error>().is_some());
    assert!(traceback.as_deref().unwrap_or("").contains("stack traceback"));
    // Caught by the script, it is an ordinary Lua error.
    let caught: String = lua.load("local ok, e = pcall(open, 'y') return e").eval().unwrap();
    // (Called by `pcall`, a native function, it has no position: as `luaL_error`.)
    assert_eq!(caught, "no file y");
}

#[test]
fn host_function_arguments_are_checked_as_lua_checks_them() {
    let mut lua = Lua::new();
    let f = lua
        .create_function(|_, (a, b): (i64, Option<String>)| Ok(format!("{a}{}", b.unwrap_or_default())))
        .unwrap();
    lua.globals().set(&mut lua, "f", f).unwrap();
    assert_eq!(
        lua.load("return f(1, 'x'), f(2)").eval::<(String, String)>().unwrap(),
        ("1x".into(), "2".into())
    );
    let err = lua.load("f('a')").name("main").exec().unwrap_err();
    assert_eq!(err.to_string(), "main:1: bad argument #1 to 'f' (number expected, got string)");
    let err = lua.load("f()").name("main").exec().unwrap_err();
    assert_eq!(err.to_string(), "main:1: bad argument #1 to 'f' (number expected, got no value)");
    let err = lua.load("f(1.5)").name("main").exec().unwrap_err();
    assert_eq!(err.to_string(), "main:1: bad argument #1 to 'f' (number has no integer representation)");
}

#[test]
fn handles_of_one_state_are_refused_by_another() {
    let mut a = Lua::new();
    let mut b = Lua::new();
    let t = a.create_table();
    assert!(matches!(t.get::<Value>(&mut b, 1), Err(Error::WrongState)));
    assert!(matches!(b.set_input(t), Err(Error::WrongState)));
}

#[test]
fn a_handle_keeps_its_table_alive_and_dropping_it_lets_it_go() {
    let mut lua = Lua::new();
    let t: moonlet::Table = lua.load("return {1, 2, 3}").eval().unwrap();
    lua.collect_garbage();
    lua.load("for i = 1, 100 do local _ = {i} end").exec().unwrap();
    lua.collect_garbage();
    assert_eq!(t.len(&mut lua).unwrap(), 3);
    let before = lua.load("return collectgarbage('count')").eval::<f64>().unwrap();
    let big: moonlet::Table =
        lua.load("local t = {} for i = 1, 100000 do t[i] = i end return t").eval().unwrap();
    lua.collect_garbage();
    let held = lua.load("return collectgarbage('count')").eval::<f64>().unwrap();
    assert!(held > before + 500.0, "{before} {held}");
    drop(big);
    lua.collect_garbage();
    let after = lua.load("return collectgarbage('count')").eval::<f64>().unwrap();
    assert!(after < held - 500.0, "{held} {after}");
}

/// A host array of `n` integers that counts how often it is dropped.
struct Counted(i64, Arc<AtomicUsize>);

impl HostData for Counted {
    fn get(&self, node: u32, key: Key<'_>) -> HostValue<'_> {
        match (node, key) {
            (0, Key::Int(i)) if (1..=self.0).contains(&i) => HostValue::Node(i as u32),
            (n, Key::Str(b"value")) if n > 0 => HostValue::Int(i64::from(n) * 10),
            (n, Key::Str(b"name")) if n > 0 => HostValue::Str(b"item"),
            _ => HostValue::Nil,
        }
    }
    fn len(&self, node: u32) -> i64 {
        if node == 0 {
            self.0
        } else {
            0
        }
    }
    fn next(&self, node: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)> {
        if node != 0 {
            return match after {
                None => Some((Key::Str(b"value"), HostValue::Int(i64::from(node) * 10))),
                _ => None,
            };
        }
        let i = match after {
            None => 1,
            Some(Key::Int(i)) => i + 1,
            Some(_) => return None,
        };
        (i <= self.0).then_some((Key::Int(i), HostValue::Node(i as u32)))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.1.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn host_data_reads_in_place_and_is_dropped_once_unreachable() {
    let drops = Arc::new(AtomicUsize::new(0));
    let mut lua = Lua::new();
    lua.set_input_field("items", HostTable::new(Counted(5, drops.clone()))).unwrap();
    let out = lua
        .compute(
            r#"
        local items = _io.input.items
        local s, keys = 0, {}
        for i, it in ipairs(items) do s = s + it.value end
        for k, v in pairs(items[2]) do keys[#keys + 1] = k .. '=' .. v end
        local ok, e = pcall(function() items[1].value = 3 end)
        return s, #items, items[1] == items[1], items[1] ~= items[2], type(items[3]), items[3].name,
               table.concat(keys, ','), e, rawlen(items), select('#', next(items[1], 'value'))
    "#,
        )
        .unwrap();
    let text: Vec<String> = out.iter().map(|v| format!("{v:?}")).collect();
    assert_eq!(
        text.join(" "),
        "Integer(150) Integer(5) Boolean(true) Boolean(true) String(\"table\") String(\"item\") \
         String(\"value=20\") String(\"compute:6: external table is read-only (field 'value')\") Integer(5) Integer(1)"
    );
    lua.clear_io().unwrap();
    lua.collect_garbage();
    assert_eq!(drops.load(Ordering::SeqCst), 1);
}

#[test]
fn external_tables_in_a_cycle_are_reclaimed() {
    let mut lua = Lua::new();
    let base = lua.load("collectgarbage() return collectgarbage('count')").eval::<f64>().unwrap();
    lua.load(
        r#"
        for i = 1, 2000 do
            local a, b = ext.table(), ext.table()
            a.other = b; b.other = a; a.data = string.rep('x', 100) .. i
        end
    "#,
    )
    .exec()
    .unwrap();
    let after = lua.load("collectgarbage() return collectgarbage('count')").eval::<f64>().unwrap();
    assert!(after < base + 100.0, "{base} {after}");
}

#[test]
fn dropping_a_state_runs_its_pending_finalizers() {
    let out = moonlet::PrintBuffer::default();
    let mut lua = Lua::new();
    lua.set_print_sink(out.clone());
    lua.load("keep = setmetatable({}, { __gc = function() print('closed') end })").exec().unwrap();
    drop(lua);
    assert_eq!(out.take(), b"closed\n");
}

#[test]
fn host_data_set_as_input_is_written_once_as_external_tables() {
    use std::collections::HashMap;
    let mut lua = Lua::new();
    let rows: Vec<HashMap<&str, Vec<i64>>> =
        (0..3).map(|i| HashMap::from([("values", vec![i, i * 10]), ("empty", vec![])])).collect();
    lua.set_input_field("rows", rows).unwrap();
    // Every nested table is an external table (made as such, not a Lua table copied in),
    // so the whole input is plain data the host can read back without running code.
    let ids: Vec<bool> = lua
        .load(
            "local out = {}
             for _, row in ipairs(_io.input.rows) do out[#out + 1] = row.values[2] end
             return out[1], out[2], out[3], #_io.input.rows[1].empty",
        )
        .eval::<(i64, i64, i64, i64)>()
        .map(|r| vec![r == (0, 10, 20, 0)])
        .unwrap();
    assert_eq!(ids, [true]);
    let moonlet::Value::Table(input) = lua.input() else { panic!("no input") };
    let moonlet::Value::Table(rows) = input.get::<moonlet::Value>(&mut lua, "rows").unwrap() else {
        panic!()
    };
    let moonlet::Value::Table(row) = rows.get::<moonlet::Value>(&mut lua, 2).unwrap() else { panic!() };
    let moonlet::Value::Table(values) = row.get::<moonlet::Value>(&mut lua, "values").unwrap() else {
        panic!()
    };
    assert!(rows.id(&mut lua).unwrap().is_some());
    assert!(row.id(&mut lua).unwrap().is_some());
    assert!(values.id(&mut lua).unwrap().is_some());
    // Into a Lua table (a global), the same value is Lua tables.
    lua.globals().set(&mut lua, "plain", vec![vec![1, 2], vec![3]]).unwrap();
    let plain: moonlet::Table = lua.globals().get(&mut lua, "plain").unwrap();
    let inner: moonlet::Table = plain.get(&mut lua, 1).unwrap();
    assert_eq!((plain.id(&mut lua).unwrap(), inner.id(&mut lua).unwrap()), (None, None));
    assert_eq!(lua.load("return plain[1][2] + plain[2][1]").eval::<i64>().unwrap(), 5);
}
