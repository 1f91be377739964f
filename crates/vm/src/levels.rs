//! The call stack as the debug library and tracebacks see it: numbered levels (0 the
//! innermost) mixing Lua frames, running native functions and `pcall`s, what each level
//! is (`debug.getinfo`), its locals (`debug.getlocal`) and the `stack traceback:` text.
//!
//! Owns reading a thread's stack, whether it runs or is suspended. Native functions have
//! no frame: `precall` records each running one ([`NativeRecord`]) and `pcall`s the
//! interpreter runs are its `protected` list, so they are merged here by the number of
//! Lua frames below them. It changes nothing but local values (`setlocal`); names come
//! from `debuginfo.rs`.

use crate::error::LuaError;
use crate::function::Function;
use crate::gc::Gc;
use crate::hook::HookState;
use crate::protect::Protect;
use crate::thread::{CoStatus, Thread};
use crate::value::Value;
use crate::vm::{Frame, Vm};

/// A native function running: pushed by `precall` for the time it runs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NativeRecord {
    pub(crate) func: Gc<Function>,
    /// The stack slot of the function; its arguments follow.
    pub(crate) func_slot: usize,
    /// How many Lua frames were below it.
    pub(crate) frames: usize,
}

/// One level of a thread's call stack.
#[derive(Clone, Copy)]
pub(crate) enum Level {
    /// A Lua function: its index in the frames.
    Lua(usize),
    /// A native function (or a `pcall` the interpreter runs), with its index in the
    /// native records if it has one.
    Native { func: Gc<Function>, func_slot: usize, record: Option<usize> },
    /// What called the main thread's first function: the host (`[C]: in ?`).
    Host,
}

/// A thread's call stack, borrowed from the VM (the running thread) or from the
/// thread's saved state.
pub(crate) struct StackView<'a> {
    pub(crate) frames: &'a [Frame],
    pub(crate) natives: &'a [NativeRecord],
    pub(crate) protected: &'a [Protect],
    pub(crate) stack: &'a [Value],
    pub(crate) hook: HookState,
    pub(crate) is_main: bool,
    /// A suspended coroutine: the slot of the `coroutine.yield` call it waits in.
    pub(crate) yielded_at: Option<usize>,
}

/// What `debug.getinfo` tells about a function or a level.
pub(crate) struct Info {
    pub(crate) func: Value,
    /// `Lua`, `main` or `C`.
    pub(crate) what: &'static str,
    pub(crate) source: String,
    pub(crate) short_src: String,
    pub(crate) line_defined: i64,
    pub(crate) last_line_defined: i64,
    pub(crate) current_line: i64,
    /// How the caller named it (`("local", "f")`), if it can tell.
    pub(crate) name: Option<(&'static str, String)>,
    pub(crate) nups: usize,
    pub(crate) nparams: usize,
    pub(crate) is_vararg: bool,
    pub(crate) is_tail_call: bool,
    /// First value and count of the values a call or return hook is about.
    pub(crate) transfer: (usize, usize),
    /// Lines with code (`L`), for Lua functions.
    pub(crate) active_lines: Option<Vec<u32>>,
}

impl Info {
    /// What is known about `func` without a running call.
    pub(crate) fn of_function(func: Value) -> Info {
        let mut info = Info {
            func,
            what: "C",
            source: "=[C]".to_owned(),
            short_src: "[C]".to_owned(),
            line_defined: -1,
            last_line_defined: -1,
            current_line: -1,
            name: None,
            nups: 0,
            nparams: 0,
            is_vararg: true,
            is_tail_call: false,
            transfer: (0, 0),
            active_lines: None,
        };
        let Value::Function(f) = func else { return info };
        match &*f {
            Function::Lua { proto, upvalues } => {
                let p = &proto.proto;
                let (source, short_src) = source_names(&p.source);
                info.what = if p.line_defined == 0 { "main" } else { "Lua" };
                info.source = source;
                info.short_src = short_src;
                info.line_defined = i64::from(p.line_defined);
                info.last_line_defined = i64::from(p.last_line_defined);
                info.nups = upvalues.len();
                info.nparams = usize::from(p.num_params);
                info.is_vararg = p.is_vararg;
                // A vararg function's first instruction (`VarArgPrep`) has no line of its own.
                let skip = usize::from(p.is_vararg);
                let mut lines: Vec<u32> = p.lines.iter().skip(skip).copied().collect();
                lines.sort_unstable();
                lines.dedup();
                info.active_lines = Some(lines);
            }
            Function::Native { upvalue, .. } => info.nups = usize::from(!upvalue.is_nil()),
        }
        info
    }
}

/// `source` and `short_src` of a chunk from the name moonlet shows in messages: a file
/// name (Lua's `@name`), or a `[string "..."]` / `=name` form kept as it is.
fn source_names(shown: &str) -> (String, String) {
    if let Some(rest) = shown.strip_prefix('=') {
        (shown.to_owned(), rest.to_owned())
    } else if shown.starts_with("[string \"") {
        let inner = shown.strip_prefix("[string \"").and_then(|s| s.strip_suffix("\"]")).unwrap_or(shown);
        (inner.to_owned(), shown.to_owned())
    } else {
        (format!("@{shown}"), shown.to_owned())
    }
}

impl StackView<'_> {
    /// The levels, innermost (level 0) first.
    pub(crate) fn levels(&self) -> Vec<Level> {
        let mut out = Vec::new();
        if self.is_main && !(self.frames.is_empty() && self.natives.is_empty()) {
            out.push(Level::Host);
        }
        let mut natives = self.natives.iter().enumerate().peekable();
        let mut protects = self.protected.iter().peekable();
        for i in 0..=self.frames.len() {
            // A `pcall` whose callee is frame `i` sits below it, as does a native called
            // while `i` frames were active.
            while let Some(p) = protects.next_if(|p| p.frames <= i) {
                if let Some(&Value::Function(func)) = self.stack.get(p.func_slot) {
                    out.push(Level::Native { func, func_slot: p.func_slot, record: None });
                }
            }
            while let Some((n, r)) = natives.next_if(|(_, r)| r.frames <= i) {
                out.push(Level::Native { func: r.func, func_slot: r.func_slot, record: Some(n) });
            }
            if i < self.frames.len() {
                out.push(Level::Lua(i));
            }
        }
        if let Some(slot) = self.yielded_at {
            if let Some(&Value::Function(func)) = self.stack.get(slot) {
                out.push(Level::Native { func, func_slot: slot, record: None });
            }
        }
        out.reverse();
        out
    }

    /// The function running at a level (nil for the host).
    pub(crate) fn function(&self, level: Level) -> Value {
        match level {
            Level::Lua(i) => self.frames.get(i).map_or(Value::Nil, |f| Value::Function(f.closure)),
            Level::Native { func, .. } => Value::Function(func),
            Level::Host => Value::Nil,
        }
    }

    /// Whether level `index` is the running hook function (called by the hook machinery
    /// for the level below it).
    fn is_hook_function(&self, levels: &[Level], index: usize) -> bool {
        let Some((frames, natives)) = self.hook.marker else { return false };
        match levels.get(index) {
            Some(&Level::Lua(i)) => {
                i == frames && self.natives.get(natives).is_none_or(|r| r.frames > frames)
            }
            Some(&Level::Native { record: Some(n), .. }) => n == natives,
            _ => false,
        }
    }

    /// How the caller of level `index` named it (Lua's `getfuncname`).
    fn name(&self, levels: &[Level], index: usize) -> Option<(&'static str, String)> {
        if let Some(&Level::Lua(i)) = levels.get(index) {
            if self.frames.get(i)?.tail_call {
                return None;
            }
        }
        if self.is_hook_function(levels, index) {
            return Some(("hook", "?".to_owned()));
        }
        match levels.get(index + 1)? {
            &Level::Lua(i) => {
                let caller = self.frames.get(i)?;
                crate::debuginfo::called_name(&caller.proto, caller.pc.checked_sub(1)?)
            }
            _ => None,
        }
    }

    /// Everything `debug.getinfo` tells about level `index`.
    pub(crate) fn info(&self, levels: &[Level], index: usize) -> Option<Info> {
        let level = *levels.get(index)?;
        let mut info = Info::of_function(self.function(level));
        match level {
            Level::Lua(i) => {
                let frame = self.frames.get(i)?;
                let line = frame.proto.proto.lines.get(frame.pc.saturating_sub(1)).copied().unwrap_or(0);
                info.current_line = i64::from(line);
                info.is_tail_call = frame.tail_call;
            }
            Level::Native { .. } | Level::Host => {}
        }
        info.name = self.name(levels, index);
        if index > 0 && self.is_hook_function(levels, index - 1) {
            info.transfer = self.hook.transfer;
        }
        Some(info)
    }

    /// Where the values of level `index` end: the slot of the function it called, or
    /// the stack's end for the innermost.
    fn limit(&self, levels: &[Level], index: usize) -> usize {
        match index.checked_sub(1).and_then(|above| levels.get(above)) {
            None => self.stack.len(),
            Some(&Level::Lua(i)) => self.frames.get(i).map_or(0, |f| f.base.saturating_sub(1)),
            Some(&Level::Native { func_slot, .. }) => func_slot,
            Some(Level::Host) => 0,
        }
    }

    /// Local `n` of level `index` (negative: a vararg): its name and stack slot, as
    /// `debug.getlocal` numbers them.
    pub(crate) fn local(&self, levels: &[Level], index: usize, n: i64) -> Option<(String, usize)> {
        let level = *levels.get(index)?;
        let (base, temporary) = match level {
            Level::Lua(i) => {
                let frame = self.frames.get(i)?;
                let proto = &frame.proto.proto;
                if n < 0 {
                    let k = usize::try_from(n.checked_neg()?).ok()?;
                    return (proto.is_vararg && k <= frame.varargs)
                        .then(|| ("(vararg)".to_owned(), frame.varargs_start + k - 1));
                }
                let register = usize::try_from(n).ok()?.checked_sub(1)?;
                if let Some(name) = proto.local_name(register, frame.pc.saturating_sub(1)) {
                    return Some((name.to_owned(), frame.base + register));
                }
                (frame.base, "(temporary)")
            }
            Level::Native { func_slot, .. } => {
                if self.yielded_at == Some(func_slot) {
                    // Its values went to the resumer.
                    return None;
                }
                (func_slot + 1, "(C temporary)")
            }
            Level::Host => return None,
        };
        let n = usize::try_from(n).ok().filter(|&n| n > 0)?;
        let limit = self.limit(levels, index);
        (limit.saturating_sub(base) >= n).then(|| (temporary.to_owned(), base + n - 1))
    }
}

/// The name of parameter `n` of `func` (`debug.getlocal(f, n)`).
pub(crate) fn parameter_name(func: Value, n: i64) -> Option<String> {
    let Value::Function(f) = func else { return None };
    let Function::Lua { proto, .. } = &*f else { return None };
    let register = usize::try_from(n).ok()?.checked_sub(1)?;
    proto.proto.local_name(register, 0).map(str::to_owned)
}

impl Vm {
    /// Runs `f` on the call stack of `thread` (the running one when `None`).
    pub(crate) fn with_stack<R>(&self, thread: Option<Gc<Thread>>, f: impl FnOnce(&StackView) -> R) -> R {
        let thread = thread.unwrap_or(self.current);
        let is_main = Gc::ptr_eq(thread, self.main_thread);
        if Gc::ptr_eq(thread, self.current) {
            let view = StackView {
                frames: &self.frames,
                natives: &self.natives,
                protected: &self.protected,
                stack: &self.stack,
                hook: self.hook,
                is_main,
                yielded_at: None,
            };
            return f(&view);
        }
        let yielded_at = match thread.status() {
            CoStatus::Suspended if thread.body.get().is_nil() => {
                thread.resume_point.get().map(|(slot, _)| slot)
            }
            _ => None,
        };
        let saved = thread.saved.try_borrow();
        match saved {
            Ok(saved) => f(&StackView {
                frames: &saved.frames,
                natives: &saved.natives,
                protected: &saved.protected,
                stack: &saved.stack,
                hook: saved.hook,
                is_main,
                yielded_at,
            }),
            Err(_) => f(&StackView {
                frames: &[],
                natives: &[],
                protected: &[],
                stack: &[],
                hook: HookState::default(),
                is_main,
                yielded_at: None,
            }),
        }
    }

    /// Sets stack slot `slot` of `thread` (the running one when `None`).
    pub(crate) fn set_stack_slot(&mut self, thread: Option<Gc<Thread>>, slot: usize, value: Value) {
        match thread {
            Some(t) if !Gc::ptr_eq(t, self.current) => {
                if let Ok(mut saved) = t.saved.try_borrow_mut() {
                    if let Some(s) = saved.stack.get_mut(slot) {
                        *s = value;
                    }
                }
            }
            _ => {
                if let Some(s) = self.stack.get_mut(slot) {
                    *s = value;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------- tracebacks

/// Levels shown before and after the `...` of a long traceback (Lua's `LEVELS1/2`).
const LEVELS_FIRST: usize = 10;
const LEVELS_LAST: usize = 11;

/// One traceback line's facts, gathered while the stack is borrowed.
struct Entry {
    func: Value,
    info: Info,
}

impl Vm {
    /// `stack traceback:` and the levels of the running thread from the innermost, as
    /// `lua` prints it for an uncaught error.
    pub fn traceback(&mut self) -> String {
        let text = self.traceback_text(None, 0);
        String::from_utf8_lossy(&text).into_owned()
    }

    /// The traceback of an error that reached the host: the native function that raised
    /// it (if any) is still shown as the innermost level, as in Lua.
    pub(crate) fn error_traceback(&mut self, error: &LuaError) -> String {
        let pushed = self.push_raiser(error);
        let text = self.traceback();
        if pushed {
            self.natives.pop();
        }
        text
    }

    /// Remembers `record` as the raiser of a new error; returns the number the error
    /// refers to it by.
    pub(crate) fn note_raiser(&mut self, record: NativeRecord) -> u32 {
        let number = self.raiser.0.wrapping_add(1).max(1);
        self.raiser = (number, Some(record));
        number
    }

    /// Puts back the record of the native function that raised an error, while the
    /// frames it was called from are still there. Returns whether it did.
    pub(crate) fn push_raiser(&mut self, error: &LuaError) -> bool {
        match self.raiser {
            (number, Some(record))
                if number == error.raised_by && number != 0 && record.frames == self.frames.len() =>
            {
                self.natives.push(record);
                true
            }
            _ => false,
        }
    }

    /// `stack traceback:` and the levels of `thread` from `level` on (Lua's
    /// `luaL_traceback`, without the message).
    pub(crate) fn traceback_text(&mut self, thread: Option<Gc<Thread>>, level: usize) -> Vec<u8> {
        let entries: Vec<Entry> = self.with_stack(thread, |view| {
            let levels = view.levels();
            (level..levels.len())
                .filter_map(|i| {
                    view.info(&levels, i).map(|info| Entry { func: view.function(levels[i]), info })
                })
                .collect()
        });
        let mut text = b"stack traceback:".to_vec();
        // Lua shows the first 10 and the last 11 levels of a longer stack; its message
        // counts one level less than it leaves out.
        let hidden = if entries.len() > LEVELS_FIRST + LEVELS_LAST + 1 {
            entries.len() - LEVELS_FIRST - LEVELS_LAST
        } else {
            0
        };
        for (i, entry) in entries.iter().enumerate() {
            if hidden > 0 && (LEVELS_FIRST..LEVELS_FIRST + hidden).contains(&i) {
                if i == LEVELS_FIRST {
                    text.extend_from_slice(format!("\n\t...\t(skipping {} levels)", hidden - 1).as_bytes());
                }
                continue;
            }
            let info = &entry.info;
            let position = if info.current_line <= 0 {
                format!("\n\t{}: in ", info.short_src)
            } else {
                format!("\n\t{}:{}: in ", info.short_src, info.current_line)
            };
            text.extend_from_slice(position.as_bytes());
            let described = match self.global_function_name(entry.func) {
                Some(name) => format!("function '{name}'"),
                None => match &info.name {
                    Some((kind, name)) => format!("{kind} '{name}'"),
                    None if info.what == "main" => "main chunk".to_owned(),
                    None if info.what != "C" => {
                        format!("function <{}:{}>", info.short_src, info.line_defined)
                    }
                    None => "?".to_owned(),
                },
            };
            text.extend_from_slice(described.as_bytes());
            if info.is_tail_call {
                text.extend_from_slice(b"\n\t(...tail calls...)");
            }
        }
        text
    }

    /// The name a traceback gives a function stored in a loaded library (Lua 5.4.4 looks
    /// through `package.loaded`: `string.rep`, and globals without the `_G.`). Without
    /// `package.loaded`, the globals and the standard library tables are searched, as
    /// `lua` would find them there.
    pub(crate) fn global_function_name(&mut self, func: Value) -> Option<String> {
        if !matches!(func, Value::Function(_)) {
            return None;
        }
        let package = self.intern(b"package");
        let loaded_key = self.intern(b"loaded");
        let loaded = match self.globals.get(package) {
            Value::Table(p) => match p.get(loaded_key) {
                Value::Table(l) => Some(l),
                _ => None,
            },
            _ => None,
        };
        let found = match loaded {
            Some(loaded) => find_field(loaded, func, 2),
            None => {
                let mut libraries = vec![("_G", self.globals)];
                for name in STANDARD_LIBRARIES {
                    let key = self.intern(name.as_bytes());
                    if let Value::Table(t) = self.globals.get(key) {
                        libraries.push((name, t));
                    }
                }
                libraries.into_iter().find_map(|(name, table)| {
                    find_field(table, func, 1).map(|field| format!("{name}.{field}"))
                })
            }
        }?;
        Some(found.strip_prefix("_G.").map(str::to_owned).unwrap_or(found))
    }
}

/// The libraries `lua` lists in `package.loaded` besides `_G`.
const STANDARD_LIBRARIES: [&str; 9] =
    ["package", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"];

/// The string key path (`a` or `a.b`, at most `depth` keys) under which `table` holds
/// `value` (Lua's `findfield`).
fn find_field(table: Gc<crate::table::Table>, value: Value, depth: usize) -> Option<String> {
    if depth == 0 {
        return None;
    }
    let mut key = Value::Nil;
    while let Ok(Some((k, v))) = table.next(key) {
        key = k;
        let Value::Str(name) = k else { continue };
        let name = String::from_utf8_lossy(name.as_bytes());
        if Value::raw_eq(v, value) {
            return Some(name.into_owned());
        }
        if let Value::Table(inner) = v {
            if let Some(rest) = find_field(inner, value, depth - 1) {
                return Some(format!("{name}.{rest}"));
            }
        }
    }
    None
}
