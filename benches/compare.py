#!/usr/bin/env python3
"""Side-by-side run time: moonlet against PUC Lua 5.4 on the programs in benches/lua.

    benches/compare.py [options] [PROGRAM.lua ...]

With no PROGRAM, runs every `benches/lua/*.lua` (a directory argument means its `*.lua`).
Each program runs R rounds; in every round it runs once under lua5.4, once under luajit
(see below) and once under moonlet, one after the other, so all tools see the same machine
state. Each run's wall time is measured, and moonlet's stdout must equal lua5.4's
(every program prints one checksum line at its end); otherwise the row says MISMATCH and
the two outputs are shown after the table.

Prints one row per program as soon as it is done: lua5.4's median, moonlet's median and
the ratio moonlet/lua5.4 (below 1.0 means moonlet is faster), then the geometric mean of
the ratios over the programs where moonlet succeeded with the same output. A program
moonlet fails on (non-zero exit, signal, timeout) shows `moonlet failed: <first line of
stderr>` and is left out of the geometric mean; a tool is not run again on a program it
failed on.

If `luajit` is on PATH (or given with --luajit), a `luajit -joff` column (interpreter
only) is added for the programs whose first line is `-- 5.1-clean`: those that use no
5.4-only syntax or semantics (no `//`, no bitwise operators, no integer/float distinction
in their output, no `<const>`, no goto, no metamethods 5.1 ignores).

Options:
    --moonlet BIN    the moonlet binary (default: target/release/moonlet)
    --lua BIN        the reference interpreter (default: lua5.4)
    --luajit BIN     LuaJIT for the extra column (default: luajit, if on PATH)
    --no-luajit      leave the luajit column out
    --runs R         rounds per program (default: 5)
    --quick          one round (smoke test)
    --timeout S      seconds before one run is stopped and counts as failed (default: 300)

Exit status: 0 whatever the programs do; 2 for bad arguments (unknown option, missing
program file, reference interpreter not found).
"""

import argparse
import glob
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "benches", "lua")
CLEAN_MARK = "-- 5.1-clean"


class Tool:
    """One interpreter and what it did on the current program."""

    def __init__(self, name, cmd):
        self.name = name
        self.cmd = cmd
        self.reset()

    def reset(self):
        self.times = []
        self.outputs = []
        self.failure = None  # first line of stderr (or a note) once a run has failed

    def run(self, path, timeout):
        """Runs the program once in its directory (so chunk names stay short)."""
        directory, name = os.path.split(os.path.abspath(path))
        start = time.perf_counter()
        try:
            p = subprocess.run(self.cmd + [name], cwd=directory, capture_output=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            self.failure = f"timeout after {timeout:g} s"
            return
        except OSError as e:
            self.failure = f"cannot run {self.cmd[0]}: {e.strerror or e}"
            return
        elapsed = time.perf_counter() - start
        if p.returncode != 0:
            err = p.stderr.decode("utf-8", "backslashreplace").strip()
            first = err.splitlines()[0].strip() if err else ""
            if p.returncode < 0:
                note = f"killed by signal {-p.returncode}"
                first = f"{first} ({note})" if first else note
            elif not first:
                first = f"exit status {p.returncode}, no message"
            self.failure = first
            return
        self.times.append(elapsed)
        self.outputs.append(p.stdout)

    def median(self):
        return statistics.median(self.times)


def is_clean(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.readline().strip() == CLEAN_MARK
    except OSError:
        return False


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def show(output):
    text = output.decode("utf-8", "backslashreplace").rstrip("\n")
    return text if len(text) <= 300 else text[:300] + " ..."


def collect(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files.extend(sorted(glob.glob(os.path.join(path, "*.lua"))))
        else:
            files.append(path)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*")
    ap.add_argument("--moonlet", default=os.path.join(ROOT, "target", "release", "moonlet"))
    ap.add_argument("--lua", default="lua5.4")
    ap.add_argument("--luajit", default=None)
    ap.add_argument("--no-luajit", action="store_true")
    rounds = ap.add_mutually_exclusive_group()
    rounds.add_argument("--runs", type=int, default=5)
    rounds.add_argument("--quick", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    runs = 1 if args.quick else args.runs
    if runs < 1:
        ap.error("--runs must be at least 1")
    if args.timeout <= 0:
        ap.error("--timeout must be positive")
    files = collect(args.programs or [PROGRAMS])
    missing = [f for f in files if not os.path.isfile(f)]
    if missing:
        ap.error("no such program: " + ", ".join(missing))
    if not files:
        ap.error("no *.lua programs found")
    lua_bin = shutil.which(args.lua)
    if lua_bin is None:
        ap.error(f"{args.lua} not found (apt-get install -y lua5.4)")
    luajit_bin = None
    if not args.no_luajit:
        luajit_bin = shutil.which(args.luajit or "luajit")
        if luajit_bin is None and args.luajit is not None:
            ap.error(f"{args.luajit} not found")

    lua = Tool("lua5.4", [lua_bin])
    moonlet = Tool("moonlet", [os.path.abspath(args.moonlet)])
    luajit = Tool("luajit -joff", [luajit_bin, "-joff"]) if luajit_bin else None

    version = subprocess.run([lua_bin, "-v"], capture_output=True, text=True)
    version = (version.stdout or version.stderr).split("  ")[0].strip()
    print(f"reference: {version} ({lua_bin}); moonlet: {args.moonlet}"
          + (f"; luajit: {luajit_bin} -joff" if luajit else ""))
    print(f"{runs} round{'s' if runs != 1 else ''} per program, tools alternating; "
          "medians of wall time")
    print()

    width = max(len("program"), *(len(os.path.basename(f)) for f in files))
    header = f"{'program':<{width}}  {'lua5.4':>9}"
    if luajit:
        header += f"  {'luajit -joff':>12}"
    header += f"  {'moonlet':>9}  {'moonlet/lua5.4':>14}"
    print(header)
    print("-" * len(header))
    sys.stdout.flush()

    ratios = []
    mismatches = []
    notes = []
    for path in files:
        clean = is_clean(path)
        tools = [lua] + ([luajit] if luajit and clean else []) + [moonlet]
        for tool in tools:
            tool.reset()
        for _ in range(runs):
            for tool in tools:
                if tool.failure is None:
                    tool.run(path, args.timeout)

        row = f"{os.path.basename(path):<{width}}  "
        if lua.failure is not None:
            print(row + f"{'-':>9}  lua5.4 failed: {lua.failure}")
            continue
        expected = lua.outputs[0]
        row += f"{ms(lua.median()):>9}"
        if luajit:
            if not clean:
                cell = "-"
            elif luajit.failure is not None:
                cell = "failed"
                notes.append(f"luajit -joff failed on {os.path.basename(path)}: {luajit.failure}")
            elif any(o != expected for o in luajit.outputs):
                cell = "MISMATCH"
                bad = next(o for o in luajit.outputs if o != expected)
                mismatches.append((path, "luajit -joff", bad, expected))
            else:
                cell = ms(luajit.median())
            row += f"  {cell:>12}"
        if moonlet.failure is not None:
            print(row + f"  moonlet failed: {moonlet.failure}")
            sys.stdout.flush()
            continue
        ratio = moonlet.median() / lua.median()
        row += f"  {ms(moonlet.median()):>9}  {ratio:>14.2f}"
        if any(o != expected for o in moonlet.outputs):
            bad = next(o for o in moonlet.outputs if o != expected)
            mismatches.append((path, "moonlet", bad, expected))
            row += "  MISMATCH (not in geometric mean)"
        else:
            ratios.append(ratio)
        print(row)
        sys.stdout.flush()

    print()
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean moonlet/lua5.4 over {len(ratios)} of {len(files)} programs: "
              f"{geomean:.2f}")
    else:
        print(f"geometric mean moonlet/lua5.4: none (moonlet matched lua5.4 on 0 of "
              f"{len(files)} programs)")
    for note in notes:
        print(note)
    for path, who, got, expected in mismatches:
        print(f"\nMISMATCH {os.path.basename(path)} ({who})")
        print(f"  lua5.4: {show(expected)}")
        print(f"  {who}: {show(got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
