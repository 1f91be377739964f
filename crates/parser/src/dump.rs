//! A readable text form of the AST, for snapshot tests and debugging.
//!
//! Owns the printing only. The output looks like Lua with the tree made explicit: every
//! binary and unary operation is parenthesised (`(1 + (2 * 3))`), a parenthesised
//! expression shows as `((x))`, floats always carry a `.` or an exponent, strings are
//! escaped, and nested blocks are indented.

use std::fmt::Write;

use crate::ast::*;

/// Renders a block (usually a whole chunk) as indented Lua-like text.
///
/// ```
/// let block = moonlet_parser::parse_chunk(b"x = -a^2 .. 'b' .. c", "=x").unwrap();
/// assert_eq!(moonlet_parser::dump_block(&block), "x = ((-(a ^ 2)) .. (\"b\" .. c))\n");
/// ```
pub fn dump_block(block: &Block<'_>) -> String {
    let mut printer = Printer { out: String::new(), depth: 0 };
    printer.block(block);
    printer.out
}

struct Printer {
    out: String,
    depth: usize,
}

impl Printer {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, block: &Block<'_>) {
        for stat in &block.stats {
            self.stat(stat);
        }
        if let Some(ret) = &block.ret {
            let values = exprs(&ret.values);
            self.line(&if values.is_empty() { "return".to_owned() } else { format!("return {values}") });
        }
    }

    fn nested(&mut self, header: &str, block: &Block<'_>) {
        self.line(header);
        self.depth += 1;
        self.block(block);
        self.depth -= 1;
    }

    fn stat(&mut self, stat: &Stat<'_>) {
        match &stat.kind {
            StatKind::Call(call) => self.line(&format!("call {}", expr(call))),
            StatKind::Assign { targets, values } => {
                self.line(&format!("{} = {}", exprs(targets), exprs(values)));
            }
            StatKind::Local { names, values } => {
                let names: Vec<String> = names
                    .iter()
                    .map(|n| match n.attrib {
                        Attrib::None => n.name.text.to_owned(),
                        Attrib::Const => format!("{} <const>", n.name.text),
                        Attrib::Close => format!("{} <close>", n.name.text),
                    })
                    .collect();
                let names = names.join(", ");
                self.line(&if values.is_empty() {
                    format!("local {names}")
                } else {
                    format!("local {names} = {}", exprs(values))
                });
            }
            StatKind::LocalFunction { name, func } => {
                self.function(&format!("local function {}", name.text), func)
            }
            StatKind::Function { name, func } => {
                let mut full = name.path.iter().map(|n| n.text).collect::<Vec<_>>().join(".");
                if let Some(method) = &name.method {
                    full = format!("{full}:{}", method.text);
                }
                self.function(&format!("function {full}"), func);
            }
            StatKind::Do(body) => {
                self.nested("do", body);
                self.line("end");
            }
            StatKind::While { cond, body } => {
                self.nested(&format!("while {} do", expr(cond)), body);
                self.line("end");
            }
            StatKind::Repeat { body, cond } => {
                self.nested("repeat", body);
                self.line(&format!("until {}", expr(cond)));
            }
            StatKind::If { clauses, else_block } => {
                for (i, clause) in clauses.iter().enumerate() {
                    let keyword = if i == 0 { "if" } else { "elseif" };
                    self.nested(&format!("{keyword} {} then", expr(&clause.cond)), &clause.body);
                }
                if let Some(body) = else_block {
                    self.nested("else", body);
                }
                self.line("end");
            }
            StatKind::NumericFor(f) => {
                let step = f.step.as_ref().map(|s| format!(", {}", expr(s))).unwrap_or_default();
                self.nested(
                    &format!("for {} = {}, {}{step} do", f.var.text, expr(&f.start), expr(&f.limit)),
                    &f.body,
                );
                self.line("end");
            }
            StatKind::GenericFor(f) => {
                let vars: Vec<&str> = f.vars.iter().map(|v| v.text).collect();
                self.nested(&format!("for {} in {} do", vars.join(", "), exprs(&f.exprs)), &f.body);
                self.line("end");
            }
            StatKind::Goto(label) => self.line(&format!("goto {}", label.text)),
            StatKind::Label(label) => self.line(&format!("::{}::", label.text)),
            StatKind::Break => self.line("break"),
        }
    }

    fn function(&mut self, header: &str, func: &FuncBody<'_>) {
        self.nested(&format!("{header}({})", params(func)), &func.body);
        self.line("end");
    }
}

fn params(func: &FuncBody<'_>) -> String {
    let mut names: Vec<&str> = func.params.iter().map(|p| p.text).collect();
    if func.is_vararg {
        names.push("...");
    }
    names.join(", ")
}

fn exprs(list: &[Expr<'_>]) -> String {
    list.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn expr(e: &Expr<'_>) -> String {
    match &e.kind {
        ExprKind::Nil => "nil".to_owned(),
        ExprKind::True => "true".to_owned(),
        ExprKind::False => "false".to_owned(),
        ExprKind::Vararg => "...".to_owned(),
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("\"{}\"", s.escape_ascii()),
        ExprKind::Name(n) => (*n).to_owned(),
        ExprKind::Paren(inner) => format!("({})", expr(inner)),
        ExprKind::Function(func) => {
            // Function bodies inside expressions print on one line, statements separated by `;`.
            let body = dump_block(&func.body);
            let body: Vec<&str> = body.lines().map(str::trim).collect();
            if body.is_empty() {
                format!("function({}) end", params(func))
            } else {
                format!("function({}) {} end", params(func), body.join("; "))
            }
        }
        ExprKind::Table(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| match f {
                    Field::Positional(v) => expr(v),
                    Field::Named(n, v) => format!("{} = {}", n.text, expr(v)),
                    Field::Keyed(k, v) => format!("[{}] = {}", expr(k), expr(v)),
                })
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        ExprKind::Suffixed { base, suffixes } => {
            let mut out = expr(base);
            for suffix in suffixes {
                let _ = match &suffix.kind {
                    SuffixKind::Field(name) => write!(out, ".{}", name.text),
                    SuffixKind::Index(key) => write!(out, "[{}]", expr(key)),
                    SuffixKind::Call(args) => write!(out, "({})", exprs(args)),
                    SuffixKind::Method(name, args) => write!(out, ":{}({})", name.text, exprs(args)),
                };
            }
            out
        }
        ExprKind::Binary { first, rest } => {
            let mut out = format!("({}", expr(first));
            for operand in rest {
                let _ = write!(out, " {} {}", operand.op.symbol(), expr(&operand.rhs));
            }
            out.push(')');
            out
        }
        ExprKind::Unary { op, operand } => match op {
            UnOp::Not => format!("(not {})", expr(operand)),
            _ => format!("({}{})", op.symbol(), expr(operand)),
        },
    }
}
