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
        assertEquals("V1__create_customers_table_and_4_more.sql", first.written().get().getFileName().toString());
        assertTrue(shop.compare().inSync());
        assertFalse(shop.generate().written().isPresent());
        try (var files = Files.list(shop.migrations())) {
            assertEquals(java.util.List.of("V1__create_customers_table_and_4_more.sql"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "the migration, where Flyway looks");
        }
        // its undo beside the folder, where Flyway does not look
        assertEquals(java.util.List.of(first.written().get(),
                        shop.migrations().resolveSibling("schema-undo").resolve("U1__create_customers_table_and_4_more.sql")),
                first.files());
        assertTrue(Files.exists(first.files().get(1)));
        shop.assertMigrationsBuildTheModel();
    }
}
