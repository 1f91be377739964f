//! The moonlet bytecode compiler: turns the parser's AST into register-machine
//! prototypes and owns the instruction set.
//!
//! Not yet filled: the instruction set and the compiler arrive with the bytecode VM.
//! This crate must not depend on the VM; the VM depends on it.
