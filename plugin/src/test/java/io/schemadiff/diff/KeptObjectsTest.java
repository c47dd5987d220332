package io.schemadiff.diff;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeptObjectsTest {

    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName ITEMS = QualifiedName.of("sales", "items");

    private static Index index(String name, boolean unique) {
        return new Index(name, unique, "CREATE INDEX " + name, "USING btree (a)", false, false);
    }

    private static final Change DROP_TUNED = new Change.DropIndex(ORDERS, index("idx_orders_total", false));
    private static final Change DROP_OTHER = new Change.DropIndex(ORDERS, index("orders_by_day", false));
    private static final Change DROP_CHECK = new Change.DropCheck(ORDERS,
            CheckConstraint.fromCatalog("chk_orders_total", "CHECK ((total >= 0))", List.of("total")));
    private static final Change DROP_UNIQUE = new Change.DropUniqueKey(ORDERS,
            new UniqueKey("uk_orders_number", List.of("number"), false));
    private static final Change DROP_UNIQUE_INDEX = new Change.DropUniqueKey(ITEMS,
            new UniqueKey("ux_items_code", List.of("code"), true));
    private static final Change DROP_FK = new Change.DropForeignKey(ITEMS, new ForeignKey("fk_items_order",
            List.of("order_id"), ORDERS, List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION,
            false, false));
    private static final SchemaDiff DIFF = new SchemaDiff(List.of(DROP_TUNED, DROP_OTHER, DROP_CHECK, DROP_UNIQUE,
            DROP_UNIQUE_INDEX, DROP_FK), List.of("view v"));

    @Test
    void patternsNameObjectsOnAnyTableOnATableOrInASchema() {
        assertEquals(List.of(DROP_OTHER, DROP_UNIQUE, DROP_UNIQUE_INDEX),
                KeptObjects.of(List.of("idx_orders_*", "orders.chk_*", "sales.items.fk_*"), false).applyTo(DIFF).changes());
        assertEquals(List.of("view v", "index idx_orders_total on orders (schema.keep)",
                        "check chk_orders_total on orders (schema.keep)",
                        "foreign key fk_items_order on sales.items (schema.keep)"),
                KeptObjects.of(List.of("IDX_ORDERS_*", "orders.chk_*", "sales.items.fk_*"), false).applyTo(DIFF).unmanaged(),
                "matched without case, each reported with the setting that keeps it");
        assertEquals(List.of(DROP_TUNED, DROP_OTHER, DROP_CHECK, DROP_UNIQUE, DROP_UNIQUE_INDEX),
                KeptObjects.of(List.of("public.items.fk_*"), false).applyTo(DIFF).changes().stream()
                        .filter(c -> c != DROP_FK).toList());
        assertTrue(KeptObjects.of(List.of("public.items.fk_*"), false).applyTo(DIFF).changes().contains(DROP_FK),
                "another schema's table is another table");
    }

    @Test
    void undeclaredIndexesKeepsIndexesAndUniqueIndexesButNoConstraint() {
        SchemaDiff kept = KeptObjects.of(List.of(), true).applyTo(DIFF);
        assertEquals(List.of(DROP_CHECK, DROP_UNIQUE, DROP_FK), kept.changes());
        assertTrue(kept.unmanaged().contains("index orders_by_day on orders (schema.keepUndeclaredIndexes)"));
        assertTrue(kept.unmanaged().contains("unique ux_items_code on sales.items (schema.keepUndeclaredIndexes)"));
    }

    @Test
    void nothingToKeepLeavesTheDiffAsItIs() {
        assertSame(DIFF, KeptObjects.of(List.of(" ", ""), false).applyTo(DIFF));
    }

    @Test
    void aPatternThatNamesNoObjectIsRefusedNamingItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeptObjects.of(List.of("a.b.c.d"), false));
        assertTrue(e.getMessage().contains("'a.b.c.d'") && e.getMessage().contains("table.name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeptObjects.of(List.of("orders."), false));
    }
}
