#!/usr/bin/env bash
# Installs what building and testing Explainer needs, skipping whatever is already there at the
# right version. Safe to run again. Tools and the versions it installs:
#   rust target wasm32-unknown-unknown    (rustup)
#   trunk 0.21.14                          (cargo install; 0.22 needs a newer rustc)
#   wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock
#   geckodriver 0.37.1                     (cargo install; runs the wasm browser tests in Firefox)
#   chromium + chromedriver, brotli        (Debian packages; needs root)
#   poppler-utils                          (Debian: pdftotext reads the print test's PDFs)
#   firefox-esr, webkit2gtk-driver, xvfb   (Debian packages: the other two engines the
#                                           end-to-end suite runs in; WebKit needs a display)
#   binaryen (wasm-opt), terser, puppeteer-core, @sinonjs/fake-timers, axe-core, pngjs
#                                          (npm, from package-lock.json)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 6 minutes)"
  # Not --locked: the registry here lacks some of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if [ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  # Not --locked, as for wasm-bindgen-cli.
  cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# Runs the W3C's Nu HTML checker (npm's vnu-jar) on the built pages (tests/dist/html.test.mjs).
command -v java >/dev/null || missing+=(default-jre-headless)
# Reads the share image back (tests/card.rs): an OCR engine, and its English, Spanish and Arabic.
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
for language in eng spa ara; do
  tesseract --list-langs 2>/dev/null | grep -qx "$language" || missing+=("tesseract-ocr-$language")
done
# A real WordPress for tests/e2e/wordpress.test.mjs: Debian's, with MariaDB and PHP's own server.
[ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || missing+=(wordpress-theme-twentytwentythree)
command -v mariadbd >/dev/null || missing+=(mariadb-server)
command -v php >/dev/null || missing+=(php-cli)
for module in mysqli curl xml mbstring; do
  package=php-$module
  [ "$module" = mysqli ] && package=php-mysql
  php -m 2>/dev/null | grep -qix "$module" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: ${missing[*]} missing and not root; install them with apt-get" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/@sinonjs/fake-timers ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/pngjs ] || [ ! -x node_modules/.bin/terser ] \
  || [ ! -d node_modules/pym.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -x node_modules/@esbuild/linux-x64/bin/esbuild ] || [ ! -x node_modules/lightningcss-cli-linux-x64-gnu/lightningcss ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
