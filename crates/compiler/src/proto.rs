//! Function prototypes: what the compiler produces for each function and the VM runs.
//!
//! Owns the compiled form of a function (code, constants, nested prototypes, upvalue
//! descriptions, debug information). It holds no VM values: constants are plain data that
//! the VM turns into its own values when it loads a chunk.

use std::sync::Arc;

use crate::opcode::Instr;

/// A constant of a prototype.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Box<[u8]>),
}

/// Where a closure finds one of its upvalues when it is created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpvalDesc {
    /// The variable's name (for error messages and the debug library).
    pub name: Box<str>,
    /// `true`: a local of the enclosing function, in register `index`;
    /// `false`: upvalue `index` of the enclosing function.
    pub in_stack: bool,
    pub index: u8,
}

/// A local variable's name and the instructions where it is active, for error messages
/// (`local 'x'`) and the debug library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalInfo {
    pub name: Box<str>,
    /// First instruction where the variable is active.
    pub start_pc: u32,
    /// First instruction where it is no longer active.
    pub end_pc: u32,
}

/// A compiled function.
#[derive(Debug, Clone, PartialEq)]
pub struct Proto {
    pub code: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    pub protos: Vec<Arc<Proto>>,
    pub upvalues: Vec<UpvalDesc>,
    pub locals: Vec<LocalInfo>,
    pub num_params: u8,
    pub is_vararg: bool,
    /// Registers the function needs.
    pub max_stack: u8,
    /// The chunk name as shown in messages (`test.lua`, `stdin`).
    pub source: Arc<str>,
    /// Lines of `function` and of `end` (0 for a main chunk).
    pub line_defined: u32,
    pub last_line_defined: u32,
}

impl Proto {
    /// The name of the local variable held in `register` at instruction `pc`, if any:
    /// the `n`-th active local at that point lives in register `n`.
    pub fn local_name(&self, register: usize, pc: usize) -> Option<&str> {
        let pc = pc as u32;
        self.locals.iter().filter(|l| l.start_pc <= pc && pc < l.end_pc).nth(register).map(|l| &*l.name)
    }
}
