package io.schemadiff.pipeline;

import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code schema.exclude}: tables SQL owns are never dropped, and the output says they were left alone. */
class ExcludedTablesTest {

    /** ShedLock's table, as its documentation has users create it by hand. */
    private static final String SHEDLOCK = """
            create table shedlock (
                name varchar(64) not null primary key,
                lock_until timestamp not null,
                locked_at timestamp not null,
                locked_by varchar(255) not null
            );
            create sequence report_run_seq;
            """;

    @TempDir
    Path dir;

    private Scenario shopWithLockTable() {
        return ShopMigrations.inSync(dir).migration("V3__shedlock.sql", SHEDLOCK);
    }

    @Test
    void withoutExclusionATableNoEntityMapsIsDropped() {
        Comparison comparison = shopWithLockTable().compare();
        assertEquals(java.util.List.of(Change.Kind.DROP_TABLE, Change.Kind.DROP_SEQUENCE),
                comparison.diff().changes().stream().map(Change::kind).sorted().toList());
    }

    @Test
    void excludedTablesAndSequencesAreLeftAloneAndReported() {
        Comparison comparison = shopWithLockTable().exclude("shedlock", "public.report_*").compare();

        assertTrue(comparison.inSync(), () -> "excluded objects must not be dropped: " + comparison.diff().changes());
        assertTrue(comparison.diff().unmanaged().contains("table shedlock (schema.exclude)"),
                comparison.diff().unmanaged().toString());
        assertTrue(comparison.diff().unmanaged().contains("sequence report_run_seq (schema.exclude)"),
                comparison.diff().unmanaged().toString());
    }

    @Test
    void anExcludedTableIsNotCreatedEvenWhenAnEntityMapsIt() {
        // purchase_orders is missing from the migrations, but SQL owns it
        Scenario scenario = Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", ShopScenarioTest.CUSTOMERS
                        + "create sequence purchase_orders_seq start 1 increment 50;\n")
                .exclude("purchase_orders");

        Comparison comparison = scenario.compare();

        assertTrue(comparison.inSync(), () -> "nothing may touch an excluded table: " + comparison.diff().changes());
        assertFalse(comparison.diff().unmanaged().stream().anyMatch(u -> u.contains("purchase_orders")),
                "a table the migrations do not create is not reported as left alone");
    }
}
