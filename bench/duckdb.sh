#!/usr/bin/env bash
# DuckDB engine vs our reader: `profile --engine duckdb` over a glob of 10 CSV files holding N orders in total, against
# `profile --data` (our streaming reader) on the single N-order file, and DuckDB on that single file. Checks that all
# three profiles are byte-identical, then prints a markdown table (median of REPEAT runs, wall time and peak memory).
#
#   bench/duckdb.sh                   # N = 1,000,000, 3 runs each
#   N=10000000 REPEAT=5 bench/duckdb.sh
#
# Files go to bench/out/duckdb/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/duckdb"
N="${N:-1000000}"
REPEAT="${REPEAT:-3}"
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "building (Release, ReadyToRun)…" >&2
dotnet publish "$ROOT/lib/ReturnMonitor.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$OUT/cli" -v quiet -nologo >/dev/null
CLI=("$OUT/cli/ReturnMonitor.Cli")

DATA="$OUT/$N"
if [ ! -f "$DATA/train.csv" ]; then
  echo "generating $N orders…" >&2
  "${CLI[@]}" generate --out "$DATA" --train-size "$N" --batch-size 1000 >/dev/null
fi
# The same orders cut into 10 files of consecutive rows, each with the header.
rm -rf "$DATA/parts" && mkdir -p "$DATA/parts"
awk -v n="$N" -v dir="$DATA/parts" 'NR == 1 { header = $0; next }
  { part = int((NR - 2) * 10 / n); file = sprintf("%s/part-%02d.csv", dir, part)
    if (!(part in seen)) { print header > file; seen[part] = 1 } print > file }' "$DATA/train.csv"

run() { # run LABEL CMD...: REPEAT timed runs, "wall_seconds peak_kb" per line in $OUT/LABEL.times
  local label="$1"; shift
  rm -f "$OUT/$label.times"
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -f "%e %M" -o "$OUT/.t" "$@" >/dev/null 2>"$OUT/$label.stderr"
    tail -n 1 "$OUT/.t" >>"$OUT/$label.times"
  done
}
median() { awk '{ print $1 }' "$OUT/$1.times" | sort -n | awk '{ w[NR] = $1 } END { printf "%.2f", (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2) }'; }
peak() { awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$OUT/$1.times"; }

LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
run builtin "${CLI[@]}" profile --data "$DATA/train.csv" --out "$OUT/builtin.json" --source train
run duckdb-glob "${CLI[@]}" profile --engine duckdb --data "$DATA/parts/*.csv" --out "$OUT/duckdb-glob.json" --source train
run duckdb-file "${CLI[@]}" profile --engine duckdb --data "$DATA/train.csv" --out "$OUT/duckdb-file.json" --source train
cmp "$OUT/builtin.json" "$OUT/duckdb-glob.json" && cmp "$OUT/builtin.json" "$OUT/duckdb-file.json" && echo "profiles byte-identical" >&2

{
  echo "| $(echo "$N" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') orders, $(nproc) cores | wall (median of $REPEAT) | peak memory |"
  echo "|---|---|---|"
  echo "| \`profile --data train.csv\` (our reader, 1 file) | $(median builtin) s | $(peak builtin) MB |"
  echo "| \`profile --engine duckdb --data 'parts/*.csv'\` (10 files) | $(median duckdb-glob) s | $(peak duckdb-glob) MB |"
  echo "| \`profile --engine duckdb --data train.csv\` (1 file) | $(median duckdb-file) s | $(peak duckdb-file) MB |"
  echo
  echo "1-minute load average before/after the runs: $LOAD_BEFORE / $(cut -d' ' -f1 /proc/loadavg) (other work on the machine slows every row)."
} | tee "$OUT/results.md"
