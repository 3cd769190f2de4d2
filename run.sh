#!/usr/bin/env bash
# Runs ReferenceFlow locally on http://localhost:5080 with Azurite and demo data.
# Extra arguments and ReferenceFlow__… environment variables pass through to the app.
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

ensure_dotnet
ensure_node_modules
ensure_azurite

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
log "Building"
dotnet build src/Web/Web.csproj -c Debug --nologo -v q -clp:ErrorsOnly
log "Serving on $ASPNETCORE_URLS (Ctrl+C stops the app and what this script started)"
dotnet run --project src/Web/Web.csproj --no-build --no-launch-profile -- "$@"
