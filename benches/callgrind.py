#!/usr/bin/env python3
"""Instruction counts: moonlet against PUC Lua 5.4 on the programs in benches/lua.

    benches/callgrind.py [--moonlet BIN] [--lua BIN] [--only moonlet|lua] [PROGRAM.lua ...]

Runs each program under `valgrind --tool=callgrind` with both interpreters and prints the
instructions each executed (callgrind's `I refs`), their ratio and the geometric mean of
the ratios. Unlike wall time, an instruction count does not change with the load on the
machine, so two builds can be compared on a shared machine; it ignores cache misses and
branch mispredictions, so it is a proxy for speed, not a measure of it.

`--only` runs one interpreter and prints its counts (for comparing two moonlet builds).
Each program runs about 50 times slower than natively.
"""

import argparse
import glob
import math
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def count(cmd, program):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd, program],
            capture_output=True, text=True, cwd=ROOT,
        )
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or not found:
        return None, run.stdout
    return int(found.group(1).replace(",", "")), run.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--moonlet", default=os.path.join(ROOT, "target", "release", "moonlet"))
    parser.add_argument("--lua", default="lua5.4")
    parser.add_argument("--only", choices=["moonlet", "lua"])
    parser.add_argument("programs", nargs="*")
    args = parser.parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(ROOT, "benches", "lua", "*.lua")))
    tools = [("lua5.4", [args.lua]), ("moonlet", [args.moonlet])]
    if args.only:
        tools = [t for t in tools if t[0].startswith(args.only)]
    print(f"{'program':<20}" + "".join(f"{name:>16}" for name, _ in tools) + ("  ratio" if len(tools) == 2 else ""))
    ratios = []
    for program in programs:
        counts, outputs = [], []
        for _, cmd in tools:
            n, stdout = count(cmd, program)
            counts.append(n)
            outputs.append(stdout)
        row = f"{os.path.basename(program):<20}" + "".join(
            f"{(format(n, ',') if n else 'failed'):>16}" for n in counts
        )
        if len(tools) == 2 and all(counts):
            if outputs[0] != outputs[1]:
                row += "  MISMATCH"
            else:
                ratio = counts[1] / counts[0]
                ratios.append(ratio)
                row += f"  {ratio:.2f}"
        print(row, flush=True)
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean moonlet/lua5.4: {geomean:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
