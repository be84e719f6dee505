#!/usr/bin/env bash
# Copies the composed supergraph (schema/supergraph.graphql, written by `npm run compose`) into
# deploy/, where kustomize's configMapGenerator may read it (it refuses files outside deploy/).
#   deploy/sync-supergraph.sh            copy it (run after `npm run compose`)
#   deploy/sync-supergraph.sh --check    exit 1 when deploy/supergraph.graphql is stale (for CI)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="$here/../schema/supergraph.graphql"
target="$here/supergraph.graphql"
[ -f "$source" ] || { echo "no $source: run npm run compose first" >&2; exit 1; }
if [ "${1:-}" = "--check" ]; then
  cmp -s "$source" "$target" || { echo "deploy/supergraph.graphql differs from schema/supergraph.graphql: run deploy/sync-supergraph.sh" >&2; exit 1; }
  echo "deploy/supergraph.graphql is up to date"
else
  cp "$source" "$target"
  echo "copied schema/supergraph.graphql to deploy/supergraph.graphql"
fi
