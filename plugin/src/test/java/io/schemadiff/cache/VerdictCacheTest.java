package io.schemadiff.cache;

import io.schemadiff.core.Console;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored verdict is reused only for the inputs it was reached for: a project is edited between
 * runs, as a developer would, and after every edit the cached verdict must equal a fresh comparison
 * (on the real pipeline and embedded PostgreSQL), reused when nothing that matters changed.
 */
class VerdictCacheTest {

    private static final String PLUGIN = "test-1.0";

    @TempDir
    Path dir;

    private CompiledProject project;
    private VerdictCache.Lookup lastLookup;

    @BeforeEach
    void aProjectInSync() {
        project = new CompiledProject(dir)
                .compile("com.example.shared.Genre", "package com.example.shared; public enum Genre { NOVEL, POETRY }")
                .compile("com.example.domains.library.model.Book", book(""))
                .compile("com.example.service.BookService", service("hello"))
                .dependency("com.example.domains.tags.model.Tag", CompiledProject.tag(""))
                .migration("V1__books_and_tags.sql", """
                        create table books (id bigint not null, title varchar(255) not null,
                            genre varchar(255) check (genre in ('NOVEL','POETRY')), primary key (id));
                        create table tags (id bigint not null, label varchar(255), primary key (id));
                        """);
    }

    @Test
    void aCachedVerdictEqualsAFreshOneAcrossEdits() {
        Verdict cold = step(false);
        assertTrue(cold.inSync(), cold::toString);
        assertEquals(cold, step(true));

        // a class that maps nothing and refers to no model class: the verdict is reused
        project.compile("com.example.service.BookService", service("changed"));
        assertEquals(cold, step(true));

        project.compile("com.example.domains.library.model.Book", book("int pages;"));
        Verdict edited = step(false);
        assertTrue(lastLookup.classesChanged(), "an entity edited: its model goes to a server");
        assertFalse(edited.inSync());
        assertTrue(edited.difference().contains("pages"), edited::difference);
        assertEquals(edited, step(true), "a stored difference is reported again, the same");

        project.migration("V1__books_and_tags.sql", """
                create table books (id bigint not null, title varchar(255) not null, pages integer not null,
                    genre varchar(255) check (genre in ('NOVEL','POETRY')), primary key (id));
                create table tags (id bigint not null, label varchar(255), primary key (id));
                """);
        assertTrue(step(false).inSync(), "a migration edited in place");
        assertFalse(lastLookup.classesChanged(), "the model's classes are those of the stored verdict");

        // an enum outside the model packages, which the entity's check constraint lists
        project.compile("com.example.shared.Genre", "package com.example.shared; public enum Genre { NOVEL, POETRY, DRAMA }");
        assertFalse(step(false).inSync(), "an enum the model refers to, outside its packages");
        assertTrue(lastLookup.classesChanged());
        project.compile("com.example.shared.Genre", "package com.example.shared; public enum Genre { NOVEL, POETRY }");
        assertTrue(step(false).inSync());

        project.migration("V2__notes.sql", "create table notes (id bigint primary key);");
        Verdict added = step(false);
        assertFalse(added.inSync(), "a migration added");
        assertTrue(added.difference().contains("notes"), added::difference);

        project.compile("db.migration.V3__drop_notes", CompiledProject.dropNotesMigration("drop table notes"));
        assertTrue(step(false).inSync(), "a Java migration added");
        project.compile("db.migration.V3__drop_notes", CompiledProject.dropNotesMigration("select 1"));
        assertFalse(step(false).inSync(), "a Java migration recompiled");

        Verdict excluded = cached(project.settings().exclude(List.of("notes")), PLUGIN);
        assertTrue(lastLookup.verdict().isEmpty(), "a setting changed");
        assertFalse(lastLookup.classesChanged());
        assertTrue(excluded.inSync());
        assertEquals(fresh(project.settings().exclude(List.of("notes"))), excluded);
        Verdict notExcluded = step(false);
        assertFalse(notExcluded.inSync(), "the setting changed back");

        project.migration("V4__drop_notes.sql", "drop table notes;");
        assertTrue(step(false).inSync());
        project.dependency("com.example.domains.tags.model.Tag", CompiledProject.tag("String colour;"));
        Verdict upgraded = step(false);
        assertFalse(upgraded.inSync(), "a dependency jar changed");
        assertTrue(upgraded.difference().contains("colour"), upgraded::difference);
    }

    @Test
    void aCorruptTruncatedOrForeignCacheFileIsIgnoredAndRebuilt() throws IOException {
        Verdict cold = step(false);
        Path file = project.reportDirectory().resolve(VerdictCache.FILE_NAME);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        assertEquals(cold, step(false));
        assertTrue(lastLookup.missReason().contains("corrupt"), lastLookup.missReason());
        assertEquals(cold, step(true), "rebuilt");

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertEquals(cold, step(false));
        assertEquals(cold, step(true), "rebuilt");

        Files.writeString(file, "not a verdict at all, but long enough to have a checksum's worth of bytes");
        assertEquals(cold, step(false));
        assertEquals(cold, step(true), "rebuilt");

        // another plugin version reads no verdict of this one, and this one none of the other's
        cached(project.settings(), "0.9-other");
        assertTrue(lastLookup.missReason().contains("plugin version " + PLUGIN), lastLookup.missReason());
        assertEquals(cold, step(false));
        assertTrue(lastLookup.missReason().contains("plugin version 0.9-other"), lastLookup.missReason());
        assertEquals(cold, step(true), "rebuilt");
    }

    @Test
    void aStoredDifferenceComesBackWholeWithItsFiles() throws IOException {
        Verdict verdict = new Verdict(false, 3, List.of("Mapped classes outside…"),
                List.of(new Verdict.Line(false, "Left alone: shedlock"), new Verdict.Line(true, "ü ✓")),
                "The entity model has changes…", "Destructive: drop column", Map.of("pending.sql", "alter table x;",
                "diff.md", "# diff\n"));
        VerdictCache cache = new VerdictCache(dir, PLUGIN, "abc");
        cache.store(verdict);
        assertEquals(Optional.of(verdict), cache.load().verdict());
        assertEquals(Optional.empty(), new VerdictCache(dir, PLUGIN, "abd").load().verdict(), "other inputs");
    }

    /** One run through the cache, asserting whether it reused the stored verdict; a reused one equals a fresh one. */
    @Test
    void aClassTheModelNamesOnlyInAGenericSignatureTakesPartInTheFingerprint() {
        project.compile("com.example.shared.Shelf", "package com.example.shared; public enum Shelf { TOP, BOTTOM }");
        // the field's type is Set: Shelf is named only by its generic signature
        project.compile("com.example.domains.library.model.Book", book(
                "@ElementCollection @Enumerated(EnumType.STRING) java.util.Set<com.example.shared.Shelf> shelves;"));
        Verdict first = step(false);
        assertEquals(first, step(true));
        project.compile("com.example.shared.Shelf", "package com.example.shared; public enum Shelf { TOP, MIDDLE, BOTTOM }");
        step(false);
        step(true);
    }

    private Verdict step(boolean reused) {
        Verdict verdict = cached(project.settings(), PLUGIN);
        assertEquals(reused, lastLookup.verdict().isPresent(), () -> "reused? " + lastLookup.missReason());
        if (reused) {
            assertEquals(fresh(project.settings()), verdict);
        }
        return verdict;
    }

    /** What a goal does: the stored verdict for these inputs, else a fresh one, stored. */
    private Verdict cached(PipelineSettings settings, String pluginVersion) {
        VerdictCache cache = new VerdictCache(project.reportDirectory(), pluginVersion,
                InputFingerprint.of(settings, Map.of("plugin", pluginVersion)));
        lastLookup = cache.load();
        if (lastLookup.verdict().isPresent()) {
            return lastLookup.verdict().get();
        }
        Verdict verdict = fresh(settings);
        try {
            cache.store(verdict);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return verdict;
    }

    private static Verdict fresh(PipelineSettings settings) {
        RecordingConsole console = new RecordingConsole(Console.SILENT);
        Comparison comparison = new SchemaPipeline(settings, console, SharedPostgres::server, Clock.systemUTC()).compare();
        List<Verdict.Line> changes = comparison.diff().changes().stream()
                .map(change -> new Verdict.Line(false, change.subject() + ": " + change.describe())).toList();
        return new Verdict(comparison.inSync(), comparison.discovered().entities().size(), console.warnings(), changes,
                comparison.inSync() ? null : comparison.migrationSql(), null, Map.of());
    }

    private static String book(String extraField) {
        return """
                package com.example.domains.library.model;
                import jakarta.persistence.*;
                import com.example.shared.Genre;
                @Entity @Table(name = "books")
                public class Book {
                    @Id Long id;
                    @Column(nullable = false) String title;
                    @Enumerated(EnumType.STRING) Genre genre;
                    %s
                }
                """.formatted(extraField);
    }

    private static String service(String greeting) {
        return "package com.example.service; public class BookService { public String greet() { return \""
                + greeting + "\"; } }";
    }
}
