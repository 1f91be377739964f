//! `_home` through the embedding API: it survives runs, keeps shared subtables and
//! cycles, copies host data, and refuses a corrupt store without touching it.

use moonlet::home::{FileStore, MemoryStore};
use moonlet::{Error, HostTable, Lua, Records, Value};

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("moonlet-home-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("state.home")
}

#[test]
fn a_counter_in_a_file_survives_three_runs() {
    let path = temp_path("counter");
    let mut seen = Vec::new();
    for _ in 0..3 {
        let mut lua = Lua::with_home(FileStore::new(&path)).unwrap();
        lua.load(
            r#"
            _home.runs = (_home.runs or 0) + 1
            local history = _home.history or ext.table()
            history[#history + 1] = "run " .. _home.runs
            _home.history = history
        "#,
        )
        .exec()
        .unwrap();
        seen.push(lua.load("return table.concat(_home.history, ',')").eval::<String>().unwrap());
        lua.save_home().unwrap();
    }
    assert_eq!(seen, ["run 1", "run 1,run 2", "run 1,run 2,run 3"]);
}

#[test]
fn shared_subtables_and_cycles_come_back_shared() {
    let store = MemoryStore::new();
    let mut lua = Lua::with_home(store.clone()).unwrap();
    lua.load(
        r#"
        local shared = ext.table()
        shared.name = "shared"
        _home.a = { link = shared, n = 1.5, flag = true, [3] = "three" }
        _home.b = shared
        _home.self = _home
        shared.back = _home
    "#,
    )
    .exec()
    .unwrap();
    lua.save_home().unwrap();
    let mut lua = Lua::with_home(store).unwrap();
    let r: (bool, bool, String, f64, bool, String, bool) = lua
        .load(
            r#"
        return _home.a.link == _home.b, _home.self == _home, _home.b.name, _home.a.n,
               _home.a.flag, _home.a[3], _home.b.back == _home
    "#,
        )
        .eval()
        .unwrap();
    assert_eq!(r, (true, true, "shared".into(), 1.5, true, "three".into(), true));
}

struct Item(i64);

impl moonlet::Record for Item {
    const FIELDS: &'static [&'static str] = &["id"];
    fn field(&self, _: usize) -> moonlet::HostValue<'_> {
        moonlet::HostValue::Int(self.0)
    }
}

#[test]
fn host_data_under_home_is_saved_as_a_copy() {
    let store = MemoryStore::new();
    let mut lua = Lua::with_home(store.clone()).unwrap();
    let home = lua.home();
    home.set(&mut lua, "items", HostTable::new(Records(vec![Item(7), Item(8)]))).unwrap();
    lua.save_home().unwrap();
    let mut lua = Lua::with_home(store).unwrap();
    let ids: String = lua
        .load("return _home.items[1].id .. ',' .. _home.items[2].id .. ',' .. #_home.items")
        .eval()
        .unwrap();
    assert_eq!(ids, "7,8,2");
}

#[test]
fn a_corrupt_file_is_an_error_and_is_left_alone() {
    let path = temp_path("corrupt");
    let mut lua = Lua::with_home(FileStore::new(&path)).unwrap();
    lua.load("_home.x = string.rep('x', 100)").exec().unwrap();
    lua.save_home().unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&path, &bytes).unwrap();
    let err = Lua::with_home(FileStore::new(&path)).err().unwrap();
    assert!(matches!(err, Error::Home(_)), "{err:?}");
    assert!(err.to_string().contains("state.home") && err.to_string().contains("corrupt"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // Truncated, the same.
    std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
    assert!(Lua::with_home(FileStore::new(&path)).is_err());
}

#[test]
fn what_cannot_persist_cannot_be_stored_and_home_without_store_is_still_a_table() {
    let mut lua = Lua::new();
    let err = lua.load("_home.f = print").name("main").exec().unwrap_err();
    assert_eq!(err.to_string(), "main:1: cannot store a function in an external table (field 'f')");
    assert_eq!(lua.load("return type(_home)").eval::<String>().unwrap(), "table");
    assert!(matches!(lua.save_home(), Err(Error::NoHomeStore)));
    assert!(matches!(lua.home().get::<Value>(&mut lua, "f").unwrap(), Value::Nil));
}
