package io.schemadiff.pipeline;

import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code schema.destructive}: a migration that loses data is written with a warning, or not at all. */
class DestructivePolicyTest {

    @TempDir
    Path dir;

    private Scenario shopWithAColumnTheModelDropped() {
        return ShopMigrations.inSync(dir)
                .migration("V3__fax.sql", "alter table customers add column fax varchar(30);");
    }

    @Test
    void warnWritesTheMigrationAndSaysWhatIsLost() throws Exception {
        Scenario scenario = shopWithAColumnTheModelDropped();
        SchemaPipeline.Generation generation = scenario.generate();

        assertTrue(generation.written().isPresent());
        String sql = Files.readString(generation.written().get());
        assertTrue(sql.contains("-- Review checklist:\n"
                + "--   [ ] Creates: nothing new\n"
                + "--   [ ] Foreign keys: none added\n"
                + "--   [ ] Indexes: none added\n"
                + "--   [x] Undo: " + generation.comparison().undoFolder().resolve(generation.comparison().undoFileName())
                + ", checked to restore the schema before this migration\n"
                + "--   [!] Data loss: customers: drop column fax (drops the column and its data)\n"), sql);
        String undo = Files.readString(generation.comparison().undoFolder().resolve(generation.comparison().undoFileName()));
        assertTrue(undo.contains("--   - the values of column customers.fax\n"), undo);
        assertTrue(undo.contains("alter table customers add column fax varchar(30);"), undo);
        assertTrue(scenario.warnings().stream().anyMatch(w -> w.startsWith(generation.comparison().migrationFileName()
                + " loses data") && w.contains("customers: drop column fax (drops the column and its data)")),
                scenario.warnings().toString());
    }

    @Test
    void failWritesNothingAndNamesTheChange() throws Exception {
        Scenario scenario = shopWithAColumnTheModelDropped();
        DestructiveChangesException e = assertThrows(DestructiveChangesException.class, () -> scenario.pipeline(
                scenario.settings().destructive(PipelineSettings.Policy.FAIL)).generate());

        assertTrue(e.getMessage().startsWith("Nothing was written: 1 change loses data, and schema.destructive=fail"),
                e.getMessage());
        assertTrue(e.getMessage().contains("customers: drop column fax"), e.getMessage());
        try (var files = Files.list(scenario.migrations())) {
            assertEquals(3, files.count(), "no migration was written");
        }
    }
}
