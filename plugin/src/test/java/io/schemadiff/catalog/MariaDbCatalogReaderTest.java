package io.schemadiff.catalog;

import io.schemadiff.diff.SchemaDiff;
import io.schemadiff.diff.SchemaDiffer;
import io.schemadiff.fixtures.mariadb.Customer;
import io.schemadiff.fixtures.mariadb.PurchaseOrder;
import io.schemadiff.fixtures.mariadb.Tag;
import io.schemadiff.testing.LocalMariaDb;
import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.Column.Generation;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.ForeignKey.Action;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.SchemaFingerprint;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads real databases on a MariaDB server (see {@link LocalMariaDb}). Every test
 * works in its own {@code schemadiff_t_*} databases and drops them afterwards.
 */
class MariaDbCatalogReaderTest {

    private static final String HISTORY = "flyway_schema_history";
    private static final String LABEL = "app";

    private final MariaDbCatalogReader reader = new MariaDbCatalogReader(Set.of(HISTORY));
    private LocalMariaDb server;
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        server = LocalMariaDb.connect("schemadiff_t_");
        connection = server.connection();
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        server.close();
    }

    /** A new database, with {@code statements} run in it. */
    private String database(String... statements) throws SQLException {
        return server.database(List.of(statements));
    }

    private String database(List<String> statements) throws SQLException {
        return server.database(statements);
    }

    private DatabaseSchema read(String database) throws SQLException {
        return reader.read(connection, database, LABEL);
    }

    private static QualifiedName app(String name) {
        return QualifiedName.of(LABEL, name);
    }

    private static Table table(DatabaseSchema schema, String name) {
        Table table = schema.tables().get(app(name));
        assertTrue(table != null, () -> "no table " + name + " in " + schema.tables().keySet());
        return table;
    }

    /** Columns read in lower case (MariaDB compares column names without case); the tests name them as written. */
    private static Column column(Table table, String name) {
        return table.column(name.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + table));
    }

    /** Equal but for names, which the differ and the fingerprint do not compare. */
    private static void assertSameSchema(DatabaseSchema expected, DatabaseSchema actual) {
        assertEquals(SchemaFingerprint.of(expected), SchemaFingerprint.of(actual));
        SchemaDiff diff = new SchemaDiffer().diff(expected, actual);
        assertTrue(diff.isEmpty(), () -> "unexpected changes: " + diff.changes());
        SchemaDiff back = new SchemaDiffer().diff(actual, expected);
        assertTrue(back.isEmpty(), () -> "unexpected changes: " + back.changes());
    }

    // ---- the same schema, two databases ------------------------------------------------------------

    private static final List<String> PLAIN = List.of(
            "create table customer (id bigint not null auto_increment, email varchar(120) not null, "
                    + "vip tinyint(1) not null default 0, score int default 5, balance decimal(19,2), "
                    + "born date, rating double, doc json, primary key (id))",
            "alter table customer add constraint uq_customer_email unique (email)",
            "create table orders (id int not null auto_increment, customer_id bigint not null, "
                    + "placed datetime(6) not null, quantity int not null, "
                    + "primary key (id), constraint ck_orders_quantity check (quantity > 0))",
            "alter table orders add constraint fk_orders_customer foreign key (customer_id) references customer (id) "
                    + "on delete cascade",
            "create index ix_orders_placed on orders (placed, quantity)");

    private static final List<String> RESPELLED = List.of(
            "create table customer (id bigint(20) auto_increment primary key, email varchar(120) not null unique, "
                    + "vip bool not null default false, score integer(11) default '5', balance numeric(19, 2) default null, "
                    + "born date null, rating double precision, doc longtext check (json_valid(doc)))",
            "create table orders (id integer auto_increment, customer_id bigint(20) not null, "
                    + "placed datetime(6) not null, quantity int(11) not null check (quantity > 0), "
                    + "constraint pk primary key (id), key (placed, quantity), "
                    + "foreign key (customer_id) references customer (id) on delete cascade on update no action)");

    @Test
    void spellingsGiveTheWrittenCaseOfWhatReadsInLowerCaseAndLeaveAmbiguousNamesOut() throws SQLException {
        database("create table Orders (id int primary key, placedAt datetime, Note text, "
                        + "constraint ck_Orders_Id check (id > 0))",
                "create index IX_Orders_Placed on Orders (placedAt)",
                "create table notes (id int primary key, note text)");

        Map<String, String> spellings = reader.spellings(connection);

        assertEquals("placedAt", spellings.get("placedat"));
        assertEquals("IX_Orders_Placed", spellings.get("ix_orders_placed"));
        assertEquals("ck_Orders_Id", spellings.get("ck_orders_id"));
        assertFalse(spellings.containsKey("note"), "Note and note: either would be a guess");
        assertFalse(spellings.containsKey("id"), "already lower case");
        assertFalse(spellings.containsKey("primary"));
        assertFalse(spellings.containsKey("orders"), "a table's name is not one of them");
    }

    @Test
    void identicalDatabasesWithDifferentNamesReadEqual() throws SQLException {
        String first = database(PLAIN);
        String second = database(PLAIN);

        DatabaseSchema one = read(first);
        DatabaseSchema other = read(second);

        assertEquals(one, other);
        assertEquals(Set.of(LABEL), one.schemas());
        assertFalse(one.toString().contains(first), "the database name leaked: " + one);
    }

    @Test
    void theSameSchemaSpelledTwoWaysReadsTheSame() throws SQLException {
        DatabaseSchema plain = read(database(PLAIN));
        DatabaseSchema respelled = read(database(RESPELLED));

        assertSameSchema(plain, respelled);
        // not only equal to each other: equal to what was meant
        Table customer = table(respelled, "customer");
        assertEquals(List.of("bigint", "varchar(120)", "tinyint(1)", "int", "decimal(19,2)", "date", "double", "json"),
                customer.columns().stream().map(Column::type).toList());
        assertEquals(List.of(), customer.checks());
        assertEquals(List.of(List.of("email")), customer.uniqueKeys().stream().map(UniqueKey::columns).toList());
        assertEquals("5", column(customer, "score").defaultExpression());
        assertNull(column(customer, "balance").defaultExpression());
        assertEquals(List.of("CHECK (`quantity` > 0)"),
                table(respelled, "orders").checks().stream().map(CheckConstraint::definition).toList());
    }

    // ---- every kind of object --------------------------------------------------------------------

    @Test
    void readsColumnsWithTypesNullabilityDefaultsAndIdentity() throws SQLException {
        Table t = table(read(database("create table t ("
                + "id bigint not null auto_increment primary key, "
                + "small smallint(6), medium mediumint, big bigint unsigned not null, padded int(5) zerofill, "
                + "flag bool not null default true, bits bit(1) default b'1', "
                + "status enum('A', 'B') not null default 'A', amount decimal(19,2) default 0, ratio float, "
                + "precise double, name varchar(255) default 'it''s', code char(3), body longtext, doc json, "
                + "created datetime(6) not null default current_timestamp(6), "
                + "touched timestamp(6) not null default now(6) on update current_timestamp(6), "
                + "day date default '2020-01-01', uid uuid, raw binary(16), nothing varchar(5) default null, "
                + "literal varchar(5) default 'NULL', twice int as (small * 2) virtual, kept int as (small + 1) stored, "
                + "hidden int invisible)")), "t");

        assertEquals(List.of(
                new Column("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                new Column("small", "smallint", true, null, Generation.NONE),
                new Column("medium", "mediumint", true, null, Generation.NONE),
                new Column("big", "bigint unsigned", false, null, Generation.NONE),
                new Column("padded", "int(5) unsigned zerofill", true, null, Generation.NONE),
                new Column("flag", "tinyint(1)", false, "1", Generation.NONE),
                new Column("bits", "bit(1)", true, "b'1'", Generation.NONE),
                new Column("status", "enum('A','B')", false, "'A'", Generation.NONE),
                new Column("amount", "decimal(19,2)", true, "0.00", Generation.NONE),
                new Column("ratio", "float", true, null, Generation.NONE),
                new Column("precise", "double", true, null, Generation.NONE),
                new Column("name", "varchar(255)", true, "'it''s'", Generation.NONE),
                new Column("code", "char(3)", true, null, Generation.NONE),
                new Column("body", "longtext", true, null, Generation.NONE),
                new Column("doc", "json", true, null, Generation.NONE),
                new Column("created", "datetime(6)", false, "current_timestamp(6)", Generation.NONE),
                new Column("touched", "timestamp(6) on update current_timestamp(6)", false, "current_timestamp(6)",
                        Generation.NONE),
                new Column("day", "date", true, "'2020-01-01'", Generation.NONE),
                new Column("uid", "uuid", true, null, Generation.NONE),
                new Column("raw", "binary(16)", true, null, Generation.NONE),
                new Column("nothing", "varchar(5)", true, null, Generation.NONE),
                new Column("literal", "varchar(5)", true, "'NULL'", Generation.NONE),
                new Column("twice", "int as (`small` * 2) virtual", true, null, Generation.NONE),
                new Column("kept", "int as (`small` + 1) stored", true, null, Generation.NONE),
                new Column("hidden", "int invisible", true, null, Generation.NONE)),
                t.columns());
        assertEquals(new PrimaryKey("PRIMARY", List.of("id")), t.primaryKey());
        assertEquals(List.of(), t.checks(), "json's automatic check is part of the type");
    }

    @Test
    void boolAndBitStayDistinct() throws SQLException {
        Table t = table(read(database("create table t (a bool, b bit(1), c tinyint(1), d tinyint(4), e tinyint)")), "t");
        assertEquals(List.of("tinyint(1)", "bit(1)", "tinyint(1)", "tinyint", "tinyint"),
                t.columns().stream().map(Column::type).toList());
    }

    @Test
    void readsKeysIndexesAndChecks() throws SQLException {
        DatabaseSchema schema = read(database(
                "create table parent (id int primary key, code varchar(10) not null, a int, b int, "
                        + "unique (code), constraint uq_parent_ab unique (b, a))",
                "create table child (id int not null, seq int not null, parent_id int not null, "
                        + "note varchar(200), body text, kind varchar(1) not null, "
                        + "primary key (parent_id, seq), "
                        + "index ix_child_note (note(20)), index ix_child_desc (seq desc, kind), "
                        + "fulltext index ft_child_body (body), "
                        + "constraint ck_kind check (kind in ('a', 'b')), check (seq >= 0 and id <> seq))",
                "create unique index ux_child_id on child (id)",
                "create unique index ux_child_note on child (note(50))",
                "alter table child add constraint fk_child_parent foreign key (parent_id) references parent (id)"));

        Table parent = table(schema, "parent");
        assertEquals(List.of(new UniqueKey("code", List.of("code"), false),
                        new UniqueKey("uq_parent_ab", List.of("b", "a"), false)),
                parent.uniqueKeys());
        assertEquals(List.of(), parent.indexes());

        Table child = table(schema, "child");
        assertEquals(new PrimaryKey("PRIMARY", List.of("parent_id", "seq")), child.primaryKey());
        assertEquals(List.of(new UniqueKey("ux_child_id", List.of("id"), false)), child.uniqueKeys());
        assertEquals(List.of(
                        new Index("ft_child_body", false, "CREATE FULLTEXT INDEX `ft_child_body` ON `child` (`body`)",
                                "FULLTEXT (body)", false, false),
                        new Index("ix_child_desc", false,
                                "CREATE INDEX `ix_child_desc` ON `child` (`seq` DESC, `kind`) USING BTREE",
                                "USING btree (seq DESC, kind)", false, false),
                        new Index("ix_child_note", false,
                                "CREATE INDEX `ix_child_note` ON `child` (`note`(20)) USING BTREE",
                                "USING btree (note(20))", false, false),
                        new Index("ux_child_note", true,
                                "CREATE UNIQUE INDEX `ux_child_note` ON `child` (`note`(50)) USING BTREE",
                                "USING btree (note(50))", false, false)),
                child.indexes());
        assertEquals(List.of(new ForeignKey("fk_child_parent", List.of("parent_id"), app("parent"), List.of("id"),
                Action.NO_ACTION, Action.NO_ACTION, false, false)), child.foreignKeys());
        // MariaDB's own name for an unnamed check, CONSTRAINT_1, reads in lower case like every constraint name
        assertEquals(List.of(
                        CheckConstraint.fromCatalog("ck_kind", "CHECK (`kind` in ('a','b'))", List.of("kind")),
                        CheckConstraint.fromCatalog("constraint_1", "CHECK (`seq` >= 0 and `id` <> `seq`)",
                                List.of("id", "seq"))),
                child.checks());
        assertEquals("`kind` in ('a','b')", child.checks().get(0).expression());
    }

    @Test
    void aUniqueConstraintAndAUniqueIndexAreTheSame() throws SQLException {
        DatabaseSchema constraint = read(database(
                "create table t (a int, b int, constraint uq_t unique (a, b))"));
        DatabaseSchema index = read(database(
                "create table t (a int, b int)", "create unique index ux_t on t (b, a)"));
        assertSameSchema(constraint, index);
    }

    @Test
    void readsForeignKeyActions() throws SQLException {
        Table child = table(read(database(
                "create table parent (id int primary key, code int not null, unique (code))",
                "create table child (id int primary key, a int, b int, c int, d int, e int, "
                        + "constraint fk_a foreign key (a) references parent (id) on delete cascade on update cascade, "
                        + "constraint fk_b foreign key (b) references parent (id) on delete set null, "
                        + "constraint fk_c foreign key (c) references parent (id) on delete restrict on update set null, "
                        + "constraint fk_d foreign key (d) references parent (id) on delete no action, "
                        + "constraint fk_e foreign key (e) references parent (code))")), "child");

        assertEquals(List.of(
                        new ForeignKey("fk_a", List.of("a"), app("parent"), List.of("id"), Action.CASCADE, Action.CASCADE,
                                false, false),
                        new ForeignKey("fk_b", List.of("b"), app("parent"), List.of("id"), Action.SET_NULL,
                                Action.NO_ACTION, false, false),
                        new ForeignKey("fk_c", List.of("c"), app("parent"), List.of("id"), Action.NO_ACTION,
                                Action.SET_NULL, false, false),
                        new ForeignKey("fk_d", List.of("d"), app("parent"), List.of("id"), Action.NO_ACTION,
                                Action.NO_ACTION, false, false),
                        new ForeignKey("fk_e", List.of("e"), app("parent"), List.of("code"), Action.NO_ACTION,
                                Action.NO_ACTION, false, false)),
                child.foreignKeys());
    }

    @Test
    void readsCompositeForeignKeysInKeyOrder() throws SQLException {
        Table child = table(read(database(
                "create table parent (x int, y int, primary key (x, y))",
                "create table child (id int primary key, py int, px int, "
                        + "foreign key (px, py) references parent (x, y))")), "child");
        assertEquals(1, child.foreignKeys().size());
        ForeignKey fk = child.foreignKeys().get(0);
        assertEquals(List.of("px", "py"), fk.columns());
        assertEquals(List.of("x", "y"), fk.referencedColumns());
        assertEquals(List.of("USING btree (px, py)"), bodies(child), "the index InnoDB made for the key, in key order");
    }

    @Test
    void readsTheIndexesForeignKeysUseLikeAnyOther() throws SQLException {
        String parent = "create table parent (id int primary key)";
        DatabaseSchema schema = read(database(parent,
                // MariaDB creates an index for each of these keys, named after the constraint or the column
                "create table implicit_named (id int primary key, p int, constraint fk_in foreign key (p) references parent (id))",
                "create table implicit_unnamed (id int primary key, p int references parent (id))",
                // written by hand: the same index under another name
                "create table explicit (id int primary key, p int, index ix_explicit (p), "
                        + "foreign key (p) references parent (id))",
                // covered by the primary key's first column: no index of its own
                "create table by_key (p int, q int, primary key (p, q), foreign key (p) references parent (id))",
                // an index on the key's column next to one that already serves it: written on purpose
                "create table both_ways (id int primary key, p int, q int, index ix_both_wide (p, q), "
                        + "index ix_both_p (p), foreign key (p) references parent (id))",
                // added after the foreign key: MariaDB drops its own index for it
                "create table later (id int primary key, p int, q int, foreign key (p) references parent (id))",
                "create index ix_later on later (p, q)"));

        assertEquals(List.of("USING btree (p)"), bodies(table(schema, "implicit_named")));
        assertEquals("fk_in", table(schema, "implicit_named").indexes().get(0).name(), "named after the key");
        assertEquals(List.of("USING btree (p)"), bodies(table(schema, "implicit_unnamed")));
        assertEquals(List.of("USING btree (p)"), bodies(table(schema, "explicit")));
        assertEquals(List.of(), table(schema, "by_key").indexes());
        assertEquals(List.of("USING btree (p)", "USING btree (p, q)"), bodies(table(schema, "both_ways")));
        assertEquals(List.of("USING btree (p, q)"), bodies(table(schema, "later")));
        assertEquals(1, table(schema, "later").foreignKeys().size());
    }

    @Test
    void aForeignKeyWithOrWithoutItsIndexWrittenOutReadsTheSame() throws SQLException {
        DatabaseSchema implicit = read(database("create table parent (id int primary key)",
                "create table child (id int primary key, p int)",
                "alter table child add constraint FK_hibernate_style foreign key (p) references parent (id)"));
        DatabaseSchema explicit = read(database("create table parent (id int primary key)",
                "create table child (id int primary key, p int, key child_p (p), "
                        + "constraint child_parent foreign key (p) references parent (id))"));
        assertSameSchema(implicit, explicit);
    }

    private static List<String> bodies(Table table) {
        return table.indexes().stream().map(Index::body).sorted().toList();
    }

    @Test
    void readsSequences() throws SQLException {
        DatabaseSchema schema = read(database(
                "create sequence plain_seq",
                "create sequence hibernate_seq start with 1 increment by 50 nocache",
                "create sequence odd_seq start with 100 minvalue 10 maxvalue 1000 increment by -2 cache 20 cycle",
                "create table t (id bigint primary key)"));

        assertEquals(List.of(
                        new Sequence(app("hibernate_seq"), "bigint", 1, 50, 1, 9223372036854775806L, 0, false),
                        new Sequence(app("odd_seq"), "bigint", 100, -2, 10, 1000, 20, true),
                        new Sequence(app("plain_seq"), "bigint", 1, 1, 1, 9223372036854775806L, 1000, false)),
                List.copyOf(schema.sequences().values()));
        assertEquals(Set.of(app("t")), schema.tables().keySet(), "a sequence is not a table");
    }

    @Test
    void sequencesReadTheSameAfterUse() throws SQLException {
        String used = database("create sequence s start with 1 increment by 50 nocache");
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select nextval(`" + used + "`.s)").close();
            statement.executeQuery("select nextval(`" + used + "`.s)").close();
        }
        assertEquals(read(database("create sequence s start with 1 increment by 50 nocache")), read(used));
    }

    @Test
    void viewsTriggersRoutinesAndEventsAreUnmanaged() throws SQLException {
        DatabaseSchema schema = read(database(
                "create table t (id int primary key, n int)",
                "create view v_t as select id from t",
                "create trigger trg_t before insert on t for each row set new.n = coalesce(new.n, 0)",
                "create function f_next(x int) returns int deterministic return x + 1",
                "create procedure p_hello() select 1",
                "create event e_nightly on schedule every 1 day disable do delete from t"));

        assertEquals(List.of("event app.e_nightly", "function app.f_next", "procedure app.p_hello",
                "trigger trg_t on app.t", "view app.v_t"), schema.unmanaged());
        assertEquals(Set.of(app("t")), schema.tables().keySet(), "a view is not a table");
    }

    @Test
    void leavesOutExcludedTables() throws SQLException {
        DatabaseSchema schema = read(database(
                "create table " + HISTORY + " (installed_rank int not null primary key, version varchar(50), "
                        + "success tinyint(1) not null)",
                "create index " + HISTORY + "_s_idx on " + HISTORY + " (success)",
                "create table t (id int primary key)"));
        assertEquals(Set.of(app("t")), schema.tables().keySet());
    }

    @Test
    void aMissingDatabaseReadsEmpty() throws SQLException {
        DatabaseSchema schema = reader.read(connection, "schemadiff_t_missing_" + System.nanoTime(), LABEL);
        assertEquals(Set.of(), schema.schemas());
        assertTrue(schema.tables().isEmpty());
        assertTrue(schema.sequences().isEmpty());
        assertTrue(schema.unmanaged().isEmpty());
    }

    // ---- Hibernate's DDL against the same schema written by hand -----------------------------------------

    /** What a person would write for the fixtures in io.schemadiff.fixtures.mariadb. */
    private static final List<String> HAND_WRITTEN = List.of(
            "create sequence purchase_order_seq start with 1 increment by 50 nocache",
            """
            create table customer (
                id bigint auto_increment primary key,
                email varchar(120) not null unique,
                first_name varchar(60),
                last_name varchar(60) not null,
                active bit(1) not null,
                balance numeric(19, 2),
                createdAt datetime(6) not null,
                lastSeen datetime(6),
                birthDate date,
                tier enum('BRONZE', 'GOLD', 'SILVER'),
                rating double precision not null,
                weight float not null,
                notes longtext,
                externalId uuid,
                preferences json,
                channel varchar(20) default 'web',
                version int not null,
                index ix_customer_name (last_name, first_name)
            )""",
            """
            create table tag (
                id int auto_increment primary key,
                label varchar(40) not null,
                constraint uq_tag_label unique (label)
            )""",
            """
            create table customer_tag (
                customer_id bigint not null references customer (id),
                tag_id int not null references tag (id),
                primary key (customer_id, tag_id)
            )""",
            """
            create table purchase_order (
                id bigint primary key,
                customer_id bigint not null,
                referrer_id bigint,
                number varchar(20) not null,
                status tinyint check (status between 0 and 2),
                quantity int check (quantity > 0),
                placedAt datetime(6),
                attachment longblob,
                constraint fk_order_customer foreign key (customer_id) references customer (id),
                constraint fk_order_referrer foreign key (referrer_id) references customer (id) on delete set null,
                constraint uk_order_number unique (customer_id, number)
            )""");

    @Test
    void hibernatesDdlReadsLikeTheSameSchemaWrittenByHand() throws SQLException {
        List<String> ddl = MariaDbHibernateDdl.createStatements(10, 11, Customer.class, PurchaseOrder.class, Tag.class);
        DatabaseSchema hibernate = read(database(ddl));
        DatabaseSchema byHand = read(database(HAND_WRITTEN));

        assertSameSchema(hibernate, byHand);
        Table customer = table(hibernate, "customer");
        assertEquals(new Column("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT), column(customer, "id"));
        assertEquals("bit(1)", column(customer, "active").type());
        assertEquals("json", column(customer, "preferences").type());
        assertEquals("uuid", column(customer, "externalId").type());
        assertEquals("enum('BRONZE','GOLD','SILVER')", column(customer, "tier").type());
        assertEquals("'web'", column(customer, "channel").defaultExpression());
        assertEquals(List.of(), customer.checks());
        assertEquals(1, table(hibernate, "customer_tag").indexes().size(),
                "MariaDB's own index, for the key the primary key does not lead with");
        Table order = table(hibernate, "purchase_order");
        assertEquals(List.of("USING btree (referrer_id)"), bodies(order), "customer_id is served by the unique key");
        assertEquals(Set.of(List.of(Action.NO_ACTION, Action.NO_ACTION), List.of(Action.SET_NULL, Action.NO_ACTION)),
                Set.copyOf(order.foreignKeys().stream().map(fk -> List.of(fk.onDelete(), fk.onUpdate())).toList()));
        assertEquals(Set.of("CHECK (`quantity` > 0)", "CHECK (`status` between 0 and 2)"),
                Set.copyOf(order.checks().stream().map(CheckConstraint::definition).toList()));
        assertEquals(new Sequence(app("purchase_order_seq"), "bigint", 1, 50, 1, 9223372036854775806L, 0, false),
                hibernate.sequences().get(app("purchase_order_seq")));
    }

    // ---- the text rules on their own ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bigint(20)                 | bigint",
            "int(11)                    | int",
            "int(10) unsigned           | int unsigned",
            "smallint(6)                | smallint",
            "mediumint(9)               | mediumint",
            "tinyint(4)                 | tinyint",
            "tinyint(1)                 | tinyint(1)",
            "tinyint(1) unsigned        | tinyint(1) unsigned",
            "int(5) unsigned zerofill   | int(5) unsigned zerofill",
            "bit(1)                     | bit(1)",
            "decimal(19,2)              | decimal(19,2)",
            "varchar(255)               | varchar(255)",
            "datetime(6)                | datetime(6)",
            "enum('A','B')              | enum('A','B')",
            "bigint                     | bigint"
    })
    void integerDisplayWidthsAreDropped(String columnType, String expected) {
        assertEquals(expected, MariaDbCatalogReader.normaliseType(columnType));
    }

    @Test
    void aNullDefaultIsNoDefault() {
        assertNull(MariaDbCatalogReader.normaliseDefault(null));
        assertNull(MariaDbCatalogReader.normaliseDefault("NULL"));
        assertEquals("'NULL'", MariaDbCatalogReader.normaliseDefault("'NULL'"));
        assertEquals("current_timestamp(6)", MariaDbCatalogReader.normaliseDefault("current_timestamp(6)"));
    }
}
