//! Resource limits the host sets: instructions, memory and wall time.
//!
//! Owns [`Limits`] and the budget of the run in progress. While a limit is set, the
//! interpreter runs its traced loop (the one debug hooks use), which counts down before
//! each instruction and, every `CHECK_EVERY` instructions, checks the budget, the
//! clock and the heap. A limit hit is an error that stays raised: `pcall` and
//! `coroutine.resume` do not catch it, and any later instruction raises it again, until
//! the host starts a new run ([`Vm::start_limits`]), so the host always gets it back and
//! the state stays usable. It must not slow down the untraced loop.

use std::time::{Duration, Instant};

use crate::error::LuaError;
use crate::vm::Vm;

/// Instructions between two checks of the clock and the heap.
pub(crate) const CHECK_EVERY: u64 = 1024;

/// Caps on what one run may use; `None` is no cap.
///
/// ```
/// use moonlet_vm::{Limits, OwnedState};
/// let mut state = OwnedState::new();
/// state.set_limits(Limits { time: Some(std::time::Duration::from_secs(10)), ..Limits::default() });
/// let f = state.load_text(b"return 1", b"=one").unwrap();
/// assert!(state.call(&f, &[]).is_ok());
/// assert_eq!(state.limit_exceeded(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limits {
    /// VM instructions (checked every 1,024).
    pub instructions: Option<u64>,
    /// Bytes of the heap (`collectgarbage("count")` × 1024), after a collection.
    pub memory: Option<usize>,
    /// Wall time from the start of the run.
    pub time: Option<Duration>,
}

/// The limits and what is left of the run's budget.
#[derive(Default)]
pub(crate) struct LimitState {
    /// Some limit is set: the interpreter runs its traced loop.
    pub(crate) active: bool,
    limits: Limits,
    /// Instructions before the next check.
    pub(crate) countdown: u64,
    /// Instructions of the budget not yet counted down.
    left: u64,
    deadline: Option<Instant>,
    /// The limit hit in this run, if any (it stays hit until the next run).
    exceeded: Option<&'static str>,
    /// A check is collecting garbage: finalizers it runs must not collect again.
    checking: bool,
}

impl Vm {
    /// Sets the limits of every run from now on, and starts a run's budget.
    pub fn set_limits(&mut self, limits: Limits) {
        let active = limits.instructions.is_some() || limits.memory.is_some() || limits.time.is_some();
        self.limits.limits = limits;
        self.limits.active = active;
        self.start_limits();
    }

    /// Starts a new run's budget: the instruction count and the clock start again and a
    /// limit hit before is forgotten.
    pub fn start_limits(&mut self) {
        let limits = self.limits.limits;
        self.limits.left = limits.instructions.unwrap_or(u64::MAX);
        self.limits.countdown = self.limits.left.min(CHECK_EVERY);
        self.limits.left -= self.limits.countdown;
        self.limits.deadline = limits.time.and_then(|t| Instant::now().checked_add(t));
        self.limits.exceeded = None;
    }

    /// The limit this run hit (`"instruction limit exceeded"`, `"not enough memory"`,
    /// `"time limit exceeded"`), if any.
    pub fn limit_exceeded(&self) -> Option<&'static str> {
        self.limits.exceeded
    }

    /// Counts one instruction against the limits (the traced loop, when limits are set).
    #[inline(always)]
    pub(crate) fn limit_tick(&mut self) -> Result<(), LuaError> {
        if self.limits.countdown == 0 || self.limits.exceeded.is_some() {
            return self.limit_check();
        }
        self.limits.countdown -= 1;
        Ok(())
    }

    /// The check every `CHECK_EVERY` instructions: budget, clock, heap.
    #[cold]
    #[inline(never)]
    fn limit_check(&mut self) -> Result<(), LuaError> {
        if self.limits.exceeded.is_none() {
            let spent = self.limits.countdown == 0 && self.limits.left == 0;
            // The next slice of the budget first: finalizers that a collection below
            // runs count against it.
            self.limits.countdown = self.limits.left.min(CHECK_EVERY);
            self.limits.left -= self.limits.countdown;
            self.limits.exceeded = self.limit_hit(spent);
        }
        match self.limits.exceeded {
            Some(message) => Err(self.error(message)),
            None => Ok(()),
        }
    }

    /// Which limit, if any, the run has gone past (`spent`: the instruction budget is).
    fn limit_hit(&mut self, spent: bool) -> Option<&'static str> {
        if spent && self.limits.limits.instructions.is_some() {
            return Some("instruction limit exceeded");
        }
        if self.limits.deadline.is_some_and(|d| Instant::now() >= d) {
            return Some("time limit exceeded");
        }
        if let Some(max) = self.limits.limits.memory {
            if self.heap.bytes() > max && !self.limits.checking {
                // Garbage does not count: collect before deciding.
                self.limits.checking = true;
                self.collect();
                self.limits.checking = false;
                if self.heap.bytes() > max {
                    return Some("not enough memory");
                }
            }
        }
        None
    }
}
