#!/bin/sh
# Installs node_modules from package-lock.json on a machine where only the npm registry is reachable.
# scripts/install.mjs (npm test, npm run demo) calls this when node_modules is missing or stale.
set -eu
cd "$(dirname "$0")/.."
# npm runs the root package's preinstall only after the dependencies are installed, so the ripgrep seed
# for code-server's nested install has to happen here, before npm ci.
sh scripts/seed-ripgrep.sh
# unsafe_perm: code-server's postinstall.sh refuses to run as root under npm without it
# yes:         node-pty's postinstall runs `npx node-gyp ...`; a user or global `yes=false` would cancel it
# nodedir:     node-gyp takes Node's headers from the nodejs package instead of downloading them
export npm_config_unsafe_perm=true npm_config_yes=true
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
exec npm ci --no-audit --no-fund "$@"
