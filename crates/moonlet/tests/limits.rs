//! Resource limits: a run that goes past its instructions, memory or time is stopped
//! with `Error::Limit`, which scripts cannot catch, and the state stays usable.

use std::time::Duration;

use moonlet::{Error, Limits, Lua};

fn limit_of(result: moonlet::Result<()>) -> &'static str {
    match result {
        Err(Error::Limit { limit, .. }) => limit,
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn an_instruction_limit_stops_loops_pcall_and_coroutines_cannot_catch_it() {
    let mut lua = Lua::new();
    lua.set_limits(Limits { instructions: Some(200_000), ..Limits::default() });
    assert_eq!(limit_of(lua.load("while true do end").exec()), "instruction limit exceeded");
    let caught = "while true do local ok = pcall(function() while true do end end) end";
    assert_eq!(limit_of(lua.load(caught).exec()), "instruction limit exceeded");
    let handler = "xpcall(function() while true do end end, function(e) while true do end end)";
    assert_eq!(limit_of(lua.load(handler).exec()), "instruction limit exceeded");
    let co = "local co = coroutine.wrap(function() while true do end end) co() print('after')";
    assert_eq!(limit_of(lua.load(co).exec()), "instruction limit exceeded");
    let resumed = "print(coroutine.resume(coroutine.create(function() while true do end end)))";
    assert_eq!(limit_of(lua.load(resumed).exec()), "instruction limit exceeded");
    assert_eq!(lua.printed(), "");
    // Deep recursion under the limit is still a stack overflow, caught as usual.
    let deep = "local function f() return 1 + f() end return (pcall(f))";
    lua.set_limits(Limits { instructions: Some(50_000_000), ..Limits::default() });
    assert!(!lua.load(deep).eval::<bool>().unwrap());
    // Each run gets a fresh budget: the state goes on working.
    lua.set_limits(Limits { instructions: Some(200_000), ..Limits::default() });
    for _ in 0..3 {
        assert_eq!(
            lua.load("local s = 0 for i = 1, 1000 do s = s + i end return s").eval::<i64>().unwrap(),
            500500
        );
    }
    // Without limits, the same loop runs to its end.
    lua.set_limits(Limits::default());
    let n: i64 = lua.load("local n = 0 for i = 1, 1000000 do n = n + 1 end return n").eval().unwrap();
    assert_eq!(n, 1_000_000);
}

#[test]
fn host_functions_called_back_share_the_run_budget() {
    let mut lua = Lua::new();
    let spin = lua
        .create_function(|lua, n: i64| {
            lua.load(format!("local s = 0 for i = 1, {n} do s = s + i end return s")).eval::<i64>()
        })
        .unwrap();
    lua.globals().set(&mut lua, "spin", spin).unwrap();
    lua.set_limits(Limits { instructions: Some(500_000), ..Limits::default() });
    // Each callback runs 100,000 iterations (about 200,000 instructions): twenty of
    // them go past the run's budget even though each alone fits.
    assert_eq!(lua.load("return spin(100000)").eval::<i64>().unwrap(), 5_000_050_000);
    let err = lua.load("for i = 1, 20 do spin(100000) end").exec();
    assert_eq!(limit_of(err), "instruction limit exceeded");
    assert_eq!(lua.load("return spin(10)").eval::<i64>().unwrap(), 55);
}

#[test]
fn a_time_limit_stops_an_endless_run() {
    let mut lua = Lua::new();
    lua.set_limits(Limits { time: Some(Duration::from_millis(100)), ..Limits::default() });
    // The loop never ends by itself: returning at all is the limit at work.
    assert_eq!(limit_of(lua.load("while true do end").exec()), "time limit exceeded");
    assert_eq!(lua.load("return 'still here'").eval::<String>().unwrap(), "still here");
}

#[test]
fn a_memory_limit_stops_growth_but_not_garbage() {
    let mut lua = Lua::new();
    lua.set_limits(Limits { memory: Some(8 << 20), ..Limits::default() });
    // Garbage is collected, so a loop that drops what it makes runs to its end.
    let garbage = "for i = 1, 200000 do local t = {i, i + 1, tostring(i)} end return 'done'";
    assert_eq!(lua.load(garbage).eval::<String>().unwrap(), "done");
    let err = lua.load("local keep = {} for i = 1, 10000000 do keep[i] = {i} end").exec();
    assert_eq!(limit_of(err), "not enough memory");
    // What the failed run held is garbage now: the next run has room.
    assert_eq!(
        lua.load("local t = {} for i = 1, 1000 do t[i] = i end return #t").eval::<i64>().unwrap(),
        1000
    );
}

#[test]
fn finalizers_run_at_close_after_a_limit_was_hit() {
    let mut lua = Lua::new();
    let out = moonlet::PrintBuffer::default();
    lua.set_print_sink(out.clone());
    lua.load("keep = setmetatable({}, { __gc = function() print('finalized') end })").exec().unwrap();
    lua.set_limits(Limits { instructions: Some(10_000), ..Limits::default() });
    assert_eq!(limit_of(lua.load("while true do end").exec()), "instruction limit exceeded");
    lua.close();
    assert_eq!(out.take(), b"finalized\n");
}

#[test]
fn finalizers_run_by_a_memory_check_do_not_check_again() {
    let mut lua = Lua::new();
    lua.set_limits(Limits { memory: Some(4 << 20), ..Limits::default() });
    // Garbage with finalizers that themselves allocate and loop while the heap is over
    // the limit: the check collects once, the finalizers run, and the run goes on.
    let script = r#"
        local count = 0
        for i = 1, 20000 do
            setmetatable({ string.rep('x', 200) }, { __gc = function()
                local t = {} for j = 1, 50 do t[j] = j end count = count + 1 end })
        end
        collectgarbage()
        return count > 0
    "#;
    assert!(lua.load(script).eval::<bool>().unwrap());
}
