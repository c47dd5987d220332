package io.schemadiff.cache;

import io.schemadiff.core.Console;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.DatabaseSnapshots;
import io.schemadiff.core.Dialect;
import io.schemadiff.reference.EmbeddedMariaDbServer;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.KeyedServers;
import io.schemadiff.testing.SharedMariaDb;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replayed database is kept between builds (a stopped server's data folder) and a later build of the same
 * migrations starts on it instead of replaying them: on real embedded servers, a comparison that starts
 * so equals one that replays, the rows the migrations insert are there, and a generated migration tried on it
 * never changes what the next build finds.
 */
class KeptReplayTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CompiledProject project;
    private CatalogCache cache;
    private final List<Boolean> startedWithKept = new ArrayList<>();

    @BeforeEach
    void aProjectWithRows() {
        // a catalog cache and kept databases of its own: a developer's kept databases are not evicted by tests
        cache = new CatalogCache(dir.resolve("catalogs"), "kept replay test " + System.nanoTime());
        project = new CompiledProject(dir.resolve("project"))
                .compile("com.example.domains.library.model.Book", CompiledProject.book(""))
                .migration("V1__books.sql", """
                        create table books (id bigint not null, title varchar(255) not null, primary key (id));
                        insert into books (id, title) values (1, 'Dune');
                        """);
    }

    @Test
    void anEditAfterTheFirstBuildReplaysNothingAndFindsTheSame() {
        Comparison cold = step("cold");
        assertTrue(cold.inSync());
        assertEquals(List.of(false), startedWithKept, "the first build has nothing kept");
        assertTrue(cold.reference().startsWith("1 migration(s) replayed on embedded PostgreSQL"), cold.reference());

        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        Comparison edited = step("an entity edited");
        assertFalse(edited.inSync());
        assertTrue(startedWithKept.get(1), "the edit's server starts with the migrations replayed");
        assertTrue(edited.reference().startsWith("the database 1 migration(s) were replayed into earlier"),
                edited.reference());
        assertEquals(1, edited.migrationsReplayed());
        assertTrue(edited.migrationSql().contains("pages"), edited.migrationSql());

        // the rows V1 inserts are in the kept database: NOT NULL without a default does not run on them
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("@Column(nullable = false) Integer pages;"));
        Comparison onRows = step("a NOT NULL column on a table with rows");
        assertTrue(startedWithKept.get(2));
        assertNotNull(onRows.dataProblem(), "the kept database holds V1's rows");
    }

    @Test
    void aDifferenceVerifiedWhileReplayingLeavesTheKeptDatabaseAsTheMigrationsLeftIt() {
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        Comparison first = step("a difference on the first build: replayed, verified on a copy, kept");
        assertFalse(first.inSync());
        assertEquals(List.of(false), startedWithKept);

        // had the verification run on the kept database, pages would be there now and this would be in sync
        Comparison again = step("the same inputs again, on the kept database");
        assertTrue(startedWithKept.get(1));
        assertFalse(again.inSync());
        assertEquals(first.migrationSql(), again.migrationSql());

        project.migration("V2__pages.sql", "alter table books add column pages integer;");
        Comparison covered = step("a migration added: the kept database brought up to date");
        assertTrue(covered.inSync());
        assertTrue(covered.reference().contains(": 1 replayed by an earlier build"), covered.reference());
    }

    @Test
    void generateOnTheKeptDatabaseWritesAMigrationTheNextBuildAccepts() {
        step("cold");
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("String isbn;"));
        SchemaPipeline.Generation generation = new SchemaPipeline(project.settings().catalogCache(cache),
                Console.SILENT, keyed(), CLOCK).generate();
        assertTrue(generation.written().isPresent());
        assertTrue(startedWithKept.get(1), "generate starts with the migrations replayed");

        Comparison after = step("the diff after generate");
        assertTrue(after.inSync(), () -> after.diff().toString());
        assertEquals(2, after.migrationsReplayed(), after.reference());
    }

    @Test
    void migrationsAddedSinceAreAppliedToTheKeptDatabaseAsProductionWould() {
        step("cold: V1 replayed and kept");
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("String isbn;"));
        SchemaPipeline.Generation generation = new SchemaPipeline(project.settings().catalogCache(cache),
                Console.SILENT, keyed(), CLOCK).generate();
        assertTrue(generation.written().isPresent());
        // a teammate's migration, pulled
        project.migration("V3__authors.sql", "create table authors (id bigint primary key);");

        project.compile("com.example.domains.library.model.Book", CompiledProject.book("String isbn; Integer pages;"));
        Comparison caughtUp = step("an edit after generate and a pull");
        assertTrue(startedWithKept.get(startedWithKept.size() - 1), "started with V1 replayed");
        assertEquals(3, caughtUp.migrationsReplayed());
        assertTrue(caughtUp.reference().startsWith("3 migration(s) on embedded PostgreSQL"), caughtUp.reference());
        assertTrue(caughtUp.reference().contains(": 1 replayed by an earlier build and kept in "), caughtUp.reference());
        assertTrue(caughtUp.reference().contains(", 2 added since replayed now"), caughtUp.reference());
        assertTrue(caughtUp.migrationSql().contains("pages"), caughtUp.migrationSql());
        assertFalse(caughtUp.migrationSql().contains("isbn"), caughtUp.migrationSql());

        Comparison exact = step("the same again: the database brought up to date was kept in turn");
        assertTrue(startedWithKept.get(startedWithKept.size() - 1));
        assertFalse(exact.timings().containsKey("replay"), () -> exact.timings().toString());

        project.migration("V1__books.sql", """
                create table books (id bigint not null, title varchar(255) not null, primary key (id));
                insert into books (id, title) values (2, 'Emma');
                """);
        Comparison edited = step("a kept migration edited in place: replayed from scratch");
        assertTrue(edited.reference().startsWith("3 migration(s) replayed on embedded PostgreSQL"), edited.reference());
    }

    @Test
    void theKeptFolderIsTheRunningServersOwnAndGoesBackAsItWasFound() throws Exception {
        step("cold: V1 replayed and kept");
        assertEquals(1, keptFolders().size());
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        List<String> seen = new ArrayList<>();
        Comparison edited = new SchemaPipeline(project.settings().catalogCache(cache), Console.SILENT,
                (KeyedServers) (key, older) -> {
                    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT, key, older,
                            new DatabaseSnapshots(dir.resolve("kept")));
                    seen.add("runs on the kept folder: " + server.runsOnKeptFolder());
                    seen.add("left in the kept folders: " + keptFolders().size());
                    // a second build at the same time finds nothing to start from: it replays
                    try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(null, Console.SILENT, key, older,
                            new DatabaseSnapshots(dir.resolve("kept")))) {
                        seen.add("a second build starts on it: " + second.startedWith().isPresent());
                    }
                    return server;
                }, CLOCK).compare();
        assertFalse(edited.inSync());
        assertEquals(List.of("runs on the kept folder: true", "left in the kept folders: 0",
                "a second build starts on it: false"), seen);
        // back after the clean stop, as the migrations left it (the edit was tried on a copy)
        assertEquals(1, keptFolders().size());
        Comparison again = step("again on the folder put back");
        assertTrue(startedWithKept.get(startedWithKept.size() - 1));
        assertEquals(edited.migrationSql(), again.migrationSql());
    }

    @Test
    void aReplayOrCatchUpThatFailsHalfWayIsNeverKept() throws Exception {
        project.migration("V2__broken.sql", "create table authors (id bigint primary key);\nselect * from nowhere;");
        assertThrows(RuntimeException.class, () -> step("a migration that fails"));
        assertEquals(List.of(), keptFolders(), "a half-replayed database is not kept");
        assertThrows(RuntimeException.class, () -> step("the same failure, again from scratch"));
        assertEquals(List.of(false, false), startedWithKept);

        java.nio.file.Files.delete(project.migrations().resolve("V2__broken.sql"));
        step("V1 alone: replayed and kept");
        project.migration("V2__broken.sql", "create table authors (id bigint primary key);\nselect * from nowhere;");
        assertThrows(RuntimeException.class, () -> step("the kept V1 caught up with a failing V2"));
        assertTrue(startedWithKept.get(startedWithKept.size() - 1), "the catch-up started on the kept V1");
        assertEquals(List.of(), keptFolders(), "the kept folder it was caught up in is gone");
        java.nio.file.Files.delete(project.migrations().resolve("V2__broken.sql"));
        // an edit needs the replayed database itself (its catalog alone is kept): replayed from scratch
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        assertFalse(step("V1 alone again, an entity edited").inSync());
        assertEquals(List.of(false, false, false, true, false), startedWithKept);
    }

    @Test
    void noneAreKeptOrStartedFromWhenTheBuildKeepsNone() {
        // even a kept folder that any notes would do for is not looked at
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT, "snapshot-none",
                notes -> true, 0)) {
            assertFalse(server.canKeep());
            assertTrue(server.startedWith().isEmpty());
            assertFalse(server.runsOnKeptFolder());
        }
    }

    private List<Path> keptFolders() {
        Path kept = dir.resolve("kept");
        if (!java.nio.file.Files.isDirectory(kept)) {
            return List.of();
        }
        try (var folders = java.nio.file.Files.list(kept)) {
            return folders.filter(java.nio.file.Files::isDirectory)
                    .filter(f -> f.getFileName().toString().startsWith("snapshot-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onMariaDbTheKeptDatabaseIsNeverTheOneAMigrationIsTriedOn() {
        project.migration("V1__books.sql", """
                create table books (id bigint not null, title varchar(255) not null, primary key (id)) engine=InnoDB;
                insert into books (id, title) values (1, 'Dune');
                """);
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        Comparison first = mariaDbStep("a difference on the first build: tried on the replayed database itself");
        assertFalse(first.inSync());
        Comparison second = mariaDbStep("so nothing was kept: replayed again");
        assertFalse(startedWithKept.get(1), "MariaDB copies no database: the one tried on is not kept");
        assertEquals(first.migrationSql(), second.migrationSql());

        project.compile("com.example.domains.library.model.Book", CompiledProject.book(""));
        assertTrue(mariaDbStep("in sync: replayed and kept").inSync());
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("Integer pages;"));
        Comparison edited = mariaDbStep("an edit: on the kept database");
        assertTrue(startedWithKept.get(3));
        assertFalse(edited.timings().containsKey("replay"), () -> edited.timings().toString());
        Comparison again = mariaDbStep("again: the kept database is as the migrations left it");
        assertTrue(startedWithKept.get(4));
        assertEquals(edited.migrationSql(), again.migrationSql());
    }

    private Comparison mariaDbStep(String what) {
        Comparison kept = new SchemaPipeline(project.settings().dialect(Dialect.MARIADB).catalogCache(cache),
                Console.SILENT, (KeyedServers) (key, older) -> {
                    EmbeddedMariaDbServer server = EmbeddedMariaDbServer.start(SharedMariaDb.binariesJar(),
                            Console.SILENT, key, older, new DatabaseSnapshots(dir.resolve("kept-mariadb")));
                    startedWithKept.add(server.startedWith().isPresent());
                    return server;
                }, CLOCK).compare();
        Comparison fresh = new SchemaPipeline(project.settings().dialect(Dialect.MARIADB), Console.SILENT,
                SharedMariaDb::embedded, CLOCK).compare();
        assertEquals(summary(fresh), summary(kept), what);
        return kept;
    }

    /** One run on servers that keep the replayed database, checked against a run that replays without any cache. */
    private Comparison step(String what) {
        Comparison kept = new SchemaPipeline(project.settings().catalogCache(cache), Console.SILENT, keyed(), CLOCK)
                .compare();
        Comparison fresh = new SchemaPipeline(project.settings(), Console.SILENT, SharedPostgres::server, CLOCK)
                .compare();
        assertEquals(summary(fresh), summary(kept), what);
        return kept;
    }

    /** Embedded servers of their own, as a single-module build has, noting whether each started with a kept one. */
    private KeyedServers keyed() {
        return (key, older) -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT, key, older,
                    new DatabaseSnapshots(dir.resolve("kept")));
            startedWithKept.add(server.startedWith().isPresent());
            return server;
        };
    }

    private static List<Object> summary(Comparison comparison) {
        return List.of(comparison.inSync(), comparison.modelSchema(), comparison.referenceSchema(),
                comparison.diff().changes().stream().map(c -> c.subject() + ": " + c.describe()).toList(),
                String.valueOf(comparison.migrationSql()), String.valueOf(comparison.migrationFileName()),
                String.valueOf(comparison.dataProblem() != null), comparison.migrationsReplayed());
    }
}
