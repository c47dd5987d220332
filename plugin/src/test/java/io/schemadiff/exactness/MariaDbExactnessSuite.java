package io.schemadiff.exactness;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.diff.Change;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exactness suite on MariaDB, over the same fixtures as {@link ExactnessScenariosTest}, run on the
 * embedded MariaDB ({@link MariaDbExactnessOnEmbeddedTest}) and on the machine's server
 * ({@link MariaDbExactnessOnServerTest}):
 * <ol>
 * <li>migrations that already match the model, whether Hibernate's own MariaDB DDL or SQL written by
 * hand in other spellings, report nothing;</li>
 * <li>from no migrations or out-of-date ones, {@code generate} writes a migration and its undo (both
 * proven by the pipeline); Flyway then builds exactly the schema Hibernate's own DDL builds, and a
 * second comparison reports nothing.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MariaDbExactnessSuite {

    private final AtomicInteger falsePositives = new AtomicInteger();
    private final AtomicInteger inSyncCases = new AtomicInteger();

    /** The MariaDB the pipelines of this run create their scratch databases on. */
    abstract ScratchServer server();

    /**
     * Fixtures MariaDB cannot take as they are: {@code jsonb} by columnDefinition, another schema, and a
     * column named {@code longText} (a MariaDB type keyword, which Hibernate does not quote there).
     */
    private static final List<String> POSTGRESQL_ONLY = List.of("json", "otherschema", "strings");

    static Stream<String> fixtures() throws Exception {
        try (Stream<Path> folders = Files.list(Scenario.TEST_CLASSES.resolve("io/schemadiff/fixtures/exact"))) {
            return folders.map(p -> p.getFileName().toString()).filter(name -> !POSTGRESQL_ONLY.contains(name))
                    .sorted().toList().stream();
        }
    }

    /** A hand-written migration that matches the model, and a mutation that must be found. */
    record Case(String name, String fixture, String inSync, UnaryOperator<String> outOfDate, List<Change.Kind> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case hand(String name, String fixture, String sql, String from, String to, Change.Kind... expected) {
        return new Case(name, fixture, sql, s -> {
            if (!s.contains(from)) {
                throw new IllegalStateException("the mutation's text is not in the migration: " + from);
            }
            return s.replace(from, to);
        }, List.of(expected));
    }

    private static final Change.Kind ALTER = Change.Kind.ALTER_COLUMN;

    /**
     * The fkindexes fixture written by hand: named indexes on join-table foreign keys, some created after
     * their keys (InnoDB then drops the index it made for the key), a set join table whose primary key
     * serves one key while InnoDB makes the other's index.
     */
    private static final String FOREIGN_KEY_INDEXES = """
            create table members (id bigint not null primary key, sponsor_id bigint,
                constraint fk_members_sponsor foreign key (sponsor_id) references members (id));
            create index ix_members_sponsor on members (sponsor_id);
            create table clubs (id bigint not null primary key);
            create table club_members (club_id bigint not null, member_id bigint not null,
                primary key (club_id, member_id),
                key ix_club_members_club (club_id), key ix_club_members_member (member_id),
                constraint fk_club_members_club foreign key (club_id) references clubs (id),
                constraint fk_club_members_member foreign key (member_id) references members (id));
            create table club_followers (club_id bigint not null, member_id bigint not null,
                constraint fk_club_followers_club foreign key (club_id) references clubs (id),
                constraint fk_club_followers_member foreign key (member_id) references members (id));
            create index ix_club_followers_club on club_followers (club_id);
            create index ix_club_followers_member on club_followers (member_id);
            create table club_guests (club_id bigint not null, member_id bigint not null,
                primary key (club_id, member_id),
                constraint fk_club_guests_club foreign key (club_id) references clubs (id),
                constraint fk_club_guests_member foreign key (member_id) references members (id));
            """;

    static Stream<Case> handWritten() {
        return Stream.of(
                hand("integers: display widths, int/integer, lower-case column names", "integers", """
                                create table counters (id bigint(20) not null primary key, big bigint(20) not null,
                                    boxedbig bigint, boxedwhole int(11), tiny smallint(6) not null,
                                    version int not null, whole integer not null);
                                """,
                        "whole integer not null", "whole smallint not null", ALTER),
                hand("decimals: numeric vs decimal, decimal(p) vs decimal(p,0)", "decimals", """
                                create table prices (id bigint primary key, amount numeric(10, 2) not null,
                                    huge decimal(38), unscaled numeric(38,2), whole decimal(5,0));
                                """,
                        "amount numeric(10, 2) not null", "amount numeric(8, 2) not null", ALTER),
                hand("defaults: quoted and unquoted numbers, bit true and 1, now() and current_timestamp", "defaults", """
                                create table settings (id bigint not null, retries integer default '0' not null,
                                    mode varchar(5) default 'on', enabled bit default true,
                                    createdAt datetime(6) default now(6), primary key (id));
                                """,
                        "mode varchar(5) default 'on'", "mode varchar(5) default 'off'", ALTER),
                hand("checks: a named check under another name is dropped and added (MariaDB renames no check)",
                        "checks", """
                                create table accounts (id bigint not null primary key, balance numeric(12,2),
                                    creditLimit numeric(12,2) check (creditLimit between 0 and 100000),
                                    constraint balance_within_limit check (balance >= -creditLimit));
                                """,
                        "constraint balance_within_limit", "constraint ck_balance",
                        Change.Kind.DROP_CHECK, Change.Kind.ADD_CHECK),
                hand("indexes: a named index under another name is renamed", "indexes", """
                                create table shipments (id bigint primary key, carrier varchar(30), shippedOn date,
                                    tracking varchar(40));
                                create index shipments_by_carrier_and_day on shipments (carrier, shippedOn);
                                create unique index uk_tracking on shipments (tracking);
                                """,
                        "index shipments_by_carrier_and_day", "index ix_carrier_day", Change.Kind.RENAME_CONSTRAINT),
                hand("foreign-key indexes: a bag join table that becomes a set keeps its named indexes",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "primary key (club_id, member_id),\n    key ix_club_members_club", "key ix_club_members_club",
                        Change.Kind.ADD_PRIMARY_KEY),
                hand("foreign-key indexes: a set join table that becomes a bag keeps its named indexes",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "member_id bigint not null,\n    constraint fk_club_followers_club",
                        "member_id bigint not null, primary key (club_id, member_id),\n    constraint fk_club_followers_club",
                        Change.Kind.DROP_PRIMARY_KEY),
                hand("foreign-key indexes: a redundant index a foreign key relied on is dropped once the key serves it",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "primary key (club_id, member_id),\n    constraint fk_club_guests_club",
                        "key guests_by_club (club_id),\n    constraint fk_club_guests_club",
                        Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_INDEX, Change.Kind.ADD_PRIMARY_KEY,
                        Change.Kind.ADD_FOREIGN_KEY),
                hand("foreign-key indexes: a composite primary key foreign keys rely on changes",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "primary key (club_id, member_id),\n    constraint fk_club_guests_club",
                        "primary key (member_id, club_id),\n    constraint fk_club_guests_club",
                        Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_PRIMARY_KEY,
                        Change.Kind.ADD_PRIMARY_KEY, Change.Kind.CREATE_INDEX, Change.Kind.ADD_FOREIGN_KEY,
                        Change.Kind.ADD_FOREIGN_KEY),
                hand("auto-increment: a dropped auto-increment column loses auto_increment before its key",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "create table clubs (id bigint not null primary key);",
                        "create table clubs (id bigint not null primary key, legacy_no bigint not null auto_increment, "
                                + "unique key uk_clubs_legacy (legacy_no));",
                        ALTER, Change.Kind.DROP_UNIQUE_KEY, Change.Kind.DROP_COLUMN),
                hand("auto-increment: a dropped auto-increment primary key, foreign keys served by a dropped unique key",
                        "fkindexes", FOREIGN_KEY_INDEXES,
                        "create table clubs (id bigint not null primary key);",
                        "create table clubs (id bigint not null, legacy_no bigint not null auto_increment primary key, "
                                + "unique key uk_clubs_id (id));",
                        Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_FOREIGN_KEY, Change.Kind.DROP_FOREIGN_KEY,
                        Change.Kind.DROP_UNIQUE_KEY, ALTER, Change.Kind.DROP_PRIMARY_KEY, Change.Kind.DROP_COLUMN,
                        Change.Kind.ADD_PRIMARY_KEY, Change.Kind.ADD_FOREIGN_KEY, Change.Kind.ADD_FOREIGN_KEY,
                        Change.Kind.ADD_FOREIGN_KEY),
                hand("a table nobody maps is dropped, a missing one created", "integers", """
                                create table counters (id bigint primary key, big bigint not null, boxedBig bigint,
                                    boxedWhole integer, tiny smallint not null, version integer not null,
                                    whole integer not null);
                                """,
                        "create table counters", "create table legacy (id int primary key);\ncreate table counters_old",
                        Change.Kind.DROP_TABLE, Change.Kind.DROP_TABLE, Change.Kind.CREATE_TABLE));
    }

    @ParameterizedTest(name = "{0}: Hibernate's own MariaDB DDL reports nothing")
    @MethodSource("fixtures")
    void hibernatesOwnDdlReportsNothing(String fixture, @TempDir Path dir) {
        Scenario scenario = scenario(dir, fixture).migration("V1__model.sql", hibernateDdl(fixture));
        assertInSync(scenario, fixture);
    }

    @ParameterizedTest(name = "{0}: generated from nothing, applied, equal to Hibernate's schema")
    @MethodSource("fixtures")
    void fromNothingTheGeneratedMigrationBuildsTheModel(String fixture, @TempDir Path dir) {
        Scenario scenario = scenario(dir, fixture);
        assertGeneratedAndProven(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handWritten")
    void handWrittenMigrationsThatMatchReportNothing(Case c, @TempDir Path dir) {
        assertInSync(scenario(dir, c.fixture()).migration("V1__model.sql", c.inSync()), c.inSync());
    }

    @ParameterizedTest(name = "{0}: out of date")
    @MethodSource("handWritten")
    void outOfDateHandWrittenMigrationsAreGeneratedAndProven(Case c, @TempDir Path dir) {
        Scenario scenario = scenario(dir, c.fixture()).migration("V1__model.sql", c.outOfDate().apply(c.inSync()));
        Comparison comparison = scenario.compare();
        assertEquals(c.expected(), comparison.diff().changes().stream().map(Change::kind).toList(),
                () -> comparison.diff().changes() + "\n" + comparison.migrationSql());
        assertGeneratedAndProven(scenario);
    }

    @Test
    void aModelInAnotherSchemaIsRefusedNamingTheSetting(@TempDir Path dir) {
        Scenario scenario = scenario(dir, "integers").hibernate(Map.of("hibernate.default_schema", "reporting"));
        SchemaException e = assertThrows(SchemaException.class, scenario::compare);
        assertTrue(e.getMessage().contains("hibernate.default_schema"), e.getMessage());
    }

    @Test
    void tablesMappedInAnotherSchemaAreRefusedNamingTheirClasses(@TempDir Path dir) {
        SchemaException e = assertThrows(SchemaException.class, scenario(dir, "otherschema")::compare);
        assertTrue(e.getMessage().contains("billing.clients (io.schemadiff.fixtures.exact.otherschema.domains.d.model.Client)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("@Table"), e.getMessage());
    }

    @Test
    void theMigrationIsWrittenForMariaDb(@TempDir Path dir) {
        Comparison comparison = scenario(dir, "identity").compare();
        String sql = comparison.migrationSql();
        assertTrue(sql.contains(TargetDatabase.of(Dialect.MARIADB, server().version()).describe()), sql);
        assertTrue(sql.contains("auto_increment") || sql.contains("AUTO_INCREMENT"), sql);
        assertFalse(sql.contains("\""), "identifiers are quoted with backticks on MariaDB, if at all:\n" + sql);
    }

    @Test
    void theSqlSpellsColumnsAsTheModelDoesThoughTheyAreComparedWithoutCase(@TempDir Path dir) {
        String sql = scenario(dir, "integers").compare().migrationSql();
        assertTrue(sql.contains("boxedWhole int") && sql.contains("boxedBig bigint"), sql);
        assertFalse(sql.contains("boxedwhole"), sql);
    }

    @AfterAll
    void reportFalsePositives() {
        System.out.println("MariaDB exactness suite on MariaDB " + server().version() + ": " + falsePositives.get()
                + " false positive(s) in " + inSyncCases.get() + " in-sync case(s)");
    }

    private Scenario scenario(Path dir, String fixture) {
        return Scenario.of(dir, "io.schemadiff.fixtures.exact." + fixture + ".domains.*.model").onMariaDb(this::server);
    }

    private void assertInSync(Scenario scenario, String migration) {
        Comparison comparison = scenario.compare();
        inSyncCases.incrementAndGet();
        if (!comparison.inSync()) {
            falsePositives.incrementAndGet();
        }
        assertTrue(comparison.inSync(), () -> "false positives: " + comparison.diff().changes()
                + "\n--- migration ---\n" + migration);
    }

    private void assertGeneratedAndProven(Scenario scenario) {
        SchemaPipeline.Generation generation = scenario.generate();
        assertTrue(generation.written().isPresent(), "a migration is written");
        assertTrue(Files.exists(generation.comparison().undoFolder().resolve(generation.comparison().undoFileName())),
                "the undo, proven by the pipeline, is written");
        assertTrue(scenario.compare().inSync(),
                () -> "not in sync after generating:\n" + generation.comparison().migrationSql());
        assertFalse(scenario.generate().written().isPresent(), "a second generate writes nothing");
        scenario.assertMigrationsBuildTheModel();
    }

    /** Hibernate's create DDL for the fixture on the server's MariaDB version, as a migration. */
    private String hibernateDdl(String fixture) {
        List<String> classes = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(),
                List.of(PackagePattern.of("io.schemadiff.fixtures.exact." + fixture + ".domains.*.model")),
                List.of()).classes();
        List<String> ddl = new HibernateModelBuilder().build(classes, MariaDbExactnessSuite.class.getClassLoader(),
                TargetDatabase.of(Dialect.MARIADB, server().version()), Map.of()).ddl();
        return String.join(";\n", ddl) + ";\n";
    }
}
