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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema.keep} and {@code schema.keepUndeclaredIndexes}: indexes and constraints SQL owns on
 * tables the model owns are never dropped, and the output says they were left alone. On the embedded
 * PostgreSQL, through the whole pipeline, including the verification of a generated migration.
 */
class KeptIndexesAndConstraintsTest {

    /** Tuning and a rule only SQL declares, on the model's purchase_orders. */
    private static final String SQL_OWNED = """
            create index idx_orders_total on purchase_orders (total);
            create index orders_by_customer on purchase_orders (customer_id, placedAt);
            alter table purchase_orders add constraint chk_orders_total check (total >= 0);
            """;

    @TempDir
    Path dir;

    private Scenario shopWithSqlOwnedObjects() {
        return ShopMigrations.inSync(dir).migration("V3__tuning.sql", SQL_OWNED);
    }

    private static List<String> described(Comparison comparison) {
        return comparison.diff().changes().stream().map(Change::describe).sorted().toList();
    }

    @Test
    void withoutKeepingThemTheModelDropsThem() {
        Comparison comparison = shopWithSqlOwnedObjects().compare();
        // in any order: the lock-safe rendering (schema.online) drops the indexes concurrently, after the check
        assertEquals(List.of("DROP_CHECK", "DROP_INDEX", "DROP_INDEX"),
                comparison.diff().changes().stream().map(c -> c.kind().name()).sorted().toList());
    }

    @Test
    void namedPatternsKeepIndexesAndConstraintsAndReportThemAsLeftAlone() {
        Comparison comparison = shopWithSqlOwnedObjects()
                .keep(List.of("idx_orders_*", "purchase_orders.chk_*"), false).compare();

        assertEquals(List.of("drop index orders_by_customer USING btree (customer_id, placedat)"), described(comparison),
                "only what no pattern names is dropped");
        assertTrue(comparison.diff().unmanaged().contains("index idx_orders_total on purchase_orders (schema.keep)"),
                comparison.diff().unmanaged().toString());
        assertTrue(comparison.diff().unmanaged().contains("check chk_orders_total on purchase_orders (schema.keep)"),
                comparison.diff().unmanaged().toString());
    }

    @Test
    void keepingUndeclaredIndexesLeavesEveryIndexAloneAndTheGeneratedMigrationIsProven() throws Exception {
        Scenario scenario = shopWithSqlOwnedObjects().keep(List.of(), true);
        SchemaPipeline.Generation generation = scenario.generate();

        Comparison comparison = generation.comparison();
        assertEquals(List.of(Change.Kind.DROP_CHECK), comparison.diff().changes().stream().map(Change::kind).toList(),
                "a check is a rule, not an index: only schema.keep keeps it");
        assertTrue(comparison.diff().unmanaged().containsAll(List.of(
                        "index idx_orders_total on purchase_orders (schema.keepUndeclaredIndexes)",
                        "index orders_by_customer on purchase_orders (schema.keepUndeclaredIndexes)")),
                comparison.diff().unmanaged().toString());
        // verified against the replayed migrations: the kept indexes are still there, and that is no drift
        String sql = Files.readString(generation.written().orElseThrow());
        assertTrue(!sql.contains("idx_orders_total") && !sql.contains("orders_by_customer"), sql);
        assertTrue(scenario.compare().inSync(), "after the migration, the kept indexes are no drift");
    }
}
