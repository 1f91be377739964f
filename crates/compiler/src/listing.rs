//! A readable listing of a prototype and its nested functions (`moonlet --dump`), in the
//! spirit of `luac -l -l`.
//!
//! Owns the text format only; it never changes a prototype.

use std::fmt::Write;

use crate::opcode::{Instr, OpCode};
use crate::proto::{Constant, Proto};

/// Lists `proto` and, after it, every nested prototype.
///
/// ```
/// let block = moonlet_parser::parse_chunk(b"print('hi')", "hi").unwrap();
/// let proto = moonlet_compiler::compile(&block, b"print('hi')", "hi").unwrap();
/// let text = moonlet_compiler::listing(&proto);
/// assert!(text.starts_with("main <hi:0,0>"));
/// assert!(text.contains("GetTabUp") && text.contains("\"print\""));
/// ```
pub fn listing(proto: &Proto) -> String {
    let mut out = String::new();
    list(proto, &mut out, true);
    out
}

fn list(proto: &Proto, out: &mut String, main: bool) {
    let kind = if main { "main" } else { "function" };
    let _ = writeln!(
        out,
        "{kind} <{}:{},{}> ({} instructions)",
        proto.source,
        proto.line_defined,
        proto.last_line_defined,
        proto.code.len()
    );
    let _ = writeln!(
        out,
        "{}{} params, {} slots, {} upvalues, {} locals, {} constants, {} functions",
        proto.num_params,
        if proto.is_vararg { "+" } else { "" },
        proto.max_stack,
        proto.upvalues.len(),
        proto.locals.len(),
        proto.constants.len(),
        proto.protos.len()
    );
    for (pc, instr) in proto.code.iter().enumerate() {
        let line = proto.lines.get(pc).copied().unwrap_or(0);
        let _ = write!(out, "  {:>4} [{line}] {instr:?}", pc + 1);
        if let Some(note) = note(proto, pc, *instr) {
            let _ = write!(out, "  ; {note}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "constants ({}):", proto.constants.len());
    for (i, k) in proto.constants.iter().enumerate() {
        let _ = writeln!(out, "  {i:>4} {}", constant(k));
    }
    let _ = writeln!(out, "locals ({}):", proto.locals.len());
    for (i, l) in proto.locals.iter().enumerate() {
        let _ = writeln!(out, "  {i:>4} {} {} {}", l.name, l.start_pc + 1, l.end_pc + 1);
    }
    let _ = writeln!(out, "upvalues ({}):", proto.upvalues.len());
    for (i, u) in proto.upvalues.iter().enumerate() {
        let _ = writeln!(out, "  {i:>4} {} {} {}", u.name, u8::from(u.in_stack), u.index);
    }
    for nested in &proto.protos {
        out.push('\n');
        list(nested, out, false);
    }
}

fn constant(k: &Constant) -> String {
    match k {
        Constant::Nil => "nil".to_owned(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Str(s) => format!("\"{}\"", s.escape_ascii()),
    }
}

/// What an operand refers to: a constant, an upvalue name, a jump target.
fn note(proto: &Proto, pc: usize, instr: Instr) -> Option<String> {
    use OpCode::*;
    let k = |i: usize| proto.constants.get(i).map(constant);
    let up = |i: usize| proto.upvalues.get(i).map(|u| u.name.to_string());
    let target = |offset: i64| format!("to {}", pc as i64 + 2 + offset);
    match instr.op() {
        LoadK => k(instr.bx()),
        GetField | SelfOp if instr.op() == GetField || instr.k() => k(instr.c()),
        GetTabUp => Some(format!("{} {}", up(instr.b())?, k(instr.c())?)),
        SetTabUp => Some(format!("{} {}", up(instr.a())?, k(instr.b())?)),
        SetField => k(instr.b()),
        EqK => k(instr.b()),
        AddK | SubK | MulK | ModK | PowK | DivK | IDivK | BAndK | BOrK | BXorK => k(instr.c()),
        GetUpval | SetUpval => up(instr.b()),
        Jmp => Some(target(instr.sj_field())),
        ForPrep => Some(target(instr.bx() as i64 + 1)),
        ForLoop | TForLoop => Some(target(-(instr.bx() as i64))),
        TForPrep => Some(target(instr.bx() as i64)),
        _ => None,
    }
}
