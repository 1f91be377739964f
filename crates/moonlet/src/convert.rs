//! Conversions between host types and Lua values.
//!
//! Owns the traits [`IntoLua`]/[`FromLua`] (one value) and [`IntoLuaMulti`]/
//! [`FromLuaMulti`] (argument and result lists: `()`, one value, tuples,
//! [`MultiValue`]) and their implementations for primitives, strings, `Option`, `Vec`
//! and `HashMap`. Numbers follow Lua: an integer-valued float converts to an integer
//! type, any number to a float, and nothing else silently. It must not run Lua code.

use std::collections::HashMap;
use std::hash::Hash;

use crate::error::{Error, Result};
use crate::lua::Ctx;
use crate::value::{LuaString, Value};

/// A host value that can become a Lua value.
///
/// ```
/// use moonlet::{IntoLua, Lua, Value};
/// let mut lua = Lua::new();
/// assert_eq!(7i32.into_lua(&mut lua).unwrap(), Value::Integer(7));
/// assert_eq!("x".into_lua(&mut lua).unwrap(), Value::String("x".into()));
/// ```
pub trait IntoLua {
    fn into_lua(self, lua: &mut Ctx) -> Result<Value>;

    /// The value as data still to be written into the state: sequences and maps of the
    /// standard types are written in one pass where they are stored (as Lua tables, or
    /// straight as external tables when they go into one), instead of being made Lua
    /// tables first. The default is [`IntoLua::into_lua`].
    #[doc(hidden)]
    fn into_plain(self, lua: &mut Ctx) -> Result<Plain>
    where
        Self: Sized,
    {
        self.into_lua(lua).map(Plain::Value)
    }
}

/// A host value on its way into a state (see [`IntoLua::into_plain`]): a value, or a
/// sequence or map of such values not yet written as a table.
#[doc(hidden)]
#[derive(Debug)]
pub enum Plain {
    Value(Value),
    /// Items at keys 1..n.
    Seq(Vec<Plain>),
    Map(Vec<(Plain, Plain)>),
}

/// A host type a Lua value can become.
///
/// ```
/// use moonlet::{FromLua, Lua, Value};
/// let mut lua = Lua::new();
/// assert_eq!(i64::from_lua(Value::Number(3.0), &mut lua).unwrap(), 3);
/// assert!(i64::from_lua(Value::Number(3.5), &mut lua).is_err());
/// ```
pub trait FromLua: Sized {
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<Self>;
}

/// Host values that become a list of Lua values (arguments, results).
///
/// ```
/// use moonlet::{IntoLuaMulti, Lua, Value};
/// let mut lua = Lua::new();
/// let values = (1, "two", None::<i64>).into_lua_multi(&mut lua).unwrap();
/// assert_eq!(values, [Value::Integer(1), Value::String("two".into()), Value::Nil]);
/// ```
pub trait IntoLuaMulti {
    fn into_lua_multi(self, lua: &mut Ctx) -> Result<Vec<Value>>;
}

/// A host type a list of Lua values becomes (missing values are nil, extra ones are
/// dropped, as in Lua's assignment).
///
/// ```
/// use moonlet::{FromLuaMulti, Lua, Value};
/// let mut lua = Lua::new();
/// let (a, b): (i64, Option<String>) = FromLuaMulti::from_lua_multi(vec![Value::Integer(1)], &mut lua).unwrap();
/// assert_eq!((a, b), (1, None));
/// ```
pub trait FromLuaMulti: Sized {
    fn from_lua_multi(values: Vec<Value>, lua: &mut Ctx) -> Result<Self>;
}

/// All the values of a list, as they are (a host function's variable arguments, every
/// result of a chunk).
///
/// ```
/// let mut lua = moonlet::Lua::new();
/// let all: moonlet::MultiValue = lua.load("return 1, nil, 3").eval().unwrap();
/// assert_eq!(all.0.len(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MultiValue(pub Vec<Value>);

fn mismatch(value: &Value, to: &'static str) -> Error {
    Error::Conversion { from: value.type_name(), to, message: String::new() }
}

impl IntoLua for Value {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(self)
    }
}

impl FromLua for Value {
    fn from_lua(value: Value, _: &mut Ctx) -> Result<Value> {
        Ok(value)
    }
}

impl IntoLua for bool {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::Boolean(self))
    }
}

impl FromLua for bool {
    /// Lua truthiness: only `nil` and `false` are false.
    fn from_lua(value: Value, _: &mut Ctx) -> Result<bool> {
        Ok(!matches!(value, Value::Nil | Value::Boolean(false)))
    }
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl IntoLua for $t {
            fn into_lua(self, _: &mut Ctx) -> Result<Value> {
                match i64::try_from(self) {
                    Ok(i) => Ok(Value::Integer(i)),
                    // Beyond Lua's integers (a u64 over i64::MAX): a float, as Lua reads it.
                    Err(_) => Ok(Value::Number(self as f64)),
                }
            }
        }

        impl FromLua for $t {
            fn from_lua(value: Value, _: &mut Ctx) -> Result<$t> {
                let i = match value {
                    Value::Integer(i) => i,
                    // Exactly integral and in range, as Lua's `math.tointeger`.
                    Value::Number(f) if f.fract() == 0.0 && f >= -(2f64.powi(63)) && f < 2f64.powi(63) => {
                        f as i64
                    }
                    Value::Number(_) => {
                        return Err(Error::Conversion {
                            from: "number",
                            to: stringify!($t),
                            message: "number has no integer representation".to_owned(),
                        })
                    }
                    ref other => return Err(mismatch(other, stringify!($t))),
                };
                <$t>::try_from(i).map_err(|_| Error::Conversion {
                    from: "number",
                    to: stringify!($t),
                    message: format!("{i} is out of range"),
                })
            }
        }
    )*};
}

integer!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl IntoLua for f64 {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::Number(self))
    }
}

impl FromLua for f64 {
    fn from_lua(value: Value, _: &mut Ctx) -> Result<f64> {
        match value {
            Value::Integer(i) => Ok(i as f64),
            Value::Number(f) => Ok(f),
            other => Err(mismatch(&other, "f64")),
        }
    }
}

impl IntoLua for f32 {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::Number(f64::from(self)))
    }
}

impl FromLua for f32 {
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<f32> {
        f64::from_lua(value, lua).map(|f| f as f32)
    }
}

impl IntoLua for &str {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::String(self.into()))
    }
}

impl IntoLua for String {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::String(self.into()))
    }
}

impl IntoLua for LuaString {
    fn into_lua(self, _: &mut Ctx) -> Result<Value> {
        Ok(Value::String(self))
    }
}

impl FromLua for LuaString {
    fn from_lua(value: Value, _: &mut Ctx) -> Result<LuaString> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(mismatch(&other, "string")),
        }
    }
}

impl FromLua for String {
    /// A string that is UTF-8, or a number (as Lua writes it).
    fn from_lua(value: Value, _: &mut Ctx) -> Result<String> {
        match value {
            Value::String(s) => String::from_utf8(s.0).map_err(|_| Error::Conversion {
                from: "string",
                to: "String",
                message: "not valid UTF-8".to_owned(),
            }),
            Value::Integer(i) => Ok(i.to_string()),
            Value::Number(f) => Ok(moonlet_vm::number::fmt_float(f)),
            other => Err(mismatch(&other, "String")),
        }
    }
}

impl<T: IntoLua> IntoLua for Option<T> {
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        match self {
            Some(v) => v.into_lua(lua),
            None => Ok(Value::Nil),
        }
    }

    fn into_plain(self, lua: &mut Ctx) -> Result<Plain> {
        match self {
            Some(v) => v.into_plain(lua),
            None => Ok(Plain::Value(Value::Nil)),
        }
    }
}

impl<T: FromLua> FromLua for Option<T> {
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<Option<T>> {
        match value {
            Value::Nil => Ok(None),
            v => T::from_lua(v, lua).map(Some),
        }
    }
}

impl<T: IntoLua> IntoLua for Vec<T> {
    /// A table with the elements at keys 1..n.
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        let plain = self.into_plain(lua)?;
        lua.write_plain(&plain)
    }

    fn into_plain(self, lua: &mut Ctx) -> Result<Plain> {
        let items: Result<Vec<Plain>> = self.into_iter().map(|item| item.into_plain(lua)).collect();
        Ok(Plain::Seq(items?))
    }
}

impl<T: FromLua> FromLua for Vec<T> {
    /// The values at keys 1..#t.
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<Vec<T>> {
        let Value::Table(table) = value else { return Err(mismatch(&value, "Vec")) };
        let n = table.len(lua)?;
        let mut items = Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(1 << 16));
        for i in 1..=n {
            items.push(table.get(lua, i)?);
        }
        Ok(items)
    }
}

impl<K: IntoLua, V: IntoLua, S> IntoLua for HashMap<K, V, S> {
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        let plain = self.into_plain(lua)?;
        lua.write_plain(&plain)
    }

    fn into_plain(self, lua: &mut Ctx) -> Result<Plain> {
        let entries: Result<Vec<(Plain, Plain)>> =
            self.into_iter().map(|(k, v)| Ok((k.into_plain(lua)?, v.into_plain(lua)?))).collect();
        Ok(Plain::Map(entries?))
    }
}

impl<K: FromLua + Eq + Hash, V: FromLua> FromLua for HashMap<K, V> {
    fn from_lua(value: Value, lua: &mut Ctx) -> Result<HashMap<K, V>> {
        let Value::Table(table) = value else { return Err(mismatch(&value, "HashMap")) };
        table.pairs(lua)?.into_iter().map(|(k, v)| Ok((K::from_lua(k, lua)?, V::from_lua(v, lua)?))).collect()
    }
}

impl<T: IntoLua> IntoLuaMulti for T {
    fn into_lua_multi(self, lua: &mut Ctx) -> Result<Vec<Value>> {
        Ok(vec![self.into_lua(lua)?])
    }
}

impl<T: FromLua> FromLuaMulti for T {
    fn from_lua_multi(values: Vec<Value>, lua: &mut Ctx) -> Result<T> {
        let count = values.len();
        let first = values.into_iter().next().unwrap_or(Value::Nil);
        convert_at(first, 1, count, lua)
    }
}

impl IntoLuaMulti for MultiValue {
    fn into_lua_multi(self, _: &mut Ctx) -> Result<Vec<Value>> {
        Ok(self.0)
    }
}

impl FromLuaMulti for MultiValue {
    fn from_lua_multi(values: Vec<Value>, _: &mut Ctx) -> Result<MultiValue> {
        Ok(MultiValue(values))
    }
}

/// Value number `position` (1-based) of a list of `count`, converted; an error names
/// the position as a bad argument (`number expected, got no value`).
fn convert_at<T: FromLua>(value: Value, position: usize, count: usize, lua: &mut Ctx) -> Result<T> {
    let got = if position > count { "no value" } else { value.type_name() };
    T::from_lua(value, lua).map_err(|e| match e {
        Error::Conversion { to, message, .. } => {
            let message =
                if message.is_empty() { format!("{} expected, got {got}", lua_type_of(to)) } else { message };
            Error::BadArgument { position, message }
        }
        other => other,
    })
}

/// The Lua type a conversion target stands for, for messages.
fn lua_type_of(target: &'static str) -> &'static str {
    match target {
        "f64" | "f32" | "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" => {
            "number"
        }
        "String" => "string",
        "Vec" | "HashMap" => "table",
        other => other,
    }
}

macro_rules! tuple {
    ($($name:ident $pos:literal),+) => {
        impl<$($name: IntoLua),+> IntoLuaMulti for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_lua_multi(self, lua: &mut Ctx) -> Result<Vec<Value>> {
                let ($($name,)+) = self;
                Ok(vec![$($name.into_lua(lua)?),+])
            }
        }

        impl<$($name: FromLua),+> FromLuaMulti for ($($name,)+) {
            fn from_lua_multi(values: Vec<Value>, lua: &mut Ctx) -> Result<Self> {
                let count = values.len();
                let mut values = values.into_iter();
                Ok(($(convert_at::<$name>(values.next().unwrap_or(Value::Nil), $pos, count, lua)?,)+))
            }
        }
    };
}

tuple!(A 1);
tuple!(A 1, B 2);
tuple!(A 1, B 2, C 3);
tuple!(A 1, B 2, C 3, D 4);
tuple!(A 1, B 2, C 3, D 4, E 5);
tuple!(A 1, B 2, C 3, D 4, E 5, F 6);
tuple!(A 1, B 2, C 3, D 4, E 5, F 6, G 7);
tuple!(A 1, B 2, C 3, D 4, E 5, F 6, G 7, H 8);

impl IntoLuaMulti for () {
    fn into_lua_multi(self, _: &mut Ctx) -> Result<Vec<Value>> {
        Ok(Vec::new())
    }
}

impl FromLuaMulti for () {
    fn from_lua_multi(_: Vec<Value>, _: &mut Ctx) -> Result<()> {
        Ok(())
    }
}
