//! The instruction set: every opcode, its operand layout and its meaning, one line each.
//!
//! This is the one place the instruction set is defined (as `lopcodes.h` is for PUC Lua);
//! the compiler emits these instructions and the VM executes them, and neither may give an
//! opcode a meaning not written here. An instruction is a `u32`:
//!
//! ```text
//!   iABC   C(8)  |  B(8)  | k(1) |  A(8)  | op(7)
//!   iABx         Bx(17)   |        A(8)  | op(7)
//!   iAsBx       sBx(17)   |        A(8)  | op(7)
//!   iAx              Ax(25)              | op(7)
//!   isJ              sJ(25)              | op(7)
//! ```
//!
//! `R[x]` is register x of the running function, `K[x]` constant x, `U[x]` upvalue x.
//! `RK(C)` is `K[C]` when `k` is set, else `R[C]`. Signed operands (`sBx`, `sJ`, `sC`,
//! `sB`) are stored with an excess: the field holds the value plus half its range.
//! "Top" is the end of the values produced by the previous multi-result instruction
//! (a call or `VarArg` with a result count of 0).

use std::fmt;

macro_rules! opcodes {
    ($($(#[doc = $doc:literal])* $name:ident = $mode:ident,)*) => {
        /// An operation, with its operand layout ([`Mode`]) and semantics in its doc line.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum OpCode { $($(#[doc = $doc])* $name,)* }

        impl OpCode {
            /// Every opcode, indexed by its number.
            pub const ALL: &'static [OpCode] = &[$(OpCode::$name,)*];

            /// Every 7-bit value's opcode: the opcodes, then `ExtraArg` for the unused
            /// values (so decoding needs no bounds check).
            const DECODE: [OpCode; 128] = {
                let mut table = [OpCode::ExtraArg; 128];
                let mut i = 0;
                while i < OpCode::ALL.len() {
                    table[i] = OpCode::ALL[i];
                    i += 1;
                }
                table
            };

            /// The operand layout.
            pub fn mode(self) -> Mode {
                match self { $(OpCode::$name => Mode::$mode,)* }
            }

            /// The opcode's name as listings print it.
            pub fn name(self) -> &'static str {
                match self { $(OpCode::$name => stringify!($name),)* }
            }
        }
    };
}

opcodes! {
    /// `A B`: R[A] := R[B]
    Move = ABC,
    /// `A sBx`: R[A] := sBx (an integer)
    LoadI = AsBx,
    /// `A sBx`: R[A] := sBx (as a float)
    LoadF = AsBx,
    /// `A Bx`: R[A] := K[Bx]
    LoadK = ABx,
    /// `A`: R[A] := K[the Ax of the next instruction, an ExtraArg]
    LoadKX = ABC,
    /// `A`: R[A] := false
    LoadFalse = ABC,
    /// `A`: R[A] := false; skip the next instruction
    LFalseSkip = ABC,
    /// `A`: R[A] := true
    LoadTrue = ABC,
    /// `A B`: R[A], R[A+1], ..., R[A+B] := nil
    LoadNil = ABC,
    /// `A B`: R[A] := U[B]
    GetUpval = ABC,
    /// `A B`: U[B] := R[A]
    SetUpval = ABC,
    /// `A B C`: R[A] := U[B][K[C]] (K[C] a string)
    GetTabUp = ABC,
    /// `A B C`: R[A] := R[B][R[C]]
    GetTable = ABC,
    /// `A B C`: R[A] := R[B][C] (C an integer)
    GetI = ABC,
    /// `A B C`: R[A] := R[B][K[C]] (K[C] a string)
    GetField = ABC,
    /// `A B C k`: U[A][K[B]] := RK(C) (K[B] a string)
    SetTabUp = ABC,
    /// `A B C k`: R[A][R[B]] := RK(C)
    SetTable = ABC,
    /// `A B C k`: R[A][B] := RK(C) (B an integer)
    SetI = ABC,
    /// `A B C k`: R[A][K[B]] := RK(C) (K[B] a string)
    SetField = ABC,
    /// `A B C`: R[A] := {} with room for C array items and 2^(B-1) hash items (B = 0: none)
    NewTable = ABC,
    /// `A B C k`: R[A+1] := R[B]; R[A] := R[B][RK(C)] (RK(C) a string): method lookup
    SelfOp = ABC,
    /// `A B sC`: R[A] := R[B] + sC
    AddI = ABC,
    /// `A B C`: R[A] := R[B] + K[C] (K[C] a number)
    AddK = ABC,
    /// `A B C`: R[A] := R[B] - K[C]
    SubK = ABC,
    /// `A B C`: R[A] := R[B] * K[C]
    MulK = ABC,
    /// `A B C`: R[A] := R[B] % K[C]
    ModK = ABC,
    /// `A B C`: R[A] := R[B] ^ K[C]
    PowK = ABC,
    /// `A B C`: R[A] := R[B] / K[C]
    DivK = ABC,
    /// `A B C`: R[A] := R[B] // K[C]
    IDivK = ABC,
    /// `A B C`: R[A] := R[B] & K[C] (K[C] an integer)
    BAndK = ABC,
    /// `A B C`: R[A] := R[B] | K[C]
    BOrK = ABC,
    /// `A B C`: R[A] := R[B] ~ K[C]
    BXorK = ABC,
    /// `A B C`: R[A] := R[B] + R[C]
    Add = ABC,
    /// `A B C`: R[A] := R[B] - R[C]
    Sub = ABC,
    /// `A B C`: R[A] := R[B] * R[C]
    Mul = ABC,
    /// `A B C`: R[A] := R[B] % R[C]
    Mod = ABC,
    /// `A B C`: R[A] := R[B] ^ R[C]
    Pow = ABC,
    /// `A B C`: R[A] := R[B] / R[C]
    Div = ABC,
    /// `A B C`: R[A] := R[B] // R[C]
    IDiv = ABC,
    /// `A B C`: R[A] := R[B] & R[C]
    BAnd = ABC,
    /// `A B C`: R[A] := R[B] | R[C]
    BOr = ABC,
    /// `A B C`: R[A] := R[B] ~ R[C]
    BXor = ABC,
    /// `A B C`: R[A] := R[B] << R[C]
    Shl = ABC,
    /// `A B C`: R[A] := R[B] >> R[C]
    Shr = ABC,
    /// `A B`: R[A] := -R[B]
    Unm = ABC,
    /// `A B`: R[A] := ~R[B]
    BNot = ABC,
    /// `A B`: R[A] := not R[B]
    Not = ABC,
    /// `A B`: R[A] := #R[B]
    Len = ABC,
    /// `A B`: R[A] := R[A] .. R[A+1] .. ... .. R[A+B-1]
    Concat = ABC,
    /// `A`: close upvalues and to-be-closed variables in R[A] and above
    Close = ABC,
    /// `A`: mark R[A] as a to-be-closed variable
    Tbc = ABC,
    /// `sJ`: pc += sJ
    Jmp = SJ,
    /// `A B k`: if (R[A] == R[B]) ~= k then skip the next instruction
    Eq = ABC,
    /// `A B k`: if (R[A] < R[B]) ~= k then skip the next instruction
    Lt = ABC,
    /// `A B k`: if (R[A] <= R[B]) ~= k then skip the next instruction
    Le = ABC,
    /// `A B k`: if (R[A] == K[B]) ~= k then skip the next instruction
    EqK = ABC,
    /// `A sB k`: if (R[A] == sB) ~= k then skip the next instruction
    EqI = ABC,
    /// `A sB k`: if (R[A] < sB) ~= k then skip the next instruction
    LtI = ABC,
    /// `A sB k`: if (R[A] <= sB) ~= k then skip the next instruction
    LeI = ABC,
    /// `A sB k`: if (R[A] > sB) ~= k then skip the next instruction
    GtI = ABC,
    /// `A sB k`: if (R[A] >= sB) ~= k then skip the next instruction
    GeI = ABC,
    /// `A k`: if (not R[A]) == k then skip the next instruction
    Test = ABC,
    /// `A B k`: if (not R[B]) == k then skip the next instruction, else R[A] := R[B]
    TestSet = ABC,
    /// `A B C`: R[A], ..., R[A+C-2] := R[A](R[A+1], ..., R[A+B-1]); B = 0: arguments up to top; C = 0: keep all results (sets top)
    Call = ABC,
    /// `A B`: return R[A](R[A+1], ..., R[A+B-1]); B = 0: arguments up to top
    TailCall = ABC,
    /// `A B k`: return R[A], ..., R[A+B-2]; B = 0: values up to top; k: close upvalues first
    Return = ABC,
    /// return with no values
    Return0 = ABC,
    /// `A`: return R[A]
    Return1 = ABC,
    /// `A Bx`: numeric for step: count down R[A+1]; if the loop goes on, R[A+3] := (R[A] += R[A+2]) and jump back Bx
    ForLoop = ABx,
    /// `A Bx`: numeric for setup from R[A] (initial), R[A+1] (limit), R[A+2] (step); skip the loop (jump Bx + 1) if it runs zero times
    ForPrep = ABx,
    /// `A Bx`: generic for setup: mark R[A+3] to-be-closed; jump forward Bx to the TForCall
    TForPrep = ABx,
    /// `A C`: R[A+4], ..., R[A+3+C] := R[A](R[A+1], R[A+2])
    TForCall = ABC,
    /// `A Bx`: if R[A+4] ~= nil then R[A+2] := R[A+4] and jump back Bx
    TForLoop = ABx,
    /// `A B C k`: R[A][C+i] := R[A+i] for 1 <= i <= B; B = 0: values up to top; k: C is the next instruction's Ax
    SetList = ABC,
    /// `A Bx`: R[A] := a new closure of nested prototype Bx
    Closure = ABx,
    /// `A C`: R[A], ..., R[A+C-2] := the vararg values; C = 0: all of them (sets top)
    VarArg = ABC,
    /// `A`: the function takes A fixed parameters and varargs: set the varargs aside
    VarArgPrep = ABC,
    /// `Ax`: an extra operand for the previous instruction
    ExtraArg = Ax,
}

/// Operand layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    ABC,
    ABx,
    AsBx,
    Ax,
    SJ,
}

/// Largest values of each field.
pub const MAX_A: u32 = (1 << 8) - 1;
pub const MAX_B: u32 = (1 << 8) - 1;
pub const MAX_C: u32 = (1 << 8) - 1;
pub const MAX_BX: u32 = (1 << 17) - 1;
pub const MAX_AX: u32 = (1 << 25) - 1;
/// Excess of the signed fields: the stored value is the operand plus this.
pub const OFFSET_SBX: i32 = (MAX_BX >> 1) as i32;
pub const OFFSET_SJ: i32 = (MAX_AX >> 1) as i32;
pub const OFFSET_SC: i32 = (MAX_C >> 1) as i32;

/// One encoded instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr(pub u32);

impl Instr {
    /// `op A B C k`. Callers keep the operands within their fields (the compiler checks
    /// its limits before emitting); out-of-range bits are masked off.
    pub fn abc(op: OpCode, a: u32, b: u32, c: u32, k: bool) -> Instr {
        Instr(op as u32 | (a & MAX_A) << 7 | u32::from(k) << 15 | (b & MAX_B) << 16 | (c & MAX_C) << 24)
    }

    /// `op A Bx`.
    pub fn abx(op: OpCode, a: u32, bx: u32) -> Instr {
        Instr(op as u32 | (a & MAX_A) << 7 | (bx & MAX_BX) << 15)
    }

    /// `op A sBx`.
    pub fn asbx(op: OpCode, a: u32, sbx: i32) -> Instr {
        Instr::abx(op, a, (sbx + OFFSET_SBX) as u32)
    }

    /// `op Ax`.
    pub fn ax(op: OpCode, ax: u32) -> Instr {
        Instr(op as u32 | (ax & MAX_AX) << 7)
    }

    /// `op sJ`.
    pub fn sj(op: OpCode, sj: i32) -> Instr {
        Instr::ax(op, (sj + OFFSET_SJ) as u32)
    }

    /// The opcode. Every instruction is built from an `OpCode`, so the low 7 bits are
    /// always a valid index into `OpCode::ALL`; anything else decodes as `ExtraArg`.
    #[inline]
    pub fn op(self) -> OpCode {
        OpCode::DECODE[(self.0 & 0x7f) as usize]
    }

    /// The opcode of an instruction known to hold a valid one (verified code).
    ///
    /// # Safety
    /// The low 7 bits must be below `OpCode::ALL.len()`, as `verify` checks.
    #[inline]
    pub unsafe fn op_unchecked(self) -> OpCode {
        debug_assert!(((self.0 & 0x7f) as usize) < OpCode::ALL.len());
        // SAFETY: `OpCode` is `repr(u8)` with discriminants 0..ALL.len() in order (the
        // macro assigns them so, and a test checks it), and the caller promises the
        // value is one of them.
        unsafe { std::mem::transmute::<u8, OpCode>((self.0 & 0x7f) as u8) }
    }
    #[inline]
    pub fn a(self) -> usize {
        ((self.0 >> 7) & MAX_A) as usize
    }
    #[inline]
    pub fn k(self) -> bool {
        (self.0 >> 15) & 1 == 1
    }
    #[inline]
    pub fn b(self) -> usize {
        ((self.0 >> 16) & MAX_B) as usize
    }
    #[inline]
    pub fn c(self) -> usize {
        (self.0 >> 24) as usize
    }
    /// C read as a signed immediate.
    #[inline]
    pub fn sc(self) -> i64 {
        i64::from((self.0 >> 24) as i32 - OFFSET_SC)
    }
    /// B read as a signed immediate.
    #[inline]
    pub fn sb(self) -> i64 {
        i64::from(((self.0 >> 16) & MAX_B) as i32 - OFFSET_SC)
    }
    #[inline]
    pub fn bx(self) -> usize {
        (self.0 >> 15) as usize
    }
    #[inline]
    pub fn sbx(self) -> i64 {
        i64::from((self.0 >> 15) as i32 - OFFSET_SBX)
    }
    #[inline]
    pub fn ax_field(self) -> usize {
        (self.0 >> 7) as usize
    }
    #[inline]
    pub fn sj_field(self) -> i64 {
        i64::from((self.0 >> 7) as i32 - OFFSET_SJ)
    }

    /// Replaces the sJ field (jump patching).
    pub fn with_sj(self, sj: i32) -> Instr {
        Instr::sj(self.op(), sj)
    }
}

impl fmt::Debug for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = self.op();
        write!(f, "{:<10}", op.name())?;
        match op.mode() {
            Mode::ABC => {
                write!(f, " {} {} {}", self.a(), self.b(), self.c())?;
                if self.k() {
                    write!(f, " k")?;
                }
                Ok(())
            }
            Mode::ABx => write!(f, " {} {}", self.a(), self.bx()),
            Mode::AsBx => write!(f, " {} {}", self.a(), self.sbx()),
            Mode::Ax => write!(f, " {}", self.ax_field()),
            Mode::SJ => write!(f, " {}", self.sj_field()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip() {
        let i = Instr::abc(OpCode::Call, 200, 17, 255, true);
        assert_eq!((i.op(), i.a(), i.b(), i.c(), i.k()), (OpCode::Call, 200, 17, 255, true));
        let j = Instr::asbx(OpCode::LoadI, 3, -65535);
        assert_eq!((j.op(), j.a(), j.sbx()), (OpCode::LoadI, 3, -65535));
        let s = Instr::sj(OpCode::Jmp, -5);
        assert_eq!(s.sj_field(), -5);
        assert_eq!(s.with_sj(1 << 20).sj_field(), 1 << 20);
        assert_eq!(Instr::abc(OpCode::AddI, 0, 0, (OFFSET_SC - 3) as u32, false).sc(), -3);
        assert!(OpCode::ALL.len() <= 128);
        for (n, op) in OpCode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, n);
        }
    }
}
