package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import io.schemadiff.write.MigrationLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder is checked before any migration runs, and the comparison never starts on a broken folder. */
class MigrationFolderHealthTest {

    @TempDir
    Path dir;

    private Scenario shop() {
        return ShopMigrations.inSync(dir);
    }

    @Test
    void duplicateVersionsStopTheComparisonNamingBothFiles() {
        Scenario scenario = shop().migration("V2__add_fax.sql", "alter table customers add column fax text;");
        SchemaException e = assertThrows(SchemaException.class, scenario::compare);
        assertTrue(e.getMessage().contains("2 migrations have version 2: V2__add_fax.sql, V2__orders.sql"), e.getMessage());
    }

    @Test
    void anEditedReleasedMigrationStopsTheComparison() throws Exception {
        Scenario scenario = shop();
        Path lock = MigrationLock.write(dir.resolve("schema.lock"), scenario.migrations());
        Files.writeString(scenario.migrations().resolve("V1__customers.sql"),
                ShopMigrations.CUSTOMERS.replace("varchar(100)", "varchar(200)"));

        SchemaException e = assertThrows(SchemaException.class,
                () -> scenario.pipeline(scenario.settings().lockFile(lock)).compare());
        assertTrue(e.getMessage().contains("V1__customers.sql was released (schema.lock, checksum"), e.getMessage());
    }

    @Test
    void aMisnamedFileIsAWarningWhenFlywayWouldSkipItAndTheComparisonGoesOn() {
        Scenario scenario = shop().migration("V3__notes.txt", "not sql");
        assertTrue(scenario.compare().inSync());
        assertTrue(scenario.warnings().stream().anyMatch(w -> w.startsWith("V3__notes.txt looks like a migration")),
                scenario.warnings().toString());
    }
}
