package io.schemadiff.render;

import io.schemadiff.diff.Change;
import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.Column.Generation;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MigrationRendererTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    private static final QualifiedName ACCOUNTS = QualifiedName.of("public", "accounts");
    private static final QualifiedName EVENTS = QualifiedName.of("audit", "events");

    private static final Sequence INVOICE_SEQ =
            new Sequence(QualifiedName.of("public", "invoice_seq"), "bigint", 1000, 1, 1, Long.MAX_VALUE, 1, false);
    private static final ForeignKey ORDERS_CUSTOMER = new ForeignKey("fk_orders_customer", List.of("customer_id"),
            CUSTOMERS, List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, false, false);
    private static final CheckConstraint AMOUNT_CHECK =
            CheckConstraint.fromCatalog("ck_orders_amount", "CHECK (amount >= 0::numeric)", List.of("amount"));
    private static final Index USERS_EMAIL = new Index("ix_users_email", false,
            "CREATE INDEX ix_users_email ON public.users USING btree (email)", "USING btree (email)", false, false);

    private final MigrationRenderer renderer = new MigrationRenderer("postgresql", null);

    private static Column col(String name, String type, boolean nullable, String defaultExpression, Generation generation) {
        return new Column(name, type, nullable, defaultExpression, generation);
    }

    private static Table orders() {
        return new Table(ORDERS,
                List.of(col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                        col("customer_id", "bigint", false, null, Generation.NONE),
                        col("number", "character varying(20)", false, null, Generation.NONE),
                        col("amount", "numeric(12,2)", false, "0", Generation.NONE),
                        col("placed_at", "timestamp(6) without time zone", true, null, Generation.NONE)),
                new PrimaryKey("orders_pkey", List.of("id")),
                List.of(ORDERS_CUSTOMER),
                List.of(new UniqueKey("uk_orders_number", List.of("number"), false),
                        new UniqueKey("ux_orders_customer_placed", List.of("customer_id", "placed_at"), true)),
                List.of(),
                List.of(AMOUNT_CHECK));
    }

    /** One or more examples of every kind of change, with the exact SQL the shipped templates produce. */
    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(new Change.CreateSchema("audit"),
                        "create schema if not exists audit;"),
                Arguments.of(new Change.CreateSequence(INVOICE_SEQ),
                        "create sequence invoice_seq start with 1000 increment by 1;"),
                Arguments.of(new Change.CreateSequence(new Sequence(QualifiedName.of("audit", "event_seq"), "integer",
                                1, 50, 1, Integer.MAX_VALUE, 20, false)),
                        "create sequence audit.event_seq as integer start with 1 increment by 50 cache 20;"),
                Arguments.of(new Change.RenameTable(QualifiedName.of("audit", "events"), QualifiedName.of("audit", "event_log")),
                        "alter table audit.events rename to event_log;"),
                Arguments.of(new Change.RenameTable(QualifiedName.of("public", "clients"), QualifiedName.of("public", "user")),
                        "alter table clients rename to \"user\";"),
                Arguments.of(new Change.RenameColumn(ACCOUNTS, "email", "email_address"),
                        "alter table accounts rename column email to email_address;"),
                Arguments.of(new Change.RenameConstraint(ORDERS, "fk_1", "fk_orders_customer", false),
                        "alter table orders rename constraint fk_1 to fk_orders_customer;"),
                Arguments.of(new Change.RenameConstraint(EVENTS, "events_at_idx", "ix_events_at", true),
                        "alter index audit.events_at_idx rename to ix_events_at;"),
                Arguments.of(new Change.DropForeignKey(ORDERS, ORDERS_CUSTOMER),
                        "alter table orders drop constraint fk_orders_customer;"),
                Arguments.of(new Change.DropIndex(USERS, USERS_EMAIL),
                        "drop index ix_users_email;"),
                Arguments.of(new Change.DropIndex(EVENTS, new Index("ix_events_at", false,
                                "CREATE INDEX ix_events_at ON audit.events USING btree (at)", "USING btree (at)", false, false)),
                        "drop index audit.ix_events_at;"),
                Arguments.of(new Change.DropUniqueKey(USERS, new UniqueKey("uk_users_email", List.of("email"), false)),
                        "alter table users drop constraint uk_users_email;"),
                Arguments.of(new Change.DropUniqueKey(EVENTS, new UniqueKey("ux_events_key", List.of("key"), true)),
                        "drop index audit.ux_events_key;"),
                Arguments.of(new Change.DropCheck(ORDERS, AMOUNT_CHECK),
                        "alter table orders drop constraint ck_orders_amount;"),
                Arguments.of(new Change.DropPrimaryKey(ORDERS, new PrimaryKey("orders_pkey", List.of("id"))),
                        "alter table orders drop constraint orders_pkey;"),
                Arguments.of(new Change.DropTable(new Table(QualifiedName.of("public", "legacy_orders"),
                                List.of(col("id", "bigint", false, null, Generation.NONE)), null, List.of(), List.of(),
                                List.of(), List.of())),
                        "-- destructive: the table's rows are lost\ndrop table legacy_orders;"),
                Arguments.of(new Change.DropColumn(USERS, col("status", "character varying(20)", true, null, Generation.NONE)),
                        "-- destructive: the column's values are lost\nalter table users drop column status;"),
                Arguments.of(new Change.CreateTable(orders()),
                        "create table orders (\n"
                                + "    id bigint generated by default as identity not null,\n"
                                + "    customer_id bigint not null,\n"
                                + "    number varchar(20) not null,\n"
                                + "    amount numeric(12,2) default 0 not null,\n"
                                + "    placed_at timestamp(6),\n"
                                + "    primary key (id),\n"
                                + "    constraint uk_orders_number unique (number),\n"
                                + "    constraint ck_orders_amount check (amount >= 0::numeric)\n"
                                + ");"),
                Arguments.of(new Change.CreateTable(new Table(QualifiedName.of("audit", "user"),
                                List.of(col("order", "integer", true, null, Generation.NONE)), null, List.of(), List.of(),
                                List.of(), List.of())),
                        "create table audit.\"user\" (\n    \"order\" integer\n);"),
                Arguments.of(new Change.AddColumn(ACCOUNTS, col("phone", "character varying(20)", true, null, Generation.NONE)),
                        "alter table accounts add column phone varchar(20);"),
                Arguments.of(new Change.AlterColumn(USERS,
                                col("email", "character varying(100)", true, null, Generation.NONE),
                                col("email", "character varying(100)", false, null, Generation.NONE)),
                        "alter table users alter column email set not null;"),
                Arguments.of(new Change.AddPrimaryKey(ORDERS, new PrimaryKey("orders_pkey", List.of("id"))),
                        "alter table orders add primary key (id);"),
                Arguments.of(new Change.AddUniqueKey(USERS, new UniqueKey("uk_users_tenant_email", List.of("tenant_id", "email"), false)),
                        "alter table users add constraint uk_users_tenant_email unique (tenant_id, email);"),
                Arguments.of(new Change.AddCheck(ORDERS, AMOUNT_CHECK),
                        "alter table orders add constraint ck_orders_amount check (amount >= 0::numeric);"),
                Arguments.of(new Change.CreateIndex(USERS, USERS_EMAIL),
                        "create index ix_users_email on users (email);"),
                Arguments.of(new Change.AlterForeignKey(ORDERS, ORDERS_CUSTOMER, new ForeignKey("fk_orders_customer",
                                List.of("customer_id"), CUSTOMERS, List.of("id"), ForeignKey.Action.NO_ACTION,
                                ForeignKey.Action.NO_ACTION, false, false)),
                        "alter table orders drop constraint fk_orders_customer,\n    add constraint fk_orders_customer "
                                + "foreign key (customer_id) references customers (id);"),
                Arguments.of(new Change.AddForeignKey(ORDERS, ORDERS_CUSTOMER),
                        "alter table orders add constraint fk_orders_customer foreign key (customer_id) references customers (id) on delete cascade;"),
                Arguments.of(new Change.AlterSequence(INVOICE_SEQ,
                                new Sequence(INVOICE_SEQ.name(), "integer", 1000, 50, 1, Integer.MAX_VALUE, 10, true)),
                        "alter sequence invoice_seq as integer increment by 50 maxvalue 2147483647 cache 10 cycle;"),
                Arguments.of(new Change.AlterSequence(
                                new Sequence(INVOICE_SEQ.name(), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, true),
                                new Sequence(INVOICE_SEQ.name(), "bigint", 500, 1, 100, Long.MAX_VALUE, 1, false)),
                        "alter sequence invoice_seq start with 500 minvalue 100 no cycle;"),
                Arguments.of(new Change.DropSequence(INVOICE_SEQ),
                        "drop sequence invoice_seq;"),
                Arguments.of(new Change.DropSequence(new Sequence(QualifiedName.of("audit", "event_seq"), "bigint",
                                1, 1, 1, Long.MAX_VALUE, 1, false)),
                        "drop sequence audit.event_seq;"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void rendersEveryKindOfChange(Change change, String expected) {
        assertEquals(expected, renderer.render(change));
    }

    @Test
    void theExamplesCoverEveryKind() {
        Set<Change.Kind> covered = everyKind().map(a -> ((Change) a.get()[0]).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Change.Kind.class)));

        assertEquals(EnumSet.allOf(Change.Kind.class), covered);
    }

    // ---- alter column --------------------------------------------------------------------------

    private String alter(QualifiedName table, Column from, Column to) {
        return renderer.render(new Change.AlterColumn(table, from, to));
    }

    @Test
    void typeChangesPostgresConvertsOnItsOwnNeedNoUsing() {
        assertEquals("alter table users alter column email type varchar(255);",
                alter(USERS, col("email", "character varying(100)", true, null, Generation.NONE),
                        col("email", "character varying(255)", true, null, Generation.NONE)));
        assertEquals("alter table users alter column age type bigint;",
                alter(USERS, col("age", "integer", true, null, Generation.NONE), col("age", "bigint", true, null, Generation.NONE)));
        assertEquals("alter table users alter column seen type timestamp(6) with time zone;",
                alter(USERS, col("seen", "timestamp(6) without time zone", true, null, Generation.NONE),
                        col("seen", "timestamp(6) with time zone", true, null, Generation.NONE)));
        assertEquals("alter table users alter column code type text;",
                alter(USERS, col("code", "integer", true, null, Generation.NONE), col("code", "text", true, null, Generation.NONE)));
    }

    @Test
    void typeChangesPostgresRefusesGetAUsingCast() {
        assertEquals("alter table users alter column code type integer using code::integer;",
                alter(USERS, col("code", "character varying(12)", true, null, Generation.NONE),
                        col("code", "integer", true, null, Generation.NONE)));
        assertEquals("alter table users alter column token type uuid using token::uuid;",
                alter(USERS, col("token", "text", true, null, Generation.NONE), col("token", "uuid", true, null, Generation.NONE)));
    }

    @Test
    void typeChangeOfAQuotedColumnCastsTheQuotedName() {
        assertEquals("alter table \"order\" alter column \"user\" type bigint using \"user\"::bigint;",
                alter(QualifiedName.of("public", "order"), col("user", "character varying(20)", true, null, Generation.NONE),
                        col("user", "bigint", true, null, Generation.NONE)));
    }

    @Test
    void typeChangeOfAColumnWithADefaultDropsAndRestoresTheDefault() {
        assertEquals("""
                        alter table orders alter column amount drop default;
                        alter table orders alter column amount type bigint;
                        alter table orders alter column amount set default 0;""",
                alter(ORDERS, col("amount", "integer", false, "0", Generation.NONE),
                        col("amount", "bigint", false, "0", Generation.NONE)));
    }

    @Test
    void typeChangeThatAlsoRemovesTheDefault() {
        assertEquals("""
                        alter table orders alter column amount drop default;
                        alter table orders alter column amount type bigint;""",
                alter(ORDERS, col("amount", "integer", false, "0", Generation.NONE),
                        col("amount", "bigint", false, null, Generation.NONE)));
    }

    @Test
    void typeAndNullabilityChangeTogether() {
        assertEquals("""
                        alter table users alter column email type text;
                        alter table users alter column email set not null;""",
                alter(USERS, col("email", "character varying(100)", true, null, Generation.NONE),
                        col("email", "text", false, null, Generation.NONE)));
    }

    @Test
    void columnBecomesNotNull() {
        assertEquals("alter table users alter column email set not null;",
                alter(USERS, col("email", "text", true, null, Generation.NONE), col("email", "text", false, null, Generation.NONE)));
    }

    @Test
    void columnBecomesNullable() {
        assertEquals("alter table users alter column email drop not null;",
                alter(USERS, col("email", "text", false, null, Generation.NONE), col("email", "text", true, null, Generation.NONE)));
    }

    @Test
    void defaultAdded() {
        assertEquals("alter table users alter column status set default 'NEW'::character varying;",
                alter(USERS, col("status", "character varying(20)", true, null, Generation.NONE),
                        col("status", "character varying(20)", true, "'NEW'::character varying", Generation.NONE)));
    }

    @Test
    void defaultChanged() {
        assertEquals("alter table users alter column status set default 'OPEN'::character varying;",
                alter(USERS, col("status", "character varying(20)", true, "'NEW'::character varying", Generation.NONE),
                        col("status", "character varying(20)", true, "'OPEN'::character varying", Generation.NONE)));
    }

    @Test
    void defaultDropped() {
        assertEquals("alter table users alter column status drop default;",
                alter(USERS, col("status", "character varying(20)", true, "'NEW'::character varying", Generation.NONE),
                        col("status", "character varying(20)", true, null, Generation.NONE)));
    }

    @Test
    void identityByDefaultAdded() {
        assertEquals("alter table users alter column id add generated by default as identity;",
                alter(USERS, col("id", "bigint", false, null, Generation.NONE),
                        col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT)));
    }

    @Test
    void identityAlwaysAdded() {
        assertEquals("alter table users alter column id add generated always as identity;",
                alter(USERS, col("id", "bigint", false, null, Generation.NONE),
                        col("id", "bigint", false, null, Generation.IDENTITY_ALWAYS)));
    }

    @Test
    void identityAddedToANullableColumnWithADefault() {
        assertEquals("""
                        alter table users alter column id drop default;
                        alter table users alter column id set not null;
                        alter table users alter column id add generated always as identity;""",
                alter(USERS, col("id", "bigint", true, "0", Generation.NONE),
                        col("id", "bigint", false, null, Generation.IDENTITY_ALWAYS)));
    }

    @Test
    void identityDropped() {
        assertEquals("alter table users alter column id drop identity;",
                alter(USERS, col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                        col("id", "bigint", false, null, Generation.NONE)));
    }

    @Test
    void serialDroppedRemovesTheNextvalDefault() {
        assertEquals("alter table users alter column id drop default;",
                alter(USERS, col("id", "integer", false, null, Generation.SERIAL),
                        col("id", "integer", false, null, Generation.NONE)));
    }

    @Test
    void serialBecomesIdentityAlways() {
        assertEquals("""
                        alter table users alter column id drop default;
                        alter table users alter column id add generated always as identity;""",
                alter(USERS, col("id", "integer", false, null, Generation.SERIAL),
                        col("id", "integer", false, null, Generation.IDENTITY_ALWAYS)));
    }

    @Test
    void identityByDefaultBecomesAlways() {
        assertEquals("alter table users alter column id set generated always;",
                alter(USERS, col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                        col("id", "bigint", false, null, Generation.IDENTITY_ALWAYS)));
    }

    @Test
    void identityAlwaysBecomesByDefault() {
        assertEquals("alter table users alter column id set generated by default;",
                alter(USERS, col("id", "bigint", false, null, Generation.IDENTITY_ALWAYS),
                        col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT)));
    }

    @Test
    void identityDroppedAndTypeChanged() {
        assertEquals("""
                        alter table users alter column id drop identity;
                        alter table users alter column id type bigint;""",
                alter(USERS, col("id", "integer", false, null, Generation.IDENTITY_ALWAYS),
                        col("id", "bigint", false, null, Generation.NONE)));
    }

    // ---- overrides and the whole file ----------------------------------------------------------

    @Test
    void anOverrideFolderReplacesOnlyTheTemplatesItHolds(@TempDir Path overrides) throws IOException {
        Files.createDirectories(overrides.resolve("postgresql"));
        Files.writeString(overrides.resolve("postgresql/add_column.vm"),
                "-- reviewed by the DBA team\nALTER TABLE $sql.table($change.table) ADD COLUMN $sql.column($change.definition);\n");
        MigrationRenderer custom = new MigrationRenderer("postgresql", overrides);
        Column phone = col("phone", "character varying(20)", true, null, Generation.NONE);

        assertEquals("-- reviewed by the DBA team\nALTER TABLE accounts ADD COLUMN phone varchar(20);",
                custom.render(new Change.AddColumn(ACCOUNTS, phone)));
        assertEquals("-- destructive: the column's values are lost\nalter table accounts drop column phone;",
                custom.render(new Change.DropColumn(ACCOUNTS, phone)));
        assertEquals("create index ix_users_email on users (email);",
                custom.render(new Change.CreateIndex(USERS, USERS_EMAIL)));
        assertEquals("alter table accounts add column phone varchar(20);",
                renderer.render(new Change.AddColumn(ACCOUNTS, phone)), "a renderer without overrides is unaffected");
    }

    @Test
    void aMissingOverrideFolderFallsBackToTheShippedTemplates(@TempDir Path dir) {
        MigrationRenderer custom = new MigrationRenderer("postgresql", dir.resolve("no-such-folder"));

        assertEquals("alter table accounts add column phone varchar(20);",
                custom.render(new Change.AddColumn(ACCOUNTS, col("phone", "character varying(20)", true, null, Generation.NONE))));
    }

    @Test
    void rendersTheWholeMigrationFile() {
        Change add = new Change.AddColumn(ACCOUNTS, col("phone", "character varying(20)", true, null, Generation.NONE));
        Change drop = new Change.DropColumn(USERS, col("status", "character varying(20)", true, null, Generation.NONE));
        MigrationDocument document = new MigrationDocument("V4__add_phone_to_accounts_and_1_more.sql",
                "schema-maven-plugin 0.1.0", "Hibernate ORM 7.4.13.Final, PostgreSQL 14", List.of(
                new RenderedChange(add, "accounts", add.describe(), "Account.phone", renderer.render(add)),
                new RenderedChange(drop, "users", drop.describe(), null, renderer.render(drop))));

        assertEquals("""
                -- V4__add_phone_to_accounts_and_1_more.sql
                -- Generated by schema-maven-plugin 0.1.0 from the entity model (Hibernate ORM 7.4.13.Final, PostgreSQL 14).
                -- Review it before it is applied.
                --
                -- Changes:
                --   + accounts: add column phone character varying(20) <- Account.phone
                --   - users: drop column status
                --
                -- DESTRUCTIVE: 1 step(s) below lose data; they are marked "destructive".

                alter table accounts add column phone varchar(20);

                -- destructive: the column's values are lost
                alter table users drop column status;
                """, renderer.render(document));
    }
}
