package io.schemadiff.report;

import io.schemadiff.diff.Change;
import io.schemadiff.diff.Renames;
import io.schemadiff.diff.SafetyLint;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.ForeignKey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code diff.json}: the comparison for machines. Its format is documented by the JSON Schema
 * {@code io/schemadiff/report/diff-report.schema.json} in the plugin jar; {@link #FORMAT_VERSION}
 * changes when a field changes meaning or disappears (new fields may be added at any time).
 */
public final class JsonReport {

    public static final int FORMAT_VERSION = 1;

    private JsonReport() {
    }

    public static String of(Comparison comparison, String generator) {
        List<ReportedChange> changes = ReportedChange.of(comparison);
        return Json.write(Json.object(
                "formatVersion", FORMAT_VERSION,
                "generator", generator,
                "status", comparison.inSync() ? "in-sync" : "out-of-sync",
                "summary", comparison.inSync() ? "in sync" : io.schemadiff.pipeline.ChangeReport.summary(comparison),
                "hibernate", Json.object(
                        "version", comparison.model().hibernateVersion(),
                        "origin", comparison.model().origin().name().toLowerCase(Locale.ROOT)),
                "database", Json.object("dialect", comparison.dialect().id(), "version", comparison.serverVersion()),
                "postgresVersion", comparison.dialect() == io.schemadiff.core.Dialect.POSTGRESQL
                        ? comparison.serverVersion() : null,
                "entities", comparison.discovered().entities().size(),
                "tablesChecked", Tables.checked(comparison).size(),
                "migrationsReplayed", comparison.migrationsReplayed(),
                "reference", comparison.reference(),
                "migrationStatus", status(comparison.migrationStatus()),
                "nextMigration", comparison.migrationFileName(),
                "followUpMigration", comparison.followUp() == null ? null : comparison.followUp().fileName(),
                "destructiveChanges", changes.stream().filter(ReportedChange::destructive).count(),
                "changes", changes.stream().map(c -> change(c, comparison.dialect())).toList(),
                "unmanaged", comparison.diff().unmanaged(),
                "probableRenames", Renames.probable(comparison.diff().changes())));
    }

    private static Map<String, Object> status(MigrationStatus status) {
        return status == null ? null : Json.object(
                "historyTable", status.historyTable(),
                "applied", status.applied(),
                "pending", status.pending(),
                "failed", status.failed(),
                "missingLocally", status.missingLocally(),
                "changedAfterApply", status.changedAfterApply());
    }

    private static Map<String, Object> change(ReportedChange reported, io.schemadiff.core.Dialect dialect) {
        Change change = reported.change();
        return Json.object(
                "kind", change.kind().name().toLowerCase(Locale.ROOT),
                "marker", String.valueOf(change.marker()),
                // a MariaDB database is one schema, with no name of its own in the comparison: not PostgreSQL's "public"
                "schema", dialect == io.schemadiff.core.Dialect.MARIADB ? null : change.subject().schema(),
                "table", change.kind() == Change.Kind.CREATE_SCHEMA ? null : change.subject().name(),
                "column", change.column(),
                "summary", reported.rendered().summary(),
                "safety", reported.finding().severity(),
                "risks", reported.finding().risks().stream().map(SafetyLint.Risk::id).toList(),
                "reasons", reported.finding().reasons(),
                "before", before(change),
                "after", after(change),
                "source", reported.entity() == null ? null
                        : Json.object("entity", reported.entity(), "field", reported.field()),
                "sql", reported.rendered().sql().strip());
    }

    private static Map<String, Object> before(Change change) {
        if (change instanceof Change.AlterColumn alter) {
            return column(alter.from());
        }
        if (change instanceof Change.DropColumn drop) {
            return column(drop.definition());
        }
        if (change instanceof Change.AlterForeignKey alter) {
            return foreignKey(alter.from());
        }
        return null;
    }

    private static Map<String, Object> after(Change change) {
        if (change instanceof Change.AlterColumn alter) {
            return column(alter.to());
        }
        if (change instanceof Change.AddColumn add) {
            return column(add.definition());
        }
        if (change instanceof Change.AlterForeignKey alter) {
            return foreignKey(alter.to());
        }
        return null;
    }

    private static Map<String, Object> foreignKey(ForeignKey key) {
        return Json.object(
                "name", key.name(),
                "columns", key.columns(),
                "references", key.referencedTable().display(),
                "referencedColumns", key.referencedColumns(),
                "onDelete", key.onDelete().sql(),
                "onUpdate", key.onUpdate().sql(),
                "deferrable", !key.deferrable() ? "not deferrable" : key.initiallyDeferred() ? "initially deferred" : "deferrable");
    }

    private static Map<String, Object> column(Column column) {
        return Json.object(
                "type", column.type(),
                "nullable", column.nullable(),
                "default", column.defaultExpression(),
                "generation", column.generation().name().toLowerCase(Locale.ROOT));
    }
}
