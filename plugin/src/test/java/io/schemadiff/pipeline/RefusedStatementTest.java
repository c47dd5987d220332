package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated statement the database refuses on a table without rows is the plugin's fault, not the
 * data's: it is reported as an internal error naming the statement and the database's words.
 */
class RefusedStatementTest {

    @Test
    void readsTheStatementAndItsTableFromFlywaysReport() {
        String message = """
                Replaying the migrations in filesystem:/tmp/x failed: Migration V3__x.sql failed
                -----------------------------
                SQL State  : HY000
                Error Code : 1005
                Message    : Can't create table `db`.`club_guests` (errno: 150 "Foreign key constraint is incorrectly formed")
                Location   : /tmp/x/V3__x.sql
                Line       : 12
                Statement  : alter table `club_guests` drop primary key
                """;
        RefusedStatement refused = RefusedStatement.in(message, Map.of()).orElseThrow();
        assertEquals("alter table `club_guests` drop primary key", refused.statement());
        assertEquals("`club_guests`", refused.table());
        assertEquals("public.orders", RefusedStatement.in("Statement  : create unique index ux on public.orders (a)", Map.of())
                .orElseThrow().table());
        assertEquals("`orders`", RefusedStatement.in("Statement  : drop index if exists ix on `orders`", Map.of())
                .orElseThrow().table());
        assertEquals(Optional.empty(), RefusedStatement.in("Unable to connect", Map.of()));
    }

    @Test
    void withoutADebugLogTheStatementIsReadFromTheFileAtFlywaysLine() {
        String message = """
                Migration V3__x.sql failed
                Location   : /tmp/verify123/V3__x.sql (/tmp/verify123/V3__x.sql)
                Line       : 3
                Statement  : Run Flyway with -X option to see the actual statement causing the problem
                """;
        String script = "-- V3__x.sql\n\nalter table `club_guests`\n    drop primary key;\n\nselect 1;\n";
        RefusedStatement refused = RefusedStatement.in(message, Map.of("V3__x.sql", script)).orElseThrow();
        assertEquals("alter table `club_guests` drop primary key", refused.statement());
        assertEquals("`club_guests`", refused.table());
        assertEquals(Optional.empty(), RefusedStatement.in(message, Map.of("V4__other.sql", script)));
    }

    @Test
    void aStatementRefusedOnAnEmptyTableIsAnInternalErrorNotADataProblem(@TempDir Path dir) throws Exception {
        // a template that writes SQL PostgreSQL refuses stands for a bug in the plugin's own templates
        Path templates = Files.createDirectories(dir.resolve("templates/postgresql"));
        Files.writeString(templates.resolve("add_column.vm"),
                "alter table $sql.table($change.table) add column $sql.name($change.definition.name) no_such_type;\n");
        Scenario scenario = Scenario.of(dir.resolve("project"), "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS.replace(",\n    name varchar(100)", ""))
                .migration("V2__orders.sql", ShopMigrations.ORDERS);

        SchemaException e = assertThrows(SchemaException.class,
                () -> scenario.pipeline(scenario.settings().templatesDirectory(dir.resolve("templates"))).compare());

        assertTrue(e.getMessage().startsWith("Internal error: the plugin wrote SQL that PostgreSQL refuses, on a table "
                + "without rows (so not because of the data): alter table customers add column name no_such_type"),
                e.getMessage());
        assertTrue(e.getMessage().contains("type \"no_such_type\" does not exist"), e.getMessage());
        assertTrue(!e.getMessage().contains("does not run on the data"), e.getMessage());
    }
}
