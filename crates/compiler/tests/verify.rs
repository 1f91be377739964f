//! The verifier refuses code that names what does not exist: the VM reads registers,
//! constants, upvalues and opcodes of verified code without further checks.

use moonlet_compiler::opcode::OFFSET_SJ;
use moonlet_compiler::{compile, verify, Instr, OpCode, Proto};

fn compiled(source: &str) -> Proto {
    let block = moonlet_parser::parse_chunk(source.as_bytes(), "v").expect("parses");
    compile(&block, source.as_bytes(), "v").expect("compiles")
}

/// A valid function whose instruction `at` is replaced by `instr`.
fn with_instr(at: usize, instr: Instr) -> Proto {
    let mut proto = compiled("local a, b = 1, 2 return a + b");
    proto.code[at] = instr;
    proto
}

#[test]
fn compiled_code_verifies() {
    for source in
        ["return 1", "local t = {} for i = 1, 3 do t[i] = i end", "local function f(...) return ... end"]
    {
        assert_eq!(verify(&compiled(source)), Ok(()), "{source}");
    }
}

#[test]
fn out_of_range_operands_are_refused() {
    let size = u32::from(compiled("local a, b = 1, 2 return a + b").max_stack);
    let cases = [
        Instr::abc(OpCode::Move, size, 0, 0, false),
        Instr::abc(OpCode::Move, 0, size, 0, false),
        Instr::abx(OpCode::LoadK, 0, 1000),
        Instr::abc(OpCode::GetUpval, 0, 7, 0, false),
        Instr::abx(OpCode::Closure, 0, 3),
        Instr::sj(OpCode::Jmp, OFFSET_SJ),
        Instr::sj(OpCode::Jmp, -100),
        Instr::abc(OpCode::LoadNil, 0, size, 0, false),
        Instr(0x7f),
    ];
    for instr in cases {
        let proto = with_instr(1, instr);
        assert!(verify(&proto).is_err(), "{instr:?} accepted");
    }
}

#[test]
fn code_must_end_in_a_return() {
    let mut proto = compiled("return 1");
    let last = proto.code.len() - 1;
    proto.code[last] = Instr::asbx(OpCode::LoadI, 0, 1);
    assert!(verify(&proto).is_err());
}
