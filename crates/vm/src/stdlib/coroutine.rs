//! The coroutine library: `create`, `resume`, `yield`, `status`, `wrap`, `isyieldable`,
//! `running`, `close`.
//!
//! Owns resuming (switching to a coroutine and running it until it returns, fails or
//! yields) and yielding (suspending the running coroutine at its `yield` call). A yield
//! travels out of the interpreter as a signal, so it can pass `pcall` (which the
//! interpreter runs without a Rust frame) but not a metamethod or other Rust call.

use crate::error::LuaError;
use crate::function::{Function, NativeKind};
use crate::gc::Gc;
use crate::stdlib::args::type_error;
use crate::thread::{CoStatus, Thread};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) fn open(vm: &mut Vm) {
    crate::stdlib::new_library(
        vm,
        "coroutine",
        &[
            ("coroutine.create", create),
            ("coroutine.resume", resume),
            ("coroutine.yield", lua_yield),
            ("coroutine.status", status),
            ("coroutine.wrap", wrap),
            ("coroutine.isyieldable", isyieldable),
            ("coroutine.running", running),
            ("coroutine.close", close),
        ],
    );
}

fn check_thread(vm: &mut Vm, base: usize, count: usize, name: &str) -> Result<Gc<Thread>, LuaError> {
    match vm.arg(base, count, 0) {
        Value::Thread(t) => Ok(t),
        other => Err(type_error(vm, 1, name, "thread", count, other)),
    }
}

fn new_thread(vm: &mut Vm, base: usize, count: usize, name: &str) -> Result<Gc<Thread>, LuaError> {
    match vm.arg(base, count, 0) {
        f @ Value::Function(_) => Ok(vm.heap.alloc(Thread::new(f, CoStatus::Suspended))),
        other => Err(type_error(vm, 1, name, "function", count, other)),
    }
}

fn create(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let thread = new_thread(vm, base, count, "create")?;
    vm.push(Value::Thread(thread));
    Ok(1)
}

/// Runs `co` with the values in `vm.yield_values` as arguments until it returns, yields
/// (`Ok`, with the values it returned or yielded in `vm.yield_values`) or fails (`Err`
/// with the error value). The buffer carries values both ways without allocating.
pub(crate) fn resume_thread(vm: &mut Vm, co: Gc<Thread>) -> Result<Result<(), Value>, LuaError> {
    match co.status() {
        CoStatus::Suspended => {}
        CoStatus::Dead => return Ok(Err(vm.intern(b"cannot resume dead coroutine"))),
        _ => return Ok(Err(vm.intern(b"cannot resume non-suspended coroutine"))),
    }
    let previous = vm.current;
    previous.status.set(CoStatus::Normal);
    co.status.set(CoStatus::Running);
    vm.switch_to(co);
    let native = std::mem::replace(&mut vm.native, crate::vm::NativeCall::idle());
    let body = co.body.replace(Value::Nil);
    let outcome = if !body.is_nil() {
        // First resume: call the body with the arguments at the bottom of its stack.
        vm.stack.clear();
        vm.stack.push(body);
        vm.stack.extend_from_slice(&vm.yield_values);
        vm.call_at(0, vm.yield_values.len())
    } else {
        // Back from a yield: the arguments are the results of that `yield` call.
        let (slot, wanted) = co.resume_point.take().unwrap_or((0, -1));
        let first = vm.stack.len();
        let count = vm.yield_values.len();
        vm.stack.extend_from_slice(&vm.yield_values);
        let returned = if vm.hook.armed { vm.yield_return_hook(slot, first) } else { Ok(()) };
        returned.and_then(|()| vm.place_results(first, count, slot, wanted)).and_then(|()| {
            let depth = vm.exec_depth + 1;
            for p in &mut vm.protected {
                p.exec = depth;
            }
            vm.exec_depth += 1;
            while vm.ends_protected_call() {
                vm.finish_protected();
            }
            vm.exec_depth -= 1;
            vm.resume_caller()?;
            vm.native_depth += 1;
            let result = vm.execute();
            vm.native_depth -= 1;
            result
        })
    };
    vm.native = native;
    let result = match outcome {
        Ok(()) => {
            co.status.set(CoStatus::Dead);
            vm.yield_values.clear();
            let top = vm.top.min(vm.stack.len());
            vm.yield_values.extend_from_slice(&vm.stack[..top]);
            Ok(())
        }
        Err(e) if e.yielding => {
            co.status.set(CoStatus::Suspended);
            // The values are in `yield_values`; the signal is kept for the next yield.
            vm.spare_yield_signal = Some(e);
            Ok(())
        }
        Err(e) => {
            co.status.set(CoStatus::Dead);
            co.error.set(e.value);
            // Its stack stays as the error left it (`debug.traceback(co)`), with the
            // native function that raised it.
            vm.push_raiser(&e);
            Err(e.value)
        }
    };
    vm.switch_to(previous);
    previous.status.set(CoStatus::Running);
    Ok(result)
}

fn resume(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let co = check_thread(vm, base, count, "resume")?;
    set_transfer(vm, base, count, 1);
    match resume_thread(vm, co)? {
        Ok(()) => {
            vm.push(Value::Bool(true));
            Ok(push_transfer(vm) + 1)
        }
        Err(error) => {
            vm.push(Value::Bool(false));
            vm.push(error);
            Ok(2)
        }
    }
}

fn lua_yield(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    if Gc::ptr_eq(vm.current, vm.main_thread) {
        // Raised by the runtime inside `yield` itself: no position.
        return Err(LuaError::new(vm.intern(b"attempt to yield from outside a coroutine")));
    }
    set_transfer(vm, base, count, 0);
    vm.current.resume_point.set(Some((vm.native.func_slot, vm.native.wanted)));
    Err(vm.spare_yield_signal.take().unwrap_or_else(LuaError::yield_signal))
}

/// Arguments `from..count` (0-based) into the transfer buffer `vm.yield_values`.
fn set_transfer(vm: &mut Vm, base: usize, count: usize, from: usize) {
    vm.yield_values.clear();
    for i in from..count {
        let v = vm.arg(base, count, i);
        vm.yield_values.push(v);
    }
}

/// Pushes the transfer buffer's values as results and empties it; returns how many.
fn push_transfer(vm: &mut Vm) -> usize {
    let n = vm.yield_values.len();
    vm.stack.extend_from_slice(&vm.yield_values);
    vm.yield_values.clear();
    n
}

fn status(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let co = check_thread(vm, base, count, "status")?;
    let name = if Gc::ptr_eq(co, vm.current) { "running" } else { co.status().name() };
    let s = vm.intern(name.as_bytes());
    vm.push(s);
    Ok(1)
}

fn wrap(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let thread = new_thread(vm, base, count, "wrap")?;
    let f = vm.heap.alloc(Function::Native {
        name: "wrap",
        func: wrapped_call,
        kind: NativeKind::Plain,
        upvalue: Value::Thread(thread),
        host: None,
    });
    vm.push(Value::Function(f));
    Ok(1)
}

/// The function `coroutine.wrap` returns: resumes its coroutine, raising its errors.
fn wrapped_call(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let Value::Thread(co) = vm.native.upvalue else {
        return Err(vm.lib_error("cannot resume non-suspended coroutine"));
    };
    set_transfer(vm, base, count, 0);
    match resume_thread(vm, co)? {
        Ok(()) => Ok(push_transfer(vm)),
        // A string error gets the caller's position in front, as `lua_error` from a
        // C function called by Lua code does.
        Err(Value::Str(s)) => {
            let message = String::from_utf8_lossy(s.as_bytes()).into_owned();
            Err(vm.lib_error(&message))
        }
        Err(other) => Err(LuaError::new(other)),
    }
}

fn isyieldable(vm: &mut Vm, _base: usize, _count: usize) -> Result<usize, LuaError> {
    let yieldable = !Gc::ptr_eq(vm.current, vm.main_thread);
    vm.push(Value::Bool(yieldable));
    Ok(1)
}

fn running(vm: &mut Vm, _base: usize, _count: usize) -> Result<usize, LuaError> {
    let is_main = Gc::ptr_eq(vm.current, vm.main_thread);
    vm.push(Value::Thread(vm.current));
    vm.push(Value::Bool(is_main));
    Ok(2)
}

fn close(vm: &mut Vm, base: usize, count: usize) -> Result<usize, LuaError> {
    let co = check_thread(vm, base, count, "close")?;
    let state = if Gc::ptr_eq(co, vm.current) { CoStatus::Running } else { co.status() };
    match state {
        CoStatus::Suspended | CoStatus::Dead => {}
        other => return Err(vm.lib_error(&format!("cannot close a {} coroutine", other.name()))),
    }
    // Close its pending to-be-closed variables (with the error it died of), running in it.
    let error = co.error.replace(Value::Nil);
    let previous = vm.current;
    vm.switch_to(co);
    let closed = vm.close_tbc(0, error);
    vm.close_upvalues(0);
    vm.frames.clear();
    vm.natives.clear();
    vm.stack.clear();
    vm.switch_to(previous);
    co.status.set(CoStatus::Dead);
    co.body.set(Value::Nil);
    match closed {
        Ok(()) if error.is_nil() => {
            vm.push(Value::Bool(true));
            Ok(1)
        }
        Ok(()) => {
            vm.push(Value::Bool(false));
            vm.push(error);
            Ok(2)
        }
        Err(e) => {
            vm.push(Value::Bool(false));
            vm.push(e.value);
            Ok(2)
        }
    }
}
