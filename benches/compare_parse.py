#!/usr/bin/env python3
"""Compare moonlet's parser with PUC Lua's on real Lua sources.

For every file, runs `luac5.4 -p FILE` and `moonlet -p FILE` and checks that both accept
it, or both reject it with the same message (after stripping the `luac5.4: ` /
`moonlet: ` prefixes). Each command runs in the file's directory on its base name, so
chunk names are short and Lua does not abbreviate them.

    benches/compare_parse.py [options] PATH...

A PATH that is a directory is searched recursively for `*.lua` files (see --ext); a
PATH that is a file is used as is. Files reached twice (symlinks) are checked once.

Options:
    --moonlet BIN    the moonlet binary (default: target/debug/moonlet next to this script)
    --luac BIN       the reference (default: luac5.4)
    --concat N       also build N multi-megabyte sources by concatenating the files luac
                     accepts, each wrapped in `do ... end`, and check both accept them
    --concat-mb MB   approximate size of each concatenated source (default: 4)
    --ext EXTS       file name endings searched for in directories (default: .lua;
                     e.g. .lua,.nse for nmap scripts)
    --jobs J         parallel jobs (default: number of CPUs)
    --quiet          only the summary line and the disagreements

Prints `N files: A agree, D disagree`, then each disagreement with both messages. A
moonlet crash (signal, panic, stack overflow) or a timeout always counts as a disagreement.
Exit status: 0 if all agree, 1 otherwise.
"""

import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 60


def collect(paths, exts=(".lua",)):
    seen = set()
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for dirpath, _, names in os.walk(path, followlinks=True):
                found.extend(os.path.join(dirpath, n) for n in names if n.endswith(exts))
            found.sort()
        else:
            found = [path]
        for f in found:
            real = os.path.realpath(f)
            if real not in seen and os.path.isfile(real):
                seen.add(real)
                files.append(f)
    return files


def run(cmd, path):
    """Runs `cmd -p basename(path)` in path's directory: (ok, message, crash note)."""
    directory, name = os.path.split(os.path.abspath(path))
    try:
        p = subprocess.run(cmd + ["-p", name], cwd=directory, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, "", f"timeout after {TIMEOUT}s"
    err = p.stderr.decode("utf-8", "backslashreplace").strip()
    crash = None
    if p.returncode < 0:
        crash = f"killed by signal {-p.returncode}"
    elif "panicked" in err or "has overflowed its stack" in err:
        crash = "panic / stack overflow"
    # Keep the first line of the message: luac prints only that; a traceback would follow.
    first = err.splitlines()[0] if err else ""
    first = re.sub(r"^(luac5\.4|luac|moonlet): ", "", first)
    return p.returncode == 0, first, crash


def compare(luac, moonlet, path):
    l_ok, l_msg, l_crash = run(luac, path)
    m_ok, m_msg, m_crash = run(moonlet, path)
    agree = m_crash is None and l_crash is None and l_ok == m_ok and (l_ok or l_msg == m_msg)
    return path, agree, (l_ok, l_msg, l_crash), (m_ok, m_msg, m_crash)


def offending_line(path, message):
    """The source line a `chunk:LINE: ...` message points at, for the report."""
    m = re.match(r"[^:]*:(\d+):", message)
    if not m:
        return None
    try:
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        line = lines[int(m.group(1)) - 1].decode("utf-8", "backslashreplace").strip()
        return line[:120]
    except (OSError, IndexError):
        return None


def describe(side):
    ok, msg, crash = side
    if crash:
        return f"CRASH ({crash}) {msg}"
    return "accepted" if ok else msg


def build_concatenations(files, accepted, count, megabytes, directory):
    """Sources of about `megabytes` MB each: accepted files wrapped in `do ... end`."""
    rng = random.Random(54)
    pool = [f for f in files if accepted.get(f)]
    if not pool:
        return []
    out = []
    for i in range(count):
        rng.shuffle(pool)
        path = os.path.join(directory, f"concat{i}.lua")
        size = 0
        with open(path, "wb") as w:
            j = 0
            while size < megabytes * 1_000_000:
                with open(pool[j % len(pool)], "rb") as r:
                    text = r.read()
                j += 1
                if text.startswith(b"#"):
                    # The first-line `#` comment is only skipped at the start of a file.
                    text = b"--" + text
                chunk = b"do\n" + text + b"\nend\n"
                w.write(chunk)
                size += len(chunk)
        out.append(path)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--moonlet", default=os.path.join(ROOT, "target", "debug", "moonlet"))
    ap.add_argument("--luac", default="luac5.4")
    ap.add_argument("--concat", type=int, default=0)
    ap.add_argument("--concat-mb", type=float, default=4)
    ap.add_argument("--ext", default=".lua")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    luac = [args.luac]
    moonlet = [os.path.abspath(args.moonlet)]
    files = collect(args.paths, tuple(e.strip() for e in args.ext.split(",") if e.strip()))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda f: compare(luac, moonlet, f), files))

    accepted = {path: l[0] and l[2] is None for path, _, l, _ in results}
    tmp = None
    if args.concat:
        tmp = tempfile.TemporaryDirectory(prefix="compare_parse_")
        big = build_concatenations(files, accepted, args.concat, args.concat_mb, tmp.name)
        for path in big:
            t0 = time.perf_counter()
            l = run(luac, path)
            t1 = time.perf_counter()
            m = run(moonlet, path)
            t2 = time.perf_counter()
            if not args.quiet:
                mb = os.path.getsize(path) / 1e6
                print(f"{path}: {mb:.1f} MB, luac5.4 {t1 - t0:.2f}s, moonlet {t2 - t1:.2f}s")
            agree = m[2] is None and l[2] is None and l[0] == m[0] and (l[0] or l[1] == m[1])
            results.append((path, agree and l[0], l, m))

    disagreements = [r for r in results if not r[1]]
    print(f"{len(results)} files: {len(results) - len(disagreements)} agree, {len(disagreements)} disagree")
    for path, _, l, m in disagreements:
        print(f"\n{path}")
        line = offending_line(path, l[1]) or offending_line(path, m[1])
        if line is not None:
            print(f"  line:    {line}")
        print(f"  luac5.4: {describe(l)}")
        print(f"  moonlet: {describe(m)}")
    if tmp is not None:
        tmp.cleanup()
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
