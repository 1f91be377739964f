//! Handing host data to a state without converting it.
//!
//! Owns [`HostTable`], the value a host passes (to `set_input`, `Table::set`, a function
//! call) to put any [`HostData`] into a state as an external table. The data moves
//! into the state as it is, in O(1); scripts read it in place and the state drops it
//! when neither side can reach it any more. It must not look at the data.

use moonlet_vm::host_data::HostData;

use crate::convert::IntoLua;
use crate::error::Result;
use crate::lua::Ctx;
use crate::value::{Handle, Table, Value};

/// Host data on its way into a state as an external table.
///
/// ```
/// use moonlet::{HostData, HostTable, HostValue, Key, Lua};
///
/// /// 1, 2, 3, ... n, computed on access.
/// struct Naturals(i64);
/// impl HostData for Naturals {
///     fn get(&self, _: u32, key: Key<'_>) -> HostValue<'_> {
///         match key {
///             Key::Int(i) if (1..=self.0).contains(&i) => HostValue::Int(i),
///             _ => HostValue::Nil,
///         }
///     }
///     fn len(&self, _: u32) -> i64 {
///         self.0
///     }
///     fn next(&self, _: u32, after: Option<Key<'_>>) -> Option<(Key<'_>, HostValue<'_>)> {
///         let i = match after { None => 1, Some(Key::Int(i)) => i + 1, Some(_) => return None };
///         (i <= self.0).then_some((Key::Int(i), HostValue::Int(i)))
///     }
/// }
///
/// let mut lua = Lua::new();
/// lua.set_input(HostTable::new(Naturals(100))).unwrap();
/// let r = lua.compute("local s = 0 for _, n in ipairs(_io.input) do s = s + n end return s, #_io.input").unwrap();
/// assert_eq!(r, [moonlet::Value::Integer(5050), moonlet::Value::Integer(100)]);
/// ```
pub struct HostTable(Box<dyn HostData>);

impl HostTable {
    /// Wraps `data` (nothing is converted, now or later).
    ///
    /// ```
    /// use moonlet::{HostTable, Records};
    /// # struct P(i64);
    /// # impl moonlet::Record for P {
    /// #     const FIELDS: &'static [&'static str] = &["n"];
    /// #     fn field(&self, _: usize) -> moonlet::HostValue<'_> { moonlet::HostValue::Int(self.0) }
    /// # }
    /// let mut lua = moonlet::Lua::new();
    /// lua.set_input(HostTable::new(Records(vec![P(1), P(2)]))).unwrap();
    /// assert_eq!(lua.compute("return _io.input[2].n").unwrap()[0], moonlet::Value::Integer(2));
    /// ```
    pub fn new(data: impl HostData) -> HostTable {
        HostTable(Box::new(data))
    }
}

impl IntoLua for HostTable {
    fn into_lua(self, lua: &mut Ctx) -> Result<Value> {
        let data = self.0;
        Ok(Value::Table(Table(Handle(lua.state().scope(|s| {
            let table = s.new_host_table(data);
            s.hold_table(table)
        })))))
    }
}
