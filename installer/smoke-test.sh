#!/usr/bin/env bash
# Proves the installer's app image works: builds it from the jar that `mvn verify` just made (no
# second Maven build), then runs its launcher headless (no DISPLAY, no JDK on the path) with
# --version, every sub-command's --help, an import, `datasets` and `tabulate` on a workspace in a
# temporary folder. Run by .ci/run after the tests; about two minutes on 2 cores.
#
#   bash installer/smoke-test.sh [--no-build]    (--no-build: test the image already built)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != --no-build ]; then
  bash installer/build.sh --app-image --skip-jar
fi
launcher=$(pwd)/installer/target/StatBench/bin/StatBench
sample=$(pwd)/sample-data/src/main/resources/org/statbench/sampledata/housing_benefit.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# Run the launcher as an installed user would: no display, no JDK, HOME in a temporary folder.
run() {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 "$launcher" "$@"
}
expect() { # expect EXIT-CODE DESCRIPTION -- ARGS...
  local want=$1 what=$2
  shift 3
  local got=0
  run "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
  if [ "$got" = "$want" ]; then
    echo "ok   $what"
  else
    echo "FAIL $what: exit $got, expected $want"
    sed 's/^/     | /' "$tmp/err" | head -20
    failures=$((failures + 1))
  fi
}

echo "smoke test of $launcher"
expect 0 "--version" -- --version
grep -q '^StatBench ' "$tmp/out" || { echo "FAIL --version printed: $(cat "$tmp/out")"; failures=$((failures + 1)); }

for sub in import datasets tabulate check protect export cohort join "bench import" "audit verify"; do
  # shellcheck disable=SC2086 # "bench import" is two words on purpose
  expect 0 "$sub --help" -- $sub --help
done

expect 0 "import of a sample extract" -- import --db "$tmp/ws" --name housing --file "$sample"
expect 0 "datasets" -- datasets --db "$tmp/ws"
grep -q 'housing' "$tmp/out" || { echo "FAIL datasets does not list the import: $(cat "$tmp/out")"; failures=$((failures + 1)); }
expect 0 "tabulate" -- tabulate --db "$tmp/ws" --dataset housing --rows tenure --out "$tmp/t.csv"
grep -q '^tenure,measure,value$' "$tmp/t.csv" || { echo "FAIL tabulate wrote: $(head -2 "$tmp/t.csv")"; failures=$((failures + 1)); }
expect 2 "bad input exits 2" -- import --db "$tmp/ws" --name nope --file "$tmp/missing.csv"

if [ -d "$tmp/home" ] && [ -n "$(ls -A "$tmp/home" 2> /dev/null)" ]; then
  echo "note: the CLI wrote to the user's home: $(ls -A "$tmp/home" | tr '\n' ' ')"
fi
if [ "$failures" -gt 0 ]; then
  echo "smoke test: $failures failure(s)"
  exit 1
fi
echo "smoke test: all passed"
