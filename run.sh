#!/usr/bin/env bash
# Runs ReferenceFlow locally on http://localhost:5080 with Azurite and demo data.
# Extra arguments and ReferenceFlow__… environment variables pass through to the app.
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

ensure_dotnet
ensure_node_modules
ensure_azurite

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# `--urls` moves the app, and the links in its email follow unless ReferenceFlow__Actions__BaseUrl says otherwise.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --urls) ASPNETCORE_URLS="${args[i + 1]:-}" ;;
    --urls=*) ASPNETCORE_URLS="${args[i]#--urls=}" ;;
  esac
done
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
first_url="${ASPNETCORE_URLS%%;*}"
export ReferenceFlow__Actions__BaseUrl="${ReferenceFlow__Actions__BaseUrl:-$(sed -E 's#//(\*|\+|0\.0\.0\.0)(:|/|$)#//localhost\2#' <<< "$first_url")}"
log "Building"
dotnet build src/Web/Web.csproj -c Debug --nologo -v q -clp:ErrorsOnly
log "Serving on $ASPNETCORE_URLS, links in email to $ReferenceFlow__Actions__BaseUrl (Ctrl+C stops the app and what this script started)"
dotnet run --project src/Web/Web.csproj --no-build --no-launch-profile -- "$@"
