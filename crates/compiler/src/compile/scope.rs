//! Variables and scopes: blocks, locals, upvalue resolution, labels and `goto`.
//!
//! Owns Lua's scoping rules: a local lives in register `n` while it is the `n`-th active
//! local; a name is a local, else an upvalue found through the enclosing functions, else
//! a field of `_ENV`; a block that captured a local closes it on exit; `goto` sees the
//! labels of enclosing blocks and may not jump into the scope of a local.

use moonlet_parser::ast::Attrib;

use crate::opcode::OpCode;
use crate::proto::{LocalInfo, UpvalDesc};

use super::func::Reg;
use super::{CompileError, Compiler};

/// Locals a function may have active at once (Lua's limit).
const MAX_LOCALS: usize = 200;
/// Upvalues a function may have.
const MAX_UPVALUES: usize = 255;

pub(crate) struct LocalVar {
    pub(crate) name: String,
    pub(crate) attrib: Attrib,
    /// Index of this variable's debug record in `FuncState::local_infos`.
    info: usize,
}

pub(crate) struct Block {
    /// Active locals when the block started.
    first_active: usize,
    first_label: usize,
    first_goto: usize,
    is_loop: bool,
    /// Some local of this block is captured by a closure or is to-be-closed, so leaving
    /// the block must close it.
    pub(crate) needs_close: bool,
    /// Some local of this block is to-be-closed (no tail call may leave it).
    has_tbc: bool,
}

pub(crate) struct Goto {
    name: String,
    /// The `Jmp` to patch.
    pc: usize,
    line: u32,
    /// Active locals at the `goto` (lowered as it leaves blocks).
    actives: usize,
    /// It leaves a block that needs closing: its label must close.
    close: bool,
}

pub(crate) struct Label {
    name: String,
    pc: usize,
    line: u32,
    actives: usize,
}

/// Where a name lives.
pub(crate) enum VarLoc {
    Local(Reg),
    Upvalue(u32),
    /// Not declared: a field of `_ENV`.
    Global,
}

impl Compiler {
    pub(crate) fn enter_block(&mut self, is_loop: bool) {
        let fs = self.fs();
        let block = Block {
            first_active: fs.actives.len(),
            first_label: fs.labels.len(),
            first_goto: fs.pending_gotos.len(),
            is_loop,
            needs_close: false,
            has_tbc: false,
        };
        fs.blocks.push(block);
    }

    /// Leaves the innermost block: ends its locals, resolves `break`, passes pending
    /// gotos outward and emits `Close` when a captured local goes out of scope.
    pub(crate) fn leave_block(&mut self) -> Result<(), CompileError> {
        let fs = self.fs();
        let Some(block) = fs.blocks.pop() else {
            return Ok(());
        };
        let has_enclosing = !fs.blocks.is_empty();
        self.end_locals(block.first_active);
        // `break` is a goto to a label at the loop's exit.
        let closed = block.is_loop && self.create_label("break", block.first_active, block.first_goto)?;
        let fs = self.fs();
        if !closed && has_enclosing && block.needs_close {
            fs.abc(OpCode::Close, block.first_active as Reg, 0, 0, false);
        }
        fs.labels.truncate(block.first_label);
        let fs = self.fs();
        for goto in &mut fs.pending_gotos[block.first_goto..] {
            if goto.actives > block.first_active {
                goto.close |= block.needs_close;
                goto.actives = block.first_active;
            }
        }
        if has_enclosing {
            fs.free_to(block.first_active as Reg);
            return Ok(());
        }
        // The function's outermost block: whatever is still pending has no label. Lua
        // reports it on the line where the function ends.
        if let Some(goto) = fs.pending_gotos.first() {
            let message = if goto.name == "break" {
                format!("break outside loop at line {}", goto.line)
            } else {
                format!("no visible label '{}' for <goto> at line {}", goto.name, goto.line)
            };
            return Err(CompileError::new(fs.line, &message));
        }
        Ok(())
    }

    /// Declares a local that becomes active with [`Compiler::activate_locals`].
    pub(crate) fn new_local(&mut self, name: &str, attrib: Attrib) -> Result<(), CompileError> {
        let line = self.fs().line;
        let fs = self.fs();
        if fs.actives.len() >= MAX_LOCALS {
            let what = self.function_description();
            return Err(CompileError::new(
                line,
                &format!("too many local variables (limit is {MAX_LOCALS}) in {what}"),
            ));
        }
        let fs = self.fs();
        fs.local_infos.push(LocalInfo { name: name.into(), start_pc: 0, end_pc: 0 });
        let info = fs.local_infos.len() - 1;
        self.fs().pending_locals.push(LocalVar { name: name.to_owned(), attrib, info });
        Ok(())
    }

    /// Activates the locals declared since the last call: they take the next registers.
    pub(crate) fn activate_locals(&mut self) {
        let fs = self.fs();
        let pending = std::mem::take(&mut fs.pending_locals);
        let pc = fs.pc() as u32;
        for local in pending {
            fs.local_infos[local.info].start_pc = pc;
            fs.actives.push(local);
        }
        let count = fs.actives.len() as Reg;
        fs.free_reg = fs.free_reg.max(count);
        fs.max_stack = fs.max_stack.max(count);
    }

    /// Ends the locals above `keep`.
    fn end_locals(&mut self, keep: usize) {
        let fs = self.fs();
        let pc = fs.pc() as u32;
        while fs.actives.len() > keep {
            if let Some(local) = fs.actives.pop() {
                fs.local_infos[local.info].end_pc = pc;
            }
        }
    }

    /// Finds a name: a local of the current function, an upvalue, or a global.
    pub(crate) fn resolve(&mut self, name: &str) -> Result<VarLoc, CompileError> {
        Ok(self.resolve_with_attrib(name)?.0)
    }

    /// Finds a name, and whether it is a `<const>` or `<close>` variable (read-only).
    pub(crate) fn resolve_with_attrib(&mut self, name: &str) -> Result<(VarLoc, bool), CompileError> {
        let level = self.funcs.len() - 1;
        self.resolve_at(name, level)
    }

    fn resolve_at(&mut self, name: &str, level: usize) -> Result<(VarLoc, bool), CompileError> {
        let fs = &self.funcs[level];
        if let Some(reg) = fs.actives.iter().rposition(|l| l.name == name) {
            let read_only = fs.actives[reg].attrib != Attrib::None;
            return Ok((VarLoc::Local(reg as Reg), read_only));
        }
        if let Some(index) = fs.upvalues.iter().position(|u| &*u.name == name) {
            let read_only = fs.read_only_upvalues.get(index).copied().unwrap_or(false);
            return Ok((VarLoc::Upvalue(index as u32), read_only));
        }
        if level == 0 {
            return Ok((VarLoc::Global, false));
        }
        let (in_stack, index, read_only) = match self.resolve_at(name, level - 1)? {
            (VarLoc::Global, _) => return Ok((VarLoc::Global, false)),
            (VarLoc::Local(reg), read_only) => {
                self.mark_captured(level - 1, reg);
                (true, reg, read_only)
            }
            (VarLoc::Upvalue(index), read_only) => (false, index, read_only),
        };
        let fs = &mut self.funcs[level];
        if fs.upvalues.len() >= MAX_UPVALUES {
            let line = fs.line;
            return Err(CompileError::new(line, &format!("too many upvalues (limit is {MAX_UPVALUES})")));
        }
        fs.upvalues.push(UpvalDesc { name: name.into(), in_stack, index: index as u8 });
        fs.read_only_upvalues.push(read_only);
        Ok((VarLoc::Upvalue((fs.upvalues.len() - 1) as u32), read_only))
    }

    /// A closure captures local `reg` of the function at `level`: its block must close it.
    fn mark_captured(&mut self, level: usize, reg: Reg) {
        let fs = &mut self.funcs[level];
        if let Some(block) = fs.blocks.iter_mut().rev().find(|b| b.first_active <= reg as usize) {
            block.needs_close = true;
        }
    }

    /// Marks the innermost block as holding a to-be-closed variable.
    pub(crate) fn mark_block_has_tbc(&mut self) {
        if let Some(block) = self.fs().blocks.last_mut() {
            block.needs_close = true;
            block.has_tbc = true;
        }
    }

    /// Whether a to-be-closed variable of the current function is in scope.
    pub(crate) fn inside_tbc(&mut self) -> bool {
        self.fs().blocks.iter().any(|b| b.has_tbc)
    }

    /// Whether any enclosing block of the current function must close on exit (so a
    /// `return` has to close first).
    pub(crate) fn inside_closing_scope(&mut self) -> bool {
        self.fs().blocks.iter().any(|b| b.needs_close)
    }

    // ------------------------------------------------------------------ goto and labels

    /// `goto name` (or `break`, as a goto to the label "break").
    pub(crate) fn goto(&mut self, name: &str, line: u32) -> Result<(), CompileError> {
        let fs = self.fs();
        let visible = fs.labels.iter().rev().find(|l| l.name == name).map(|l| (l.pc, l.actives));
        if let (Some((pc, actives)), false) = (visible, name == "break") {
            // A backward jump: close the variables it leaves.
            if fs.actives.len() > actives {
                fs.abc(OpCode::Close, actives as Reg, 0, 0, false);
            }
            let from = fs.jump();
            return fs.patch(from, pc);
        }
        let actives = fs.actives.len();
        let pc = fs.jump();
        fs.pending_gotos.push(Goto { name: name.to_owned(), pc, line, actives, close: false });
        Ok(())
    }

    /// `::name::`. `at_block_end`: only void statements follow it in its block, so the
    /// block's locals are already out of scope there (Lua 5.4's rule). Errors are
    /// reported on `next_line`, the line of the token after the label, as Lua does.
    pub(crate) fn label(
        &mut self,
        name: &str,
        line: u32,
        at_block_end: bool,
        next_line: u32,
    ) -> Result<(), CompileError> {
        let fs = self.fs();
        if let Some(existing) = fs.labels.iter().find(|l| l.name == name) {
            return Err(CompileError::new(
                next_line,
                &format!("label '{name}' already defined on line {}", existing.line),
            ));
        }
        let actives =
            if at_block_end { fs.blocks.last().map_or(0, |b| b.first_active) } else { fs.actives.len() };
        let first_goto = self.fs().blocks.last().map_or(0, |b| b.first_goto);
        self.fs().line = next_line;
        self.create_label(name, actives, first_goto)?;
        self.fs().line = line;
        if let Some(label) = self.fs().labels.last_mut() {
            label.line = line;
        }
        Ok(())
    }

    /// Defines a label here with `actives` locals in scope and resolves the pending gotos
    /// from `first_goto` on that jump to it; returns whether it emitted a `Close` (some
    /// goto left a scope that must be closed).
    fn create_label(&mut self, name: &str, actives: usize, first_goto: usize) -> Result<bool, CompileError> {
        let fs = self.fs();
        let pc = fs.mark_target();
        let mut needs_close = false;
        let mut i = first_goto;
        while i < fs.pending_gotos.len() {
            if fs.pending_gotos[i].name != name {
                i += 1;
                continue;
            }
            let goto = fs.pending_gotos.remove(i);
            if goto.actives < actives {
                let local = fs.actives.get(goto.actives).map_or("?", |l| l.name.as_str());
                let message = format!(
                    "<goto {}> at line {} jumps into the scope of local '{local}'",
                    goto.name, goto.line
                );
                return Err(CompileError::new(fs.line, &message));
            }
            needs_close |= goto.close;
            fs.patch(goto.pc, pc)?;
        }
        if needs_close {
            fs.abc(OpCode::Close, actives as Reg, 0, 0, false);
        }
        fs.labels.push(Label { name: name.to_owned(), pc, line: fs.line, actives });
        Ok(needs_close)
    }

    /// "main function" or "function at line N", as Lua names functions in limit errors.
    pub(crate) fn function_description(&mut self) -> String {
        match self.funcs.len() {
            1 => "main function".to_owned(),
            _ => format!("function at line {}", self.fs().line_defined),
        }
    }
}
