#!/usr/bin/env python3
"""Writes `real/PACKAGES`: which Debian package each `real/` case needs.

Each case of `real/` runs a third-party library from `/usr/share/lua/`. This script runs
every case under `lua5.4` with a `require` searcher that records the files the case
loads, asks `dpkg -S` which package installed each, and writes one line per case and
package: the case, the package, and one file of the package the case loads. The
conformance harness skips a case (naming the package to install) when such a file is
absent, so `cargo test --workspace` passes on a machine without the packages.

Usage (with the packages installed): python3 conformance/real_packages.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRACE = r"""
local seen = {}
table.insert(package.searchers, 1, function(name)
  local f = package.searchpath(name, package.path)
  if f and not seen[f] then seen[f] = true; io.stderr:write("\0REQUIRED ", f, "\n") end
  return nil
end)
"""


def main():
    lines = ["# Written by conformance/real_packages.py: case, Debian package, a file it installs.\n"]
    for name in sorted(os.listdir(os.path.join(HERE, "real"))):
        if not name.endswith(".lua"):
            continue
        case = os.path.join("real", name)
        run = subprocess.run(["lua5.4", "-e", TRACE, case], cwd=HERE, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=120)
        files = [l.split(" ", 1)[1] for l in run.stderr.decode(errors="replace").splitlines()
                 if l.startswith("\0REQUIRED ")]
        packages = {}
        for f in files:
            owner = subprocess.run(["dpkg", "-S", f], capture_output=True, text=True)
            if owner.returncode != 0:
                sys.exit(f"{case}: no package owns {f}")
            packages.setdefault(owner.stdout.split(":", 1)[0], f)
        if not packages:
            sys.exit(f"{case}: loads no packaged library (are the packages installed?)")
        for package, f in sorted(packages.items()):
            lines.append(f"{name[:-4]} {package} {f}\n")
    with open(os.path.join(HERE, "real", "PACKAGES"), "w") as out:
        out.writelines(lines)


if __name__ == "__main__":
    main()
