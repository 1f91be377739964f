//! Garbage collection of a state: its roots, weak tables and finalizers.
//!
//! Owns when and how the VM collects: which values are roots (stacks, frames, globals,
//! threads, interned names), clearing weak tables between marking and sweeping, keeping
//! objects with finalizers alive until their `__gc` has run, and `collectgarbage("count")`.
//! The mechanics of marking and freeing are `gc.rs`'s.

use crate::gc::Gc;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Collects garbage if enough was allocated since the last collection.
    pub(crate) fn maybe_collect(&mut self) {
        if self.heap.should_collect() {
            self.collect();
        }
    }

    /// A full collection: everything reachable from the stack, frames, globals and
    /// open upvalues survives.
    pub fn collect(&mut self) {
        let Vm {
            heap,
            stack,
            frames,
            globals,
            registry,
            string_meta,
            open_upvalues,
            names,
            current,
            main_thread,
            yield_values,
            protected,
            ipairs_step,
            natives,
            type_metas,
            pins,
            ..
        } = self;
        pins.release_dropped();
        heap.mark(|m| {
            pins.trace(m);
            m.mark(*globals);
            m.mark(*registry);
            if let Some(meta) = string_meta {
                m.mark(*meta);
            }
            m.mark(*current);
            m.mark(*main_thread);
            ipairs_step.trace(m);
            for record in natives.iter() {
                m.mark(record.func);
            }
            for meta in type_metas.iter().flatten() {
                m.mark(*meta);
            }
            for value in yield_values.iter() {
                value.trace(m);
            }
            for p in protected.iter() {
                p.handler.trace(m);
            }
            for value in stack.iter() {
                value.trace(m);
            }
            for frame in frames.iter() {
                m.mark(frame.closure);
            }
            for upvalue in open_upvalues.iter() {
                m.mark(*upvalue);
            }
            for name in [
                names.index,
                names.newindex,
                names.call,
                names.tostring,
                names.name,
                names.len,
                names.eq,
                names.lt,
                names.le,
                names.concat,
                names.unm,
                names.bnot,
                names.metatable,
                names.pairs,
                names.close,
                names.gc,
                names.mode,
            ]
            .iter()
            .chain(names.arith.iter())
            .chain(names.types.iter())
            {
                m.mark(*name);
            }
        });
        self.mark_ephemerons();
        // Unreachable objects with finalizers are finalized, not freed (yet).
        let mut doomed = Vec::new();
        self.finalizable.retain(|t| {
            let keep = t.is_marked();
            if !keep {
                doomed.push(*t);
            }
            keep
        });
        // As in Lua: weak values go before finalizers run, weak keys only after (an
        // object being finalized still finds itself as a key).
        for table in &self.weak_tables {
            if table.is_marked() {
                clear_dead_entries(*table, false, true);
            }
        }
        self.heap.mark(|m| {
            for table in &doomed {
                m.mark(*table);
            }
        });
        self.mark_ephemerons();
        for table in &self.weak_tables {
            if table.is_marked() {
                clear_dead_entries(*table, true, false);
            }
        }
        self.weak_tables.retain(|t| t.is_marked());
        self.strings.remove_unmarked();
        self.heap.sweep();
        self.run_finalizers(doomed);
    }

    /// Weak-key tables are ephemerons: an entry's value is reachable only if its key is.
    /// Marks those values, repeating while marking them reaches more keys.
    fn mark_ephemerons(&mut self) {
        loop {
            let mut reached = Vec::new();
            for table in &self.weak_tables {
                let (weak_keys, weak_values) = table.weak_mode();
                if !table.is_marked() || !weak_keys || weak_values {
                    continue;
                }
                let mut key = Value::Nil;
                while let Ok(Some((k, v))) = table.next(key) {
                    if !is_dead_object(k) && is_dead_object(v) {
                        reached.push(v);
                    }
                    key = k;
                }
            }
            if reached.is_empty() {
                return;
            }
            self.heap.mark(|m| {
                for value in &reached {
                    value.trace(m);
                }
            });
        }
    }

    /// Calls `__gc` of each object, the most recently registered first; errors in
    /// finalizers are ignored (Lua only warns).
    fn run_finalizers(&mut self, objects: Vec<Gc<Table>>) {
        let top = self.top;
        for table in objects.into_iter().rev() {
            let handler = self.metamethod(Value::Table(table), self.names.gc);
            if let Value::Function(_) = handler {
                let _ = self.call(handler, &[Value::Table(table)]);
            }
        }
        self.top = top;
    }

    /// Closes the state as `lua_close` does: runs the finalizers of every object that
    /// still has one pending.
    pub fn close(&mut self) {
        // Finalizers run whatever limit the last run hit.
        self.set_limits(crate::limits::Limits::default());
        let pending = std::mem::take(&mut self.finalizable);
        self.run_finalizers(pending);
    }

    /// `setmetatable` bookkeeping: weak modes from `__mode`, finalizer registration from
    /// `__gc` (only if present now, as in Lua).
    pub(crate) fn note_metatable(&mut self, table: Gc<Table>, metatable: Option<Gc<Table>>) {
        let Some(mt) = metatable else {
            table.set_weak_mode(false, false);
            return;
        };
        let (weak_keys, weak_values) = match mt.get_str(self.names.mode) {
            Value::Str(mode) => (mode.as_bytes().contains(&b'k'), mode.as_bytes().contains(&b'v')),
            _ => (false, false),
        };
        table.set_weak_mode(weak_keys, weak_values);
        if (weak_keys || weak_values) && !self.weak_tables.iter().any(|t| Gc::ptr_eq(*t, table)) {
            self.weak_tables.push(table);
        }
        if !mt.get_str(self.names.gc).is_nil() && !self.finalizable.iter().any(|t| Gc::ptr_eq(*t, table)) {
            self.finalizable.push(table);
        }
    }
}

/// Whether `value` is an object a weak table lets go of (not a string or a plain value).
fn is_dead_object(value: Value) -> bool {
    match value {
        Value::Table(t) => !t.is_marked(),
        Value::Function(f) => !f.is_marked(),
        Value::Thread(t) => !t.is_marked(),
        _ => false,
    }
}

/// Removes the entries of a weak table whose weak key (with `keys`) or weak value (with
/// `values`) was not reached.
fn clear_dead_entries(table: Gc<Table>, keys: bool, values: bool) {
    let (weak_keys, weak_values) = table.weak_mode();
    let (weak_keys, weak_values) = (weak_keys && keys, weak_values && values);
    let mut dead = Vec::new();
    let mut key = Value::Nil;
    while let Ok(Some((k, v))) = table.next(key) {
        if (weak_keys && is_dead_object(k)) || (weak_values && is_dead_object(v)) {
            dead.push(k);
        }
        key = k;
    }
    for k in dead {
        let _ = table.set(k, Value::Nil);
    }
}

impl Vm {
    /// Kilobytes in use, as `collectgarbage("count")` reports them.
    pub fn memory_kb(&self) -> f64 {
        self.heap.bytes() as f64 / 1024.0
    }
}
