//! The bytecode verifier: proves a prototype only names registers, constants,
//! upvalues, nested prototypes and jump targets that exist.
//!
//! Owns the operand rules of every opcode (which fields are registers, constants or
//! offsets). The VM relies on a verified prototype to read registers without bounds
//! checks, so every prototype is verified before it runs, whoever built it.

use crate::opcode::{Instr, Mode, OpCode};
use crate::proto::Proto;

/// Why a prototype was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    /// Instruction index (0-based) in the function at fault.
    pub pc: usize,
    pub message: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid bytecode at instruction {}: {}", self.pc + 1, self.message)
    }
}

impl std::error::Error for VerifyError {}

/// Checks `proto` and its nested prototypes.
///
/// ```
/// let block = moonlet_parser::parse_chunk(b"local a, b = 1, 2 return a + b", "v").unwrap();
/// let proto = moonlet_compiler::compile(&block, b"local a, b = 1, 2 return a + b", "v").unwrap();
/// assert!(moonlet_compiler::verify(&proto).is_ok());
/// ```
pub fn verify(proto: &Proto) -> Result<(), VerifyError> {
    let size = usize::from(proto.max_stack);
    if usize::from(proto.num_params) > size || proto.lines.len() != proto.code.len() {
        return Err(VerifyError { pc: 0, message: "inconsistent function header".to_owned() });
    }
    match proto.code.last().map(|i| i.op()) {
        Some(OpCode::Return | OpCode::Return0 | OpCode::Return1 | OpCode::TailCall) => {}
        _ => {
            return Err(VerifyError {
                pc: proto.code.len(),
                message: "code does not end in a return".to_owned(),
            })
        }
    }
    for (pc, &instr) in proto.code.iter().enumerate() {
        // The VM decodes verified opcodes without checking them.
        if (instr.0 & 0x7f) as usize >= OpCode::ALL.len() {
            return Err(VerifyError { pc, message: format!("unknown opcode {}", instr.0 & 0x7f) });
        }
        check(proto, pc, instr, size).map_err(|message| VerifyError { pc, message })?;
    }
    for child in &proto.protos {
        verify(child)?;
    }
    Ok(())
}

fn check(proto: &Proto, pc: usize, i: Instr, size: usize) -> Result<(), String> {
    use OpCode::*;
    let register = |r: usize| if r < size { Ok(()) } else { Err(format!("register {r} out of range")) };
    let constant = |k: usize| {
        if k < proto.constants.len() {
            Ok(())
        } else {
            Err(format!("constant {k} out of range"))
        }
    };
    let upvalue = |u: usize| {
        if u < proto.upvalues.len() {
            Ok(())
        } else {
            Err(format!("upvalue {u} out of range"))
        }
    };
    let target = |offset: i64| {
        let t = pc as i64 + 1 + offset;
        if (0..proto.code.len() as i64).contains(&t) {
            Ok(())
        } else {
            Err("jump out of the function".to_owned())
        }
    };
    let (a, b, c) = (i.a(), i.b(), i.c());
    let rk = |k: bool, c: usize| if k { constant(c) } else { register(c) };
    // Instructions followed by an operand word.
    let extra = |pc: usize| {
        if proto.code.get(pc + 1).is_some_and(|e| e.op() == ExtraArg) {
            Ok(())
        } else {
            Err("missing extra argument".to_owned())
        }
    };
    match i.op() {
        Move | Unm | BNot | Not | Len => {
            register(a)?;
            register(b)
        }
        LoadI | LoadF | LoadFalse | LoadTrue | Tbc => register(a),
        LFalseSkip => {
            register(a)?;
            target(1)
        }
        // A level, not a register read: it may equal the frame size.
        Close | VarArgPrep => {
            if a <= size {
                Ok(())
            } else {
                Err(format!("level {a} out of range"))
            }
        }
        LoadK => {
            register(a)?;
            constant(i.bx())
        }
        LoadKX => {
            register(a)?;
            extra(pc)?;
            constant(proto.code[pc + 1].ax_field())
        }
        LoadNil => register(a + b),
        GetUpval | SetUpval => {
            register(a)?;
            upvalue(b)
        }
        GetTabUp => {
            register(a)?;
            upvalue(b)?;
            constant(c)
        }
        GetTable => {
            register(a)?;
            register(b)?;
            register(c)
        }
        GetI => {
            register(a)?;
            register(b)
        }
        GetField => {
            register(a)?;
            register(b)?;
            constant(c)
        }
        SetTabUp => {
            upvalue(a)?;
            constant(b)?;
            rk(i.k(), c)
        }
        SetTable => {
            register(a)?;
            register(b)?;
            rk(i.k(), c)
        }
        SetI => {
            register(a)?;
            rk(i.k(), c)
        }
        SetField => {
            register(a)?;
            constant(b)?;
            rk(i.k(), c)
        }
        NewTable => register(a),
        SelfOp => {
            register(a + 1)?;
            register(b)?;
            rk(i.k(), c)
        }
        AddI => {
            register(a)?;
            register(b)
        }
        AddK | SubK | MulK | ModK | PowK | DivK | IDivK | BAndK | BOrK | BXorK => {
            register(a)?;
            register(b)?;
            constant(c)
        }
        Add | Sub | Mul | Mod | Pow | Div | IDiv | BAnd | BOr | BXor | Shl | Shr => {
            register(a)?;
            register(b)?;
            register(c)
        }
        Concat => {
            if b < 2 {
                return Err("concatenation of fewer than two values".to_owned());
            }
            register(a + b - 1)
        }
        Jmp => target(i.sj_field()),
        Eq | Lt | Le => {
            register(a)?;
            register(b)?;
            target(1)
        }
        EqK => {
            register(a)?;
            constant(b)?;
            target(1)
        }
        EqI | LtI | LeI | GtI | GeI | Test => {
            register(a)?;
            target(1)
        }
        TestSet => {
            register(a)?;
            register(b)?;
            target(1)
        }
        Call | TailCall => {
            register(a)?;
            if b > 0 {
                register(a + b - 1)?;
            }
            if i.op() == Call && c > 1 {
                register(a + c - 2)?;
            }
            Ok(())
        }
        Return => {
            if b > 1 {
                register(a + b - 2)?;
            }
            Ok(())
        }
        Return0 => Ok(()),
        Return1 => register(a),
        ForLoop => {
            register(a + 3)?;
            target(-(i.bx() as i64))
        }
        ForPrep => {
            register(a + 3)?;
            target(i.bx() as i64 + 1)
        }
        TForPrep => {
            register(a + 3)?;
            target(i.bx() as i64)
        }
        TForCall => register(a + 3 + c.max(1)),
        TForLoop => {
            register(a + 4)?;
            target(-(i.bx() as i64))
        }
        SetList => {
            register(a + b)?;
            if i.k() {
                extra(pc)?;
            }
            Ok(())
        }
        Closure => {
            register(a)?;
            if i.bx() < proto.protos.len() {
                Ok(())
            } else {
                Err(format!("function {} out of range", i.bx()))
            }
        }
        VarArg => register(a + c.saturating_sub(2)),
        ExtraArg => {
            if pc > 0
                && matches!(proto.code[pc - 1].op(), LoadKX | SetList)
                && proto.code[pc - 1].op().mode() == Mode::ABC
            {
                Ok(())
            } else {
                Err("stray extra argument".to_owned())
            }
        }
    }
}
