//! Tests of `json.rs` and `json_convert.rs`: the mapping both ways, `JsonData`'s nodes
//! (identity, laziness, traversal), and the errors.

use serde_json::json;

use crate::{Error, HostData, JsonData, Key, Lua, Value};

fn lua_with_input(doc: serde_json::Value) -> Lua {
    let mut lua = Lua::new();
    lua.set_input(JsonData::new(doc)).unwrap();
    lua
}

fn run(lua: &mut Lua, code: &str) -> Vec<Value> {
    match lua.compute(code) {
        Ok(values) => values,
        Err(e) => panic!("{code}: {e}"),
    }
}

fn text(s: &str) -> Value {
    Value::String(s.into())
}

#[test]
fn json_data_maps_objects_arrays_and_scalars() {
    let mut lua = lua_with_input(json!({
        "name": "moon", "ok": true, "nothing": null, "int": 42, "neg": -7,
        "big": 18446744073709551615u64, "float": 2.5, "whole_float": 3.0,
        "list": [10, 20, 30], "nested": { "deep": { "x": "y" } }
    }));
    let r = run(&mut lua, "local i = _io.input return i.name, i.ok, i.nothing, i.int, math.type(i.neg)");
    assert_eq!(r, [text("moon"), Value::Boolean(true), Value::Nil, Value::Integer(42), text("integer")]);
    let r = run(
        &mut lua,
        "local i = _io.input return math.type(i.big), i.big, i.float, math.type(i.whole_float)",
    );
    assert_eq!(r, [text("float"), Value::Number(18446744073709551615.0), Value::Number(2.5), text("float")]);
    let r = run(&mut lua, "local l = _io.input.list return #l, l[1], l[3], l[0], l[4], l['1'], type(l)");
    let expected =
        [Value::Integer(3), Value::Integer(10), Value::Integer(30), Value::Nil, Value::Nil, Value::Nil];
    assert_eq!(r[..6], expected);
    assert_eq!(r[6], text("table"));
    let r = run(&mut lua, "return _io.input.nested.deep.x, _io.input.missing, _io.input[1]");
    assert_eq!(r, [text("y"), Value::Nil, Value::Nil]);
}

#[test]
fn json_data_nodes_keep_their_identity() {
    let mut lua = lua_with_input(json!({ "a": { "b": [1, { "c": 1 }] }, "d": [[], []] }));
    let r = run(
        &mut lua,
        r#"local i = _io.input
        local seen = {}
        seen[i.a] = true
        seen[i.a.b[2]] = true
        return i.a == i.a, i.a.b == i.a.b, i.a.b[2] == i.a.b[2], i.d[1] ~= i.d[2],
            seen[i.a] and seen[i.a.b[2]], rawequal(i.a, i.a)"#,
    );
    assert!(r.iter().all(|v| *v == Value::Boolean(true)), "{r:?}");
    // The same node from the host's side, read twice, is the same handle target.
    let first: Value = lua.load("return _io.input.a").eval().unwrap();
    let second: Value = lua.load("return _io.input.a").eval().unwrap();
    assert_eq!(first, second);
}

#[test]
fn json_data_gives_ids_only_to_the_nodes_visited() {
    let items: Vec<serde_json::Value> = (0..1000).map(|i| json!({ "id": i, "tags": ["t"] })).collect();
    let data = JsonData::new(json!({ "items": items }));
    assert_eq!(data.nodes_visited(), 0);
    // `items` is node 1; reading the 3rd item's `id` gives it an id too, and again the same.
    let items = data.get(0, Key::Str(b"items"));
    let crate::HostValue::Node(items) = items else { panic!("{items:?}") };
    let third = data.get(items, Key::Int(3));
    assert_eq!(data.get(items, Key::Int(3)), third);
    let crate::HostValue::Node(third) = third else { panic!() };
    assert_eq!(data.get(third, Key::Str(b"id")), crate::HostValue::Int(2));
    assert_eq!(data.nodes_visited(), 2);
    assert_eq!(data.len(items), 1000);
    // Reading scalars of every item gives one id per item, none for their `tags`.
    let mut lua = Lua::new();
    lua.set_input(data).unwrap();
    let r = run(&mut lua, "local s = 0 for _, it in ipairs(_io.input.items) do s = s + it.id end return s");
    assert_eq!(r, [Value::Integer(499_500)]);
}

#[test]
fn json_data_traverses_in_order_skipping_nulls() {
    let mut lua = lua_with_input(json!({ "list": [1, null, 3, null], "obj": { "b": 1, "a": null, "c": 2 } }));
    let r = run(
        &mut lua,
        r#"local l, o = _io.input.list, _io.input.obj
        local keys = {}
        for k, v in pairs(l) do keys[#keys + 1] = k .. '=' .. v end
        for k, v in pairs(o) do keys[#keys + 1] = k .. '=' .. v end
        local n = 0 for _ in ipairs(l) do n = n + 1 end
        return table.concat(keys, ' '), #l, n, next(_io.input.list, 4)"#,
    );
    // serde_json's map is ordered by key (without its `preserve_order` feature).
    assert_eq!(r, [text("1=1 3=3 b=1 c=2"), Value::Integer(3), Value::Integer(1), Value::Nil]);
    let mut lua = lua_with_input(json!([null, null]));
    assert_eq!(run(&mut lua, "return #_io.input, next(_io.input)"), [Value::Integer(0), Value::Nil]);
}

#[test]
fn json_data_traverses_large_objects_in_nested_loops() {
    let object = |n: usize, tag: &str| {
        let map: serde_json::Map<String, serde_json::Value> =
            (0..n).map(|i| (format!("{tag}{i:03}"), json!(i))).collect();
        serde_json::Value::Object(map)
    };
    // More objects than key orders kept, each larger than a scan, traversed interleaved.
    let outer: serde_json::Map<String, serde_json::Value> =
        (0..12).map(|i| (format!("o{i:02}"), object(40, &format!("k{i}_")))).collect();
    let mut lua = lua_with_input(serde_json::Value::Object(outer));
    let r = run(
        &mut lua,
        r#"local count, sum, last = 0, 0, ''
        for name, inner in pairs(_io.input) do
            for k, v in pairs(inner) do
                for k2, v2 in pairs(_io.input.o00) do sum = sum + v2 end
                assert(k > last or k:sub(1, 3) ~= last:sub(1, 3), k .. ' after ' .. last)
                last = k
                count = count + 1
                sum = sum + v
            end
        end
        return count, sum"#,
    );
    let per_object: i64 = (0..40).sum();
    assert_eq!(r, [Value::Integer(480), Value::Integer(12 * per_object + 480 * per_object)]);
}

#[test]
fn json_data_is_read_only_and_scalars_stay_scalars() {
    let mut lua = lua_with_input(json!({ "a": 1 }));
    let err = lua.compute("_io.input.a = 2").unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    for (doc, expected) in [
        (json!(5), Value::Integer(5)),
        (json!("s"), text("s")),
        (json!(null), Value::Nil),
        (json!(false), Value::Boolean(false)),
    ] {
        let mut lua = lua_with_input(doc);
        assert_eq!(run(&mut lua, "return _io.input"), [expected]);
    }
    // Host data answers nil, 0 and None for nodes and keys it does not know.
    let data = JsonData::new(json!({ "a": [1] }));
    assert_eq!(data.get(99, Key::Int(1)), crate::HostValue::Nil);
    assert_eq!(data.len(99), 0);
    assert_eq!(data.next(99, None), None);
    assert_eq!(data.get(0, Key::Str(b"\xff")), crate::HostValue::Nil);
    assert_eq!(data.next(0, Some(Key::Str(b"zz"))), None);
    assert_eq!(data.next(0, Some(Key::Int(1))), None);
}

#[test]
fn json_values_are_copied_into_external_tables() {
    let mut lua = Lua::new();
    let doc = json!({ "n": 1, "list": [1, null, { "x": [true] }], "s": "é", "f": 1.0, "gone": null });
    lua.set_input(doc.clone()).unwrap();
    let r = run(
        &mut lua,
        r#"local i = _io.input
        i.n = i.n + 1
        -- With a hole at 2, both 1 and 3 are borders.
        local border = #i.list == 1 or #i.list == 3
        return i.n, border, i.list[2], i.list[3].x[1], i.s, math.type(i.f), i.gone, ext ~= nil"#,
    );
    let expected = [Value::Integer(2), Value::Boolean(true), Value::Nil, Value::Boolean(true), text("é")];
    assert_eq!(r[..5], expected);
    assert_eq!(r[5..], [text("float"), Value::Nil, Value::Boolean(true)]);
    // Copied tables are external tables: each has an id.
    let list: crate::Table = lua.load("return _io.input.list").eval().unwrap();
    assert!(list.id(&mut lua).unwrap().is_some());
    // Deeper than serde_json parses (128 levels; a deeper `serde_json::Value` takes
    // serde_json's own recursion to drop, so stay reasonable).
    let mut deep = json!(1);
    for _ in 0..300 {
        deep = json!([deep]);
    }
    lua.set_input(&deep).unwrap();
    let r = run(&mut lua, "local t = _io.input for i = 1, 300 do t = t[1] end return t");
    assert_eq!(r, [Value::Integer(1)]);
}

#[test]
fn lua_values_become_json() {
    let mut lua = Lua::new();
    let mut json_of = |code: &str| {
        let v: Value = lua.load(code).eval().unwrap();
        lua.to_json(&v)
    };
    assert_eq!(json_of("return nil").unwrap(), json!(null));
    assert_eq!(json_of("return 3, 4").unwrap(), json!(3));
    assert_eq!(json_of("return 2^53").unwrap(), json!(9007199254740992.0));
    assert_eq!(json_of("return {}").unwrap(), json!([]));
    assert_eq!(json_of("return {1, 'a', false, {}}").unwrap(), json!([1, "a", false, []]));
    assert_eq!(json_of("return {[2] = 'b', [1] = 'a'}").unwrap(), json!(["a", "b"]));
    // Keys that are not exactly 1..n make an object.
    assert_eq!(json_of("return {[2] = 'b'}").unwrap(), json!({ "2": "b" }));
    assert_eq!(json_of("return {[0] = 0, 1}").unwrap(), json!({ "0": 0, "1": 1 }));
    assert_eq!(
        json_of("return {[true] = 1, [-1.5] = 2, [1e100] = 3}").unwrap(),
        json!({ "true": 1, "-1.5": 2, "1e+100": 3 })
    );
    // External tables, shared or not, and host data.
    let v = json_of("local e = ext.table() e.x = {1, 2} return { a = e, b = e }").unwrap();
    assert_eq!(v, json!({ "a": { "x": [1, 2] }, "b": { "x": [1, 2] } }));
    let mut lua = lua_with_input(json!({ "k": [1, { "z": null, "y": 2.5 }], "e": {} }));
    let v: Value = lua.load("_io.output = { echo = _io.input } return _io.output").eval().unwrap();
    assert_eq!(lua.to_json(&v).unwrap(), json!({ "echo": { "k": [1, { "y": 2.5 }], "e": [] } }));
    assert_eq!(lua.output_json().unwrap(), json!({ "echo": { "k": [1, { "y": 2.5 }], "e": [] } }));
    lua.clear_io().unwrap();
    assert_eq!(lua.output_json().unwrap(), json!(null));
}

#[test]
fn lua_values_without_a_json_form_are_errors_naming_the_key() {
    let mut lua = Lua::new();
    let mut error_of = |code: &str| {
        let v: Value = lua.load(code).eval().unwrap();
        match lua.to_json(&v) {
            Err(e @ Error::Conversion { .. }) => e.to_string(),
            other => panic!("{code}: {other:?}"),
        }
    };
    assert_eq!(error_of("return print"), "cannot convert a function to JSON");
    assert_eq!(
        error_of("return { a = { b = { print } } }"),
        "cannot convert a function to JSON: field 'a.b[1]'"
    );
    assert_eq!(
        error_of("return { co = coroutine.create(print) }"),
        "cannot convert a thread to JSON: field 'co'"
    );
    assert_eq!(
        error_of("return { x = { 0/0 } }"),
        "cannot convert a number to JSON: NaN and infinities have no JSON form (field 'x[1]')"
    );
    assert_eq!(
        error_of("return { n = math.huge }"),
        "cannot convert a number to JSON: NaN and infinities have no JSON form (field 'n')"
    );
    assert_eq!(
        error_of("local t = { a = {} } t.a.back = t return t"),
        "cannot convert a table to JSON: it contains itself (field 'a.back')"
    );
    assert_eq!(
        error_of("return { s = '\\xff' }"),
        "cannot convert a string to JSON: not valid UTF-8 (field 's')"
    );
    assert_eq!(
        error_of("return { [{}] = 1 }"),
        "cannot convert a table to JSON: a table key must be a string, number or boolean (field '[table]')"
    );
    assert_eq!(
        error_of("return { [1] = 'a', ['1'] = 'b', x = 1 }").split(" (field").next(),
        Some("cannot convert a table to JSON: two keys are both written as this one")
    );
    // External tables may hold cycles: writing one out is an error too.
    assert_eq!(
        error_of("local e = ext.table() e.self = e return e"),
        "cannot convert a table to JSON: it contains itself (field 'self')"
    );
}

#[test]
fn json_parse_errors_have_a_position() {
    match crate::parse_json("{\"a\": 1,\n \"b\": }") {
        Err(Error::Json { message, line, column }) => {
            assert_eq!((message.as_str(), line, column), ("expected value", 2, 7));
        }
        other => panic!("{other:?}"),
    }
    let err = crate::parse_json("[1, 2").unwrap_err();
    assert_eq!(err.to_string(), "EOF while parsing a list at line 1 column 5");
    assert!(matches!(crate::parse_json("1 2"), Err(Error::Json { line: 1, column: 3, .. })));
    assert!(matches!(crate::parse_json(b"\"\xff\""), Err(Error::Json { .. })));
}

#[test]
fn serde_types_go_in_and_come_out() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Item {
        name: String,
        qty: u32,
        tags: Vec<String>,
        price: Option<f64>,
    }
    let mut lua = Lua::new();
    let items = vec![
        Item { name: "a".into(), qty: 2, tags: vec!["x".into()], price: Some(1.5) },
        Item { name: "b".into(), qty: 1, tags: vec![], price: None },
    ];
    lua.set_input(crate::Serde(&items)).unwrap();
    run(
        &mut lua,
        r#"local out = {}
        for i, item in ipairs(_io.input) do
            out[i] = { name = item.name:upper(), qty = item.qty * 10, tags = item.tags, price = item.price }
        end
        _io.output = out"#,
    );
    let back: Vec<Item> = lua.output_as().unwrap();
    assert_eq!(back[0], Item { name: "A".into(), qty: 20, tags: vec!["x".into()], price: Some(1.5) });
    assert_eq!(back[1], Item { name: "B".into(), qty: 10, tags: vec![], price: None });
    let err = lua.output_as::<String>().unwrap_err();
    assert!(matches!(err, Error::Conversion { to: "alloc::string::String", .. }), "{err:?}");
    // A map with keys that are not strings has no JSON form.
    let map = std::collections::BTreeMap::from([((1, 2), 3)]);
    assert!(matches!(lua.to_value(crate::Serde(map)), Err(Error::Conversion { .. })));
}
