//! The moonlet virtual machine: values, the heap and its garbage collector, tables,
//! external tables, the interpreter loop and the standard library.
//!
//! Not yet filled: it arrives with the bytecode compiler. This crate must not know
//! about source text; it runs the compiler's prototypes.

pub mod gc;
pub mod number;
pub mod string;
pub mod table;
pub mod value;
