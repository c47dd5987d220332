package io.schemadiff.pipeline;

import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSmokeTest {

    @Test
    void generatesTheFirstMigrationAndThenIsInSync(@TempDir Path dir) throws Exception {
        Scenario shop = Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model");
        SchemaPipeline.Generation first = shop.generate();
        assertTrue(first.written().isPresent());
        assertEquals("V1__create_customers_table_and_1_more.sql", first.written().get().getFileName().toString());
        assertTrue(shop.compare().inSync());
        assertFalse(shop.generate().written().isPresent());
        try (var files = Files.list(shop.migrations())) {
            assertEquals(java.util.List.of("U1__create_customers_table_and_1_more.sql",
                    "V1__create_customers_table_and_1_more.sql"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "the migration and its undo");
        }
        shop.assertMigrationsBuildTheModel();
    }
}
