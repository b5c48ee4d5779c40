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

# measure LABEL CMD...: stdout to LABEL.out, "wall_seconds peak_MB exit" to LABEL.time
measure() {
  local label="$1"; shift
  set +e
  /usr/bin/time -f "%e %M" -o "$OUT/$label.rawtime" "$@" >"$OUT/$label.out" 2>"$OUT/$label.err"
  local code=$?
  set -e
  awk -v c="$code" '{ printf "%s %.0f %s\n", $1, $2 / 1024, c }' "$OUT/$label.rawtime" >"$OUT/$label.time"
  echo "$label: $(cat "$OUT/$label.time")" >&2
}

for N in $SIZES; do
  [ -f "$OUT/ref_$N.csv" ] || "${GEN[@]}" "$OUT/ref_$N.csv" "$N" 1
  [ -f "$OUT/cur_$N.csv" ] || "${GEN[@]}" "$OUT/cur_$N.csv" "$N" 2 0.02
  [ "$SKIP_BEFORE" = 1 ] || measure "before-$N" "$OUT/before/ReturnMonitor.Cli" drift --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
  measure "after-$N" "$OUT/after/ReturnMonitor.Cli" drift --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
  measure "duckdb-$N" "$OUT/after/ReturnMonitor.Cli" drift --engine duckdb --reference "$OUT/ref_$N.csv" --current "$OUT/cur_$N.csv" --format json
  cmp -s "$OUT/after-$N.out" "$OUT/duckdb-$N.out" && echo "duckdb-$N: same JSON as after" >&2 || echo "duckdb-$N: JSON differs from after" >&2
  if [ "$N" -le "$SKIP_PYTHON_ABOVE" ]; then
    measure "python-$N" "$PYTHON" "$ROOT/bench/drift_python.py" "$OUT/ref_$N.csv" "$OUT/cur_$N.csv"
    # KS: ours (JSON) against scipy (full precision in the Python output).
    "$PYTHON" - "$OUT/after-$N.out" "$OUT/python-$N.out" <<'PY' | tee "$OUT/ks-$N.txt" >&2
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
    print(f"{m.group(1)}: ours={f['ksStatistic']!r} scipy={scipy!r} exact={exact} bound={bound:.3g} diff={abs(f['ksStatistic'] - scipy):.3g} {'OK' if ok else 'OUTSIDE'}")
PY
  fi
done

if [ "$PROFILE_ROWS" -gt 0 ]; then
  [ -f "$OUT/ref_$PROFILE_ROWS.csv" ] || "${GEN[@]}" "$OUT/ref_$PROFILE_ROWS.csv" "$PROFILE_ROWS" 1
  [ "$SKIP_BEFORE" = 1 ] || measure "before-profile-$PROFILE_ROWS" "$OUT/before/ReturnMonitor.Cli" profile --data "$OUT/ref_$PROFILE_ROWS.csv" --out "$OUT/before-profile.json"
  measure "after-profile-$PROFILE_ROWS" "$OUT/after/ReturnMonitor.Cli" profile --data "$OUT/ref_$PROFILE_ROWS.csv" --out "$OUT/after-profile.json"
  ls -l "$OUT"/*-profile.json >&2
fi
