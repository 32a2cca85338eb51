#!/usr/bin/env bash
# tambo-backup.sh — copia de respaldo de la base de datos de tambo-server (pg_dump, formato
# custom), verificada y con retención. Ver docs/deployment.md, "Copias de respaldo".
#
#   tambo-backup.sh [--dir DIR] [--keep-days N] [--dbname NOMBRE]
#                   [--host H] [--port P] [--user U] [--bindir DIR]
#
#   --dir        carpeta de las copias (por defecto /var/backups/tambo)
#   --keep-days  borra las copias de esta base con más de N días (por defecto 14; 0 = nunca)
#   --dbname     base de datos (por defecto $PGDATABASE o tambo)
#   --host/--port/--user   como PGHOST/PGPORT/PGUSER (por defecto: las variables, o el socket)
#   --bindir     carpeta de pg_dump/pg_restore (por defecto /usr/lib/postgresql/15/bin, o el PATH)
#
# La contraseña nunca va en la línea de órdenes: ~/.pgpass o PGPASSFILE (o autenticación peer
# ejecutando como postgres). Nunca pide contraseña (--no-password).
# Escribe DIR/tambo-<base>-<AAAAMMDDTHHMMSSZ>.dump y su .sha256, comprueba que pg_restore puede
# leer el archivo y sólo entonces lo deja con su nombre final; imprime la ruta en stdout.
# Códigos de salida: 0 bien, 1 falló la copia o la verificación, 2 uso incorrecto.
set -euo pipefail

DIR=/var/backups/tambo
KEEP_DAYS=14
DBNAME="${PGDATABASE:-tambo}"
BINDIR=""

die() { printf 'tambo-backup: %s\n' "$1" >&2; exit "${2:-1}"; }
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --dir) DIR="${2:?}"; shift 2 ;;
        --keep-days) KEEP_DAYS="${2:?}"; shift 2 ;;
        --dbname) DBNAME="${2:?}"; shift 2 ;;
        --host) export PGHOST="${2:?}"; shift 2 ;;
        --port) export PGPORT="${2:?}"; shift 2 ;;
        --user) export PGUSER="${2:?}"; shift 2 ;;
        --bindir) BINDIR="${2:?}"; shift 2 ;;
        -h|--help) usage ;;
        *) printf 'tambo-backup: opción desconocida: %s\n' "$1" >&2; usage ;;
    esac
done

[[ "$KEEP_DAYS" =~ ^[0-9]+$ ]] || die "--keep-days debe ser un número entero de días" 2
[[ "$DBNAME" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "nombre de base de datos no válido: $DBNAME" 2

if [ -z "$BINDIR" ] && [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then
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
PG_DUMP="$(tool pg_dump)"
PG_RESTORE="$(tool pg_restore)"

umask 077
mkdir -p "$DIR" || die "no se puede crear $DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="tambo-$DBNAME-$stamp.dump"
out="$DIR/$name"
[ -e "$out" ] && die "ya existe $out (¿dos copias en el mismo segundo?)"
tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT

"$PG_DUMP" --format=custom --compress=6 --no-password --dbname="$DBNAME" --file="$tmp" \
    || die "pg_dump falló para la base $DBNAME"
"$PG_RESTORE" --list "$tmp" >/dev/null \
    || die "pg_restore no puede leer la copia recién hecha ($tmp)"
[ -s "$tmp" ] || die "la copia está vacía"
(cd "$DIR" && sha256sum "$(basename "$tmp")" | sed "s/\.partial\$//" >"$name.sha256")
mv "$tmp" "$out"
trap - EXIT

if [ "$KEEP_DAYS" -gt 0 ]; then
    # Sólo las copias de esta base con nuestro patrón de nombre; nunca la que acabamos de hacer.
    find "$DIR" -maxdepth 1 -type f -name "tambo-$DBNAME-*.dump" -mtime +"$KEEP_DAYS" \
        ! -name "$name" -print0 |
        while IFS= read -r -d '' old; do
            rm -f -- "$old" "$old.sha256"
            printf 'tambo-backup: borrada por antigüedad: %s\n' "$old" >&2
        done
fi
printf '%s\n' "$out"
