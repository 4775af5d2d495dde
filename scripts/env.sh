# Sourced by the other scripts: tool locations and pinned versions, in one place.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen library in Cargo.lock, byte for byte.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
export BINARYEN_VERSION="132"
export GECKODRIVER_VERSION="0.36.0"
# Trunk must never try to download a tool: it finds them on PATH or fails clearly.
export TRUNK_OFFLINE=true
export TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
