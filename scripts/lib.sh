# Shared by run.sh and test.sh: install what is missing, start what is not running,
# and stop on exit only what this script started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STARTED_PIDS=()

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

stop_started() {
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap stop_started EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required but not on PATH. $2" >&2; exit 1; }
}

ensure_node_modules() {
  require node "Install Node.js 20 or later."
  require npm "Install npm with Node.js."
  # axe-core has no binary: the browser tests read its script from node_modules.
  if [ ! -x "$ROOT/node_modules/.bin/azurite" ] || [ ! -x "$ROOT/node_modules/.bin/maildev" ] \
    || [ ! -f "$ROOT/node_modules/axe-core/axe.min.js" ]; then
    log "Installing local components (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_dotnet() {
  require dotnet "Install the .NET 10 SDK."
}

# Azurite on its default ports 10000-10002, files under data/azurite.
ensure_azurite() {
  if port_open 10000 || port_open 10001 || port_open 10002; then
    log "Azure Storage emulator already listening on 10000-10002; using it"
    return
  fi
  mkdir -p "$ROOT/data/azurite"
  log "Starting Azurite (data/azurite)"
  "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --location "$ROOT/data/azurite" >"$ROOT/data/azurite/azurite.log" 2>&1 &
  STARTED_PIDS+=("$!")
  for _ in $(seq 1 100); do
    port_open 10000 && port_open 10001 && port_open 10002 && return
    sleep 0.2
  done
  echo "error: Azurite did not start; see data/azurite/azurite.log" >&2
  exit 1
}

# Browser tests drive Debian's Chromium; Playwright's own download cannot work offline.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing Chromium for browser tests (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: chromium is missing and cannot be installed here; browser tests will fail" >&2
  fi
}
