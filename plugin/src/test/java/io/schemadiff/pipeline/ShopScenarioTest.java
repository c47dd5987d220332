package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture model {@code io.schemadiff.fixtures.shop} against hand-written migrations that are
 * right, or out of date in exactly one way. Every out-of-date case is then generated and proven:
 * all migrations, applied by Flyway, must build exactly the schema Hibernate creates.
 */
class ShopScenarioTest {

    private static final String SHOP = "io.schemadiff.fixtures.shop.domains.*.model";

    static final String CUSTOMERS = ShopMigrations.CUSTOMERS;
    static final String ORDERS = ShopMigrations.ORDERS;

    @TempDir
    Path dir;

    private Scenario shop() {
        return Scenario.of(dir, SHOP);
    }

    @Test
    void equivalentSpellingsAcrossSeveralFilesAreInSync() {
        Comparison comparison = shop().migration("V1__customers.sql", CUSTOMERS)
                .migration("V1_1__orders.sql", ORDERS).compare();
        assertTrue(comparison.inSync(), () -> "false positives: " + comparison.diff().changes());
        assertEquals(2, comparison.migrationsReplayed());
    }

    @Test
    void missingTableIsCreatedWithItsSequenceIndexAndForeignKey() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS);
        Comparison comparison = scenario.compare();
        assertEquals(List.of(Change.Kind.CREATE_SEQUENCE, Change.Kind.CREATE_TABLE, Change.Kind.CREATE_INDEX,
                Change.Kind.ADD_FOREIGN_KEY), kinds(comparison));
        assertEquals("V2__create_purchase_orders_table.sql", comparison.migrationFileName());
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void missingColumn() {
        assertSingleChange(CUSTOMERS.replace("    name varchar(100)\n", "    zip char(5)\n"),
                List.of(Change.Kind.DROP_COLUMN, Change.Kind.ADD_COLUMN), "add_name_to_customers_and_1_more");
    }

    @Test
    void longerColumnLength() {
        assertSingleChange(CUSTOMERS.replace("character varying(320)", "varchar(255)"),
                List.of(Change.Kind.ALTER_COLUMN), "change_email_type_in_customers");
    }

    @Test
    void nullabilityBothWays() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS
                        .replace("createdAt timestamptz not null", "createdAt timestamptz")
                        .replace("name varchar(100)", "name varchar(100) not null"))
                .migration("V2__orders.sql", ORDERS);
        Comparison comparison = scenario.compare();
        assertEquals(List.of(Change.Kind.ALTER_COLUMN, Change.Kind.ALTER_COLUMN), kinds(comparison));
        // customers has rows in production: NOT NULL through a check validated in the follow-up (schema.online)
        assertTrue(comparison.migrationSql().contains("alter table customers add constraint "
                + "customers_createdat_not_null_check check (createdat is not null) not valid;"), comparison.migrationSql());
        assertTrue(comparison.followUp().sql().contains("alter table customers alter column createdat set not null;"),
                comparison.followUp().sql());
        assertTrue(comparison.migrationSql().contains("alter table customers alter column name drop not null;"));
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void precisionAndScale() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS)
                .migration("V2__orders.sql", ORDERS.replace("decimal(19, 2)", "numeric(10,4)"));
        Comparison comparison = scenario.compare();
        assertEquals(List.of(Change.Kind.ALTER_COLUMN), kinds(comparison));
        assertTrue(comparison.migrationSql().contains("alter column total type numeric(19,2);"),
                comparison.migrationSql());
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void typeChangeThatNeedsACast() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS)
                .migration("V2__orders.sql", ORDERS.replace("status varchar(20) not null check (status in ('NEW', 'PAID', 'SHIPPED'))",
                        "status integer not null"));
        Comparison comparison = scenario.compare();
        assertEquals(List.of(Change.Kind.ALTER_COLUMN, Change.Kind.ADD_CHECK), kinds(comparison));
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void tableWithoutEntityIsDroppedAndFlaggedDestructive() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS).migration("V2__orders.sql", ORDERS)
                .migration("V3__legacy.sql", """
                        create table legacy_notes (id serial primary key, customer_id bigint references customers, body text);
                        create table legacy_tags (note_id int references legacy_notes, tag text);
                        alter table legacy_notes add column tag_note int;
                        """);
        Comparison comparison = scenario.compare();
        // the key between the two dropped tables goes first, so they can be dropped in any order
        assertEquals(List.of(Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_TABLE, Change.Kind.DROP_TABLE),
                kinds(comparison));
        assertEquals(2, comparison.changes().stream().filter(c -> c.destructive()).count());
        assertTrue(comparison.migrationSql().contains("-- DESTRUCTIVE: 2 step(s)"), comparison.migrationSql());
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void tablesPointingAtEachOtherAreDroppedAfterTheirForeignKeys() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS).migration("V2__orders.sql", ORDERS)
                .migration("V3__cycle.sql", """
                        create table a (id int primary key, b_id int);
                        create table b (id int primary key, a_id int references a);
                        alter table a add constraint a_b foreign key (b_id) references b;
                        """);
        Comparison comparison = scenario.compare();
        assertEquals(List.of(Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_TABLE,
                Change.Kind.DROP_TABLE), kinds(comparison));
        assertGeneratedMigrationConverges(scenario);
    }

    @Test
    void missingForeignKeyAndChangedOnDeleteAction() {
        assertSingleChange(CUSTOMERS, ORDERS.replace("references customers", ""),
                List.of(Change.Kind.ADD_FOREIGN_KEY));
        assertSingleChange(CUSTOMERS, ORDERS.replace("references customers", "references customers on delete cascade"),
                List.of(Change.Kind.ALTER_FOREIGN_KEY));
    }

    @Test
    void uniqueConstraintMissingOrWrittenAsUniqueIndex() {
        assertSingleChange(CUSTOMERS.replace(" constraint uq_customer_email unique", ""), ORDERS,
                List.of(Change.Kind.ADD_UNIQUE_KEY));
        Comparison asIndex = shop()
                .migration("V1__customers.sql", CUSTOMERS.replace(" constraint uq_customer_email unique", ""))
                .migration("V2__orders.sql", ORDERS)
                .migration("V3__unique_email.sql", "create unique index customers_email_ux on customers (email);")
                .compare();
        assertTrue(asIndex.inSync(), () -> "a unique index is the same as a unique constraint: " + asIndex.diff());
    }

    @Test
    void indexesMissingExtraOrDifferent() {
        assertSingleChange(CUSTOMERS, ORDERS.replace("create index idx_orders_placed on purchase_orders (placedAt);", ""),
                List.of(Change.Kind.CREATE_INDEX));
        assertSingleChange(CUSTOMERS, ORDERS + "create index orders_by_total on purchase_orders (total);",
                List.of(Change.Kind.DROP_INDEX));
        assertSingleChange(CUSTOMERS, ORDERS.replace("(placedAt);", "(placedAt desc);"),
                List.of(Change.Kind.DROP_INDEX, Change.Kind.CREATE_INDEX));
    }

    @Test
    void primaryKeyOnOtherColumns() {
        assertSingleChange(CUSTOMERS, ORDERS.replace("primary key (id)", "primary key (id, customer_id)"),
                List.of(Change.Kind.DROP_PRIMARY_KEY, Change.Kind.ADD_PRIMARY_KEY));
    }

    @Test
    void enumCheckChangesWhenTheEnumGainsAConstant() {
        assertSingleChange(CUSTOMERS, ORDERS.replace("('NEW', 'PAID', 'SHIPPED')", "('NEW', 'PAID')"),
                List.of(Change.Kind.DROP_CHECK, Change.Kind.ADD_CHECK));
    }

    @Test
    void sequenceIncrementMustMatchAllocationSize() {
        assertSingleChange(CUSTOMERS, ORDERS.replace("increment 50", "increment 1"),
                List.of(Change.Kind.ALTER_SEQUENCE));
    }

    @Test
    void objectsOnlyMigrationsCanDescribeAreLeftAlone() {
        Comparison comparison = shop().migration("V1__customers.sql", CUSTOMERS).migration("V2__orders.sql", ORDERS)
                .migration("V3__extras.sql", """
                        create index active_customers on customers (email) where name is not null;
                        create index lower_email on customers (lower(email));
                        create view big_orders as select * from purchase_orders where total > 1000;
                        create function shout(t text) returns text language sql as $$ select upper(t) $$;
                        create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
                        create trigger customers_touch before update on customers for each row execute function touch();
                        create extension if not exists hstore;
                        create extension if not exists pg_stat_statements;
                        """).compare();
        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        List<String> unmanaged = comparison.diff().unmanaged();
        assertTrue(unmanaged.stream().anyMatch(u -> u.contains("active_customers")), unmanaged.toString());
        assertTrue(unmanaged.stream().anyMatch(u -> u.contains("lower_email")), unmanaged.toString());
        assertTrue(unmanaged.stream().anyMatch(u -> u.contains("big_orders")), unmanaged.toString());
        assertTrue(unmanaged.stream().anyMatch(u -> u.contains("shout")), unmanaged.toString());
        assertTrue(unmanaged.contains("trigger customers_touch on public.customers"), unmanaged.toString());
        assertTrue(unmanaged.contains("extension hstore"), unmanaged.toString());
        // what an extension creates (its functions, pg_stat_statements' views) belongs to the extension
        assertTrue(unmanaged.stream().noneMatch(u -> u.contains("pg_stat_statements(") || u.contains("hstore(")),
                unmanaged.toString());
    }

    @Test
    void userMessageNamesTheMigration() {
        Scenario scenario = shop().migration("V1__customers.sql", CUSTOMERS);
        Comparison comparison = scenario.pipeline(scenario.settings().message("Orders: first cut!")).compare();
        assertEquals("V2__orders_first_cut.sql", comparison.migrationFileName());
    }

    @Test
    void brokenMigrationIsAnErrorNamingTheFile() {
        SchemaException e = assertThrows(SchemaException.class, () -> shop()
                .migration("V1__customers.sql", CUSTOMERS)
                .migration("V2__broken.sql", "create table oops (id int primary key,);").compare());
        assertTrue(e.getMessage().contains("V2__broken.sql"), e.getMessage());
    }

    @Test
    void misnamedMigrationIsAnErrorNotSilentlySkipped() {
        SchemaException e = assertThrows(SchemaException.class, () -> shop()
                .migration("V1__customers.sql", CUSTOMERS)
                .migration("V2_orders.sql", ORDERS).compare());
        assertTrue(e.getMessage().contains("V2_orders.sql"), e.getMessage());
    }

    @Test
    void noEntityInThePackagesIsAnErrorNamingPatternsAndFolders() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> Scenario.of(dir, "io.schemadiff.nothing.here").compare());
        assertTrue(e.getMessage().contains("io.schemadiff.nothing.here"), e.getMessage());
        assertTrue(e.getMessage().contains("test-classes"), e.getMessage());
    }

    @Test
    void mappedClassesOutsideThePackagesAreReportedByName() {
        Scenario scenario = Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", CUSTOMERS).migration("V2__orders.sql", ORDERS);
        assertTrue(scenario.compare().inSync());
        // fixtures of other tests live outside the shop packages: each is named
        assertTrue(scenario.warnings().stream().anyMatch(w -> w.contains("io.schemadiff.fixtures.evolution")),
                scenario.warnings().toString());
    }

    // ---------------------------------------------------------------------------------------

    private void assertSingleChange(String customers, List<Change.Kind> expected, String expectedDescription) {
        Scenario scenario = shop().migration("V1__customers.sql", customers).migration("V2__orders.sql", ORDERS);
        Comparison comparison = scenario.compare();
        assertEquals(expected, kinds(comparison));
        assertEquals("V3__" + expectedDescription + ".sql", comparison.migrationFileName());
        assertGeneratedMigrationConverges(scenario);
    }

    private void assertSingleChange(String customers, String orders, List<Change.Kind> expected) {
        Path caseDir = dir.resolve("case" + System.nanoTime());
        Scenario scenario = Scenario.of(caseDir, SHOP).migration("V1__customers.sql", customers)
                .migration("V2__orders.sql", orders);
        Comparison comparison = scenario.compare();
        assertEquals(expected, kinds(comparison), () -> String.valueOf(comparison.migrationSql()));
        assertGeneratedMigrationConverges(scenario);
    }

    /** Generate, then: one new file, in sync afterwards, and Flyway's result equals Hibernate's schema. */
    private static void assertGeneratedMigrationConverges(Scenario scenario) {
        try {
            long before = Files.list(scenario.migrations()).count();
            SchemaPipeline.Generation generation = scenario.generate();
            assertTrue(generation.written().isPresent());
            // the migration, and with the lock-safe follow-up (schema.online) that one and the .conf of each run
            // outside a transaction; their undos (which the pipeline proved restore the schema before them) go
            // outside the folder Flyway scans: Flyway Community does not run undo scripts
            Comparison comparison = generation.comparison();
            java.util.Set<String> undos = new java.util.HashSet<>();
            undos.add(comparison.undoFileName());
            if (comparison.followUp() != null) {
                undos.add(comparison.followUp().undoFileName());
            }
            long migrations = comparison.fileNames().stream().filter(n -> !undos.contains(n)).count()
                    + comparison.outsideTransaction().stream().filter(n -> !undos.contains(n)).count();
            assertEquals(before + migrations, Files.list(scenario.migrations()).count());
            String undo = generation.comparison().undoFileName();
            assertEquals("U" + generation.written().get().getFileName().toString().substring(1), undo);
            assertFalse(generation.comparison().undoFolder().startsWith(scenario.migrations()));
            assertTrue(Files.exists(generation.comparison().undoFolder().resolve(undo)));
            assertTrue(scenario.compare().inSync());
            assertFalse(scenario.generate().written().isPresent(), "a second generate writes nothing");
            scenario.assertMigrationsBuildTheModel();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Change.Kind> kinds(Comparison comparison) {
        return comparison.diff().changes().stream().map(Change::kind).toList();
    }
}
