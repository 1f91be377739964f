//! The out-of-line parts of the interpreter: instructions too rare or too long to sit
//! in the loop (`SetList`, `VarArg`, `Concat`, numeric `for` setup) and the slow paths
//! of arithmetic. The loop itself (`interp.rs`) calls these; nothing else should.

use moonlet_compiler::OpCode;

use crate::error::LuaError;
use crate::number;
use crate::ops::{ArithOp, Operand};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    // Rarer instructions live out of the loop, so that it stays small.

    /// `SetList`: `count` values above `a` (0: up to top) into the table in `a`.
    #[inline(never)]
    pub(crate) fn set_list(
        &mut self,
        a: usize,
        count: usize,
        offset: usize,
        frame_end: usize,
    ) -> Result<(), LuaError> {
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
    pub(crate) fn var_arg(
        &mut self,
        a: usize,
        c: usize,
        start: usize,
        available: usize,
    ) -> Result<(), LuaError> {
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
    pub(crate) fn concat(&mut self, a: usize, reg: usize, n: usize) -> Result<(), LuaError> {
        // As Lua's `luaV_concat`: from the right, the longest run of strings and numbers
        // is joined into one new string at once; a pair with anything else goes through
        // `__concat` (or fails). Partial results stay in the registers (GC roots).
        let mut top = n;
        while top > 1 {
            let (x, y) = (self.stack[a + top - 2], self.stack[a + top - 1]);
            if !(is_string_or_number(x) && is_string_or_number(y)) {
                let who = (Operand::Reg(reg + top - 2), Operand::Reg(reg + top - 1));
                self.stack[a + top - 2] = self.concat_pair(x, y, who)?;
                top -= 1;
                continue;
            }
            let mut start = top - 2;
            while start > 0 && is_string_or_number(self.stack[a + start - 1]) {
                start -= 1;
            }
            let mut buffer = std::mem::take(&mut self.concat_buffer);
            buffer.clear();
            for &value in &self.stack[a + start..a + top] {
                append_string_or_number(&mut buffer, value);
            }
            self.stack[a + start] = self.intern(&buffer);
            self.concat_buffer = buffer;
            top = start + 1;
        }
        self.maybe_collect();
        Ok(())
    }

    /// `attempt to perform 'n%0'` / `attempt to divide by zero`, at the frame's stored pc.
    #[cold]
    #[inline(never)]
    pub(crate) fn division_by_zero(&mut self, op: ArithOp) -> LuaError {
        let message =
            if let ArithOp::Mod = op { "attempt to perform 'n%0'" } else { "attempt to divide by zero" };
        self.error(message)
    }

    /// Arithmetic: the common numeric cases first, then `ops.rs` (coercions,
    /// metamethods, errors).
    #[inline(never)]
    pub(crate) fn binary(
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

    // ------------------------------------------------------------------ numeric for

    /// Prepares a numeric loop at `a` (initial, limit, step); false when it runs zero times.
    /// `TForCall` when the iterator is `ipairs`'s step function, the state a table
    /// without metatable or an external table and the control an integer: the step done
    /// in place (R[A+4] := i + 1, R[A+5] := t[i + 1], or R[A+4] := nil at the end; the
    /// `wanted` loop variables past those are nil). False when the call is needed.
    #[inline(always)]
    pub(crate) fn ipairs_inline(&mut self, a: usize, wanted: usize) -> Result<bool, LuaError> {
        let (Some(&iterator), Some(&state), Some(&Value::Int(control))) =
            (self.stack.get(a), self.stack.get(a + 1), self.stack.get(a + 2))
        else {
            return Ok(false);
        };
        let (Value::Function(f), Value::Function(step)) = (iterator, self.ipairs_step) else {
            return Ok(false);
        };
        if !crate::gc::Gc::ptr_eq(f, step) {
            return Ok(false);
        }
        let i = control.wrapping_add(1);
        let value = match state {
            Value::Table(t) if t.metatable().is_none() => t.get_int(i),
            Value::Extern(e, node) => self.ext_get(e, node, Value::Int(i)),
            _ => return Ok(false),
        };
        // The frame's registers (`max_stack` of them) are in the stack, and the loop
        // variables are among them.
        let Some(vars) = self.stack.get_mut(a + 4..a + 4 + wanted.max(1)) else { return Ok(false) };
        vars.fill(Value::Nil);
        if !value.is_nil() {
            if let [index, rest @ ..] = vars {
                *index = Value::Int(i);
                if let Some(slot) = rest.first_mut() {
                    *slot = value;
                }
            }
        }
        Ok(true)
    }

    pub(crate) fn for_prep(&mut self, a: usize) -> Result<bool, LuaError> {
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
    pub(crate) fn for_number(&mut self, value: Value, what: &str) -> Result<Value, LuaError> {
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
    pub(crate) fn for_loop(&mut self, a: usize) -> bool {
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

/// Whether `..` takes `value` as it is (strings, and numbers converted to text).
#[inline]
fn is_string_or_number(value: Value) -> bool {
    matches!(value, Value::Str(_) | Value::Int(_) | Value::Float(_))
}

/// Appends a string's bytes, or a number's text as `..` writes it.
fn append_string_or_number(buffer: &mut Vec<u8>, value: Value) {
    match value {
        Value::Str(s) => buffer.extend_from_slice(s.as_bytes()),
        Value::Int(i) => {
            // Decimal digits, last first (20 fit any i64 magnitude).
            let mut digits = [0u8; 20];
            let mut n = i.unsigned_abs();
            let mut start = digits.len();
            loop {
                start -= 1;
                digits[start] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            if i < 0 {
                buffer.push(b'-');
            }
            buffer.extend_from_slice(&digits[start..]);
        }
        Value::Float(f) => buffer.extend_from_slice(number::fmt_float(f).as_bytes()),
        _ => {}
    }
}

/// The operator of an arithmetic or bitwise instruction (for its slow path).
pub(crate) fn arith_of(op: OpCode) -> ArithOp {
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
