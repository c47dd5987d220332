package io.schemadiff.cache;

import io.schemadiff.core.Console;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept catalogs never change a verdict: a project is edited between runs as a developer would, and after
 * every edit a comparison with the catalog cache equals one without it (on the real pipeline and embedded
 * PostgreSQL), while the server is started only when something had to be built.
 */
class CatalogReuseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CompiledProject project;
    private CatalogCache cache;
    private int serverStarts;

    @BeforeEach
    void aProjectInSync() {
        cache = new CatalogCache(dir.resolve("catalogs"), "test plugin, bundled server");
        project = new CompiledProject(dir.resolve("project"))
                .compile("com.example.domains.library.model.Book", CompiledProject.book(""))
                .dependency("com.example.domains.tags.model.Tag", CompiledProject.tag(""))
                .migration("V1__books_and_tags.sql", """
                        create table books (id bigint not null, title varchar(255) not null, primary key (id));
                        create table tags (id bigint not null, label varchar(255), primary key (id));
                        """);
    }

    @Test
    void aComparisonOnKeptCatalogsEqualsAFreshOneAcrossEdits() {
        Comparison cold = step("cold", true);
        assertTrue(cold.inSync());
        assertTrue(cold.reference().contains("1 migration(s) replayed on embedded PostgreSQL"), cold.reference());

        Comparison again = step("after mvn clean: both catalogs kept", false);
        assertTrue(again.reference().startsWith("the catalog of 1 migration(s) replayed earlier on embedded PostgreSQL"),
                again.reference());
        assertEquals(cold.serverVersion(), again.serverVersion());

        project.compile("com.example.domains.library.model.Book", CompiledProject.book("int pages;"));
        Comparison edited = step("an entity edited", true);
        assertFalse(edited.inSync());
        assertTrue(edited.migrationSql().contains("pages"), edited.migrationSql());
        step("the same difference again: rendered and verified on a server", true);

        project.migration("V1__books_and_tags.sql", """
                create table books (id bigint not null, title varchar(255) not null, pages integer not null,
                    primary key (id));
                create table tags (id bigint not null, label varchar(255), primary key (id));
                """);
        assertTrue(step("a migration edited in place", true).inSync());
        assertTrue(step("and run again", false).inSync());

        project.migration("V2__notes.sql", "create table notes (id bigint primary key);");
        assertFalse(step("a migration added", true).inSync());
        project.compile("db.migration.V3__drop_notes", CompiledProject.dropNotesMigration("drop table notes"));
        assertTrue(step("a Java migration added", true).inSync());
        project.compile("db.migration.V3__drop_notes", CompiledProject.dropNotesMigration("select 1"));
        assertFalse(step("a Java migration recompiled", true).inSync());
        project.migration("V4__drop_notes.sql", "drop table notes;");
        assertTrue(step("the table dropped again", true).inSync());

        project.dependency("com.example.domains.tags.model.Tag", CompiledProject.tag("String colour;"));
        Comparison upgraded = step("a dependency upgraded", true);
        assertTrue(upgraded.migrationSql().contains("colour"), upgraded.migrationSql());

        PipelineSettings excluding = project.settings().exclude(List.of("tags"));
        Comparison excluded = run(excluding.catalogCache(cache));
        assertEquals(summary(run(project.settings().exclude(List.of("tags")))), summary(excluded), "a setting changed");
        assertTrue(excluded.inSync());
    }

    @Test
    void theDiffAfterGenerateReplaysNothing() throws IOException {
        step("cold", true);
        project.compile("com.example.domains.library.model.Book", CompiledProject.book("int pages;"));
        SchemaPipeline.Generation generation = new SchemaPipeline(project.settings().catalogCache(cache),
                Console.SILENT, counted(), CLOCK).generate();
        assertTrue(generation.written().isPresent());
        serverStarts = 0;

        Comparison after = step("the diff after generate", false);
        assertTrue(after.inSync(), () -> after.diff().toString());
        assertEquals(2, after.migrationsReplayed(), after.reference());
        try (Stream<Path> files = Files.list(project.migrations())) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aMigrationEditedWhileItIsReplayedIsNotKeptUnderWhatItWasBefore() {
        String before = """
                create table books (id bigint not null, title varchar(255) not null, primary key (id));
                create table tags (id bigint not null, label varchar(255), primary key (id));
                """;
        // the inputs are taken before the server starts; the editor saves before Flyway reads the folder
        Supplier<ScratchServer> savedMeanwhile = () -> {
            serverStarts++;
            project.migration("V1__books_and_tags.sql", before.replace("title varchar(255) not null,",
                    "title varchar(255) not null, pages integer,"));
            return SharedPostgres.server();
        };
        Comparison racing = new SchemaPipeline(project.settings().catalogCache(cache), Console.SILENT, savedMeanwhile,
                CLOCK).compare();
        assertFalse(racing.inSync(), "the replay read the saved file: it has a column the model does not");

        // the file as it was when the inputs were taken: its catalog was never kept, so it is replayed
        project.migration("V1__books_and_tags.sql", before);
        assertTrue(step("the edit undone", true).inSync());
    }

    @Test
    void aDamagedKeptCatalogIsBuiltAgain() throws IOException {
        step("cold", true);
        try (Stream<Path> files = Files.list(cache.folder())) {
            for (Path file : files.toList()) {
                Files.writeString(file, "schemadiff-catalog 1\ntable\tpublic\tbooks\nend\t0\n");
            }
        }
        assertTrue(step("damaged catalogs", true).inSync());
        step("written again", false);
    }

    /**
     * One run with the catalog cache, asserting whether it started a server, and that it equals a run
     * without the cache.
     */
    private Comparison step(String what, boolean serverStarted) {
        serverStarts = 0;
        Comparison kept = run(project.settings().catalogCache(cache));
        assertEquals(serverStarted ? 1 : 0, serverStarts, what + ": server started?");
        assertEquals(summary(run(project.settings())), summary(kept), what);
        return kept;
    }

    private Comparison run(PipelineSettings settings) {
        return new SchemaPipeline(settings, Console.SILENT, counted(), CLOCK).compare();
    }

    private Supplier<ScratchServer> counted() {
        return () -> {
            serverStarts++;
            return SharedPostgres.server();
        };
    }

    /** Everything a verdict is made of. */
    private static List<Object> summary(Comparison comparison) {
        return List.of(comparison.inSync(), comparison.modelSchema(), comparison.referenceSchema(),
                comparison.diff().changes().stream().map(c -> c.subject() + ": " + c.describe()).toList(),
                String.valueOf(comparison.migrationSql()), String.valueOf(comparison.migrationFileName()),
                comparison.migrationsReplayed());
    }
}
