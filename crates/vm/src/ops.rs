//! Operators on values and their metamethods: indexing, arithmetic, comparison,
//! concatenation, length, conversion to string.
//!
//! Owns Lua 5.4's rules for what each operator does with each pair of types, when a
//! metamethod takes over, and the exact wording of the errors (`attempt to index a nil
//! value (global 'x')`). Raw numeric semantics come from `number.rs`; this module must not
//! decode instructions (the interpreter passes it the operands and who they are).

use crate::debuginfo;
use crate::error::LuaError;
use crate::gc::Gc;
use crate::number::{self, Numeral};
use crate::string::LuaStr;
use crate::table::Table;
use crate::value::Value;
use crate::vm::{CallSite, Vm};

/// Metamethod names of the arithmetic and bitwise operators, in `ArithOp` order.
pub(crate) const ARITH_EVENTS: [&str; 14] = [
    "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv", "__band", "__bor", "__bxor", "__shl",
    "__shr", "__unm", "__bnot",
];

/// Arithmetic and bitwise operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ArithOp {
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
}

impl ArithOp {
    fn is_bitwise(self) -> bool {
        matches!(
            self,
            ArithOp::BAnd | ArithOp::BOr | ArithOp::BXor | ArithOp::Shl | ArithOp::Shr | ArithOp::BNot
        )
    }

    /// The event name without `__` (`add`), as the string library's errors print it.
    fn event(self) -> &'static str {
        &ARITH_EVENTS[self as usize][2..]
    }
}

/// Where an operand came from, for naming it in an error message.
#[derive(Clone, Copy)]
pub(crate) enum Operand {
    /// Register `n` of the running Lua function.
    Reg(usize),
    /// Upvalue `n` of the running Lua function.
    Upvalue(usize),
    /// A constant or a computed value: no name.
    Anonymous,
}

/// Limit of `__index`/`__newindex` chains (Lua's `MAXTAGLOOP`).
const MAX_META_CHAIN: usize = 2000;

impl Vm {
    // ------------------------------------------------------------------ metatables

    pub(crate) fn metatable_of(&self, value: Value) -> Option<Gc<Table>> {
        match value {
            Value::Table(t) => t.metatable(),
            Value::Str(_) => self.string_meta,
            _ => self.type_metas[Vm::type_meta_index(value)],
        }
    }

    /// The slot in `type_metas` of a value's type (tables and strings have their own).
    pub(crate) fn type_meta_index(value: Value) -> usize {
        match value {
            Value::Nil => 0,
            Value::Bool(_) => 1,
            Value::Int(_) | Value::Float(_) => 2,
            Value::Function(_) => 3,
            _ => 4,
        }
    }

    /// The metamethod `event` of `value`, or nil.
    pub(crate) fn metamethod(&self, value: Value, event: Gc<LuaStr>) -> Value {
        match self.metatable_of(value) {
            Some(mt) => mt.get_str(event),
            None => Value::Nil,
        }
    }

    /// The first value a metamethod call returns.
    fn call_meta(&mut self, handler: Value, args: &[Value]) -> Result<Value, LuaError> {
        self.call_metamethod(handler, args, crate::vm::Finish::Result)
    }

    /// Calls a metamethod for the running operation. Called from the interpreter's own
    /// instruction (`meta_as_frame`), a Lua handler runs as a frame of the interpreter
    /// loop, so it can yield: its frame is pushed and the pending signal sent up to
    /// `execute`, and its result completes the instruction when it returns (`finish`).
    /// Otherwise it is called from Rust and its first result returned.
    pub(crate) fn call_metamethod(
        &mut self,
        handler: Value,
        args: &[Value],
        finish: crate::vm::Finish,
    ) -> Result<Value, LuaError> {
        let is_lua =
            matches!(handler, Value::Function(f) if matches!(&*f, crate::function::Function::Lua { .. }));
        if !(self.meta_as_frame && is_lua) {
            return self.call_first(handler, args, CallSite::Meta);
        }
        self.meta_as_frame = false;
        let depth = self.frames.last().map_or(0, |f| f.meta_depth).saturating_add(1);
        if let Some(message) = self.c_stack_full() {
            return Err(self.error(message));
        }
        let func_slot = self.stack.len();
        self.stack.push(handler);
        self.stack.extend_from_slice(args);
        self.precall(func_slot, args.len(), 1, CallSite::Meta)?;
        if let Some(frame) = self.frames.last_mut() {
            frame.finish = finish;
            frame.meta_depth = depth;
        }
        Err(self.spare_meta_signal.take().unwrap_or_else(LuaError::meta_pending))
    }

    /// ` (global 'x')` for an operand of the running function, or nothing.
    pub(crate) fn describe(&self, operand: Operand) -> String {
        let Some(frame) = self.frames.last() else { return String::new() };
        match operand {
            Operand::Reg(reg) => debuginfo::describe(&frame.proto, frame.pc.saturating_sub(1), reg),
            Operand::Upvalue(index) => match frame.proto.proto.upvalues.get(index) {
                Some(u) => format!(" (upvalue '{}')", u.name),
                None => String::new(),
            },
            Operand::Anonymous => String::new(),
        }
    }

    /// The type name errors use: `__name` from the metatable when it is a string.
    pub(crate) fn type_name_of(&self, value: Value) -> String {
        if let Value::Str(name) = self.metamethod(value, self.names.name) {
            return String::from_utf8_lossy(name.as_bytes()).into_owned();
        }
        value.type_name().to_owned()
    }

    fn type_error(&mut self, value: Value, action: &str, who: Operand) -> LuaError {
        let message =
            format!("attempt to {action} a {} value{}", self.type_name_of(value), self.describe(who));
        self.error(&message)
    }

    // ------------------------------------------------------------------ indexing

    /// `object[key]` with `__index`.
    #[inline]
    pub(crate) fn index(&mut self, object: Value, key: Value, who: Operand) -> Result<Value, LuaError> {
        // External tables first, without the metamethod chain's frame: `ipairs` and field
        // reads over host data come through here on every access.
        if let Value::Extern(e, node) = object {
            return Ok(self.ext_get(e, node, key));
        }
        self.index_chain(object, key, who)
    }

    /// `object[key]` through `__index` handlers.
    fn index_chain(&mut self, object: Value, key: Value, who: Operand) -> Result<Value, LuaError> {
        let mut current = object;
        for depth in 0..MAX_META_CHAIN {
            let handler = match current {
                // External tables have no metatable: a missing field is nil.
                Value::Extern(e, node) => return Ok(self.ext_get(e, node, key)),
                Value::Table(t) => {
                    let value = t.get(key);
                    if !value.is_nil() {
                        return Ok(value);
                    }
                    match t.metatable() {
                        None => return Ok(Value::Nil),
                        Some(mt) => {
                            let h = mt.get_str(self.names.index);
                            if h.is_nil() {
                                return Ok(Value::Nil);
                            }
                            h
                        }
                    }
                }
                other => {
                    let h = self.metamethod(other, self.names.index);
                    if h.is_nil() {
                        let who = if depth == 0 { who } else { Operand::Anonymous };
                        return Err(self.type_error(other, "index", who));
                    }
                    h
                }
            };
            if let Value::Function(_) = handler {
                return self.call_meta(handler, &[current, key]);
            }
            current = handler;
        }
        Err(self.error("'__index' chain too long; possible loop"))
    }

    /// `object[key] = value` with `__newindex`.
    #[inline]
    pub(crate) fn set_index(
        &mut self,
        object: Value,
        key: Value,
        value: Value,
        who: Operand,
    ) -> Result<(), LuaError> {
        // External tables first, as in `index`: filling an `ext.table()` stores here.
        if let Value::Extern(e, node) = object {
            return self.ext_set(e, node, key, value);
        }
        self.set_index_chain(object, key, value, who)
    }

    /// `object[key] = value` through `__newindex` handlers.
    fn set_index_chain(
        &mut self,
        object: Value,
        key: Value,
        value: Value,
        who: Operand,
    ) -> Result<(), LuaError> {
        let mut current = object;
        for depth in 0..MAX_META_CHAIN {
            let handler = match current {
                Value::Extern(e, node) => return self.ext_set(e, node, key, value),
                Value::Table(t) => {
                    let handler = match t.metatable() {
                        Some(mt) if t.get(key).is_nil() => mt.get_str(self.names.newindex),
                        _ => Value::Nil,
                    };
                    if handler.is_nil() {
                        return self.raw_set(t, key, value);
                    }
                    handler
                }
                other => {
                    let h = self.metamethod(other, self.names.newindex);
                    if h.is_nil() {
                        let who = if depth == 0 { who } else { Operand::Anonymous };
                        return Err(self.type_error(other, "index", who));
                    }
                    h
                }
            };
            if let Value::Function(_) = handler {
                self.call_meta(handler, &[current, key, value])?;
                return Ok(());
            }
            current = handler;
        }
        Err(self.error("'__newindex' chain too long; possible loop"))
    }

    /// `rawset`: no metamethods; nil and NaN keys are errors.
    pub(crate) fn raw_set(&mut self, table: Gc<Table>, key: Value, value: Value) -> Result<(), LuaError> {
        match table.set(key, value) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.error(&e.to_string())),
        }
    }

    // ------------------------------------------------------------------ arithmetic

    /// `a op b` (for unary operators `b` is `a` again, as Lua passes it).
    pub(crate) fn arith(
        &mut self,
        op: ArithOp,
        a: Value,
        b: Value,
        who: (Operand, Operand),
    ) -> Result<Value, LuaError> {
        if let Some(result) = self.arith_numbers(op, a, b)? {
            return Ok(result);
        }
        // Strings convert to numbers for arithmetic (not for bitwise operators), as the
        // string library's metamethods do.
        let string_involved = matches!(a, Value::Str(_)) || matches!(b, Value::Str(_));
        // The first operand's metamethod, else the second's (a string's own arithmetic
        // metamethods defer to the other operand's when it has one, so the same order).
        let first = self.metamethod(a, self.names.arith[op as usize]);
        let handler = if first.is_nil() { self.metamethod(b, self.names.arith[op as usize]) } else { first };
        if !handler.is_nil() {
            return self.call_meta(handler, &[a, b]);
        }
        if string_involved && !op.is_bitwise() {
            if let (Some(x), Some(y)) = (to_number(a), to_number(b)) {
                // As the string library's metamethod does it: errors (division by zero)
                // come from inside a native function, without a position.
                let caller = self.native;
                self.native.active = true;
                self.native.from_lua = false;
                let result = self.arith_numbers(op, x, y);
                self.native = caller;
                if let Some(result) = result? {
                    return Ok(result);
                }
            }
            let message =
                format!("attempt to {} a '{}' with a '{}'", op.event(), a.type_name(), b.type_name());
            return Err(self.error(&message));
        }
        if op.is_bitwise() && is_number(a) && is_number(b) {
            // Both numbers: one of them is a float with no integer value.
            let who = if to_integer(a).is_none() { who.0 } else { who.1 };
            let message = format!("number{} has no integer representation", self.describe(who));
            return Err(self.error(&message));
        }
        let (bad, who) = if is_number(a) && !(op.is_bitwise() && matches!(a, Value::Str(_))) {
            (b, who.1)
        } else {
            (a, who.0)
        };
        let action = if op.is_bitwise() { "perform bitwise operation on" } else { "perform arithmetic on" };
        Err(self.type_error(bad, action, who))
    }

    /// The operation on two numbers, or `None` if either is not a number.
    pub(crate) fn arith_numbers(
        &mut self,
        op: ArithOp,
        a: Value,
        b: Value,
    ) -> Result<Option<Value>, LuaError> {
        use ArithOp::*;
        if op.is_bitwise() {
            let (Some(x), Some(y)) = (to_integer(a), to_integer(b)) else {
                return Ok(None);
            };
            return Ok(Some(Value::Int(match op {
                BAnd => x & y,
                BOr => x | y,
                BXor => x ^ y,
                Shl => number::shift_left(x, y),
                Shr => number::shift_right(x, y),
                _ => !x,
            })));
        }
        let result = match (a, b) {
            (Value::Int(x), Value::Int(y)) => match op {
                Add => Value::Int(number::int_add(x, y)),
                Sub => Value::Int(number::int_sub(x, y)),
                Mul => Value::Int(number::int_mul(x, y)),
                Unm => Value::Int(number::int_neg(x)),
                Mod => match number::int_mod(x, y) {
                    Some(r) => Value::Int(r),
                    None => return Err(self.error("attempt to perform 'n%0'")),
                },
                IDiv => match number::int_floor_div(x, y) {
                    Some(r) => Value::Int(r),
                    None => return Err(self.error("attempt to divide by zero")),
                },
                Div => Value::Float(number::float_div(x as f64, y as f64)),
                _ => Value::Float(number::float_pow(x as f64, y as f64)),
            },
            _ => {
                let (Some(x), Some(y)) = (as_float(a), as_float(b)) else {
                    return Ok(None);
                };
                Value::Float(match op {
                    Add => x + y,
                    Sub => x - y,
                    Mul => x * y,
                    Unm => -x,
                    Mod => number::float_mod(x, y),
                    IDiv => number::float_floor_div(x, y),
                    Div => number::float_div(x, y),
                    _ => number::float_pow(x, y),
                })
            }
        };
        Ok(Some(result))
    }

    // ------------------------------------------------------------------ comparison

    /// `a == b` with `__eq` (only between two tables).
    pub(crate) fn equals(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        if Value::raw_eq(a, b) {
            return Ok(true);
        }
        if let (Value::Table(_), Value::Table(_)) = (a, b) {
            let mut handler = self.metamethod(a, self.names.eq);
            if handler.is_nil() {
                handler = self.metamethod(b, self.names.eq);
            }
            if !handler.is_nil() {
                return Ok(!self.call_meta(handler, &[a, b])?.is_falsy());
            }
        }
        Ok(false)
    }

    /// `a < b` (`or_equal`: `a <= b`) with `__lt`/`__le`.
    pub(crate) fn less(&mut self, a: Value, b: Value, or_equal: bool) -> Result<bool, LuaError> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(if or_equal { x <= y } else { x < y }),
            (Value::Float(x), Value::Float(y)) => return Ok(if or_equal { x <= y } else { x < y }),
            (Value::Int(x), Value::Float(y)) => {
                return Ok(if or_equal { number::le_int_float(x, y) } else { number::lt_int_float(x, y) })
            }
            (Value::Float(x), Value::Int(y)) => {
                return Ok(if or_equal { number::le_float_int(x, y) } else { number::lt_float_int(x, y) })
            }
            (Value::Str(x), Value::Str(y)) => {
                return Ok(if or_equal { x.as_bytes() <= y.as_bytes() } else { x.as_bytes() < y.as_bytes() })
            }
            _ => {}
        }
        let event = if or_equal { self.names.le } else { self.names.lt };
        let mut handler = self.metamethod(a, event);
        if handler.is_nil() {
            handler = self.metamethod(b, event);
        }
        if !handler.is_nil() {
            return Ok(!self.call_meta(handler, &[a, b])?.is_falsy());
        }
        if or_equal {
            // Lua 5.4 built with 5.3 compatibility: `a <= b` as `not (b < a)`.
            let mut lt = self.metamethod(b, self.names.lt);
            if lt.is_nil() {
                lt = self.metamethod(a, self.names.lt);
            }
            if !lt.is_nil() {
                return Ok(self.call_metamethod(lt, &[b, a], crate::vm::Finish::NotResult)?.is_falsy());
            }
        }
        let (ta, tb) = (self.type_name_of(a), self.type_name_of(b));
        let message = if ta == tb {
            format!("attempt to compare two {ta} values")
        } else {
            format!("attempt to compare {ta} with {tb}")
        };
        Err(self.error(&message))
    }

    // ------------------------------------------------------------------ concat and length

    /// `a .. b`.
    pub(crate) fn concat_pair(
        &mut self,
        a: Value,
        b: Value,
        who: (Operand, Operand),
    ) -> Result<Value, LuaError> {
        if let (Some(mut bytes), Some(y)) = (self.string_bytes(a), self.string_bytes(b)) {
            bytes.extend_from_slice(&y);
            return Ok(self.intern(&bytes));
        }
        let mut handler = self.metamethod(a, self.names.concat);
        if handler.is_nil() {
            handler = self.metamethod(b, self.names.concat);
        }
        if !handler.is_nil() {
            return self.call_meta(handler, &[a, b]);
        }
        let (bad, who) = if self.string_bytes(a).is_some() { (b, who.1) } else { (a, who.0) };
        Err(self.type_error(bad, "concatenate", who))
    }

    /// The bytes of a string, or of a number converted as `..` converts it.
    pub(crate) fn string_bytes(&self, value: Value) -> Option<Vec<u8>> {
        match value {
            Value::Str(s) => Some(s.as_bytes().to_vec()),
            Value::Int(i) => Some(number::fmt_int(i).into_bytes()),
            Value::Float(f) => Some(number::fmt_float(f).into_bytes()),
            _ => None,
        }
    }

    /// `#value`.
    pub(crate) fn length(&mut self, value: Value, who: Operand) -> Result<Value, LuaError> {
        let handler = self.metamethod(value, self.names.len);
        if !handler.is_nil() {
            // Like every unary metamethod, `__len` gets its operand twice.
            return self.call_meta(handler, &[value, value]);
        }
        match value {
            Value::Str(s) => Ok(Value::Int(s.len() as i64)),
            Value::Table(t) => Ok(Value::Int(t.len())),
            Value::Extern(e, node) => Ok(Value::Int(self.ext_len(e, node))),
            other => Err(self.type_error(other, "get length of", who)),
        }
    }

    // ------------------------------------------------------------------ tostring

    /// Whether `value` has a `__tostring` metamethod.
    pub fn has_tostring(&self, value: Value) -> bool {
        !self.metamethod(value, self.names.tostring).is_nil()
    }

    /// `tostring(value)`: `__tostring`, `__name`, or the default form.
    pub fn tostring(&mut self, value: Value) -> Result<Value, LuaError> {
        let handler = self.metamethod(value, self.names.tostring);
        if !handler.is_nil() {
            let result = self.call_meta(handler, &[value])?;
            return match result {
                Value::Str(_) => Ok(result),
                Value::Int(_) | Value::Float(_) => {
                    let bytes = self.string_bytes(result).unwrap_or_default();
                    Ok(self.intern(&bytes))
                }
                _ => Err(self.lib_error("'__tostring' must return a string")),
            };
        }
        let text = match value {
            Value::Nil => "nil".to_owned(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => number::fmt_int(i),
            Value::Float(f) => number::fmt_float(f),
            Value::Str(_) => return Ok(value),
            Value::Table(t) => {
                let kind = match self.metamethod(value, self.names.name) {
                    Value::Str(name) => String::from_utf8_lossy(name.as_bytes()).into_owned(),
                    _ => "table".to_owned(),
                };
                format!("{kind}: {:#x}", t.addr())
            }
            Value::Function(f) => format!("function: {:#x}", f.addr()),
            Value::Thread(t) => format!("thread: {:#x}", t.addr()),
            Value::Extern(e, node) => crate::external::address_text(e, node),
        };
        Ok(self.intern(text.as_bytes()))
    }
}

/// A number, or a string converted to one (for arithmetic).
pub(crate) fn to_number(value: Value) -> Option<Value> {
    match value {
        Value::Int(_) | Value::Float(_) => Some(value),
        Value::Str(s) => match number::str_to_num(s.as_bytes())? {
            Numeral::Int(i) => Some(Value::Int(i)),
            Numeral::Float(f) => Some(Value::Float(f)),
        },
        _ => None,
    }
}

fn is_number(value: Value) -> bool {
    matches!(value, Value::Int(_) | Value::Float(_))
}

fn as_float(value: Value) -> Option<f64> {
    match value {
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        _ => None,
    }
}

/// An integer, or a float with an exact integer value (for bitwise operators).
pub(crate) fn to_integer(value: Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(i),
        Value::Float(f) => number::float_to_int_exact(f),
        _ => None,
    }
}
