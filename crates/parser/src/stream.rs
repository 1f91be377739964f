//! The token stream between the lexer and the generated parser.
//!
//! Owns two things Lua's recursive-descent parser knows and an LR parser does not: how
//! deeply the source nests (Lua refuses more than about 200 levels with `C stack
//! overflow`), and which bracket or block is open (for `'end' expected (to close 'while'
//! at line 3)`). It only watches tokens go by; it never changes them.

use moonlet_lexer::{Lexer, Spanned, Token};

use crate::error::Failure;

/// How many nested constructs a chunk may have. Lua counts C stack levels (statements and
/// subexpressions, limit 200, a few taken before parsing starts); this counts brackets,
/// blocks (a function in an expression twice, as Lua does), runs of unary operators and
/// of right-associative operators. That matches Lua's count for nested brackets, blocks,
/// unary operators and functions, and stays within a small factor elsewhere.
pub(crate) const MAX_LEVELS: usize = 196;

/// A construct whose closing token is still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpenerKind {
    Function,
    If,
    While,
    For,
    Do,
    Repeat,
    /// A parenthesised expression or call arguments.
    Paren,
    /// A function's parameter list: Lua never says which `(` it closes.
    Params,
    Brace,
    Bracket,
}

impl OpenerKind {
    /// How Lua names the construct in `(to close 'X' at line N)`.
    pub(crate) fn spelling(self) -> &'static str {
        match self {
            OpenerKind::Function => "function",
            OpenerKind::If => "if",
            OpenerKind::While => "while",
            OpenerKind::For => "for",
            OpenerKind::Do => "do",
            OpenerKind::Repeat => "repeat",
            OpenerKind::Paren | OpenerKind::Params => "(",
            OpenerKind::Brace => "{",
            OpenerKind::Bracket => "[",
        }
    }

    /// Constructs closed by `end`.
    pub(crate) fn closed_by_end(self) -> bool {
        matches!(
            self,
            OpenerKind::Function | OpenerKind::If | OpenerKind::While | OpenerKind::For | OpenerKind::Do
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Opener {
    pub(crate) kind: OpenerKind,
    /// Byte offset whose line Lua names in `(to close …)`: the opening token, or for call
    /// arguments the start of the whole call chain (`f` in `f\n(1\n`).
    pub(crate) offset: usize,
    /// `while`/`for` whose `do` has not been seen yet.
    awaiting_do: bool,
    /// Levels this construct adds: its own weight plus the operator runs it interrupts.
    levels: usize,
    /// The enclosing expression's state, restored when this closes.
    saved: ExprState,
}

/// What the stream knows about the expression being read.
#[derive(Debug, Clone, Copy, Default)]
struct ExprState {
    /// Consecutive unary operators just read.
    unary_run: usize,
    /// `..` and `^` operators in the current operand chain.
    right_assoc_run: usize,
    /// Where the current prefix expression (`a.b:c(…)`) starts.
    chain_start: usize,
}

/// What a token does to the opener stack, applied when the next token is read so that
/// an error reported at a token sees the constructs opened before it.
#[derive(Debug, Clone, Copy)]
enum Effect {
    None,
    Push(Opener),
    /// `do` of a `while`/`for` header.
    HeaderDo,
    Pop(fn(OpenerKind) -> bool),
}

/// Spanned tokens for the parser, with nesting and opener bookkeeping.
pub(crate) struct TokenStream<'s> {
    lexer: Lexer<'s>,
    /// Constructs opened before the most recent token.
    pub(crate) openers: Vec<Opener>,
    /// Where the most recent token handed to the parser starts.
    pub(crate) last_start: usize,
    pending: Effect,
    /// The sum of the openers' levels.
    levels: usize,
    expr: ExprState,
    /// The previous token, if it is one that decides how the next is read.
    previous: Previous,
    /// Reading a function's name (`function a.b:c`), so the next `(` opens parameters.
    in_function_name: bool,
}

/// The previous token, reduced to what the stream needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// Nothing yet, or a token that ends a statement or opens a block.
    Boundary,
    /// A token that ends an operand: a following `-` is binary, `(` calls.
    Operand,
    /// `.` or `:`: a following name is a field or method, not a new expression.
    Selector,
    /// A token after which an expression starts (`=`, `(`, `,`, `return`, operators, …).
    ExpressionStart,
}

impl<'s> TokenStream<'s> {
    pub(crate) fn new(lexer: Lexer<'s>) -> TokenStream<'s> {
        TokenStream {
            lexer,
            openers: Vec::new(),
            last_start: 0,
            pending: Effect::None,
            levels: 0,
            expr: ExprState::default(),
            previous: Previous::Boundary,
            in_function_name: false,
        }
    }

    /// The innermost open construct satisfying `pred`.
    pub(crate) fn innermost(&self, pred: impl Fn(OpenerKind) -> bool) -> Option<Opener> {
        self.openers.iter().rev().find(|o| pred(o.kind)).copied()
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Push(opener) => {
                self.levels += opener.levels;
                self.openers.push(opener);
                self.expr = ExprState { chain_start: self.expr.chain_start, ..ExprState::default() };
            }
            Effect::HeaderDo => {
                if let Some(top) = self.openers.last_mut() {
                    top.awaiting_do = false;
                }
            }
            Effect::Pop(matches) => {
                if self.openers.last().is_some_and(|top| matches(top.kind)) {
                    if let Some(top) = self.openers.pop() {
                        self.levels -= top.levels;
                        self.expr = top.saved;
                    }
                }
            }
        }
    }

    /// Reads `token` (starting at `start`): what it does to the stack, and the expression
    /// state after it.
    fn observe(&mut self, token: &Token<'_>, start: usize) -> Effect {
        let push = |kind: OpenerKind, offset: usize, weight: usize, expr: ExprState| {
            Effect::Push(Opener {
                kind,
                offset,
                awaiting_do: matches!(kind, OpenerKind::While | OpenerKind::For),
                levels: weight + expr.unary_run + expr.right_assoc_run,
                saved: expr,
            })
        };
        let operand_before = self.previous == Previous::Operand;
        let mut expr = self.expr;
        if matches!(token, Token::Name(_)) && !operand_before && self.previous != Previous::Selector {
            expr.chain_start = start;
        }
        let effect = match token {
            Token::Function => {
                // As an expression, a function costs Lua a subexpression level too.
                let weight = if self.previous == Previous::ExpressionStart { 2 } else { 1 };
                push(OpenerKind::Function, start, weight, expr)
            }
            Token::If => push(OpenerKind::If, start, 1, expr),
            Token::While => push(OpenerKind::While, start, 1, expr),
            Token::For => push(OpenerKind::For, start, 1, expr),
            Token::Repeat => push(OpenerKind::Repeat, start, 1, expr),
            Token::LParen if self.in_function_name => push(OpenerKind::Params, start, 1, expr),
            Token::LParen if operand_before => push(OpenerKind::Paren, expr.chain_start, 1, expr),
            Token::LParen => {
                expr.chain_start = start;
                push(OpenerKind::Paren, start, 1, expr)
            }
            Token::LBrace => push(OpenerKind::Brace, start, 1, expr),
            Token::LBracket => push(OpenerKind::Bracket, start, 1, expr),
            Token::Do if self.openers.last().is_some_and(|top| top.awaiting_do) => Effect::HeaderDo,
            Token::Do => push(OpenerKind::Do, start, 1, expr),
            Token::End => Effect::Pop(OpenerKind::closed_by_end),
            Token::Until => Effect::Pop(|k| k == OpenerKind::Repeat),
            Token::RParen => Effect::Pop(|k| matches!(k, OpenerKind::Paren | OpenerKind::Params)),
            Token::RBrace => Effect::Pop(|k| k == OpenerKind::Brace),
            Token::RBracket => Effect::Pop(|k| k == OpenerKind::Bracket),
            _ => Effect::None,
        };
        self.in_function_name = match token {
            Token::Function => true,
            Token::Name(_) | Token::Dot | Token::Colon => self.in_function_name,
            _ => false,
        };
        let unary = match token {
            Token::Not | Token::Hash => true,
            Token::Minus | Token::Tilde => !operand_before,
            _ => false,
        };
        expr.unary_run = if unary { expr.unary_run + 1 } else { 0 };
        match token {
            Token::Concat | Token::Caret => expr.right_assoc_run += 1,
            // Operands, tighter operators and suffixes continue a `..` chain; anything
            // else ends the expression or starts a looser operator.
            _ if ends_operand(token) => {}
            Token::Plus
            | Token::Minus
            | Token::Star
            | Token::Slash
            | Token::DoubleSlash
            | Token::Percent
            | Token::Hash
            | Token::Not
            | Token::Dot
            | Token::Colon
            | Token::LParen
            | Token::LBracket
            | Token::LBrace
            | Token::Function => {}
            Token::Tilde if unary => {}
            _ => expr.right_assoc_run = 0,
        }
        self.expr = expr;
        self.previous = match token {
            // `end` closes a function expression (an operand) or a block (a boundary):
            // either way a `(` after it cannot continue a call chain in valid Lua.
            _ if ends_operand(token) => Previous::Operand,
            Token::Dot | Token::Colon => Previous::Selector,
            Token::Assign
            | Token::LParen
            | Token::Comma
            | Token::Return
            | Token::LBrace
            | Token::LBracket
            | Token::In
            | Token::Until
            | Token::While
            | Token::If
            | Token::Elseif
            | Token::And
            | Token::Or
            | Token::Not
            | Token::Plus
            | Token::Minus
            | Token::Star
            | Token::Slash
            | Token::DoubleSlash
            | Token::Percent
            | Token::Caret
            | Token::Hash
            | Token::Ampersand
            | Token::Tilde
            | Token::Pipe
            | Token::ShiftLeft
            | Token::ShiftRight
            | Token::Eq
            | Token::Ne
            | Token::Le
            | Token::Ge
            | Token::Lt
            | Token::Gt
            | Token::Concat => Previous::ExpressionStart,
            _ => Previous::Boundary,
        };
        effect
    }
}

impl<'s> Iterator for TokenStream<'s> {
    type Item = Result<Spanned<'s>, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        let pending = std::mem::replace(&mut self.pending, Effect::None);
        self.apply(pending);
        let (start, token, end) = match self.lexer.next()? {
            Ok(spanned) => spanned,
            Err(error) => return Some(Err(Failure::Lex(error))),
        };
        let effect = self.observe(&token, start);
        let depth = match effect {
            Effect::Push(opener) => self.levels + opener.levels,
            _ => self.levels + self.expr.unary_run + self.expr.right_assoc_run,
        };
        if depth > MAX_LEVELS {
            return Some(Err(Failure::TooDeep));
        }
        self.pending = effect;
        self.last_start = start;
        Some(Ok((start, token, end)))
    }
}

/// Tokens that end an operand: after one, `-` is binary and `(` calls.
fn ends_operand(token: &Token<'_>) -> bool {
    matches!(
        token,
        Token::Name(_)
            | Token::Number(_)
            | Token::Str(_)
            | Token::Nil
            | Token::True
            | Token::False
            | Token::Dots
            | Token::RParen
            | Token::RBracket
            | Token::RBrace
            | Token::End
    )
}
