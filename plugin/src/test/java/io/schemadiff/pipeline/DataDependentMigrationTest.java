package io.schemadiff.pipeline;

import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The existing migrations insert rows, and the model adds a NOT NULL column without a default: the
 * migration cannot run as written. That is a decision for a person, said clearly, never written
 * silently and never called an internal error; with {@code schema.backfill} it is rendered in
 * expand/contract steps and proven like any other.
 */
class DataDependentMigrationTest {

    @TempDir
    Path dir;

    private Scenario customersWithARowButNoCreatedAt() {
        return Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS.replace("    createdAt timestamptz not null,\n", "")
                        + "insert into customers (email, name) values ('ada@example.com', 'Ada');\n")
                .migration("V2__orders.sql", ShopMigrations.ORDERS);
    }

    @Test
    void theComparisonSaysWhichStepCannotRunOnTheData() {
        Comparison comparison = customersWithARowButNoCreatedAt().compare();

        assertEquals(List.of(Change.Kind.ADD_COLUMN), comparison.diff().changes().stream().map(Change::kind).toList());
        String problem = comparison.dataProblem();
        assertTrue(problem.startsWith("V3__add_createdat_to_customers.sql does not run on the data the existing migrations insert: "
                + "ERROR: column \"createdat\" of relation \"customers\" contains null values"), problem);
        assertTrue(problem.contains("customers: add column createdat timestamp(6) with time zone not null"), problem);
        assertTrue(problem.contains("-Dschema.backfill=true"), problem);
    }

    @Test
    void generateWritesNothing() throws Exception {
        Scenario scenario = customersWithARowButNoCreatedAt();
        UnappliableMigrationException e = assertThrows(UnappliableMigrationException.class, scenario::generate);
        assertTrue(e.getMessage().startsWith("Nothing was written: V3__add_createdat_to_customers.sql does not run"),
                e.getMessage());
        try (var files = Files.list(scenario.migrations())) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void withBackfillTheColumnIsAddedNullableFilledAndThenMadeNotNull() throws Exception {
        Scenario scenario = customersWithARowButNoCreatedAt();
        SchemaPipeline.Generation generation = scenario.pipeline(scenario.settings().backfill(true)).generate();

        assertNull(generation.comparison().dataProblem());
        String sql = Files.readString(generation.written().orElseThrow());
        assertTrue(sql.contains("""
                -- backfill: added nullable, existing rows filled, then NOT NULL
                alter table customers add column createdat timestamp(6) with time zone;
                -- REVIEW: existing rows get a placeholder; replace it with the real value
                update customers set createdat = current_timestamp where createdat is null;
                alter table customers add constraint customers_createdat_not_null_check check (createdat is not null) not valid;"""), sql);
        // NOT NULL once the check is validated, in the lock-safe follow-up (schema.online)
        String followUp = generation.comparison().followUp().sql();
        assertTrue(followUp.contains("""
                alter table customers validate constraint customers_createdat_not_null_check;
                alter table customers alter column createdat set not null;
                alter table customers drop constraint customers_createdat_not_null_check;"""), followUp);
        assertTrue(scenario.compare().inSync());
        scenario.assertMigrationsBuildTheModel();
    }
}
