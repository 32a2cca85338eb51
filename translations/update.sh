#!/usr/bin/env bash
# translations/update.sh — refresh the translation catalogues from the sources.
#
#   translations/update.sh            scan core/ app/ modules/ into tambo_es_PE.ts and tambo_en.ts
#
# tambo_es_PE.ts gets every tr() string of the C++ sources (and .ui files, if any): translate the
# new ones in Qt Linguist (`linguist translations/tambo_es_PE.ts`) until none is "unfinished";
# tests/translations fails otherwise. tambo_en.ts only holds the plural forms (-pluralonly):
# English is the source language. Strings no longer in the code are dropped (-no-obsolete).
# The .qm files are made by the build (qt_add_lrelease) and embedded in tambo_shell.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LUPDATE="${LUPDATE:-}"
if [ -z "$LUPDATE" ]; then
    for candidate in lupdate /usr/lib/qt6/bin/lupdate /usr/lib/qt6/libexec/lupdate; do
        if command -v "$candidate" >/dev/null 2>&1; then
            LUPDATE="$candidate"
            break
        fi
    done
fi
[ -n "$LUPDATE" ] || { echo "update.sh: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 1; }

DIRS=()
for d in core app modules; do
    [ -d "$d" ] && DIRS+=("$d")
done

COMMON=(-extensions cpp,h,ui -locations none -no-obsolete -silent)
"$LUPDATE" "${COMMON[@]}" "${DIRS[@]}" -target-language es_PE -ts translations/tambo_es_PE.ts
"$LUPDATE" "${COMMON[@]}" -pluralonly "${DIRS[@]}" -target-language en -ts translations/tambo_en.ts

unfinished=$(grep -c 'type="unfinished"' translations/tambo_es_PE.ts || true)
echo "tambo_es_PE.ts: ${unfinished} unfinished message(s)"
