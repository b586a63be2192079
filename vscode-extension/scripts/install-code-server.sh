#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) from the npm registry alone, for the end-to-end tests.
# GitHub downloads are unreachable in CI, so native modules compile from source (Debian build deps in
# .ci/test-packages.txt) and ripgrep comes from Debian. The install is cached: a rerun with a complete
# install returns at once.
# Usage: install-code-server.sh [DEST]   (default ~/.cache/homeport/code-server-$VERSION); prints the binary path
set -euo pipefail
VERSION=4.100.3
DEST=${1:-${HOMEPORT_CODE_SERVER_DIR:-$HOME/.cache/homeport/code-server-$VERSION}}
BIN=$DEST/node_modules/.bin/code-server
if [ -f "$DEST/.complete" ] && [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
command -v rg >/dev/null || { echo "code-server needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
mkdir -p "$DEST"
cd "$DEST"
{
  [ -f package.json ] || npm init -y >/dev/null
  npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund
  # argon2's prebuilt binary comes from GitHub: build it instead
  npm rebuild argon2 --foreground-scripts
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund
  # @vscode/ripgrep's postinstall downloads rg from GitHub and skips when bin/ exists: use Debian's
  mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # native modules (node-pty, spdlog, kerberos, watcher...) compile from source; node-pty runs `npx node-gyp`
  npm_config_yes=true npm rebuild --foreground-scripts
  # the rest of code-server's own postinstall.sh
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --no-audit --no-fund)
  "$BIN" --version
} >"$DEST/install.log" 2>&1 || { tail -40 "$DEST/install.log" >&2; echo "code-server install failed (log $DEST/install.log)" >&2; exit 1; }
touch "$DEST/.complete"
echo "$BIN"
