package io.schemadiff.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.testing.ReportSchema;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reviewer sees of changes that lose no rows but weaken the schema: a foreign key's
 * {@code on delete} rule changed, a unique key and an index dropped. From a real comparison of the
 * shop fixture on the embedded PostgreSQL, through diff.json (checked against its schema), diff.md and
 * the migration's review checklist.
 */
class ChangeClassesReportTest {

    /** The shop's orders, with a cascading key and a unique key and an index the model does not have. */
    private static final String ORDERS = ShopMigrations.ORDERS
            .replace("references customers,", "references customers on delete cascade,")
            + """
            alter table purchase_orders add constraint uq_orders_total_status unique (total, status);
            create index ix_orders_total on purchase_orders (total);
            """;

    private static Comparison comparison;

    @BeforeAll
    static void compare(@TempDir Path dir) {
        comparison = Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS)
                .migration("V2__orders.sql", ORDERS)
                .compare();
    }

    private static JsonNode change(JsonNode report, String kind) {
        for (JsonNode change : report.get("changes")) {
            if (change.get("kind").asText().equals(kind)) {
                return change;
            }
        }
        throw new AssertionError("no " + kind + " in " + report.get("changes"));
    }

    @Test
    void aForeignKeyRuleChangeIsOneChangeWithItsBeforeAndAfter() {
        JsonNode report = ReportSchema.validJson(comparison);
        assertEquals(3, report.get("changes").size(), report.get("changes").toString());

        JsonNode rule = change(report, "alter_foreign_key");
        assertTrue(rule.get("summary").asText().endsWith("on delete cascade -> no action"), rule.toString());
        assertEquals("cascade", rule.get("before").get("onDelete").asText());
        assertEquals("no action", rule.get("after").get("onDelete").asText());
        assertEquals("customers", rule.get("after").get("references").asText());
        assertEquals("integrity", rule.get("safety").asText());
    }

    @Test
    void droppedUniquenessIsAnIntegrityRiskAndADroppedIndexAPerformanceOne() {
        JsonNode report = ReportSchema.validJson(comparison);
        assertEquals("integrity", change(report, "drop_unique_key").get("safety").asText());
        assertEquals("performance", change(report, "drop_index").get("safety").asText());
        assertEquals(0, report.get("destructiveChanges").asInt(), "no rows are lost");
    }

    @Test
    void theMarkdownAndTheReviewChecklistShowEachOfThem() {
        String md = MarkdownReport.of(comparison);
        assertTrue(md.contains("on delete cascade -> no action **[integrity]**"), md);
        assertTrue(md.contains("drop index ix_orders_total USING btree (total) **[performance]**"), md);

        String sql = comparison.migrationSql();
        assertTrue(sql.contains("--   [!] Removes or changes rules: "), sql);
        assertTrue(sql.contains("purchase_orders: drop unique uq_orders_total_status (total, status) (duplicates in "
                + "(total, status) are no longer refused)"), sql);
        // the index is dropped concurrently, in the lock-safe follow-up (schema.online), whose checklist names it
        String followUp = comparison.followUp().sql();
        assertTrue(followUp.contains("--   [!] Removes or changes rules: purchase_orders: drop index ix_orders_total"),
                followUp);
        assertTrue(sql.contains("(changes what deleting or updating a referenced row does to these rows "
                + "(on delete cascade -> no action))"), sql);
    }
}
