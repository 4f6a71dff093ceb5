#!/usr/bin/env bash
# Measures the generator against the issue's targets and prints a table:
#   - `codegen check schemas generated` end to end, median of 10 runs (target: under 50 ms);
#   - `codegen generate` of synthetic sets of 500 and 1000 providers of 20 structs of 15 fields into empty
#     temporary folders, median of 3 (target: 500 under 2 s), and the 1000/500 ratio (target: at most 2.2);
#   - the same ratio by the team's noise rule: `benches/scaling.rs`, both sizes interleaved in one process, the
#     fastest quarter kept, run twice;
#   - `cargo check` of the generated crate after `touch src/lib.rs`, median of 3, for the five schemas and for the
#     500-provider set, in seconds and milliseconds per generated type (structs and enums).
#
# Usage: codegen/benches/measure.sh        (from anywhere; about ten minutes on two cores)
# Writes only under a temporary folder, removed at exit, and CODEGEN_MEASURE_TARGET (default
# /tmp/codegen-measure-target), the target folder of the temporary crates, kept so their dependencies build once.
# Verdicts compare the wall-clock median; user+sys is the CPU time of the same runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/codegen-measure.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
CHECK_TARGET="${CODEGEN_MEASURE_TARGET:-/tmp/codegen-measure-target}"
CODEGEN="$ROOT/target/release/codegen"
SYNTHETIC="$ROOT/target/release/examples/synthetic"
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

# Median of each column of "wall cpu" lines on stdin.
median() {
  sort -n -k1,1 | awk '{ w[NR] = $1 } END { print (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2) }'
}

# `repeat N CMD...` prints "wall cpu": the median wall and the median user+sys of N runs.
repeat() {
  local runs="$1" i
  shift
  for ((i = 0; i < runs; i++)); do time_once "$@"; done >"$WORK/times"
  echo "$(median <"$WORK/times") $(awk '{ print $2 }' "$WORK/times" | median)"
}

verdict() { # verdict VALUE LIMIT: whether VALUE <= LIMIT
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "met" : "MISSED") }'
}

row() { # row LABEL WALL CPU TARGET VERDICT
  printf '%-52s %10s %10s   %-10s %s\n' "$@"
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

# `cargo check` of the crate in $1 after touching src/lib.rs, once to warm, then timed 3 times: prints "wall cpu".
check_after_touch() {
  local i
  cd "$1"
  export CARGO_TARGET_DIR="$CHECK_TARGET"
  time_once cargo check -q >/dev/null
  for ((i = 0; i < 3; i++)); do
    touch src/lib.rs
    time_once cargo check -q
  done >"$WORK/times"
  echo "$(median <"$WORK/times") $(awk '{ print $2 }' "$WORK/times" | median)"
}

echo "building codegen and the synthetic example (release)..." >&2
(cd "$ROOT" && cargo build -q --release -p codegen --bin codegen --example synthetic)

echo "writing the synthetic sets..." >&2
for providers in 500 1000; do
  "$SYNTHETIC" "$WORK/set$providers" "$providers" 2>/dev/null
done

echo "timing codegen check and generate..." >&2
times="$(cd "$ROOT" && repeat 10 "$CODEGEN" check schemas generated)"
read -r check_wall check_cpu <<<"$times"
declare -A gen_wall gen_cpu
for providers in 500 1000; do
  for run in 1 2 3; do
    time_once "$CODEGEN" generate "$WORK/set$providers" "$WORK/out$providers-$run"
  done >"$WORK/times"
  gen_wall[$providers]="$(median <"$WORK/times")"
  gen_cpu[$providers]="$(awk '{ print $2 }' "$WORK/times" | median)"
  if ((providers == 500)); then mv "$WORK/out500-1" "$WORK/crate500"; fi
  rm -rf "$WORK/out$providers"-*
done
ratio_wall="$(awk -v a="${gen_wall[1000]}" -v b="${gen_wall[500]}" 'BEGIN { printf "%.3f", a / b }')"
ratio_cpu="$(awk -v a="${gen_cpu[1000]}" -v b="${gen_cpu[500]}" 'BEGIN { printf "%.3f", a / b }')"

echo "measuring the 1000/500 ratio interleaved in one process (cargo bench --bench scaling)..." >&2
if ! scaling="$(cd "$ROOT" && cargo bench -q -p codegen --bench scaling 2>"$WORK/scaling.log")"; then
  cat "$WORK/scaling.log" >&2
  exit 1
fi

echo "timing cargo check of the generated crates (the first build of their dependencies is slow)..." >&2
mkdir -p "$WORK/crate5"
cp -r "$ROOT/generated/src" "$WORK/crate5/"
make_crate "$WORK/crate5"
make_crate "$WORK/crate500"
declare -A types compile_wall compile_cpu
for crate in 5 500; do
  types[$crate]="$(count_types "$WORK/crate$crate")"
  times="$(check_after_touch "$WORK/crate$crate")"
  read -r "compile_wall[$crate]" "compile_cpu[$crate]" <<<"$times"
done

echo
row "measurement" "wall" "user+sys" "target" ""
row "codegen check schemas generated, median of 10" "$check_wall s" "$check_cpu s" "< 0.050 s" \
  "$(verdict "$check_wall" 0.050)"
row "codegen generate, 500 providers, median of 3" "${gen_wall[500]} s" "${gen_cpu[500]} s" "< 2 s" \
  "$(verdict "${gen_wall[500]}" 2)"
row "codegen generate, 1000 providers, median of 3" "${gen_wall[1000]} s" "${gen_cpu[1000]} s" "" ""
row "  ratio 1000/500 (processes)" "$ratio_wall" "$ratio_cpu" "<= 2.2" "$(verdict "$ratio_wall" 2.2)"
# The bench prints "run 1: 500 providers 2.604 s, 1000 providers 5.227 s, ratio 2.008 (target <= 2.2)".
grep '^run ' <<<"$scaling" | awk '{ print $2, $5, $9, $12 }' | while read -r run small large ratio; do
  row "  ratio 1000/500 interleaved in one process, run ${run%:}" "$ratio" "" "<= 2.2" "$(verdict "$ratio" 2.2)"
  row "    render: 500 / 1000 providers, fastest quarter" "$small s" "$large s" "" ""
done
declare -A crate_label=([5]="the five schemas" [500]="500 providers")
for crate in 5 500; do
  row "cargo check after touch, ${crate_label[$crate]}, median of 3" "${compile_wall[$crate]} s" \
    "${compile_cpu[$crate]} s" "" ""
  row "  per generated type (${types[$crate]} structs and enums)" \
    "$(awk -v s="${compile_wall[$crate]}" -v n="${types[$crate]}" 'BEGIN { printf "%.3f ms", 1000 * s / n }')" \
    "$(awk -v s="${compile_cpu[$crate]}" -v n="${types[$crate]}" 'BEGIN { printf "%.3f ms", 1000 * s / n }')" "" ""
done
