package io.schemadiff.write;

import io.schemadiff.core.SchemaException;
import io.schemadiff.testing.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFolderCheckTest {

    @TempDir
    Path dir;

    private Path file(String name, String sql) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql);
    }

    private List<MigrationFolderCheck.Problem> check() {
        return MigrationFolderCheck.check(dir, MigrationLock.read(dir.resolve("schema.lock")));
    }

    private static String only(List<MigrationFolderCheck.Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0).message();
    }

    @Test
    void aHealthyFolderHasNoProblems() throws IOException {
        file("V1__users.sql", "create table users (id int);");
        file("V1_1__accounts.sql", "create table accounts (id int);");
        file("sub/V2__more.sql", "select 1;");
        file("R__views.sql", "select 1;");
        file("README.md", "notes");
        file(".gitkeep", "");
        assertEquals(List.of(), check());
    }

    @Test
    void twoBranchesTakingTheSameVersionFailNamingBothAndTheNextFreeVersion() throws IOException {
        file("V4__budgets.sql", "select 1;");
        file("V5__add_phone.sql", "select 1;");
        file("V5__add_fax.sql", "select 1;");
        List<MigrationFolderCheck.Problem> problems = check();
        String message = only(problems);
        assertTrue(problems.get(0).error());
        assertTrue(message.startsWith("2 migrations have version 5: V5__add_fax.sql, V5__add_phone.sql"), message);
        assertTrue(message.contains("V5__add_phone.sql -> V6__add_phone.sql"), message);
    }

    @Test
    void versionsSpelledDifferentlyAreStillTheSame() throws IOException {
        file("V1_1__a.sql", "select 1;");
        file("V1.1__b.sql", "select 1;");
        assertTrue(only(check()).startsWith("2 migrations have version 1.1"));
    }

    @Test
    void aBaselineMaySharePrefixlessVersionWithAVersionedMigration() throws IOException {
        file("V5__step.sql", "select 1;");
        file("B5__baseline.sql", "select 1;");
        assertEquals(List.of(), check());
    }

    @Test
    void misnamedSqlFilesAreErrorsThatSayHowToNameThem() throws IOException {
        Map<String, String> expected = Map.of(
                "V2_add_phone.sql", "one underscore, Flyway needs two; rename it to V2__add_phone.sql",
                "v3__lower.sql", "the prefix is case-sensitive; rename it to V3__lower.sql",
                "V4.sql", "it has no description",
                "V5-add_fax.sql", "rename it to V5__add_fax.sql",
                "create_users.sql", "it has no V<version>__ (or R__) prefix");
        for (String name : expected.keySet()) {
            file(name, "select 1;");
        }
        List<MigrationFolderCheck.Problem> problems = check();
        assertEquals(expected.size(), problems.size(), problems.toString());
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            assertTrue(problems.stream().anyMatch(p -> p.error() && p.message().startsWith(entry.getKey() + ": Flyway would not run it")
                    && p.message().contains(entry.getValue())), entry + " in " + problems);
        }
    }

    @Test
    void filesThatLookLikeMigrationsButDoNotEndInSqlAreWarnings() throws IOException {
        file("V6__add_index.SQL", "select 1;");
        file("V7__draft.sql.txt", "select 1;");
        List<MigrationFolderCheck.Problem> problems = check();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().noneMatch(MigrationFolderCheck.Problem::error));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("V6__add_index.SQL")
                && p.message().contains("rename it to V6__add_index.sql")), problems.toString());
    }

    @Test
    void enforceFailsWithEveryErrorAtOnceAfterPrintingWarnings() throws IOException {
        file("V1__a.sql", "select 1;");
        file("V1__b.sql", "select 1;");
        file("V2_c.sql", "select 1;");
        file("V3__d.txt", "select 1;");
        List<String> warnings = new ArrayList<>();
        SchemaException e = assertThrows(SchemaException.class, () -> MigrationFolderCheck.enforce(check(), warnings::add));
        assertTrue(e.getMessage().contains("V1__a.sql, V1__b.sql") && e.getMessage().contains("V2_c.sql"), e.getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void editedRemovedAndOutOfOrderMigrationsFailAgainstTheLock() throws IOException {
        file("V1__users.sql", "create table users (id int);");
        file("V2__accounts.sql", "create table accounts (id int);");
        file("V3__budgets.sql", "create table budgets (id int);");
        file("V4__tags.sql", "create table tags (id int);");
        MigrationLock.write(dir.resolve("schema.lock"), dir);
        assertEquals(List.of(), check(), "a fresh lock matches its folder");

        file("V2__accounts.sql", "create table accounts (id bigint);");
        Files.delete(dir.resolve("V3__budgets.sql"));
        file("V3_1__late.sql", "select 1;");
        file("V5__new.sql", "select 1;");

        String problems = check().stream().map(MigrationFolderCheck.Problem::message).collect(Collectors.joining("\n"));
        assertEquals(3, check().size(), problems);
        assertTrue(problems.contains("V2__accounts.sql was released (schema.lock, checksum "), problems);
        assertTrue(problems.contains("has been edited"), problems);
        assertTrue(problems.contains("V3__budgets.sql was released (schema.lock) but is gone"), problems);
        assertTrue(problems.contains("V3_1__late.sql is not released yet, but its version 3.1 is below the released 4"), problems);
    }

    @Test
    void withFlywaysOutOfOrderALateMigrationIsAWarningNotAnError() throws IOException {
        file("V1__users.sql", "create table users (id int);");
        file("V4__tags.sql", "create table tags (id int);");
        MigrationLock.write(dir.resolve("schema.lock"), dir);
        file("V3_1__late.sql", "select 1;");

        List<MigrationFolderCheck.Problem> problems = MigrationFolderCheck.check(dir,
                MigrationLock.read(dir.resolve("schema.lock")), MigrationNaming.FLYWAY_DEFAULTS, true, null);

        assertEquals(1, problems.size(), problems.toString());
        assertFalse(problems.get(0).error());
        assertTrue(problems.get(0).message().contains("with outOfOrder, Flyway runs it after 4"), problems.toString());
    }

    @Test
    void aBrokenLockLineIsNamedWithItsLineNumber() throws IOException {
        file("schema.lock", "# header\nV1__users.sql 12\nV2__x.sql twelve\n");
        SchemaException e = assertThrows(SchemaException.class, () -> MigrationLock.read(dir.resolve("schema.lock")));
        assertTrue(e.getMessage().contains("schema.lock:3:"), e.getMessage());
    }

    /** The lock's checksums must be Flyway's own, or a lock could never agree with flyway_schema_history. */
    @Test
    void checksumsAreTheOnesFlywayRecords() throws IOException {
        file("V1__lf.sql", "create table a (id int);\n-- comment\n");
        file("V2__crlf.sql", "create table b (id int);\r\n\r\ninsert into b values (1);\r\n");
        Files.write(dir.resolve("V3__bom.sql"), ("\uFEFFcreate table c (id int);\n").getBytes(StandardCharsets.UTF_8));
        file("V4__no_final_newline.sql", "create table d (id int);");

        try (SharedPostgres.Database database = SharedPostgres.newDatabase("checksums")) {
            Flyway flyway = Flyway.configure().dataSource(database.dataSource())
                    .locations("filesystem:" + dir.toAbsolutePath()).load();
            flyway.migrate();
            MigrationInfo[] applied = flyway.info().applied();
            assertEquals(4, applied.length);
            for (MigrationInfo migration : applied) {
                assertEquals(migration.getChecksum(), MigrationLock.checksum(dir.resolve(migration.getScript())),
                        migration.getScript());
            }
        }
    }
}
