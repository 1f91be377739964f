//! Operator precedence: groups a flat run of operands and operators into a tree.
//!
//! The grammar reads `a + b * -c ^ d` flat: units (an operand with the unary operators
//! written before it, applied as written) separated by binary operators. This module owns
//! Lua's priority table and applies it exactly as `lparser.c: subexpr` does, including
//! unary operators binding looser than `^` on their right (`-x^2` is `-(x^2)`) and `..`
//! and `^` grouping to the right. Runs of one left-associative priority become one flat
//! [`ExprKind::Binary`]. Recursion depth is bounded: it grows only with rising priority
//! and with right-associative runs, which the token stream caps.

use std::vec::IntoIter;

use crate::ast::{BinOp, Expr, ExprKind, Operand, Span, UnOp};

/// A binary operator and its span.
type Op = (BinOp, Span);

/// Lua's `(left, right)` priorities (`lparser.c: priority`): an operator takes the
/// expression so far as its left operand while its left priority exceeds the current limit.
fn priority(op: BinOp) -> (u8, u8) {
    use BinOp::*;
    match op {
        Or => (1, 1),
        And => (2, 2),
        Lt | Gt | Le | Ge | Ne | Eq => (3, 3),
        BitOr => (4, 4),
        BitXor => (5, 5),
        BitAnd => (6, 6),
        Shl | Shr => (7, 7),
        Concat => (9, 8),
        Add | Sub => (10, 10),
        Mul | Div | IDiv | Mod => (11, 11),
        Pow => (14, 13),
    }
}

/// The operand of a unary operator is parsed with this limit: only `^` binds tighter.
const UNARY_PRIORITY: u8 = 12;

/// Applies unary operators (in source order, with their start offsets) to an operand.
pub(crate) fn prefix_unary(ops: Vec<(UnOp, usize)>, operand: Expr<'_>) -> Expr<'_> {
    ops.into_iter().rev().fold(operand, |operand, (op, start)| {
        let span = Span { start: start as u32, end: operand.span.end };
        Expr { kind: ExprKind::Unary { op, operand: Box::new(operand) }, span }
    })
}

/// Groups `chain` (units each followed by an operator) and the final unit into one tree.
pub(crate) fn climb<'s>(chain: Vec<(Expr<'s>, Op)>, last: Expr<'s>) -> Expr<'s> {
    if chain.is_empty() {
        return last; // a lone unit: its unary operators already apply to all of it
    }
    let mut climber = Climber { chain: chain.into_iter(), last: Some(last), pending: None };
    climber.subexpr(0)
}

struct Climber<'s> {
    /// Units in order, each with the operator that follows it.
    chain: IntoIter<(Expr<'s>, Op)>,
    /// The unit after the chain.
    last: Option<Expr<'s>>,
    /// The operator after the unit most recently taken, not yet consumed.
    pending: Option<Op>,
}

impl<'s> Climber<'s> {
    /// `subexpr(limit)`: a unit, then every operator whose left priority exceeds `limit`.
    fn subexpr(&mut self, limit: u8) -> Expr<'s> {
        let unit = match self.chain.next() {
            Some((unit, op)) => {
                self.pending = Some(op);
                unit
            }
            None => {
                self.pending = None;
                // Every operator is followed by a unit, so the last one is still here.
                self.last.take().unwrap_or(Expr { kind: ExprKind::Nil, span: Span::default() })
            }
        };
        let left = if matches!(unit.kind, ExprKind::Unary { .. }) {
            // A unit is unary only through its prefix operators (a parenthesised unary is
            // a `Paren`): their operand extends over the operators binding tighter.
            let (ops, operand) = peel_unary(unit);
            let operand = self.extend(operand, UNARY_PRIORITY);
            prefix_unary(ops, operand)
        } else {
            unit
        };
        self.extend(left, limit)
    }

    /// Applies pending operators binding tighter than `limit` to `left`.
    fn extend(&mut self, mut left: Expr<'s>, limit: u8) -> Expr<'s> {
        while let Some((op, op_span)) = self.pending {
            let (left_priority, right_priority) = priority(op);
            if left_priority <= limit {
                break;
            }
            self.pending = None;
            let right = self.subexpr(right_priority);
            left = binary(left, op, op_span, right);
        }
        left
    }
}

/// Splits `-not x` into its operators (in source order) and the innermost operand.
fn peel_unary(mut e: Expr<'_>) -> (Vec<(UnOp, usize)>, Expr<'_>) {
    let mut ops = Vec::new();
    loop {
        match e.kind {
            ExprKind::Unary { op, operand } => {
                ops.push((op, e.span.start as usize));
                e = *operand;
            }
            kind => return (ops, Expr { kind, span: e.span }),
        }
    }
}

/// `lhs op rhs`; a left-associative operator extends a run of its own priority.
fn binary<'s>(lhs: Expr<'s>, op: BinOp, op_span: Span, rhs: Expr<'s>) -> Expr<'s> {
    let span = Span { start: lhs.span.start, end: rhs.span.end };
    let operand = Operand { op, op_span, rhs };
    let (left_priority, right_priority) = priority(op);
    let left_associative = left_priority == right_priority;
    match lhs.kind {
        ExprKind::Binary { first, mut rest }
            if left_associative && rest.first().is_some_and(|o| priority(o.op) == priority(op)) =>
        {
            rest.push(operand);
            Expr { kind: ExprKind::Binary { first, rest }, span }
        }
        kind => Expr {
            kind: ExprKind::Binary { first: Box::new(Expr { kind, span: lhs.span }), rest: vec![operand] },
            span,
        },
    }
}
