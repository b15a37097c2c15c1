#!/usr/bin/env bash
# Fuzzes khuyenhoc's entry points with libFuzzer: the query lexer, parser and resolver (FuzzQuery),
# queries evaluated over the seeds (FuzzEvaluate), the figures and regions CSV loaders (FuzzFigures,
# FuzzRegions; the fast stream reader checked against the sequential one) and the notebook JSON reader
# with the kernel's request loop (FuzzNotebookJSON). Not part of the tests: it takes minutes.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   # SECONDS per target, default 60; default every target
#
# It installs what is missing, builds the Fuzz/ package (release, AddressSanitizer, libFuzzer), writes
# the seed corpora from the golden files, notebooks and seeds (Fuzz/make-corpus.py), then runs each
# target for SECONDS and prints how many inputs it ran and what it found. Everything it writes is under
# Fuzz/work/ (ignored by git): corpus/TARGET (inputs libFuzzer kept, reused next time), seeds/TARGET,
# crashes/TARGET (reproducers: crash-*, timeout-*, oom-*, leak-*), logs/. A crash, a hang (over 10 s
# for one input) or running out of memory (over 2 GiB) stops a run, and the target is run again for the
# time left, up to five runs. The exit status is 1 when anything was found.
#
# To replay a reproducer: Fuzz/.build/release/TARGET Fuzz/work/crashes/TARGET/crash-…
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzQuery FuzzEvaluate FuzzFigures FuzzRegions FuzzNotebookJSON)
case "$seconds" in ''|*[!0-9]*) echo "fuzz: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac

./scripts/setup.sh
if ! command -v python3 >/dev/null 2>&1; then
  echo "fuzz: python3 is needed to write the seed corpora" >&2
  exit 1
fi

# -use-ld=lld: gold crashes (internal error in format_file_lineno) linking the sanitized build tool.
flags=(-c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld)
echo "fuzz: building the fuzz targets (the first build takes several minutes)" >&2
swift build "${flags[@]}" 2>&1 | grep -v -e '^\[' -e 'prohibited flag' -e 'Cannot export local symbol' >&2 || true
bin="$(swift build "${flags[@]}" --show-bin-path)"
for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "fuzz: $bin/$target was not built" >&2; exit 1; }
done

work=Fuzz/work
python3 Fuzz/make-corpus.py "$work/seeds" >/dev/null
mkdir -p "$work/logs"

# The toolchain's symbolizer names the frames of a stack; the Swift runtime's own backtracer is off,
# since it holds a crashing child for long minutes and libFuzzer prints the stack itself.
symbolizer="$(dirname "$(command -v swift)")/llvm-symbolizer"
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export SWIFT_BACKTRACE=enable=no
# Leak checking is off: Swift's runtime keeps caches that LeakSanitizer cannot always see as reachable.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"

options() {
  case "$1" in
    FuzzQuery) echo "-max_len=4096 -dict=Fuzz/Dictionaries/query.dict" ;;
    FuzzEvaluate) echo "-max_len=1024 -dict=Fuzz/Dictionaries/query.dict" ;;
    FuzzFigures) echo "-max_len=8192 -dict=Fuzz/Dictionaries/csv.dict" ;;
    FuzzRegions) echo "-max_len=4096 -dict=Fuzz/Dictionaries/csv.dict" ;;
    FuzzNotebookJSON) echo "-max_len=32768 -dict=Fuzz/Dictionaries/json.dict" ;;
  esac
}

found_any=0
summary=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target" crashes="$work/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  before="$(ls "$crashes")"
  left="$seconds" executions=0 runs=0
  while [ "$left" -gt 0 ] && [ "$runs" -lt 5 ]; do
    runs=$((runs + 1))
    log="$work/logs/$target-$runs.log"
    start=$(date +%s)
    # shellcheck disable=SC2046
    "$bin/$target" -max_total_time="$left" -print_final_stats=1 -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 \
      $(options "$target") -artifact_prefix="$crashes/" "$corpus" "$work/seeds/$target" >"$log" 2>&1 && status=0 || status=$?
    n="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    executions=$((executions + ${n:-0}))
    left=$((left - ($(date +%s) - start)))
    [ "$status" -eq 0 ] && break
    echo "fuzz: $target stopped (status $status) after ${n:-?} inputs; log $log" >&2
    # What broke, and the frames of the library's own code.
    grep -m3 -E 'Fatal error|invariant broken|ERROR: (AddressSanitizer|libFuzzer)|ALARM|out-of-memory' "$log" | cut -c1-300 >&2 || true
    grep -E '^ +#[0-9]+ .* in .*(/Sources/|/Fuzz/)' "$log" | head -8 | cut -c1-240 >&2 || true
  done
  new="$(comm -13 <(echo "$before") <(ls "$crashes"))"
  plural=""; [ "$runs" -gt 1 ] && plural="s"
  line="$target: $executions inputs in ${seconds} s ($runs run$plural)"
  if [ -n "$new" ]; then
    found_any=1
    line+=", found: $(echo "$new" | sed "s|^|$crashes/|" | tr '\n' ' ')"
  else
    line+=", nothing found"
  fi
  summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
exit "$found_any"
