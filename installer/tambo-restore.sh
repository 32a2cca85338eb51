#!/usr/bin/env bash
# tambo-restore.sh — restaura una copia hecha por tambo-backup.sh. Ver docs/deployment.md,
# "Restaurar una copia".
#
#   tambo-restore.sh ARCHIVO.dump [--dbname NOMBRE] [--recreate] [--owner ROL]
#                    [--host H] [--port P] [--user U] [--bindir DIR]
#
#   --dbname    base destino (por defecto $PGDATABASE o tambo)
#   --recreate  borra la base destino (DROP DATABASE … WITH (FORCE)) y la crea de nuevo;
#               sin esta opción la base destino debe existir y estar vacía
#   --owner     rol dueño de la base y de lo restaurado (por defecto: los dueños de la copia)
#   --host/--port/--user/--bindir   como en tambo-backup.sh
#
# Antes de tocar nada comprueba el .sha256 (si está junto al archivo) y que pg_restore puede
# leer el archivo. Restaura en UNA transacción (--single-transaction --exit-on-error): una copia
# dañada o truncada no deja la base a medias. Luego adelanta el contador de versiones de la
# sincronización (las PCs que bajaron datos después de la copia lo tienen más adelante) y cierra
# todas las sesiones restauradas (los tokens volverían al estado de la copia: uno ya rotado o
# revocado después valdría otra vez); usuarios y PCs inician sesión de nuevo.
# Después: tambo-server --migrate y arrancar.
# Detenga tambo-server (todas las instancias) antes de restaurar.
# Códigos de salida: 0 bien, 1 falló, 2 uso incorrecto, 3 rechazado (suma de control, base no
# vacía).
set -euo pipefail

FILE=""
DBNAME="${PGDATABASE:-tambo}"
RECREATE=0
OWNER=""
BINDIR=""

die() { printf 'tambo-restore: %s\n' "$1" >&2; exit "${2:-1}"; }
usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --dbname) DBNAME="${2:?}"; shift 2 ;;
        --recreate) RECREATE=1; shift ;;
        --owner) OWNER="${2:?}"; shift 2 ;;
        --host) export PGHOST="${2:?}"; shift 2 ;;
        --port) export PGPORT="${2:?}"; shift 2 ;;
        --user) export PGUSER="${2:?}"; shift 2 ;;
        --bindir) BINDIR="${2:?}"; shift 2 ;;
        -h|--help) usage ;;
        -*) printf 'tambo-restore: opción desconocida: %s\n' "$1" >&2; usage ;;
        *) [ -z "$FILE" ] || usage; FILE="$1"; shift ;;
    esac
done

[ -n "$FILE" ] || usage
[ -f "$FILE" ] || die "no existe el archivo $FILE" 2
[[ "$DBNAME" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "nombre de base de datos no válido: $DBNAME" 2
[ -z "$OWNER" ] || [[ "$OWNER" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "rol no válido: $OWNER" 2

if [ -z "$BINDIR" ] && [ -x /usr/lib/postgresql/15/bin/pg_restore ]; then
    BINDIR=/usr/lib/postgresql/15/bin
fi
tool() {
    if [ -n "$BINDIR" ]; then
        [ -x "$BINDIR/$1" ] || die "no existe $BINDIR/$1"
        printf '%s\n' "$BINDIR/$1"
    else
        command -v "$1" || die "falta $1 (apt-get install postgresql-client-15)"
    fi
}
PG_RESTORE="$(tool pg_restore)"
PSQL="$(tool psql)"

# 1. The file is the one that was written, and readable.
if [ -f "$FILE.sha256" ]; then
    (cd "$(dirname "$FILE")" && sha256sum --check --status "$(basename "$FILE").sha256") \
        || die "la suma SHA-256 de $FILE no coincide con $FILE.sha256: copia dañada o alterada; no se restaura" 3
else
    printf 'tambo-restore: aviso: no hay %s; no se comprueba la suma SHA-256\n' "$FILE.sha256" >&2
fi
"$PG_RESTORE" --list "$FILE" >/dev/null 2>&1 \
    || die "pg_restore no puede leer $FILE (¿no es una copia de tambo-backup.sh, o está truncada?)" 3

psql_admin() { "$PSQL" --no-password --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname=postgres "$@"; }

# 2. The target database: recreated, or existing and empty.
if [ "$RECREATE" -eq 1 ]; then
    owner_clause=""
    [ -z "$OWNER" ] || owner_clause="OWNER \"$OWNER\""
    psql_admin --command="DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" \
        || die "no se pudo borrar la base $DBNAME"
    psql_admin --command="CREATE DATABASE \"$DBNAME\" $owner_clause TEMPLATE template0 ENCODING 'UTF8'" \
        || die "no se pudo crear la base $DBNAME"
else
    tables="$("$PSQL" --no-password --no-psqlrc --tuples-only --no-align --dbname="$DBNAME" \
        --command="SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','S') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'")" \
        || die "no se puede abrir la base $DBNAME (créela vacía, o use --recreate)"
    [ "$tables" = "0" ] \
        || die "la base $DBNAME no está vacía ($tables objetos); no se sobrescribe. Use --recreate para reemplazarla" 3
fi

# 3. Restore, all or nothing.
args=(--dbname="$DBNAME" --no-password --single-transaction --exit-on-error)
[ -z "$OWNER" ] || args+=(--no-owner --role="$OWNER")
"$PG_RESTORE" "${args[@]}" "$FILE" || die "pg_restore falló; la base $DBNAME quedó como estaba antes de restaurar"
# 4. The PCs that pulled after the backup hold cursors past the restored versions: move the
#    version counter far ahead (10^9, years of changes) so every new change reaches them.
"$PSQL" --no-password --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$DBNAME" \
    --command="DO \$\$ BEGIN IF to_regclass('sync_change_seq') IS NOT NULL THEN PERFORM setval('sync_change_seq', (SELECT last_value FROM sync_change_seq) + 1000000000); END IF; END \$\$" \
    || die "la base $DBNAME se restauró, pero no se pudo adelantar el contador de versiones (sync_change_seq): hágalo antes de arrancar"
# 5. The restored tokens are each session as it stood at the backup: rotations, logouts and
#    revocations made after it are lost, so a refresh token spent (or a family revoked for theft)
#    after the backup would work again. End every restored session; users and PCs log in again
#    (devices stay registered, nothing local is lost).
"$PSQL" --no-password --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$DBNAME" \
    --command="DO \$\$ BEGIN IF to_regclass('tokens') IS NOT NULL THEN UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL; END IF; END \$\$" \
    || die "la base $DBNAME se restauró, pero no se pudieron cerrar las sesiones restauradas (UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL): hágalo antes de arrancar"
printf 'tambo-restore: %s restaurada desde %s. Ahora: tambo-server --config … --migrate, y arrancar el servicio.\n' \
    "$DBNAME" "$FILE" >&2
