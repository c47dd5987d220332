package io.schemadiff.cache;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCodecTest {

    /** Every record and field the readers fill, with the characters a format could trip on. */
    static DatabaseSchema everything() {
        QualifiedName orders = QualifiedName.of("public", "orders");
        QualifiedName customers = QualifiedName.of("sales", "Customers\tTab");
        Table ordersTable = new Table(orders,
                List.of(new Column("id", "bigint", false, null, Column.Generation.IDENTITY_BY_DEFAULT),
                        new Column("note", "character varying(255)", true, "'a\\b\nc\\N'::character varying",
                                Column.Generation.NONE),
                        new Column("\\N", "text", true, "", Column.Generation.SERIAL),
                        new Column("customer_id", "bigint", true, null, Column.Generation.NONE)),
                new PrimaryKey("orders_pkey", List.of("id")),
                List.of(new ForeignKey("fk_customer", List.of("customer_id"), customers, List.of("id"),
                        ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, true, false)),
                List.of(new UniqueKey("uk_note", List.of("note", "id"), true), new UniqueKey("uk_empty", List.of(), false)),
                List.of(new Index("ix_note", false, "CREATE INDEX ix_note ON public.orders USING btree (note)",
                        "btree (note)", true, false)),
                List.of(CheckConstraint.fromCatalog("ck_note", "CHECK ((note <> ''::text))", List.of("note")),
                        new CheckConstraint("ck_source", "CHECK (x)", List.of(), null)));
        Table customersTable = new Table(customers, List.of(new Column("id", "bigint", false, null,
                Column.Generation.IDENTITY_ALWAYS)), null, List.of(), List.of(), List.of(), List.of());
        Sequence sequence = new Sequence(QualifiedName.of("public", "orders_seq"), "bigint", 1, 50, 1,
                Long.MAX_VALUE, 1, true);
        return new DatabaseSchema(Set.of("public", "sales"),
                new java.util.TreeMap<>(Map.of(orders, ordersTable, customers, customersTable)),
                new java.util.TreeMap<>(Map.of(sequence.name(), sequence)), List.of("view public.v", "function f()\r"));
    }

    @Test
    void aCatalogComesBackEqualWithItsMeta() {
        CatalogCodec.Entry entry = new CatalogCodec.Entry(Map.of("server", "16.4", "migrations", "7"), everything());
        CatalogCodec.Entry decoded = CatalogCodec.decode(CatalogCodec.encode(entry));
        assertEquals(entry.schema(), decoded.schema());
        assertEquals(entry.meta(), decoded.meta());

        DatabaseSchema empty = new DatabaseSchema(Set.of(), new java.util.TreeMap<>(), new java.util.TreeMap<>(), List.of());
        assertEquals(empty, CatalogCodec.decode(CatalogCodec.encode(new CatalogCodec.Entry(Map.of(), empty))).schema());
    }

    @Test
    void aFileCutShortEditedOrForeignIsRefusedWhole() {
        String text = CatalogCodec.encode(new CatalogCodec.Entry(Map.of("server", "16.4"), everything()));
        assertThrows(IllegalArgumentException.class, () -> CatalogCodec.decode(text.substring(0, text.length() / 2)));
        assertThrows(IllegalArgumentException.class, () -> CatalogCodec.decode(text.substring(0, text.length() - 1)));
        String edited = text.replace("bigint", "integer");
        assertTrue(!edited.equals(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogCodec.decode(edited));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CatalogCodec.decode("schemadiff-catalog 0\nend\tabc\n"));
        assertThrows(IllegalArgumentException.class, () -> CatalogCodec.decode(""));
    }
}
