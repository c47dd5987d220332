package io.schemadiff.pipeline;

import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.diff.OnlinePlan;
import io.schemadiff.diff.SafetyLint;
import io.schemadiff.diff.SchemaDiff;
import io.schemadiff.model.EntityModel;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.render.RenderedChange;

import io.schemadiff.schema.DatabaseSchema;

import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing the entity model with the schema the migrations build.
 *
 * @param migrationFileName the file {@code schema:generate} writes, e.g. {@code V4__add_phone_to_accounts.sql};
 *                          {@code null} when in sync
 * @param migrationSql      its full text; {@code null} when in sync
 * @param timings           milliseconds per stage, in pipeline order
 * @param serverVersion     the version of the server both schemas were built on (the scratch server's
 *                          for a live reference), e.g. {@code 14.22} or {@code 11.4.5}
 * @param modelSchema       the schema Hibernate's DDL builds, as read back from that server
 * @param referenceSchema   the schema the existing migrations build
 * @param undoFileName      the undo file, e.g. {@code U4__add_phone_to_accounts.sql}; {@code null} when
 *                          in sync or undo files are off
 * @param undoSql           its full text, or {@code null}
 * @param followUp          index builds on tables with rows, in a migration of their own after this one
 *                          ({@code schema.concurrentIndexes}), or {@code null}
 * @param reference         what the model was compared with, e.g. {@code 5 migrations replayed on embedded
 *                          PostgreSQL 14.22} or {@code live database db.internal:5432/app}; never credentials
 * @param migrationsFolder  where a new migration goes: the first Flyway location that is a folder of the project,
 *                          or the sub-folder its suffix's migrations live in (a vendor's)
 * @param undoFolder        where its undo goes: outside every Flyway location unless the project names an
 *                          undo prefix; {@code null} when in sync or undo files are off
 * @param migrationStatus   for a live database: where it stands against the migrations; otherwise {@code null}
 * @param dialect           the database the migrations are written for
 * @param rendering         how much of the plan is written lock-safe ({@code schema.online})
 * @param outsideTransaction the files (migrations and undos) Flyway runs outside a transaction, each with a
 *                          {@code .conf} beside it saying so
 * @param dataProblem       why the migration does not run on the rows the existing migrations insert
 *                          (say, NOT NULL on a table with rows), or {@code null} when it runs
 */
public record Comparison(
        DiscoveredModel discovered,
        EntityModel model,
        SchemaDiff diff,
        List<RenderedChange> changes,
        String migrationFileName,
        String migrationSql,
        String serverVersion,
        int migrationsReplayed,
        Map<String, Long> timings,
        DatabaseSchema modelSchema,
        DatabaseSchema referenceSchema,
        String undoFileName,
        String undoSql,
        String dataProblem,
        FollowUp followUp,
        String reference,
        MigrationStatus migrationStatus,
        java.nio.file.Path migrationsFolder,
        io.schemadiff.core.Dialect dialect,
        java.nio.file.Path undoFolder,
        OnlinePlan.Mode rendering,
        List<String> outsideTransaction) {

    /** A second migration that runs after the first (and its undo), e.g. {@code create index concurrently}. */
    public record FollowUp(String fileName, String sql, String undoFileName, String undoSql) {
    }


    /** The files {@code generate} writes, in order: the migration, its undo, the follow-up and its undo. */
    public List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>();
        java.util.stream.Stream.of(migrationFileName, undoFileName, followUp == null ? null : followUp.fileName(),
                followUp == null ? null : followUp.undoFileName()).filter(java.util.Objects::nonNull).forEach(names::add);
        return names;
    }

    /** Compared with a live database rather than with the migrations. */
    public boolean live() {
        return migrationStatus != null;
    }

    public boolean inSync() {
        return diff.isEmpty();
    }

    /** What each change risks on a database with data, in the order of {@link #changes()}. */
    public List<SafetyLint.Finding> safety() {
        return SafetyLint.review(diff.changes(), referenceSchema, dialect, rendering);
    }

    /** The changes that lose data. */
    public List<SafetyLint.Finding> destructive() {
        return safety().stream().filter(f -> f.has(SafetyLint.Risk.DESTRUCTIVE)).toList();
    }
}
