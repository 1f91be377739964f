//! Names from a prototype's code and debug information, as Lua's `ldebug.c` finds them:
//! for values in error messages (`(global 'x')`, `(local 't')`, `(field 'y')`,
//! `(upvalue 'z')`, `(method 'm')`, `(constant 'k')`) and for called functions in
//! tracebacks and `debug.getinfo` (`global 'f'`, `metamethod 'index'`, `for iterator`).
//!
//! Owns the symbolic reading of code: which instruction last set a register, and what
//! the instruction that made a call was. It never changes state and knows nothing of the
//! running stack (`levels.rs` walks that).

use moonlet_compiler::{Instr, OpCode};

use crate::function::FnProto;
use crate::value::Value;

/// What the value in `reg` is, at instruction `pc` of `proto`: `("global", "x")` etc.
pub(crate) fn register_name(proto: &FnProto, pc: usize, reg: usize) -> Option<(&'static str, String)> {
    let p = &proto.proto;
    if let Some(name) = p.local_name(reg, pc) {
        return Some(("local", name.to_owned()));
    }
    let setter = find_setter(proto, pc, reg)?;
    let instr = *p.code.get(setter)?;
    let constant_name = |index: usize| match proto.constants.get(index) {
        Some(Value::Str(s)) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        _ => None,
    };
    // `global` when the indexed table is the variable `_ENV`, else `field`.
    let global_or_field = |is_env: bool| if is_env { "global" } else { "field" };
    match instr.op() {
        OpCode::Move if instr.b() < instr.a() => register_name(proto, setter, instr.b()),
        OpCode::GetTabUp => {
            let key = constant_name(instr.c())?;
            let is_env = p.upvalues.get(instr.b()).is_some_and(|u| &*u.name == "_ENV");
            Some((global_or_field(is_env), key))
        }
        OpCode::GetField => {
            let key = constant_name(instr.c())?;
            Some((global_or_field(is_env_register(proto, setter, instr.b())), key))
        }
        OpCode::GetTable => {
            // The key's name when it is a constant string, else `?`.
            let key = match register_name(proto, setter, instr.c()) {
                Some(("constant", name)) => name,
                _ => "?".to_owned(),
            };
            Some((global_or_field(is_env_register(proto, setter, instr.b())), key))
        }
        OpCode::GetI => Some(("field", "integer index".to_owned())),
        OpCode::GetUpval => Some(("upvalue", p.upvalues.get(instr.b())?.name.to_string())),
        OpCode::LoadK => Some(("constant", constant_name(instr.bx())?)),
        OpCode::LoadKX => {
            let index = p.code.get(setter + 1)?.ax_field();
            Some(("constant", constant_name(index)?))
        }
        OpCode::SelfOp if instr.k() => Some(("method", constant_name(instr.c())?)),
        _ => None,
    }
}

/// Whether register `reg` holds the variable `_ENV` at `pc`.
fn is_env_register(proto: &FnProto, pc: usize, reg: usize) -> bool {
    register_name(proto, pc, reg).is_some_and(|(_, name)| name == "_ENV")
}

/// The last instruction before `pc` that set `reg`, if it surely ran: an assignment
/// inside code that a jump can skip does not count (Lua's `findsetreg`).
fn find_setter(proto: &FnProto, pc: usize, reg: usize) -> Option<usize> {
    let code = &proto.proto.code;
    let last = pc.min(code.len());
    let mut setter = None;
    // Code before this index is conditional (a forward jump lands here or later).
    let mut jump_target = 0;
    for (at, &instr) in code.iter().enumerate().take(last) {
        if instr.op() == OpCode::Jmp {
            let dest = at as i64 + 1 + instr.sj_field();
            if dest <= last as i64 && dest > jump_target as i64 {
                jump_target = dest as usize;
            }
            continue;
        }
        if writes(instr, reg) {
            setter = if at < jump_target { None } else { Some(at) };
        }
    }
    setter
}

/// Whether `instr` writes register `reg` (the registers Lua's `findsetreg` counts).
fn writes(instr: Instr, reg: usize) -> bool {
    use OpCode::*;
    let a = instr.a();
    match instr.op() {
        LoadNil => (a..=a + instr.b()).contains(&reg),
        TForCall => reg >= a + 2,
        Call | TailCall => reg >= a,
        Move | LoadI | LoadF | LoadK | LoadKX | LoadFalse | LFalseSkip | LoadTrue | GetUpval | GetTabUp
        | GetTable | GetI | GetField | NewTable | SelfOp | AddI | AddK | SubK | MulK | ModK | PowK | DivK
        | IDivK | BAndK | BOrK | BXorK | Add | Sub | Mul | Mod | Pow | Div | IDiv | BAnd | BOr | BXor
        | Shl | Shr | Unm | BNot | Not | Len | Concat | Closure | TestSet | VarArg | ForLoop | ForPrep
        | TForLoop => reg == a,
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

/// How the instruction at `pc` of `proto` names the function it called (Lua's
/// `funcnamefromcode`): the called value's name for a call, `for iterator`, or the
/// event of a metamethod the instruction ran.
pub(crate) fn called_name(proto: &FnProto, pc: usize) -> Option<(&'static str, String)> {
    use OpCode::*;
    let instr = *proto.proto.code.get(pc)?;
    let event = match instr.op() {
        Call | TailCall => return register_name(proto, pc, instr.a()),
        TForCall => return Some(("for iterator", "for iterator".to_owned())),
        SelfOp | GetTabUp | GetTable | GetI | GetField => "index",
        SetTabUp | SetTable | SetI | SetField => "newindex",
        AddI | AddK | Add => "add",
        SubK | Sub => "sub",
        MulK | Mul => "mul",
        ModK | Mod => "mod",
        PowK | Pow => "pow",
        DivK | Div => "div",
        IDivK | IDiv => "idiv",
        BAndK | BAnd => "band",
        BOrK | BOr => "bor",
        BXorK | BXor => "bxor",
        Shl => "shl",
        Shr => "shr",
        Unm => "unm",
        BNot => "bnot",
        Len => "len",
        Concat => "concat",
        Eq => "eq",
        Lt | LtI | GtI => "lt",
        Le | LeI | GeI => "le",
        Close | Return | Return0 | Return1 => "close",
        _ => return None,
    };
    Some(("metamethod", event.to_owned()))
}
