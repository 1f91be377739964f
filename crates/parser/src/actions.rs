//! Helpers the grammar's actions call to build AST nodes.
//!
//! Owns node construction: spans, flattening of left-associative operator runs and of
//! suffix chains, and the checks Lua makes while parsing (a statement must be a call or an
//! assignment, attributes must be `const` or `close`, one to-be-closed variable per
//! `local`). It must not decide grammar questions; those live in `grammar/lua.lalrpop`.

use lalrpop_util::ParseError;
use moonlet_lexer::{Numeral, Token};

use crate::ast::*;
use crate::error::Failure;

/// The error type of fallible actions.
pub(crate) type ActionResult<'s, T> = Result<T, ParseError<usize, Token<'s>, Failure>>;

/// A span from two parser locations. Offsets fit in `u32`: `parse_chunk` refuses larger
/// sources before parsing starts.
pub(crate) fn span(l: usize, r: usize) -> Span {
    Span { start: l as u32, end: r as u32 }
}

pub(crate) fn push<T>(mut v: Vec<T>, item: T) -> Vec<T> {
    v.push(item);
    v
}

pub(crate) fn expr(kind: ExprKind<'_>, l: usize, r: usize) -> Expr<'_> {
    Expr { kind, span: span(l, r) }
}

pub(crate) fn number(n: Numeral) -> ExprKind<'static> {
    match n {
        Numeral::Int(i) => ExprKind::Int(i),
        Numeral::Float(f) => ExprKind::Float(f),
    }
}

pub(crate) fn block<'s>(stats: Vec<Stat<'s>>, ret: Option<Return<'s>>, l: usize, r: usize) -> Block<'s> {
    Block { stats, ret: ret.map(Box::new), span: span(l, r) }
}

pub(crate) fn assign<'s>(targets: Vec<Expr<'s>>, values: Vec<Expr<'s>>, l: usize, r: usize) -> Stat<'s> {
    Stat { kind: StatKind::Assign { targets, values }, span: span(l, r) }
}

/// `local names = values`, refusing two `<close>` variables in one list as Lua does.
pub(crate) fn local<'s>(
    names: Vec<LocalName<'s>>,
    values: Vec<Expr<'s>>,
    l: usize,
    r: usize,
) -> ActionResult<'s, Stat<'s>> {
    if names.iter().filter(|n| n.attrib == Attrib::Close).count() > 1 {
        return Err(ParseError::User { error: Failure::MultipleToBeClosed(r) });
    }
    Ok(Stat { kind: StatKind::Local { names, values }, span: span(l, r) })
}

/// A suffixed expression used as a statement: Lua accepts only calls (`syntax error`).
pub(crate) fn call_stat(e: Expr<'_>, l: usize, r: usize) -> ActionResult<'_, Stat<'_>> {
    if e.is_call() {
        Ok(Stat { kind: StatKind::Call(e), span: span(l, r) })
    } else {
        Err(ParseError::User { error: Failure::NotAStatement(r) })
    }
}

/// `name <attrib>`: only `const` and `close` exist.
pub(crate) fn attribute<'s>(name: Name<'s>, attrib: Name<'s>, r: usize) -> ActionResult<'s, LocalName<'s>> {
    let attrib = match attrib.text {
        "const" => Attrib::Const,
        "close" => Attrib::Close,
        other => return Err(ParseError::User { error: Failure::UnknownAttribute(other.to_owned(), r) }),
    };
    Ok(LocalName { name, attrib })
}

pub(crate) fn if_stat<'s>(
    cond: Expr<'s>,
    body: Block<'s>,
    elseifs: Vec<IfClause<'s>>,
    else_block: Option<Block<'s>>,
) -> StatKind<'s> {
    let mut clauses = Vec::with_capacity(elseifs.len() + 1);
    clauses.push(IfClause { cond, body });
    clauses.extend(elseifs);
    StatKind::If { clauses, else_block: else_block.map(Box::new) }
}

/// Appends a suffix, extending a suffix chain rather than nesting a new one.
pub(crate) fn suffixed<'s>(base: Expr<'s>, suffix: Suffix<'s>) -> Expr<'s> {
    let span = Span { start: base.span.start, end: suffix.span.end };
    match base.kind {
        ExprKind::Suffixed { base, mut suffixes } => {
            suffixes.push(suffix);
            Expr { kind: ExprKind::Suffixed { base, suffixes }, span }
        }
        kind => Expr {
            kind: ExprKind::Suffixed {
                base: Box::new(Expr { kind, span: base.span }),
                suffixes: vec![suffix],
            },
            span,
        },
    }
}
