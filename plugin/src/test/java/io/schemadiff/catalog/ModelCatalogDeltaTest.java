package io.schemadiff.catalog;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incremental model catalog equals the catalog of the whole DDL applied to an empty database, edit after
 * edit: on real Hibernate 7 DDL, and on a synthetic model of 60 tables in the same shape.
 */
class ModelCatalogDeltaTest {

    /** No limit on the tables applied: the threshold has a test of its own. */
    private static final int ANY = 10_000;

    private static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    private static final QualifiedName PURCHASE_ORDERS = QualifiedName.of("public", "purchase_orders");

    // ---------------------------------------------------------------------------------------------------------
    // real Hibernate DDL

    /** Hibernate 7's DDL for a mix of the test fixtures: identity, sequences, a second schema, join tables... */
    private static List<String> realDdl() {
        return hibernateDdl("shop.domains.*.model", "exact.otherschema.domains.d.model",
                "exact.jointable.domains.d.model", "exact.elementset.domains.d.model", "exact.checks.domains.d.model",
                "exact.identity.domains.d.model", "exact.cycle.domains.d.model", "exact.ondelete.domains.d.model",
                "exact.uniques.domains.d.model", "exact.indexes.domains.d.model", "exact.manytomany.domains.d.model",
                "exact.elementmap.domains.d.model", "exact.enums.domains.d.model", "exact.quoted.domains.d.model",
                "exact.embeddedid.domains.d.model", "exact.joined.domains.d.model", "exact.defaults.domains.d.model");
    }

    private static List<String> hibernateDdl(String... packages) {
        List<PackagePattern> patterns = Arrays.stream(packages)
                .map(p -> PackagePattern.of("io.schemadiff.fixtures." + p)).toList();
        List<String> classes = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(), patterns, List.of()).classes();
        return new HibernateModelBuilder().build(classes, ModelCatalogDeltaTest.class.getClassLoader(),
                TargetDatabase.postgresql(14), Map.of()).ddl();
    }

    @Test
    void editsOfRealHibernateDdlMergeToTheCatalogOfTheWholeDdl() throws SQLException {
        List<String> base = realDdl();
        assertTrue(base.stream().anyMatch(s -> s.startsWith("create schema billing")), String.join("\n", base));
        assertTrue(base.stream().anyMatch(s -> s.startsWith("create sequence")), String.join("\n", base));
        try (Scratch db = new Scratch("delta")) {
            DatabaseSchema baseCatalog = db.apply(base);
            assertTrue(baseCatalog.tables().size() >= 25, baseCatalog.tables().keySet().toString());

            // a referenced table changes: the table whose foreign key references it is read afresh
            List<String> longerName = replace(base, "create table customers (", "name varchar(100)", "name varchar(150)");
            ModelCatalogDelta delta = verify(db, base, baseCatalog, longerName, "longer customers.name").delta();
            assertEquals(Set.of(CUSTOMERS, PURCHASE_ORDERS), delta.affected());
            assertEquals(Set.of(), delta.stubs());

            // a foreign key goes: only its table
            List<String> noFk = remove(base, "alter table if exists purchase_orders add constraint");
            delta = verify(db, base, baseCatalog, noFk, "purchase_orders loses its foreign key").delta();
            assertEquals(Set.of(PURCHASE_ORDERS), delta.affected());

            // a quoted table gets a quoted column
            List<String> quoted = replace(base, "create table \"Order\" (", "primary key (id)",
                    "\"Note\" varchar(10) not null, primary key (id)");
            delta = verify(db, base, baseCatalog, quoted, "\"Order\" gets a column").delta();
            assertEquals(Set.of(QualifiedName.of("public", "Order")), delta.affected());

            // the second schema: clients changes, invoices references it
            List<String> billing = replace(base, "create table billing.clients (", "name varchar(255)",
                    "name varchar(255) not null");
            delta = verify(db, base, baseCatalog, billing, "billing.clients.name not null").delta();
            assertEquals(Set.of(QualifiedName.of("billing", "clients"), QualifiedName.of("billing", "invoices")),
                    delta.affected());

            // a new table references an existing one, which is applied as a stub
            List<String> newTable = new ArrayList<>(base);
            newTable.add(indexOfPrefix(base, "alter table"),
                    "create table tag_notes (id bigint not null, note varchar(255), tag_id bigint, primary key (id))");
            newTable.add("alter table if exists tag_notes add constraint FKtagnotes foreign key (tag_id) references tags");
            delta = verify(db, base, baseCatalog, newTable, "new table tag_notes").delta();
            assertEquals(Set.of(QualifiedName.of("public", "tag_notes")), delta.affected());
            assertEquals(Set.of(QualifiedName.of("public", "tags")), delta.stubs());

            // a sequence changes: no table is applied at all
            String sequence = base.stream().filter(s -> s.startsWith("create sequence invoices_SEQ")).findFirst().orElseThrow();
            List<String> sequenceChanged = replace(base, sequence, "increment by 50", "increment by 20");
            delta = verify(db, base, baseCatalog, sequenceChanged, "invoices_SEQ increments by 20").delta();
            assertEquals(Set.of(), delta.affected());
            assertTrue(delta.statements().stream().noneMatch(s -> s.startsWith("create table")), delta.statements().toString());

            // a joined-inheritance root changes: both subclass tables reference it by their primary key
            List<String> payments = replace(base, "create table payments (", "numeric(12,2)", "numeric(14,2)");
            delta = verify(db, base, baseCatalog, payments, "payments.amount wider").delta();
            assertEquals(Set.of("payments", "bank_transfers", "card_payments"),
                    delta.affected().stream().map(QualifiedName::name).collect(Collectors.toSet()));

            // a referenced table goes, with the foreign keys to it
            List<String> noParents = remove(remove(base, "create table parents ("), "alter table if exists children ");
            delta = verify(db, base, baseCatalog, noParents, "parents removed").delta();
            assertEquals(Set.of(QualifiedName.of("public", "parents")), delta.removed());
            assertEquals(Set.of(QualifiedName.of("public", "children")), delta.affected());
        }
    }

    @Test
    void hibernatesOwnEvolutionOfAModelMergesExactly() throws SQLException {
        List<String> v1 = hibernateDdl("evolution.v1.domains.*.model");
        List<String> v2 = hibernateDdl("evolution.v2.domains.*.model");
        List<String> v3 = hibernateDdl("evolution.v3.domains.*.model");
        try (Scratch db = new Scratch("delta")) {
            DatabaseSchema first = db.apply(v1);
            // v2: a new table with a sequence, a new foreign key to it, columns changed
            ModelCatalogDelta delta = verify(db, v1, first, v2, "v1 -> v2").delta();
            assertTrue(delta.affected().contains(QualifiedName.of("public", "publishers")), delta.toString());
            DatabaseSchema second = db.apply(v2);
            // v3: that table and its sequence go again
            delta = verify(db, v2, second, v3, "v2 -> v3").delta();
            assertEquals(Set.of(QualifiedName.of("public", "publishers")), delta.removed());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // a synthetic model of 60 tables

    @Test
    void namedEditsOfASyntheticModelMergeExactly() throws Exception {
        Model base = Model.synthetic();
        assertEquals(60, base.tables.size());
        try (Edits edits = new Edits(base)) {
            assertEquals(60, edits.baseCatalog.tables().size());

            edits.check("add a column", m -> m.table("ent_10").columns.add(new Col("nickname", "varchar(60)")),
                    Set.of("ent_10", "ent_11", "ent_20", "ent_10_ent_20"));
            edits.check("drop a column", m -> m.table("ent_11").columns.removeIf(c -> c.name.equals("active")),
                    Set.of("ent_11", "ent_12"));
            edits.check("change a column's type", m -> m.table("ent_13").replaceColumn("amount", "numeric(15,3)"),
                    Set.of("ent_13", "ent_14", "ent_13_attributes"));
            edits.check("change a column's length", m -> m.table("inventory.item_05").replaceColumn("sku", "varchar(64) not null"),
                    Set.of("inventory.item_05", "inventory.item_06"));
            edits.check("make a column nullable", m -> m.table("ent_16").replaceColumn("created_at",
                    "timestamp(6) with time zone"), Set.of("ent_16", "ent_17"));
            // a plain index cannot change what a foreign key to its table resolves to
            edits.check("add an index", m -> m.table("ent_20").indexes.add(new Named("idx_ent_20_name", "name, status")),
                    Set.of("ent_20"));
            edits.check("drop an index", m -> m.table("ent_01").indexes.clear(), Set.of("ent_01"));
            edits.check("add a unique constraint", m -> m.table("ent_23").uniques.add(new Named("UKent23name", "name")),
                    Set.of("ent_23", "ent_24"));
            edits.check("drop a unique constraint", m -> m.table("ent_26").uniques.clear(),
                    Set.of("ent_26", "ent_27"));
            edits.check("change a check", m -> m.table("ent_24").replaceColumn("status",
                    "varchar(20) check ((status in ('NEW','OPEN','CLOSED','LOST')))"), Set.of("ent_24", "ent_25"));
            edits.check("add a foreign key", m -> {
                Tbl t = m.table("ent_29");
                t.columns.add(new Col("buddy_id", "bigint"));
                t.fks.add(new Fk("FKent29buddy", "buddy_id", "ent_05", ""));
            }, Set.of("ent_29", "ent_29_attributes"));
            edits.check("drop a foreign key", m -> m.table("ent_28").fks.removeIf(fk -> fk.columns.equals("owner_id")),
                    Set.of("ent_28"));
            edits.check("change the table a foreign key references",
                    m -> m.table("ent_28").retarget("owner_id", "ent_02"), Set.of("ent_28"));
            edits.check("a second schema's table references another schema",
                    m -> m.table("inventory.item_04").retarget("warehouse_id", "audit_log"), Set.of("inventory.item_04"));
            edits.check("add a table that references an existing one", m -> {
                Tbl t = m.add("ent_27_notes", "bigint generated by default as identity");
                t.columns.add(new Col("body", "varchar(2000) not null"));
                t.columns.add(new Col("ent_27_id", "bigint not null"));
                t.fks.add(new Fk("FKnotes27", "ent_27_id", "ent_27", " on delete cascade"));
            }, Set.of("ent_27_notes"));
            edits.check("edit two tables at once", m -> {
                m.table("ent_08").columns.add(new Col("rank", "integer default 0 not null"));
                m.table("inventory.item_09").replaceColumn("quantity", "bigint default 0 not null");
            }, Set.of("ent_08", "ent_09", "ent_16", "inventory.item_09", "inventory.item_10"));
            edits.check("a change in the second schema only", m -> m.table("inventory.item_02").columns
                    .add(new Col("bin", "varchar(8)")), Set.of("inventory.item_02", "inventory.item_03"));
            edits.check("add a sequence", m -> m.globals.add("create sequence extra_SEQ start with 1 increment by 50"),
                    Set.of());
            edits.check("remove a sequence", m -> m.globals.remove("create sequence ent_02_SEQ start with 1 increment by 50"),
                    Set.of());
            edits.check("change an enum type used by columns", m -> m.globals.replaceAll(
                    g -> g.replace("('CALM','ANGRY')", "('CALM','ANGRY','BORED')")),
                    Set.of("ent_00", "ent_05", "ent_10", "ent_15", "ent_20", "ent_25",
                            "ent_01", "ent_00_ent_01", "inventory.item_00", "ent_06", "ent_02_ent_05", "ent_05_attributes",
                            "ent_11", "ent_10_ent_20", "ent_16", "ent_21", "ent_40_owner", "ent_26", "ent_25_tags"));
            edits.check("change a sequence a column default draws from",
                    m -> m.globals.replaceAll(g -> g.replace("ent_08_SEQ start with 1", "ent_08_SEQ start with 100")),
                    Set.of("ent_07", "ent_08"));
            edits.run();
        }
    }

    @Test
    void aChangedPrimaryKeyChangesTheForeignKeysThatReferenceIt() throws Exception {
        Model base = Model.synthetic();
        try (Edits edits = new Edits(base)) {
            QualifiedName ent13 = QualifiedName.of("public", "ent_13");
            edits.check("rename ent_12's key column", m -> m.table("ent_12").renameColumn("id", "uid"),
                    Set.of("ent_12", "ent_13", "ent_24", "ent_04_ent_12"), verified -> {
                        // ent_13's statements did not change, yet its foreign key did: merging only the tables
                        // whose statements changed would be wrong
                        Table before = edits.baseCatalog.tables().get(ent13);
                        Table after = verified.expected().tables().get(ent13);
                        assertNotEquals(before, after);
                        assertEquals(List.of("uid"), after.foreignKeys().stream()
                                .filter(fk -> fk.referencedTable().name().equals("ent_12"))
                                .map(ForeignKey::referencedColumns).findFirst().orElseThrow());
                    });
            Model edited = base.copy();
            edited.table("ent_12").renameColumn("id", "uid");
            assertEquals(base.table("ent_13").ddl(base), edited.table("ent_13").ddl(edited));
            edits.run();
        }
    }

    @Test
    void removedAndRenamedTablesTakeTheForeignKeysToThemAlong() throws Exception {
        try (Edits edits = new Edits(Model.synthetic())) {
            edits.check("remove a referenced table", m -> {
                m.drop("ent_06_ent_18");
                m.drop("ent_18");
            }, Set.of("ent_19", "ent_20"), verified -> assertEquals(Set.of(QualifiedName.of("public", "ent_18"),
                    QualifiedName.of("public", "ent_06_ent_18")), verified.delta().removed()));
            edits.check("rename a referenced table", m -> m.rename("ent_21", "ent_21b"),
                    Set.of("ent_21b", "ent_22", "ent_21_ent_27", "ent_21_attributes"),
                    verified -> assertEquals(Set.of(QualifiedName.of("public", "ent_21")), verified.delta().removed()));
            edits.check("remove a table of the second schema referenced across schemas",
                    m -> m.drop("inventory.warehouse"),
                    Set.of("inventory.item_00", "inventory.item_01", "inventory.item_04", "inventory.item_05",
                            "inventory.item_08", "inventory.item_09"),
                    verified -> assertEquals(Set.of(QualifiedName.of("inventory", "warehouse")),
                            verified.delta().removed()));
            edits.run();
        }
    }

    @Test
    void seededRandomSingleTableEditsMergeExactly() throws Exception {
        Model base = Model.synthetic();
        Random random = new Random(20240611L);
        try (Edits edits = new Edits(base)) {
            List<String> names = new ArrayList<>(base.tables.keySet());
            for (int i = 0; i < 30; i++) {
                String table = names.get(random.nextInt(names.size()));
                Model edited = base.copy();
                String what = "#" + i + " " + table + ": " + edited.randomEdit(table, random, i);
                edits.check(what, edited, verified -> assertTrue(
                        verified.delta().affected().contains(Model.qualified(table)), what + " " + verified.delta()));
            }
            edits.run();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // refusals, and where exactness would be lost

    @Test
    void generatedNamesThatDependOnOtherTablesAreRefusedAtMerge() throws SQLException {
        // PostgreSQL names both checks a_b_c_check and numbers the second one created
        List<String> before = List.of("create table a (id bigint not null, b_c integer check ((b_c > 0)), primary key (id))",
                "create table a_b (id bigint not null, c integer check ((c > 0)), primary key (id))",
                "create table other (id bigint not null, primary key (id))");
        List<String> after = List.of(before.get(0),
                "create table a_b (id bigint not null, c integer check ((c > 0)), d integer, primary key (id))",
                before.get(2));
        try (Scratch db = new Scratch("delta")) {
            DatabaseSchema oldCatalog = db.apply(before);
            ModelCatalogDelta delta = ModelCatalogDelta.plan(before, after, ANY).orElseThrow();
            assertEquals(Set.of(QualifiedName.of("public", "a_b")), delta.affected());
            DatabaseSchema freshCatalog = db.apply(delta.statements());
            DatabaseSchema expected = db.apply(after);
            String alone = freshCatalog.tables().get(QualifiedName.of("public", "a_b")).checks().get(0).name();
            String inFull = expected.tables().get(QualifiedName.of("public", "a_b")).checks().get(0).name();
            assertEquals("a_b_c_check", alone);
            assertEquals("a_b_c_check1", inFull);
            assertEquals(Optional.empty(), delta.merge(oldCatalog, freshCatalog));
        }
    }

    @Test
    void namesNumberedWithinOneTableAreKept() throws SQLException {
        // a column check and a table check on the same column: solo_c_check and solo_c_check1, whatever else exists
        String solo = "create table solo (id bigint not null, c integer check ((c > 0)), primary key (id), check ((c < 100)))";
        List<String> before = List.of(solo, "create table other (id bigint not null, primary key (id))",
                "create table third (id bigint not null, primary key (id))");
        List<String> after = List.of(solo, "create table other (id bigint not null, d date, primary key (id))",
                "create table third (id bigint not null, primary key (id))");
        List<String> soloEdited = List.of(solo.replace("primary key (id)", "e integer, primary key (id)"),
                before.get(1), before.get(2));
        try (Scratch db = new Scratch("delta")) {
            DatabaseSchema oldCatalog = db.apply(before);
            assertEquals(List.of("solo_c_check", "solo_c_check1"), oldCatalog.tables()
                    .get(QualifiedName.of("public", "solo")).checks().stream().map(c -> c.name()).sorted().toList());
            verify(db, before, oldCatalog, after, "solo kept from the old catalog");
            verify(db, before, oldCatalog, soloEdited, "solo from the fresh one");
        }
    }

    @Test
    void catalogsThatDoNotMatchThePlanAreRefusedAtMerge() throws SQLException {
        Model base = Model.synthetic();
        Model edited = base.copy();
        edited.table("ent_03").columns.add(new Col("extra", "integer"));
        ModelCatalogDelta delta = ModelCatalogDelta.plan(base.ddl(), edited.ddl(), ANY).orElseThrow();
        try (Scratch db = new Scratch("delta")) {
            DatabaseSchema freshCatalog = db.apply(delta.statements());
            // the "old" catalog of another DDL
            DatabaseSchema unrelated = db.apply(List.of("create table x (id bigint not null, primary key (id))"));
            assertEquals(Optional.empty(), delta.merge(unrelated, freshCatalog));
            // a fresh catalog of other statements
            assertEquals(Optional.empty(), delta.merge(freshCatalog, unrelated));
        }
    }

    @Test
    void unclassifiableStatementsAreRefused() {
        List<String> base = Model.synthetic().ddl();
        for (String statement : List.of(
                "create view v as select 1",
                "create table n1 (id bigint references ent_00)",
                "create table n2 (id bigint, constraint f foreign key (id) references ent_00 (id))",
                "create table n3 (like ent_00)",
                "create table n4 (id bigint) inherits (ent_00)",
                "create unlogged table n5 (id bigint)",
                "create table n6 partition of ent_00 for values in (1)",
                "alter table ent_00 rename to ent_00b",
                "alter table ent_00 alter column amount drop default",
                "alter table ent_00 add column other_id bigint references ent_01",
                "alter table ent_00 add column a integer, add column b integer",
                "alter table ent_00 set schema inventory",
                "create sequence s1 owned by ent_00.id",
                "create function f() returns int language sql as $$ select 1 $$",
                "set search_path = inventory",
                "create index concurrently ix1 on ent_00 (name)",
                "comment on index idx_ent_01_created is 'x'",
                "create table n7 (id bigint); drop table ent_00",
                "create table n8 (id bigint",
                "create table n9 (note text default 'unterminated)",
                "create type t_pkey as (a integer)",
                "drop table ent_00")) {
            List<String> changed = new ArrayList<>(base);
            changed.add(statement);
            assertEquals(Optional.empty(), ModelCatalogDelta.plan(base, changed, ANY), statement);
        }
        // an extension brings objects of its own
        List<String> withExtension = new ArrayList<>(base);
        withExtension.add(0, "create extension if not exists citext");
        assertEquals(Optional.empty(), ModelCatalogDelta.plan(base, withExtension, ANY));
        // but an unchanged one is applied like any global statement
        List<String> extensionEdited = new ArrayList<>(withExtension);
        extensionEdited.add("create table n10 (id bigint not null, primary key (id))");
        assertTrue(ModelCatalogDelta.plan(withExtension, extensionEdited, ANY).isPresent());
    }

    @Test
    void nothingChangedIsRefused() {
        Model base = Model.synthetic();
        List<String> ddl = base.ddl();
        assertEquals(Optional.empty(), ModelCatalogDelta.plan(ddl, new ArrayList<>(ddl), ANY));
        // the same statements in another order: every table's group is the same
        List<String> reordered = new ArrayList<>(ddl);
        int first = indexOfPrefix(ddl, "create table");
        String moved = reordered.remove(first);
        reordered.add(first + 3, moved);
        assertNotEquals(ddl, reordered);
        assertEquals(Optional.empty(), ModelCatalogDelta.plan(ddl, reordered, ANY));
    }

    @Test
    void tooManyAffectedTablesAreRefused() {
        Model base = Model.synthetic();
        Model one = base.copy();
        one.table("ent_29").columns.add(new Col("x", "integer"));
        assertTrue(ModelCatalogDelta.plan(base.ddl(), one.ddl()).isPresent(), "a quarter of 60 is 15");
        Model many = base.copy();
        for (int i = 0; i < 16; i += 2) {
            many.table(String.format("ent_%02d", i)).columns.add(new Col("x", "integer"));
        }
        Optional<ModelCatalogDelta> planned = ModelCatalogDelta.plan(base.ddl(), many.ddl(), ANY);
        assertTrue(planned.isPresent());
        assertTrue(planned.get().affected().size() + planned.get().stubs().size() > 15, planned.get().toString());
        assertEquals(Optional.empty(), ModelCatalogDelta.plan(base.ddl(), many.ddl()));
    }

    @Test
    void namesAreFoldedAndQualifiedAsPostgresqlStoresThem() {
        List<String> before = List.of(
                "create schema Billing",
                "create table Billing.Clients (id bigint not null, primary key (id))",
                "create table \"Order\" (id bigint not null, \"select\" integer, primary key (id))",
                "create table \"Billing\".\"Mixed Case\" (id bigint not null, primary key (id))",
                "create table Recipe_Ingredients (Recipe_id bigint not null, ingredients varchar(255))",
                "create table other (id bigint not null, primary key (id))",
                "create table more (id bigint not null, primary key (id))",
                "create table again (id bigint not null, primary key (id))");
        Map<String, QualifiedName> edits = new LinkedHashMap<>();
        edits.put("comment on column \"Order\".\"select\" is 'a keyword'", QualifiedName.of("public", "Order"));
        edits.put("comment on table BILLING.clients is 'x'", QualifiedName.of("billing", "clients"));
        edits.put("comment on column billing.CLIENTS.id is 'x'", QualifiedName.of("billing", "clients"));
        edits.put("create unique index if not exists ix on only \"Billing\".\"Mixed Case\" (id)",
                QualifiedName.of("Billing", "Mixed Case"));
        edits.put("alter table if exists only RECIPE_INGREDIENTS add constraint UKri unique (Recipe_id, ingredients)",
                QualifiedName.of("public", "recipe_ingredients"));
        edits.put("create index on other (id) -- unnamed; a comment; and a semicolon\n;", QualifiedName.of("public", "other"));
        edits.put("alter table more alter column id set data type integer", QualifiedName.of("public", "more"));
        edits.put("comment on constraint more_pkey on more is $body$it's the key$body$", QualifiedName.of("public", "more"));
        edits.put("alter table again add constraint again_check check (id > 0 /* nested /* comment */ */)",
                QualifiedName.of("public", "again"));
        for (Map.Entry<String, QualifiedName> edit : edits.entrySet()) {
            List<String> after = new ArrayList<>(before);
            after.add(edit.getKey());
            ModelCatalogDelta delta = ModelCatalogDelta.plan(before, after, ANY).orElseThrow(() -> new AssertionError(edit));
            assertEquals(Set.of(edit.getValue()), delta.affected(), edit.getKey());
            assertEquals(Set.of(), delta.removed());
            assertTrue(delta.statements().contains(edit.getKey()));
            assertTrue(delta.statements().contains("create schema Billing"), "global statements always go");
        }
        // a sixty-four byte name is the table of its first sixty-three bytes
        String longName = "t".repeat(70);
        List<String> longBefore = List.of("create table " + longName + " (id bigint not null, primary key (id))",
                "create table b (id bigint not null, primary key (id))",
                "create table c (id bigint not null, primary key (id))",
                "alter table if exists " + longName + " add constraint FKt foreign key (id) references c");
        List<String> longAfter = new ArrayList<>(longBefore);
        longAfter.add("alter table if exists b add constraint FKb foreign key (id) references " + longName);
        ModelCatalogDelta delta = ModelCatalogDelta.plan(longBefore, longAfter, ANY).orElseThrow();
        assertEquals(Set.of(QualifiedName.of("public", "b")), delta.affected());
        assertEquals(Set.of(QualifiedName.of("public", "t".repeat(63))), delta.stubs());
        // the stub goes without its own foreign keys, so c is not needed
        assertEquals(List.of(longBefore.get(0), longBefore.get(1), longAfter.get(4)), delta.statements());
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** What one verified edit gave: the plan, and the catalog of the whole new DDL. */
    private record Verified(ModelCatalogDelta delta, DatabaseSchema expected) {
    }

    /**
     * Edits of one base model, each planned, applied, merged and compared with its base's catalog. They are
     * independent of each other, so they run two at a time, each scratch database on a thread of its own: the
     * statements cost the server, not the test.
     */
    private static final class Edits implements AutoCloseable {
        private static final int WORKERS = 2;
        final Model base;
        final List<String> baseDdl;
        final DatabaseSchema baseCatalog;
        private final BlockingQueue<Scratch> databases = new LinkedBlockingQueue<>();
        private final List<Callable<Void>> tasks = new ArrayList<>();

        Edits(Model base) throws SQLException {
            this.base = base;
            this.baseDdl = base.ddl();
            for (int i = 0; i < WORKERS; i++) {
                databases.add(new Scratch("delta"));
            }
            this.baseCatalog = databases.peek().apply(baseDdl);
        }

        /** Queues an edit whose plan must affect exactly {@code affected} (tables by their DDL names). */
        void check(String edit, Consumer<Model> change, Set<String> affected) {
            check(edit, change, affected, verified -> { });
        }

        void check(String edit, Consumer<Model> change, Set<String> affected, Consumer<Verified> more) {
            Model edited = base.copy();
            change.accept(edited);
            check(edit, edited, verified -> {
                assertEquals(affected.stream().map(Model::qualified).collect(Collectors.toCollection(TreeSet::new)),
                        verified.delta.affected(), edit);
                more.accept(verified);
            });
        }

        void check(String edit, Model edited, Consumer<Verified> more) {
            List<String> ddl = edited.ddl();
            tasks.add(() -> {
                Scratch db = databases.take();
                try {
                    Verified verified = verify(db, baseDdl, baseCatalog, ddl, edit);
                    assertTrue(verified.delta.statements().size() < ddl.size() / 2,
                            edit + ": " + verified.delta.statements().size() + " of " + ddl.size() + " statements");
                    more.accept(verified);
                } finally {
                    databases.add(db);
                }
                return null;
            });
        }

        /** Runs the queued edits; fails with every edit that failed. */
        void run() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                List<String> failures = new ArrayList<>();
                AssertionError first = null;
                for (Future<Void> done : pool.invokeAll(tasks)) {
                    try {
                        done.get();
                    } catch (ExecutionException e) {
                        failures.add(String.valueOf(e.getCause().getMessage()));
                        if (first == null) {
                            first = new AssertionError(e.getCause());
                        }
                    }
                }
                tasks.clear();
                if (first != null) {
                    AssertionError all = new AssertionError(failures.size() + " edits failed:\n"
                            + String.join("\n\n", failures));
                    all.addSuppressed(first);
                    throw all;
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Override
        public void close() {
            databases.forEach(Scratch::close);
        }
    }

    /**
     * The core check: merge(old catalog, fresh catalog of the plan's statements) equals the catalog of the whole new
     * DDL. Both are applied to {@code db}, which each apply empties first.
     */
    private static Verified verify(Scratch db, List<String> oldDdl, DatabaseSchema oldCatalog,
                                   List<String> newDdl, String edit) throws SQLException {
        ModelCatalogDelta delta = ModelCatalogDelta.plan(oldDdl, newDdl, ANY)
                .orElseThrow(() -> new AssertionError(edit + ": refused"));
        DatabaseSchema expected = db.apply(newDdl);
        DatabaseSchema freshCatalog = db.apply(delta.statements());
        DatabaseSchema merged = delta.merge(oldCatalog, freshCatalog)
                .orElseThrow(() -> new AssertionError(edit + ": merge refused " + delta));
        String difference = difference(expected, merged);
        assertTrue(difference.isEmpty(), edit + ": the merged catalog differs from the full apply's:\n" + difference);
        assertEquals(expected, merged, edit);
        assertTrue(isSubsequence(delta.statements(), newDdl), edit + ": statements out of the DDL's order");
        assertTrue(newDdl.stream().filter(s -> !s.startsWith("create table") && !s.startsWith("alter table")
                        && !s.startsWith("create index") && !s.startsWith("create unique index"))
                .allMatch(delta.statements()::contains), edit + ": every global statement is applied");
        return new Verified(delta, expected);
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String statement : whole) {
            if (i < part.size() && part.get(i).equals(statement)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** What differs, table by table, for a readable failure. */
    private static String difference(DatabaseSchema expected, DatabaseSchema actual) {
        StringBuilder out = new StringBuilder();
        if (!expected.schemas().equals(actual.schemas())) {
            out.append("schemas ").append(expected.schemas()).append(" vs ").append(actual.schemas()).append('\n');
        }
        Set<QualifiedName> tables = new TreeSet<>(expected.tables().keySet());
        tables.addAll(actual.tables().keySet());
        for (QualifiedName table : tables) {
            if (!Objects.equals(expected.tables().get(table), actual.tables().get(table))) {
                out.append("table ").append(table).append("\n  full:   ").append(expected.tables().get(table))
                        .append("\n  merged: ").append(actual.tables().get(table)).append('\n');
            }
        }
        if (!expected.sequences().equals(actual.sequences())) {
            out.append("sequences ").append(expected.sequences()).append(" vs ").append(actual.sequences()).append('\n');
        }
        if (!expected.unmanaged().equals(actual.unmanaged())) {
            out.append("unmanaged ").append(expected.unmanaged()).append(" vs ").append(actual.unmanaged()).append('\n');
        }
        return out.toString();
    }

    private static int indexOfPrefix(List<String> ddl, String prefix) {
        return IntStream.range(0, ddl.size()).filter(i -> ddl.get(i).startsWith(prefix)).findFirst().orElseThrow();
    }

    /** {@code ddl} with {@code from} replaced by {@code to} in the one statement starting with {@code prefix}. */
    private static List<String> replace(List<String> ddl, String prefix, String from, String to) {
        int i = indexOfPrefix(ddl, prefix);
        assertTrue(ddl.get(i).contains(from), ddl.get(i));
        List<String> edited = new ArrayList<>(ddl);
        edited.set(i, ddl.get(i).replace(from, to));
        return edited;
    }

    /** {@code ddl} without the statements starting with {@code prefix}. */
    private static List<String> remove(List<String> ddl, String prefix) {
        List<String> edited = ddl.stream().filter(s -> !s.startsWith(prefix)).toList();
        assertTrue(edited.size() < ddl.size(), prefix);
        return edited;
    }

    /**
     * One scratch database on the shared server, emptied (every user schema dropped, {@code public} made again)
     * before each apply, so every catalog here is that of statements run in an empty database.
     */
    private static final class Scratch implements AutoCloseable {
        private final SharedPostgres.Database database;

        Scratch(String purpose) {
            database = SharedPostgres.newDatabase(purpose);
        }

        DatabaseSchema apply(List<String> ddl) throws SQLException {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                List<String> schemas = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select nspname from pg_namespace where nspname not in "
                        + "('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'")) {
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                }
                for (String schema : schemas) {
                    statement.execute("drop schema \"" + schema.replace("\"", "\"\"") + "\" cascade");
                }
                statement.execute("create schema public");
                // one transaction: a commit per statement would cost more than the statements
                connection.setAutoCommit(false);
                for (String sql : ddl) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError("rejected: " + sql + "\n" + e.getMessage(), e);
                    }
                }
                connection.commit();
            }
            return read(database.dataSource());
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** What {@code ScratchCatalogs.read(reader, dataSource, null)} does: every user schema. */
    private static DatabaseSchema read(DataSource dataSource) throws SQLException {
        CatalogReader reader = CatalogReader.of(Dialect.POSTGRESQL, Set.of("flyway_schema_history"));
        try (Connection connection = dataSource.getConnection()) {
            return reader.read(connection, new TreeSet<>(reader.userSchemas(connection)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the synthetic model

    private record Col(String name, String definition) {
    }

    private record Named(String name, String columns) {
    }

    private record Fk(String name, String columns, String target, String suffix) {
    }

    /** A table as Hibernate writes it: columns, a primary key, inline elements, then indexes, uniques and foreign keys. */
    private static final class Tbl {
        String name;
        final List<Col> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<String> elements = new ArrayList<>();
        final List<Named> indexes = new ArrayList<>();
        final List<Named> uniques = new ArrayList<>();
        final List<Fk> fks = new ArrayList<>();

        Tbl(String name) {
            this.name = name;
        }

        Tbl copy() {
            Tbl copy = new Tbl(name);
            copy.columns.addAll(columns);
            copy.primaryKey.addAll(primaryKey);
            copy.elements.addAll(elements);
            copy.indexes.addAll(indexes);
            copy.uniques.addAll(uniques);
            copy.fks.addAll(fks);
            return copy;
        }

        void replaceColumn(String column, String definition) {
            columns.replaceAll(c -> c.name.equals(column) ? new Col(column, definition) : c);
        }

        void renameColumn(String from, String to) {
            columns.replaceAll(c -> c.name.equals(from) ? new Col(to, c.definition) : c);
            primaryKey.replaceAll(c -> c.equals(from) ? to : c);
        }

        void retarget(String columns, String target) {
            fks.replaceAll(fk -> fk.columns.equals(columns) ? new Fk(fk.name, fk.columns, target, fk.suffix) : fk);
        }

        /** The statements whose subject is this table. */
        List<String> ddl(Model model) {
            return model.ddl().stream().filter(s -> s.startsWith("create table " + name + " (")
                    || s.contains(" on " + name + " (") || s.startsWith("alter table if exists " + name + " ")).toList();
        }

        /** Columns that no key, index, constraint or element names. */
        List<Col> freeColumns() {
            return columns.stream().filter(c -> !primaryKey.contains(c.name)
                    && indexes.stream().noneMatch(i -> i.columns.contains(c.name))
                    && uniques.stream().noneMatch(u -> u.columns.contains(c.name))
                    && fks.stream().noneMatch(f -> f.columns.contains(c.name))
                    && elements.stream().noneMatch(e -> e.contains(c.name))).toList();
        }
    }

    private static final class Model {
        final List<String> schemas = new ArrayList<>();
        /** {@code create sequence} and {@code create type} statements. */
        final List<String> globals = new ArrayList<>();
        final Map<String, Tbl> tables = new LinkedHashMap<>();

        static QualifiedName qualified(String ddlName) {
            int dot = ddlName.indexOf('.');
            return dot < 0 ? QualifiedName.of("public", ddlName)
                    : QualifiedName.of(ddlName.substring(0, dot), ddlName.substring(dot + 1));
        }

        Tbl table(String name) {
            return Objects.requireNonNull(tables.get(name), name);
        }

        Tbl add(String name, String id) {
            Tbl table = new Tbl(name);
            table.columns.add(new Col("id", id));
            table.primaryKey.add("id");
            tables.put(name, table);
            return table;
        }

        Model copy() {
            Model copy = new Model();
            copy.schemas.addAll(schemas);
            copy.globals.addAll(globals);
            tables.forEach((name, table) -> copy.tables.put(name, table.copy()));
            return copy;
        }

        /** Removes a table, and the foreign keys (and their columns) that reference it. */
        void drop(String name) {
            tables.remove(name);
            for (Tbl table : tables.values()) {
                for (Fk fk : List.copyOf(table.fks)) {
                    if (fk.target.equals(name)) {
                        table.fks.remove(fk);
                        table.columns.removeIf(c -> c.name.equals(fk.columns));
                    }
                }
            }
        }

        void rename(String from, String to) {
            Tbl table = tables.remove(from);
            table.name = to;
            tables.put(to, table);
            tables.values().forEach(t -> t.fks.replaceAll(fk -> fk.target.equals(from)
                    ? new Fk(fk.name, fk.columns, to, fk.suffix) : fk));
        }

        /** The order Hibernate 7 writes: schemas, sequences and types, tables, indexes and uniques, foreign keys. */
        List<String> ddl() {
            List<String> ddl = new ArrayList<>();
            schemas.forEach(s -> ddl.add("create schema " + s));
            ddl.addAll(globals);
            for (Tbl t : tables.values()) {
                List<String> parts = new ArrayList<>();
                t.columns.forEach(c -> parts.add(c.name + " " + c.definition));
                if (!t.primaryKey.isEmpty()) {
                    parts.add("primary key (" + String.join(", ", t.primaryKey) + ")");
                }
                parts.addAll(t.elements);
                ddl.add("create table " + t.name + " (" + String.join(", ", parts) + ")");
            }
            for (Tbl t : tables.values()) {
                t.indexes.forEach(i -> ddl.add("create index " + i.name + " on " + t.name + " (" + i.columns + ")"));
                t.uniques.forEach(u -> ddl.add("alter table if exists " + t.name + " add constraint " + u.name
                        + " unique (" + u.columns + ")"));
            }
            for (Tbl t : tables.values()) {
                t.fks.forEach(fk -> ddl.add("alter table if exists " + t.name + " add constraint " + fk.name
                        + " foreign key (" + fk.columns + ") references " + fk.target + fk.suffix));
            }
            return ddl;
        }

        /**
         * Sixty tables: thirty entities in {@code public} (identity and sequence ids, checks, defaults, an enum type,
         * a default drawing from a sequence, foreign key chains), eight join tables, eight element collections,
         * a second table referencing ent_20, an audit table, and eleven items plus a warehouse in the schema {@code inventory}.
         */
        static Model synthetic() {
            Model m = new Model();
            m.schemas.add("inventory");
            m.globals.add("create type mood as enum ('CALM','ANGRY')");
            for (int i = 0; i < 30; i++) {
                String name = String.format("ent_%02d", i);
                boolean identity = i % 3 == 0;
                if (!identity) {
                    m.globals.add("create sequence " + name + "_SEQ start with 1 increment by 50");
                }
                Tbl t = m.add(name, identity ? "bigint generated by default as identity" : "bigint not null");
                t.columns.add(new Col("name", "varchar(100) not null"));
                t.columns.add(new Col("code", "varchar(40)"));
                t.columns.add(new Col("status", "varchar(20) check ((status in ('NEW','OPEN','CLOSED')))"));
                t.columns.add(new Col("amount", "numeric(12,2)"));
                t.columns.add(new Col("created_at", "timestamp(6) with time zone not null"));
                t.columns.add(new Col("active", "boolean default true"));
                if (i % 5 == 0) {
                    t.columns.add(new Col("mood", "mood"));
                }
                if (i == 7) {
                    t.columns.add(new Col("counter", "bigint default nextval('ent_08_seq')"));
                }
                if (i > 0) {
                    t.columns.add(new Col("parent_id", "bigint"));
                    t.fks.add(new Fk("FK" + name + "parent", "parent_id", String.format("ent_%02d", i - 1), ""));
                }
                if (i % 4 == 0 && i >= 8) {
                    t.columns.add(new Col("owner_id", "bigint not null"));
                    t.fks.add(new Fk("FK" + name + "owner", "owner_id", String.format("ent_%02d", i / 2),
                            " on delete cascade"));
                }
                if (i % 2 == 0) {
                    t.uniques.add(new Named("UK" + name + "code", "code"));
                }
                if (i % 3 == 1) {
                    t.indexes.add(new Named("idx_" + name + "_created", "created_at"));
                }
                if (i % 6 == 2) {
                    t.elements.add("unique (name, created_at)");
                }
                if (i % 7 == 3) {
                    t.elements.add("constraint " + name + "_amount_positive check (amount >= 0)");
                }
            }
            int[][] pairs = {{0, 1}, {2, 5}, {3, 9}, {4, 12}, {6, 18}, {10, 20}, {14, 28}, {21, 27}};
            for (int[] pair : pairs) {
                String a = String.format("ent_%02d", pair[0]);
                String b = String.format("ent_%02d", pair[1]);
                Tbl t = new Tbl(a + "_" + b);
                t.columns.add(new Col(a + "_id", "bigint not null"));
                t.columns.add(new Col(b + "_id", "bigint not null"));
                t.primaryKey.addAll(List.of(a + "_id", b + "_id"));
                t.fks.add(new Fk("FK" + t.name + "a", a + "_id", a, ""));
                t.fks.add(new Fk("FK" + t.name + "b", b + "_id", b, ""));
                m.tables.put(t.name, t);
            }
            for (int i = 1; i < 30; i += 4) {
                String owner = String.format("ent_%02d", i);
                // a Set<String>: no key, a unique pair; a Map<String, String>: keyed by owner and map key
                boolean set = (i / 4) % 2 == 0;
                Tbl t = new Tbl(owner + (set ? "_tags" : "_attributes"));
                t.columns.add(new Col(owner + "_id", "bigint not null"));
                if (set) {
                    t.columns.add(new Col("tags", "varchar(255)"));
                    t.elements.add("unique (" + owner + "_id, tags)");
                } else {
                    t.columns.add(new Col("attr_value", "varchar(255)"));
                    t.columns.add(new Col("attr_key", "varchar(30) not null"));
                    t.primaryKey.addAll(List.of(owner + "_id", "attr_key"));
                }
                t.fks.add(new Fk("FK" + t.name, owner + "_id", owner, ""));
                m.tables.put(t.name, t);
            }
            Tbl owner = new Tbl("ent_40_owner"); // a second foreign key to ent_20, from a table of its own
            owner.columns.add(new Col("ent_20_id", "bigint not null"));
            owner.columns.add(new Col("since", "date"));
            owner.primaryKey.add("ent_20_id");
            owner.fks.add(new Fk("FKent40owner", "ent_20_id", "ent_20", ""));
            m.tables.put(owner.name, owner);
            Tbl audit = m.add("audit_log", "bigint generated by default as identity");
            audit.columns.add(new Col("happened_at", "timestamp(6) not null"));
            audit.columns.add(new Col("message", "text"));
            Tbl warehouse = m.add("inventory.warehouse", "bigint not null");
            m.globals.add("create sequence inventory.warehouse_SEQ start with 1 increment by 50");
            warehouse.columns.add(new Col("city", "varchar(80) not null"));
            warehouse.uniques.add(new Named("UKwarehousecity", "city"));
            for (int i = 0; i < 11; i++) {
                String name = String.format("inventory.item_%02d", i);
                Tbl t = m.add(name, i % 2 == 0 ? "bigint generated by default as identity" : "bigint not null");
                t.columns.add(new Col("sku", "varchar(30) not null"));
                t.columns.add(new Col("quantity", "integer default 0 not null"));
                t.columns.add(new Col("weight", "float(53)"));
                if (i > 0) {
                    t.columns.add(new Col("previous_id", "bigint"));
                    t.fks.add(new Fk(String.format("FKitem%02dprevious", i), "previous_id",
                            String.format("inventory.item_%02d", i - 1), ""));
                }
                if (i % 3 == 0) {
                    t.columns.add(new Col("ent_id", "bigint"));
                    t.fks.add(new Fk(String.format("FKitem%02dent", i), "ent_id", String.format("ent_%02d", i),
                            " on delete set null"));
                }
                if (i % 4 == 0) {
                    t.columns.add(new Col("warehouse_id", "bigint not null"));
                    t.fks.add(new Fk(String.format("FKitem%02dwarehouse", i), "warehouse_id", "inventory.warehouse", ""));
                }
                if (i % 2 == 1) {
                    t.uniques.add(new Named(String.format("UKitem%02dsku", i), "sku"));
                } else {
                    t.indexes.add(new Named(String.format("idx_item_%02d_sku", i), "sku"));
                }
            }
            return m;
        }

        /** One random edit of one table; returns what it did. */
        String randomEdit(String name, Random random, int n) {
            Tbl t = table(name);
            List<String> targets = tables.keySet().stream()
                    .filter(k -> table(k).primaryKey.equals(List.of("id"))).toList();
            while (true) {
                List<Col> free = t.freeColumns();
                switch (random.nextInt(14)) {
                    case 0 -> {
                        t.columns.add(new Col("extra_" + n, random.nextBoolean() ? "integer" : "varchar(" + (10 + n) + ")"));
                        return "add column extra_" + n;
                    }
                    case 1 -> {
                        if (free.isEmpty()) {
                            continue;
                        }
                        Col column = free.get(random.nextInt(free.size()));
                        t.columns.remove(column);
                        return "drop column " + column.name;
                    }
                    case 2 -> {
                        Optional<Col> text = free.stream().filter(c -> c.definition.startsWith("varchar(")).findFirst();
                        if (text.isEmpty()) {
                            continue;
                        }
                        t.replaceColumn(text.get().name, text.get().definition.replaceFirst("varchar\\(\\d+\\)", "varchar(77)"));
                        return "resize " + text.get().name;
                    }
                    case 3 -> {
                        if (free.isEmpty()) {
                            continue;
                        }
                        Col column = free.get(random.nextInt(free.size()));
                        t.replaceColumn(column.name, column.definition.endsWith(" not null")
                                ? column.definition.substring(0, column.definition.length() - " not null".length())
                                : column.definition + " not null");
                        return "toggle not null of " + column.name;
                    }
                    case 4 -> {
                        Col column = t.columns.get(random.nextInt(t.columns.size()));
                        t.indexes.add(new Named("idx_random_" + n, column.name));
                        return "index " + column.name;
                    }
                    case 5 -> {
                        if (t.indexes.isEmpty()) {
                            continue;
                        }
                        return "drop index " + t.indexes.remove(random.nextInt(t.indexes.size())).name;
                    }
                    case 6 -> {
                        Col column = t.columns.get(random.nextInt(t.columns.size()));
                        t.uniques.add(new Named("UKrandom" + n, column.name));
                        return "unique " + column.name;
                    }
                    case 7 -> {
                        if (t.uniques.isEmpty()) {
                            continue;
                        }
                        return "drop unique " + t.uniques.remove(random.nextInt(t.uniques.size())).name;
                    }
                    case 8 -> {
                        String target = targets.get(random.nextInt(targets.size()));
                        t.columns.add(new Col("ref_" + n + "_id", "bigint"));
                        t.fks.add(new Fk("FKrandom" + n, "ref_" + n + "_id", target, random.nextBoolean() ? "" : " on delete set null"));
                        return "foreign key to " + target;
                    }
                    case 9 -> {
                        if (t.fks.isEmpty()) {
                            continue;
                        }
                        return "drop foreign key " + t.fks.remove(random.nextInt(t.fks.size())).name;
                    }
                    case 10 -> {
                        if (t.fks.isEmpty()) {
                            continue;
                        }
                        Fk fk = t.fks.get(random.nextInt(t.fks.size()));
                        String target = targets.get(random.nextInt(targets.size()));
                        if (target.equals(fk.target)) {
                            continue;
                        }
                        t.retarget(fk.columns, target);
                        return "retarget " + fk.name + " to " + target;
                    }
                    case 11 -> {
                        Col column = t.columns.get(random.nextInt(t.columns.size()));
                        t.elements.add("check ((" + column.name + " is not null or " + column.name + " is null))");
                        return "check on " + column.name;
                    }
                    case 12 -> {
                        Optional<Col> number = free.stream().filter(c -> c.definition.startsWith("integer")
                                || c.definition.startsWith("numeric")).findFirst();
                        if (number.isEmpty()) {
                            continue;
                        }
                        t.replaceColumn(number.get().name, number.get().definition.contains(" default ")
                                ? number.get().definition.replaceFirst(" default \\d+", "")
                                : number.get().definition + " default 42");
                        return "toggle default of " + number.get().name;
                    }
                    default -> {
                        Optional<Col> id = t.columns.stream().filter(c -> c.name.equals("id")).findFirst();
                        if (id.isEmpty()) {
                            continue;
                        }
                        t.replaceColumn("id", id.get().definition.contains("identity") ? "bigint not null"
                                : "bigint generated by default as identity");
                        return "toggle identity of id";
                    }
                }
            }
        }
    }
}
