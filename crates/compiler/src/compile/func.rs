//! The function being compiled: its code, registers, constants and jump lists.
//!
//! Owns emission (one instruction with its line), register allocation (a stack: locals
//! first, temporaries above), the constants table, and jump patching. Knows nothing of
//! the AST; `expr.rs` and `stat.rs` drive it, `scope.rs` manages its variables.

use std::collections::HashMap;
use std::sync::Arc;

use crate::opcode::{Instr, OpCode, MAX_BX, OFFSET_SJ};
use crate::proto::{Constant, LocalInfo, Proto, UpvalDesc};

use super::scope::{Block, Goto, Label, LocalVar};
use super::CompileError;

/// A register number.
pub(crate) type Reg = u32;

/// Registers a function may use (they are 8-bit operands).
pub(crate) const MAX_REGISTERS: u32 = 255;

/// Positions of jump instructions still to be patched.
pub(crate) type JumpList = Vec<usize>;

/// Key for constant deduplication: floats by bits so that `0.0` and `-0.0` stay apart.
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Box<[u8]>),
}

pub(crate) struct FuncState {
    pub(crate) code: Vec<Instr>,
    pub(crate) lines: Vec<u32>,
    constants: Vec<Constant>,
    constant_index: HashMap<ConstKey, u32>,
    pub(crate) protos: Vec<Arc<Proto>>,
    pub(crate) upvalues: Vec<UpvalDesc>,
    /// Whether each upvalue is a `<const>`/`<close>` variable of an enclosing function.
    pub(crate) read_only_upvalues: Vec<bool>,
    /// Debug records of every local ever declared, in declaration order.
    pub(crate) local_infos: Vec<LocalInfo>,
    /// The active locals, innermost last; local `n` lives in register `n`.
    pub(crate) actives: Vec<LocalVar>,
    /// Locals declared but not active yet (`local x = <initializer being compiled>`).
    pub(crate) pending_locals: Vec<LocalVar>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) pending_gotos: Vec<Goto>,
    pub(crate) labels: Vec<Label>,
    /// First free register.
    pub(crate) free_reg: Reg,
    pub(crate) max_stack: Reg,
    pub(crate) num_params: u8,
    pub(crate) is_vararg: bool,
    /// Line given to the next instruction.
    pub(crate) line: u32,
    /// The last position some jump targets: the instruction before it cannot be
    /// retargeted, since values arrive there by several paths.
    pub(crate) last_target: usize,
    pub(crate) line_defined: u32,
}

impl FuncState {
    pub(crate) fn new(line_defined: u32) -> FuncState {
        FuncState {
            code: Vec::new(),
            lines: Vec::new(),
            constants: Vec::new(),
            constant_index: HashMap::new(),
            protos: Vec::new(),
            upvalues: Vec::new(),
            read_only_upvalues: Vec::new(),
            local_infos: Vec::new(),
            actives: Vec::new(),
            pending_locals: Vec::new(),
            blocks: Vec::new(),
            pending_gotos: Vec::new(),
            labels: Vec::new(),
            free_reg: 0,
            max_stack: 2,
            num_params: 0,
            is_vararg: false,
            line: line_defined,
            last_target: 0,
            line_defined,
        }
    }

    /// The position of the next instruction.
    pub(crate) fn pc(&self) -> usize {
        self.code.len()
    }

    pub(crate) fn emit(&mut self, instr: Instr) -> usize {
        self.code.push(instr);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    pub(crate) fn abc(&mut self, op: OpCode, a: Reg, b: u32, c: u32, k: bool) -> usize {
        self.emit(Instr::abc(op, a, b, c, k))
    }

    /// `LoadK`, or `LoadKX` + `ExtraArg` for constant indices past Bx.
    pub(crate) fn load_constant(&mut self, dst: Reg, index: u32) {
        if index <= MAX_BX {
            self.emit(Instr::abx(OpCode::LoadK, dst, index));
        } else {
            self.abc(OpCode::LoadKX, dst, 0, 0, false);
            self.emit(Instr::ax(OpCode::ExtraArg, index));
        }
    }

    // ------------------------------------------------------------------ registers

    /// Reserves `n` registers above the free one.
    pub(crate) fn reserve(&mut self, n: u32) -> Result<Reg, CompileError> {
        let first = self.free_reg;
        self.free_reg += n;
        if self.free_reg > MAX_REGISTERS {
            return Err(CompileError::new(self.line, "function or expression needs too many registers"));
        }
        self.max_stack = self.max_stack.max(self.free_reg);
        Ok(first)
    }

    /// Releases temporaries down to `reg` (never below the active locals).
    pub(crate) fn free_to(&mut self, reg: Reg) {
        self.free_reg = reg.max(self.actives.len() as Reg);
    }

    // ------------------------------------------------------------------ constants

    pub(crate) fn constant(&mut self, value: Constant) -> u32 {
        let key = match &value {
            Constant::Nil => ConstKey::Nil,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(*i),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
        };
        if let Some(&index) = self.constant_index.get(&key) {
            return index;
        }
        let index = self.constants.len() as u32;
        self.constants.push(value);
        self.constant_index.insert(key, index);
        index
    }

    pub(crate) fn string_constant(&mut self, bytes: &[u8]) -> u32 {
        self.constant(Constant::Str(bytes.into()))
    }

    // ------------------------------------------------------------------ jumps

    /// Emits a jump to be patched later.
    pub(crate) fn jump(&mut self) -> usize {
        self.emit(Instr::sj(OpCode::Jmp, 0))
    }

    /// Points the jump at `from` to `target`.
    pub(crate) fn patch(&mut self, from: usize, target: usize) -> Result<(), CompileError> {
        let offset = target as i64 - (from as i64 + 1);
        if offset.unsigned_abs() > OFFSET_SJ as u64 {
            return Err(CompileError::new(self.line, "control structure too long"));
        }
        self.code[from] = self.code[from].with_sj(offset as i32);
        Ok(())
    }

    /// Points every jump in `list` at the next instruction.
    pub(crate) fn patch_here(&mut self, list: JumpList) -> Result<(), CompileError> {
        let here = self.pc();
        if !list.is_empty() {
            self.last_target = here;
        }
        for from in list {
            self.patch(from, here)?;
        }
        Ok(())
    }

    /// Marks the next instruction as a jump target (a loop head, a label).
    pub(crate) fn mark_target(&mut self) -> usize {
        self.last_target = self.pc();
        self.last_target
    }

    /// Finishes the function into a prototype.
    pub(crate) fn finish(self, source: Arc<str>, last_line: u32) -> Proto {
        Proto {
            code: self.code,
            lines: self.lines,
            constants: self.constants,
            protos: self.protos,
            upvalues: self.upvalues,
            locals: self.local_infos,
            num_params: self.num_params,
            is_vararg: self.is_vararg,
            max_stack: self.max_stack.min(MAX_REGISTERS) as u8,
            source,
            line_defined: self.line_defined,
            last_line_defined: last_line,
        }
    }
}
