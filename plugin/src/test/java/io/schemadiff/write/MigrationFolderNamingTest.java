package io.schemadiff.write;

import io.schemadiff.config.FlywaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder checks and the next file's name follow the project's Flyway naming, on real folders. */
class MigrationFolderNamingTest {

    @TempDir
    Path dir;

    private static MigrationNaming naming(String suffixes, String undoPrefix, Boolean validate) {
        return MigrationNaming.of(new FlywaySettings(null, Map.of(), null, null, null, null, null, null, null, null,
                suffixes == null ? null : List.of(suffixes.split(",")), null, null, null, null, null, undoPrefix,
                validate));
    }

    private Path file(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "select 1;");
    }

    /** A folder of three vendors, each with the same versions, as multi-vendor projects keep them. */
    private void threeVendors() throws IOException {
        for (String vendor : List.of("H2", "MYSQL", "POSTGRESQL")) {
            file(vendor + "/V1_20_0__create_books__" + vendor + ".sql");
            file(vendor + "/V1_20_4__add_isbn__" + vendor + ".sql");
        }
    }

    @Test
    void aMultiVendorFolderHasNoDuplicatesForTheVendorFlywayRuns() throws IOException {
        threeVendors();
        MigrationNaming postgres = naming("POSTGRESQL.sql", null, true);

        assertEquals(List.of(), MigrationFolderCheck.check(dir, Optional.empty(), postgres, false, null));
        // with Flyway's default .sql suffix every vendor's file counts, and the versions collide
        assertTrue(MigrationFolderCheck.check(dir, Optional.empty()).stream()
                .anyMatch(p -> p.error() && p.message().startsWith("3 migrations have version 1.20.0")));
    }

    @Test
    void theNextMigrationFollowsTheVendorFolderAndItsNamePattern() throws IOException {
        threeVendors();
        MigrationNaming postgres = naming("POSTGRESQL.sql", null, true);
        MigrationFolder folder = MigrationFolder.scan(List.of(dir), List.of(), postgres);
        MigrationFolder.Placement placement = folder.placement(postgres);

        assertEquals(dir.resolve("POSTGRESQL"), placement.folder());
        String name = postgres.fileName("V", folder.nextVersion(java.time.Clock.systemUTC()), "add_x_and_11_more",
                placement.joiner(), placement.suffix());
        assertEquals("V1_20_5__add_x_and_11_more__POSTGRESQL.sql", name);
        // Flyway reads the description back as written, ending where the suffix starts
        assertEquals(Optional.empty(), postgres.flywayRefusal(name));
        assertEquals("add_x_and_11_more__", postgres.versioned(name).orElseThrow().description());
    }

    @Test
    void aPlainFolderKeepsItsPlainNames() throws IOException {
        file("V1__create_books.sql");
        MigrationFolder.Placement placement = MigrationFolder.scan(dir).placement(MigrationNaming.FLYWAY_DEFAULTS);
        assertEquals(new MigrationFolder.Placement(dir, ".sql", ""), placement);
    }

    @Test
    void aDuplicateIsNamedWithTheProjectsOwnPattern() throws IOException {
        file("POSTGRESQL/V2__add_fax__POSTGRESQL.sql");
        file("POSTGRESQL/V2__add_phone__POSTGRESQL.sql");
        List<MigrationFolderCheck.Problem> problems = MigrationFolderCheck.check(dir, Optional.empty(),
                naming("POSTGRESQL.sql", null, false), false, null);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains(
                "V2__add_phone__POSTGRESQL.sql -> V3__add_phone__POSTGRESQL.sql (the next free version)"),
                problems.get(0).message());
    }

    @Test
    void anUndoScriptStopsTheRunWhenFlywayValidatesNamesAndNamesFlywaysRule() throws IOException {
        file("V1__create_books.sql");
        file("U1__create_books.sql");
        Path undoFolder = Path.of("src/main/schema-undo");

        List<MigrationFolderCheck.Problem> refused = MigrationFolderCheck.check(dir, Optional.empty(),
                naming(null, null, true), false, undoFolder);
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).error());
        assertEquals("U1__create_books.sql: Flyway refuses to migrate at all while it is here: validateMigrationNaming"
                + " is on and Flyway Community says 'Unrecognised migration name format: U1__create_books.sql' (undo "
                + "migrations run only on Flyway Teams, configured with undoSqlMigrationPrefix). Move it to "
                + "src/main/schema-undo (where schema:generate writes undo scripts).", refused.get(0).message());

        // without validation Flyway skips it: a warning
        List<MigrationFolderCheck.Problem> skipped = MigrationFolderCheck.check(dir, Optional.empty(),
                naming(null, null, false), false, undoFolder);
        assertEquals(1, skipped.size(), skipped.toString());
        assertFalse(skipped.get(0).error());
        assertTrue(skipped.get(0).message().startsWith("U1__create_books.sql is an undo script: Flyway Community skips it"));

        // a project that names an undo prefix runs Flyway Teams: the file is in its place
        assertEquals(List.of(), MigrationFolderCheck.check(dir, Optional.empty(), naming(null, "U", true), false,
                undoFolder));
    }

    @Test
    void aFileFlywayWouldRefuseWithTheProjectsNamingIsReportedInFlywaysWords() throws IOException {
        file("POSTGRESQL/V1__create_books__POSTGRESQL.sql");
        file("POSTGRESQL/V1_x__POSTGRESQL.sql");
        file("H2/whatever_H2.sql");
        List<MigrationFolderCheck.Problem> problems = MigrationFolderCheck.check(dir, Optional.empty(),
                naming("POSTGRESQL.sql", null, true), false, null);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Path.of("POSTGRESQL", "V1_x__POSTGRESQL.sql") + ": Flyway refuses to migrate at all while it is "
                + "here (validateMigrationNaming is on): Invalid versioned migration name format: V1_x__POSTGRESQL.sql "
                + "(could not recognise version number 1_x) (the project's migrations are named "
                + "V<version>__<description>POSTGRESQL.sql).", problems.get(0).message());
    }

    @Test
    void undoScriptsGoOutsideEveryFlywayLocationUnlessTheProjectNamesAnUndoPrefix() {
        Path base = dir.resolve("app");
        Path migrations = base.resolve("src/main/resources/db/migration");
        assertEquals(base.resolve("src/main/schema-undo"), UndoFolder.resolve(null, base, List.of(migrations),
                naming(null, null, false), migrations));
        assertEquals(migrations, UndoFolder.resolve(null, base, List.of(migrations), naming(null, "U", false),
                migrations));
        io.schemadiff.core.SchemaException inside = org.junit.jupiter.api.Assertions.assertThrows(
                io.schemadiff.core.SchemaException.class, () -> UndoFolder.resolve(migrations.resolve("undo"), base,
                        List.of(migrations), naming(null, null, false), migrations));
        assertTrue(inside.getMessage().contains("inside the Flyway location " + migrations), inside.getMessage());
    }
}
