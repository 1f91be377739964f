//! Pins: values the host holds between calls, kept alive as roots of the collector.
//!
//! Owns the slot table of pinned values and the [`Pin`] token a host keeps instead of a
//! raw [`Value`] (which the collector could free under it). A `Pin` is plain data
//! (`Send`, no pointer into the heap): dropping it, on any thread, queues its slot for
//! release, and the state frees queued slots the next time it pins. It must not reach
//! into the heap; `collect.rs` marks what it holds.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::gc::Marker;
use crate::value::Value;
use crate::vm::Vm;

/// Numbers states so that a pin is never read through another state.
static NEXT_STATE: AtomicU64 = AtomicU64::new(1);

/// The pinned values of one state.
pub(crate) struct Pins {
    state: u64,
    slots: Vec<Value>,
    free: Vec<usize>,
    released: Arc<Mutex<Vec<usize>>>,
}

impl Pins {
    pub(crate) fn new() -> Pins {
        Pins {
            state: NEXT_STATE.fetch_add(1, Ordering::Relaxed),
            slots: Vec::new(),
            free: Vec::new(),
            released: Arc::default(),
        }
    }

    /// Frees the slots of dropped pins.
    pub(crate) fn release_dropped(&mut self) {
        let released = std::mem::take(&mut *self.released.lock().unwrap_or_else(PoisonError::into_inner));
        for index in released {
            if let Some(slot) = self.slots.get_mut(index) {
                *slot = Value::Nil;
                self.free.push(index);
            }
        }
    }

    pub(crate) fn trace(&self, marker: &mut Marker) {
        for value in &self.slots {
            value.trace(marker);
        }
    }
}

/// A value pinned in a state: the host's way to hold a table or function across calls.
/// Cloning shares the slot; the value is released when the last clone is dropped.
#[derive(Clone)]
pub struct Pin(Arc<PinSlot>);

struct PinSlot {
    state: u64,
    index: usize,
    released: Arc<Mutex<Vec<usize>>>,
}

impl Drop for PinSlot {
    fn drop(&mut self) {
        // A poisoned lock only means another thread panicked while pushing; the list
        // itself is still a valid list of slot numbers.
        self.released.lock().unwrap_or_else(PoisonError::into_inner).push(self.index);
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pin({}:{})", self.0.state, self.0.index)
    }
}

impl Vm {
    /// Keeps `value` alive until the returned pin (and its clones) are dropped.
    pub fn pin(&mut self, value: Value) -> Pin {
        let pins = &mut self.pins;
        pins.release_dropped();
        let index = match pins.free.pop() {
            Some(index) => {
                // Slots on the free list exist: they were pushed from valid indices.
                if let Some(slot) = pins.slots.get_mut(index) {
                    *slot = value;
                }
                index
            }
            None => {
                pins.slots.push(value);
                pins.slots.len() - 1
            }
        };
        Pin(Arc::new(PinSlot { state: pins.state, index, released: pins.released.clone() }))
    }

    /// The value `pin` holds, or `None` when the pin belongs to another state.
    pub fn pinned(&self, pin: &Pin) -> Option<Value> {
        if pin.0.state != self.pins.state {
            return None;
        }
        self.pins.slots.get(pin.0.index).copied()
    }
}

#[cfg(test)]
mod tests {
    use crate::value::Value;
    use crate::vm::Vm;

    #[test]
    fn a_pinned_table_survives_collection_and_its_slot_is_reused_once_dropped() {
        let mut vm = Vm::new();
        let table = vm.new_table();
        let pin = vm.pin(Value::Table(table));
        vm.collect();
        let Some(Value::Table(t)) = vm.pinned(&pin) else { panic!("pin lost its table") };
        t.set(Value::Int(1), Value::Int(7)).unwrap();
        assert!(matches!(t.get(Value::Int(1)), Value::Int(7)));
        let copy = pin.clone();
        drop(pin);
        let other = vm.pin(Value::Int(3));
        assert!(vm.pinned(&copy).is_some());
        drop(copy);
        let reused = vm.pin(Value::Int(4));
        assert!(matches!(vm.pinned(&reused), Some(Value::Int(4))));
        assert!(matches!(vm.pinned(&other), Some(Value::Int(3))));
        assert!(Vm::new().pinned(&reused).is_none());
    }
}
