package io.schemadiff.pipeline;

import io.schemadiff.diff.Change;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One model in three versions, each generated on top of the migrations of the one before:
 * additions first, then drops and alterations. After every step the migrations build exactly
 * Hibernate's schema.
 */
class EvolutionTest {

    @Test
    void threeVersionsOfOneModel(@TempDir Path dir) throws Exception {
        Scenario v1 = Scenario.of(dir, "io.schemadiff.fixtures.evolution.v1.domains.*.model");
        assertEquals("V1__create_authors_table_and_2_more.sql", step(v1).getFileName().toString());

        Scenario v2 = Scenario.of(dir, "io.schemadiff.fixtures.evolution.v2.domains.*.model");
        Comparison toV2 = v2.compare();
        assertEquals(Set.of(Change.Kind.CREATE_SEQUENCE, Change.Kind.CREATE_TABLE, Change.Kind.ADD_COLUMN,
                Change.Kind.ALTER_COLUMN, Change.Kind.CREATE_INDEX, Change.Kind.ADD_FOREIGN_KEY), kinds(toV2));
        String v2Sql = Files.readString(step(v2));
        assertTrue(v2Sql.contains("on delete set null"), v2Sql);
        assertTrue(v2Sql.indexOf("create table publishers") < v2Sql.indexOf("references publishers"), v2Sql);

        Scenario v3 = Scenario.of(dir, "io.schemadiff.fixtures.evolution.v3.domains.*.model");
        Comparison toV3 = v3.compare();
        assertEquals(Set.of(Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_TABLE, Change.Kind.DROP_COLUMN,
                Change.Kind.DROP_SEQUENCE, Change.Kind.ADD_COLUMN, Change.Kind.ALTER_COLUMN,
                Change.Kind.ADD_UNIQUE_KEY), kinds(toV3));
        String v3Sql = Files.readString(step(v3));
        assertTrue(v3Sql.indexOf("drop constraint") < v3Sql.indexOf("drop table publishers"), v3Sql);
        assertTrue(v3Sql.contains("add column pages integer default 0 not null"), v3Sql);

        // each step with the undo the pipeline proved restores the step before it; steps 2 and 3 change tables
        // with rows, so each has a lock-safe follow-up (V3, V5) that runs outside a transaction (a .conf each)
        assertEquals(List.of("V1", "V2", "V3", "V3", "V4", "V5", "V5"), Files.list(v3.migrations())
                .map(p -> p.getFileName().toString().substring(0, 2)).sorted().toList());
        // and the undos, with theirs, outside the folder Flyway scans
        assertEquals(List.of("U1", "U2", "U3", "U3", "U4", "U5", "U5"), Files.list(v3.migrations().resolveSibling("schema-undo"))
                .map(p -> p.getFileName().toString().substring(0, 2)).sorted().toList());
    }

    /** Generates the next migration and proves it. */
    private static Path step(Scenario scenario) {
        SchemaPipeline.Generation generation = scenario.generate();
        assertTrue(generation.written().isPresent());
        assertTrue(scenario.compare().inSync());
        scenario.assertMigrationsBuildTheModel();
        return generation.written().get();
    }

    private static Set<Change.Kind> kinds(Comparison comparison) {
        return comparison.diff().changes().stream().map(Change::kind).collect(Collectors.toSet());
    }
}
