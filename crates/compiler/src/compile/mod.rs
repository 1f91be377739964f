//! The compiler: a chunk's AST to a tree of function prototypes.
//!
//! Owns the translation of Lua's syntax into the instruction set of `opcode.rs`, and the
//! checks Lua makes while compiling (`goto` targets, `break` placement, `<const>`
//! assignment, `...` outside a vararg function, register and local limits). Code
//! generation is destination-driven: each expression is compiled into a register the
//! caller chooses, or into any register when its value is already in one (a local).
//! The parts: `func.rs` (emission, registers, constants, jumps), `scope.rs` (variables,
//! blocks, labels), `expr.rs` (expressions), `cond.rs` (conditions and comparisons),
//! `stat.rs` (statements).

mod cond;
mod expr;
mod func;
mod scope;
mod stat;

use std::fmt;
use std::sync::Arc;

use moonlet_lexer::LineMap;
use moonlet_parser::ast::{Block, FuncBody, Span};

use crate::opcode::OpCode;
use crate::proto::{Proto, UpvalDesc};
use func::FuncState;

/// An error found while compiling, worded as Lua words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The chunk name (filled in by [`compile`]).
    pub chunk: String,
    pub line: u32,
    pub message: String,
}

impl CompileError {
    pub(crate) fn new(line: u32, message: &str) -> CompileError {
        CompileError { chunk: String::new(), line, message: message.to_owned() }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.chunk, self.line, self.message)
    }
}

impl std::error::Error for CompileError {}

/// Compiles a parsed chunk (the main function of `source`, named `chunk` in messages).
///
/// ```
/// let source = b"local x = 1\nreturn x + 2";
/// let block = moonlet_parser::parse_chunk(source, "example").unwrap();
/// let proto = moonlet_compiler::compile(&block, source, "example").unwrap();
/// assert!(proto.is_vararg);
/// assert_eq!(proto.lines.len(), proto.code.len());
/// ```
pub fn compile(block: &Block<'_>, source: &[u8], chunk: &str) -> Result<Proto, CompileError> {
    let lines = LineMap::new(source);
    let mut compiler = Compiler { funcs: Vec::new(), lines, source: Arc::from(chunk) };
    compiler.main(block).map_err(|mut e| {
        e.chunk = chunk.to_owned();
        e
    })
}

pub(crate) struct Compiler {
    /// The functions being compiled, innermost last.
    pub(crate) funcs: Vec<FuncState>,
    lines: LineMap,
    source: Arc<str>,
}

impl Compiler {
    /// The function being compiled.
    pub(crate) fn fs(&mut self) -> &mut FuncState {
        // `funcs` is never empty while compiling: `main` and `function` push before use.
        let last = self.funcs.len() - 1;
        &mut self.funcs[last]
    }

    pub(crate) fn line_of(&self, span: Span) -> u32 {
        self.lines.line_of(span.start as usize)
    }

    /// Sets the line of the instructions emitted next.
    pub(crate) fn at(&mut self, span: Span) {
        let line = self.line_of(span);
        self.fs().line = line;
    }

    /// The main function: vararg, with `_ENV` as its only upvalue.
    fn main(&mut self, block: &Block<'_>) -> Result<Proto, CompileError> {
        let mut fs = FuncState::new(0);
        fs.is_vararg = true;
        fs.upvalues.push(UpvalDesc { name: "_ENV".into(), in_stack: true, index: 0 });
        fs.read_only_upvalues.push(false);
        self.funcs.push(fs);
        self.fs().line = 1;
        self.fs().abc(OpCode::VarArgPrep, 0, 0, 0, false);
        self.enter_block(false);
        let last_line = self.lines.line_count();
        self.statements(block, last_line)?;
        // The final return is on the line of the chunk's last token, as in Lua (errors
        // about pending gotos are at the end of the text).
        self.fs().line = if block.stats.is_empty() && block.ret.is_none() {
            1
        } else {
            self.lines.line_of((block.span.end as usize).saturating_sub(1))
        };
        self.final_return();
        self.fs().line = last_line;
        self.leave_block()?;
        let fs = self.funcs.pop().unwrap_or_else(|| FuncState::new(0));
        Ok(fs.finish(self.source.clone(), 0))
    }

    /// Compiles a function body into a nested prototype; returns its index.
    pub(crate) fn function(&mut self, func: &FuncBody<'_>, is_method: bool) -> Result<u32, CompileError> {
        let line_defined = self.line_of(func.span);
        let last_line = self.lines.line_of((func.span.end as usize).saturating_sub(1));
        self.funcs.push(FuncState::new(line_defined));
        self.enter_block(false);
        if is_method {
            self.new_local("self", moonlet_parser::ast::Attrib::None)?;
        }
        for param in &func.params {
            self.new_local(param.text, moonlet_parser::ast::Attrib::None)?;
        }
        self.activate_locals();
        let fs = self.fs();
        fs.num_params = fs.actives.len() as u8;
        fs.is_vararg = func.is_vararg;
        if func.is_vararg {
            let params = u32::from(fs.num_params);
            fs.abc(OpCode::VarArgPrep, params, 0, 0, false);
        }
        self.statements(&func.body, last_line)?;
        self.fs().line = last_line;
        self.final_return();
        self.leave_block()?;
        let fs = self.funcs.pop().unwrap_or_else(|| FuncState::new(0));
        let proto = fs.finish(self.source.clone(), last_line);
        let parent = self.fs();
        parent.protos.push(Arc::new(proto));
        Ok((parent.protos.len() - 1) as u32)
    }

    /// Every function ends with a return (reached when the body falls off its end). It
    /// comes before the outermost block ends, as in Lua: the function's locals are
    /// still active there (for the debug library).
    fn final_return(&mut self) {
        let fs = self.fs();
        let level = fs.actives.len() as u32;
        fs.abc(OpCode::Return, level, 1, 0, false);
    }
}
