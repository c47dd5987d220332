#!/usr/bin/env bash
# Prints the wall time of `mvn compile` and of `mvn compile schema:diff` on the example project,
# measured in the same run, each from a clean target folder, best and median of N runs; and the same
# model on the embedded MariaDB (dialect=mariadb; no migrations, since the example's are PostgreSQL SQL,
# so it times the server start, Hibernate's DDL, the catalog reads and the rendering of every table).
# Usage: src/benchmarks/example-timings.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"

mvn -B -q install -DskipTests -DskipITs >/dev/null

measure() { # label, maven arguments...
    local label="$1"; shift
    local times=()
    for _ in $(seq "$runs"); do
        mvn -B -q -o -f example-project clean >/dev/null
        local start end
        start=$(date +%s.%N)
        mvn -B -q -o -f example-project "$@" >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$runs" '
        { t[NR] = $1 }
        END { printf "%-32s best %6.2f s   median %6.2f s   (%d runs)\n", label, t[1], t[int((n + 1) / 2)], n }'
}

measure "mvn compile" compile
measure "mvn compile schema:diff" compile schema:diff
empty="$(mktemp -d)"
trap 'rm -rf "$empty"' EXIT
measure "... schema:diff, dialect=mariadb" compile schema:diff -Dschema.dialect=mariadb \
    -Dschema.migrations="$empty" -Dschema.failOnDifference=false
