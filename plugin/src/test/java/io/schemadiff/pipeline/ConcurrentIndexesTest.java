package io.schemadiff.pipeline;

import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema.concurrentIndexes}: an index on a table that already has rows is built with
 * {@code create index concurrently}, in a migration of its own after the main one, since PostgreSQL
 * cannot build it inside a transaction. Both are proven together, and so are their undos.
 */
class ConcurrentIndexesTest {

    @TempDir
    Path dir;

    /** The orders' index is missing, and so is the customers' name column. */
    private Scenario shopMissingAnIndexAndAColumn() {
        return Scenario.of(dir, ShopMigrations.PACKAGES)
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS.replace(",\n    name varchar(100)", ""))
                .migration("V2__orders.sql", ShopMigrations.ORDERS.replace(
                        "create index idx_orders_placed on purchase_orders (placedAt);", ""));
    }

    @Test
    void theIndexGetsAMigrationOfItsOwnBuiltConcurrently() throws Exception {
        Scenario scenario = shopMissingAnIndexAndAColumn();
        SchemaPipeline.Generation generation = scenario.pipeline(scenario.settings().concurrentIndexes(true)).generate();

        Comparison comparison = generation.comparison();
        assertEquals(List.of("V3__add_name_to_customers.sql", "U3__add_name_to_customers.sql",
                "V4__add_index_to_purchase_orders_placedat_concurrently.sql",
                "U4__add_index_to_purchase_orders_placedat_concurrently.sql"), comparison.fileNames());
        String index = Files.readString(scenario.migrations().resolve(comparison.followUp().fileName()));
        assertTrue(index.contains("create index concurrently "), index);
        assertTrue(!comparison.migrationSql().contains("create index"), comparison.migrationSql());
        assertTrue(scenario.compare().inSync());
        scenario.assertMigrationsBuildTheModel();
    }

    @Test
    void withOnlineOffConcurrentIndexesStillMovesTheIndexBuildAndNothingElse() {
        Scenario scenario = shopMissingAnIndexAndAColumn();
        Comparison comparison = scenario.pipeline(scenario.settings().online(false).concurrentIndexes(true)).compare();

        assertTrue(comparison.followUp().sql().contains("create index concurrently "), comparison.followUp().sql());
        assertTrue(!comparison.migrationSql().contains("lock_timeout"), "the timeouts come with schema.online");
        assertEquals(List.of(comparison.followUp().fileName(), comparison.followUp().undoFileName()),
                comparison.outsideTransaction());
    }

    @Test
    void onlyIndexesMeansOneMigrationBuiltConcurrently() {
        Scenario scenario = Scenario.of(dir, ShopMigrations.PACKAGES)
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS)
                .migration("V2__orders.sql", ShopMigrations.ORDERS.replace(
                        "create index idx_orders_placed on purchase_orders (placedAt);", ""));
        Comparison comparison = scenario.pipeline(scenario.settings().concurrentIndexes(true)).compare();

        assertNull(comparison.followUp());
        assertEquals("V3__add_index_to_purchase_orders_placedat_concurrently.sql", comparison.migrationFileName());
        assertTrue(comparison.migrationSql().contains("create index concurrently "), comparison.migrationSql());
    }

    @Test
    void anIndexOnATableTheMigrationCreatesIsBuiltTheUsualWay() {
        Scenario scenario = Scenario.of(dir, ShopMigrations.PACKAGES).migration("V1__customers.sql", ShopMigrations.CUSTOMERS);
        Comparison comparison = scenario.pipeline(scenario.settings().concurrentIndexes(true)).compare();

        assertNull(comparison.followUp(), "a new table has no rows to protect");
        assertTrue(comparison.migrationSql().contains("create index "), comparison.migrationSql());
        assertTrue(!comparison.migrationSql().contains("concurrently"), comparison.migrationSql());
    }
}
