//! The one error type of the embedding API.
//!
//! Owns [`Error`]: what a host sees when loading, running or exchanging data fails. It
//! says what went wrong and where (a syntax error's message starts with
//! `chunk:line:`, a runtime error carries Lua's message and its traceback) and chains
//! the host's own errors as `source()`. It must not format Lua values itself: the VM's
//! messages are kept as Lua wrote them.

use std::fmt;

/// A boxed error of the host's, as callbacks and stores raise them.
///
/// ```
/// let e: moonlet::HostError = "quota exceeded".into();
/// assert_eq!(e.to_string(), "quota exceeded");
/// ```
pub type HostError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong between a host and a script.
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// match lua.load("x = = 1").name("main").exec() {
///     Err(moonlet::Error::Syntax { message }) => {
///         assert_eq!(message, "main:1: unexpected symbol near '='")
///     }
///     other => panic!("{other:?}"),
/// }
/// let err = lua.load("error('boom')").name("main").exec().unwrap_err();
/// assert!(matches!(err, moonlet::Error::Runtime { .. }));
/// assert_eq!(err.to_string(), "main:1: boom");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The source text does not parse (`chunk:line: message near 'token'`).
    Syntax { message: String },
    /// A script raised an error (Lua's message, and the stack traceback where it was
    /// raised when there is one).
    Runtime { message: String, traceback: Option<String> },
    /// A run went past a limit set with `Lua::set_limits`: `limit` says which
    /// (`"instruction limit exceeded"`, `"not enough memory"`, `"time limit exceeded"`),
    /// `message` is the error as raised (with its position).
    Limit { limit: &'static str, message: String, traceback: Option<String> },
    /// A host callback failed: its error is the `source()`; `message` is what the
    /// script saw.
    Callback { message: String, traceback: Option<String>, source: HostError },
    /// A host error raised from inside a callback (made with [`Error::external`]).
    External(HostError),
    /// A value does not convert to the type asked for.
    Conversion { from: &'static str, to: &'static str, message: String },
    /// A value at a position in a list (a host function's arguments, a chunk's
    /// results) does not convert: `message` says what was expected and what came.
    BadArgument { position: usize, message: String },
    /// A handle (table, function) made by another state was used with this one.
    WrongState,
    /// `request` named a global that is not a function.
    UnknownMethod(String),
    /// Loading or saving `_home` failed (the store's error, naming the file).
    Home(crate::home::HomeError),
    /// `save_home` on a state without a store (see `Lua::with_home`).
    NoHomeStore,
    /// JSON text that does not parse, with its position (1-based).
    Json { message: String, line: usize, column: usize },
}

impl Error {
    /// Wraps a host error, to return from a callback: the script sees its message.
    ///
    /// ```
    /// let e = moonlet::Error::external(std::io::Error::other("disk full"));
    /// assert_eq!(e.to_string(), "disk full");
    /// ```
    pub fn external(error: impl Into<HostError>) -> Error {
        Error::External(error.into())
    }

    /// The traceback of a runtime error, if it has one.
    ///
    /// ```
    /// let mut lua = moonlet::Lua::new();
    /// let err = lua.load("local function f() error('x') end f()").exec().unwrap_err();
    /// assert!(err.traceback().unwrap().starts_with("stack traceback:"));
    /// ```
    pub fn traceback(&self) -> Option<&str> {
        match self {
            Error::Runtime { traceback, .. }
            | Error::Callback { traceback, .. }
            | Error::Limit { traceback, .. } => traceback.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { message }
            | Error::Runtime { message, .. }
            | Error::Callback { message, .. }
            | Error::Limit { message, .. } => f.write_str(message),
            Error::External(e) => write!(f, "{e}"),
            Error::Conversion { from, to, message } if message.is_empty() => {
                write!(f, "cannot convert a {from} to {to}")
            }
            Error::Conversion { from, to, message } => {
                write!(f, "cannot convert a {from} to {to}: {message}")
            }
            Error::BadArgument { position, message } => write!(f, "bad argument #{position} ({message})"),
            Error::WrongState => f.write_str("a handle was used with a Lua state other than its own"),
            Error::UnknownMethod(name) => {
                write!(f, "unknown method '{name}': no global function of that name")
            }
            Error::Home(e) => write!(f, "{e}"),
            Error::NoHomeStore => f.write_str("_home has no store to be saved to"),
            Error::Json { message, line, column } => write!(f, "{message} at line {line} column {column}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Callback { source, .. } => Some(&**source),
            Error::External(e) => e.source(),
            Error::Home(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::home::HomeError> for Error {
    fn from(e: crate::home::HomeError) -> Error {
        Error::Home(e)
    }
}

/// The result type of the embedding API.
///
/// ```
/// fn run(lua: &mut moonlet::Lua) -> moonlet::Result<i64> {
///     lua.load("return 6 * 7").eval()
/// }
/// assert_eq!(run(&mut moonlet::Lua::new()).unwrap(), 42);
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
