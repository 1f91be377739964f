//! The heap: allocation of collectable objects and the tracing mark-and-sweep collector.
//!
//! Owns object lifetime. A [`Gc<T>`] is a copyable pointer to an object on the [`Heap`];
//! copying it costs nothing (no reference counts), which is what lets the interpreter
//! move values between registers freely. The price is one invariant that every user of
//! this module keeps:
//!
//! > An object is freed only by [`Heap::sweep`], and only if the preceding
//! > [`Heap::mark`] did not reach it. The VM collects only at safe points, where every
//! > value it still needs is reachable from the roots it marks (its stacks, globals,
//! > registry). Rust code must not hold a `Gc` (or a reference obtained from one) across
//! > a collection unless that `Gc` is reachable from the roots.
//!
//! This module knows nothing of Lua values or tables; objects describe their references
//! through [`Trace`].

use std::cell::Cell;
use std::ops::Deref;
use std::ptr::NonNull;

/// A heap object: it reports the objects it refers to, and how much memory it owns.
pub trait Trace: 'static {
    /// Marks every collectable object this one refers to.
    fn trace(&self, marker: &mut Marker);

    /// Heap bytes owned beyond the object itself (buffers, vectors), for
    /// `collectgarbage("count")` and collection pacing.
    fn extra_bytes(&self) -> usize {
        0
    }
}

/// An object with its mark bit. `value` is last so that `GcBox<T>` unsizes to
/// `GcBox<dyn Trace>`.
struct GcBox<T: ?Sized> {
    marked: Cell<bool>,
    value: T,
}

/// A pointer to a collectable object. Copy, compare and hash it freely; see the module
/// invariant for when the object it points to stays alive.
pub struct Gc<T: ?Sized + 'static> {
    ptr: NonNull<GcBox<T>>,
}

impl<T: ?Sized> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Gc<T> {}

impl<T: ?Sized> Gc<T> {
    /// Whether two pointers designate the same object.
    pub fn ptr_eq(a: Gc<T>, b: Gc<T>) -> bool {
        std::ptr::addr_eq(a.ptr.as_ptr(), b.ptr.as_ptr())
    }

    /// The object's address, for identity hashing and `tostring` (`table: 0x…`).
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as *const () as usize
    }

    /// Whether the last [`Heap::mark`] reached this object. Meaningful between `mark` and
    /// `sweep`, where weak tables and the string interner drop what was not reached.
    pub fn is_marked(self) -> bool {
        // SAFETY: the object is alive: it is only freed by `sweep`, and the caller holds
        // this pointer from a structure that sweep has not yet processed.
        unsafe { self.ptr.as_ref() }.marked.get()
    }
}

impl<T: ?Sized> Deref for Gc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: by the module invariant the object has not been swept: every `Gc` the
        // program can still use is either reachable from the roots at each collection or
        // was created after the last one.
        unsafe { &self.ptr.as_ref().value }
    }
}

impl<T: ?Sized> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:#x})", self.addr())
    }
}

/// The set of objects being marked: objects reached but whose references are not yet
/// followed (the gray set).
pub struct Marker {
    gray: Vec<NonNull<GcBox<dyn Trace>>>,
}

impl Marker {
    /// Marks `gc` reachable; its own references are followed later.
    pub fn mark<T: Trace>(&mut self, gc: Gc<T>) {
        // SAFETY: `gc` comes from a reachable structure during marking, so it is alive.
        let object = unsafe { gc.ptr.as_ref() };
        if !object.marked.replace(true) {
            let erased: NonNull<GcBox<dyn Trace>> = gc.ptr;
            self.gray.push(erased);
        }
    }
}

/// All collectable objects of one Lua state.
pub struct Heap {
    objects: Vec<NonNull<GcBox<dyn Trace>>>,
    /// Estimated bytes held by the objects (updated on allocation and by each sweep).
    bytes: usize,
    /// Collect when `bytes` passes this.
    threshold: usize,
}

/// The first collection happens after this much allocation.
const INITIAL_THRESHOLD: usize = 1 << 20;

/// After a collection, the next one happens when the heap has grown by this factor
/// (Lua's default pause is 200%: wait until memory doubles).
const PAUSE_FACTOR: usize = 2;

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap { objects: Vec::new(), bytes: 0, threshold: INITIAL_THRESHOLD }
    }

    /// Moves `value` onto the heap.
    pub fn alloc<T: Trace>(&mut self, value: T) -> Gc<T> {
        self.bytes += std::mem::size_of::<GcBox<T>>() + value.extra_bytes();
        let boxed = Box::new(GcBox { marked: Cell::new(false), value });
        let ptr = NonNull::from(Box::leak(boxed));
        let erased: NonNull<GcBox<dyn Trace>> = ptr;
        self.objects.push(erased);
        Gc { ptr }
    }

    /// Estimated bytes in use.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Whether enough has been allocated since the last collection to collect again.
    pub fn should_collect(&self) -> bool {
        self.bytes >= self.threshold
    }

    /// How many objects are on the heap.
    #[cfg(test)]
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Marks everything reachable from the roots that `mark_roots` marks.
    pub fn mark(&mut self, mark_roots: impl FnOnce(&mut Marker)) {
        let mut marker = Marker { gray: Vec::new() };
        mark_roots(&mut marker);
        while let Some(object) = marker.gray.pop() {
            // SAFETY: gray objects were reached during this marking, so they are alive.
            unsafe { object.as_ref() }.value.trace(&mut marker);
        }
    }

    /// Frees every object the last [`Heap::mark`] did not reach, clears the marks of the
    /// survivors, recounts memory and sets the next threshold. Returns how many objects
    /// were freed.
    pub fn sweep(&mut self) -> usize {
        let before = self.objects.len();
        let mut bytes = 0;
        self.objects.retain(|&object| {
            // SAFETY: every pointer in `objects` came from `Box::leak` in `alloc` and is
            // freed only here, once, when it leaves the list.
            let boxed = unsafe { object.as_ref() };
            if boxed.marked.replace(false) {
                bytes += std::mem::size_of_val(boxed) + boxed.value.extra_bytes();
                true
            } else {
                // SAFETY: as above; the object was not reached, so no live value refers to it.
                drop(unsafe { Box::from_raw(object.as_ptr()) });
                false
            }
        });
        self.bytes = bytes;
        self.threshold = (bytes * PAUSE_FACTOR).max(INITIAL_THRESHOLD);
        before - self.objects.len()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for object in self.objects.drain(..) {
            // SAFETY: each object is owned by the heap alone and freed exactly once here;
            // no value can be used after its state is dropped.
            drop(unsafe { Box::from_raw(object.as_ptr()) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test object: a node that may point to another.
    struct Node {
        next: Cell<Option<Gc<Node>>>,
    }

    impl Trace for Node {
        fn trace(&self, marker: &mut Marker) {
            if let Some(next) = self.next.get() {
                marker.mark(next);
            }
        }
    }

    #[test]
    fn unreachable_objects_and_cycles_are_freed() {
        let mut heap = Heap::new();
        let root = heap.alloc(Node { next: Cell::new(None) });
        let kept = heap.alloc(Node { next: Cell::new(None) });
        root.next.set(Some(kept));
        // A cycle nobody reaches.
        let a = heap.alloc(Node { next: Cell::new(None) });
        let b = heap.alloc(Node { next: Cell::new(Some(a)) });
        a.next.set(Some(b));
        assert_eq!(heap.object_count(), 4);
        heap.mark(|m| m.mark(root));
        assert!(kept.is_marked());
        assert_eq!(heap.sweep(), 2);
        assert_eq!(heap.object_count(), 2);
        assert!(Gc::ptr_eq(root.next.get().unwrap(), kept));
        // Marks are cleared for the next cycle.
        assert!(!kept.is_marked());
    }
}
