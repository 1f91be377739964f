//! The interpreter loop: one case per opcode, in the order of `opcode.rs`.
//!
//! Owns the execution of instructions. Calls between Lua functions push a frame and
//! continue in this loop (no Rust recursion); native functions and metamethods are
//! called through `vm.rs`. Operators fall back to `ops.rs` for everything but the
//! common numeric cases.

use moonlet_compiler::opcode::OFFSET_SC;
use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::function::Function;
use crate::number;
use crate::ops::{ArithOp, Operand};
use crate::table::Table;
use crate::value::Value;
use crate::vm::{CallSite, Vm};

impl Vm {
    /// Runs Lua frames until the entry frame (the one `call` pushed) returns. Errors
    /// inside a protected call made meanwhile are caught here (no Rust frame is left
    /// between a `pcall` and the code it protects).
    pub(crate) fn execute(&mut self) -> Result<(), LuaError> {
        self.exec_depth += 1;
        let result = loop {
            // Debug hooks run in the traced instance of the loop: the other one has no
            // hook test per instruction, and hands over when hooks are set or cleared.
            let run = if self.hook.armed { self.run::<true>() } else { self.run::<false>() };
            match run {
                Ok(()) if self.hook.switch => self.hook.switch = false,
                Ok(()) => break Ok(()),
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

    /// The instruction loop proper; returns on the entry frame's return or on an error,
    /// or (setting `hook.switch`) when hooks were set or cleared and the other instance
    /// (`TRACED`: calling the hook before each instruction) must take over.
    fn run<const TRACED: bool>(&mut self) -> Result<(), LuaError> {
        // Where hooks may have changed (after a call): hand over if needed.
        macro_rules! hand_over_if_hooks_changed {
            () => {
                if self.hook.armed != TRACED {
                    self.hook.switch = true;
                    return Ok(());
                }
            };
        }
        'frame: loop {
            let Some(&frame) = self.frames.last() else { return Ok(()) };
            hand_over_if_hooks_changed!();
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
                // SAFETY: verified code holds only valid opcodes (`verify`).
                let op = unsafe { i.op_unchecked() };
                // SAFETY: `fi` is this frame's index; frames only change on calls and
                // returns, after which the loop restarts at `'frame`.
                unsafe { self.frames.get_unchecked_mut(fi) }.pc = pc;
                if TRACED && self.hook.armed {
                    self.hook_instruction()?;
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
                        let key = kst!(i.c());
                        w!(a, self.get_fast(table, key, Operand::Upvalue(i.b()))?);
                    }
                    OpCode::GetTable => {
                        let (table, key) = (r!(i.b()), r!(i.c()));
                        w!(a, self.get_fast(table, key, Operand::Reg(i.b()))?);
                    }
                    OpCode::GetI => {
                        let table = r!(i.b());
                        self.stack[a] = match table {
                            Value::Table(t) if !t.get_int(i.c() as i64).is_nil() => t.get_int(i.c() as i64),
                            _ => self.index(table, Value::Int(i.c() as i64), Operand::Reg(i.b()))?,
                        };
                    }
                    OpCode::GetField => {
                        let (table, key) = (r!(i.b()), kst!(i.c()));
                        w!(a, self.get_fast(table, key, Operand::Reg(i.b()))?);
                    }
                    OpCode::SetTabUp => {
                        let table = self.upvalue_get(upval!(i.a()));
                        let (key, value) = (kst!(i.b()), rk!());
                        self.set_fast(table, key, value, Operand::Upvalue(i.a()))?;
                    }
                    OpCode::SetTable => {
                        let (key, value) = (r!(i.b()), rk!());
                        self.set_fast(at!(a), key, value, Operand::Reg(i.a()))?;
                    }
                    OpCode::SetI => {
                        let value = rk!();
                        self.set_fast(at!(a), Value::Int(i.b() as i64), value, Operand::Reg(i.a()))?;
                    }
                    OpCode::SetField => {
                        let (key, value) = (kst!(i.b()), rk!());
                        self.set_fast(at!(a), key, value, Operand::Reg(i.a()))?;
                    }
                    OpCode::NewTable => {
                        let t = self.heap.alloc(Table::new(i.c(), i.b()));
                        w!(a, Value::Table(t));
                        self.maybe_collect();
                    }
                    OpCode::SelfOp => {
                        let object = r!(i.b());
                        let key = rk!();
                        w!(a + 1, object);
                        w!(a, self.get_fast(object, key, Operand::Reg(i.b()))?);
                    }
                    OpCode::AddI => {
                        let x = r!(i.b());
                        let imm = i.sc();
                        self.stack[a] = match x {
                            Value::Int(v) => Value::Int(v.wrapping_add(imm)),
                            Value::Float(v) => Value::Float(v + imm as f64),
                            _ => self.arith(
                                ArithOp::Add,
                                x,
                                Value::Int(imm),
                                (Operand::Reg(i.b()), Operand::Anonymous),
                            )?,
                        };
                    }
                    OpCode::AddK
                    | OpCode::SubK
                    | OpCode::MulK
                    | OpCode::ModK
                    | OpCode::PowK
                    | OpCode::DivK
                    | OpCode::IDivK
                    | OpCode::BAndK
                    | OpCode::BOrK
                    | OpCode::BXorK => {
                        let op = arith_of(i.op());
                        let (x, y) = (r!(i.b()), kst!(i.c()));
                        w!(a, self.binary(op, x, y, (Operand::Reg(i.b()), Operand::Anonymous))?);
                    }
                    OpCode::Add
                    | OpCode::Sub
                    | OpCode::Mul
                    | OpCode::Mod
                    | OpCode::Pow
                    | OpCode::Div
                    | OpCode::IDiv
                    | OpCode::BAnd
                    | OpCode::BOr
                    | OpCode::BXor
                    | OpCode::Shl
                    | OpCode::Shr => {
                        let op = arith_of(i.op());
                        let (x, y) = (r!(i.b()), r!(i.c()));
                        w!(a, self.binary(op, x, y, (Operand::Reg(i.b()), Operand::Reg(i.c())))?);
                    }
                    OpCode::Unm => {
                        let x = r!(i.b());
                        let who = (Operand::Reg(i.b()), Operand::Reg(i.b()));
                        self.stack[a] = match x {
                            Value::Int(v) => Value::Int(v.wrapping_neg()),
                            Value::Float(v) => Value::Float(-v),
                            _ => self.arith(ArithOp::Unm, x, x, who)?,
                        };
                    }
                    OpCode::BNot => {
                        let x = r!(i.b());
                        self.stack[a] =
                            self.arith(ArithOp::BNot, x, x, (Operand::Reg(i.b()), Operand::Reg(i.b())))?;
                    }
                    OpCode::Not => w!(a, Value::Bool(r!(i.b()).is_falsy())),
                    OpCode::Len => {
                        let x = r!(i.b());
                        self.stack[a] = match x {
                            Value::Table(t) if t.metatable().is_none() => Value::Int(t.len()),
                            _ => self.length(x, Operand::Reg(i.b()))?,
                        };
                    }
                    OpCode::Concat => self.concat(a, i.a(), i.b())?,
                    OpCode::Close => self.close_scope(a)?,
                    OpCode::Tbc => self.mark_tbc(a, i.a())?,
                    OpCode::Jmp => pc = jump(pc, i.sj_field()),
                    OpCode::Eq => {
                        let result = self.equals(at!(a), r!(i.b()))?;
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::Lt | OpCode::Le => {
                        let (x, y) = (at!(a), r!(i.b()));
                        let result = self.less(x, y, i.op() == OpCode::Le)?;
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::EqK => {
                        let result = Value::raw_eq(at!(a), kst!(i.b()));
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::EqI => {
                        let result = Value::raw_eq(at!(a), Value::Int(i.sb()));
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::LtI | OpCode::LeI | OpCode::GtI | OpCode::GeI => {
                        let x = at!(a);
                        let imm = i.sb();
                        let result = match x {
                            Value::Int(v) => compare_ints(i.op(), v, imm),
                            _ => {
                                let y = Value::Int(imm);
                                match i.op() {
                                    OpCode::LtI => self.less(x, y, false)?,
                                    OpCode::LeI => self.less(x, y, true)?,
                                    OpCode::GtI => self.less(y, x, false)?,
                                    _ => self.less(y, x, true)?,
                                }
                            }
                        };
                        if result != i.k() {
                            pc += 1;
                        }
                    }
                    OpCode::Test => {
                        if at!(a).is_falsy() == i.k() {
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
                                        via_native: false,
                                        tail_call: false,
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
                        let Some(current) = self.frames.pop() else { return Ok(()) };
                        let dest = current.func_slot;
                        for j in 0..=nargs {
                            self.stack[dest + j] = at!(a + j);
                        }
                        if self.precall(dest, nargs, current.wanted, CallSite::Lua)? {
                            if let Some(frame) = self.frames.last_mut() {
                                frame.is_entry = current.is_entry;
                                frame.tail_call = true;
                            }
                            continue 'frame;
                        }
                        if self.ends_protected_call() {
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
                        if self.finish_call(a, n)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::Return0 => {
                        if self.finish_call(a, 0)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::Return1 => {
                        if self.finish_call(a, 1)? {
                            return Ok(());
                        }
                        continue 'frame;
                    }
                    OpCode::ForPrep => {
                        if !self.for_prep(a)? {
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
                        self.mark_tbc(a + 3, i.a() + 3)?;
                        pc += i.bx();
                    }
                    OpCode::TForCall => {
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
                        let f = self.make_closure(proto, upvalues, i.bx(), base);
                        w!(a, f);
                        self.maybe_collect();
                    }
                    OpCode::VarArg => self.var_arg(a, i.c(), frame.varargs_start, frame.varargs)?,
                    OpCode::VarArgPrep | OpCode::ExtraArg => {}
                }
            }
        }
    }

    // Rarer instructions live out of the loop, so that it stays small.

    /// `SetList`: `count` values above `a` (0: up to top) into the table in `a`.
    #[inline(never)]
    fn set_list(&mut self, a: usize, count: usize, offset: usize, frame_end: usize) -> Result<(), LuaError> {
        let n = if count == 0 { self.top - a - 1 } else { count };
        if let Value::Table(t) = self.stack[a] {
            for j in 1..=n {
                t.set_int((offset + j) as i64, self.stack[a + j]);
            }
        }
        let keep = self.top;
        self.ensure_stack(frame_end)?;
        self.top = keep;
        Ok(())
    }

    /// `VarArg`: `c - 1` vararg values (0: all, setting top) into `a` and up.
    #[inline(never)]
    fn var_arg(&mut self, a: usize, c: usize, start: usize, available: usize) -> Result<(), LuaError> {
        let n = if c == 0 { available } else { c - 1 };
        self.ensure_stack(a + n + 1)?;
        for j in 0..n {
            self.stack[a + j] = if j < available { self.stack[start + j] } else { Value::Nil };
        }
        self.top = a + n;
        Ok(())
    }

    /// `Concat`: the `n` values from `a` (register `reg`) concatenated into `a`.
    #[inline(never)]
    fn concat(&mut self, a: usize, reg: usize, n: usize) -> Result<(), LuaError> {
        let mut acc = self.stack[a + n - 1];
        for j in (0..n - 1).rev() {
            let left = self.stack[a + j];
            let who = (Operand::Reg(reg + j), Operand::Reg(reg + j + 1));
            acc = self.concat_pair(left, acc, who)?;
        }
        self.stack[a] = acc;
        self.maybe_collect();
        Ok(())
    }

    /// `table[key]` with the common table case inline.
    #[inline]
    fn get_fast(&mut self, table: Value, key: Value, who: Operand) -> Result<Value, LuaError> {
        if let Value::Table(t) = table {
            let v = match key {
                Value::Int(i) => t.get_int(i),
                Value::Str(s) => t.get_str(s),
                _ => t.get(key),
            };
            if !v.is_nil() || t.metatable().is_none() {
                return Ok(v);
            }
        }
        self.index(table, key, who)
    }

    /// `table[key] = value` with the common table case inline.
    #[inline]
    fn set_fast(&mut self, table: Value, key: Value, value: Value, who: Operand) -> Result<(), LuaError> {
        if let Value::Table(t) = table {
            if t.metatable().is_none() {
                return match key {
                    Value::Int(i) => {
                        t.set_int(i, value);
                        Ok(())
                    }
                    Value::Str(s) => {
                        t.set_str(s, value);
                        Ok(())
                    }
                    _ => self.raw_set(t, key, value),
                };
            }
        }
        self.set_index(table, key, value, who)
    }

    /// Arithmetic with the integer and float cases inline.
    #[inline]
    fn binary(
        &mut self,
        op: ArithOp,
        x: Value,
        y: Value,
        who: (Operand, Operand),
    ) -> Result<Value, LuaError> {
        match (op, x, y) {
            (ArithOp::Add, Value::Int(a), Value::Int(b)) => Ok(Value::Int(a.wrapping_add(b))),
            (ArithOp::Sub, Value::Int(a), Value::Int(b)) => Ok(Value::Int(a.wrapping_sub(b))),
            (ArithOp::Mul, Value::Int(a), Value::Int(b)) => Ok(Value::Int(a.wrapping_mul(b))),
            (ArithOp::Add, Value::Float(a), Value::Float(b)) => Ok(Value::Float(a + b)),
            (ArithOp::Sub, Value::Float(a), Value::Float(b)) => Ok(Value::Float(a - b)),
            (ArithOp::Mul, Value::Float(a), Value::Float(b)) => Ok(Value::Float(a * b)),
            (ArithOp::Mod, Value::Int(a), Value::Int(b)) if b != 0 => {
                Ok(Value::Int(crate::number::int_mod(a, b).unwrap_or(0)))
            }
            (ArithOp::IDiv, Value::Int(a), Value::Int(b)) if b != 0 => {
                Ok(Value::Int(crate::number::int_floor_div(a, b).unwrap_or(0)))
            }
            (ArithOp::Div, Value::Float(a), Value::Float(b)) => Ok(Value::Float(a / b)),
            (ArithOp::Div, Value::Int(a), Value::Int(b)) => Ok(Value::Float(a as f64 / b as f64)),
            (ArithOp::Add, Value::Int(a), Value::Float(b))
            | (ArithOp::Add, Value::Float(b), Value::Int(a)) => Ok(Value::Float(a as f64 + b)),
            (ArithOp::Mul, Value::Int(a), Value::Float(b))
            | (ArithOp::Mul, Value::Float(b), Value::Int(a)) => Ok(Value::Float(a as f64 * b)),
            _ => self.arith(op, x, y, who),
        }
    }

    /// A function returns `n` values from stack slot `first`: place them for the caller,
    /// pop the frame. Returns whether it was the entry frame (leave `execute`).
    #[inline]
    fn finish_call(&mut self, first: usize, n: usize) -> Result<bool, LuaError> {
        let Some(frame) = self.frames.pop() else { return Ok(true) };
        if !self.open_upvalues.is_empty() {
            self.close_upvalues(frame.base);
        }
        if !self.tbc.is_empty() {
            // `__close` handlers run with the frame still in place (for their positions).
            self.frames.push(frame);
            self.close_tbc(frame.base, Value::Nil)?;
            self.frames.pop();
        }
        if frame.wanted == 1 && n >= 1 {
            // The common case: one result wanted and available.
            self.stack[frame.func_slot] = self.stack[first];
            self.top = frame.func_slot + 1;
        } else {
            self.place_results(first, n, frame.func_slot, frame.wanted)?;
        }
        if self.ends_protected_call() {
            self.finish_protected();
        }
        if frame.is_entry {
            return Ok(true);
        }
        self.resume_caller()?;
        Ok(false)
    }

    /// Back in the caller after a call: its registers must all exist again.
    pub(crate) fn resume_caller(&mut self) -> Result<(), LuaError> {
        if let Some(caller) = self.frames.last() {
            let size = caller.base + usize::from(caller.proto.proto.max_stack);
            let keep = self.top;
            self.ensure_stack(size.max(keep))?;
            self.top = keep;
        }
        Ok(())
    }

    /// A new closure of nested prototype `index`, capturing its upvalues.
    fn make_closure(
        &mut self,
        parent: crate::gc::Gc<crate::function::FnProto>,
        parent_upvalues: &[std::cell::Cell<crate::gc::Gc<crate::function::UpVal>>],
        index: usize,
        base: usize,
    ) -> Value {
        let Some(&child) = parent.children.get(index) else { return Value::Nil };
        let upvalues: Vec<_> = child
            .proto
            .upvalues
            .iter()
            .map(|desc| {
                let index = usize::from(desc.index);
                if desc.in_stack {
                    self.find_upvalue(base + index)
                } else {
                    parent_upvalues.get(index).map_or_else(|| self.find_upvalue(base), std::cell::Cell::get)
                }
            })
            .map(std::cell::Cell::new)
            .collect();
        let f = self.heap.alloc(Function::Lua { proto: child, upvalues: upvalues.into_boxed_slice() });
        Value::Function(f)
    }

    // ------------------------------------------------------------------ numeric for

    /// Prepares a numeric loop at `a` (initial, limit, step); false when it runs zero times.
    fn for_prep(&mut self, a: usize) -> Result<bool, LuaError> {
        let (init, limit, step) = (self.stack[a], self.stack[a + 1], self.stack[a + 2]);
        // An integer loop needs integer (not string) initial value and step.
        let integer_loop = matches!((init, step), (Value::Int(_), Value::Int(_)));
        let init = self.for_number(init, "initial")?;
        let limit = self.for_number(limit, "limit")?;
        let step = self.for_number(step, "step")?;
        if let (Value::Int(i), Value::Int(s), true) = (init, step, integer_loop) {
            if s == 0 {
                return Err(self.error("'for' step is zero"));
            }
            let limit = match limit {
                Value::Int(l) => Some(l),
                Value::Float(f) => number::for_limit_float(i, f, s),
                _ => None,
            };
            let Some(count) = limit.and_then(|l| number::for_count(i, l, s)) else {
                return Ok(false);
            };
            self.stack[a + 1] = Value::Int(count as i64);
            self.stack[a + 3] = Value::Int(i);
            return Ok(true);
        }
        let as_f = |v: Value| match v {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => 0.0,
        };
        let (i, l, s) = (as_f(init), as_f(limit), as_f(step));
        if s == 0.0 {
            return Err(self.error("'for' step is zero"));
        }
        if if s > 0.0 { l < i } else { i < l } {
            return Ok(false);
        }
        self.stack[a] = Value::Float(i);
        self.stack[a + 1] = Value::Float(l);
        self.stack[a + 2] = Value::Float(s);
        self.stack[a + 3] = Value::Float(i);
        Ok(true)
    }

    /// A `for` control value converted to a number, or Lua's error.
    fn for_number(&mut self, value: Value, what: &str) -> Result<Value, LuaError> {
        match crate::ops::to_number(value) {
            Some(n) => Ok(n),
            None => {
                let what = if what == "initial" { "initial value" } else { what };
                let message = format!("bad 'for' {what} (number expected, got {})", self.type_name_of(value));
                Err(self.error(&message))
            }
        }
    }

    /// One step of a numeric loop; true when the body runs again.
    fn for_loop(&mut self, a: usize) -> bool {
        match (self.stack[a + 1], self.stack[a + 2], self.stack[a]) {
            (Value::Int(count), Value::Int(step), Value::Int(index)) => {
                // The count of iterations left is unsigned (it can exceed i64::MAX).
                let count = count as u64;
                if count == 0 {
                    return false;
                }
                let next = index.wrapping_add(step);
                self.stack[a + 1] = Value::Int((count - 1) as i64);
                self.stack[a] = Value::Int(next);
                self.stack[a + 3] = Value::Int(next);
                true
            }
            (Value::Float(limit), Value::Float(step), Value::Float(index)) => {
                let next = index + step;
                let go_on = if step > 0.0 { next <= limit } else { limit <= next };
                if go_on {
                    self.stack[a] = Value::Float(next);
                    self.stack[a + 3] = Value::Float(next);
                }
                go_on
            }
            _ => false,
        }
    }
}

fn jump(pc: usize, offset: i64) -> usize {
    (pc as i64 + offset) as usize
}

fn compare_ints(op: OpCode, x: i64, imm: i64) -> bool {
    match op {
        OpCode::LtI => x < imm,
        OpCode::LeI => x <= imm,
        OpCode::GtI => x > imm,
        _ => x >= imm,
    }
}

fn arith_of(op: OpCode) -> ArithOp {
    match op {
        OpCode::Add | OpCode::AddK => ArithOp::Add,
        OpCode::Sub | OpCode::SubK => ArithOp::Sub,
        OpCode::Mul | OpCode::MulK => ArithOp::Mul,
        OpCode::Mod | OpCode::ModK => ArithOp::Mod,
        OpCode::Pow | OpCode::PowK => ArithOp::Pow,
        OpCode::Div | OpCode::DivK => ArithOp::Div,
        OpCode::IDiv | OpCode::IDivK => ArithOp::IDiv,
        OpCode::BAnd | OpCode::BAndK => ArithOp::BAnd,
        OpCode::BOr | OpCode::BOrK => ArithOp::BOr,
        OpCode::BXor | OpCode::BXorK => ArithOp::BXor,
        OpCode::Shl => ArithOp::Shl,
        _ => ArithOp::Shr,
    }
}

const _: () = assert!(OFFSET_SC > 0);
