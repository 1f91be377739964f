#!/usr/bin/env bash
# Side-by-side parse speed: `moonlet -p` against `luac5.4 -p` on the same generated
# multi-megabyte source, alternating runs in one session. Prints each tool's best and
# median time and the ratio moonlet / luac5.4 (below 1.0 means moonlet is faster).
#
# usage: benches/parse_speed.sh [MEGABYTES=8] [RUNS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-8}
runs=${2:-10}
command -v luac5.4 >/dev/null || { echo "luac5.4 not found: apt-get install -y lua5.4" >&2; exit 1; }
cargo build --release -q -p moonlet-cli
moonlet=target/release/moonlet

source=$(mktemp --suffix=.lua)
trap 'rm -f "$source"' EXIT
while [ "$(stat -c %s "$source")" -lt $((megabytes * 1024 * 1024)) ]; do
  { echo "_ = function(...)"; cat benches/parse_template.lua; echo "end"; } >> "$source"
done
"$moonlet" -p "$source"
luac5.4 -p "$source"

python3 - "$source" "$runs" "$moonlet" <<'PY'
import statistics, subprocess, sys, time
source, runs, moonlet = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tools = {"moonlet -p": [moonlet, "-p", source], "luac5.4 -p": ["luac5.4", "-p", source]}
times = {name: [] for name in tools}
for _ in range(runs):
    for name, cmd in tools.items():  # alternate, so both see the same machine state
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        times[name].append(time.perf_counter() - start)
size = __import__("os").path.getsize(source) / 2**20
print(f"source: {size:.1f} MiB, {runs} alternating runs each")
for name, t in times.items():
    print(f"{name:12} best {min(t)*1000:8.1f} ms   median {statistics.median(t)*1000:8.1f} ms")
ratio = statistics.median(times["moonlet -p"]) / statistics.median(times["luac5.4 -p"])
print(f"ratio moonlet/luac5.4 (median): {ratio:.2f}")
PY
