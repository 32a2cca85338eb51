#!/usr/bin/env bash
# tambo.sh — the README's commands.
#   ./tambo.sh run     install what is missing, build, start tambo on a local demo store
#   ./tambo.sh test    install what is missing, build, run every test (all CTest labels)
#   ./tambo.sh deps    only install the Debian packages and the pinned SQLCipher amalgamation
#   ./tambo.sh build   deps + configure + build (preset dev, or TAMBO_PRESET)
#   ./tambo.sh bench   build the release preset and run the benchmarks in bench/
#   ./tambo.sh format  clang-format every source
# Idempotent: a second call installs nothing and builds incrementally. Works as root or with sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

CACHE="$ROOT/.cache/deps"
SQLCIPHER_NPM="@journeyapps/sqlcipher@6.0.0"
SQLCIPHER_TGZ="journeyapps-sqlcipher-6.0.0.tgz"
SQLCIPHER_SHA256="ad3ee0e551de315b230db78e2294d41868b5c166d44c0c87da35fb6b87bde54c"
SQLCIPHER_DIR="$CACHE/sqlcipher-amalgamation"

DEBIAN_PACKAGES=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-psql libgl-dev
    qtkeychain-qt6-dev libsodium-dev libssl-dev libpq-dev libcpp-httplib-dev libzint-dev libzxing-dev
    poppler-utils
    libbenchmark-dev
    postgresql
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    clang-format
)

say() { printf '\033[1m[tambo]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[tambo] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "hace falta root o sudo para instalar paquetes: $*"
    fi
}

deps_debian() {
    local missing=()
    for p in "${DEBIAN_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    # npm fetches the pinned SQLCipher tarball; any npm will do (Debian's package when none).
    if ! command -v npm >/dev/null 2>&1; then
        missing+=(npm)
    fi
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    say "instalando paquetes de Debian: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || die "apt-get update falló (¿sin conexión al repositorio de Debian?)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" || die "apt-get install falló para: ${missing[*]}"
}

deps_sqlcipher() {
    if [ -f "$SQLCIPHER_DIR/sqlite3.c" ] && [ -f "$SQLCIPHER_DIR/.sha256" ] \
        && [ "$(cat "$SQLCIPHER_DIR/.sha256")" = "$SQLCIPHER_SHA256" ]; then
        return 0
    fi
    mkdir -p "$CACHE"
    local tgz="$CACHE/$SQLCIPHER_TGZ"
    if [ ! -f "$tgz" ]; then
        say "descargando SQLCipher 4 ($SQLCIPHER_NPM) del registro npm"
        (cd "$CACHE" && npm pack --silent "$SQLCIPHER_NPM" >/dev/null 2>"$CACHE/npm-pack.log") \
            || die "no se pudo descargar $SQLCIPHER_NPM (¿sin conexión?). Detalle: $CACHE/npm-pack.log. Sin conexión, copie $SQLCIPHER_TGZ a $CACHE/"
    fi
    local got
    got="$(sha256sum "$tgz" | cut -d' ' -f1)"
    if [ "$got" != "$SQLCIPHER_SHA256" ]; then
        mv "$tgz" "$tgz.rejected"
        die "SHA-256 de $SQLCIPHER_TGZ no coincide: esperado $SQLCIPHER_SHA256, obtenido $got. El archivo quedó en $tgz.rejected y no se usa."
    fi
    local tmp
    tmp="$(mktemp -d)"
    tar -xzf "$tgz" -C "$tmp" package/deps/sqlcipher-amalgamation
    rm -rf "$SQLCIPHER_DIR"
    mv "$tmp/package/deps/sqlcipher-amalgamation" "$SQLCIPHER_DIR"
    rm -rf "$tmp"
    echo "$SQLCIPHER_SHA256" >"$SQLCIPHER_DIR/.sha256"
    say "SQLCipher 4 listo en $SQLCIPHER_DIR"
}

deps() {
    deps_debian
    deps_sqlcipher
}

# --- devcert: development TLS certificate for tambo-server (issue 3, ADR 0004) ----------------
# Self-signed, CN=localhost with SAN localhost + 127.0.0.1, in .cache/devcert/ (ignored by git).
# Made only when missing; delete the folder to get a new one. Never use it in production.
DEVCERT_DIR="$ROOT/.cache/devcert"
devcert() {
    local cert="$DEVCERT_DIR/server.crt" key="$DEVCERT_DIR/server.key"
    if [ -s "$cert" ] && [ -s "$key" ]; then
        return 0
    fi
    command -v openssl >/dev/null 2>&1 \
        || die "falta el programa openssl para crear el certificado de desarrollo (apt-get install openssl)"
    mkdir -p "$DEVCERT_DIR"
    chmod 700 "$DEVCERT_DIR"
    say "creando el certificado TLS de desarrollo de tambo-server en $DEVCERT_DIR"
    (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 \
        -keyout "$key.tmp" -out "$cert.tmp" \
        -subj "/CN=localhost/O=Tambo desarrollo" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$DEVCERT_DIR/openssl.log" 2>&1) \
        || die "openssl no pudo crear el certificado de desarrollo; detalle en $DEVCERT_DIR/openssl.log"
    mv "$key.tmp" "$key"
    mv "$cert.tmp" "$cert"
    chmod 644 "$cert" # public; the key stays 600
    rm -f "$DEVCERT_DIR/openssl.log"
}
# --- end devcert ---------------------------------------------------------------------------------

build() {
    local preset="${1:-${TAMBO_PRESET:-dev}}"
    deps
    devcert
    if [ ! -f "$ROOT/build/$preset/CMakeCache.txt" ]; then
        cmake --preset "$preset" >/dev/null || cmake --preset "$preset"
    fi
    cmake --build --preset "$preset" -j "$(nproc)"
}

run() {
    build dev
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        die "no hay pantalla (DISPLAY/WAYLAND_DISPLAY vacíos). Ejecute desde una sesión gráfica, o: xvfb-run ./tambo.sh run"
    fi
    say "iniciando tambo (almacén de demostración local)"
    exec "$ROOT/build/dev/app/tambo/tambo" "$@"
}

test_all() {
    local preset="${TAMBO_PRESET:-ci}"
    build "$preset"
    say "ejecutando todas las pruebas (etiquetas unit, gui, integration, keychain)"
    # Tests are independent processes (each PostgreSQL test starts its own cluster on a free
    # port), so they run side by side on every core.
    ctest --preset "$preset" -j "$(nproc)"
}

bench() {
    build release
    "$ROOT/bench/run-benchmarks.sh" "$ROOT/build/release"
}

cmd="${1:-}"
shift || true
case "$cmd" in
    deps) deps ;;
    build) build "$@" ;;
    run) run "$@" ;;
    test) test_all "$@" ;;
    bench) bench "$@" ;;
    format) build dev && cmake --build --preset dev --target format ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
