//! Host types in and out of a state through serde (feature `serde`).
//!
//! Owns [`Serde`] (any `Serialize` value as a Lua value) and [`Ctx::output_as`] (`_io.output`
//! as any `Deserialize` type). Both go through `serde_json::Value`, with the mapping of
//! `json_convert.rs`: they *convert*, in time and memory proportional to the data. To
//! hand large data over without converting it, use [`crate::HostTable`] with the
//! host's own structures ([`crate::Records`]) or [`crate::JsonData`]; to read a large
//! output in place, use [`Ctx::output`] and the table handles. It must not define a
//! mapping of its own.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::convert::IntoLua;
use crate::error::{Error, Result};
use crate::lua::Ctx;
use crate::value::Value;

/// A `Serialize` value on its way into a state: structs and maps become external
/// tables with string keys, sequences tables with keys `1..n`, `None` and unit nil.
///
/// ```
/// use moonlet::{Lua, Serde, Value};
///
/// #[derive(serde::Serialize)]
/// struct Order { id: u32, items: Vec<&'static str>, note: Option<String> }
///
/// let mut lua = Lua::new();
/// lua.set_input(Serde(Order { id: 7, items: vec!["tea", "cake"], note: None })).unwrap();
/// let r = lua.compute("return _io.input.id, #_io.input.items, _io.input.items[2], _io.input.note").unwrap();
/// assert_eq!(r, [Value::Integer(7), Value::Integer(2), Value::String("cake".into()), Value::Nil]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Serde<T: Serialize>(pub T);

impl<T: Serialize> IntoLua for Serde<T> {
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        let json = serde_json::to_value(&self.0).map_err(|e| Error::Conversion {
            from: std::any::type_name::<T>(),
            to: "Lua value",
            message: e.to_string(),
        })?;
        json.into_lua(lua)
    }
}

impl Ctx {
    /// `_io.output` converted into `T` (through [`Ctx::output_json`]: an empty table is
    /// an empty sequence, nil is `null`, so an `Option` field may be left unset).
    ///
    /// ```
    /// #[derive(serde::Deserialize, Debug, PartialEq)]
    /// struct Report { total: f64, names: Vec<String>, best: Option<String> }
    ///
    /// let mut lua = moonlet::Lua::new();
    /// lua.compute("_io.output = { total = 12.5, names = {} }").unwrap();
    /// let report: Report = lua.output_as().unwrap();
    /// assert_eq!(report, Report { total: 12.5, names: vec![], best: None });
    ///
    /// lua.compute("_io.output = { total = 'many' }").unwrap();
    /// let err = lua.output_as::<Report>().unwrap_err();
    /// assert!(err.to_string().contains("expected f64"), "{err}");
    /// ```
    pub fn output_as<T: DeserializeOwned>(&mut self) -> Result<T> {
        let json = self.output_json()?;
        serde_json::from_value(json).map_err(|e| Error::Conversion {
            from: "output",
            to: std::any::type_name::<T>(),
            message: e.to_string(),
        })
    }
}
