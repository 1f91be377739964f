//! The abstract syntax tree of a Lua 5.4 chunk, with byte spans on every node.
//!
//! This module owns the *shape* of parsed Lua; it holds no parsing logic (that is the
//! grammar and `build.rs` helpers) and no semantics (that is the compiler). Names and
//! escape-free strings borrow the source, hence the `'s` lifetime.
//!
//! Two shapes are flat on purpose, so that no chain Lua parses in a loop becomes a deep
//! tree: a left-associative run of same-precedence operators is one [`ExprKind::Binary`]
//! (`a + b - c`), and a run of field accesses and calls is one [`ExprKind::Suffixed`]
//! (`a.b[c]:d(e)(f)`). Everything that nests deeper does so through brackets, blocks,
//! unary operators or right-associative operators, whose depth the parser bounds.
//!
//! Large parts of statements are boxed so that every node the parser shifts and reduces
//! stays small (sizes checked at the end of this file): the LR parser moves them often.

use std::borrow::Cow;

/// A byte range `start..end` in the source. The parser refuses sources of 4 GiB or more,
/// so offsets fit in `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A sequence of statements, optionally ended by `return`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block<'s> {
    pub stats: Vec<Stat<'s>>,
    pub ret: Option<Box<Return<'s>>>,
    pub span: Span,
}

/// `return e1, e2, …` (the last statement of a block).
#[derive(Debug, Clone, PartialEq)]
pub struct Return<'s> {
    pub values: Vec<Expr<'s>>,
    pub span: Span,
}

/// A statement and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Stat<'s> {
    pub kind: StatKind<'s>,
    pub span: Span,
}

/// The statements of Lua 5.4 (`;` leaves no trace).
#[derive(Debug, Clone, PartialEq)]
pub enum StatKind<'s> {
    /// A function or method call used as a statement; always an [`ExprKind::Suffixed`]
    /// whose last suffix is a call.
    Call(Expr<'s>),
    /// `t1, t2 = e1, e2`; each target is a name or a suffixed expression ending in an index.
    Assign {
        targets: Vec<Expr<'s>>,
        values: Vec<Expr<'s>>,
    },
    /// `local a <const>, b = e1, e2`
    Local {
        names: Vec<LocalName<'s>>,
        values: Vec<Expr<'s>>,
    },
    /// `local function f() … end`
    LocalFunction {
        name: Name<'s>,
        func: Box<FuncBody<'s>>,
    },
    /// `function a.b.c:m() … end`
    Function {
        name: Box<FuncName<'s>>,
        func: Box<FuncBody<'s>>,
    },
    Do(Block<'s>),
    While {
        cond: Box<Expr<'s>>,
        body: Block<'s>,
    },
    /// `repeat body until cond`; `cond` sees the body's locals.
    Repeat {
        body: Block<'s>,
        cond: Box<Expr<'s>>,
    },
    /// `if c1 then b1 elseif c2 then b2 else b3 end`
    If {
        clauses: Vec<IfClause<'s>>,
        else_block: Option<Box<Block<'s>>>,
    },
    /// `for var = start, limit, step do body end`
    NumericFor(Box<NumericFor<'s>>),
    /// `for v1, v2 in e1, e2 do body end`
    GenericFor(Box<GenericFor<'s>>),
    Goto(Name<'s>),
    Label(Name<'s>),
    Break,
}

/// `for var = start, limit, step do body end`
#[derive(Debug, Clone, PartialEq)]
pub struct NumericFor<'s> {
    pub var: Name<'s>,
    pub start: Expr<'s>,
    pub limit: Expr<'s>,
    pub step: Option<Expr<'s>>,
    pub body: Block<'s>,
}

/// `for v1, v2 in e1, e2 do body end`
#[derive(Debug, Clone, PartialEq)]
pub struct GenericFor<'s> {
    pub vars: Vec<Name<'s>>,
    pub exprs: Vec<Expr<'s>>,
    pub body: Block<'s>,
}

/// One `if`/`elseif` condition with its block.
#[derive(Debug, Clone, PartialEq)]
pub struct IfClause<'s> {
    pub cond: Expr<'s>,
    pub body: Block<'s>,
}

/// An identifier and where it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name<'s> {
    pub text: &'s str,
    pub span: Span,
}

/// A variable declared by `local`, with its attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalName<'s> {
    pub name: Name<'s>,
    pub attrib: Attrib,
}

/// The attribute of a local: none, `<const>` or `<close>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attrib {
    None,
    Const,
    Close,
}

/// The name of a `function` statement: `a.b.c` and an optional `:method`.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncName<'s> {
    /// At least one name.
    pub path: Vec<Name<'s>>,
    pub method: Option<Name<'s>>,
}

/// Parameters and body of a function; `span` runs from `function` to `end`, so its lines
/// are Lua's `linedefined` and `lastlinedefined`.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncBody<'s> {
    pub params: Vec<Name<'s>>,
    pub is_vararg: bool,
    pub body: Block<'s>,
    pub span: Span,
}

/// An expression and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr<'s> {
    pub kind: ExprKind<'s>,
    pub span: Span,
}

/// The expressions of Lua 5.4.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind<'s> {
    Nil,
    True,
    False,
    /// `...`
    Vararg,
    Int(i64),
    Float(f64),
    Str(Cow<'s, [u8]>),
    Function(Box<FuncBody<'s>>),
    Table(Vec<Field<'s>>),
    /// A variable reference (local, upvalue or global: the compiler decides).
    Name(&'s str),
    /// `(e)`: keeps only the first value of a call or `...`.
    Paren(Box<Expr<'s>>),
    /// A primary expression (a name or a parenthesised expression) and what follows it.
    Suffixed {
        base: Box<Expr<'s>>,
        suffixes: Vec<Suffix<'s>>,
    },
    /// `first op1 e1 op2 e2 …`, evaluated left to right: a run of left-associative
    /// operators of one precedence, or a single right-associative `..` / `^`.
    Binary {
        first: Box<Expr<'s>>,
        rest: Vec<Operand<'s>>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr<'s>>,
    },
}

/// One step after a primary expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Suffix<'s> {
    pub kind: SuffixKind<'s>,
    pub span: Span,
}

/// `.name`, `[key]`, `(args)` or `:method(args)`.
#[derive(Debug, Clone, PartialEq)]
pub enum SuffixKind<'s> {
    Field(Name<'s>),
    Index(Expr<'s>),
    Call(Vec<Expr<'s>>),
    Method(Name<'s>, Vec<Expr<'s>>),
}

/// The right operand of a binary operator, with the operator and its span (Lua reports
/// arithmetic errors on the operator's line).
#[derive(Debug, Clone, PartialEq)]
pub struct Operand<'s> {
    pub op: BinOp,
    pub op_span: Span,
    pub rhs: Expr<'s>,
}

/// A table constructor field.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<'s> {
    /// `value` (takes the next array index)
    Positional(Expr<'s>),
    /// `name = value`
    Named(Name<'s>, Expr<'s>),
    /// `[key] = value`
    Keyed(Expr<'s>, Expr<'s>),
}

/// Binary operators of Lua 5.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Lt,
    Gt,
    Le,
    Ge,
    Ne,
    Eq,
    BitOr,
    BitXor,
    BitAnd,
    Shl,
    Shr,
    Concat,
    Add,
    Sub,
    Mul,
    Div,
    IDiv,
    Mod,
    Pow,
}

impl BinOp {
    /// The operator as written in Lua.
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Or => "or",
            And => "and",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            Ne => "~=",
            Eq => "==",
            BitOr => "|",
            BitXor => "~",
            BitAnd => "&",
            Shl => "<<",
            Shr => ">>",
            Concat => "..",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            IDiv => "//",
            Mod => "%",
            Pow => "^",
        }
    }
}

/// Unary operators: `-`, `not`, `#`, `~`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    Len,
    BitNot,
}

impl UnOp {
    /// The operator as written in Lua.
    pub fn symbol(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Not => "not",
            UnOp::Len => "#",
            UnOp::BitNot => "~",
        }
    }
}

impl<'s> Expr<'s> {
    /// Whether this is a call (`f()`, `o:m()`): such an expression can be a statement and,
    /// last in a list, yields all its results.
    pub fn is_call(&self) -> bool {
        matches!(&self.kind, ExprKind::Suffixed { suffixes, .. }
            if matches!(suffixes.last(), Some(Suffix { kind: SuffixKind::Call(_) | SuffixKind::Method(..), .. })))
    }

    /// Whether this expression can yield several values (a call or `...`).
    pub fn is_multi_valued(&self) -> bool {
        self.is_call() || matches!(self.kind, ExprKind::Vararg)
    }
}

// The parser moves these values on every shift and reduce: keep them small.
const _: () = assert!(std::mem::size_of::<Expr<'static>>() <= 48);
const _: () = assert!(std::mem::size_of::<Stat<'static>>() <= 64);
const _: () = assert!(std::mem::size_of::<Block<'static>>() <= 40);
const _: () = assert!(std::mem::size_of::<Suffix<'static>>() <= 64);
