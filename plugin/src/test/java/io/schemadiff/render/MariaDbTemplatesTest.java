package io.schemadiff.render;

import io.schemadiff.catalog.MariaDbCatalogReader;
import io.schemadiff.diff.Change;
import io.schemadiff.diff.UndoPlan;
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
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code mariadb} templates against a MariaDB server (see {@link LocalMariaDb}): each example builds a "before" database, runs the rendered change in it and reads it
 * back with {@link MariaDbCatalogReader}, which must then report what the change asked for. Every
 * test works in its own {@code schemadiff_r_*} databases and drops them afterwards.
 */
class MariaDbTemplatesTest {

    /** The label the neutral model gives the current MariaDB database. */
    private static final String LABEL = "public";
    /** Per run, so that a database a change creates cannot collide with one another run left behind. */
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String EXTRA_DATABASE = "schemadiff_r_" + RUN + "_audit";

    private final MigrationRenderer renderer = new MigrationRenderer("mariadb", null);
    private final MariaDbCatalogReader reader = new MariaDbCatalogReader(Set.of("flyway_schema_history"));
    private LocalMariaDb server;
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        server = LocalMariaDb.connect("schemadiff_r_");
        connection = server.connection();
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + EXTRA_DATABASE + "`");
        } finally {
            server.close();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static QualifiedName t(String name) {
        return QualifiedName.of(LABEL, name);
    }

    private static Column col(String name, String type, boolean nullable, String defaultExpression, Generation generation) {
        return new Column(name, type, nullable, defaultExpression, generation);
    }

    private static Column col(String name, String type, boolean nullable) {
        return col(name, type, nullable, null, Generation.NONE);
    }

    private String database(List<String> statements) throws SQLException {
        return server.database(statements);
    }

    private void execute(List<String> statements) throws SQLException {
        server.execute(statements);
    }

    /** Rendered SQL as statements: comment lines dropped, split after each line-ending semicolon. */
    private static List<String> statements(String sql) {
        String code = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Stream.of(code.split(";\\s*(?:\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void apply(Change change, boolean backfill) throws SQLException {
        execute(statements(renderer.render(change, backfill, false)));
    }

    private DatabaseSchema read(String database) throws SQLException {
        return reader.read(connection, database, LABEL);
    }

    private static Table table(DatabaseSchema schema, QualifiedName name) {
        Table table = schema.tables().get(name);
        assertTrue(table != null, () -> "no table " + name + " in " + schema.tables().keySet());
        return table;
    }

    private static Column column(DatabaseSchema schema, QualifiedName table, String name) {
        return table(schema, table).column(name).orElseThrow(() -> new AssertionError("no column " + name));
    }

    // ---- the examples --------------------------------------------------------------------------------

    private static final String PARENT = "create table customer (id bigint not null auto_increment primary key, "
            + "email varchar(120) not null, code int)";
    private static final String CHILD = "create table orders (id bigint not null auto_increment primary key, "
            + "customer_id bigint not null, amount decimal(12,2) not null default 0.00, note varchar(200), "
            + "placed datetime(6))";
    private static final ForeignKey ORDERS_CUSTOMER = new ForeignKey("fk_orders_customer", List.of("customer_id"),
            t("customer"), List.of("id"), Action.CASCADE, Action.NO_ACTION, false, false);
    private static final CheckConstraint AMOUNT_CHECK =
            CheckConstraint.fromCatalog("ck_orders_amount", "CHECK (`amount` >= 0)", List.of("amount"));
    private static final Index ORDERS_PLACED = new Index("ix_orders_placed", false,
            "CREATE INDEX `ix_orders_placed` ON `orders` (`placed`, `amount` DESC) USING BTREE",
            "USING btree (placed, amount DESC)", false, false);
    private static final Sequence INVOICE_SEQ =
            new Sequence(t("invoice_seq"), "bigint", 1000, 50, 1, 9223372036854775806L, 0, false);

    private static Table createdOrders() {
        return new Table(t("purchase"),
                List.of(col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                        col("number", "varchar(20)", false),
                        col("amount", "decimal(12,2)", false, "0.00", Generation.NONE),
                        col("status", "enum('NEW','PAID')", false, "'NEW'", Generation.NONE),
                        col("paid", "tinyint(1)", false, "0", Generation.NONE),
                        col("placed", "datetime(6)", false, "current_timestamp(6)", Generation.NONE),
                        col("touched", "timestamp(6) on update current_timestamp(6)", true),
                        col("doc", "json", true),
                        col("token", "uuid", true)),
                new PrimaryKey("PRIMARY", List.of("id")),
                List.of(),
                List.of(new UniqueKey("uk_purchase_number", List.of("number"), false)),
                List.of(),
                List.of(CheckConstraint.fromCatalog("ck_purchase_amount", "CHECK (`amount` >= 0)", List.of("amount"))));
    }

    /**
     * One or more examples of every kind of change: the database before, the change, and what the
     * reader must report afterwards.
     */
    static Stream<Arguments> everyKind() {
        return Stream.of(
                example(List.of(), new Change.CreateSchema(EXTRA_DATABASE), (test, after) ->
                        assertEquals(Set.of("audit"), test.reader.read(test.connection, EXTRA_DATABASE, "audit").schemas())),
                example(List.of(), new Change.CreateSequence(INVOICE_SEQ), (test, after) ->
                        assertEquals(INVOICE_SEQ, after.sequences().get(INVOICE_SEQ.name()))),
                example(List.of(), new Change.CreateSequence(
                                new Sequence(t("odd_seq"), "bigint", 100, -2, 10, 1000, 20, true)), (test, after) ->
                        assertEquals(new Sequence(t("odd_seq"), "bigint", 100, -2, 10, 1000, 20, true),
                                after.sequences().get(t("odd_seq")))),
                example(List.of("create table clients (id int not null primary key, name varchar(40))"),
                        new Change.RenameTable(t("clients"), t("user")), (test, after) -> {
                            assertEquals(Set.of(t("user")), after.tables().keySet());
                            assertEquals(List.of(col("id", "int", false), col("name", "varchar(40)", true)),
                                    table(after, t("user")).columns());
                        }),
                example(List.of("create table accounts (id int primary key, email varchar(120) not null default '')"),
                        new Change.RenameColumn(t("accounts"), "email", "email_address"), (test, after) ->
                        assertEquals(List.of(col("id", "int", false),
                                        col("email_address", "varchar(120)", false, "''", Generation.NONE)),
                                table(after, t("accounts")).columns())),
                example(List.of(CHILD, "create index ix_1 on orders (placed, amount desc)"),
                        new Change.RenameConstraint(t("orders"), "ix_1", "ix_orders_placed", true), (test, after) ->
                        assertEquals(List.of(ORDERS_PLACED), table(after, t("orders")).indexes())),
                example(List.of(PARENT, "alter table customer add constraint uk_1 unique (email)"),
                        new Change.RenameConstraint(t("customer"), "uk_1", "uk_customer_email", false), (test, after) ->
                        assertEquals(List.of(new UniqueKey("uk_customer_email", List.of("email"), false)),
                                table(after, t("customer")).uniqueKeys())),
                example(List.of(PARENT, CHILD, "alter table orders add constraint fk_orders_customer "
                                + "foreign key (customer_id) references customer (id) on delete cascade"),
                        new Change.DropForeignKey(t("orders"), ORDERS_CUSTOMER), (test, after) -> {
                            assertEquals(List.of(), table(after, t("orders")).foreignKeys());
                            assertEquals(List.of(), table(after, t("orders")).indexes(), "InnoDB's index for it");
                        }),
                example(List.of(CHILD, "create index ix_orders_placed on orders (placed, amount desc)"),
                        new Change.DropIndex(t("orders"), ORDERS_PLACED), (test, after) ->
                        assertEquals(List.of(), table(after, t("orders")).indexes())),
                example(List.of(PARENT, "alter table customer add constraint uk_customer_email unique (email)"),
                        new Change.DropUniqueKey(t("customer"),
                                new UniqueKey("uk_customer_email", List.of("email"), false)), (test, after) ->
                        assertEquals(List.of(), table(after, t("customer")).uniqueKeys())),
                example(List.of(CHILD, "alter table orders add constraint ck_orders_amount check (amount >= 0)"),
                        new Change.DropCheck(t("orders"), AMOUNT_CHECK), (test, after) ->
                        assertEquals(List.of(), table(after, t("orders")).checks())),
                example(List.of("create table tag (id int not null, label varchar(40), primary key (id))"),
                        new Change.DropPrimaryKey(t("tag"), new PrimaryKey("PRIMARY", List.of("id"))), (test, after) ->
                        assertNull(table(after, t("tag")).primaryKey())),
                example(List.of(PARENT, "create table legacy (id int primary key)"),
                        new Change.DropTable(new Table(t("legacy"), List.of(col("id", "int", false)),
                                new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of(), List.of(), List.of())),
                        (test, after) -> assertEquals(Set.of(t("customer")), after.tables().keySet())),
                example(List.of(CHILD), new Change.DropColumn(t("orders"), col("note", "varchar(200)", true)),
                        (test, after) -> assertFalse(table(after, t("orders")).column("note").isPresent())),
                example(List.of(), new Change.CreateTable(createdOrders()), (test, after) ->
                        assertEquals(createdOrders(), table(after, t("purchase")))),
                example(List.of(), new Change.CreateTable(new Table(t("order"),
                                List.of(col("key", "int", false), col("select", "varchar(10)", true),
                                        col("createdAt", "datetime(6)", true)),
                                new PrimaryKey("PRIMARY", List.of("key")), List.of(),
                                List.of(new UniqueKey("unique", List.of("select"), false)), List.of(),
                                List.of(CheckConstraint.fromCatalog("check", "CHECK (`key` > 0)", List.of("key"))))),
                        // created as written; MariaDB compares column names without case, so they read in lower case
                        (test, after) -> assertEquals(new Table(t("order"),
                                        List.of(col("key", "int", false), col("select", "varchar(10)", true),
                                                col("createdat", "datetime(6)", true)),
                                        new PrimaryKey("PRIMARY", List.of("key")), List.of(),
                                        List.of(new UniqueKey("unique", List.of("select"), false)), List.of(),
                                        List.of(CheckConstraint.fromCatalog("check", "CHECK (`key` > 0)", List.of("key")))),
                                table(after, t("order")))),
                example(List.of(PARENT), new Change.AddColumn(t("customer"), col("phone", "varchar(20)", true)),
                        (test, after) -> assertEquals(col("phone", "varchar(20)", true),
                                column(after, t("customer"), "phone"))),
                example(List.of(PARENT), new Change.AddColumn(t("customer"),
                                col("vip", "tinyint(1)", false, "0", Generation.NONE)),
                        (test, after) -> assertEquals(col("vip", "tinyint(1)", false, "0", Generation.NONE),
                                column(after, t("customer"), "vip"))),
                example(List.of(PARENT), new Change.AlterColumn(t("customer"), col("email", "varchar(120)", false),
                                col("email", "varchar(255)", true)),
                        (test, after) -> assertEquals(col("email", "varchar(255)", true),
                                column(after, t("customer"), "email"))),
                example(List.of(PARENT), new Change.AlterColumn(t("customer"), col("code", "int", true),
                                col("code", "int", true, "5", Generation.NONE)),
                        (test, after) -> assertEquals(col("code", "int", true, "5", Generation.NONE),
                                column(after, t("customer"), "code"))),
                example(List.of("create table tag (id int not null primary key, label varchar(40))"),
                        new Change.AlterColumn(t("tag"), col("id", "int", false),
                                col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT)),
                        (test, after) -> assertEquals(col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                                column(after, t("tag"), "id"))),
                example(List.of("create table tag (id int not null, label varchar(40))"),
                        new Change.AddPrimaryKey(t("tag"), new PrimaryKey("tag_pkey", List.of("id"))), (test, after) ->
                        // MariaDB names every primary key PRIMARY; the neutral model keeps the name for drops only
                        assertEquals(new PrimaryKey("PRIMARY", List.of("id")), table(after, t("tag")).primaryKey())),
                example(List.of(PARENT), new Change.AddUniqueKey(t("customer"),
                                new UniqueKey("uk_customer_email_code", List.of("email", "code"), false)),
                        (test, after) -> assertEquals(
                                List.of(new UniqueKey("uk_customer_email_code", List.of("email", "code"), false)),
                                table(after, t("customer")).uniqueKeys())),
                example(List.of(CHILD), new Change.AddCheck(t("orders"), AMOUNT_CHECK), (test, after) ->
                        assertEquals(List.of(AMOUNT_CHECK), table(after, t("orders")).checks())),
                example(List.of(CHILD), new Change.CreateIndex(t("orders"), ORDERS_PLACED), (test, after) ->
                        assertEquals(List.of(ORDERS_PLACED), table(after, t("orders")).indexes())),
                example(List.of(CHILD.replace("note varchar(200)", "note text")),
                        new Change.CreateIndex(t("orders"), new Index("ft_orders_note", false,
                                "CREATE FULLTEXT INDEX `ft_orders_note` ON `orders` (`note`)", "FULLTEXT (note)", false,
                                false)),
                        (test, after) -> assertEquals(List.of(new Index("ft_orders_note", false,
                                        "CREATE FULLTEXT INDEX `ft_orders_note` ON `orders` (`note`)", "FULLTEXT (note)",
                                        false, false)),
                                table(after, t("orders")).indexes())),
                example(List.of(CHILD), new Change.CreateIndex(t("orders"), new Index("ux_orders_note", true,
                                "CREATE UNIQUE INDEX `ux_orders_note` ON `orders` (`note`(50)) USING BTREE",
                                "USING btree (note(50))", false, false)),
                        (test, after) -> assertEquals(List.of(new Index("ux_orders_note", true,
                                        "CREATE UNIQUE INDEX `ux_orders_note` ON `orders` (`note`(50)) USING BTREE",
                                        "USING btree (note(50))", false, false)),
                                table(after, t("orders")).indexes())),
                example(List.of(PARENT, CHILD), new Change.AddForeignKey(t("orders"), ORDERS_CUSTOMER), (test, after) -> {
                    assertEquals(List.of(ORDERS_CUSTOMER), table(after, t("orders")).foreignKeys());
                    assertEquals(List.of("fk_orders_customer"),
                            table(after, t("orders")).indexes().stream().map(Index::name).toList(),
                            "InnoDB's index for it, named after it");
                }),
                example(List.of(PARENT, CHILD, "alter table orders add constraint fk_orders_customer "
                                + "foreign key (customer_id) references customer (id) on delete cascade"),
                        new Change.AlterForeignKey(t("orders"), ORDERS_CUSTOMER, new ForeignKey("fk_orders_customer",
                                List.of("customer_id"), t("customer"), List.of("id"), Action.NO_ACTION, Action.NO_ACTION,
                                false, false)), (test, after) -> {
                    assertEquals(List.of(Action.NO_ACTION), table(after, t("orders")).foreignKeys().stream()
                            .map(ForeignKey::onDelete).toList());
                    assertEquals(1, table(after, t("orders")).indexes().size(), "the key's index serves the new rule");
                }),
                example(List.of("create sequence invoice_seq start with 1000 increment by 50 nocache"),
                        new Change.AlterSequence(INVOICE_SEQ,
                                new Sequence(INVOICE_SEQ.name(), "bigint", 2000, 1, 1, 1000000, 20, true)),
                        (test, after) -> assertEquals(
                                new Sequence(INVOICE_SEQ.name(), "bigint", 2000, 1, 1, 1000000, 20, true),
                                after.sequences().get(INVOICE_SEQ.name()))),
                example(List.of("create sequence invoice_seq start with 1000 increment by 50 nocache"),
                        new Change.DropSequence(INVOICE_SEQ),
                        (test, after) -> assertEquals(Set.of(), after.sequences().keySet())));
    }

    @FunctionalInterface
    interface Check {
        void check(MariaDbTemplatesTest test, DatabaseSchema after) throws SQLException;
    }

    private static Arguments example(List<String> before, Change change, Check check) {
        return Arguments.of(change, before, check);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void everyKindOfChangeReadsBackAsItsTarget(Change change, List<String> before, Check check) throws SQLException {
        String database = database(before);
        apply(change, false);
        check.check(this, read(database));
    }

    @Test
    void theExamplesCoverEveryKind() {
        Set<Change.Kind> covered = everyKind().map(a -> ((Change) a.get()[0]).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Change.Kind.class)));

        assertEquals(EnumSet.allOf(Change.Kind.class), covered);
    }

    // ---- alter column: each part of a column, alone and together ----------------------------------------

    static Stream<Arguments> columnAlterations() {
        Column id = col("id", "int", false);
        Column identity = col("id", "int", false, null, Generation.IDENTITY_BY_DEFAULT);
        return Stream.of(
                Arguments.of(col("name", "varchar(40)", true), col("name", "varchar(40)", false)),
                Arguments.of(col("name", "varchar(40)", false), col("name", "varchar(40)", true)),
                Arguments.of(col("name", "varchar(40)", true), col("name", "text", true)),
                Arguments.of(col("qty", "int", true), col("qty", "bigint", false, "1", Generation.NONE)),
                Arguments.of(col("qty", "int", true, "1", Generation.NONE), col("qty", "int", true, "2", Generation.NONE)),
                Arguments.of(col("qty", "int", true, "1", Generation.NONE), col("qty", "int", true)),
                Arguments.of(col("qty", "int", true, "1", Generation.NONE), col("qty", "decimal(19,2)", true)),
                Arguments.of(col("status", "varchar(10)", true, "'A'", Generation.NONE),
                        col("status", "enum('A','B')", false, "'B'", Generation.NONE)),
                Arguments.of(col("seen", "datetime", true), col("seen", "datetime(6)", false, "current_timestamp(6)",
                        Generation.NONE)),
                Arguments.of(id, identity),
                Arguments.of(identity, id),
                Arguments.of(identity, col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT)));
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @MethodSource("columnAlterations")
    void alteredColumnsReadBackAsTheTarget(Column from, Column to) throws SQLException {
        String database = database(List.of("create table item (" + new MariaDbSqlFormatter().column(
                from.name().equals("id") ? from : col("id", "int", false)) + ", "
                + (from.name().equals("id") ? "" : new MariaDbSqlFormatter().column(from) + ", ") + "primary key (id))"));
        apply(new Change.AlterColumn(t("item"), from, to), false);
        assertEquals(to, column(read(database), t("item"), to.name()));
    }

    @Test
    void identityAlwaysIsAutoIncrementWhichReadsAsByDefault() throws SQLException {
        String database = database(List.of("create table item (id int not null auto_increment primary key)"));
        Change change = new Change.AlterColumn(t("item"), col("id", "int", false, null, Generation.IDENTITY_BY_DEFAULT),
                col("id", "int", false, null, Generation.IDENTITY_ALWAYS));
        assertEquals("-- MariaDB has no \"generated always\": id stays auto_increment, which lets inserts supply a value",
                renderer.render(change));
        apply(change, false);
        assertEquals(Generation.IDENTITY_BY_DEFAULT, column(read(database), t("item"), "id").generation());
    }

    // ---- backfills ------------------------------------------------------------------------------------

    @Test
    void aBackfilledNotNullColumnGetsThePlaceholderInRowsThatExist() throws SQLException {
        String database = database(List.of("create table item (id int primary key, seen datetime(6))",
                "insert into item (id) values (1), (2)"));
        Column status = col("status", "enum('NEW','DONE')", false);
        apply(new Change.AddColumn(t("item"), status), true);
        apply(new Change.AlterColumn(t("item"), col("seen", "datetime(6)", true), col("seen", "datetime(6)", false)),
                true);

        DatabaseSchema after = read(database);
        assertEquals(status, column(after, t("item"), "status"));
        assertEquals(col("seen", "datetime(6)", false), column(after, t("item"), "seen"));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from item where status = 'NEW' and seen is not null")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void placeholdersFitTheirTypes() {
        MariaDbSqlFormatter sql = new MariaDbSqlFormatter();
        assertEquals("0", sql.placeholder("bigint"));
        assertEquals("0", sql.placeholder("decimal(19,2)"));
        assertEquals("0", sql.placeholder("tinyint(1)"));
        assertEquals("0", sql.placeholder("int unsigned"));
        assertEquals("0", sql.placeholder("double precision"));
        assertEquals("''", sql.placeholder("varchar(255)"));
        assertEquals("''", sql.placeholder("longtext"));
        assertEquals("'A'", sql.placeholder("enum('A','B')"));
        assertEquals("current_timestamp", sql.placeholder("datetime(6)"));
        assertEquals("current_timestamp", sql.placeholder("timestamp(6) on update current_timestamp(6)"));
        assertEquals("current_date", sql.placeholder("date"));
        assertEquals("'{}'", sql.placeholder("json"));
        assertEquals("uuid()", sql.placeholder("uuid"));
        assertEquals("", sql.placeholder("geometry"));
    }

    // ---- undo: the inverse change brings the database back -----------------------------------------------

    static Stream<Arguments> undoable() {
        return everyKind().filter(a -> {
            Change change = (Change) a.get()[0];
            return switch (change.kind()) {
                case CREATE_SCHEMA, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE -> false;
                default -> true;
            };
        }).map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    @ParameterizedTest(name = "{index}: undo {0}")
    @MethodSource("undoable")
    void theInverseChangeRestoresTheSchemaBefore(Change change, List<String> before) throws SQLException {
        String database = database(before);
        DatabaseSchema original = read(database);
        apply(change, false);
        for (Change inverse : UndoPlan.of(List.of(change)).changes()) {
            apply(inverse, false);
        }
        assertEquals(original, read(database));
    }

    @Test
    void aTableInAnotherDatabaseIsCreatedThereAndTheUndoFileRemovesItWithItsDatabase() throws SQLException {
        String database = database(List.of(PARENT));
        DatabaseSchema original = read(database);
        QualifiedName events = QualifiedName.of(EXTRA_DATABASE, "events");
        ForeignKey toEvents = new ForeignKey("fk_customer_event", List.of("event_id"), events, List.of("id"),
                Action.SET_NULL, Action.CASCADE, false, false);
        List<Change> plan = List.of(new Change.CreateSchema(EXTRA_DATABASE),
                new Change.CreateTable(new Table(events, List.of(col("id", "bigint", false, null,
                                Generation.IDENTITY_BY_DEFAULT), col("select", "varchar(10)", true)),
                        new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of(), List.of(), List.of())),
                new Change.AddColumn(t("customer"), col("event_id", "bigint", true)),
                new Change.AddForeignKey(t("customer"), toEvents));
        for (Change change : plan) {
            apply(change, false);
        }

        DatabaseSchema after = read(database);
        assertEquals(List.of(toEvents), table(after, t("customer")).foreignKeys());
        assertEquals(List.of(col("id", "bigint", false, null, Generation.IDENTITY_BY_DEFAULT),
                        col("select", "varchar(10)", true)),
                table(reader.read(connection, EXTRA_DATABASE, EXTRA_DATABASE), events).columns());

        UndoPlan undo = UndoPlan.of(plan);
        List<RenderedChange> steps = new ArrayList<>();
        for (Change change : undo.changes()) {
            steps.add(new RenderedChange(change, change.subject().display(), change.describe(), null,
                    renderer.render(change)));
        }
        String file = renderer.render(new UndoDocument("U4__events.sql", "V4__events.sql", "schema-maven-plugin 0.1.0",
                steps, undo.droppedSchemas(), undo.irreversible()));
        assertTrue(file.contains("\ndrop table " + EXTRA_DATABASE + ".events;\n"), file);
        assertTrue(file.contains("\ndrop database " + EXTRA_DATABASE + ";\n"), file);
        execute(statements(file));

        assertEquals(Set.of(), reader.read(connection, EXTRA_DATABASE, EXTRA_DATABASE).schemas());
        assertEquals(original, read(database));
    }

    @Test
    void aForeignKeyFromAnotherDatabaseToTheCurrentOneIsFlaggedForReview() {
        String sql = renderer.render(new Change.AddForeignKey(QualifiedName.of("audit", "events"),
                new ForeignKey("fk_events_customer", List.of("customer_id"), t("customer"), List.of("id"),
                        Action.NO_ACTION, Action.NO_ACTION, false, false)));
        assertEquals("""
                -- REVIEW: MariaDB looks for an unqualified referenced table in the database of audit.events, not the current one: qualify it with the current database's name
                alter table audit.events add constraint fk_events_customer foreign key (customer_id) references customer (id);""",
                sql);
    }

    // ---- the readable form, pinned ----------------------------------------------------------------------

    @Test
    void createTableReadsLikeHandWrittenSql() {
        assertEquals("""
                create table purchase (
                    id bigint not null auto_increment,
                    number varchar(20) not null,
                    amount decimal(12,2) not null default 0.00,
                    status enum('NEW','PAID') not null default 'NEW',
                    paid tinyint(1) not null default 0,
                    placed datetime(6) not null default current_timestamp(6),
                    touched timestamp(6) on update current_timestamp(6) null,
                    doc json,
                    token uuid,
                    primary key (id),
                    constraint uk_purchase_number unique (number),
                    constraint ck_purchase_amount check (`amount` >= 0)
                );""", renderer.render(new Change.CreateTable(createdOrders())));
    }

    @Test
    void reservedWordsAndOtherDatabasesAreQuotedAndQualified() {
        assertEquals("rename table clients to `order`;",
                renderer.render(new Change.RenameTable(t("clients"), t("order"))));
        assertEquals("rename table users to user;", renderer.render(new Change.RenameTable(t("users"), t("user"))),
                "user is not reserved in MariaDB");
        assertEquals("rename table audit.events to audit.event_log;", renderer.render(
                new Change.RenameTable(QualifiedName.of("audit", "events"), QualifiedName.of("audit", "event_log"))));
        assertEquals("alter table `order` rename column `key` to createdAt;",
                renderer.render(new Change.RenameColumn(t("order"), "key", "createdAt")));
        assertEquals("create database if not exists audit;", renderer.render(new Change.CreateSchema("audit")));
    }

    @Test
    void alterColumnRestatesTheWholeColumn() {
        assertEquals("alter table customer modify column email varchar(255) not null default '';",
                renderer.render(new Change.AlterColumn(t("customer"), col("email", "varchar(120)", true),
                        col("email", "varchar(255)", false, "''", Generation.NONE))));
        assertEquals("alter table customer alter column code set default 5;",
                renderer.render(new Change.AlterColumn(t("customer"), col("code", "int", true),
                        col("code", "int", true, "5", Generation.NONE))));
        assertEquals("""
                -- REVIEW: rows without a value get a placeholder; replace it with the real value
                update customer set code = 0 where code is null;
                alter table customer modify column code int not null;""",
                renderer.render(new Change.AlterColumn(t("customer"), col("code", "int", true), col("code", "int", false)),
                        true, false));
    }

    @Test
    void keysIndexesAndSequencesReadLikeHandWrittenSql() {
        assertEquals("alter table orders add constraint fk_orders_customer foreign key (customer_id) "
                        + "references customer (id) on delete cascade;",
                renderer.render(new Change.AddForeignKey(t("orders"), ORDERS_CUSTOMER)));
        assertEquals("alter table orders drop foreign key fk_orders_customer, drop index if exists fk_orders_customer;",
                renderer.render(new Change.DropForeignKey(t("orders"), ORDERS_CUSTOMER)));
        assertEquals("create index ix_orders_placed on orders (placed, amount desc);",
                renderer.render(new Change.CreateIndex(t("orders"), ORDERS_PLACED)));
        assertEquals("create index ix_orders_placed on orders (placed, amount desc) algorithm=inplace lock=none;",
                renderer.render(new Change.CreateIndex(t("orders"), ORDERS_PLACED), false, true));
        assertEquals("drop index ix_orders_placed on orders;",
                renderer.render(new Change.DropIndex(t("orders"), ORDERS_PLACED)));
        assertEquals("alter table customer drop index uk_customer_email;", renderer.render(new Change.DropUniqueKey(
                t("customer"), new UniqueKey("uk_customer_email", List.of("email"), false))));
        assertEquals("create sequence invoice_seq start with 1000 increment by 50 nocache;",
                renderer.render(new Change.CreateSequence(INVOICE_SEQ)));
        assertEquals("alter sequence invoice_seq increment by 1 start with 2000 cache 20 cycle;",
                renderer.render(new Change.AlterSequence(INVOICE_SEQ,
                        new Sequence(INVOICE_SEQ.name(), "bigint", 2000, 1, 1, 9223372036854775806L, 20, true))));
        // a unique constraint is an index on MariaDB (foreign keys and checks are dropped and added by the plan)
        assertEquals("alter table customer rename index uk_1 to uk_customer_email;",
                renderer.render(new Change.RenameConstraint(t("customer"), "uk_1", "uk_customer_email", false)));
    }

    @Test
    void rendersTheWholeMigrationFile() {
        Change add = new Change.AddColumn(t("accounts"), col("phone", "varchar(20)", true));
        Change drop = new Change.DropColumn(t("users"), col("status", "varchar(20)", true));
        MigrationDocument document = new MigrationDocument("V4__add_phone_to_accounts_and_1_more.sql",
                "schema-maven-plugin 0.1.0", "Hibernate ORM 7.4.13.Final, MariaDB 10.11", List.of(
                new RenderedChange(add, "accounts", add.describe(), "Account.phone", renderer.render(add)),
                new RenderedChange(drop, "users", drop.describe(), null, renderer.render(drop))));

        assertEquals("""
                -- V4__add_phone_to_accounts_and_1_more.sql
                -- Generated by schema-maven-plugin 0.1.0 from the entity model (Hibernate ORM 7.4.13.Final, MariaDB 10.11).
                -- Review it before it is applied. MariaDB commits each DDL statement at once: if one fails, the ones before it stay applied.
                -- Online: InnoDB runs most steps without blocking writes by itself: new and dropped indexes and unique keys
                -- (ALGORITHM=INPLACE, LOCK=NONE), new and dropped columns (ALGORITHM=INSTANT). A type change that converts the
                -- data, a new primary key, and a foreign key added while foreign_key_checks=1 rebuild or copy the table; append
                -- `, ALGORITHM=INPLACE, LOCK=NONE` to such a statement to have MariaDB refuse it rather than block writes.
                --
                -- Changes:
                --   + accounts: add column phone varchar(20) <- Account.phone
                --   - users: drop column status
                --
                -- DESTRUCTIVE: 1 step(s) below lose data; they are marked "destructive".

                alter table accounts add column phone varchar(20);

                -- destructive: the column's values are lost
                alter table users drop column status;
                """, renderer.render(document));
    }
}
