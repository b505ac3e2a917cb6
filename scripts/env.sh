# Sourced by the other scripts: puts the project's npm tools (wasm-opt) and cargo's binaries on
# PATH and names the browser the tests drive.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
