#!/bin/sh
# bench/run-benchmarks.sh BUILD_DIR [extra Google Benchmark flags...]
# Runs bench_store (built in BUILD_DIR, normally build/release by `./tambo.sh bench`) and writes
# the SQLCipher/plain ratios, with the machine and the date, to docs/performance.md.
# The raw results stay in BUILD_DIR/bench-results/ (CSV and console output).
set -eu

die() { printf 'run-benchmarks.sh: %s\n' "$*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: $0 BUILD_DIR [benchmark flags...]"
build="$(cd "$1" && pwd)" || die "no build folder $1"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$build/bench/bench_store"
[ -x "$bin" ] || die "$bin is missing: build the release preset first (./tambo.sh bench does)"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)"
[ "$build_type" = "Release" ] || echo "warning: $build is a '$build_type' build; the numbers in docs/performance.md are meant for Release" >&2

repetitions="${TAMBO_BENCH_REPETITIONS:-7}"
results="$build/bench-results"
mkdir -p "$results"
csv="$results/bench_store.csv"
console="$results/bench_store.txt"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# Repetitions are interleaved at random so that a change of load on the machine hits plain and
# SQLCipher runs alike; the medians are compared.
"$bin" --benchmark_repetitions="$repetitions" \
    --benchmark_enable_random_interleaving=true \
    --benchmark_report_aggregates_only=true \
    --benchmark_out="$csv" --benchmark_out_format=csv \
    "$@" | tee "$console"
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# CSV rows look like: "BM_FullScan/cipher:1_median",5,12.3,12.2,ms,,8.1e+06,"sqlcipher",,
# (the Insert benchmark's name also carries /iterations:5/manual_time).
rows="$(awk -F, '
    /_median"?,/ {
        name = $1; gsub(/"/, "", name)
        split(name, part, "/")
        bench = part[1]
        cipher = (name ~ /cipher:1/) ? 1 : 0
        time[bench, cipher] = $3
        unit[bench] = $5
        seen[bench] = 1
    }
    END {
        n = split("BM_Insert100k BM_PointRead BM_FullScan", order, " ")
        for (i = 1; i <= n; ++i) {
            b = order[i]
            if (!(b in seen) || !((b, 0) in time) || !((b, 1) in time)) continue
            ratio = time[b, 1] / time[b, 0]
            printf "%s %.3f %.3f %s %.3f %s\n", b, time[b, 0], time[b, 1], unit[b], ratio, \
                   (ratio <= 1.2 ? "yes" : "no")
        }
    }' "$csv")"
[ -n "$rows" ] || die "no median rows in $csv (did every benchmark run?)"

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
cores="$(nproc 2>/dev/null || echo '?')"
memory="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
compiler="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" | head -1)"
compiler_version="$("${compiler:-c++}" --version 2>/dev/null | head -1)"
sqlite_version="$(cat "$root/.cache/deps/sqlcipher-amalgamation/VERSION.txt" 2>/dev/null || echo '?')"
fs="$(df -T "${TMPDIR:-/tmp}" 2>/dev/null | awk 'NR == 2 { print $2 }')"
today="$(date -u +%Y-%m-%d)"

describe() {
    case "$1" in
    BM_Insert100k) echo "100,000 inserts, one prepared statement, one transaction (incl. commit)" ;;
    BM_PointRead) echo "point read by key (unique index on código, random keys, prepared)" ;;
    BM_FullScan) echo "full scan of the 100,000 rows (forward-only QSqlQuery)" ;;
    esac
}

out="$root/docs/performance.md"
{
    cat <<EOF
# Performance of the local store

Goal (issue 2, item 13): **SQLCipher ≤ 1.2× plain SQLite** on the same code: the same Tambo
QtSql driver, the same \`Store\`, the same SQL and \`QSqlQuery\` calls; only the key differs
(empty key = plain SQLite file, 32 random bytes = SQLCipher 4 with a raw key).

Reproduce with:

\`\`\`sh
./tambo.sh bench
\`\`\`

(builds the \`release\` preset into \`build/release\` and runs \`bench/run-benchmarks.sh build/release\`,
which rewrites this file; raw results in \`build/release/bench-results/\`.)

## Results

Measured on $today (UTC). Median of $repetitions repetitions, interleaved at random.

| benchmark | plain SQLite | SQLCipher 4 | ratio | ≤ 1.2× ? |
|---|---:|---:|---:|---|
EOF
    echo "$rows" | while read -r bench plain cipher unit ratio ok; do
        if [ "$ok" = yes ]; then verdict="yes, meets the goal"; else verdict="**no, misses the goal**"; fi
        printf '| %s | %s %s | %s %s | %s× | %s |\n' "$(describe "$bench")" "$plain" "$unit" "$cipher" "$unit" "$ratio" "$verdict"
    done
    missed="$(echo "$rows" | awk '$6 == "no"' | wc -l)"
    echo
    if [ "$missed" -eq 0 ]; then
        echo "Every ratio meets the goal."
    else
        echo "$missed of $(echo "$rows" | wc -l) ratios miss the goal of 1.2×; see the notes below."
    fi
    cat <<EOF

Machine: $cores cores ($cpu), $memory RAM, $os, temporary files on ${fs:-?};
$compiler_version; CMake build type ${build_type:-?}; SQLCipher 4.14.0 (SQLite $sqlite_version),
OpenSSL libcrypto. Load average before/after the run: $load_before / $load_after (other builds
may share the machine; the interleaving spreads that over both variants).

EOF
    cat "$root/bench/performance-notes.md"
} >"$out"
echo "wrote $out"
