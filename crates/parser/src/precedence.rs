//! Operator precedence: groups a flat run of operands and operators into a tree.
//!
//! The grammar reads `a + b * -c ^ d` flat (units separated by binary operators); this
//! module owns Lua's priority table and applies it exactly as `lparser.c: subexpr` does,
//! including unary operators binding looser than `^` on their right (`-x^2` is `-(x^2)`)
//! and `..` and `^` grouping to the right. Runs of one left-associative precedence become
//! one flat [`ExprKind::Binary`]. Recursion depth is bounded: it grows only with rising
//! precedence and with right-associative runs, which the token stream caps.

use std::vec::IntoIter;

use crate::ast::{BinOp, Expr, ExprKind, Operand, Span, UnOp};

/// An operand with the unary operators written before it (`- not x`).
pub(crate) struct Unit<'s> {
    /// The unary operators in source order, with their start offsets.
    pub(crate) ops: Vec<(UnOp, usize)>,
    pub(crate) operand: Expr<'s>,
}

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

/// Groups `chain` (units each followed by an operator) and the final unit into one tree.
pub(crate) fn climb<'s>(chain: Vec<(Unit<'s>, Op)>, last: Unit<'s>) -> Expr<'s> {
    if chain.is_empty() && last.ops.is_empty() {
        return last.operand; // the common case: a lone operand
    }
    let mut items = Vec::with_capacity(chain.len() + 1);
    for (unit, op) in chain {
        items.push((unit, Some(op)));
    }
    items.push((last, None));
    let mut climber = Climber { items: items.into_iter(), pending: None };
    climber.subexpr(0)
}

/// A binary operator and its span.
type Op = (BinOp, Span);

struct Climber<'s> {
    /// Units in order, each with the operator that follows it (none after the last).
    items: IntoIter<(Unit<'s>, Option<Op>)>,
    /// The operator after the unit most recently taken, not yet consumed.
    pending: Option<Op>,
}

impl<'s> Climber<'s> {
    /// `subexpr(limit)`: a unit, then every operator whose left priority exceeds `limit`.
    fn subexpr(&mut self, limit: u8) -> Expr<'s> {
        let Some((unit, next_op)) = self.items.next() else {
            // The grammar always ends a chain with a unit, so there is one to take.
            return Expr { kind: ExprKind::Nil, span: Span::default() };
        };
        self.pending = next_op;
        let mut left = unit.operand;
        if !unit.ops.is_empty() {
            left = self.extend(left, UNARY_PRIORITY);
            for (op, start) in unit.ops.into_iter().rev() {
                let span = Span { start: start as u32, end: left.span.end };
                left = Expr { kind: ExprKind::Unary { op, operand: Box::new(left) }, span };
            }
        }
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
