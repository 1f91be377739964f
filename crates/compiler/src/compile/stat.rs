//! Statements: assignments, declarations, control flow, returns.
//!
//! Owns the code for every statement form and for blocks. Expressions are compiled by
//! `expr.rs`, variables and scopes managed by `scope.rs`.

use moonlet_parser::ast::{
    Attrib, Block, Expr, ExprKind, FuncName, GenericFor, IfClause, NumericFor, Return, Stat, StatKind,
    SuffixKind,
};

use crate::opcode::{Instr, OpCode, MAX_BX, MAX_C};

use super::expr::Want;
use super::func::Reg;
use super::scope::VarLoc;
use super::{CompileError, Compiler};

type Result<T> = std::result::Result<T, CompileError>;

/// Where an assignment stores its value.
enum Target {
    Local(Reg),
    Upvalue(u32),
    /// A field of `_ENV` (a global).
    Global(u32),
    /// `table[key]`: the key a string constant, a small integer, or a register.
    Field {
        table: Reg,
        key: u32,
    },
    Int {
        table: Reg,
        key: u32,
    },
    Index {
        table: Reg,
        key: Reg,
    },
}

impl Compiler {
    /// The statements of a block, in the current scope (the caller opens and closes it).
    /// `end_line` is the line of the token that ends the block.
    pub(crate) fn statements(&mut self, block: &Block<'_>, end_line: u32) -> Result<()> {
        for (i, stat) in block.stats.iter().enumerate() {
            // A label followed only by labels, at the very end of its block, sees the
            // block's locals as already gone (Lua 5.4's rule for `goto continue`).
            let at_end = block.ret.is_none()
                && block.stats[i + 1..].iter().all(|s| matches!(s.kind, StatKind::Label(_)));
            let next_line = match (block.stats.get(i + 1), &block.ret) {
                (Some(next), _) => self.line_of(next.span),
                (None, Some(ret)) => self.line_of(ret.span),
                (None, None) => end_line,
            };
            self.stat(stat, at_end, next_line)?;
            let actives = self.fs().actives.len() as Reg;
            self.fs().free_to(actives);
        }
        if let Some(ret) = &block.ret {
            self.return_stat(ret)?;
        }
        Ok(())
    }

    /// A block with its own scope, ended by a token on `end_line`.
    pub(crate) fn scoped_block(&mut self, block: &Block<'_>, end_line: u32) -> Result<()> {
        self.enter_block(false);
        self.statements(block, end_line)?;
        self.leave_block()
    }

    fn stat(&mut self, stat: &Stat<'_>, at_block_end: bool, next_line: u32) -> Result<()> {
        self.at(stat.span);
        let line = self.line_of(stat.span);
        // The line of the statement's last token (`end`, `until`, …).
        let end_line = self.line_of(moonlet_parser::ast::Span {
            start: stat.span.end.saturating_sub(1),
            end: stat.span.end,
        });
        match &stat.kind {
            StatKind::Call(call) => {
                if let ExprKind::Suffixed { base, suffixes } = &call.kind {
                    self.suffixed(base, suffixes, None, Want::Exactly(0))?;
                }
            }
            StatKind::Assign { targets, values } => self.assign(targets, values)?,
            StatKind::Local { names, values } => {
                let base = self.fs().free_reg;
                self.exprs_to_next(values, Want::Exactly(names.len() as u32))?;
                for name in names {
                    self.new_local(name.name.text, name.attrib)?;
                }
                self.activate_locals();
                if let Some(i) = names.iter().position(|n| n.attrib == Attrib::Close) {
                    self.mark_block_has_tbc();
                    self.fs().abc(OpCode::Tbc, base + i as Reg, 0, 0, false);
                }
            }
            StatKind::LocalFunction { name, func } => {
                self.new_local(name.text, Attrib::None)?;
                self.activate_locals();
                let reg = self.fs().actives.len() as Reg - 1;
                let index = self.function(func, false)?;
                self.at(stat.span);
                self.fs().emit(Instr::abx(OpCode::Closure, reg, index));
            }
            StatKind::Function { name, func } => self.function_stat(name, func, stat)?,
            StatKind::Do(body) => self.scoped_block(body, end_line)?,
            StatKind::While { cond, body } => {
                let start = self.fs().mark_target();
                let exits = self.cond_jump(cond, false)?;
                self.enter_block(true);
                self.scoped_block(body, end_line)?;
                // The jump back is on the line of the body's last token (`do` if it is
                // empty), as in Lua: line hooks see no new line before the loop test.
                let last = if body.stats.is_empty() && body.ret.is_none() { cond.span } else { body.span };
                self.fs().line = self.lines.line_of((last.end as usize).saturating_sub(1));
                let back = self.fs().jump();
                self.fs().patch(back, start)?;
                self.leave_block()?;
                self.fs().patch_here(exits)?;
            }
            StatKind::Repeat { body, cond } => self.repeat(body, cond)?,
            StatKind::If { clauses, else_block } => self.if_stat(clauses, else_block.as_deref(), end_line)?,
            StatKind::NumericFor(f) => self.numeric_for(f, line, end_line)?,
            StatKind::GenericFor(f) => self.generic_for(f, line, end_line)?,
            StatKind::Goto(label) => self.goto(label.text, line)?,
            StatKind::Label(label) => self.label(label.text, line, at_block_end, next_line)?,
            StatKind::Break => self.goto("break", line)?,
        }
        Ok(())
    }

    // ------------------------------------------------------------------ assignment

    fn assign(&mut self, targets: &[Expr<'_>], values: &[Expr<'_>]) -> Result<()> {
        // A single local gets its value computed straight into its register when possible.
        if let ([target], [value]) = (targets, values) {
            if let ExprKind::Name(name) = target.kind {
                if let VarLoc::Local(reg) = self.resolve_assignable(name, target)? {
                    let temp = self.expr_to_next(value)?;
                    self.retarget_or_move(temp, reg);
                    return Ok(());
                }
            }
        }
        let mut places = Vec::with_capacity(targets.len());
        for target in targets {
            let place = self.target(target)?;
            // A local assigned here may be a table or key of an earlier target: those
            // must use its old value, so copy it first (Lua's check_conflict).
            if let Target::Local(reg) = place {
                let conflicts = places.iter().any(|p: &Target| match *p {
                    Target::Field { table, .. } | Target::Int { table, .. } => table == reg,
                    Target::Index { table, key } => table == reg || key == reg,
                    _ => false,
                });
                if conflicts {
                    let copy = self.fs().reserve(1)?;
                    self.fs().abc(OpCode::Move, copy, reg, 0, false);
                    for p in &mut places {
                        match p {
                            Target::Field { table, .. } | Target::Int { table, .. } if *table == reg => {
                                *table = copy
                            }
                            Target::Index { table, key } => {
                                if *table == reg {
                                    *table = copy;
                                }
                                if *key == reg {
                                    *key = copy;
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            places.push(place);
        }
        if let ([place], [value]) = (places.as_slice(), values) {
            // One target: store straight from the value (a constant needs no register).
            let (v, is_const) = self.rk(value)?;
            return self.store(place, v, is_const);
        }
        let first = self.fs().free_reg;
        self.exprs_to_next(values, Want::Exactly(places.len() as u32))?;
        for (i, place) in places.iter().enumerate().rev() {
            self.store(place, first + i as Reg, false)?;
        }
        Ok(())
    }

    /// A variable for assignment, refusing `<const>` and `<close>` variables.
    fn resolve_assignable(&mut self, name: &str, at: &Expr<'_>) -> Result<VarLoc> {
        let (loc, read_only) = self.resolve_with_attrib(name)?;
        if read_only {
            let line = self.line_of(at.span);
            return Err(CompileError::new(line, &format!("attempt to assign to const variable '{name}'")));
        }
        Ok(loc)
    }

    /// Evaluates the parts of an assignment target that come before the value.
    fn target(&mut self, target: &Expr<'_>) -> Result<Target> {
        match &target.kind {
            ExprKind::Name(name) => Ok(match self.resolve_assignable(name, target)? {
                VarLoc::Local(reg) => Target::Local(reg),
                VarLoc::Upvalue(index) => Target::Upvalue(index),
                VarLoc::Global => Target::Global(self.fs().string_constant(name.as_bytes())),
            }),
            ExprKind::Suffixed { base, suffixes } => {
                let Some((last, init)) = suffixes.split_last() else {
                    return Err(CompileError::new(self.line_of(target.span), "syntax error"));
                };
                let table = self.suffixed(base, init, None, Want::Exactly(1))?;
                // The table must stay put while values are computed.
                let table = if table >= self.fs().actives.len() as Reg {
                    self.fs().free_to(table + 1);
                    table
                } else {
                    table
                };
                match &last.kind {
                    SuffixKind::Field(name) => self.key_target(table, name.text.as_bytes()),
                    SuffixKind::Index(key) => match &key.kind {
                        ExprKind::Str(s) => self.key_target(table, s),
                        ExprKind::Int(i) if (0..=i64::from(MAX_C)).contains(i) => {
                            Ok(Target::Int { table, key: *i as u32 })
                        }
                        _ => Ok(Target::Index { table, key: self.expr_to_any(key)? }),
                    },
                    _ => Err(CompileError::new(self.line_of(target.span), "syntax error")),
                }
            }
            _ => Err(CompileError::new(self.line_of(target.span), "syntax error")),
        }
    }

    fn key_target(&mut self, table: Reg, key: &[u8]) -> Result<Target> {
        let k = self.fs().string_constant(key);
        if k <= MAX_C {
            return Ok(Target::Field { table, key: k });
        }
        let reg = self.fs().reserve(1)?;
        self.fs().load_constant(reg, k);
        Ok(Target::Index { table, key: reg })
    }

    /// Stores register (or constant, with `is_const`) `value` into `place`.
    fn store(&mut self, place: &Target, value: u32, is_const: bool) -> Result<()> {
        // Locals and upvalues take registers only.
        let value = if is_const && matches!(place, Target::Local(_) | Target::Upvalue(_)) {
            let reg = self.fs().reserve(1)?;
            self.fs().load_constant(reg, value);
            reg
        } else {
            value
        };
        match *place {
            Target::Local(reg) => {
                if reg != value {
                    self.fs().abc(OpCode::Move, reg, value, 0, false);
                }
            }
            Target::Upvalue(index) => {
                self.fs().abc(OpCode::SetUpval, value, index, 0, false);
            }
            Target::Global(key) => match self.resolve("_ENV")? {
                VarLoc::Upvalue(env) if key <= MAX_C => {
                    self.fs().abc(OpCode::SetTabUp, env, key, value, is_const);
                }
                env => {
                    let scratch = self.fs().reserve(1)?;
                    let table = self.env_to_reg(env, scratch)?;
                    let k = self.fs().reserve(1)?;
                    self.fs().load_constant(k, key);
                    self.fs().abc(OpCode::SetTable, table, k, value, is_const);
                }
            },
            Target::Field { table, key } => {
                self.fs().abc(OpCode::SetField, table, key, value, is_const);
            }
            Target::Int { table, key } => {
                self.fs().abc(OpCode::SetI, table, key, value, is_const);
            }
            Target::Index { table, key } => {
                self.fs().abc(OpCode::SetTable, table, key, value, is_const);
            }
        }
        Ok(())
    }

    /// The value just computed into `temp` belongs in `reg`: rewrite the instruction that
    /// produced it when that is safe, else move it.
    fn retarget_or_move(&mut self, temp: Reg, reg: Reg) {
        let fs = self.fs();
        let last = fs.pc().checked_sub(1);
        if let Some(pc) = last.filter(|&pc| fs.last_target <= pc) {
            let instr = fs.code[pc];
            if instr.a() == temp as usize && writes_only_a(instr) {
                fs.code[pc] = Instr((instr.0 & !(0xff << 7)) | (reg << 7));
                return;
            }
        }
        fs.abc(OpCode::Move, reg, temp, 0, false);
    }

    // ------------------------------------------------------------------ functions

    fn function_stat(
        &mut self,
        name: &FuncName<'_>,
        func: &moonlet_parser::ast::FuncBody<'_>,
        stat: &Stat<'_>,
    ) -> Result<()> {
        let is_method = name.method.is_some();
        let Some((first, rest)) = name.path.split_first() else {
            return Ok(());
        };
        let mut keys: Vec<&str> = rest.iter().map(|n| n.text).collect();
        keys.extend(name.method.map(|m| m.text));
        let Some((last_key, middle)) = keys.split_last() else {
            // `function f() end`: an assignment to the variable `f`.
            let place =
                match self.resolve_assignable(first.text, &Expr { kind: ExprKind::Nil, span: first.span })? {
                    VarLoc::Local(reg) => Target::Local(reg),
                    VarLoc::Upvalue(index) => Target::Upvalue(index),
                    VarLoc::Global => Target::Global(self.fs().string_constant(first.text.as_bytes())),
                };
            let reg = self.fs().reserve(1)?;
            let index = self.function(func, is_method)?;
            self.at(stat.span);
            self.fs().emit(Instr::abx(OpCode::Closure, reg, index));
            return self.store(&place, reg, false);
        };
        let table = self.fs().reserve(1)?;
        let head = Expr { kind: ExprKind::Name(first.text), span: first.span };
        self.expr_to_reg(&head, table)?;
        for key in middle {
            let k = self.fs().string_constant(key.as_bytes());
            let key_expr = Expr { kind: ExprKind::Str(key.as_bytes().into()), span: first.span };
            let _ = k;
            self.suffixed_index(table, &key_expr)?;
        }
        let place = self.key_target(table, last_key.as_bytes())?;
        let reg = self.fs().reserve(1)?;
        let index = self.function(func, is_method)?;
        self.at(stat.span);
        self.fs().emit(Instr::abx(OpCode::Closure, reg, index));
        self.store(&place, reg, false)
    }

    /// `table := table[key]` for a string key.
    fn suffixed_index(&mut self, table: Reg, key: &Expr<'_>) -> Result<()> {
        if let ExprKind::Str(s) = &key.kind {
            let k = self.fs().string_constant(s);
            if k <= MAX_C {
                self.fs().abc(OpCode::GetField, table, table, k, false);
                return Ok(());
            }
            let reg = self.fs().reserve(1)?;
            self.fs().load_constant(reg, k);
            self.fs().abc(OpCode::GetTable, table, table, reg, false);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ control flow

    fn repeat(&mut self, body: &Block<'_>, cond: &Expr<'_>) -> Result<()> {
        let start = self.fs().mark_target();
        self.enter_block(true);
        self.enter_block(false);
        let until_line = self.line_of(cond.span);
        self.statements(body, until_line)?;
        let mut again = self.cond_jump(cond, false)?;
        let scope_closes = self.fs().blocks.last().is_some_and(|b| b.needs_close);
        self.leave_block()?;
        if scope_closes {
            // The loop-back path must close the body's upvalues too.
            let exit = self.fs().jump();
            self.fs().patch_here(again)?;
            let level = self.fs().actives.len() as Reg;
            self.fs().abc(OpCode::Close, level, 0, 0, false);
            again = vec![self.fs().jump()];
            self.fs().patch_here(vec![exit])?;
        }
        for from in again {
            self.fs().patch(from, start)?;
        }
        self.leave_block()
    }

    fn if_stat(
        &mut self,
        clauses: &[IfClause<'_>],
        else_block: Option<&Block<'_>>,
        end_line: u32,
    ) -> Result<()> {
        let mut exits = Vec::new();
        for (i, clause) in clauses.iter().enumerate() {
            let next = self.cond_jump(&clause.cond, false)?;
            self.scoped_block(&clause.body, end_line)?;
            if i + 1 < clauses.len() || else_block.is_some() {
                exits.push(self.fs().jump());
            }
            self.fs().patch_here(next)?;
        }
        if let Some(body) = else_block {
            self.scoped_block(body, end_line)?;
        }
        self.fs().patch_here(exits)
    }

    fn numeric_for(&mut self, f: &NumericFor<'_>, line: u32, end_line: u32) -> Result<()> {
        self.enter_block(true);
        let base = self.fs().free_reg;
        self.expr_to_next(&f.start)?;
        self.expr_to_next(&f.limit)?;
        match &f.step {
            Some(step) => {
                self.expr_to_next(step)?;
            }
            None => {
                let reg = self.fs().reserve(1)?;
                self.fs().emit(Instr::asbx(OpCode::LoadI, reg, 1));
            }
        }
        for _ in 0..3 {
            self.new_local("(for state)", Attrib::None)?;
        }
        self.activate_locals();
        self.fs().line = line;
        let prep = self.fs().emit(Instr::abx(OpCode::ForPrep, base, 0));
        self.enter_block(false);
        self.new_local(f.var.text, Attrib::None)?;
        self.activate_locals();
        self.scoped_block(&f.body, end_line)?;
        self.leave_block()?;
        self.fs().line = line;
        let lp = self.fs().emit(Instr::abx(OpCode::ForLoop, base, 0));
        self.fix_loop(prep, lp, OpCode::ForPrep, OpCode::ForLoop, base, lp - prep - 1)?;
        self.leave_block()
    }

    fn generic_for(&mut self, f: &GenericFor<'_>, line: u32, end_line: u32) -> Result<()> {
        self.enter_block(true);
        let base = self.fs().free_reg;
        self.exprs_to_next(&f.exprs, Want::Exactly(4))?;
        for _ in 0..4 {
            self.new_local("(for state)", Attrib::None)?;
        }
        self.activate_locals();
        self.mark_block_has_tbc();
        self.fs().line = line;
        let prep = self.fs().emit(Instr::abx(OpCode::TForPrep, base, 0));
        self.enter_block(false);
        for var in &f.vars {
            self.new_local(var.text, Attrib::None)?;
        }
        self.activate_locals();
        self.scoped_block(&f.body, end_line)?;
        self.leave_block()?;
        self.fs().line = line;
        let call = self.fs().abc(OpCode::TForCall, base, 0, f.vars.len() as u32, false);
        let lp = self.fs().emit(Instr::abx(OpCode::TForLoop, base, 0));
        self.fix_loop(prep, lp, OpCode::TForPrep, OpCode::TForLoop, base, call - prep - 1)?;
        self.leave_block()
    }

    /// Sets the jump distances of a loop's preparation and loop instructions.
    fn fix_loop(
        &mut self,
        prep: usize,
        lp: usize,
        prep_op: OpCode,
        loop_op: OpCode,
        base: Reg,
        prep_bx: usize,
    ) -> Result<()> {
        let back = lp - prep;
        if back > MAX_BX as usize {
            return Err(CompileError::new(self.fs().line, "control structure too long"));
        }
        let fs = self.fs();
        fs.code[prep] = Instr::abx(prep_op, base, prep_bx as u32);
        fs.code[lp] = Instr::abx(loop_op, base, back as u32);
        Ok(())
    }

    fn return_stat(&mut self, ret: &Return<'_>) -> Result<()> {
        self.at(ret.span);
        let closes = self.inside_closing_scope();
        // `return f(x)` is a tail call, unless a to-be-closed variable must close after it.
        if let [single] = ret.values.as_slice() {
            if single.is_call() && !self.inside_tbc() {
                if let ExprKind::Suffixed { base, suffixes } = &single.kind {
                    let func = self.suffixed(base, suffixes, None, Want::All)?;
                    let fs = self.fs();
                    if let Some(pc) = fs.pc().checked_sub(1) {
                        let call = fs.code[pc];
                        if call.op() == OpCode::Call {
                            fs.code[pc] =
                                Instr::abc(OpCode::TailCall, call.a() as u32, call.b() as u32, 0, closes);
                        }
                    }
                    fs.abc(OpCode::Return, func, 0, 0, false);
                    return Ok(());
                }
            }
        }
        let first = self.fs().free_reg;
        let count = self.exprs_to_next(&ret.values, Want::All)?;
        let fs = self.fs();
        match (count, closes) {
            (Some(0), false) => fs.abc(OpCode::Return0, 0, 0, 0, false),
            (Some(1), false) => fs.abc(OpCode::Return1, first, 0, 0, false),
            (count, _) => fs.abc(OpCode::Return, first, count.map_or(0, |n| n + 1), 0, closes),
        };
        Ok(())
    }
}

/// Instructions whose only effect is to write register A from other operands, so that A
/// may be renamed.
fn writes_only_a(instr: Instr) -> bool {
    use OpCode::*;
    match instr.op() {
        Move | LoadI | LoadF | LoadK | LoadFalse | LoadTrue | GetUpval | GetTabUp | GetTable | GetI
        | GetField | AddI | AddK | SubK | MulK | ModK | PowK | DivK | IDivK | BAndK | BOrK | BXorK | Add
        | Sub | Mul | Mod | Pow | Div | IDiv | BAnd | BOr | BXor | Shl | Shr | Unm | BNot | Not | Len
        | Closure => true,
        LoadNil => instr.b() == 0,
        NewTable => true,
        VarArg => instr.c() == 2,
        _ => false,
    }
}
