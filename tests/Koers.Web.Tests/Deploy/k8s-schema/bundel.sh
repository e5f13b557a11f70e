#!/usr/bin/env bash
# Rebuilds k8s-schema.cjs from package.json (pinned versions, package-lock.json) and valideer.mjs.
# The result is committed, so tests need neither npm nor network; rerun after changing a version.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild valideer.mjs --bundle --platform=node --format=cjs --minify --legal-comments=eof --outfile=k8s-schema.cjs
rm -rf node_modules
