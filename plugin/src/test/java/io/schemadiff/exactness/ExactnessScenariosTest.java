package io.schemadiff.exactness;

import io.schemadiff.core.TargetDatabase;
import io.schemadiff.diff.Change;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exactness suite: for every kind of object Hibernate 7 creates on PostgreSQL (fixtures under
 * {@code io.schemadiff.fixtures.exact}), two properties on a real PostgreSQL.
 * <ol>
 * <li>Migrations that already match the model, however they are spelled, report nothing.</li>
 * <li>From out-of-date migrations, {@code generate} writes a migration (and its undo, which the
 * pipeline proves); all migrations applied by Flyway then build exactly the schema Hibernate's own
 * DDL builds (names aside), and a second comparison reports nothing.</li>
 * </ol>
 * A case's in-sync migration is either written by hand in other spellings, or Hibernate's own DDL
 * re-spelled ({@link Respelling}) the way people write SQL. Its out-of-date migration is the in-sync
 * one with a mutation, or nothing at all.
 */
class ExactnessScenariosTest {

    private static final AtomicInteger FALSE_POSITIVES = new AtomicInteger();
    private static final AtomicInteger IN_SYNC_CASES = new AtomicInteger();

    /**
     * @param name         the case, as the test report shows it
     * @param fixture      the package under {@code io.schemadiff.fixtures.exact}
     * @param inSync       migration SQL that matches the model; {@code null}: Hibernate's DDL, re-spelled
     * @param outOfDate    turns the in-sync SQL into out-of-date SQL ({@code s -> ""}: nothing migrated yet)
     * @param expected     the kinds of change the out-of-date case must produce, in plan order
     * @param hibernate    Hibernate settings of the application
     */
    record Case(String name, String fixture, String inSync, UnaryOperator<String> outOfDate,
                List<Change.Kind> expected, Map<String, String> hibernate) {

        @Override
        public String toString() {
            return name;
        }

        String pattern() {
            return "io.schemadiff.fixtures.exact." + fixture + ".domains.*.model";
        }
    }

    private static Case hand(String name, String fixture, String sql, UnaryOperator<String> outOfDate,
                             Change.Kind... expected) {
        return new Case(name, fixture, sql, outOfDate, List.of(expected), Map.of());
    }

    private static Case respelled(String name, String fixture, UnaryOperator<String> outOfDate, Change.Kind... expected) {
        return new Case(name, fixture, null, outOfDate, List.of(expected), Map.of());
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return sql -> {
            if (!sql.contains(from)) {
                throw new IllegalStateException("the mutation's text is not in the migration: " + from + "\n" + sql);
            }
            return sql.replace(from, to);
        };
    }

    private static final UnaryOperator<String> NOTHING_MIGRATED = sql -> "";

    private static final Change.Kind ALTER = Change.Kind.ALTER_COLUMN;

    static Stream<Case> cases() {
        return Stream.of(
                // ---- column types, spelled the way people write them -------------------------------
                hand("integers: int2/int4/int8 and their long names", "integers", """
                                create table counters (id int8 primary key, big int8 not null, boxedBig bigint,
                                    boxedWhole int, tiny int2 not null, version int4 not null, whole integer not null);
                                """,
                        replace("whole integer not null", "whole smallint not null"), ALTER),
                hand("integers: bigint narrowed by hand is widened back", "integers", """
                                create table counters (id bigint primary key, big bigint not null, boxedBig bigint,
                                    boxedWhole integer, tiny smallint not null, version integer not null, whole integer not null);
                                """,
                        replace("boxedBig bigint", "boxedBig integer"), ALTER),
                hand("decimals: decimal vs numeric, numeric(p) vs numeric(p,0)", "decimals", """
                                create table prices (id bigint primary key, amount decimal(10, 2) not null,
                                    huge numeric(38), unscaled decimal(38,2), whole numeric(5));
                                """,
                        replace("amount decimal(10, 2)", "amount numeric(8,2)"), ALTER),
                hand("floating point: real/float4, double precision/float8/float(53)", "floats", """
                                create table measurements (id bigint primary key, boxedRatio real, boxedValue float8,
                                    ratio float4 not null, value double precision not null);
                                """,
                        replace("value double precision not null", "value real not null"), ALTER),
                hand("strings: varchar/character varying, char(n), text, long varchar", "strings", """
                                create table notes (id bigint primary key, body text, code character varying(20) not null,
                                    currency character(3), longText varchar(32600), title varchar(255));
                                """,
                        replace("title varchar(255)", "title varchar(100)")
                                .andThen(replace("code character varying(20) not null", "code character varying(20)"))::apply,
                        ALTER, ALTER),
                hand("json: @JdbcTypeCode(JSON) and columnDefinition jsonb", "json", """
                                create table documents (id bigint primary key, attributes jsonb, raw jsonb);
                                """,
                        replace("raw jsonb", "raw json"), ALTER),
                hand("uuid, bytea, booleans spelled bool", "uuids", """
                                create table tokens (id uuid primary key, active bool not null, payload bytea,
                                    secret uuid not null constraint tokens_secret_is_unique unique, verified boolean);
                                """,
                        replace(" constraint tokens_secret_is_unique unique", "").andThen(replace(" payload bytea,", ""))::apply,
                        Change.Kind.ADD_COLUMN, Change.Kind.ADD_UNIQUE_KEY),
                hand("temporals: timestamptz, timestamp(n), time(0), with and without time zone", "temporals", """
                                create table events (id bigint primary key, day date, instant timestamptz, length numeric(21),
                                    localMoment timestamp, millis timestamp(3), offsetMoment timestamp(6) with time zone,
                                    seconds timestamptz(0), startsAt time(0), year int, zonedMoment timestamptz);
                                """,
                        replace("millis timestamp(3)", "millis timestamp").andThen(
                                replace("instant timestamptz", "instant timestamp"))::apply, ALTER, ALTER),
                // ---- enums and checks -----------------------------------------------------------------
                hand("enums: BETWEEN vs two comparisons, IN vs = ANY (ARRAY[...])", "enums", """
                                create table tickets (id bigint primary key,
                                    priority smallint not null check (priority >= 0 and priority <= 2),
                                    state varchar(10) check (state = any (array['OPEN', 'CLOSED'])));
                                """,
                        replace("array['OPEN', 'CLOSED']", "array['OPEN']"), Change.Kind.DROP_CHECK, Change.Kind.ADD_CHECK),
                hand("enums: a constant added to the enum changes its check", "enums", """
                                create table tickets (id bigint primary key,
                                    priority smallint not null check (priority between 0 and 2),
                                    state varchar(10) check (state in ('OPEN', 'CLOSED')));
                                """,
                        replace("between 0 and 2", "between 0 and 1"), Change.Kind.DROP_CHECK, Change.Kind.ADD_CHECK),
                hand("enums: STRING switched to ORDINAL converts the column", "enums", """
                                create table tickets (id bigint primary key,
                                    priority smallint not null check (priority between 0 and 2),
                                    state varchar(10) check (state in ('OPEN', 'CLOSED')));
                                """,
                        replace("priority smallint not null check (priority between 0 and 2)",
                                "priority varchar(10) not null check (priority in ('LOW', 'MEDIUM', 'HIGH'))"),
                        Change.Kind.DROP_CHECK, ALTER, Change.Kind.ADD_CHECK),
                hand("checks: @Check on class and field, named differently, spelled differently", "checks", """
                                create table accounts (id bigint primary key, balance numeric(12,2),
                                    creditLimit numeric(12,2) constraint credit_limit_range check (creditLimit >= 0 and creditLimit <= 100000),
                                    constraint balance_within_limit check (balance >= -creditLimit));
                                """,
                        replace(",\n    constraint balance_within_limit check (balance >= -creditLimit)", ""), Change.Kind.ADD_CHECK),
                hand("checks: a check the model names is renamed to its name, an unnamed one never", "checks", """
                                create table accounts (id bigint primary key, balance numeric(12,2),
                                    creditLimit numeric(12,2) constraint credit_limit_range check (creditLimit between 0 and 100000),
                                    constraint balance_within_limit check (balance >= -creditLimit));
                                """,
                        replace("constraint balance_within_limit", "constraint balance_ok"), Change.Kind.RENAME_CONSTRAINT),
                // ---- defaults, identity, sequences --------------------------------------------------------
                hand("defaults: @ColumnDefault as written by hand", "defaults", """
                                create table settings (id bigint primary key, createdAt timestamptz default current_timestamp,
                                    enabled bool default true, mode varchar(5) default 'on', retries int not null default 0);
                                """,
                        replace("retries int not null default 0", "retries int not null")
                                .andThen(replace("default 'on'", "default 'off'"))::apply, ALTER, ALTER),
                hand("defaults: a default the model dropped", "defaults", """
                                create table settings (id bigint primary key, createdAt timestamptz default current_timestamp,
                                    enabled bool default true, mode varchar(5) default 'on', retries int not null default 0);
                                """,
                        replace("enabled bool default true", "enabled bool"), ALTER),
                hand("identity: bigserial is identity by default", "identity", """
                                create table visits (id bigserial primary key, page varchar(100) not null);
                                """,
                        replace("id bigserial primary key", "id bigint primary key"), ALTER),
                hand("identity: generated always becomes by default", "identity", """
                                create table visits (id bigint generated by default as identity primary key, page varchar(100) not null);
                                """,
                        replace("by default", "always"), ALTER),
                hand("sequences: start and increment (= allocationSize)", "sequences", """
                                create sequence invoice_numbers start 1000 increment 20;
                                create table invoices (id bigint primary key, customer varchar(255));
                                """,
                        replace("start 1000 increment 20", "start 1 increment 1"), Change.Kind.ALTER_SEQUENCE),
                hand("sequences: a missing sequence is created", "sequences", """
                                create sequence invoice_numbers start with 1000 increment by 20 no cycle;
                                create table invoices (id bigint primary key, customer varchar(255));
                                """,
                        replace("create sequence invoice_numbers start with 1000 increment by 20 no cycle;\n", ""),
                        Change.Kind.CREATE_SEQUENCE),
                // ---- keys -------------------------------------------------------------------------------
                hand("@IdClass composite key, inline vs separate", "idclass", """
                                create table enrollments (courseId bigint not null, studentId bigint not null, enrolledOn date);
                                alter table enrollments add constraint enrollments_key primary key (courseId, studentId);
                                """,
                        replace("alter table enrollments add constraint enrollments_key primary key (courseId, studentId);\n", ""),
                        Change.Kind.ADD_PRIMARY_KEY),
                hand("@EmbeddedId composite key", "embeddedid", """
                                create table line_items (orderId int8, position int4, quantity int4 not null,
                                    primary key (orderId, position));
                                """,
                        replace("quantity int4 not null", "quantity int4"), ALTER),
                hand("@OnDelete actions on foreign keys", "ondelete", """
                                create table parents (id int8 primary key, name varchar(255));
                                create table children (id int8 primary key, guardian_id int8 references parents on delete set null,
                                    parent_id int8 not null references parents (id) on delete cascade);
                                """,
                        replace("on delete cascade", ""), Change.Kind.ALTER_FOREIGN_KEY),
                hand("unique constraints written as unique indexes and vice versa", "uniques", """
                                create table members (id bigint primary key, email varchar(200) constraint members_email_key unique,
                                    handle varchar(40) not null, tenant varchar(40) not null);
                                create unique index members_tenant_handle on members (tenant, handle);
                                """,
                        replace("create unique index members_tenant_handle on members (tenant, handle);\n", "")
                                .andThen(replace(" constraint members_email_key unique", ""))::apply,
                        Change.Kind.ADD_UNIQUE_KEY, Change.Kind.ADD_UNIQUE_KEY),
                hand("a unique constraint the model no longer has is dropped", "uniques", """
                                create table members (id bigint primary key, email varchar(200) unique,
                                    handle varchar(40) not null, tenant varchar(40) not null, unique (tenant, handle));
                                """,
                        replace("tenant varchar(40) not null,", "tenant varchar(40) not null, unique (handle),"),
                        Change.Kind.DROP_UNIQUE_KEY),
                hand("indexes: column order matters, unstated names do not", "indexes", """
                                create table shipments (id bigint primary key, carrier varchar(30), shippedOn date,
                                    tracking varchar(40));
                                create index shipments_by_carrier_and_day on shipments (carrier, shippedOn);
                                create unique index whatever_name on shipments (tracking);
                                """,
                        replace("(carrier, shippedOn)", "(shippedOn, carrier)"), Change.Kind.DROP_INDEX, Change.Kind.CREATE_INDEX),
                hand("indexes: an index the model names (@Index(name)) is renamed to that name", "indexes", """
                                create table shipments (id bigint primary key, carrier varchar(30), shippedOn date,
                                    tracking varchar(40));
                                create index shipments_by_carrier_and_day on shipments (carrier, shippedOn);
                                create unique index on shipments (tracking);
                                """,
                        replace("create index shipments_by_carrier_and_day", "create index carrier_day"),
                        Change.Kind.RENAME_CONSTRAINT),
                // ---- associations and collections: Hibernate's own DDL, re-spelled -----------------------
                respelled("@ManyToMany with a defaulted join table", "manytomany", NOTHING_MIGRATED,
                        Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE,
                        Change.Kind.ADD_FOREIGN_KEY, Change.Kind.ADD_FOREIGN_KEY),
                respelled("@ManyToMany with an explicit @JoinTable: missing foreign keys", "jointable",
                        sql -> sql.lines().filter(l -> !l.contains("foreign key")).map(l -> l + "\n")
                                .reduce("", String::concat),
                        Change.Kind.ADD_FOREIGN_KEY, Change.Kind.ADD_FOREIGN_KEY),
                respelled("@ElementCollection Set: Hibernate 7.4's unique (owner, element)", "elementset",
                        replace(", unique (Recipe_id, ingredients)", ""), Change.Kind.ADD_UNIQUE_KEY),
                respelled("@ElementCollection List with @OrderColumn", "elementlist", NOTHING_MIGRATED,
                        Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE, Change.Kind.ADD_FOREIGN_KEY),
                respelled("@ElementCollection Map with @MapKeyColumn", "elementmap", NOTHING_MIGRATED,
                        Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE, Change.Kind.ADD_FOREIGN_KEY),
                respelled("@ElementCollection of embeddables", "elementembeddable",
                        replace("number character varying(30) not null", "number character varying(30)"), ALTER),
                respelled("inheritance SINGLE_TABLE: discriminator check and subclass columns", "singletable",
                        replace("'car','truck'", "'car'").andThen(replace(", payload decimal(8,1)", ""))::apply,
                        Change.Kind.DROP_CHECK, Change.Kind.ADD_COLUMN, Change.Kind.ADD_CHECK),
                respelled("inheritance JOINED", "joined", NOTHING_MIGRATED,
                        Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE,
                        Change.Kind.ADD_FOREIGN_KEY, Change.Kind.ADD_FOREIGN_KEY),
                respelled("inheritance TABLE_PER_CLASS with its shared sequence", "tableperclass",
                        replace("start 1 increment 50", "start 1 increment 1"), Change.Kind.ALTER_SEQUENCE),
                respelled("@MappedSuperclass and embeddables with @AttributeOverride", "mappedsuperclass",
                        replace(", warehouse_city character varying(50), warehouse_street character varying(100)", ""),
                        Change.Kind.ADD_COLUMN, Change.Kind.ADD_COLUMN),
                respelled("@OneToOne: a unique foreign key", "onetoone",
                        replace("profile_id int8 unique", "profile_id int8"), Change.Kind.ADD_UNIQUE_KEY),
                respelled("foreign keys in a cycle: tables first, keys after", "cycle", NOTHING_MIGRATED,
                        Change.Kind.CREATE_TABLE, Change.Kind.CREATE_TABLE, Change.Kind.ADD_FOREIGN_KEY,
                        Change.Kind.ADD_FOREIGN_KEY, Change.Kind.ADD_FOREIGN_KEY),
                respelled("tables in another schema (@Table(schema = ...))", "otherschema", NOTHING_MIGRATED,
                        Change.Kind.CREATE_SCHEMA, Change.Kind.CREATE_SEQUENCE, Change.Kind.CREATE_TABLE,
                        Change.Kind.CREATE_TABLE, Change.Kind.ADD_FOREIGN_KEY),
                new Case("a naming strategy (Spring Boot's): camelCase becomes snake_case", "naming", null,
                        NOTHING_MIGRATED, List.of(Change.Kind.CREATE_SEQUENCE, Change.Kind.CREATE_TABLE,
                        Change.Kind.ADD_FOREIGN_KEY), Map.of("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")),
                // ---- names -------------------------------------------------------------------------------
                hand("quoted identifiers and reserved words", "quoted", """
                                create table "Order" (id int8 primary key, "select" int4, "Total Amount" decimal(10,2),
                                    "user" varchar(50));
                                """,
                        replace(", \"Total Amount\" decimal(10,2)", ""), Change.Kind.ADD_COLUMN),
                hand("unquoted camelCase names fold to lower case", "camelcase", """
                                create table BookLoan (id bigint primary key, borrowerName varchar(255) not null, DUEON date);
                                """,
                        replace(", DUEON date", ""), Change.Kind.ADD_COLUMN),
                // ---- what the model no longer has ---------------------------------------------------------
                hand("a table whose entity was removed is dropped, with its sequence", "identity", """
                                create table visits (id bigint generated by default as identity primary key, page varchar(100) not null);
                                """,
                        sql -> sql + "create sequence legacy_seq;\ncreate table legacy (id int primary key, note text);\n",
                        Change.Kind.DROP_TABLE, Change.Kind.DROP_SEQUENCE),
                hand("a column whose field was removed is dropped", "strings", """
                                create table notes (id bigint primary key, body text, code varchar(20) not null,
                                    currency char(3), longText varchar(32600), title varchar(255));
                                """,
                        replace("title varchar(255)", "title varchar(255), fax varchar(30)"), Change.Kind.DROP_COLUMN),
                hand("a type change that needs a USING cast", "integers", """
                                create table counters (id bigint primary key, big bigint not null, boxedBig bigint,
                                    boxedWhole integer, tiny smallint not null, version integer not null, whole integer not null);
                                """,
                        replace("boxedWhole integer", "boxedWhole varchar(12)"), ALTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchingMigrationsReportNothing(Case c, @TempDir Path dir) {
        Scenario scenario = Scenario.of(dir, c.pattern()).hibernate(c.hibernate())
                .migration("V1__model.sql", inSyncSql(c));
        Comparison comparison = scenario.compare();
        IN_SYNC_CASES.incrementAndGet();
        if (!comparison.inSync()) {
            FALSE_POSITIVES.incrementAndGet();
        }
        assertTrue(comparison.inSync(), () -> "false positives for " + c + ": " + comparison.diff().changes()
                + "\n--- migration ---\n" + inSyncSql(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outOfDateMigrationsAreGeneratedAndProven(Case c, @TempDir Path dir) throws IOException {
        String outOfDate = c.outOfDate().apply(inSyncSql(c));
        Scenario scenario = Scenario.of(dir, c.pattern()).hibernate(c.hibernate());
        if (!outOfDate.isBlank()) {
            scenario.migration("V1__model.sql", outOfDate);
        }
        Comparison comparison = scenario.compare();
        assertEquals(c.expected(), comparison.diff().changes().stream().map(Change::kind).toList(),
                () -> comparison.diff().changes() + "\n" + comparison.migrationSql());

        SchemaPipeline.Generation generation = scenario.generate();
        assertTrue(generation.written().isPresent(), c::toString);
        assertTrue(Files.exists(generation.comparison().undoFolder().resolve(generation.comparison().undoFileName())),
                "the undo, proven by the pipeline, is written");
        assertTrue(scenario.compare().inSync(), () -> "not in sync after generating:\n" + generation.comparison().migrationSql());
        assertFalse(scenario.generate().written().isPresent(), "a second generate writes nothing");
        scenario.assertMigrationsBuildTheModel();
    }

    /** The count the issue asks for, printed where the build log shows it. */
    @AfterAll
    static void reportFalsePositives() {
        System.out.println("Exactness suite: " + FALSE_POSITIVES.get() + " false positive(s) in "
                + IN_SYNC_CASES.get() + " in-sync case(s)");
    }

    private static String inSyncSql(Case c) {
        if (c.inSync() != null) {
            return c.inSync();
        }
        List<String> classes = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(),
                List.of(PackagePattern.of(c.pattern())), List.of()).classes();
        List<String> ddl = new HibernateModelBuilder().build(classes, ExactnessScenariosTest.class.getClassLoader(),
                TargetDatabase.postgresql(14), c.hibernate()).ddl();
        return Respelling.of(ddl);
    }
}
