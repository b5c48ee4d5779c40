#!/usr/bin/env bash
# Wide file vs the demo's 9-feature file, in the same run: `profile --data` and `drift --reference --current` on
#   - the demo shape: `returnmonitor generate` (9 features + label), reference train.csv vs batch_2_flash_sale.csv;
#   - a wide shape: bench/wide_generate.py (20 numeric + 20 categorical features, one of 5,000 distinct values, + label),
#     reference train.csv vs current.csv, read against its schema.json (--schema).
# Reports wall time (median of REPEAT), throughput in MB/s of CSV read (profile: the reference; drift: both files) and
# peak resident memory (/usr/bin/time), as a markdown table (also bench/out/wide/results.md).
#
#   bench/wide.sh                      # 1,000,000 rows per file, 3 runs each
#   ROWS=200000 REPEAT=1 bench/wide.sh
#   SKIP_BUILD=1 bench/wide.sh         # reuse bench/out/wide/cli
#
# A command that fails (e.g. a build whose readers do not take --schema yet) is reported as "not run" with its first
# error line; the other rows are still measured. Files go to bench/out/ (git-ignored; the data is reused).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/wide"
ROWS="${ROWS:-1000000}"
REPEAT="${REPEAT:-3}"
PYTHON=/usr/bin/python3
mkdir -p "$OUT"

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
"$PYTHON" -c "import numpy" 2>/dev/null || need_apt+=(python3-numpy)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ] || [ ! -x "$OUT/cli/ReturnMonitor.Cli" ]; then
  echo "building (Release, ReadyToRun)…" >&2
  dotnet publish "$ROOT/lib/ReturnMonitor.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$OUT/cli" -v quiet -nologo >/dev/null
fi
CLI=("$OUT/cli/ReturnMonitor.Cli")

DEMO="$OUT/demo-$ROWS"
if [ ! -f "$DEMO/batch_2_flash_sale.csv" ]; then
  echo "generating the demo shape, $ROWS orders per file…" >&2
  "${CLI[@]}" generate --out "$DEMO" --train-size "$ROWS" --batch-size "$ROWS" >/dev/null
fi
WIDE="$OUT/wide-$ROWS"
if [ ! -f "$WIDE/current.csv" ]; then
  echo "generating the wide shape, $ROWS rows per file…" >&2
  "$PYTHON" "$ROOT/bench/wide_generate.py" --rows "$ROWS" --out "$WIDE"
fi

# measure LABEL CMD...: REPEAT runs; "wall_seconds peak_kb exit_code" per line in $OUT/LABEL.times
measure() {
  local label="$1"; shift
  rm -f "$OUT/$label.times"
  for ((i = 0; i < REPEAT; i++)); do
    set +e
    /usr/bin/time -f "%e %M" -o "$OUT/.t" "$@" >"$OUT/$label.stdout" 2>"$OUT/$label.stderr"
    local code=$?
    set -e
    echo "$(tail -n 1 "$OUT/.t") $code" >>"$OUT/$label.times"
    [ "$code" -eq 0 ] || break
  done
}

# row LABEL NAME BYTES: a table row with median wall, MB/s and peak MB, or "not run" with the first error line
row() {
  local label="$1" name="$2" bytes="$3" file="$OUT/$1.times"
  if awk '$3 != 0 { bad = 1 } END { exit !bad }' "$file"; then
    echo "| $name | not run: $(grep -m1 -v '^\s*$' "$OUT/$label.stderr" | cut -c1-120 | sed 's/|/\\|/g') | | |"
    return
  fi
  local wall
  wall="$(awk '{ print $1 }' "$file" | sort -n | awk '{ w[NR] = $1 } END { printf "%.2f", (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2) }')"
  echo "| $name | $wall s | $(awk -v b="$bytes" -v w="$wall" 'BEGIN { printf "%.0f", b / 1e6 / w }') MB/s | $(awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$file") MB |"
}

size() { stat -c %s "$1"; }
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
echo "measuring ($REPEAT runs each)…" >&2
measure demo-profile "${CLI[@]}" profile --data "$DEMO/train.csv" --out "$OUT/demo-profile.json"
measure demo-drift "${CLI[@]}" drift --reference "$DEMO/train.csv" --current "$DEMO/batch_2_flash_sale.csv" --format json
measure wide-profile "${CLI[@]}" profile --data "$WIDE/train.csv" --schema "$WIDE/schema.json" --out "$OUT/wide-profile.json"
measure wide-drift "${CLI[@]}" drift --reference "$WIDE/train.csv" --current "$WIDE/current.csv" --schema "$WIDE/schema.json" --format json

DEMO_REF="$(size "$DEMO/train.csv")"; DEMO_BOTH=$((DEMO_REF + $(size "$DEMO/batch_2_flash_sale.csv")))
WIDE_REF="$(size "$WIDE/train.csv")"; WIDE_BOTH=$((WIDE_REF + $(size "$WIDE/current.csv")))
{
  echo "| $(echo "$ROWS" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta') rows per file, $(nproc) cores | wall (median of $REPEAT) | CSV read | peak memory |"
  echo "|---|---|---|---|"
  row demo-profile "demo, 9 features: \`profile\` ($((DEMO_REF / 1000000)) MB)" "$DEMO_REF"
  row demo-drift "demo, 9 features: \`drift\` ($((DEMO_BOTH / 1000000)) MB)" "$DEMO_BOTH"
  row wide-profile "wide, 40 features: \`profile --schema\` ($((WIDE_REF / 1000000)) MB)" "$WIDE_REF"
  row wide-drift "wide, 40 features: \`drift --schema\` ($((WIDE_BOTH / 1000000)) MB)" "$WIDE_BOTH"
  echo
  echo "1-minute load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1 /proc/loadavg) (other work on the machine slows every row)."
} | tee "$OUT/results.md"
