#!/usr/bin/env bash
# Generates projects of N entities in several domains/*/model packages (identity and sequence ids,
# indexes, unique keys, enums, embeddables, foreign key chains, join tables, element collections)
# with Flyway migrations that build them exactly, and prints for each, in one run of this script:
#   mvn compile                          (nothing to compile: the build's own cost; median of 3)
#   mvn compile schema:diff  cold        (no stored verdict, no kept catalogs)
#   mvn compile schema:diff  warm        (nothing changed: the verdict is reused; median of 3)
#   mvn compile schema:diff  clean       (the verdict gone, as after mvn clean: the kept catalogs serve)
#   mvn compile schema:diff  edit        (one entity gains a column: a difference, reported; the edit is
#                                         compiled before, untimed, as the compile baseline has nothing to compile)
#   mvn compile schema:generate          (the edit's migration written)
#   mvn compile schema:diff  generated   (the diff after generate: in sync)
# with the peak resident memory of the Maven JVM and the plugin's stage timings (-Dschema.timings=true).
# Each project keeps its catalogs in its own folder (-Dschema.catalogCache), so runs do not share them.
#
# The migrations are written once per size by the plugin itself (schema:generate, proven to build
# the model exactly), one file; with SPLIT=1 (the default at 1,000 entities) cut into files of
# about 300 files.
#
# Usage: src/benchmarks/generated-models.sh [sizes...]        (default: example 10 100 500 1000;
#        'example' is a copy of example-project)
# Env:   MVN_ARGS   extra Maven arguments, e.g. -Dmaven.repo.local=plugin/target/local-repo
#                   (where an invoker run installed the plugin) when it is not installed in ~/.m2
#        OFFLINE    -o by default; empty to let Maven resolve (e.g. through a mirror in MVN_ARGS's -s)
#        WORK       where the projects go (default: a temporary folder, kept for inspection)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(example 10 100 500 1000); fi
work="${WORK:-$(mktemp -d -t schemadiff-bench.XXXXXX)}"
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)"
read -r -a mvn_args <<< "${MVN_ARGS:-} ${OFFLINE--o}"

generate_project() { # dir, entities
    python3 - "$1" "$2" "$version" <<'PY'
import os, sys
target, n, version = sys.argv[1], int(sys.argv[2]), sys.argv[3]
domains = max(2, n // 50)
src = os.path.join(target, "src/main/java/com/example/bench/domains")
for d in range(domains):
    model = os.path.join(src, f"d{d}", "model")
    os.makedirs(model, exist_ok=True)
    with open(os.path.join(model, "Status.java"), "w") as f:
        f.write(f"package com.example.bench.domains.d{d}.model;\npublic enum Status {{ NEW, ACTIVE, CLOSED }}\n")
    with open(os.path.join(model, "Address.java"), "w") as f:
        f.write(f"""package com.example.bench.domains.d{d}.model;
import jakarta.persistence.*;
@Embeddable
public class Address {{
    @Column(length = 120) private String street;
    @Column(length = 60) private String city;
}}
""")
previous = {}
for i in range(n):
    d = i % domains
    pkg = f"com.example.bench.domains.d{d}.model"
    name = f"E{i}"
    if i % 2 == 0:
        ident = "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n"
    else:
        ident = (f"    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"e{i}_gen\")\n"
                 f"    @SequenceGenerator(name = \"e{i}_gen\", sequenceName = \"e{i}_seq\", allocationSize = 50)\n"
                 "    private Long id;\n")
    fields = ident + """    @Column(nullable = false, length = 80) private String code;
    @Column(length = 40) private String ref;
    @Column(precision = 12, scale = 2) private java.math.BigDecimal amount;
    @Enumerated(EnumType.STRING) @Column(length = 20) private Status status;
    @Embedded private Address address;
"""
    prev = previous.get(d)
    if prev is not None:
        fields += f"    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = \"prev_id\") private {prev} prev;\n"
        if i % 5 == 0:
            fields += (f"    @ManyToMany @JoinTable(name = \"e{i}_links\", joinColumns = @JoinColumn(name = \"owner_id\"),\n"
                       f"        inverseJoinColumns = @JoinColumn(name = \"target_id\")) private java.util.Set<{prev}> links;\n")
    if i % 7 == 0:
        fields += (f"    @ElementCollection @CollectionTable(name = \"e{i}_tags\", joinColumns = @JoinColumn(name = \"owner_id\"))\n"
                   "    @Column(name = \"tag\", length = 30) private java.util.Set<String> tags;\n")
    fields += "    // edit-marker\n"
    with open(os.path.join(src, f"d{d}", "model", f"{name}.java"), "w") as f:
        f.write(f"""package {pkg};
import jakarta.persistence.*;
@Entity
@Table(name = "e{i}", indexes = @Index(name = "ix_e{i}_code", columnList = "code"),
       uniqueConstraints = @UniqueConstraint(name = "uk_e{i}_ref", columnNames = "ref"))
public class {name} {{
{fields}}}
""")
    previous[d] = name
os.makedirs(os.path.join(target, "src/main/resources/db/migration"), exist_ok=True)
with open(os.path.join(target, "pom.xml"), "w") as f:
    f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example.bench</groupId>
  <artifactId>bench-{n}</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.2.0</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>io.schemadiff</groupId><artifactId>schema-maven-plugin</artifactId><version>{version}</version>
        <configuration><undo>false</undo></configuration></plugin>
    </plugins>
  </build>
</project>
""")
PY
}

split_migration() { # migrations folder: V1__*.sql cut into about 300 files
    python3 - "$1" <<'PY'
import os, re, sys, glob
folder = sys.argv[1]
[single] = glob.glob(os.path.join(folder, "V1__*.sql"))
text = "\n".join(l for l in open(single).read().splitlines() if not l.lstrip().startswith("--"))
statements = [s.strip() for s in re.split(r";\s*\n", text) if s.strip()]
os.remove(single)
size = max(1, -(-len(statements) // 300))  # about 300 files, whatever the model's size
for n, start in enumerate(range(0, len(statements), size), 1):
    with open(os.path.join(folder, f"V{n}__part_{n}.sql"), "w") as f:
        f.write(";\n".join(statements[start:start + size]) + ";\n")
PY
}

run() { # label, project, maven arguments... → prints seconds, peak MiB, timings
    local label="$1" dir="$2"; shift 2
    local log="$dir/target/bench-$label.log" start end
    mkdir -p "$dir/target"
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$dir/target/bench-$label.mem" mvn -B -Dschema.timings=true "${mvn_args[@]}" -f "$dir" "$@" >"$log" 2>&1 || true
    end=$(date +%s.%N)
    local kib timings
    kib=$(tail -1 "$dir/target/bench-$label.mem")
    timings=$(grep -o 'Timings (ms): .*' "$log" | tail -1 | sed 's/Timings (ms): //' || true)
    printf '%-10s %7.1f s  %5d MiB  %s\n' "$label" "$(echo "$end - $start" | bc)" "$((kib / 1024))" "${timings:--}"
}

median_run() { # label, times, project, maven arguments... → the run of median wall time among them
    local label="$1" times="$2" dir="$3"; shift 3
    local lines=()
    for _ in $(seq "$times"); do
        lines+=("$(run "$label" "$dir" "$@")")
    done
    printf '%s\n' "${lines[@]}" | sort -k2,2n | sed -n "$(( (times + 1) / 2 ))p" | sed "s/\$/   (median of $times)/"
}

for n in "${sizes[@]}"; do
    dir="$work/bench-$n"
    rm -rf "$dir"
    if [ "$n" = example ]; then
        # the example project as it is (9 entities, 4 migrations), copied so the edit stays out of the repository
        mkdir -p "$dir"
        (cd "$root/example-project" && tar --exclude=./target -cf - .) | tar -xf - -C "$dir"
        mvn -B -q "${mvn_args[@]}" -f "$dir" compile >/dev/null
    else
        generate_project "$dir" "$n"
        mvn -B -q "${mvn_args[@]}" -f "$dir" compile >/dev/null
        mvn -B -q "${mvn_args[@]}" -f "$dir" schema:generate -Dschema.cache=false >/dev/null
        if [ "${SPLIT:-$([ "$n" -ge 1000 ] && echo 1 || echo 0)}" = 1 ]; then
            split_migration "$dir/src/main/resources/db/migration"
        fi
    fi
    migrations=$(ls "$dir/src/main/resources/db/migration" | wc -l)
    echo "== $n entities, $migrations migration file(s) ($dir)"
    catalogs="$work/catalogs-$n"
    rm -rf "$catalogs"
    median_run compile 3 "$dir" compile
    rm -f "$dir/target/schema/verdict.cache"
    run cold "$dir" compile schema:diff "-Dschema.catalogCache=$catalogs"
    median_run warm 3 "$dir" compile schema:diff "-Dschema.catalogCache=$catalogs"
    rm -f "$dir/target/schema/verdict.cache"
    run clean "$dir" compile schema:diff "-Dschema.catalogCache=$catalogs"
    edited=$(find "$dir/src/main/java" -name E1.java -o -name Tag.java | head -1)
    # one field more, before the class's closing brace
    python3 - "$edited" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
end = text.rstrip().rfind("}")
open(path, "w").write(text[:end] + "    private Integer benchEdit;\n}\n")
PY
    # compiled first, untimed: javac recompiling the project is the build's cost, not the plugin's
    mvn -B -q "${mvn_args[@]}" -f "$dir" compile >/dev/null
    run edit "$dir" compile schema:diff -Dschema.failOnDifference=false "-Dschema.catalogCache=$catalogs"
    grep -q 'changes that no migration covers' "$dir/target/bench-edit.log" || echo "   (the edit was not reported: see $dir/target/bench-edit.log)"
    run generate "$dir" compile schema:generate "-Dschema.catalogCache=$catalogs"
    run generated "$dir" compile schema:diff "-Dschema.catalogCache=$catalogs"
    grep -q 'Schema is in sync' "$dir/target/bench-generated.log" || echo "   (not in sync after generate: see $dir/target/bench-generated.log)"
done
