//! The `ext` library: `ext.table()` makes an empty external table (to build output for
//! the host without a copy at the end). External tables themselves are `external.rs`'s.

use crate::ctx::Ctx;
use crate::error::LuaError;
use crate::value::Value;

pub(crate) fn open(ctx: &mut Ctx<'_>) {
    crate::stdlib::new_library(ctx, "ext", &[("ext.table", ext_table)]);
}

fn ext_table(ctx: &mut Ctx<'_>) -> Result<usize, LuaError> {
    let table = ctx.new_ext_table();
    ctx.push(Value::Extern(table, 0));
    Ok(1)
}
