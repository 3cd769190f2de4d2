#!/usr/bin/env bash
# Builds and runs every test suite against real local components; the last line is
#   Tests: N passed, N failed, N skipped
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

ensure_dotnet
ensure_node_modules
ensure_chromium
ensure_azurite

results="$ROOT/TestResults"
rm -rf "$results"; mkdir -p "$results"

log "Building"
if ! dotnet build ReferenceFlow.sln -c Debug --nologo -v q -clp:ErrorsOnly; then
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

broken=0
for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  log "Testing $name"
  if ! dotnet test "$proj" --no-build -c Debug --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" >"$results/$name.log" 2>&1; then
    # each failure with its message and the test's own output (a fault run prints its table there), so a CI log says why
    grep -A 70 -E '^\s+Failed [A-Za-z]' "$results/$name.log" | head -200 >&2 || true
  fi
  if [ ! -f "$results/$name.trx" ]; then
    echo "error: $name produced no results; see TestResults/$name.log" >&2
    tail -20 "$results/$name.log" >&2
    broken=$((broken + 1))
  fi
  grep -E '^(Passed!|Failed!|Total tests|\s+(Passed|Failed|Skipped):)' "$results/$name.log" | tail -1 >&2 || true
done

count() { # sum one attribute of the <Counters> element over every .trx file
  local sum=0 n
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    n=$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
    sum=$((sum + ${n:-0}))
  done
  echo "$sum"
}
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + broken ))
total=$(count total)
skipped=$(( total - passed - $(count failed) - $(count error) - $(count timeout) ))
[ "$skipped" -lt 0 ] && skipped=0

echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
