//! The interpreter loop: one case per opcode, in the order of `opcode.rs`.
//!
//! Owns the execution of instructions. Calls between Lua functions push a frame and
//! continue in this loop (no Rust recursion); native functions and metamethods are
//! called through `vm.rs`. Operators fall back to `ops.rs` for everything but the
//! common numeric cases.

use moonlet_compiler::opcode::OFFSET_SC;
use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::function::{Function, NativeKind};
use crate::interp_rare::arith_of;
use crate::number;
use crate::ops::{ArithOp, Operand};
use crate::table::{get_raw, set_raw, Table};
use crate::value::Value;
use crate::vm::{CallSite, Vm};

impl Vm {
    /// Runs Lua frames until the entry frame (the one `call` pushed) returns. Errors
    /// inside a protected call made meanwhile are caught here (no Rust frame is left
    /// between a `pcall` and the code it protects).
    pub(crate) fn execute(&mut self) -> Result<(), LuaError> {
        self.exec_depth += 1;
        let result = loop {
            // Debug hooks and resource limits run in the traced instance of the loop: the
            // other one has no test per instruction, and hands over when hooks are set or
            // cleared.
            let run = if self.traced() { self.run::<true>() } else { self.run::<false>() };
            match run {
                Ok(()) if self.hook.switch => self.hook.switch = false,
                Ok(()) => break Ok(()),
                // A metamethod frame was pushed: run it (see `call_metamethod`).
                Err(error) if error.meta_pending => self.spare_meta_signal = Some(error),
                Err(error) => {
                    if let Err(error) = self.recover(error) {
                        break Err(error);
                    }
                }
            }
        };
        self.exec_depth -= 1;
        result
    }

    /// Whether the traced loop must run: a debug hook is armed or limits are set.
    #[inline]
    fn traced(&self) -> bool {
        self.hook.armed || self.limits.active
    }

    /// The instruction loop proper; returns on the entry frame's return or on an error,
    /// or (setting `hook.switch`) when hooks were set or cleared and the other instance
    /// (`TRACED`: calling the hook before each instruction) must take over.
    fn run<const TRACED: bool>(&mut self) -> Result<(), LuaError> {
        // Where hooks may have changed (after a call): hand over if needed.
        macro_rules! hand_over_if_hooks_changed {
            () => {
                if self.traced() != TRACED {
                    self.hook.switch = true;
                    return Ok(());
                }
            };
        }
        'frame: loop {
            hand_over_if_hooks_changed!();
            let Some(frame) = self.frames.last() else { return Ok(()) };
            let fi = self.frames.len() - 1;
            let proto = frame.proto;
            let code = &proto.proto.code[..];
            let k = &proto.constants[..];
            let closure = frame.closure;
            let upvalues = match &*closure {
                Function::Lua { upvalues, .. } => &upvalues[..],
                Function::Native { .. } => &[][..],
            };
            let base = frame.base;
            let mut pc = frame.pc;
            debug_assert!(self.stack.len() >= base + usize::from(proto.proto.max_stack));
            loop {
                debug_assert!(pc < code.len());
                // SAFETY: verified code ends in a return and every jump and skip lands
                // inside it (`verify`), so `pc` is always a valid index here.
                let i = unsafe { *code.get_unchecked(pc) };
                pc += 1;
                // The frame's `pc` is read by calls and errors (for positions).
                let a = base + i.a();
                // Register access without bounds checks. SAFETY (for every use): the code
                // was verified when loaded (`load_proto`), so its register operands are
                // below `max_stack`, and while a frame runs the stack holds its
                // `base + max_stack` slots: `precall` sizes it, and every path that returns
                // into the frame (`Call`, `TForCall`, `resume_caller`, `recover`) restores
                // it; `vm.call` only grows the stack above it and cuts it back to where it
                // was. Debug builds check all of this.
                macro_rules! at {
                    ($x:expr) => {{
                        let index = $x;
                        debug_assert!(index < self.stack.len());
                        unsafe { *self.stack.get_unchecked(index) }
                    }};
                }
                // A register by reference: matching on it reads the tag and the payload
                // straight from the stack. A copied `Value` is one 16-byte load, which the
                // CPU cannot forward from the two narrower stores (tag, payload) that
                // wrote the register just before: it waits for them to reach the cache.
                macro_rules! at_ref {
                    ($x:expr) => {{
                        let index = $x;
                        debug_assert!(index < self.stack.len());
                        unsafe { self.stack.get_unchecked(index) }
                    }};
                }
                macro_rules! w {
                    ($x:expr, $v:expr) => {{
                        let value = $v;
                        let index = $x;
                        debug_assert!(index < self.stack.len());
                        unsafe {
                            *self.stack.get_unchecked_mut(index) = value;
                        }
                    }};
                }
                macro_rules! r {
                    ($x:expr) => {
                        at!(base + $x)
                    };
                }
                macro_rules! kst {
                    ($x:expr) => {{
                        let index = $x;
                        debug_assert!(index < k.len());
                        // SAFETY: verified code only names existing constants.
                        unsafe { *k.get_unchecked(index) }
                    }};
                }
                macro_rules! kst_ref {
                    ($x:expr) => {{
                        let index = $x;
                        debug_assert!(index < k.len());
                        // SAFETY: verified code only names existing constants.
                        unsafe { k.get_unchecked(index) }
                    }};
                }
                macro_rules! upval {
                    ($x:expr) => {{
                        let index = $x;
                        debug_assert!(index < upvalues.len());
                        // SAFETY: verified code only names the function's upvalues, and a
                        // closure has one per upvalue description of its prototype.
                        unsafe { upvalues.get_unchecked(index) }.get()
                    }};
                }
                macro_rules! rk {
                    () => {
                        if i.k() {
                            kst!(i.c())
                        } else {
                            r!(i.c())
                        }
                    };
                }
                // The frame's `pc` is read by calls, errors (positions, variable names),
                // the collector's finalizers and coroutine switches: every instruction
                // that can reach one of them stores it first. Instructions that cannot
                // (moves, loads, jumps, tests, numeric fast paths) skip the store.
                macro_rules! savepc {
                    () => {
                        // SAFETY: `fi` is this frame's index; frames only change on calls
                        // and returns, after which the loop restarts at `'frame`.
                        unsafe { self.frames.get_unchecked_mut(fi) }.pc = pc;
                        // Every slow path starts here: a metamethod it calls runs as a
                        // frame of this loop (cleared by natives and Rust calls).
                        self.meta_as_frame = true;
                    };
                }
                // `table[key]`: tables without metatables (or with the key present) inline.
                macro_rules! get {
                    ($table:expr, $key:expr, $who:expr) => {{
                        let (table, key): (&Value, &Value) = ($table, $key);
                        match get_raw(table, key) {
                            Some(v) => v,
                            None => {
                                let (table, key) = (*table, *key);
                                savepc!();
                                self.index(table, key, $who)?
                            }
                        }
                    }};
                }
                // `table[key] = value`: tables without metatables and plain keys inline.
                macro_rules! set {
                    ($table:expr, $key:expr, $value:expr, $who:expr) => {{
                        let (table, key, value): (&Value, &Value, Value) = ($table, $key, $value);
                        if !set_raw(table, key, value) {
                            let (table, key) = (*table, *key);
                            savepc!();
                            self.set_index(table, key, value, $who)?;
                        }
                    }};
                }
                // `R[A] op R[B]`, skipping the next instruction unless the result is `k`.
                macro_rules! compare {
                    ($op:tt, $or_equal:expr) => {{
                        let (x, y) = (at_ref!(a), at_ref!(base + i.b()));
                        let result = match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => p $op q,
                            (&Value::Float(p), &Value::Float(q)) => p $op q,
                            // Mixed subtypes compare exactly (`number.rs`).
                            (&Value::Int(p), &Value::Float(q)) => {
                                if $or_equal {
                                    number::le_int_float(p, q)
                                } else {
                                    number::lt_int_float(p, q)
                                }
                            }
                            (&Value::Float(p), &Value::Int(q)) => {
                                if $or_equal {
                                    number::le_float_int(p, q)
                                } else {
                                    number::lt_float_int(p, q)
                                }
                            }
                            _ => {
                                let (x, y) = (*x, *y);
                                savepc!();
                                self.less(x, y, $or_equal)?
                            }
                        };
                        if result != i.k() {
                            pc += 1;
                        }
                    }};
                }
                // `R[A] op sB`, skipping the next instruction unless the result is `k`:
                // integers inline, the rest through `less` (`swap`: sB is the left operand).
                macro_rules! compare_imm {
                    ($op:tt, $or_equal:expr, $swap:expr) => {{
                        let imm = i.sb();
                        let result = match *at_ref!(a) {
                            Value::Int(v) => v $op imm,
                            Value::Float(v) => v $op imm as f64,
                            x => {
                                savepc!();
                                let y = Value::Int(imm);
                                if $swap {
                                    self.less(y, x, $or_equal)?
                                } else {
                                    self.less(x, y, $or_equal)?
                                }
                            }
                        };
                        if result != i.k() {
                            pc += 1;
                        }
                    }};
                }
                // `%` and `//`: integers and floats inline. An integer division by zero
                // fails without storing pc, so the error reports the line of the last
                // instruction that stored it, exactly as lua5.4 does (its integer
                // fast path raises from the same stale `savedpc`).
                macro_rules! div_mod {
                    ($op:ident, $y:expr, $reg_y:expr) => {{
                        let (x, y): (&Value, &Value) = (at_ref!(base + i.b()), $y);
                        let v = match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => {
                                let result = if let ArithOp::Mod = ArithOp::$op {
                                    number::int_mod(p, q)
                                } else {
                                    number::int_floor_div(p, q)
                                };
                                match result {
                                    Some(r) => Value::Int(r),
                                    None => return Err(self.division_by_zero(ArithOp::$op)),
                                }
                            }
                            (&Value::Float(p), &Value::Float(q)) => {
                                Value::Float(if let ArithOp::Mod = ArithOp::$op {
                                    number::float_mod(p, q)
                                } else {
                                    number::float_floor_div(p, q)
                                })
                            }
                            _ => {
                                let (x, y) = (*x, *y);
                                savepc!();
                                self.binary(ArithOp::$op, x, y, (Operand::Reg(i.b()), $reg_y))?
                            }
                        };
                        w!(a, v);
                    }};
                }
                // `/`: any two numbers divide as floats.
                macro_rules! divide {
                    ($y:expr, $reg_y:expr) => {{
                        let (x, y): (&Value, &Value) = (at_ref!(base + i.b()), $y);
                        let as_float = |v: &Value| match *v {
                            Value::Float(f) => Some(f),
                            Value::Int(n) => Some(n as f64),
                            _ => None,
                        };
                        let v = match (as_float(x), as_float(y)) {
                            (Some(p), Some(q)) => Value::Float(p / q),
                            _ => {
                                let (x, y) = (*x, *y);
                                savepc!();
                                self.binary(ArithOp::Div, x, y, (Operand::Reg(i.b()), $reg_y))?
                            }
                        };
                        w!(a, v);
                    }};
                }
                // `+`, `-`, `*` on numbers inline (integers stay integers, a float makes the
                // result a float); strings, metamethods and errors go to `binary`.
                macro_rules! arith {
                    ($op:ident, $y:expr, $reg_y:expr, $int:ident, $float:tt) => {{
                        let (x, y): (&Value, &Value) = (at_ref!(base + i.b()), $y);
                        let v = match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => Value::Int(p.$int(q)),
                            (&Value::Float(p), &Value::Float(q)) => Value::Float(p $float q),
                            (&Value::Int(p), &Value::Float(q)) => Value::Float(p as f64 $float q),
                            (&Value::Float(p), &Value::Int(q)) => Value::Float(p $float q as f64),
                            _ => {
                                let (x, y) = (*x, *y);
                                savepc!();
                                self.binary(ArithOp::$op, x, y, (Operand::Reg(i.b()), $reg_y))?
                            }
                        };
                        w!(a, v);
                    }};
                }
                // SAFETY: verified code holds only valid opcodes (`verify`).
                let op = unsafe { i.op_unchecked() };
                if TRACED {
                    if self.limits.active {
                        savepc!();
                        self.limit_tick()?;
                    }
                    if self.hook.armed {
                        // Hooks read the line of the instruction about to run.
                        savepc!();
                        self.hook_instruction()?;
                    }
                }
                match op {
                    OpCode::Move => w!(a, r!(i.b())),
                    OpCode::LoadI => w!(a, Value::Int(i.sbx())),
                    OpCode::LoadF => w!(a, Value::Float(i.sbx() as f64)),
                    OpCode::LoadK => w!(a, kst!(i.bx())),
                    OpCode::LoadKX => {
                        let index = code.get(pc).map_or(0, |e| e.ax_field());
                        pc += 1;
                        w!(a, kst!(index));
                    }
                    OpCode::LoadFalse => w!(a, Value::Bool(false)),
                    OpCode::LFalseSkip => {
                        w!(a, Value::Bool(false));
                        pc += 1;
                    }
                    OpCode::LoadTrue => w!(a, Value::Bool(true)),
                    OpCode::LoadNil => {
                        for slot in &mut self.stack[a..=a + i.b()] {
                            *slot = Value::Nil;
                        }
                    }
                    OpCode::GetUpval => w!(a, self.upvalue_get(upval!(i.b()))),
                    OpCode::SetUpval => {
                        let v = at!(a);
                        self.upvalue_set(upval!(i.b()), v);
                    }
                    OpCode::GetTabUp => {
                        let table = self.upvalue_get(upval!(i.b()));
                        w!(a, get!(&table, kst_ref!(i.c()), Operand::Upvalue(i.b())));
                    }
                    OpCode::GetTable => {
                        let (table, key) = (at_ref!(base + i.b()), at_ref!(base + i.c()));
                        w!(a, get!(table, key, Operand::Reg(i.b())));
                    }
                    OpCode::GetI => {
                        let table = at_ref!(base + i.b());
                        w!(a, get!(table, &Value::Int(i.c() as i64), Operand::Reg(i.b())));
                    }
                    OpCode::GetField => {
                        let (table, key) = (at_ref!(base + i.b()), kst_ref!(i.c()));
                        w!(a, get!(table, key, Operand::Reg(i.b())));
                    }
                    OpCode::SetTabUp => {
                        let table = self.upvalue_get(upval!(i.a()));
                        let value = rk!();
                        set!(&table, kst_ref!(i.b()), value, Operand::Upvalue(i.a()));
                    }
                    OpCode::SetTable => {
                        let value = rk!();
                        set!(at_ref!(a), at_ref!(base + i.b()), value, Operand::Reg(i.a()));
                    }
                    OpCode::SetI => {
                        let value = rk!();
                        set!(at_ref!(a), &Value::Int(i.b() as i64), value, Operand::Reg(i.a()));
                    }
                    OpCode::SetField => {
                        let value = rk!();
                        set!(at_ref!(a), kst_ref!(i.b()), value, Operand::Reg(i.a()));
                    }
                    OpCode::NewTable => {
                        savepc!();
                        let t = self.heap.alloc(Table::new(i.c(), i.b()));
                        w!(a, Value::Table(t));
                        self.maybe_collect();
                    }
                    OpCode::SelfOp => {
                        let object = r!(i.b());
                        let key = rk!();
                        w!(a + 1, object);
                        w!(a, get!(&object, &key, Operand::Reg(i.b())));
                    }
                    OpCode::AddI => {
                        let imm = i.sc();
                        let v = match *at_ref!(base + i.b()) {
                            Value::Int(v) => Value::Int(v.wrapping_add(imm)),
                            Value::Float(v) => Value::Float(v + imm as f64),
                            x => {
                                savepc!();
                                let who = (Operand::Reg(i.b()), Operand::Anonymous);
                                self.arith(ArithOp::Add, x, Value::Int(imm), who)?
                            }
                        };
                        w!(a, v);
                    }
                    OpCode::Add => arith!(Add, at_ref!(base + i.c()), Operand::Reg(i.c()), wrapping_add, +),
                    OpCode::Sub => arith!(Sub, at_ref!(base + i.c()), Operand::Reg(i.c()), wrapping_sub, -),
                    OpCode::Mul => arith!(Mul, at_ref!(base + i.c()), Operand::Reg(i.c()), wrapping_mul, *),
                    OpCode::AddK => arith!(Add, kst_ref!(i.c()), Operand::Anonymous, wrapping_add, +),
                    OpCode::SubK => arith!(Sub, kst_ref!(i.c()), Operand::Anonymous, wrapping_sub, -),
                    OpCode::MulK => arith!(Mul, kst_ref!(i.c()), Operand::Anonymous, wrapping_mul, *),
                    OpCode::Mod => div_mod!(Mod, at_ref!(base + i.c()), Operand::Reg(i.c())),
                    OpCode::IDiv => div_mod!(IDiv, at_ref!(base + i.c()), Operand::Reg(i.c())),
                    OpCode::ModK => div_mod!(Mod, kst_ref!(i.c()), Operand::Anonymous),
                    OpCode::IDivK => div_mod!(IDiv, kst_ref!(i.c()), Operand::Anonymous),
                    OpCode::Div => divide!(at_ref!(base + i.c()), Operand::Reg(i.c())),
                    OpCode::DivK => divide!(kst_ref!(i.c()), Operand::Anonymous),
                    OpCode::PowK | OpCode::BAndK | OpCode::BOrK | OpCode::BXorK => {
                        savepc!();
                        let op = arith_of(i.op());
                        let (x, y) = (r!(i.b()), kst!(i.c()));
                        w!(a, self.binary(op, x, y, (Operand::Reg(i.b()), Operand::Anonymous))?);
                    }
                    OpCode::Pow | OpCode::BAnd | OpCode::BOr | OpCode::BXor | OpCode::Shl | OpCode::Shr => {
                        savepc!();
                        let op = arith_of(i.op());
                        let (x, y) = (r!(i.b()), r!(i.c()));
                        w!(a, self.binary(op, x, y, (Operand::Reg(i.b()), Operand::Reg(i.c())))?);
                    }
                    OpCode::Unm => {
                        let x = r!(i.b());
                        let who = (Operand::Reg(i.b()), Operand::Reg(i.b()));
                        let v = match x {
                            Value::Int(v) => Value::Int(v.wrapping_neg()),
                            Value::Float(v) => Value::Float(-v),
                            _ => {
                                savepc!();
                                self.arith(ArithOp::Unm, x, x, who)?
                            }
                        };
                        w!(a, v);
                    }
                    OpCode::BNot => {
                        savepc!();
                        let x = r!(i.b());
                        self.stack[a] =
                            self.arith(ArithOp::BNot, x, x, (Operand::Reg(i.b()), Operand::Reg(i.b())))?;
                    }
                    OpCode::Not => w!(a, Value::Bool(r!(i.b()).is_falsy())),
                    OpCode::Len => {
                        savepc!();
                        let x = r!(i.b());
                        self.stack[a] = match x {
                            Value::Table(t) if t.metatable().is_none() => Value::Int(t.len()),
                            _ => self.length(x, Operand::Reg(i.b()))?,
                        };
                    }
                    OpCode::Concat => {
                        savepc!();
                        // `__concat` results feed the rest of the concatenation in Rust.
                        self.meta_as_frame = false;
                        self.concat(a, i.a(), i.b())?;
                    }
                    OpCode::Close => {
                        savepc!();
                        self.close_scope(a)?;
                    }
                    OpCode::Tbc => {
                        savepc!();
                        self.mark_tbc(a, i.a())?;
                    }
                    OpCode::Jmp => pc = jump(pc, i.sj_field()),
                    OpCode::Eq => {
                        let (x, y) = (at_ref!(a), at_ref!(base + i.b()));
                        let result = match (x, y) {
                            (&Value::Int(p), &Value::Int(q)) => p == q,
                            _ => {
                                let (x, y) = (*x, *y);
                                savepc!();
                                self.equals(x, y)?
                            }
                        };
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::Lt => compare!(<, false),
                    OpCode::Le => compare!(<=, true),
                    OpCode::EqK => {
                        let result = Value::raw_eq(at!(a), kst!(i.b()));
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::EqI => {
                        let result = match *at_ref!(a) {
                            Value::Int(v) => v == i.sb(),
                            other => Value::raw_eq(other, Value::Int(i.sb())),
                        };
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::LtI => compare_imm!(<, false, false),
                    OpCode::LeI => compare_imm!(<=, true, false),
                    OpCode::GtI => compare_imm!(>, false, true),
                    OpCode::GeI => compare_imm!(>=, true, true),
                    OpCode::Test => {
                        if at_ref!(a).is_falsy() == i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::TestSet => {
                        let v = r!(i.b());
                        if v.is_falsy() == i.k() {
                            pc += 1;
                        } else {
                            w!(a, v);
                        }
                    }
                    OpCode::Call => {
                        savepc!();
                        let nargs = if i.b() == 0 { self.top - a - 1 } else { i.b() - 1 };
                        let wanted = i.c() as i32 - 1;
                        // The common case inline: a Lua function with fixed parameters
                        // (what `precall` does for it, minus the checks it needs not).
                        if let Value::Function(f) = at!(a) {
                            if let Function::Lua { proto: callee, .. } = &*f {
                                let p = &callee.proto;
                                if !p.is_vararg {
                                    let params = usize::from(p.num_params);
                                    let new_base = a + 1;
                                    self.ensure_stack(new_base + usize::from(p.max_stack).max(params))?;
                                    for j in nargs..params {
                                        w!(new_base + j, Value::Nil);
                                    }
                                    self.frames.push(crate::vm::Frame {
                                        closure: f,
                                        proto: *callee,
                                        base: new_base,
                                        pc: 0,
                                        func_slot: a,
                                        wanted,
                                        varargs_start: new_base,
                                        varargs: 0,
                                        is_entry: false,
                                        tail_call: false,
                                        finish: crate::vm::Finish::None,
                                        // SAFETY: `fi` is this frame's index.
                                        meta_depth: unsafe { self.frames.get_unchecked(fi) }.meta_depth,
                                    });
                                    continue 'frame;
                                }
                            }
                        }
                        if self.precall(a, nargs, wanted, CallSite::Lua)? {
                            continue 'frame;
                        }
                        let keep = self.top;
                        self.ensure_stack(base + usize::from(proto.proto.max_stack))?;
                        self.top = keep;
                        self.maybe_collect();
                        hand_over_if_hooks_changed!();
                    }
                    OpCode::TailCall => {
                        savepc!();
                        let nargs = if i.b() == 0 { self.top - a - 1 } else { i.b() - 1 };
                        // A value that cannot be called fails here, in this frame.
                        let callee = at!(a);
                        if !matches!(callee, Value::Function(_))
                            && self.metamethod(callee, self.names.call).is_nil()
                        {
                            return Err(self.call_error(a, CallSite::Lua));
                        }
                        // A native function runs in this frame, as in Lua (its errors
                        // and the debug library see this function as its caller); the
                        // `Return` that follows every `TailCall` returns its results.
                        if let Value::Function(f) = callee {
                            if matches!(&*f, Function::Native { .. }) {
                                if self.precall(a, nargs, -1, CallSite::Lua)? {
                                    continue 'frame;
                                }
                                let keep = self.top;
                                self.ensure_stack(base + usize::from(proto.proto.max_stack))?;
                                self.top = keep;
                                self.maybe_collect();
                                hand_over_if_hooks_changed!();
                                continue;
                            }
                        }
                        self.close_upvalues(base);
                        // A plain native function runs with this frame still in place, as
                        // in Lua: its errors get this line and this call's name (`'rep'`,
                        // `calling 'rep' on bad self`). Its results are then returned.
                        if let Value::Function(f) = callee {
                            if matches!(&*f, Function::Native { kind: NativeKind::Plain, .. }) {
                                self.precall(a, nargs, -1, CallSite::Lua)?;
                                let n = self.top.saturating_sub(a);
                                if self.finish_call(a, n)? {
                                    return Ok(());
                                }
                                continue 'frame;
                            }
                        }
                        let Some(current) = self.frames.pop() else { return Ok(()) };
                        let dest = current.func_slot;
                        for j in 0..=nargs {
                            self.stack[dest + j] = at!(a + j);
                        }
                        if self.precall(dest, nargs, current.wanted, CallSite::Lua)? {
                            if let Some(frame) = self.frames.last_mut() {
                                frame.is_entry = current.is_entry;
                                frame.tail_call = true;
                                frame.finish = current.finish;
                                frame.meta_depth = current.meta_depth;
                            }
                            continue 'frame;
                        }
                        while self.ends_protected_call() {
                            self.finish_protected();
                        }
                        if current.is_entry {
                            return Ok(());
                        }
                        self.resume_caller()?;
                        continue 'frame;
                    }
                    OpCode::Return => {
                        let n = if i.b() == 0 { self.top - a } else { i.b() - 1 };
                        if self.return_fast(fi, a, n) {
                            continue 'frame;
                        }
                        savepc!();
                        if self.finish_call(a, n)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::Return0 => {
                        if self.return_fast(fi, a, 0) {
                            continue 'frame;
                        }
                        savepc!();
                        if self.finish_call(a, 0)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::Return1 => {
                        if self.return_fast(fi, a, 1) {
                            continue 'frame;
                        }
                        savepc!();
                        if self.finish_call(a, 1)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::ForPrep => {
                        // The common integer loop inline (`for_prep` has the general case).
                        let run = match (at!(a), at!(a + 1), at!(a + 2)) {
                            (Value::Int(init), Value::Int(limit), Value::Int(step)) if step != 0 => {
                                match number::for_count(init, limit, step) {
                                    Some(count) => {
                                        w!(a + 1, Value::Int(count as i64));
                                        w!(a + 3, Value::Int(init));
                                        true
                                    }
                                    None => false,
                                }
                            }
                            _ => {
                                savepc!();
                                self.for_prep(a)?
                            }
                        };
                        if !run {
                            pc += i.bx() + 1;
                        }
                    }
                    OpCode::ForLoop => match (at!(a + 1), at!(a + 2), at!(a)) {
                        // The integer loop inline: the count of iterations left is unsigned.
                        (Value::Int(count), Value::Int(step), Value::Int(index)) => {
                            let count = count as u64;
                            if count > 0 {
                                let next = index.wrapping_add(step);
                                w!(a + 1, Value::Int((count - 1) as i64));
                                w!(a, Value::Int(next));
                                w!(a + 3, Value::Int(next));
                                pc -= i.bx();
                            }
                        }
                        _ => {
                            if self.for_loop(a) {
                                pc -= i.bx();
                            }
                        }
                    },
                    OpCode::TForPrep => {
                        savepc!();
                        self.mark_tbc(a + 3, i.a() + 3)?;
                        pc += i.bx();
                    }
                    OpCode::TForCall => {
                        savepc!();
                        // `ipairs` over a plain or external table steps here, without a
                        // call (a debug hook would see the call: then it is called).
                        if !TRACED && self.ipairs_inline(a, i.c())? {
                            continue;
                        }
                        // R[A+4], … := R[A](R[A+1], R[A+2]), called at the top.
                        let call = a + 4;
                        self.ensure_stack(call + 3)?;
                        self.stack[call] = at!(a);
                        self.stack[call + 1] = at!(a + 1);
                        self.stack[call + 2] = at!(a + 2);
                        let wanted = i.c() as i32;
                        if self.precall(call, 2, wanted, CallSite::ForIterator)? {
                            continue 'frame;
                        }
                        self.ensure_stack(base + usize::from(proto.proto.max_stack))?;
                        hand_over_if_hooks_changed!();
                    }
                    OpCode::TForLoop => {
                        let v = at!(a + 4);
                        if !v.is_nil() {
                            self.stack[a + 2] = v;
                            pc -= i.bx();
                        }
                    }
                    OpCode::SetList => {
                        savepc!();
                        let offset = if i.k() {
                            let extra = code.get(pc).map_or(0, |e| e.ax_field());
                            pc += 1;
                            extra
                        } else {
                            i.c()
                        };
                        self.set_list(a, i.b(), offset, base + usize::from(proto.proto.max_stack))?;
                    }
                    OpCode::Closure => {
                        savepc!();
                        let f = self.make_closure(proto, upvalues, i.bx(), base);
                        w!(a, f);
                        self.maybe_collect();
                    }
                    OpCode::VarArg => {
                        savepc!();
                        // SAFETY: `fi` is this frame's index (see `savepc`).
                        let (start, count) = {
                            let frame = unsafe { self.frames.get_unchecked(fi) };
                            (frame.varargs_start, frame.varargs)
                        };
                        self.var_arg(a, i.c(), start, count)?;
                    }
                    OpCode::VarArgPrep | OpCode::ExtraArg => {}
                }
            }
        }
    }
}

fn jump(pc: usize, offset: i64) -> usize {
    (pc as i64 + offset) as usize
}

const _: () = assert!(OFFSET_SC > 0);
