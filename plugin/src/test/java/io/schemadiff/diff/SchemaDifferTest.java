package io.schemadiff.diff;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.Column.Generation;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDifferTest {

    private static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    private final SchemaDiffer differ = new SchemaDiffer();

    // ---- building blocks -----------------------------------------------------------------------

    private static QualifiedName pub(String name) {
        return QualifiedName.of("public", name);
    }

    private static Column col(String name, String type) {
        return new Column(name, type, true, null, Generation.NONE);
    }

    private static Column notNull(String name, String type) {
        return new Column(name, type, false, null, Generation.NONE);
    }

    private static Column id(Generation generation) {
        return new Column("id", "bigint", false, null, generation);
    }

    private static ForeignKey fk(String name, String column, QualifiedName target, ForeignKey.Action onDelete) {
        return new ForeignKey(name, List.of(column), target, List.of("id"), onDelete, ForeignKey.Action.NO_ACTION,
                false, false);
    }

    private static Index index(String name, QualifiedName table, String body) {
        return new Index(name, false, "CREATE INDEX " + name + " ON " + table.schema() + "." + table.name() + " " + body,
                body, false, false);
    }

    /** A table under construction; every part defaults to empty. */
    private static final class T {
        final QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueKey> uniqueKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        T(QualifiedName name, Column... columns) {
            this.name = name;
            this.columns.addAll(List.of(columns));
        }

        T pk(String name, String... columns) { primaryKey = new PrimaryKey(name, List.of(columns)); return this; }
        T fk(ForeignKey fk) { foreignKeys.add(fk); return this; }
        T unique(UniqueKey uk) { uniqueKeys.add(uk); return this; }
        T index(Index ix) { indexes.add(ix); return this; }
        T check(CheckConstraint ck) { checks.add(ck); return this; }

        Table build() {
            return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
        }
    }

    private static DatabaseSchema schema(Table... tables) {
        return schema(List.of(tables), List.of());
    }

    private static DatabaseSchema schema(List<Table> tables, List<Sequence> sequences) {
        Map<QualifiedName, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<QualifiedName, Sequence> sequencesByName = new LinkedHashMap<>();
        sequences.forEach(s -> sequencesByName.put(s.name(), s));
        return DatabaseSchema.of(Set.of("public"), byName, sequencesByName);
    }

    private static List<String> plan(SchemaDiff diff) {
        return diff.changes().stream().map(c -> c.kind() + " " + c.subject().schema() + "." + c.subject().name()).toList();
    }

    private static Table customers() {
        return new T(CUSTOMERS, id(Generation.IDENTITY_BY_DEFAULT), notNull("email", "character varying(255)"),
                col("name", "character varying(100)"), new Column("status", "character varying(20)", false,
                "'NEW'::character varying", Generation.NONE))
                .pk("customers_pkey", "id")
                .unique(new UniqueKey("uk_customers_email", List.of("email"), false))
                .index(index("ix_customers_name", CUSTOMERS, "USING btree (name)"))
                .check(CheckConstraint.fromCatalog("ck_customers_status",
                        "CHECK (status::text = ANY (ARRAY['NEW'::character varying, 'OLD'::character varying]::text[]))",
                        List.of("status")))
                .build();
    }

    private static Table orders(ForeignKey.Action onDelete) {
        return new T(ORDERS, id(Generation.IDENTITY_BY_DEFAULT), notNull("customer_id", "bigint"),
                col("total", "numeric(12,2)"))
                .pk("orders_pkey", "id")
                .fk(fk("fk_orders_customer", "customer_id", CUSTOMERS, onDelete))
                .index(index("ix_orders_customer", ORDERS, "USING btree (customer_id)"))
                .build();
    }

    // ---- nothing to do -------------------------------------------------------------------------

    @Test
    void identicalSchemasNeedNoChanges() {
        Sequence seq = new Sequence(pub("invoice_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        DatabaseSchema reference = schema(List.of(customers(), orders(ForeignKey.Action.NO_ACTION)), List.of(seq));
        DatabaseSchema model = schema(List.of(customers(), orders(ForeignKey.Action.NO_ACTION)), List.of(seq));

        SchemaDiff diff = differ.diff(reference, model);

        assertTrue(diff.isEmpty(), diff.changes().toString());
        assertEquals(List.of(), diff.unmanaged());
    }

    @Test
    void constraintAndIndexNamesAreNotCompared() {
        Table reference = new T(ORDERS, id(Generation.NONE), notNull("customer_id", "bigint"), col("total", "numeric"))
                .pk("orders_pkey", "id")
                .fk(fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.CASCADE))
                .unique(new UniqueKey("uk_orders_customer_total", List.of("customer_id", "total"), false))
                .index(index("ix_orders_total", ORDERS, "USING btree (total DESC)"))
                .check(CheckConstraint.fromCatalog("ck_orders_total", "CHECK (total >= 0::numeric)", List.of("total")))
                .build();
        Table model = new T(ORDERS, id(Generation.NONE), notNull("customer_id", "bigint"), col("total", "numeric"))
                .pk("pk_orders_hibernate", "id")
                .fk(fk("FK4a2b3c8d9e", "customer_id", CUSTOMERS, ForeignKey.Action.CASCADE))
                .unique(new UniqueKey("UK7f6e5d4c", List.of("customer_id", "total"), false))
                .index(index("idx_total", ORDERS, "USING btree (total DESC)"))
                .check(CheckConstraint.fromCatalog("orders_total_check", "CHECK (total >= 0::numeric)", List.of("total")))
                .build();

        assertTrue(differ.diff(schema(customers(), reference), schema(customers(), model)).isEmpty());
    }

    @Test
    void uniqueConstraintAndUniqueIndexOnTheSameColumnsAreTheSame() {
        Table constraint = new T(USERS, id(Generation.NONE), notNull("email", "text"))
                .unique(new UniqueKey("uk_users_email", List.of("email"), false)).build();
        Table index = new T(USERS, id(Generation.NONE), notNull("email", "text"))
                .unique(new UniqueKey("ux_users_email", List.of("email"), true)).build();

        assertTrue(differ.diff(schema(constraint), schema(index)).isEmpty());
        assertTrue(differ.diff(schema(index), schema(constraint)).isEmpty());
    }

    @Test
    void columnOrderOfAUniqueKeyDoesNotMatter() {
        Table ab = new T(USERS, notNull("tenant_id", "bigint"), notNull("email", "text"))
                .unique(new UniqueKey("uk", List.of("tenant_id", "email"), false)).build();
        Table ba = new T(USERS, notNull("tenant_id", "bigint"), notNull("email", "text"))
                .unique(new UniqueKey("uk", List.of("email", "tenant_id"), false)).build();

        assertTrue(differ.diff(schema(ab), schema(ba)).isEmpty());
    }

    @Test
    void serialAndIdentityByDefaultBehaveTheSame() {
        Table serial = new T(USERS, id(Generation.SERIAL)).pk("users_pkey", "id").build();
        Table identity = new T(USERS, id(Generation.IDENTITY_BY_DEFAULT)).pk("users_pkey", "id").build();

        assertTrue(differ.diff(schema(serial), schema(identity)).isEmpty());
        assertTrue(differ.diff(schema(identity), schema(serial)).isEmpty());
    }

    // ---- columns -------------------------------------------------------------------------------

    @Test
    void identityAlwaysVersusByDefaultIsAnAlteration() {
        Column byDefault = id(Generation.IDENTITY_BY_DEFAULT);
        Column always = id(Generation.IDENTITY_ALWAYS);

        SchemaDiff diff = differ.diff(schema(new T(USERS, byDefault).build()), schema(new T(USERS, always).build()));

        assertEquals(List.of(new Change.AlterColumn(USERS, byDefault, always)), diff.changes());
        Change.AlterColumn alter = (Change.AlterColumn) diff.changes().get(0);
        assertTrue(alter.identityModeChanged());
    }

    @Test
    void columnsAreAddedAlteredAndDropped() {
        Column email100 = col("email", "character varying(100)");
        Column email255 = notNull("email", "character varying(255)");
        Column legacy = col("legacy", "text");
        Column phone = col("phone", "character varying(20)");
        Table reference = new T(USERS, id(Generation.NONE), email100, legacy).build();
        Table model = new T(USERS, id(Generation.NONE), email255, phone).build();

        SchemaDiff diff = differ.diff(schema(reference), schema(model));

        assertEquals(List.of(
                new Change.DropColumn(USERS, legacy),
                new Change.AddColumn(USERS, phone),
                new Change.AlterColumn(USERS, email100, email255)), diff.changes());
    }

    @Test
    void defaultChangeIsAnAlteration() {
        Column before = new Column("status", "text", true, "'NEW'::text", Generation.NONE);
        Column after = new Column("status", "text", true, null, Generation.NONE);

        assertEquals(List.of(new Change.AlterColumn(USERS, before, after)),
                differ.diff(schema(new T(USERS, before).build()), schema(new T(USERS, after).build())).changes());
    }

    // ---- constraints and indexes ---------------------------------------------------------------

    @Test
    void changingOnDeleteIsOneRuleChangeOfTheForeignKey() {
        ForeignKey cascade = fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.CASCADE);
        ForeignKey restrict = fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.NO_ACTION);

        SchemaDiff diff = differ.diff(schema(customers(), orders(ForeignKey.Action.CASCADE)),
                schema(customers(), orders(ForeignKey.Action.NO_ACTION)));

        assertEquals(List.of(new Change.AlterForeignKey(ORDERS, cascade, restrict)), diff.changes());
        Change.AlterForeignKey alter = (Change.AlterForeignKey) diff.changes().get(0);
        assertEquals("on delete cascade -> no action", alter.ruleChange());
        assertEquals("alter foreign key fk_orders_customer (customer_id) -> customers: "
                + "on delete cascade -> no action", alter.describe());
        assertEquals(List.of(new Change.AlterForeignKey(ORDERS, restrict, cascade)),
                UndoPlan.of(diff.changes()).changes(), "the undo puts the old rule back");
    }

    @Test
    void aForeignKeyToAnotherColumnIsADropAndAnAddNotARuleChange() {
        ForeignKey byId = fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.NO_ACTION);
        ForeignKey byOther = fk("fk_orders_buyer", "buyer_id", CUSTOMERS, ForeignKey.Action.CASCADE);
        Table reference = new T(ORDERS, id(Generation.NONE), col("customer_id", "bigint"), col("buyer_id", "bigint"))
                .pk("orders_pkey", "id").fk(byId).build();
        Table model = new T(ORDERS, id(Generation.NONE), col("customer_id", "bigint"), col("buyer_id", "bigint"))
                .pk("orders_pkey", "id").fk(byOther).build();

        assertEquals(List.of(new Change.DropForeignKey(ORDERS, byId), new Change.AddForeignKey(ORDERS, byOther)),
                differ.diff(schema(customers(), reference), schema(customers(), model)).changes());
    }

    @Test
    void primaryKeyColumnsChangeDropsAndAddsTheKey() {
        Table reference = new T(ORDERS, id(Generation.NONE), notNull("line", "integer")).pk("orders_pkey", "id").build();
        Table model = new T(ORDERS, id(Generation.NONE), notNull("line", "integer")).pk("pk_orders", "id", "line").build();

        assertEquals(List.of(
                new Change.DropPrimaryKey(ORDERS, new PrimaryKey("orders_pkey", List.of("id"))),
                new Change.AddPrimaryKey(ORDERS, new PrimaryKey("pk_orders", List.of("id", "line")))),
                differ.diff(schema(reference), schema(model)).changes());
    }

    @Test
    void referenceOnlyPartialAndExpressionIndexesAreListedNotDropped() {
        Index partial = new Index("ux_users_active_email", true,
                "CREATE UNIQUE INDEX ux_users_active_email ON public.users USING btree (email) WHERE active",
                "USING btree (email) WHERE active", true, false);
        Index expression = new Index("ix_users_lower_email", false,
                "CREATE INDEX ix_users_lower_email ON public.users USING btree (lower(email))",
                "USING btree (lower(email))", false, true);
        Index plain = index("ix_users_email", USERS, "USING btree (email)");
        Table reference = new T(USERS, id(Generation.NONE), col("email", "text"), col("active", "boolean"))
                .index(partial).index(expression).index(plain).build();
        Table model = new T(USERS, id(Generation.NONE), col("email", "text"), col("active", "boolean")).build();
        DatabaseSchema referenceSchema = new DatabaseSchema(Set.of("public"), new java.util.TreeMap<>(Map.of(USERS, reference)),
                new java.util.TreeMap<>(), List.of("view public.active_users"));

        SchemaDiff diff = differ.diff(referenceSchema, schema(model));

        assertEquals(List.of(new Change.DropIndex(USERS, plain)), diff.changes());
        assertEquals(List.of("view public.active_users",
                "partial index ux_users_active_email on users",
                "expression index ix_users_lower_email on users"), diff.unmanaged());
    }

    @Test
    void indexesAreMatchedAsAMultiset() {
        Index first = index("ix_a", USERS, "USING btree (email)");
        Index duplicate = index("ix_b", USERS, "USING btree (email)");
        Table reference = new T(USERS, col("email", "text")).index(first).index(duplicate).build();
        Table model = new T(USERS, col("email", "text")).index(index("idx_email", USERS, "USING btree (email)")).build();

        SchemaDiff diff = differ.diff(schema(reference), schema(model));

        assertEquals(1, diff.changes().size(), diff.changes().toString());
        assertInstanceOf(Change.DropIndex.class, diff.changes().get(0));
    }

    // ---- tables --------------------------------------------------------------------------------

    @Test
    void newTableBringsItsForeignKeysIndexesAndIndexOnlyUniqueKeysAsSeparateSteps() {
        Table orders = new T(ORDERS, id(Generation.IDENTITY_BY_DEFAULT), notNull("customer_id", "bigint"),
                notNull("number", "text"), col("ref", "text"))
                .pk("orders_pkey", "id")
                .fk(fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.NO_ACTION))
                .unique(new UniqueKey("uk_orders_number", List.of("number"), false))
                .unique(new UniqueKey("ux_orders_ref", List.of("ref"), true))
                .index(index("ix_orders_customer", ORDERS, "USING btree (customer_id)"))
                .build();

        SchemaDiff diff = differ.diff(schema(customers()), schema(customers(), orders));

        assertEquals(List.of(
                new Change.CreateTable(orders),
                new Change.AddUniqueKey(ORDERS, orders.uniqueKeys().get(1)),
                new Change.CreateIndex(ORDERS, orders.indexes().get(0)),
                new Change.AddForeignKey(ORDERS, orders.foreignKeys().get(0))), diff.changes());
    }

    @Test
    void newParentTablesAreCreatedBeforeTheirChildrenAndForeignKeysAfterAllTables() {
        // names chosen so that alphabetical order is the wrong order
        QualifiedName child = pub("a_line");
        QualifiedName middle = pub("b_order");
        QualifiedName parent = pub("c_customer");
        Table lines = new T(child, id(Generation.NONE), col("order_id", "bigint")).pk("a_pk", "id")
                .fk(fk("fk_line_order", "order_id", middle, ForeignKey.Action.CASCADE)).build();
        Table orders = new T(middle, id(Generation.NONE), col("customer_id", "bigint")).pk("b_pk", "id")
                .fk(fk("fk_order_customer", "customer_id", parent, ForeignKey.Action.NO_ACTION)).build();
        Table customers = new T(parent, id(Generation.NONE)).pk("c_pk", "id").build();

        SchemaDiff diff = differ.diff(schema(), schema(lines, orders, customers));

        assertEquals(List.of(
                "CREATE_TABLE public.c_customer",
                "CREATE_TABLE public.b_order",
                "CREATE_TABLE public.a_line",
                "ADD_FOREIGN_KEY public.b_order",
                "ADD_FOREIGN_KEY public.a_line"), plan(diff));
    }

    @Test
    void tablesThatReferenceEachOtherAreAllCreatedBeforeAnyForeignKey() {
        QualifiedName a = pub("a");
        QualifiedName b = pub("b");
        Table ta = new T(a, id(Generation.NONE), col("b_id", "bigint")).fk(fk("fk_a_b", "b_id", b, ForeignKey.Action.NO_ACTION))
                .fk(fk("fk_a_self", "b_id", a, ForeignKey.Action.NO_ACTION)).build();
        Table tb = new T(b, id(Generation.NONE), col("a_id", "bigint")).fk(fk("fk_b_a", "a_id", a, ForeignKey.Action.NO_ACTION)).build();

        List<String> plan = plan(differ.diff(schema(), schema(ta, tb)));

        assertEquals(List.of("CREATE_TABLE public.a", "CREATE_TABLE public.b",
                "ADD_FOREIGN_KEY public.a", "ADD_FOREIGN_KEY public.a", "ADD_FOREIGN_KEY public.b"), plan);
    }

    @Test
    void droppedTablesThatReferenceEachOtherLoseTheirForeignKeysFirst() {
        QualifiedName a = pub("a");
        QualifiedName b = pub("b");
        ForeignKey aToB = fk("fk_a_b", "b_id", b, ForeignKey.Action.NO_ACTION);
        ForeignKey bToA = fk("fk_b_a", "a_id", a, ForeignKey.Action.NO_ACTION);
        Table ta = new T(a, id(Generation.NONE), col("b_id", "bigint"), col("parent_id", "bigint"), col("customer_id", "bigint"))
                .fk(aToB)
                .fk(fk("fk_a_parent", "parent_id", a, ForeignKey.Action.NO_ACTION))        // self reference: goes with the table
                .fk(fk("fk_a_customer", "customer_id", CUSTOMERS, ForeignKey.Action.NO_ACTION)) // to a kept table: likewise
                .build();
        Table tb = new T(b, id(Generation.NONE), col("a_id", "bigint")).fk(bToA).build();

        SchemaDiff diff = differ.diff(schema(customers(), tb, ta), schema(customers()));

        assertEquals(List.of(
                new Change.DropForeignKey(a, aToB),
                new Change.DropForeignKey(b, bToA),
                new Change.DropTable(ta),
                new Change.DropTable(tb)), diff.changes());
    }

    // ---- the plan as a whole -------------------------------------------------------------------

    /** A reference and a model that differ in every kind of way (every {@link Change.Kind} appears once or more). */
    private static DatabaseSchema[] everyKindOfDifference(UnaryOperator<List<Table>> tableOrder,
                                                          UnaryOperator<List<Sequence>> sequenceOrder) {
        QualifiedName oldA = pub("old_a");
        QualifiedName oldB = pub("old_b");
        QualifiedName events = QualifiedName.of("audit", "events");

        Table refCustomers = customers();
        Table modelCustomers = new T(CUSTOMERS, id(Generation.IDENTITY_BY_DEFAULT), notNull("email", "character varying(255)"),
                col("name", "character varying(200)"), col("phone", "text"))                // name altered, status dropped, phone added
                .pk("customers_pkey", "id")
                .unique(new UniqueKey("uk_customers_name", List.of("name"), false))        // email unique dropped, name unique added
                .index(index("ix_customers_email", CUSTOMERS, "USING btree (email)"))      // name index dropped, email index added
                .check(CheckConstraint.fromCatalog("ck_customers_email", "CHECK (email <> ''::text)", List.of("email")))
                .build();
        Table refOrders = orders(ForeignKey.Action.NO_ACTION);
        Table modelOrders = new T(ORDERS, id(Generation.IDENTITY_BY_DEFAULT), notNull("customer_id", "bigint"),
                col("total", "numeric(12,2)"))
                .pk("orders_pkey", "id", "customer_id")                                     // primary key changed
                .fk(fk("fk_orders_customer", "customer_id", CUSTOMERS, ForeignKey.Action.CASCADE))
                .index(index("ix_orders_customer", ORDERS, "USING btree (customer_id)"))
                .build();
        Table a = new T(oldA, id(Generation.NONE), col("b_id", "bigint")).fk(fk("fk_a_b", "b_id", oldB, ForeignKey.Action.NO_ACTION)).build();
        Table b = new T(oldB, id(Generation.NONE), col("a_id", "bigint")).fk(fk("fk_b_a", "a_id", oldA, ForeignKey.Action.NO_ACTION)).build();
        Table newEvents = new T(events, id(Generation.IDENTITY_ALWAYS), col("customer_id", "bigint")).pk("events_pkey", "id")
                .fk(fk("fk_events_customer", "customer_id", CUSTOMERS, ForeignKey.Action.SET_NULL)).build();

        Sequence invoices = new Sequence(pub("invoice_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        Sequence invoices50 = new Sequence(pub("invoice_seq"), "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false);
        Sequence oldSeq = new Sequence(pub("old_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        Sequence newSeq = new Sequence(QualifiedName.of("audit", "event_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);

        DatabaseSchema reference = ordered(Set.of("public"), tableOrder.apply(List.of(refCustomers, refOrders, a, b)),
                sequenceOrder.apply(List.of(invoices, oldSeq)));
        DatabaseSchema model = ordered(Set.of("public", "audit"), tableOrder.apply(List.of(modelCustomers, modelOrders, newEvents)),
                sequenceOrder.apply(List.of(invoices50, newSeq)));
        return new DatabaseSchema[] {reference, model};
    }

    private static DatabaseSchema ordered(Set<String> schemas, List<Table> tables, List<Sequence> sequences) {
        Map<QualifiedName, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<QualifiedName, Sequence> sequencesByName = new LinkedHashMap<>();
        sequences.forEach(s -> sequencesByName.put(s.name(), s));
        return DatabaseSchema.of(schemas, byName, sequencesByName);
    }

    private static <E> List<E> reversed(List<E> list) {
        List<E> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void planRunsSchemasAndSequencesFirstDropsBeforeCreatesAndForeignKeysLast() {
        DatabaseSchema[] schemas = everyKindOfDifference(UnaryOperator.identity(), UnaryOperator.identity());

        SchemaDiff diff = differ.diff(schemas[0], schemas[1]);

        assertEquals(List.of(
                "CREATE_SCHEMA audit.",
                "CREATE_SEQUENCE audit.event_seq",
                "DROP_FOREIGN_KEY public.old_a",
                "DROP_FOREIGN_KEY public.old_b",
                "DROP_INDEX public.customers",
                "DROP_UNIQUE_KEY public.customers",
                "DROP_CHECK public.customers",
                "DROP_PRIMARY_KEY public.orders",
                "DROP_TABLE public.old_a",
                "DROP_TABLE public.old_b",
                "DROP_COLUMN public.customers",
                "CREATE_TABLE audit.events",
                "ADD_COLUMN public.customers",
                "ALTER_COLUMN public.customers",
                "ADD_PRIMARY_KEY public.orders",
                "ADD_UNIQUE_KEY public.customers",
                "ADD_CHECK public.customers",
                "CREATE_INDEX public.customers",
                "ALTER_FOREIGN_KEY public.orders",
                "ADD_FOREIGN_KEY audit.events",
                "ALTER_SEQUENCE public.invoice_seq",
                "DROP_SEQUENCE public.old_seq"), plan(diff));
    }

    @Test
    void planPhasesNeverGoBackwards() {
        DatabaseSchema[] schemas = everyKindOfDifference(UnaryOperator.identity(), UnaryOperator.identity());
        List<Change> changes = differ.diff(schemas[0], schemas[1]).changes();

        for (int i = 1; i < changes.size(); i++) {
            assertTrue(changes.get(i - 1).kind().phase() <= changes.get(i).kind().phase(),
                    changes.get(i - 1).kind() + " before " + changes.get(i).kind());
        }
        int lastDropForeignKey = -1;
        int firstDropTable = Integer.MAX_VALUE;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).kind() == Change.Kind.DROP_FOREIGN_KEY) lastDropForeignKey = i;
            if (changes.get(i).kind() == Change.Kind.DROP_TABLE) firstDropTable = Math.min(firstDropTable, i);
        }
        assertTrue(lastDropForeignKey >= 0 && firstDropTable < Integer.MAX_VALUE);
        assertTrue(lastDropForeignKey < firstDropTable, "every foreign key drop comes before every table drop");
    }

    @Test
    void withoutNewSchemasNewSequencesComeFirst() {
        Sequence seq = new Sequence(pub("a_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        Table legacy = new T(pub("legacy"), id(Generation.NONE)).build();

        SchemaDiff diff = differ.diff(schema(List.of(legacy), List.of()), schema(List.of(customers()), List.of(seq)));

        assertEquals(Change.Kind.CREATE_SEQUENCE, diff.changes().get(0).kind());
    }

    @Test
    void planIsTheSameWhateverTheInputOrder() {
        DatabaseSchema[] forward = everyKindOfDifference(UnaryOperator.identity(), UnaryOperator.identity());
        DatabaseSchema[] backward = everyKindOfDifference(SchemaDifferTest::reversed, SchemaDifferTest::reversed);

        List<Change> once = differ.diff(forward[0], forward[1]).changes();
        List<Change> again = differ.diff(backward[0], backward[1]).changes();

        assertEquals(once, again);
        assertEquals(once, differ.diff(forward[0], forward[1]).changes());
    }

    @Test
    void planDoesNotDependOnTheOrderOfConstraintsWithinATable() {
        Table reference = new T(USERS, col("a", "text"), col("b", "text"), col("c", "text")).build();
        List<Index> indexes = List.of(index("ix_c", USERS, "USING btree (c)"), index("ix_a", USERS, "USING btree (a)"),
                index("ix_b", USERS, "USING btree (b)"));
        List<UniqueKey> uniques = List.of(new UniqueKey("uk_c", List.of("c"), false), new UniqueKey("uk_a", List.of("a"), false));
        Table forward = new Table(USERS, reference.columns(), null, List.of(), uniques, indexes, List.of());
        Table backward = new Table(USERS, reversed(reference.columns()), null, List.of(), reversed(uniques), reversed(indexes),
                List.of());

        List<String> once = differ.diff(schema(reference), schema(forward)).changes().stream().map(Change::describe).toList();
        List<String> again = differ.diff(schema(reference), schema(backward)).changes().stream().map(Change::describe).toList();

        assertEquals(List.of("add unique (a)", "add unique (c)", "create index ix_a USING btree (a)",
                "create index ix_b USING btree (b)", "create index ix_c USING btree (c)"), once);
        assertEquals(once, again);
    }

    @Test
    void newSchemaIsCreated() {
        DatabaseSchema reference = DatabaseSchema.of(Set.of("public"), Map.of(), Map.of());
        DatabaseSchema model = DatabaseSchema.of(Set.of("public", "billing"), Map.of(), Map.of());

        assertEquals(List.of(new Change.CreateSchema("billing")), differ.diff(reference, model).changes());
    }

    @Test
    void sequencesAreCreatedAlteredAndDroppedByName() {
        Sequence before = new Sequence(pub("invoice_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        Sequence after = new Sequence(pub("invoice_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 20, false);
        Sequence gone = new Sequence(pub("gone_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        Sequence added = new Sequence(pub("added_seq"), "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false);

        SchemaDiff diff = differ.diff(schema(List.of(), List.of(before, gone)), schema(List.of(), List.of(after, added)));

        assertEquals(List.of(new Change.CreateSequence(added), new Change.AlterSequence(before, after),
                new Change.DropSequence(gone)), diff.changes());
    }
}
