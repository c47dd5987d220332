package io.schemadiff.reference;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.testing.SharedMariaDb;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed replay names the statement that failed and, for another database's SQL, the setting to change. */
class ReplayFailureTest {

    private static final String MYSQL_MIGRATION = """
            create table ward (id int primary key);

            -- exported from the production MySQL
            create table `patient` (
              `id` bigint NOT NULL AUTO_INCREMENT,
              `name` varchar(120) NOT NULL,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            """;

    @Test
    void mysqlMigrationsReplayedOnPostgresNameTheDialectSetting(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V1__create_patient.sql"), MYSQL_MIGRATION);
        try (SharedPostgres.Database database = SharedPostgres.newDatabase("replay_failure")) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> new MigrationReplay().replay(database.dataSource(), List.of(folder)));
            String message = e.getMessage();
            assertTrue(message.contains("syntax error at or near \"`\""), message);
            assertTrue(message.contains("Line       : 4"), message);
            // the statement itself instead of Flyway's "Run Flyway with -X"
            assertTrue(message.contains("Statement  : create table `patient` ("), message);
            assertTrue(message.contains(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"), message);
            assertFalse(message.contains("Run Flyway with -X"), message);
            assertTrue(message.contains("V1__create_patient.sql looks like MySQL/MariaDB SQL: back-quoted names (line 4),"
                    + " ENGINE= (line 8), AUTO_INCREMENT (line 5)"), message);
            assertTrue(message.contains("replayed it on PostgreSQL (schema.dialect=postgresql)"), message);
            assertTrue(message.contains("set <dialect>mariadb</dialect> (-Dschema.dialect=mariadb)"), message);
        }
    }

    @Test
    void postgresMigrationsReplayedOnMariaDbNameTheDialectSetting(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V1__create_patient.sql"), """
                create table patient (
                    id bigserial primary key,
                    admitted timestamptz not null default now()::timestamptz
                );
                """);
        try (SharedPostgres.Database database = SharedPostgres.Database.create(SharedMariaDb.embedded(), "replay_failure")) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> new MigrationReplay(FlywayProject.ofFolders(List.of()), Dialect.MARIADB)
                            .replay(database.dataSource(), List.of(folder)));
            String message = e.getMessage();
            assertTrue(message.contains("V1__create_patient.sql looks like PostgreSQL SQL"), message);
            assertTrue(message.contains("set <dialect>postgresql</dialect> (-Dschema.dialect=postgresql)"), message);
        }
    }

    @Test
    void anOrdinaryErrorGetsNoDialectHint(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V1__create_patient.sql"), """
                create table patient (id bigint primary key);
                alter table patient add column name varchar(120) not nul;
                """);
        try (SharedPostgres.Database database = SharedPostgres.newDatabase("replay_failure")) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> new MigrationReplay().replay(database.dataSource(), List.of(folder)));
            assertTrue(e.getMessage().contains("Statement  : alter table patient add column name varchar(120) not nul;"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("looks like"), e.getMessage());
        }
    }

    @Test
    void aStatementIsShownUpToItsSemicolonAndAtMostEightLines() {
        List<String> lines = List.of("a", "create table x (", "  id int", ");", "b");
        assertEquals("create table x (\n  id int\n);", ReplayFailure.statementAt(lines, 2));
        List<String> longOne = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "c" + i).toList();
        assertEquals(9, ReplayFailure.statementAt(longOne, 1).lines().count());
    }
}
