//! External tables seen from scripts: `ext.table()`, indexing, assignment, `#`,
//! traversal, the raw functions and the table library, and what cannot be stored.

use std::io::Write;
use std::sync::{Arc, Mutex};

use moonlet_vm::OwnedState;

#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `code` in a new state; its output, or the error message.
fn run(code: &str) -> Result<String, String> {
    let mut vm = OwnedState::new();
    let sink = Sink::default();
    vm.set_output(Box::new(sink.clone()));
    let f = vm.load_text(code.as_bytes(), b"=test").map_err(|e| e.to_string())?;
    vm.call(&f, &[]).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&sink.0.lock().unwrap()).into_owned();
    Ok(text)
}

#[test]
fn an_external_table_reads_and_writes_like_a_table() {
    let out = run(r##"
        local t = ext.table()
        print(type(t), #t, tostring(t):match("^table: 0x") ~= nil, getmetatable(t))
        t.name = "moonlet"; t[1] = 10; t[2] = 20; t[#t + 1] = 30
        print(t.name, #t, t[3], t.missing, rawget(t, "name"), rawlen(t))
        local s = 0
        for i, v in ipairs(t) do s = s + i * v end
        local keys = {}
        for k in pairs(t) do keys[#keys + 1] = tostring(k) end
        table.sort(keys)
        print(s, table.concat(keys, ","), next(ext.table()))
        table.insert(t, 40)
        print(#t, table.concat(t, ","), table.remove(t), #t, select("#", table.unpack(t)))
        print(t == t, t ~= ext.table(), rawequal(t, t))
    "##)
    .unwrap();
    assert_eq!(
        out,
        "table\t0\ttrue\tnil\n\
         moonlet\t3\t30\tnil\tmoonlet\t3\n\
         140\t1,2,3,name\tnil\n\
         4\t10,20,30,40\t40\t3\t3\n\
         true\ttrue\ttrue\n"
    );
}

#[test]
fn lua_tables_are_copied_deeply_and_external_tables_by_reference() {
    let out = run(r##"
        local t = ext.table()
        local source = { a = 1, list = { 1, 2, { x = "y" } }, flag = true }
        t.nested = source
        source.a = 2
        print(t.nested.a, t.nested.list[3].x, t.nested.flag, rawequal(t.nested, source))
        local other = ext.table()
        t.ref = other
        other.x = 5
        t.ref2 = other
        print(t.ref.x, rawequal(t.ref, t.ref2))
        t.self = t
        print(rawequal(t.self.self, t))
    "##)
    .unwrap();
    assert_eq!(out, "1\ty\ttrue\tfalse\n5\ttrue\ntrue\n");
}

#[test]
fn what_cannot_be_stored_is_an_error_naming_the_key_path() {
    let out = run(r##"
        local t = ext.table()
        print(pcall(function() t.cb = print end))
        print(pcall(function() t.deep = { a = { 1, 2, coroutine.create(print) } } end))
        local cycle = {}
        cycle.again = { back = cycle }
        print(pcall(function() t.c = cycle end))
        print(pcall(function() t[{}] = 1 end))
        print(pcall(function() t.k = { [print] = 1 } end))
        print(pcall(function() t[nil] = 1 end))
        print(pcall(function() t[0 / 0] = 1 end))
        print(pcall(rawset, t, "f", print))
        print(pcall(setmetatable, t, {}))
        print(t.cb, t.deep, t.c, next(t))
    "##)
    .unwrap();
    assert_eq!(
        out,
        "false\ttest:3: cannot store a function in an external table (field 'cb')\n\
         false\ttest:4: cannot store a thread in an external table (field 'deep.a[3]')\n\
         false\ttest:7: cannot store a table with a cycle in an external table (field 'c.again.back')\n\
         false\ttest:8: cannot use a table as a key in an external table\n\
         false\ttest:9: cannot use a function as a key in an external table (field 'k[function]')\n\
         false\ttest:10: table index is nil\n\
         false\ttest:11: table index is NaN\n\
         false\tcannot store a function in an external table (field 'f')\n\
         false\tbad argument #1 to 'setmetatable' (external tables have no metatable)\n\
         nil\tnil\tnil\tnil\n"
    );
}

#[test]
fn external_tables_survive_collection_while_reachable() {
    let out = run(r##"
        local t = ext.table()
        for i = 1, 100 do t[i] = { n = i, s = "item" .. i } end
        collectgarbage()
        collectgarbage()
        local sum = 0
        for i = 1, #t do sum = sum + t[i].n end
        print(sum, t[100].s)
    "##)
    .unwrap();
    assert_eq!(out, "5050\titem100\n");
}
