package io.schemadiff.diff;

import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts changes in an order PostgreSQL accepts and people can read.
 *
 * <p>By phase ({@link Change.Kind#phase()}): schemas and sequences, then drops (foreign keys
 * first, so no table is dropped while something still points at it), then new tables, columns
 * and constraints, foreign keys last (so cycles need no special case). New tables are listed
 * parents before children; everything else by table and object name, so the output is the
 * same on every run.
 */
final class ChangePlan {

    private ChangePlan() {
    }

    static List<Change> order(List<Change> changes) {
        Map<QualifiedName, Integer> creationRank = creationRank(changes);
        Comparator<Change> order = Comparator.<Change>comparingInt(c -> c.kind().phase())
                .thenComparingInt(c -> creationRank.getOrDefault(c.subject(), 0))
                .thenComparing(Change::subject)
                .thenComparing(Change::describe);
        return changes.stream().sorted(order).toList();
    }

    /** New tables in an order where a referenced table comes before the tables that reference it. */
    private static Map<QualifiedName, Integer> creationRank(List<Change> changes) {
        Map<QualifiedName, Set<QualifiedName>> dependsOn = new TreeMap<>();
        for (Change change : changes) {
            if (change instanceof Change.CreateTable create) {
                Set<QualifiedName> parents = new HashSet<>();
                for (ForeignKey fk : create.table().foreignKeys()) {
                    if (!fk.referencedTable().equals(create.table().name())) {
                        parents.add(fk.referencedTable());
                    }
                }
                dependsOn.put(create.table().name(), parents);
            }
        }
        Map<QualifiedName, Integer> rank = new LinkedHashMap<>();
        List<QualifiedName> pending = new ArrayList<>(dependsOn.keySet());
        while (!pending.isEmpty()) {
            List<QualifiedName> ready = pending.stream()
                    .filter(t -> dependsOn.get(t).stream().noneMatch(p -> dependsOn.containsKey(p) && !rank.containsKey(p)))
                    .toList();
            if (ready.isEmpty()) {
                ready = List.of(pending.get(0)); // a cycle: foreign keys come later anyway
            }
            for (QualifiedName table : ready) {
                rank.put(table, rank.size());
                pending.remove(table);
            }
        }
        return rank;
    }
}
