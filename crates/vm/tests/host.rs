//! What a host lets scripts reach: the sandbox a new state is, and each opt-in of
//! `State::open_libs`, the standard streams and the module loader.

use std::io::Write;
use std::sync::{Arc, Mutex};

use moonlet_vm::{HeldValue, Libs, ModuleSource, OwnedState, State};

/// An output sink the test can read back.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Runs `code` in `vm`, printing to a fresh sink; its output, or the error message.
fn run(vm: &mut State, code: &str) -> Result<String, String> {
    let sink = Sink::default();
    vm.set_output(Box::new(sink.clone()));
    let f = vm.load_text(code.as_bytes(), b"=test").map_err(|e| e.to_string())?;
    vm.call(&f, &[]).map_err(|e| e.to_string())?;
    Ok(sink.text())
}

#[test]
fn a_new_state_is_a_sandbox() {
    let mut vm = OwnedState::new();
    assert_eq!(vm.libs(), Libs::NONE);
    let out = run(
        &mut vm,
        "print(io, dofile, loadfile, os.execute, os.exit, os.getenv, os.remove, package.path, package.searchpath)
         print(type(os.time()), type(os.clock()), type(os.date()), os.difftime(2, 1), #package.searchers)",
    );
    assert_eq!(out.unwrap(), "nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\nnumber\tnumber\tstring\t1.0\t1\n");
    let err = run(&mut vm, "require('anything')").unwrap_err();
    assert_eq!(err, "test:1: module 'anything' not found:\n\tno field package.preload['anything']");
    let out = run(
        &mut vm,
        "package.preload.m = function(name, extra) return name .. extra end print(require('m'))",
    );
    assert_eq!(out.unwrap(), "m:preload:\t:preload:\n");
}

#[test]
fn the_host_module_loader_serves_require() {
    let mut vm = OwnedState::new();
    vm.set_module_loader(Box::new(|name: &str| match name {
        "greet" => Some(ModuleSource {
            name: "greet.lua".to_owned(),
            source: b"local name, where = ... return { hello = 'hi from ' .. name .. ' in ' .. where }"
                .to_vec(),
        }),
        "broken" => Some(ModuleSource { name: "broken.lua".to_owned(), source: b"x = = 1".to_vec() }),
        _ => None,
    }));
    assert_eq!(
        run(&mut vm, "print(require('greet').hello, #package.searchers)").unwrap(),
        "hi from greet in greet.lua\t2\n"
    );
    let err = run(&mut vm, "require('broken')").unwrap_err();
    assert_eq!(
        err,
        "error loading module 'broken' from file 'broken.lua':\n\tbroken.lua:1: unexpected symbol near '='"
    );
    let err = run(&mut vm, "require('absent')").unwrap_err();
    assert_eq!(
        err,
        "test:1: module 'absent' not found:\n\tno field package.preload['absent']\n\tno module 'absent' in the host's modules"
    );
}

#[test]
fn io_reads_the_stdin_the_host_gives() {
    let mut vm = OwnedState::new();
    vm.open_libs(Libs::IO);
    assert!(vm.libs().contains(Libs::IO) && !vm.libs().contains(Libs::FILES));
    vm.set_stdin(Box::new(std::io::Cursor::new(b"3 4\nsecond line\nthird".to_vec())));
    let err = Sink::default();
    vm.set_stderr(Box::new(err.clone()));
    let out = run(
        &mut vm,
        "local a, b = io.read('n', 'n') io.write(a + b, '\\n') io.read()
         for l in io.lines() do print('[' .. l .. ']') end
         io.stderr:write('to stderr') print(package.loaded.io == io, dofile)",
    );
    assert_eq!(out.unwrap(), "7\n[second line]\n[third]\ntrue\tnil\n");
    assert_eq!(err.text(), "to stderr");
}

#[test]
fn files_are_opt_in() {
    let mut vm = OwnedState::new();
    vm.open_libs(Libs::FILES);
    let out = run(&mut vm, "print(type(dofile), type(loadfile), package.path, #package.searchers, io)");
    assert_eq!(out.unwrap(), "function\tfunction\t./?.lua;./?/init.lua\t4\tnil\n");
    let out = run(&mut vm, "print(loadfile('/nonexistent/file.lua'))");
    assert_eq!(out.unwrap(), "nil\tcannot open /nonexistent/file.lua: No such file or directory\n");
}

#[test]
fn load_text_reports_syntax_errors_as_lua() {
    let mut vm = OwnedState::new();
    let err = vm.load_text(b"x = ", b"x = ").unwrap_err();
    assert_eq!(err.to_string(), "[string \"x = \"]:1: unexpected symbol near <eof>");
    let f = vm.load_text(b"return 6 * 7", b"=answer").unwrap();
    assert_eq!(vm.call(&f, &[]).unwrap(), [HeldValue::Int(42)]);
}

#[test]
fn a_state_moves_to_another_thread() {
    let mut state = OwnedState::new();
    let f = state.load_text(b"counter = (counter or 0) + 1 return counter", b"=count").unwrap();
    assert_eq!(state.call(&f, &[]).unwrap(), [HeldValue::Int(1)]);
    let (state, f) = std::thread::spawn(move || {
        let mut state = state;
        assert_eq!(state.call(&f, &[]).unwrap(), [HeldValue::Int(2)]);
        (state, f)
    })
    .join()
    .unwrap();
    let mut state = state;
    assert_eq!(state.call(&f, &[]).unwrap(), [HeldValue::Int(3)]);
}

#[test]
fn a_host_function_runs_in_the_state_that_called_it() {
    let mut state = OwnedState::new();
    // The host function calls back into Lua, collects garbage and reads a table in a
    // scope, all while the script that called it is suspended under it.
    let twice = state.new_host_function(
        "twice",
        Box::new(|state: &mut State, args: Vec<HeldValue>| {
            let [HeldValue::Function(f), x] = &args[..] else {
                return Err(moonlet_vm::HostFnError::Message("twice(f, x) wants a function".into()));
            };
            let once = state
                .call(f, std::slice::from_ref(x))
                .map_err(|e| moonlet_vm::HostFnError::Message(e.message))?;
            state.collect();
            let again = state.call(f, &once).map_err(|e| moonlet_vm::HostFnError::Message(e.message))?;
            Ok(again)
        }),
    );
    let f = state
        .load_text(
            b"local twice = ... local t = {} for i = 1, 100 do t[i] = {i} end
              return twice(function(x) return x * 3 end, 5), #t, t[100][1]",
            b"=t",
        )
        .unwrap();
    let results = state.call(&f, &[HeldValue::Function(twice.clone())]).unwrap();
    assert_eq!(results, [HeldValue::Int(45), HeldValue::Int(100), HeldValue::Int(100)]);
    let f = state.load_text(b"local twice = ... return twice(1)", b"=bad").unwrap();
    let err = state.call(&f, &[HeldValue::Function(twice)]).unwrap_err();
    assert_eq!(err.message, "bad:1: twice(f, x) wants a function");
}

#[test]
fn a_scope_reads_and_builds_values_in_place() {
    use moonlet_vm::Raw;
    let mut state = OwnedState::new();
    let out = state.scope(|s| {
        let t = s.new_ext_table();
        let name = s.intern(b"name");
        let value = s.intern(b"moonlet");
        s.set(t, name, value).unwrap();
        s.set(t, Raw::Int(1), Raw::Float(2.5)).unwrap();
        let f = s.new_table();
        let err = s.set(t, Raw::Int(2), Raw::Table(f)).map(|()| "stored");
        s.set_global("out", Raw::Table(t));
        (s.hold_table(t), err)
    });
    assert_eq!(out.1, Ok("stored"));
    let f = state.load_text(b"return out.name, out[1], type(out[2])", b"=t").unwrap();
    assert_eq!(
        state.call(&f, &[]).unwrap(),
        [HeldValue::Str(b"moonlet".to_vec()), HeldValue::Float(2.5), HeldValue::Str(b"table".to_vec())]
    );
    let t = out.0;
    state.collect();
    let entries = state.scope(|s| {
        let Ok(Raw::Table(t)) = s.held(&t) else { return 0 };
        let mut n = 0;
        let mut key = Raw::Nil;
        while let Ok(Some((k, _))) = s.next(t, key) {
            n += 1;
            key = k;
        }
        n
    });
    assert_eq!(entries, 3);
    // A ref of another state is refused, not read.
    let mut other = OwnedState::new();
    assert!(other.scope(|s| s.held(&t).is_err()));
}
