//! Lua errors as the VM raises and propagates them.
//!
//! Owns `LuaError` (inside the VM: any Lua value raised by `error` or by a failing
//! operation, plus the traceback text collected while it propagated), [`RunError`] (the
//! same error as the host gets it, with no VM value in it) and [`HostFnError`] (what a
//! host function raises). Wording of runtime messages lives with the operations that
//! fail (`ops.rs`, `interp.rs`); this module only carries them.

use std::fmt;

use crate::held::HeldValue;
use crate::value::Value;

/// An error raised in Lua code: its value (usually a string with `chunk:line:` in
/// front) and, once it reaches the outermost call, a traceback.
///
/// The data lives behind one pointer, so that `Result<(), LuaError>` and
/// `Result<bool, LuaError>` fit in registers on the interpreter's hot paths; the fields
/// read through `Deref` (`error.value`).
#[derive(Clone, Debug)]
pub(crate) struct LuaError(Box<ErrorData>);

/// What a [`LuaError`] carries.
#[derive(Clone, Debug)]
pub(crate) struct ErrorData {
    pub(crate) value: Value,
    pub(crate) traceback: Option<String>,
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
    pub(crate) fn new(value: Value) -> LuaError {
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

/// An error that came out of the VM to the host: a syntax error, a runtime error (with
/// its traceback when it reached the host uncaught) or a limit hit.
///
/// ```
/// let mut state = moonlet_vm::OwnedState::new();
/// let f = state.load_text(b"error('no')", b"=job").unwrap();
/// let err = state.call(&f, &[]).unwrap_err();
/// assert_eq!(err.message, "job:1: no");
/// assert!(err.traceback.unwrap().starts_with("stack traceback:"));
/// ```
#[derive(Clone, Debug)]
pub struct RunError {
    /// The error as `lua` prints it: a string or number as text, an object through its
    /// `__tostring`, anything else `(error object is a X value)`.
    pub message: String,
    /// Where it happened, when it reached the host uncaught.
    pub traceback: Option<String>,
    /// The limit hit (`"instruction limit exceeded"`, …), if that is what it is.
    pub limit: Option<&'static str>,
    /// The error value itself.
    pub value: HeldValue,
    /// The value is an object with a `__tostring` metamethod (which gave `message`).
    pub described: bool,
}

impl RunError {
    /// An error with only a message.
    pub(crate) fn text(message: &str) -> RunError {
        RunError {
            message: message.to_owned(),
            traceback: None,
            limit: None,
            value: HeldValue::Str(message.as_bytes().to_vec()),
            described: false,
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RunError {}

/// What a host function raises in the script that called it.
#[derive(Clone, Debug)]
pub enum HostFnError {
    /// `bad argument #position to 'name' (message)`, as the standard library words it
    /// (the function goes by the name of the call).
    BadArgument { position: usize, message: String },
    /// An error message, positioned at the calling line as `luaL_error` does.
    Message(String),
    /// Any value, raised as it is (`error(value)`).
    Value(HeldValue),
}
