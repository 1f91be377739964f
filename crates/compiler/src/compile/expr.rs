//! Expressions: values into registers, conditions into jumps.
//!
//! Owns the code for every expression form. The entry points: [`Compiler::expr_to_reg`]
//! (the value into a chosen register), [`Compiler::expr_to_any`] (into whatever register
//! already holds it), [`Compiler::exprs_to_next`] (a list into consecutive registers,
//! expanding a last call or `...`), and [`Compiler::cond_jump`] (jump on truthiness).

use moonlet_parser::ast::{BinOp, Expr, ExprKind, Field, Suffix, SuffixKind, UnOp};

use crate::opcode::{Instr, OpCode, MAX_C, OFFSET_SBX, OFFSET_SC};
use crate::proto::Constant;

use super::func::{JumpList, Reg};
use super::scope::VarLoc;
use super::{CompileError, Compiler};

type Result<T> = std::result::Result<T, CompileError>;

/// How many values a list of expressions must produce.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    /// Exactly this many (padding with nil, dropping extras).
    Exactly(u32),
    /// All of them: a last call or `...` keeps every result (up to "top").
    All,
}

/// Items a table constructor stores per `SetList` (Lua's `LFIELDS_PER_FLUSH`).
const FIELDS_PER_FLUSH: u32 = 50;

impl Compiler {
    /// Compiles `e` into the next free register, which it reserves.
    pub(crate) fn expr_to_next(&mut self, e: &Expr<'_>) -> Result<Reg> {
        let reg = self.fs().reserve(1)?;
        self.expr_to_reg(e, reg)?;
        Ok(reg)
    }

    /// A register holding `e`'s value: a local's own register, else a new temporary.
    pub(crate) fn expr_to_any(&mut self, e: &Expr<'_>) -> Result<Reg> {
        if let ExprKind::Name(name) = e.kind {
            if let VarLoc::Local(reg) = self.resolve(name)? {
                return Ok(reg);
            }
        }
        self.expr_to_next(e)
    }

    /// Compiles `e` into `dst`, a register the caller reserved.
    pub(crate) fn expr_to_reg(&mut self, e: &Expr<'_>, dst: Reg) -> Result<()> {
        let base = self.fs().free_reg;
        match &e.kind {
            ExprKind::Nil => {
                self.fs().abc(OpCode::LoadNil, dst, 0, 0, false);
            }
            ExprKind::True => {
                self.fs().abc(OpCode::LoadTrue, dst, 0, 0, false);
            }
            ExprKind::False => {
                self.fs().abc(OpCode::LoadFalse, dst, 0, 0, false);
            }
            ExprKind::Int(i) => self.load_int(dst, *i),
            ExprKind::Float(f) => self.load_float(dst, *f),
            ExprKind::Str(s) => {
                let k = self.fs().string_constant(s);
                self.fs().load_constant(dst, k);
            }
            ExprKind::Vararg => {
                self.check_vararg(e)?;
                self.fs().abc(OpCode::VarArg, dst, 0, 2, false);
            }
            ExprKind::Function(func) => {
                let index = self.function(func, false)?;
                self.at(e.span);
                self.fs().emit(Instr::abx(OpCode::Closure, dst, index));
            }
            ExprKind::Table(fields) => self.table(fields, dst)?,
            ExprKind::Name(name) => self.name_to_reg(name, dst)?,
            ExprKind::Paren(inner) => self.expr_to_reg(inner, dst)?,
            ExprKind::Suffixed { base: primary, suffixes } => {
                self.suffixed(primary, suffixes, Some(dst), Want::Exactly(1))?;
            }
            ExprKind::Binary { first, rest } => self.binary(e, first, rest, dst)?,
            ExprKind::Unary { op, operand } => self.unary(*op, operand, dst, e)?,
        }
        self.fs().free_to(base.max(dst + 1));
        Ok(())
    }

    fn load_int(&mut self, dst: Reg, i: i64) {
        if (-i64::from(OFFSET_SBX)..=i64::from(OFFSET_SBX)).contains(&i) {
            self.fs().emit(Instr::asbx(OpCode::LoadI, dst, i as i32));
        } else {
            let k = self.fs().constant(Constant::Int(i));
            self.fs().load_constant(dst, k);
        }
    }

    fn load_float(&mut self, dst: Reg, f: f64) {
        let small =
            f.fract() == 0.0 && f.abs() <= f64::from(OFFSET_SBX) && !(f == 0.0 && f.is_sign_negative());
        if small {
            self.fs().emit(Instr::asbx(OpCode::LoadF, dst, f as i32));
        } else {
            let k = self.fs().constant(Constant::Float(f));
            self.fs().load_constant(dst, k);
        }
    }

    fn check_vararg(&mut self, e: &Expr<'_>) -> Result<()> {
        if self.fs().is_vararg {
            return Ok(());
        }
        let line = self.line_of(e.span);
        Err(CompileError::new(line, "cannot use '...' outside a vararg function near '...'"))
    }

    /// A variable's value: local, upvalue, or a field of `_ENV`.
    fn name_to_reg(&mut self, name: &str, dst: Reg) -> Result<()> {
        match self.resolve(name)? {
            VarLoc::Local(reg) => {
                if reg != dst {
                    self.fs().abc(OpCode::Move, dst, reg, 0, false);
                }
            }
            VarLoc::Upvalue(index) => {
                self.fs().abc(OpCode::GetUpval, dst, index, 0, false);
            }
            VarLoc::Global => {
                let key = self.fs().string_constant(name.as_bytes());
                match self.resolve("_ENV")? {
                    VarLoc::Upvalue(env) if key <= MAX_C => {
                        self.fs().abc(OpCode::GetTabUp, dst, env, key, false);
                    }
                    env => {
                        let table = self.env_to_reg(env, dst)?;
                        self.index_constant(dst, table, key)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `_ENV` into a register (when it is a local, its own register).
    pub(crate) fn env_to_reg(&mut self, env: VarLoc, scratch: Reg) -> Result<Reg> {
        Ok(match env {
            VarLoc::Local(reg) => reg,
            VarLoc::Upvalue(index) => {
                self.fs().abc(OpCode::GetUpval, scratch, index, 0, false);
                scratch
            }
            // `_ENV` is always resolvable: the main function has it as upvalue 0.
            VarLoc::Global => scratch,
        })
    }

    /// `dst := table[K[key]]`.
    fn index_constant(&mut self, dst: Reg, table: Reg, key: u32) -> Result<()> {
        if key <= MAX_C {
            self.fs().abc(OpCode::GetField, dst, table, key, false);
        } else {
            let tmp = self.fs().reserve(1)?;
            self.fs().load_constant(tmp, key);
            self.fs().abc(OpCode::GetTable, dst, table, tmp, false);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ lists and calls

    /// Compiles `list` into consecutive registers from the first free one. Returns how
    /// many registers it filled, or `None` when a last call or `...` left its values up
    /// to "top" (only with `Want::All`).
    pub(crate) fn exprs_to_next(&mut self, list: &[Expr<'_>], want: Want) -> Result<Option<u32>> {
        let Some((last, init)) = list.split_last() else {
            if let Want::Exactly(n) = want {
                self.load_nils(n)?;
            }
            return Ok(Some(0));
        };
        for e in init {
            self.expr_to_next(e)?;
        }
        let before = init.len() as u32;
        match want {
            Want::All if last.is_multi_valued() => {
                self.multi_to_next(last, None)?;
                Ok(None)
            }
            Want::All => {
                self.expr_to_next(last)?;
                Ok(Some(before + 1))
            }
            Want::Exactly(n) if n > before && last.is_multi_valued() => {
                self.multi_to_next(last, Some(n - before))?;
                Ok(Some(n))
            }
            Want::Exactly(n) => {
                self.expr_to_next(last)?;
                let filled = before + 1;
                if filled < n {
                    self.load_nils(n - filled)?;
                } else if filled > n {
                    let first = self.fs().free_reg - (filled - n);
                    self.fs().free_to(first);
                }
                Ok(Some(n))
            }
        }
    }

    fn load_nils(&mut self, n: u32) -> Result<()> {
        if n > 0 {
            let first = self.fs().reserve(n)?;
            self.fs().abc(OpCode::LoadNil, first, n - 1, 0, false);
        }
        Ok(())
    }

    /// A call or `...` into the next free registers with `results` values (`None`: all,
    /// up to "top").
    pub(crate) fn multi_to_next(&mut self, e: &Expr<'_>, results: Option<u32>) -> Result<()> {
        let count = results.map_or(0, |n| n + 1);
        match &e.kind {
            ExprKind::Vararg => {
                self.check_vararg(e)?;
                let dst = self.fs().reserve(results.unwrap_or(1).max(1))?;
                self.fs().abc(OpCode::VarArg, dst, 0, count, false);
            }
            ExprKind::Suffixed { base, suffixes } => {
                let want = results.map_or(Want::All, Want::Exactly);
                let reg = self.suffixed(base, suffixes, None, want)?;
                self.fs().free_to(reg + results.unwrap_or(1).max(1));
                let fs = self.fs();
                fs.max_stack = fs.max_stack.max(fs.free_reg);
            }
            _ => {
                self.expr_to_next(e)?;
            }
        }
        Ok(())
    }

    /// A prefix expression and its suffixes. With `dst`, the value goes there; without,
    /// a final call leaves `want` results from the returned register on.
    pub(crate) fn suffixed(
        &mut self,
        base: &Expr<'_>,
        suffixes: &[Suffix<'_>],
        dst: Option<Reg>,
        want: Want,
    ) -> Result<Reg> {
        let mut current = self.expr_to_any(base)?;
        for (i, suffix) in suffixes.iter().enumerate() {
            let last = i + 1 == suffixes.len();
            self.at(suffix.span);
            current = match &suffix.kind {
                SuffixKind::Field(name) => {
                    let target = self.step_target(current, last, dst)?;
                    let key = self.fs().string_constant(name.text.as_bytes());
                    self.index_constant(target, current, key)?;
                    self.free_key_temporary(target, last, dst);
                    target
                }
                SuffixKind::Index(key) => {
                    let target = self.step_target(current, last, dst)?;
                    self.index(target, current, key)?;
                    self.free_key_temporary(target, last, dst);
                    target
                }
                SuffixKind::Call(args) => {
                    let func = self.call_base(current, if last { dst } else { None })?;
                    let results = if last { want } else { Want::Exactly(1) };
                    self.call(func, None, args, results, base.span)?;
                    self.finish_step(func, last, dst)
                }
                SuffixKind::Method(name, args) => {
                    // `self` and the method go where the object's temporary is, if it is
                    // the top one (so the call's results land there too).
                    let fs = self.fs();
                    let func = if current + 1 == fs.free_reg && current >= fs.actives.len() as Reg {
                        fs.reserve(1)?;
                        current
                    } else {
                        fs.reserve(2)?
                    };
                    let key = self.fs().string_constant(name.text.as_bytes());
                    let (key, is_const) = if key <= MAX_C {
                        (key, true)
                    } else {
                        let tmp = self.fs().reserve(1)?;
                        self.fs().load_constant(tmp, key);
                        (tmp, false)
                    };
                    self.fs().abc(OpCode::SelfOp, func, current, key, is_const);
                    self.fs().free_to(func + 2);
                    let results = if last { want } else { Want::Exactly(1) };
                    self.call(func, Some(()), args, results, base.span)?;
                    self.finish_step(func, last, dst)
                }
            };
        }
        if suffixes.is_empty() {
            if let Some(dst) = dst {
                if current != dst {
                    self.fs().abc(OpCode::Move, dst, current, 0, false);
                }
                return Ok(dst);
            }
        }
        Ok(current)
    }

    /// Where an index step puts its value: `dst` at the end of the chain, else the
    /// current temporary (read before written) or a new one.
    fn step_target(&mut self, current: Reg, last: bool, dst: Option<Reg>) -> Result<Reg> {
        if let (true, Some(dst)) = (last, dst) {
            return Ok(dst);
        }
        if current >= self.fs().actives.len() as Reg {
            return Ok(current);
        }
        self.fs().reserve(1)
    }

    /// After an index step into a temporary, releases the registers above it (a key that
    /// needed one: a constant past `MAX_C`, an expression), so the value is the top
    /// temporary again and a following call runs in place, as in Lua. A step into the
    /// caller's `dst` leaves freeing to the caller.
    fn free_key_temporary(&mut self, target: Reg, last: bool, dst: Option<Reg>) {
        if !(last && dst.is_some()) {
            self.fs().free_to(target + 1);
        }
    }

    /// A call's result is in `func`; move it to `dst` at the end of the chain.
    fn finish_step(&mut self, func: Reg, last: bool, dst: Option<Reg>) -> Reg {
        match (last, dst) {
            (true, Some(dst)) if dst != func => {
                self.fs().abc(OpCode::Move, dst, func, 0, false);
                dst
            }
            (true, Some(dst)) => dst,
            _ => func,
        }
    }

    /// A register at the top holding the function to call: the function's own temporary,
    /// or `dst` when it is the top register (so the result lands in place).
    fn call_base(&mut self, current: Reg, dst: Option<Reg>) -> Result<Reg> {
        let fs = self.fs();
        let actives = fs.actives.len() as Reg;
        if current + 1 == fs.free_reg && current >= actives {
            return Ok(current);
        }
        if let Some(dst) = dst.filter(|&d| d + 1 == fs.free_reg && d >= actives && d != current) {
            fs.abc(OpCode::Move, dst, current, 0, false);
            return Ok(dst);
        }
        let func = fs.reserve(1)?;
        fs.abc(OpCode::Move, func, current, 0, false);
        Ok(func)
    }

    /// `R[func](args)`; with `method`, `self` is already in `func + 1`.
    fn call(
        &mut self,
        func: Reg,
        method: Option<()>,
        args: &[Expr<'_>],
        want: Want,
        call_span: moonlet_parser::ast::Span,
    ) -> Result<()> {
        let fixed = if method.is_some() { 1 } else { 0 };
        let count = self.exprs_to_next(args, Want::All)?;
        let b = count.map_or(0, |n| n + fixed + 1);
        let c = match want {
            Want::All => 0,
            Want::Exactly(n) => n + 1,
        };
        self.at(call_span);
        self.fs().abc(OpCode::Call, func, b, c, false);
        self.fs().free_to(func + 1);
        Ok(())
    }

    /// `dst := table[key]`, using the constant forms when the key allows.
    fn index(&mut self, dst: Reg, table: Reg, key: &Expr<'_>) -> Result<()> {
        match &key.kind {
            ExprKind::Str(s) => {
                let k = self.fs().string_constant(s);
                self.index_constant(dst, table, k)
            }
            ExprKind::Int(i) if (0..=i64::from(MAX_C)).contains(i) => {
                self.fs().abc(OpCode::GetI, dst, table, *i as u32, false);
                Ok(())
            }
            _ => {
                let k = self.expr_to_any(key)?;
                self.fs().abc(OpCode::GetTable, dst, table, k, false);
                Ok(())
            }
        }
    }

    /// Operand `C` of a store: a constant index (with `k` set) or a register.
    pub(crate) fn rk(&mut self, e: &Expr<'_>) -> Result<(u32, bool)> {
        let constant = match &e.kind {
            ExprKind::Nil => Some(Constant::Nil),
            ExprKind::True => Some(Constant::Bool(true)),
            ExprKind::False => Some(Constant::Bool(false)),
            ExprKind::Int(i) => Some(Constant::Int(*i)),
            ExprKind::Float(f) => Some(Constant::Float(*f)),
            ExprKind::Str(s) => Some(Constant::Str(s.as_ref().into())),
            _ => None,
        };
        if let Some(constant) = constant {
            let k = self.fs().constant(constant);
            if k <= MAX_C {
                return Ok((k, true));
            }
        }
        Ok((self.expr_to_any(e)?, false))
    }

    // ------------------------------------------------------------------ tables

    fn table(&mut self, fields: &[Field<'_>], dst: Reg) -> Result<()> {
        // The items go right above the table, so build it at the top of the stack.
        let table = if dst + 1 == self.fs().free_reg { dst } else { self.fs().reserve(1)? };
        let array = fields.iter().filter(|f| matches!(f, Field::Positional(_))).count() as u32;
        let hash = fields.len() as u32 - array;
        self.fs().abc(OpCode::NewTable, table, hash.min(MAX_C), array.min(MAX_C), false);
        let mut stored = 0u32;
        let mut pending = 0u32;
        for (i, field) in fields.iter().enumerate() {
            let last = i + 1 == fields.len();
            match field {
                Field::Positional(value) if last && value.is_multi_valued() => {
                    self.multi_to_next(value, None)?;
                    self.set_list(table, 0, stored)?;
                    pending = 0;
                }
                Field::Positional(value) => {
                    self.expr_to_next(value)?;
                    pending += 1;
                    if pending == FIELDS_PER_FLUSH {
                        self.set_list(table, pending, stored)?;
                        stored += pending;
                        pending = 0;
                    }
                }
                Field::Named(name, value) => {
                    let saved = self.fs().free_reg;
                    let key = self.fs().string_constant(name.text.as_bytes());
                    self.store_field(table, key, value)?;
                    self.fs().free_to(saved);
                }
                Field::Keyed(key, value) => {
                    let saved = self.fs().free_reg;
                    let k = self.expr_to_any(key)?;
                    let (v, is_const) = self.rk(value)?;
                    self.fs().abc(OpCode::SetTable, table, k, v, is_const);
                    self.fs().free_to(saved);
                }
            }
        }
        if pending > 0 {
            self.set_list(table, pending, stored)?;
        }
        self.fs().free_to(table + 1);
        if table != dst {
            self.fs().abc(OpCode::Move, dst, table, 0, false);
        }
        Ok(())
    }

    /// `table[K[key]] := value`.
    pub(crate) fn store_field(&mut self, table: Reg, key: u32, value: &Expr<'_>) -> Result<()> {
        let (v, is_const) = self.rk(value)?;
        if key <= MAX_C {
            self.fs().abc(OpCode::SetField, table, key, v, is_const);
        } else {
            let k = self.fs().reserve(1)?;
            self.fs().load_constant(k, key);
            self.fs().abc(OpCode::SetTable, table, k, v, is_const);
        }
        Ok(())
    }

    /// Stores `count` items (0: up to top) above `table` at indices after `stored`.
    fn set_list(&mut self, table: Reg, count: u32, stored: u32) -> Result<()> {
        if stored <= MAX_C {
            self.fs().abc(OpCode::SetList, table, count, stored, false);
        } else {
            self.fs().abc(OpCode::SetList, table, count, 0, true);
            self.fs().emit(Instr::ax(OpCode::ExtraArg, stored));
        }
        self.fs().free_to(table + 1);
        Ok(())
    }

    // ------------------------------------------------------------------ operators

    fn unary(&mut self, op: UnOp, operand: &Expr<'_>, dst: Reg, whole: &Expr<'_>) -> Result<()> {
        if op == UnOp::Neg {
            match operand.kind {
                ExprKind::Int(i) => {
                    self.load_int(dst, i.wrapping_neg());
                    return Ok(());
                }
                ExprKind::Float(f) if f != 0.0 => {
                    self.load_float(dst, -f);
                    return Ok(());
                }
                _ => {}
            }
        }
        if op == UnOp::Not {
            if let ExprKind::Binary { .. } = operand.kind {
                return self.condition_value(whole, dst);
            }
        }
        let src = self.expr_to_any(operand)?;
        let opcode = match op {
            UnOp::Neg => OpCode::Unm,
            UnOp::Not => OpCode::Not,
            UnOp::Len => OpCode::Len,
            UnOp::BitNot => OpCode::BNot,
        };
        self.at(whole.span);
        self.fs().abc(opcode, dst, src, 0, false);
        Ok(())
    }

    fn binary(
        &mut self,
        whole: &Expr<'_>,
        first: &Expr<'_>,
        rest: &[moonlet_parser::ast::Operand<'_>],
        dst: Reg,
    ) -> Result<()> {
        let Some(head) = rest.first() else {
            return self.expr_to_reg(first, dst);
        };
        match head.op {
            BinOp::And | BinOp::Or => {
                self.expr_to_reg(first, dst)?;
                let mut exits = JumpList::new();
                for operand in rest {
                    // `and` keeps a false value, `or` a true one.
                    let jump_if = operand.op == BinOp::Or;
                    self.fs().abc(OpCode::Test, dst, 0, 0, jump_if);
                    exits.push(self.fs().jump());
                    self.expr_to_reg(&operand.rhs, dst)?;
                }
                self.fs().patch_here(exits)
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge if rest.len() == 1 => {
                self.condition_value(whole, dst)
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                // `a < b == c`: each comparison's boolean is the next one's left operand.
                let mut left = self.expr_to_any(first)?;
                for (i, operand) in rest.iter().enumerate() {
                    let target = if i + 1 == rest.len() { dst } else { self.fs().reserve(1)? };
                    let when_true =
                        self.compare_reg(left, operand.op, &operand.rhs, true, operand.op_span)?;
                    self.fs().abc(OpCode::LFalseSkip, target, 0, 0, false);
                    self.fs().patch_here(when_true)?;
                    self.fs().abc(OpCode::LoadTrue, target, 0, 0, false);
                    left = target;
                }
                Ok(())
            }
            BinOp::Concat => {
                // The operands go in consecutive registers, from `dst` when it is the top one.
                if dst + 1 == self.fs().free_reg && dst >= self.fs().actives.len() as Reg {
                    self.fs().free_to(dst);
                }
                let base = self.fs().free_reg;
                self.expr_to_next(first)?;
                let mut next = &head.rhs;
                let mut count = 1;
                // `a .. b .. c` nests to the right; all operands go in consecutive registers.
                loop {
                    match &next.kind {
                        ExprKind::Binary { first, rest }
                            if rest.len() == 1 && rest[0].op == BinOp::Concat =>
                        {
                            self.expr_to_next(first)?;
                            count += 1;
                            next = &rest[0].rhs;
                        }
                        _ => {
                            self.expr_to_next(next)?;
                            count += 1;
                            break;
                        }
                    }
                }
                self.at(head.op_span);
                self.fs().abc(OpCode::Concat, base, count, 0, false);
                if base != dst {
                    self.fs().abc(OpCode::Move, dst, base, 0, false);
                }
                Ok(())
            }
            _ => {
                let mut left = self.expr_to_any(first)?;
                for (i, operand) in rest.iter().enumerate() {
                    let target = if i + 1 == rest.len() { dst } else { self.fs().reserve(1)? };
                    self.arith(operand.op, target, left, &operand.rhs, operand.op_span)?;
                    left = target;
                }
                Ok(())
            }
        }
    }

    /// `dst := left op rhs` for arithmetic and bitwise operators.
    fn arith(
        &mut self,
        op: BinOp,
        dst: Reg,
        left: Reg,
        rhs: &Expr<'_>,
        op_span: moonlet_parser::ast::Span,
    ) -> Result<()> {
        let saved = self.fs().free_reg;
        // Immediate and constant operands.
        if let ExprKind::Int(i) = rhs.kind {
            // Only `+`: a metamethod must see the operator that was written.
            let imm = match op {
                BinOp::Add => Some(i),
                _ => None,
            };
            if let Some(imm) = imm.filter(|v| (-i64::from(OFFSET_SC)..=i64::from(OFFSET_SC)).contains(v)) {
                self.at(op_span);
                self.fs().abc(OpCode::AddI, dst, left, (imm + i64::from(OFFSET_SC)) as u32, false);
                return Ok(());
            }
        }
        let constant = match rhs.kind {
            ExprKind::Int(i) => Some(Constant::Int(i)),
            ExprKind::Float(f) => Some(Constant::Float(f)),
            _ => None,
        };
        let k_op = match op {
            BinOp::Add => Some(OpCode::AddK),
            BinOp::Sub => Some(OpCode::SubK),
            BinOp::Mul => Some(OpCode::MulK),
            BinOp::Mod => Some(OpCode::ModK),
            BinOp::Pow => Some(OpCode::PowK),
            BinOp::Div => Some(OpCode::DivK),
            BinOp::IDiv => Some(OpCode::IDivK),
            BinOp::BitAnd if matches!(constant, Some(Constant::Int(_))) => Some(OpCode::BAndK),
            BinOp::BitOr if matches!(constant, Some(Constant::Int(_))) => Some(OpCode::BOrK),
            BinOp::BitXor if matches!(constant, Some(Constant::Int(_))) => Some(OpCode::BXorK),
            _ => None,
        };
        if let (Some(constant), Some(k_op)) = (constant, k_op) {
            let k = self.fs().constant(constant);
            if k <= MAX_C {
                self.at(op_span);
                self.fs().abc(k_op, dst, left, k, false);
                return Ok(());
            }
        }
        let right = self.expr_to_any(rhs)?;
        let opcode = match op {
            BinOp::Add => OpCode::Add,
            BinOp::Sub => OpCode::Sub,
            BinOp::Mul => OpCode::Mul,
            BinOp::Mod => OpCode::Mod,
            BinOp::Pow => OpCode::Pow,
            BinOp::Div => OpCode::Div,
            BinOp::IDiv => OpCode::IDiv,
            BinOp::BitAnd => OpCode::BAnd,
            BinOp::BitOr => OpCode::BOr,
            BinOp::BitXor => OpCode::BXor,
            BinOp::Shl => OpCode::Shl,
            _ => OpCode::Shr,
        };
        self.at(op_span);
        self.fs().abc(opcode, dst, left, right, false);
        self.fs().free_to(saved.max(dst + 1));
        Ok(())
    }
}
