package io.schemadiff.render;

import io.schemadiff.diff.Change;
import io.schemadiff.diff.SafetyLint;

import java.util.ArrayList;
import java.util.List;

/**
 * The review checklist of the team's migration guide, filled in for one migration: what a reviewer
 * would otherwise work out from the SQL.
 *
 * @param created      tables and columns the migration adds
 * @param foreignKeys  foreign keys it adds
 * @param indexes      indexes and unique keys it adds
 * @param destructive  steps that lose data, with why
 * @param removed      keys, indexes, checks and foreign keys it removes, and rules it changes, with what
 *                     that costs (integrity or performance): no rows are lost, but a reviewer must agree
 * @param risky        other steps that depend on the data or lock tables, with why
 * @param undo         the undo file, or {@code null} when none is written
 */
public record ReviewChecklist(List<String> created, List<String> foreignKeys, List<String> indexes,
                              List<String> destructive, List<String> removed, List<String> risky, String undo) {

    public static ReviewChecklist of(List<Change> changes, List<SafetyLint.Finding> findings, String undo) {
        List<String> created = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> destructive = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> risky = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String table = change.subject().display();
            if (change instanceof Change.CreateTable create) {
                created.add("table " + table + " (" + create.table().columns().size() + " columns)");
            } else if (change instanceof Change.AddColumn add) {
                created.add("column " + table + "." + add.definition().name() + " " + add.definition().type()
                        + (add.definition().nullable() ? "" : " not null"));
            } else if (change instanceof Change.AddForeignKey fk) {
                foreignKeys.add(table + " (" + String.join(", ", fk.foreignKey().columns()) + ") -> "
                        + fk.foreignKey().referencedTable().display()
                        + (fk.foreignKey().onDelete() == io.schemadiff.schema.ForeignKey.Action.NO_ACTION ? ""
                        : " on delete " + fk.foreignKey().onDelete().sql()));
            } else if (change instanceof Change.CreateIndex ix) {
                indexes.add((ix.index().unique() ? "unique index on " : "index on ") + table + " " + ix.index().body());
            } else if (change instanceof Change.AddUniqueKey uk) {
                indexes.add("unique (" + String.join(", ", uk.uniqueKey().columns()) + ") on " + table);
            }
            SafetyLint.Finding finding = findings.get(i);
            String line = (finding.has(SafetyLint.Risk.LOCK_HEAVY) ? "[lock-heavy] " : "") + table + ": "
                    + change.describe() + " (" + String.join("; ", finding.reasons()) + ")";
            if (finding.has(SafetyLint.Risk.DESTRUCTIVE)) {
                destructive.add(line);
            } else if (finding.has(SafetyLint.Risk.INTEGRITY) || finding.has(SafetyLint.Risk.PERFORMANCE)) {
                removed.add(line);
            } else if (!finding.safe()) {
                risky.add(line);
            }
        }
        return new ReviewChecklist(created, foreignKeys, indexes, destructive, removed, risky, undo);
    }
}
