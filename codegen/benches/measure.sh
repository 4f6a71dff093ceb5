#!/usr/bin/env bash
# Measures the generator against the issue's targets and prints a table:
#   - `codegen check schemas generated` end to end, median of 10 runs (target: under 50 ms);
#   - `codegen generate` of synthetic sets of 500 and 1000 providers of 20 structs of 15 fields into empty
#     temporary folders, median of 3 (target: 500 under 2 s), and the 1000/500 ratio (target: at most 2.2);
#   - the same ratio by the team's noise rule: `benches/scaling.rs`, both sizes interleaved in one process, the
#     fastest quarter kept, run twice;
#   - `cargo check` of the generated crate after `touch src/lib.rs`, median of 3, in seconds and milliseconds per
#     generated type (structs and enums), for the five schemas and for synthetic sets (CODEGEN_MEASURE_CRATES
#     providers each, default "50 500"); also the first check of each crate and its peak memory. A crate whose
#     check would need more memory than the machine has available, going by the peak of the previous (smaller)
#     crate, is skipped and says so; CODEGEN_MEASURE_FORCE=1 tries it anyway.
#
# Usage: codegen/benches/measure.sh        (from anywhere; about ten minutes on two cores)
# Writes only under a temporary folder, removed at exit, and CODEGEN_MEASURE_TARGET (default
# /tmp/codegen-measure-target), the target folder of the temporary crates, kept so their dependencies build once.
# Verdicts compare the wall-clock median; user+sys is the CPU time of the same runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/codegen-measure.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR="${CODEGEN_MEASURE_TARGET:-/tmp/codegen-measure-target}" # for the temporary crates only
CODEGEN="$ROOT/target/release/codegen"
SYNTHETIC="$ROOT/target/release/examples/synthetic"
read -r -a CRATES <<<"${CODEGEN_MEASURE_CRATES:-50 500}"
TIMEFORMAT='%3R %3U %3S'

# Runs a command once and prints "wall user+sys" in seconds; its output goes to a log shown if it fails.
time_once() {
  local times
  if ! times="$({ time "$@" >"$WORK/run.log" 2>&1; } 2>&1)"; then
    echo "failed: $*" >&2
    cat "$WORK/run.log" >&2
    exit 1
  fi
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$times"
}

# The median of the numbers on stdin, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { printf "%.3f\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# `repeat N CMD...` prints "wall cpu": the median wall and the median user+sys of N runs.
repeat() {
  local runs="$1" i
  shift
  for ((i = 0; i < runs; i++)); do time_once "$@"; done >"$WORK/times"
  echo "$(awk '{ print $1 }' "$WORK/times" | median) $(awk '{ print $2 }' "$WORK/times" | median)"
}

calc() { # calc AWK-EXPRESSION: prints its value with 3 decimals
  awk "BEGIN { printf \"%.3f\", $1 }"
}

verdict() { # verdict VALUE LIMIT: whether VALUE <= LIMIT
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "met" : "MISSED") }'
}

row() { # row LABEL WALL CPU TARGET VERDICT
  printf '%-62s %12s %12s   %-10s %s\n' "$@"
}

# Structs and enums of a generated crate; operations are unit structs (`pub struct Name;`) and do not match.
count_types() {
  cat "$1"/src/*.rs | grep -cE '^pub (struct [A-Za-z_][A-Za-z0-9_]* \{|enum )'
}

# A standalone crate in folder $1 around generated sources already in $1/src, with generated/Cargo.toml's
# dependencies as the workspace defines them (paths made absolute) and the workspace's lock file.
make_crate() {
  local dir="$1" name
  {
    printf '[package]\nname = "refund-apis"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n'
    sed -n '/^\[dependencies\]/,/^\[/ s/^\([A-Za-z0-9_-]*\)\.workspace *= *true.*/\1/p' "$ROOT/generated/Cargo.toml" |
      while read -r name; do
        grep -E "^$name *=" "$ROOT/Cargo.toml" | sed "s|path = \"|path = \"$ROOT/|"
      done
    printf '\n[workspace]\n'
  } >"$dir/Cargo.toml"
  cp "$ROOT/Cargo.lock" "$dir/"
}

# `cargo check` of the crate in $1: its dependencies first (untimed), then the crate's first check (no incremental
# cache yet) and 3 checks after `touch src/lib.rs`. Prints "first_wall first_cpu peak_kb touch_wall touch_cpu".
check_crate() {
  local i deps first
  cd "$1"
  deps="$(sed -n '/^\[dependencies\]/,/^\[/ s/^\([A-Za-z0-9_-]*\) *=.*/-p \1/p' Cargo.toml)"
  # shellcheck disable=SC2086 # one word per `-p NAME`
  time_once cargo check -q $deps >/dev/null
  if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/first" cargo check -q >"$WORK/run.log" 2>&1; then
    echo "failed: cargo check in $1" >&2
    cat "$WORK/run.log" "$WORK/first" >&2
    exit 1
  fi
  first="$(awk 'END { printf "%.3f %.3f %d", $1, $2 + $3, $4 }' "$WORK/first")"
  for ((i = 0; i < 3; i++)); do
    touch src/lib.rs
    time_once cargo check -q
  done >"$WORK/times"
  cargo clean -q -p refund-apis # its incremental cache takes gigabytes at 500 providers
  echo "$first $(awk '{ print $1 }' "$WORK/times" | median) $(awk '{ print $2 }' "$WORK/times" | median)"
}

echo "building codegen and the synthetic example (release)..." >&2
(cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release -p codegen --bin codegen --example synthetic)

echo "writing the synthetic sets..." >&2
for providers in 500 1000 "${CRATES[@]}"; do
  [[ -d "$WORK/set$providers" ]] || "$SYNTHETIC" "$WORK/set$providers" "$providers" 2>/dev/null
done

echo "timing codegen check and generate..." >&2
times="$(cd "$ROOT" && repeat 10 "$CODEGEN" check schemas generated)"
read -r check_wall check_cpu <<<"$times"
declare -A gen_wall gen_cpu
for providers in 500 1000; do
  for run in 1 2 3; do
    time_once "$CODEGEN" generate "$WORK/set$providers" "$WORK/out$providers-$run"
  done >"$WORK/times"
  gen_wall[$providers]="$(awk '{ print $1 }' "$WORK/times" | median)"
  gen_cpu[$providers]="$(awk '{ print $2 }' "$WORK/times" | median)"
  rm -rf "$WORK/out$providers"-*
done

echo "measuring the 1000/500 ratio interleaved in one process (cargo bench --bench scaling)..." >&2
if ! scaling="$(cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target" cargo bench -q -p codegen --bench scaling 2>"$WORK/scaling.log")"; then
  cat "$WORK/scaling.log" >&2
  exit 1
fi

echo "timing cargo check of the generated crates (slow: minutes per crate)..." >&2
mkdir -p "$WORK/crate5"
cp -r "$ROOT/generated/src" "$WORK/crate5/"
for providers in "${CRATES[@]}"; do
  time_once "$CODEGEN" generate "$WORK/set$providers" "$WORK/crate$providers" >/dev/null
done
declare -A label types first_wall first_cpu peak touch_wall touch_cpu skipped
label[5]="the five schemas"
previous=""
for crate in 5 "${CRATES[@]}"; do
  make_crate "$WORK/crate$crate"
  types[$crate]="$(count_types "$WORK/crate$crate")"
  label[$crate]="${label[$crate]:-$crate synthetic providers}"
  if [[ -n "$previous" && "${CODEGEN_MEASURE_FORCE:-0}" != 1 ]]; then
    need_kb="$(calc "${peak[$previous]} * ${types[$crate]} / ${types[$previous]}")"
    have_kb="$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)"
    if awk -v n="$need_kb" -v h="$have_kb" 'BEGIN { exit !(n > 0.8 * h) }'; then
      skipped[$crate]="$(printf 'skipped: needs ~%.0f GB (%d types at %.1f MB each), %.0f GB available' \
        "$(calc "$need_kb / 1048576")" "${types[$crate]}" "$(calc "${peak[$previous]} / ${types[$previous]} / 1024")" \
        "$(calc "$have_kb / 1048576")")"
      continue
    fi
  fi
  echo "  cargo check: ${label[$crate]} (${types[$crate]} types)..." >&2
  times="$(check_crate "$WORK/crate$crate")"
  read -r "first_wall[$crate]" "first_cpu[$crate]" "peak[$crate]" "touch_wall[$crate]" "touch_cpu[$crate]" <<<"$times"
  if ((crate != 5)); then previous="$crate"; fi # synthetic crates predict each other's memory; the real one does not
done

echo
row "measurement" "wall" "user+sys" "target" ""
row "codegen check schemas generated, median of 10" "$check_wall s" "$check_cpu s" "< 0.050 s" \
  "$(verdict "$check_wall" 0.050)"
row "codegen generate, 500 providers, median of 3" "${gen_wall[500]} s" "${gen_cpu[500]} s" "< 2 s" \
  "$(verdict "${gen_wall[500]}" 2)"
row "codegen generate, 1000 providers, median of 3" "${gen_wall[1000]} s" "${gen_cpu[1000]} s" "" ""
ratio_wall="$(calc "${gen_wall[1000]} / ${gen_wall[500]}")"
row "  ratio 1000/500 (processes)" "$ratio_wall" "$(calc "${gen_cpu[1000]} / ${gen_cpu[500]}")" "<= 2.2" \
  "$(verdict "$ratio_wall" 2.2)"
# The bench prints "run 1: 500 providers 2.604 s, 1000 providers 5.227 s, ratio 2.008 (target <= 2.2)".
grep '^run ' <<<"$scaling" | awk '{ print $2, $5, $9, $12 }' | while read -r run small large ratio; do
  row "  ratio 1000/500 interleaved in one process, run ${run%:}" "$ratio" "" "<= 2.2" "$(verdict "$ratio" 2.2)"
  row "    render, fastest quarter: 500 | 1000 providers" "$small s" "$large s" "" ""
done
for crate in 5 "${CRATES[@]}"; do
  if [[ -n "${skipped[$crate]:-}" ]]; then
    row "cargo check, ${label[$crate]} (${types[$crate]} types)" "${skipped[$crate]}" "" "" ""
    continue
  fi
  row "cargo check after touch, ${label[$crate]}, median of 3" "${touch_wall[$crate]} s" "${touch_cpu[$crate]} s" "" ""
  row "  per generated type (${types[$crate]} structs and enums)" \
    "$(calc "1000 * ${touch_wall[$crate]} / ${types[$crate]}") ms" \
    "$(calc "1000 * ${touch_cpu[$crate]} / ${types[$crate]}") ms" "" ""
  row "  first check of the crate, peak $(calc "${peak[$crate]} / 1048576") GB" "${first_wall[$crate]} s" \
    "${first_cpu[$crate]} s" "" ""
  row "    per generated type" "$(calc "1000 * ${first_wall[$crate]} / ${types[$crate]}") ms" \
    "$(calc "1000 * ${first_cpu[$crate]} / ${types[$crate]}") ms" "" ""
done
