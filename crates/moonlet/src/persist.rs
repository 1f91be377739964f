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

use moonlet_vm::value::Value as VmValue;
use moonlet_vm::Pin;

use crate::error::{Error, Result};
use crate::home::{load_snapshot, save_snapshot, HomeStore, Snapshot, Stored, StoredTable};
use crate::lua::Lua;
use crate::value::{Handle, Table};

/// The `_home` table the host keeps, and where it persists.
pub(crate) struct Home {
    pub(crate) table: Pin,
    pub(crate) store: Option<Box<dyn HomeStore>>,
}

impl Lua {
    /// A state (sandboxed libraries, as [`Lua::new`]) whose `_home` is loaded from
    /// `store`; [`Lua::save_home`] writes it back. A store that holds nothing yet gives
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

    /// Loads `_home` from `store` and keeps the store for [`Lua::save_home`]. The
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
        let root = match snapshot {
            Some(snapshot) => self.restore(&snapshot)?,
            None => VmValue::Extern(self.vm.new_ext_table(), 0),
        };
        let table = self.vm.pin(root);
        self.vm.set_global("_home", root);
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
        let snapshot = self.snapshot(root)?;
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
        let root = self.home_root();
        Table(Handle::new(self, root))
    }

    /// The `_home` table, made (empty, without a store) on first use.
    pub(crate) fn home_root(&mut self) -> VmValue {
        if let Some(pin) = self.embedder().home.as_ref().map(|h| h.table.clone()) {
            if let Some(root) = self.vm.pinned(&pin) {
                return root;
            }
        }
        let root = VmValue::Extern(self.vm.new_ext_table(), 0);
        let table = self.vm.pin(root);
        self.embedder().home = Some(Home { table, store: None });
        root
    }

    /// The tables reachable from `root`, numbered in the order they are first met.
    fn snapshot(&mut self, root: VmValue) -> Result<Snapshot> {
        let mut index: HashMap<(usize, u32), u32> = HashMap::new();
        let mut queue = vec![root];
        let mut tables = Vec::new();
        index.insert(identity(root), 0);
        while let Some(&table) = queue.get(tables.len()) {
            let VmValue::Extern(ext, node) = table else { break };
            let mut stored = StoredTable::new(ext.id());
            let mut key = VmValue::Nil;
            // Keys come from the table itself, so `next` accepts each of them.
            while let Ok(Some((k, v))) = self.vm.ext_next(ext, node, key) {
                let k_stored = self.stored(k, &mut index, &mut queue)?;
                let v_stored = self.stored(v, &mut index, &mut queue)?;
                stored.entries.push((k_stored, v_stored));
                key = k;
            }
            tables.push(stored);
        }
        Ok(Snapshot { tables })
    }

    /// `value` as the snapshot stores it; a new table is queued.
    fn stored(
        &mut self,
        value: VmValue,
        index: &mut HashMap<(usize, u32), u32>,
        queue: &mut Vec<VmValue>,
    ) -> Result<Stored> {
        Ok(match value {
            VmValue::Nil => Stored::Nil,
            VmValue::Bool(b) => Stored::Bool(b),
            VmValue::Int(i) => Stored::Int(i),
            VmValue::Float(f) => Stored::Float(f),
            VmValue::Str(s) => Stored::Str(s.as_bytes().to_vec()),
            VmValue::Extern(..) => {
                let next = u32::try_from(queue.len()).map_err(|_| Error::Conversion {
                    from: "table",
                    to: "home snapshot",
                    message: "more than 2^32 tables".to_owned(),
                })?;
                let at = *index.entry(identity(value)).or_insert_with(|| {
                    queue.push(value);
                    next
                });
                Stored::Table(at)
            }
            // External tables hold only plain values and external tables.
            other => {
                return Err(Error::Conversion {
                    from: other.type_name(),
                    to: "home snapshot",
                    message: String::new(),
                })
            }
        })
    }

    /// Makes the snapshot's tables as external tables; the root is the first.
    fn restore(&mut self, snapshot: &Snapshot) -> Result<VmValue> {
        // No code runs until the root is pinned, so nothing made here can be collected.
        let tables: Vec<VmValue> =
            snapshot.tables.iter().map(|_| VmValue::Extern(self.vm.new_ext_table(), 0)).collect();
        for (table, stored) in tables.iter().zip(&snapshot.tables) {
            let VmValue::Extern(ext, node) = *table else { continue };
            for (k, v) in &stored.entries {
                let k = self.restored(k, &tables)?;
                let v = self.restored(v, &tables)?;
                self.vm.ext_set(ext, node, k, v).map_err(|e| self.runtime_error(e))?;
            }
        }
        match tables.first() {
            Some(root) => Ok(*root),
            None => Ok(VmValue::Extern(self.vm.new_ext_table(), 0)),
        }
    }

    fn restored(&mut self, stored: &Stored, tables: &[VmValue]) -> Result<VmValue> {
        Ok(match stored {
            Stored::Nil => VmValue::Nil,
            Stored::Bool(b) => VmValue::Bool(*b),
            Stored::Int(i) => VmValue::Int(*i),
            Stored::Float(f) => VmValue::Float(*f),
            Stored::Str(s) => self.vm.intern(s),
            // `decode` checked every reference against the table count.
            Stored::Table(i) => {
                usize::try_from(*i).ok().and_then(|i| tables.get(i)).copied().unwrap_or(VmValue::Nil)
            }
        })
    }
}

/// An external table's identity: its object and node.
fn identity(value: VmValue) -> (usize, u32) {
    match value {
        VmValue::Extern(ext, node) => (ext.addr(), node),
        other => (other.gc_addr().unwrap_or(0), 0),
    }
}
