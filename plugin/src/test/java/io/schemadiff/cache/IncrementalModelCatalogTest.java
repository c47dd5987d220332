package io.schemadiff.cache;

import io.schemadiff.core.Console;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.SchemaPipeline;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An entity edit applies only the tables it touched; the others come from the model catalog the project's last
 * comparison kept. On the real pipeline and embedded PostgreSQL, after every edit, the verdict equals one that
 * applies the whole model without any cache.
 */
class IncrementalModelCatalogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private static final int ENTITIES = 16;

    @TempDir
    Path dir;

    private CompiledProject project;
    private CatalogCache cache;
    private final List<String> debug = new ArrayList<>();

    @BeforeEach
    void aProjectOfSixteenEntitiesInAChain() {
        cache = new CatalogCache(dir.resolve("catalogs"), "incremental model test");
        project = new CompiledProject(dir.resolve("project"));
        for (int i = 0; i < ENTITIES; i++) {
            project.compile("com.example.domains.chain.model.Link" + i, link(i, ""));
        }
        project.migration("V1__none.sql", "create table unrelated (id bigint primary key);");
    }

    @Test
    void editsApplyOnlyTheirTablesAndFindWhatAWholeApplyFinds() {
        assertFalse(step("cold: the whole model applied"));

        project.compile("com.example.domains.chain.model.Link5", link(5, "@Column(length = 40) String code;"));
        assertTrue(step("a column added"), "applied incrementally");

        project.compile("com.example.domains.chain.model.Link5",
                link(5, "@Column(length = 80, unique = true) String code;"));
        assertTrue(step("widened and made unique"));

        // Link6 references Link5: changing Link5's key changes Link6's foreign key, though Link6's DDL is the same
        project.compile("com.example.domains.chain.model.Link5", """
                package com.example.domains.chain.model;
                import jakarta.persistence.*;
                @Entity @Table(name = "link5")
                public class Link5 {
                    @Id @Column(name = "uid") Long id;
                    @ManyToOne Link4 previous;
                    @Column(length = 80, unique = true) String code;
                }
                """);
        assertTrue(step("a referenced key renamed"));

        project.compile("com.example.domains.chain.model.Link9", link(9, "@Column(nullable = false) Integer rank;"
                + " @ElementCollection java.util.Set<String> tags;"));
        assertTrue(step("a column and an element collection"));
    }

    /** @return whether the model's catalog was built from the last one, checked against a run without cache */
    private boolean step(String what) {
        debug.clear();
        Comparison kept = new SchemaPipeline(project.settings().catalogCache(cache), recording(), SharedPostgres::server,
                CLOCK).compare();
        Comparison fresh = new SchemaPipeline(project.settings(), Console.SILENT, SharedPostgres::server, CLOCK)
                .compare();
        assertEquals(fresh.modelSchema(), kept.modelSchema(), what);
        assertEquals(String.valueOf(fresh.migrationSql()), String.valueOf(kept.migrationSql()), what);
        assertEquals(fresh.inSync(), kept.inSync(), what);
        return debug.stream().anyMatch(line -> line.startsWith("Model catalog: ") && line.contains("applied"));
    }

    private Console recording() {
        return new Console() {
            public void info(String message) { }
            public void warn(String message) { }
            public void debug(String message) {
                debug.add(message);
            }
        };
    }

    private static String link(int i, String extra) {
        return """
                package com.example.domains.chain.model;
                import jakarta.persistence.*;
                @Entity @Table(name = "link%d")
                public class Link%d {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    %s
                    %s
                }
                """.formatted(i, i, i == 0 ? "" : "@ManyToOne Link" + (i - 1) + " previous;", extra);
    }
}
