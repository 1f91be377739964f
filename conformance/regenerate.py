#!/usr/bin/env python3
"""Regenerates every conformance expectation by running the reference interpreter.

For each `*.lua` under this directory (run from here, so chunk names are relative paths
such as `syntax/001_x_1_end.lua`), `lua5.4` runs the script with no arguments and empty
standard input, with TZ=UTC and without LUA_PATH/LUA_CPATH/LUA_INIT (files under a
`_modules` directory are modules cases `require`, not cases):

  CASE.expected  its standard output, byte for byte
  CASE.error     its error message (stderr without the `lua5.4: ` prefix and without the
                 stack traceback), present only when lua5.4 exits with a failure

Never edit those files by hand: change moonlet until it matches them.
Usage: python3 conformance/regenerate.py [CASE.lua ...]   (default: all cases)
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = "lua5.4"
# Local time is UTC (moonlet has no time-zone database); Lua's own path variables would
# change what `require` searches.
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("LUA_PATH", "LUA_CPATH", "LUA_INIT"))}
ENV["TZ"] = "UTC"


def cases(args):
    if args:
        return [os.path.relpath(os.path.abspath(a), HERE) for a in args]
    found = []
    for root, dirs, files in os.walk(HERE):
        # `_modules` directories hold modules the cases `require`, not cases.
        dirs[:] = [d for d in dirs if d != "_modules"]
        for name in files:
            if name.endswith(".lua"):
                found.append(os.path.relpath(os.path.join(root, name), HERE))
    return sorted(found)


def error_message(stderr: bytes) -> bytes:
    message = stderr.split(b"\nstack traceback:\n", 1)[0]
    prefix = LUA.encode() + b": "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return message.rstrip(b"\n") + b"\n"


def main():
    if shutil.which(LUA) is None:
        sys.exit(f"{LUA} not found: apt-get install -y lua5.4")
    for case in cases(sys.argv[1:]):
        base = os.path.join(HERE, case[: -len(".lua")])
        run = subprocess.run([LUA, case], cwd=HERE, stdin=subprocess.DEVNULL,
                             env=ENV, capture_output=True, timeout=120)
        with open(base + ".expected", "wb") as out:
            out.write(run.stdout)
        if run.returncode == 0:
            if os.path.exists(base + ".error"):
                os.remove(base + ".error")
        else:
            with open(base + ".error", "wb") as out:
                out.write(error_message(run.stderr))
    print(f"regenerated {len(cases(sys.argv[1:]))} cases with {LUA}")


if __name__ == "__main__":
    main()
