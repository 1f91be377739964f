//! Names for values in error messages: `(global 'x')`, `(local 't')`, `(field 'y')`,
//! `(upvalue 'z')`, `(method 'm')`, `(constant 'k')`.
//!
//! Owns the reading of a prototype's code and debug information to find where a
//! register's value came from, as Lua's `ldebug.c` does. It never changes state.

use moonlet_compiler::OpCode;

use crate::function::FnProto;
use crate::value::Value;

/// What the value in `reg` is, at instruction `pc` of `proto`: `("global", "x")` etc.
pub(crate) fn register_name(proto: &FnProto, pc: usize, reg: usize) -> Option<(&'static str, String)> {
    let p = &proto.proto;
    if let Some(name) = p.local_name(reg, pc) {
        return Some(("local", name.to_owned()));
    }
    // The last instruction before `pc` that wrote `reg`.
    let setter = (0..pc.min(p.code.len())).rev().find(|&i| writes(p.code[i], reg))?;
    let instr = p.code[setter];
    let constant_name = |index: usize| match proto.constants.get(index) {
        Some(Value::Str(s)) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        _ => None,
    };
    match instr.op() {
        OpCode::Move if instr.b() < instr.a() => register_name(proto, setter, instr.b()),
        OpCode::GetTabUp => {
            let key = constant_name(instr.c())?;
            let is_env = p.upvalues.get(instr.b()).is_some_and(|u| &*u.name == "_ENV");
            Some((if is_env { "global" } else { "field" }, key))
        }
        OpCode::GetField => {
            let key = constant_name(instr.c())?;
            let is_env = p.local_name(instr.b(), setter) == Some("_ENV");
            Some((if is_env { "global" } else { "field" }, key))
        }
        OpCode::GetI => Some(("field", "integer index".to_owned())),
        OpCode::GetUpval => Some(("upvalue", p.upvalues.get(instr.b())?.name.to_string())),
        OpCode::LoadK => Some(("constant", constant_name(instr.bx())?)),
        OpCode::SelfOp if instr.k() => Some(("method", constant_name(instr.c())?)),
        _ => None,
    }
}

/// Whether `instr` writes register `reg` as its destination.
fn writes(instr: moonlet_compiler::Instr, reg: usize) -> bool {
    use OpCode::*;
    let a = instr.a();
    match instr.op() {
        LoadNil => (a..=a + instr.b()).contains(&reg),
        SelfOp => reg == a || reg == a + 1,
        Move | LoadI | LoadF | LoadK | LoadKX | LoadFalse | LFalseSkip | LoadTrue | GetUpval | GetTabUp
        | GetTable | GetI | GetField | NewTable | AddI | AddK | SubK | MulK | ModK | PowK | DivK | IDivK
        | BAndK | BOrK | BXorK | Add | Sub | Mul | Mod | Pow | Div | IDiv | BAnd | BOr | BXor | Shl | Shr
        | Unm | BNot | Not | Len | Concat | Closure | TestSet => reg == a,
        Call | VarArg | TForCall => reg >= a,
        _ => false,
    }
}

/// ` (global 'x')` or empty: the suffix Lua adds to a message about register `reg`.
pub(crate) fn describe(proto: &FnProto, pc: usize, reg: usize) -> String {
    match register_name(proto, pc, reg) {
        Some((kind, name)) => format!(" ({kind} '{name}')"),
        None => String::new(),
    }
}
