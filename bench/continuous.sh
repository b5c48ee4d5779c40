#!/usr/bin/env bash
# Continuous-data benchmark (docs/continuous-numbers.md): seven numeric columns with 6 decimals, almost every value
# distinct. For each size, back to back on the same files: the build BEFORE this work (a clone of BEFORE_REPO at
# BEFORE_REF, published ReadyToRun), the build AFTER (this checkout), and pandas + scipy (bench/drift_python.py);
# each under /usr/bin/time (wall time, peak resident memory). Then `profile` of PROFILE_ROWS orders, and the KS
# statistics of ours checked against scipy's: equal when the feature is exact, within ksErrorBound when sketched.
#
#   bench/continuous.sh                                  # 1M vs 1M and 10M vs 10M, profile of 4M
#   SIZES=1000000 PROFILE_ROWS=0 bench/continuous.sh     # 1M only
#   SKIP_BEFORE=1 SKIP_PYTHON_ABOVE=1000000 bench/continuous.sh
#   PREBUILT=1 bench/continuous.sh                       # use bench/out/continuous/{before,after} as they are
#   REPEAT=3 SKIP_BEFORE=1 SKIP_DUCKDB=1 SIZES=1000000 PROFILE_ROWS=0 bench/continuous.sh
#                                                        # ours (default, exact) and pandas interleaved 3x; medians
#
# AFTER_CLI (default: the published after/ReturnMonitor.Cli) may name another command, e.g. "dotnet path/to/ReturnMonitor.Cli.dll".
# Every measurement line also records the 1-minute load average when it started (column 4 of LABEL.time).
#
# Each size also runs `drift --engine duckdb` (DuckDB embedded computes the value counts; same JSON expected).
#
# Files go to bench/out/continuous/ (git-ignored). The machine may be shared: compare numbers within one run only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/continuous"
SIZES="${SIZES:-1000000 10000000}"
PROFILE_ROWS="${PROFILE_ROWS:-4000000}"
BEFORE_REPO="${BEFORE_REPO:-$ROOT}"
BEFORE_REF="${BEFORE_REF:-main}"
SKIP_BEFORE="${SKIP_BEFORE:-0}"
SKIP_PYTHON_ABOVE="${SKIP_PYTHON_ABOVE:-100000000}"
SKIP_DUCKDB="${SKIP_DUCKDB:-0}"
REPEAT="${REPEAT:-1}"
EXACT_LIMIT="${EXACT_LIMIT:-1100000}"   # exact mode: above 1M distinct values per column (0 = skip)
PYTHON=/usr/bin/python3
mkdir -p "$OUT"

PREBUILT="${PREBUILT:-0}"
if [ "$PREBUILT" = 1 ]; then SKIP_BUILD_AFTER=1; else SKIP_BUILD_AFTER=0; fi
[ "$SKIP_BUILD_AFTER" = 1 ] || echo "building after (Release, ReadyToRun)…" >&2
[ "$SKIP_BUILD_AFTER" = 1 ] || dotnet publish "$ROOT/lib/ReturnMonitor.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$OUT/after" -v quiet -nologo >/dev/null
[ "$SKIP_BUILD_AFTER" = 1 ] || dotnet build "$ROOT/tests/ReturnMonitor.Benchmarks" -c Release -v quiet -nologo >/dev/null
GEN=(dotnet "$ROOT/tests/ReturnMonitor.Benchmarks/bin/Release/net10.0/ReturnMonitor.Benchmarks.dll" continuous)
if [ "$SKIP_BEFORE" != 1 ] && [ ! -x "$OUT/before/ReturnMonitor.Cli" ]; then
  echo "building before ($BEFORE_REF)…" >&2
  rm -rf "$OUT/before-src"
  git clone -q "$BEFORE_REPO" "$OUT/before-src" && git -C "$OUT/before-src" checkout -q "$BEFORE_REF"
  dotnet publish "$OUT/before-src/lib/ReturnMonitor.Cli" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$OUT/before" -v quiet -nologo >/dev/null
fi

read -r -a AFTER <<<"${AFTER_CLI:-$OUT/after/ReturnMonitor.Cli}"

# measure LABEL CMD...: stdout to LABEL.out, "wall_seconds peak_MiB exit load1 cpu_seconds" to LABEL.time (cpu = user +
# system: on a loaded machine the wall time depends on the share of the cores a program gets, its CPU time much less)
measure() {
  local label="$1"; shift
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/$label.rawtime" "$@" >"$OUT/$label.out" 2>"$OUT/$label.err"
  local code=$?
  set -e
  awk -v c="$code" -v l="$load" '{ printf "%s %.0f %s %s %.2f\n", $1, $2 / 1024, c, l, $3 + $4 }' "$OUT/$label.rawtime" >"$OUT/$label.time"
  echo "$label: $(cat "$OUT/$label.time")" >&2
}

# median LABEL_PREFIX: median wall time and median peak memory over LABEL_PREFIX-r*.time, with the load range
median() {
  local files=("$OUT/$1"-r*.time)
  local k=$(( (${#files[@]} + 1) / 2 ))
  local t m u lo hi
  t=$(cut -d' ' -f1 "${files[@]}" | sort -g | sed -n "${k}p")
  m=$(cut -d' ' -f2 "${files[@]}" | sort -g | sed -n "${k}p")
  u=$(cut -d' ' -f5 "${files[@]}" | sort -g | sed -n "${k}p")
  lo=$(cut -d' ' -f4 "${files[@]}" | sort -g | head -1)
  hi=$(cut -d' ' -f4 "${files[@]}" | sort -g | tail -1)
  echo "$1: median $t s, $m MiB, CPU $u s over ${#files[@]} runs (load $lo-$hi)" | tee -a "$OUT/medians.txt" >&2
}

for N in $SIZES; do
  [ -f "$OUT/ref_$N.csv" ] || "${GEN[@]}" "$OUT/ref_$N.csv" "$N" 1
  [ -f "$OUT/cur_$N.csv" ] || "${GEN[@]}" "$OUT/cur_$N.csv" "$N" 2 0.02
  for R in $(seq 1 "$REPEAT"); do
    [ "$SKIP_BEFORE" = 1 ] || measure "before-$N-r$R" "$OUT/before/ReturnMonitor.Cli" drift --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
    measure "after-$N-r$R" "${AFTER[@]}" drift --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
    [ "$EXACT_LIMIT" = 0 ] || [ "$N" -gt 1000000 ] || measure "exact-$N-r$R" "${AFTER[@]}" drift --exact-limit "$EXACT_LIMIT" --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
    [ "$N" -gt "$SKIP_PYTHON_ABOVE" ] || measure "python-$N-r$R" "$PYTHON" "$ROOT/bench/drift_python.py" "$OUT/ref_$N.csv" "$OUT/cur_$N.csv"
  done
  for L in before after exact python; do ls "$OUT/$L-$N"-r*.time >/dev/null 2>&1 && median "$L-$N"; done
  for L in after exact python; do [ -f "$OUT/$L-$N-r1.out" ] && cp "$OUT/$L-$N-r1.out" "$OUT/$L-$N.out"; done
  if [ "$SKIP_DUCKDB" != 1 ]; then
    measure "duckdb-$N" "${AFTER[@]}" drift --engine duckdb --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
    cmp -s "$OUT/after-$N.out" "$OUT/duckdb-$N.out" && echo "duckdb-$N: same JSON as after" >&2 || echo "duckdb-$N: JSON differs from after" >&2
  fi
  if [ "$N" -le "$SKIP_PYTHON_ABOVE" ]; then
    # KS: ours (JSON, default and exact mode) against scipy (full precision in the Python output).
    for L in after exact; do
    [ -f "$OUT/$L-$N.out" ] || continue
    echo "$L:" >&2
    "$PYTHON" - "$OUT/$L-$N.out" "$OUT/python-$N.out" <<'PY' | tee "$OUT/ks-$L-$N.txt" >&2
import json, re, sys
ours = {f["name"]: f for f in json.load(open(sys.argv[1]))["features"] if f["kind"] == "numeric"}
for line in open(sys.argv[2]):
    m = re.match(r"(\w+): .* ks=(\S+)", line)
    if not m:
        continue
    f, scipy = ours[m.group(1)], float(m.group(2))
    exact = f.get("exact", True)
    bound = f.get("ksErrorBound", 0.0)
    ok = (f["ksStatistic"] == scipy) if exact else abs(f["ksStatistic"] - scipy) <= bound
    p = re.search(r" p=(\S+)", line)
    pv = f" p: ours={f['ksPValue']!r} scipy={p.group(1)}" if p and "ksPValue" in f else ""
    print(f"{m.group(1)}: ours={f['ksStatistic']!r} scipy={scipy!r} exact={exact} bound={bound:.3g} diff={abs(f['ksStatistic'] - scipy):.3g} {'OK' if ok else 'OUTSIDE'}{pv}")
PY
    done
  fi
done

if [ "$PROFILE_ROWS" -gt 0 ]; then
  [ -f "$OUT/ref_$PROFILE_ROWS.csv" ] || "${GEN[@]}" "$OUT/ref_$PROFILE_ROWS.csv" "$PROFILE_ROWS" 1
  [ "$SKIP_BEFORE" = 1 ] || measure "before-profile-$PROFILE_ROWS" "$OUT/before/ReturnMonitor.Cli" profile --data "$OUT/ref_$PROFILE_ROWS.csv" --out "$OUT/before-profile.json"
  measure "after-profile-$PROFILE_ROWS" "${AFTER[@]}" profile --data "$OUT/ref_$PROFILE_ROWS.csv" --out "$OUT/after-profile.json"
  ls -l "$OUT"/*-profile.json >&2
fi
