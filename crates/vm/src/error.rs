//! Lua errors as the VM raises and propagates them.
//!
//! Owns [`LuaError`]: any Lua value raised by `error` or by a failing operation, plus the
//! traceback text collected while it propagated. Wording of runtime messages lives with
//! the operations that fail (`ops.rs`, `interp.rs`); this module only carries them.

use std::fmt;

use crate::value::Value;

/// An error raised in Lua code: its value (usually a string with `chunk:line:` in
/// front) and, once it reaches the outermost call, a traceback.
///
/// The data lives behind one pointer, so that `Result<(), LuaError>` and
/// `Result<bool, LuaError>` fit in registers on the interpreter's hot paths; the fields
/// read through `Deref` (`error.value`).
#[derive(Clone, Debug)]
pub struct LuaError(Box<ErrorData>);

/// What a [`LuaError`] carries.
#[derive(Clone, Debug)]
pub struct ErrorData {
    pub value: Value,
    pub traceback: Option<String>,
    /// Not an error: a coroutine yielding, on its way out to the `resume` that runs it.
    pub(crate) yielding: bool,
    /// Which record of the VM's last raising native function is this error's (0: none;
    /// see `Vm::raiser`). A number, so that the error stays small.
    pub(crate) raised_by: u32,
    /// Not an error: the interpreter's instruction pushed a frame for a metamethod and
    /// must go on running it (`Vm::call_metamethod`).
    pub(crate) meta_pending: bool,
}

impl LuaError {
    pub fn new(value: Value) -> LuaError {
        LuaError(Box::new(ErrorData {
            value,
            traceback: None,
            yielding: false,
            raised_by: 0,
            meta_pending: false,
        }))
    }

    pub(crate) fn yield_signal() -> LuaError {
        LuaError(Box::new(ErrorData {
            value: Value::Nil,
            traceback: None,
            yielding: true,
            raised_by: 0,
            meta_pending: false,
        }))
    }

    pub(crate) fn meta_pending() -> LuaError {
        LuaError(Box::new(ErrorData {
            value: Value::Nil,
            traceback: None,
            yielding: false,
            raised_by: 0,
            meta_pending: true,
        }))
    }
}

impl std::ops::Deref for LuaError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for LuaError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

impl fmt::Display for LuaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Value::Str(s) => f.write_str(&String::from_utf8_lossy(s.as_bytes())),
            Value::Nil => f.write_str("nil"),
            other => write!(f, "(error object is a {} value)", other.type_name()),
        }
    }
}

impl std::error::Error for LuaError {}
