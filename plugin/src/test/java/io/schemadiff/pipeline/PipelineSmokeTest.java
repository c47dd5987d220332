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
        System.out.println(first.comparison().migrationSql());
        System.out.println(String.join("\n", ChangeReport.lines(first.comparison())));
        System.out.println(first.comparison().timings());
        assertTrue(first.written().isPresent());
        assertEquals("V1__create_customers_table_and_1_more.sql", first.written().get().getFileName().toString());
        assertTrue(shop.compare().inSync());
        assertFalse(shop.generate().written().isPresent());
        assertEquals(1, Files.list(shop.migrations()).count());
        shop.assertMigrationsBuildTheModel();
    }
}
