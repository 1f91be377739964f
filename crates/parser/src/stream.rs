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
/// blocks, runs of unary operators and of right-associative operators, which matches
/// Lua's count for nested brackets and blocks and stays within a small factor elsewhere.
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
    Paren,
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
            OpenerKind::Paren => "(",
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
    /// Byte offset of the opening token.
    pub(crate) offset: usize,
    /// `while`/`for` whose `do` has not been seen yet.
    awaiting_do: bool,
    /// The enclosing expression's operator runs, restored when this closes.
    saved_runs: (usize, usize),
}

/// What a token does to the opener stack.
#[derive(Debug, Clone, Copy)]
enum Effect {
    None,
    Push(OpenerKind),
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
    /// Consecutive unary operators, and `..`/`^` operators, in the current expression.
    unary_run: usize,
    right_assoc_run: usize,
    /// Whether the previous token ends an operand (so `-` after it is binary).
    after_operand: bool,
}

impl<'s> TokenStream<'s> {
    pub(crate) fn new(lexer: Lexer<'s>) -> TokenStream<'s> {
        TokenStream {
            lexer,
            openers: Vec::new(),
            last_start: 0,
            pending: Effect::None,
            unary_run: 0,
            right_assoc_run: 0,
            after_operand: false,
        }
    }

    /// The innermost open construct satisfying `pred`.
    pub(crate) fn innermost(&self, pred: impl Fn(OpenerKind) -> bool) -> Option<Opener> {
        self.openers.iter().rev().find(|o| pred(o.kind)).copied()
    }

    fn apply(&mut self, effect: Effect, offset: usize) {
        match effect {
            Effect::None => {}
            Effect::Push(kind) => {
                self.openers.push(Opener {
                    kind,
                    offset,
                    awaiting_do: matches!(kind, OpenerKind::While | OpenerKind::For),
                    saved_runs: (self.unary_run, self.right_assoc_run),
                });
                self.unary_run = 0;
                self.right_assoc_run = 0;
            }
            Effect::HeaderDo => {
                if let Some(top) = self.openers.last_mut() {
                    top.awaiting_do = false;
                }
            }
            Effect::Pop(matches) => {
                if self.openers.last().is_some_and(|top| matches(top.kind)) {
                    if let Some(top) = self.openers.pop() {
                        (self.unary_run, self.right_assoc_run) = top.saved_runs;
                    }
                }
            }
        }
    }

    fn effect_of(&self, token: &Token<'_>) -> Effect {
        match token {
            Token::Function => Effect::Push(OpenerKind::Function),
            Token::If => Effect::Push(OpenerKind::If),
            Token::While => Effect::Push(OpenerKind::While),
            Token::For => Effect::Push(OpenerKind::For),
            Token::Repeat => Effect::Push(OpenerKind::Repeat),
            Token::LParen => Effect::Push(OpenerKind::Paren),
            Token::LBrace => Effect::Push(OpenerKind::Brace),
            Token::LBracket => Effect::Push(OpenerKind::Bracket),
            Token::Do if self.openers.last().is_some_and(|top| top.awaiting_do) => Effect::HeaderDo,
            Token::Do => Effect::Push(OpenerKind::Do),
            Token::End => Effect::Pop(OpenerKind::closed_by_end),
            Token::Until => Effect::Pop(|k| k == OpenerKind::Repeat),
            Token::RParen => Effect::Pop(|k| k == OpenerKind::Paren),
            Token::RBrace => Effect::Pop(|k| k == OpenerKind::Brace),
            Token::RBracket => Effect::Pop(|k| k == OpenerKind::Bracket),
            _ => Effect::None,
        }
    }

    /// Updates the operator runs for `token` and says whether it ends an operand.
    fn track_runs(&mut self, token: &Token<'_>) {
        let unary = match token {
            Token::Not | Token::Hash => true,
            Token::Minus | Token::Tilde => !self.after_operand,
            _ => false,
        };
        self.unary_run = if unary { self.unary_run + 1 } else { 0 };
        match token {
            Token::Concat | Token::Caret => self.right_assoc_run += 1,
            // Operands, tighter operators and suffixes continue a `..` chain; anything
            // else ends the expression or starts a looser operator.
            Token::Name(_)
            | Token::Number(_)
            | Token::Str(_)
            | Token::Nil
            | Token::True
            | Token::False
            | Token::Dots
            | Token::Plus
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
            | Token::RParen
            | Token::LBracket
            | Token::RBracket
            | Token::LBrace
            | Token::RBrace
            | Token::Function
            | Token::End => {}
            Token::Tilde if unary => {}
            _ => self.right_assoc_run = 0,
        }
        self.after_operand = matches!(
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
        );
    }
}

impl<'s> Iterator for TokenStream<'s> {
    type Item = Result<Spanned<'s>, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        let pending = std::mem::replace(&mut self.pending, Effect::None);
        self.apply(pending, self.last_start);
        let (start, token, end) = match self.lexer.next()? {
            Ok(spanned) => spanned,
            Err(error) => return Some(Err(Failure::Lex(error))),
        };
        let effect = self.effect_of(&token);
        self.track_runs(&token);
        let opened = usize::from(matches!(effect, Effect::Push(_)));
        if self.openers.len() + opened + self.unary_run + self.right_assoc_run > MAX_LEVELS {
            return Some(Err(Failure::TooDeep));
        }
        self.pending = effect;
        self.last_start = start;
        Some(Ok((start, token, end)))
    }
}
