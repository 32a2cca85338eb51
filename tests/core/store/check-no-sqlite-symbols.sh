#!/bin/sh
# check-no-sqlite-symbols.sh BINARY...
# SQLCipher is linked statically into every binary that uses tambo_core, with hidden symbols:
# no sqlite3_*/sqlcipher_* symbol may appear in a binary's dynamic symbol table (where Qt's
# QSQLITE plugin or a system libsqlite3 could bind to it, or it to them), and no shared SQLite
# library may be needed. To show the check looks at the right thing, SQLCipher's code must be
# present in the binary (static symbol table, as local symbols).
set -eu
status=0
for bin in "$@"; do
    if [ ! -f "$bin" ]; then
        echo "FAIL: $bin does not exist (build it first)"
        status=1
        continue
    fi
    exported="$(nm -D --defined-only "$bin" | awk '{print $NF}' | grep -E '^_?(sqlite3|sqlcipher)_' || true)"
    if [ -n "$exported" ]; then
        echo "FAIL: $bin exports $(echo "$exported" | wc -l) SQLite symbols, e.g.:"
        echo "$exported" | head -5
        status=1
    fi
    needed="$(readelf -d "$bin" | grep NEEDED | grep -Ei 'sqlite|sqlcipher' || true)"
    if [ -n "$needed" ]; then
        echo "FAIL: $bin needs a shared SQLite library: $needed"
        status=1
    fi
    if ! nm --defined-only "$bin" 2>/dev/null | grep -Eq ' [tT] sqlite3_key_v2$'; then
        echo "FAIL: $bin does not contain SQLCipher (sqlite3_key_v2 not found in its symbol table)"
        status=1
    fi
    [ "$status" -eq 0 ] && echo "ok: $bin links SQLCipher statically and exports none of it"
done
exit "$status"
