#!/bin/sh
# with-keyring.sh COMMAND [ARGS...]
# Runs COMMAND against a real Secret Service: a private D-Bus session (dbus-run-session) with
# GNOME Keyring started and unlocked inside it, HOME and the XDG folders in a temporary folder
# that is removed afterwards. Nothing of the user's own keyring or session bus is touched.
# Used by CTest for the tests labelled "keychain"; needs dbus and gnome-keyring.
set -eu

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing (install dbus and gnome-keyring)" >&2
        exit 1
    fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/tambo-keyring.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"

export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
# QtKeychain picks KWallet on KDE desktops; the test wants the Secret Service.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION

status=0
dbus-run-session -- sh -c '
    # --unlock reads the password of the login keyring from stdin and creates it the first time.
    printf %s tambo-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"
' with-keyring "$@" || status=$?
exit "$status"
