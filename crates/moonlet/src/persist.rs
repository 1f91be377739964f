//! `_home`: the external table that survives runs, between the VM and its store.
//!
//! Owns the `_home` global of every state (an empty external table until a store is
//! attached), attaching a [`HomeStore`] (load, then replace `_home` with what it held),
//! and saving: the tables reachable from `_home` become a [`Snapshot`] (shared
//! subtables and cycles as table references, host data walked and copied) that the
//! store writes atomically. A store whose contents do not load is never attached, so
//! a corrupt file cannot be overwritten by a later save. The format and the stores are
//! `home/`'s; this module must not encode bytes itself.

use std::collections::HashMap;

use moonlet_vm::{Raw, RawTable, Ref, Scope};

use crate::error::{Error, Result};
use crate::home::{load_snapshot, save_snapshot, HomeStore, Snapshot, Stored, StoredTable};
use crate::lua::{Ctx, Lua};
use crate::value::{Handle, Table};

/// The `_home` table the host keeps, and where it persists.
pub(crate) struct Home {
    pub(crate) table: Ref,
    pub(crate) store: Option<Box<dyn HomeStore>>,
}

impl Lua {
    /// A state (sandboxed libraries, as [`Lua::new`]) whose `_home` is loaded from
    /// `store`; [`Ctx::save_home`] writes it back. A store that holds nothing yet gives
    /// an empty `_home`; one whose contents do not decode is an error (and is left as
    /// it is).
    ///
    /// ```
    /// use moonlet::{home::MemoryStore, Lua};
    ///
    /// let store = MemoryStore::new();
    /// for run in 1..=3 {
    ///     let mut lua = Lua::with_home(store.clone()).unwrap();
    ///     let n: i64 = lua.load("_home.runs = (_home.runs or 0) + 1 return _home.runs").eval().unwrap();
    ///     assert_eq!(n, run);
    ///     lua.save_home().unwrap();
    /// }
    /// ```
    pub fn with_home(store: impl HomeStore + 'static) -> Result<Lua> {
        let mut lua = Lua::new();
        lua.attach_home(store)?;
        Ok(lua)
    }
}

impl Ctx {
    /// Loads `_home` from `store` and keeps the store for [`Ctx::save_home`]. The
    /// global `_home` becomes the loaded table. On error nothing changes.
    ///
    /// ```
    /// use moonlet::{home::MemoryStore, Lua};
    ///
    /// let mut lua = Lua::new();
    /// let corrupt = MemoryStore::with_bytes(b"not a home file".to_vec());
    /// let err = lua.attach_home(corrupt.clone()).unwrap_err();
    /// assert!(err.to_string().contains("is corrupt"), "{err}");
    /// assert_eq!(corrupt.bytes(), Some(b"not a home file".to_vec()));
    /// ```
    pub fn attach_home(&mut self, store: impl HomeStore + 'static) -> Result<()> {
        let mut store: Box<dyn HomeStore> = Box::new(store);
        let snapshot = load_snapshot(&mut store)?;
        let table = self.state().scope(|s| {
            let root = match &snapshot {
                Some(snapshot) => restore(s, snapshot)?,
                None => s.new_ext_table(),
            };
            s.set_global("_home", Raw::Table(root));
            Ok::<_, Error>(s.hold_table(root))
        })?;
        self.embedder().home = Some(Home { table, store: Some(store) });
        Ok(())
    }

    /// Writes `_home` (the table the state started with or loaded, whatever the global
    /// now names) to the attached store, atomically for a file store.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// assert!(matches!(lua.save_home(), Err(moonlet::Error::NoHomeStore)));
    /// ```
    pub fn save_home(&mut self) -> Result<()> {
        let root = self.home_root();
        let snapshot = self.state().scope(|s| match s.held(&root) {
            Ok(Raw::Table(root)) => snapshot(s, root),
            _ => Err(Error::WrongState),
        })?;
        match self.embedder().home.as_mut().and_then(|home| home.store.as_mut()) {
            Some(store) => Ok(save_snapshot(store, &snapshot)?),
            None => Err(Error::NoHomeStore),
        }
    }

    /// The `_home` table, as a handle.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// lua.load("_home.x = 1").exec().unwrap();
    /// let home = lua.home();
    /// assert_eq!(home.get::<i64>(&mut lua, "x").unwrap(), 1);
    /// ```
    pub fn home(&mut self) -> Table {
        Table(Handle(self.home_root()))
    }

    /// The `_home` table, made (empty, without a store) on first use.
    pub(crate) fn home_root(&mut self) -> Ref {
        if let Some(table) = self.embedder().home.as_ref().map(|h| h.table.clone()) {
            return table;
        }
        let table = self.state().scope(|s| {
            let root = s.new_ext_table();
            s.hold_table(root)
        });
        self.embedder().home = Some(Home { table: table.clone(), store: None });
        table
    }
}

/// The tables reachable from `root` as a snapshot: the root first, each other table
/// once (shared tables and cycles become references), breadth first.
fn snapshot<'s>(s: &mut Scope<'s>, root: RawTable<'s>) -> Result<Snapshot> {
    let mut index: HashMap<(usize, u32), u32> = HashMap::new();
    let mut queue = vec![root];
    let mut tables = Vec::new();
    index.insert(root.identity(), 0);
    while let Some(&table) = queue.get(tables.len()) {
        let mut stored = StoredTable::new(table.ext_id().unwrap_or(0));
        let mut key = Raw::Nil;
        // Keys come from the table itself, so `next` accepts each of them.
        while let Ok(Some((k, v))) = s.next(table, key) {
            let k_stored = stored_value(k, &mut index, &mut queue)?;
            let v_stored = stored_value(v, &mut index, &mut queue)?;
            stored.entries.push((k_stored, v_stored));
            key = k;
        }
        tables.push(stored);
    }
    Ok(Snapshot { tables })
}

fn stored_value<'s>(
    value: Raw<'s>,
    index: &mut HashMap<(usize, u32), u32>,
    queue: &mut Vec<RawTable<'s>>,
) -> Result<Stored> {
    Ok(match value {
        Raw::Nil => Stored::Nil,
        Raw::Bool(b) => Stored::Bool(b),
        Raw::Int(i) => Stored::Int(i),
        Raw::Float(f) => Stored::Float(f),
        Raw::Str(s) => Stored::Str(s.as_bytes().to_vec()),
        // External tables hold only plain values and external tables.
        Raw::Table(table) if table.ext_id().is_some() => {
            let next = u32::try_from(queue.len()).map_err(|_| Error::Conversion {
                from: "table",
                to: "home snapshot",
                message: "more than 2^32 tables".to_owned(),
            })?;
            let at = *index.entry(table.identity()).or_insert_with(|| {
                queue.push(table);
                next
            });
            Stored::Table(at)
        }
        other => {
            return Err(Error::Conversion {
                from: other.type_name(),
                to: "home snapshot",
                message: String::new(),
            })
        }
    })
}

/// Rebuilds the tables of a snapshot as external tables; the root.
fn restore<'s>(s: &mut Scope<'s>, snapshot: &Snapshot) -> Result<RawTable<'s>> {
    // Nothing runs or is collected in a scope, so the tables made here stay alive.
    let tables: Vec<RawTable<'s>> = snapshot.tables.iter().map(|_| s.new_ext_table()).collect();
    for (&table, stored) in tables.iter().zip(&snapshot.tables) {
        for (k, v) in &stored.entries {
            let k = restored(s, k, &tables);
            let v = restored(s, v, &tables);
            s.set(table, k, v).map_err(|message| Error::Runtime { message, traceback: None })?;
        }
    }
    match tables.first() {
        Some(&root) => Ok(root),
        None => Ok(s.new_ext_table()),
    }
}

fn restored<'s>(s: &mut Scope<'s>, stored: &Stored, tables: &[RawTable<'s>]) -> Raw<'s> {
    match stored {
        Stored::Nil => Raw::Nil,
        Stored::Bool(b) => Raw::Bool(*b),
        Stored::Int(i) => Raw::Int(*i),
        Stored::Float(f) => Raw::Float(*f),
        Stored::Str(bytes) => s.intern(bytes),
        // `decode` checked every reference against the table count.
        Stored::Table(i) => {
            usize::try_from(*i).ok().and_then(|i| tables.get(i)).map_or(Raw::Nil, |&t| Raw::Table(t))
        }
    }
}
