//! Conditions: expressions compiled into jumps, and comparisons.
//!
//! Owns how truthiness tests, `and`/`or`/`not` in conditions, and the comparison
//! instructions (with their immediate and constant forms) are emitted. `expr.rs` uses it
//! for comparison values; statements use it for `if`, `while` and `repeat`.

use moonlet_parser::ast::{BinOp, Expr, ExprKind, UnOp};

use crate::opcode::{OpCode, MAX_C, OFFSET_SC};

use super::func::{JumpList, Reg};
use super::{CompileError, Compiler};

type Result<T> = std::result::Result<T, CompileError>;

impl Compiler {
    /// A boolean-valued expression (comparison, `not` of one) into `dst`.
    pub(crate) fn condition_value(&mut self, e: &Expr<'_>, dst: Reg) -> Result<()> {
        let when_true = self.cond_jump(e, true)?;
        self.fs().abc(OpCode::LFalseSkip, dst, 0, 0, false);
        self.fs().patch_here(when_true)?;
        self.fs().abc(OpCode::LoadTrue, dst, 0, 0, false);
        Ok(())
    }

    // ------------------------------------------------------------------ conditions

    /// Emits code that jumps when `e`'s truthiness equals `jump_if` and falls through
    /// otherwise; returns the jumps to patch.
    pub(crate) fn cond_jump(&mut self, e: &Expr<'_>, jump_if: bool) -> Result<JumpList> {
        let saved = self.fs().free_reg;
        let jumps = match &e.kind {
            ExprKind::Nil | ExprKind::False => self.constant_jump(!jump_if),
            ExprKind::True | ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => {
                self.constant_jump(jump_if)
            }
            ExprKind::Unary { op: UnOp::Not, operand } => self.cond_jump(operand, !jump_if)?,
            ExprKind::Paren(inner) if !inner.is_multi_valued() => self.cond_jump(inner, jump_if)?,
            ExprKind::Binary { first, rest }
                if matches!(rest.first().map(|o| o.op), Some(BinOp::And | BinOp::Or)) =>
            {
                let is_and = rest[0].op == BinOp::And;
                let operands: Vec<&Expr<'_>> =
                    std::iter::once(&**first).chain(rest.iter().map(|o| &o.rhs)).collect();
                // `and` fails as soon as one operand is false; `or` succeeds as soon as one is true.
                let short_circuit = !is_and;
                let (init, last) = operands.split_at(operands.len() - 1);
                if jump_if == short_circuit {
                    let mut jumps = JumpList::new();
                    for operand in operands {
                        jumps.extend(self.cond_jump(operand, jump_if)?);
                    }
                    jumps
                } else {
                    let mut skip = JumpList::new();
                    for operand in init {
                        skip.extend(self.cond_jump(operand, short_circuit)?);
                    }
                    let jumps = self.cond_jump(last[0], jump_if)?;
                    self.fs().patch_here(skip)?;
                    jumps
                }
            }
            ExprKind::Binary { first, rest } if rest.len() == 1 && is_comparison(rest[0].op) => {
                self.comparison(first, rest[0].op, &rest[0].rhs, jump_if, rest[0].op_span)?
            }
            _ => {
                let reg = self.expr_to_any(e)?;
                self.fs().abc(OpCode::Test, reg, 0, 0, jump_if);
                vec![self.fs().jump()]
            }
        };
        self.fs().free_to(saved);
        Ok(jumps)
    }

    fn constant_jump(&mut self, always: bool) -> JumpList {
        if always {
            vec![self.fs().jump()]
        } else {
            JumpList::new()
        }
    }

    /// A comparison followed by a jump taken when its result equals `jump_if`.
    fn comparison(
        &mut self,
        left: &Expr<'_>,
        op: BinOp,
        right: &Expr<'_>,
        jump_if: bool,
        op_span: moonlet_parser::ast::Span,
    ) -> Result<JumpList> {
        // An immediate on the left: `5 < x` is `x > 5`.
        if let (Some(imm), BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) = (immediate(left), op) {
            let b = self.expr_to_any(right)?;
            let opcode = match op {
                BinOp::Lt => OpCode::GtI,
                BinOp::Le => OpCode::GeI,
                BinOp::Gt => OpCode::LtI,
                _ => OpCode::LeI,
            };
            self.at(op_span);
            self.fs().abc(opcode, b, imm, 0, jump_if);
            return Ok(vec![self.fs().jump()]);
        }
        let a = self.expr_to_any(left)?;
        self.compare_reg(a, op, right, jump_if, op_span)
    }

    /// `R[a] op right`, then a jump taken when the result equals `jump_if`.
    pub(crate) fn compare_reg(
        &mut self,
        a: Reg,
        op: BinOp,
        right: &Expr<'_>,
        jump_if: bool,
        op_span: moonlet_parser::ast::Span,
    ) -> Result<JumpList> {
        // `~=` is `not ==`; `a > b` is `b < a`.
        let (op, k) = match op {
            BinOp::Ne => (BinOp::Eq, !jump_if),
            other => (other, jump_if),
        };
        if let Some(imm) = immediate(right) {
            let opcode = match op {
                BinOp::Eq => OpCode::EqI,
                BinOp::Lt => OpCode::LtI,
                BinOp::Le => OpCode::LeI,
                BinOp::Gt => OpCode::GtI,
                _ => OpCode::GeI,
            };
            self.at(op_span);
            self.fs().abc(opcode, a, imm, 0, k);
            return Ok(vec![self.fs().jump()]);
        }
        if let (BinOp::Eq, ExprKind::Str(s)) = (op, &right.kind) {
            let key = self.fs().string_constant(s);
            if key <= MAX_C {
                self.at(op_span);
                self.fs().abc(OpCode::EqK, a, key, 0, k);
                return Ok(vec![self.fs().jump()]);
            }
        }
        let b = self.expr_to_any(right)?;
        let (opcode, a, b) = match op {
            BinOp::Eq => (OpCode::Eq, a, b),
            BinOp::Lt => (OpCode::Lt, a, b),
            BinOp::Le => (OpCode::Le, a, b),
            BinOp::Gt => (OpCode::Lt, b, a),
            _ => (OpCode::Le, b, a),
        };
        self.at(op_span);
        self.fs().abc(opcode, a, b, 0, k);
        Ok(vec![self.fs().jump()])
    }
}

/// An integer operand small enough for the `sB`/`sC` immediate of a comparison or `AddI`.
pub(crate) fn immediate(e: &Expr<'_>) -> Option<u32> {
    match e.kind {
        ExprKind::Int(i) if (-i64::from(OFFSET_SC)..=i64::from(OFFSET_SC)).contains(&i) => {
            Some((i + i64::from(OFFSET_SC)) as u32)
        }
        _ => None,
    }
}

pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
}
