#!/usr/bin/env bash
# End-to-end drift benchmark: ReturnMonitor (Release build, dll run directly) against the Python stack
# (pandas.read_csv + numpy PSI + scipy ks_2samp / wasserstein_distance / chi2_contingency, bench/drift_python.py)
# on the same generated files; plus batch scoring throughput and the profile-vs-CSV reference speedup.
#
#   bench/run.sh                      # 1M and 10M orders per file
#   SIZES="1000000" bench/run.sh      # only 1M
#   REPEAT=5 PY_TIMEOUT=1800 bench/run.sh
#
# Files go to bench/out/ (git-ignored); the markdown table is printed and written to bench/out/results.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
SIZES="${SIZES:-1000000 10000000}"
REPEAT="${REPEAT:-3}"
PY_TIMEOUT="${PY_TIMEOUT:-1200}"
PYTHON=/usr/bin/python3
mkdir -p "$OUT"

# --- what the script needs -------------------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
"$PYTHON" -c "import scipy, pandas, numpy" 2>/dev/null || need_apt+=(python3-scipy python3-pandas python3-numpy)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "building (Release, ReadyToRun)…" >&2
# Published ReadyToRun (precompiled), as a pipeline would deploy it: start-up is about 0.1 s instead of 0.2 s of JIT.
dotnet publish "$ROOT/lib/ReturnMonitor.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$OUT/cli" -v quiet -nologo >/dev/null
dotnet build "$ROOT/tests/ReturnMonitor.Benchmarks" -c Release -v quiet -nologo >/dev/null
CLI=("$OUT/cli/ReturnMonitor.Cli")
PROBE=(dotnet "$ROOT/tests/ReturnMonitor.Benchmarks/bin/Release/net10.0/ReturnMonitor.Benchmarks.dll")

# measure LABEL CMD...: runs the command, appends "wall_seconds peak_kb exit_code" to $OUT/LABEL.times
measure() {
  local label="$1"; shift
  local tfile="$OUT/.time.$$"
  set +e
  /usr/bin/time -f "%e %M" -o "$tfile" "$@" >"$OUT/$label.stdout" 2>"$OUT/$label.stderr"
  local code=$?
  set -e
  echo "$(tail -n 1 "$tfile") $code" >>"$OUT/$label.times"
  rm -f "$tfile"
}

# median wall time and peak memory (MB) over the runs of LABEL, or "failed (…)"
summary() {
  local file="$OUT/$1.times" bad
  bad="$(awk '$3 != 0 { code = $3 } END { print code }' "$file")"
  if [ -n "$bad" ]; then echo "failed (exit $bad)"; return; fi
  local wall mem
  wall="$(awk '{ print $1 }' "$file" | sort -n | awk '{ w[NR] = $1 } END { printf "%.2f", (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2) }')"
  mem="$(awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$file")"
  echo "$wall $mem"
}

# 1000000 -> 1,000,000 (no locale needed)
fmt() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

ROWS=()
for N in $SIZES; do
  DIR="$OUT/$N"
  if [ ! -f "$DIR/batch_2_flash_sale.csv" ] || [ "$(($(wc -l <"$DIR/train.csv") - 1))" -ne "$N" ]; then
    echo "generating $N orders per file into $DIR…" >&2
    "${CLI[@]}" generate --out "$DIR" --train-size "$N" --batch-size "$N" >/dev/null
  fi
  REF="$DIR/train.csv"; CUR="$DIR/batch_2_flash_sale.csv"
  rm -f "$OUT"/dotnet-"$N".times "$OUT"/python-"$N".times
  runs=$REPEAT; [ "$N" -ge 5000000 ] && runs=1
  for ((i = 0; i < runs; i++)); do
    echo "run $((i + 1))/$runs on $N vs $N: returnmonitor drift…" >&2
    measure "dotnet-$N" "${CLI[@]}" drift --reference "$REF" --current "$CUR" --format json
    echo "run $((i + 1))/$runs on $N vs $N: python…" >&2
    measure "python-$N" timeout "$PY_TIMEOUT" "$PYTHON" "$ROOT/bench/drift_python.py" "$REF" "$CUR"
  done
  read -r dn_wall dn_mem <<<"$(summary "dotnet-$N")"
  py="$(summary "python-$N")"
  if [[ "$py" == failed* ]]; then
    [ "$(awk '{print $3}' "$OUT/python-$N.times" | tail -1)" = "124" ] && py="timed out after ${PY_TIMEOUT}s"
    ROWS+=("| $(fmt "$N") vs $(fmt "$N") | $dn_wall s | $dn_mem MB | $py | – | – | – |")
  else
    read -r py_wall py_mem <<<"$py"
    ROWS+=("| $(fmt "$N") vs $(fmt "$N") | $dn_wall s | $dn_mem MB | $py_wall s | $py_mem MB | $(awk -v a="$py_wall" -v b="$dn_wall" 'BEGIN{printf "%.1f×", a/b}') | $(awk -v a="$dn_mem" -v b="$py_mem" 'BEGIN{printf "%.2f", a/b}') |")
  fi
done

# --- reference profile vs re-reading the reference CSV ---------------------------------------------------------------
FIRST="$(echo "$SIZES" | awk '{print $1}')"
SMALL="$ROOT/data/batch_1_normal.csv"
REFROWS=()
for N in $SIZES; do
  REF="$OUT/$N/train.csv"
  "${CLI[@]}" profile --data "$REF" --out "$OUT/$N/profile.json" >/dev/null
  rm -f "$OUT/ref-csv-$N.times" "$OUT/ref-profile-$N.times"
  for ((i = 0; i < REPEAT; i++)); do
    measure "ref-csv-$N" "${CLI[@]}" drift --reference "$REF" --current "$SMALL" --format json
    measure "ref-profile-$N" "${CLI[@]}" drift --reference "$OUT/$N/profile.json" --current "$SMALL" --format json
  done
  read -r rc_wall _ <<<"$(summary "ref-csv-$N")"
  read -r rp_wall _ <<<"$(summary "ref-profile-$N")"
  "${PROBE[@]}" reference "$REF" "$OUT/$N/profile.json" >"$OUT/reference-probe-$N.txt"
  probe_csv="$(grep csv_seconds "$OUT/reference-probe-$N.txt" | cut -d= -f2)"
  probe_profile="$(grep profile_seconds "$OUT/reference-probe-$N.txt" | cut -d= -f2)"
  probe_speedup="$(grep speedup "$OUT/reference-probe-$N.txt" | cut -d= -f2)"
  REFROWS+=("| $(fmt "$N") | $rc_wall s | $rp_wall s | $(awk -v a="$rc_wall" -v b="$rp_wall" 'BEGIN{printf "%.1f×", a/b}') | $probe_csv s | $probe_profile s | $(awk -v v="$probe_speedup" 'BEGIN{printf "%.0f×", v}') |")
done

# --- batch scoring throughput ---------------------------------------------------------------------------------------
"${CLI[@]}" train --data "$ROOT/data/train.csv" --out "$OUT/model" >/dev/null 2>&1
"${PROBE[@]}" score "$OUT/$FIRST/batch_2_flash_sale.csv" "$OUT/model" >"$OUT/score-probe.txt"
score_orders="$(grep '^orders=' "$OUT/score-probe.txt" | cut -d= -f2)"
score_seconds="$(grep '^seconds=' "$OUT/score-probe.txt" | cut -d= -f2)"
score_rate="$(grep orders_per_second "$OUT/score-probe.txt" | cut -d= -f2)"

CPU="$(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
MEM="$(free -g | awk '/Mem:/ {print $2 " GB"}')"
{
  echo "Machine: $(nproc) cores ($CPU), $MEM RAM, $(uname -sr); .NET $(dotnet --version); Python $("$PYTHON" -c 'import sys, numpy, scipy, pandas; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__, "pandas", pandas.__version__)')"
  echo
  echo "Drift of the flash-sale batch against the training file, both CSV, 9 features (KS, PSI, Wasserstein, chi-square …); wall time median of $REPEAT runs (1 run from 5M orders up), peak resident memory from /usr/bin/time."
  echo
  echo "| orders (reference vs current) | returnmonitor drift | peak memory | Python (pandas + scipy) | peak memory | speed-up | memory ratio |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Reference path: \`drift --reference train.csv\` re-reads and summarises the training CSV on every run; \`drift --reference profile.json\` loads the exact summary written once by \`profile\`. End to end with a 1,000-order batch (process start-up and JIT, about 0.15 s, included), and in process (best of 3, the reference summary alone)."
  echo
  echo "| reference orders | end to end: CSV | end to end: profile | speed-up | in process: CSV | in process: profile | speed-up |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${REFROWS[@]}"
  echo
  echo "Batch scoring (\`ReturnModel.PredictProbabilities\`, 100-tree forest trained on data/train.csv, best of 3): $(fmt "$score_orders") orders in $score_seconds s = $(fmt "$score_rate") orders/s."
} | tee "$OUT/results.md"
