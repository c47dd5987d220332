package io.schemadiff.render;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlFormatterTest {

    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    private static final QualifiedName SEQ = QualifiedName.of("public", "invoice_seq");

    private final SqlFormatter sql = new SqlFormatter();

    // ---- names ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"users", "first_name", "_private", "col1", "price$", "a"})
    void plainLowerCaseNamesStayBare(String identifier) {
        assertEquals(identifier, sql.name(identifier));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "order", "select", "table", "group"})
    void reservedWordsAreQuoted(String identifier) {
        assertEquals('"' + identifier + '"', sql.name(identifier));
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "Users", "ORDER_ID", "1st", "with space", "dash-name", "café"})
    void namesPostgresqlWouldFoldOrRejectAreQuoted(String identifier) {
        assertEquals('"' + identifier + '"', sql.name(identifier));
    }

    @Test
    void embeddedDoubleQuotesAreDoubled() {
        assertEquals("\"say \"\"hi\"\"\"", sql.name("say \"hi\""));
    }

    @Test
    void tablesInPublicAreNotQualified() {
        assertEquals("orders", sql.table(ORDERS));
        assertEquals("\"user\"", sql.table(QualifiedName.of("public", "user")));
        assertEquals("orders", sql.table("public", "orders"));
    }

    @Test
    void tablesInOtherSchemasAreQualified() {
        assertEquals("audit.events", sql.table(QualifiedName.of("audit", "events")));
        assertEquals("\"Audit\".\"user\"", sql.table(QualifiedName.of("Audit", "user")));
        assertEquals("billing.invoices", sql.table("billing", "invoices"));
    }

    @Test
    void columnListsAreCommaSeparatedAndQuotedWhereNeeded() {
        assertEquals("tenant_id, \"order\", \"lineNo\"", sql.columns(List.of("tenant_id", "order", "lineNo")));
    }

    // ---- types ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "character varying(255)          | varchar(255)",
            "character varying               | varchar",
            "character varying(20)[]         | varchar(20)[]",
            "character(3)                    | char(3)",
            "timestamp(6) without time zone  | timestamp(6)",
            "timestamp(3) without time zone[] | timestamp(3)[]",
            "time(6) without time zone       | time(6)",
            "timestamp(6) with time zone     | timestamp(6) with time zone",
            "time(6) with time zone          | time(6) with time zone",
            "integer[]                       | integer[]",
            "numeric(12,2)                   | numeric(12,2)",
            "bigint                          | bigint",
            "jsonb                           | jsonb"
    })
    void typesAreWrittenInTheirShortForm(String formatted, String expected) {
        assertEquals(expected, sql.type(formatted));
    }

    // ---- columns -------------------------------------------------------------------------------

    @Test
    void nullableColumnWithoutDefault() {
        assertEquals("note text", sql.column(new Column("note", "text", true, null, Column.Generation.NONE)));
    }

    @Test
    void notNullColumnWithDefault() {
        Column status = new Column("status", "character varying(20)", false, "'NEW'::character varying",
                Column.Generation.NONE);

        assertEquals("status varchar(20) default 'NEW'::character varying not null", sql.column(status));
    }

    @Test
    void nullableColumnWithDefault() {
        Column created = new Column("created_at", "timestamp(6) with time zone", true, "now()", Column.Generation.NONE);

        assertEquals("created_at timestamp(6) with time zone default now()", sql.column(created));
    }

    @Test
    void notNullColumnWithoutDefaultQuotedName() {
        assertEquals("\"user\" timestamp(6) not null",
                sql.column(new Column("user", "timestamp(6) without time zone", false, null, Column.Generation.NONE)));
    }

    @Test
    void identityColumns() {
        assertEquals("id bigint generated by default as identity not null",
                sql.column(new Column("id", "bigint", false, null, Column.Generation.IDENTITY_BY_DEFAULT)));
        assertEquals("id bigint generated always as identity not null",
                sql.column(new Column("id", "bigint", false, null, Column.Generation.IDENTITY_ALWAYS)));
    }

    @Test
    void serialIsWrittenAsIdentityByDefault() {
        assertEquals("id integer generated by default as identity not null",
                sql.column(new Column("id", "integer", false, null, Column.Generation.SERIAL)));
    }

    // ---- sequences -----------------------------------------------------------------------------

    @Test
    void sequenceDefaultsAreLeftOut() {
        Sequence defaults = new Sequence(SEQ, "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);

        assertEquals(" start with 1 increment by 1", sql.sequenceOptions(defaults));
    }

    @Test
    void everyNonDefaultSequenceOptionIsWritten() {
        Sequence custom = new Sequence(SEQ, "integer", 100, 50, 10, 1_000_000, 20, true);

        assertEquals(" as integer start with 100 increment by 50 minvalue 10 maxvalue 1000000 cache 20 cycle",
                sql.sequenceOptions(custom));
    }

    @Test
    void defaultMaximumDependsOnTheDataType() {
        assertEquals(" as integer start with 1 increment by 1",
                sql.sequenceOptions(new Sequence(SEQ, "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false)));
        assertEquals(" as smallint start with 1 increment by 1",
                sql.sequenceOptions(new Sequence(SEQ, "smallint", 1, 1, 1, Short.MAX_VALUE, 1, false)));
        assertEquals(" as integer start with 1 increment by 1 maxvalue 9223372036854775807",
                sql.sequenceOptions(new Sequence(SEQ, "integer", 1, 1, 1, Long.MAX_VALUE, 1, false)));
    }

    @Test
    void descendingSequenceDefaultsAreLeftOut() {
        Sequence descending = new Sequence(SEQ, "bigint", -1, -1, Long.MIN_VALUE, -1, 1, false);

        assertEquals(" start with -1 increment by -1", sql.sequenceOptions(descending));
    }

    @Test
    void descendingSequenceNonDefaultBoundsAreWritten() {
        Sequence descending = new Sequence(SEQ, "bigint", 1000, -10, 0, 1000, 1, false);

        assertEquals(" start with 1000 increment by -10 minvalue 0 maxvalue 1000", sql.sequenceOptions(descending));
    }

    // ---- foreign keys --------------------------------------------------------------------------

    private static ForeignKey fk(ForeignKey.Action onDelete, ForeignKey.Action onUpdate, boolean deferrable,
                                 boolean initiallyDeferred) {
        return new ForeignKey("fk_orders_customer", List.of("customer_id"), CUSTOMERS, List.of("id"),
                onDelete, onUpdate, deferrable, initiallyDeferred);
    }

    @Test
    void plainReference() {
        assertEquals("foreign key (customer_id) references customers (id)",
                sql.references(fk(ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, false, false)));
    }

    @Test
    void onDeleteCascade() {
        assertEquals("foreign key (customer_id) references customers (id) on delete cascade",
                sql.references(fk(ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, false, false)));
    }

    @Test
    void onDeleteSetNull() {
        assertEquals("foreign key (customer_id) references customers (id) on delete set null",
                sql.references(fk(ForeignKey.Action.SET_NULL, ForeignKey.Action.NO_ACTION, false, false)));
    }

    @Test
    void onDeleteAndOnUpdate() {
        assertEquals("foreign key (customer_id) references customers (id) on delete restrict on update cascade",
                sql.references(fk(ForeignKey.Action.RESTRICT, ForeignKey.Action.CASCADE, false, false)));
    }

    @Test
    void deferrable() {
        assertEquals("foreign key (customer_id) references customers (id) deferrable",
                sql.references(fk(ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, true, false)));
        assertEquals("foreign key (customer_id) references customers (id) on delete cascade deferrable initially deferred",
                sql.references(fk(ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, true, true)));
    }

    @Test
    void compositeReferenceToAnotherSchema() {
        ForeignKey fk = new ForeignKey("fk", List.of("tenant_id", "user"), QualifiedName.of("auth", "accounts"),
                List.of("tenant_id", "id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION, false, false);

        assertEquals("foreign key (tenant_id, \"user\") references auth.accounts (tenant_id, id)", sql.references(fk));
    }

    // ---- tables, checks and indexes ------------------------------------------------------------

    @Test
    void tableElementsListColumnsKeyInlineUniquesAndChecks() {
        Table table = new Table(ORDERS,
                List.of(new Column("id", "bigint", false, null, Column.Generation.IDENTITY_BY_DEFAULT),
                        new Column("number", "character varying(20)", false, null, Column.Generation.NONE),
                        new Column("amount", "numeric(12,2)", true, null, Column.Generation.NONE)),
                new PrimaryKey("orders_pkey", List.of("id")),
                List.of(),
                List.of(new UniqueKey("uk_orders_number", List.of("number"), false),
                        new UniqueKey("ux_orders_amount", List.of("amount"), true)),
                List.of(),
                List.of(CheckConstraint.fromCatalog("ck_orders_amount", "CHECK (amount >= 0::numeric)", List.of("amount"))));

        assertEquals(List.of(
                "id bigint generated by default as identity not null",
                "number varchar(20) not null",
                "amount numeric(12,2)",
                "primary key (id)",
                "constraint uk_orders_number unique (number)",
                "constraint ck_orders_amount check (amount >= 0::numeric)"), sql.tableElements(table));
    }

    @Test
    void checkUsesTheExpression() {
        CheckConstraint fromCatalog = CheckConstraint.fromCatalog("ck", "CHECK (qty > 0)", List.of("qty"));

        assertEquals("check (qty > 0)", sql.check(fromCatalog));
        assertEquals("check (qty between 1 and 9)", sql.check(fromCatalog.withExpression("qty between 1 and 9")));
    }

    @Test
    void btreeIndexesLeaveOutTheMethod() {
        Index index = new Index("ix_orders_customer", false, "CREATE INDEX ix_orders_customer ON public.orders USING btree (customer_id DESC)",
                "USING btree (customer_id DESC)", false, false);

        assertEquals("create index ix_orders_customer on orders (customer_id DESC)", sql.createIndex(ORDERS, index));
    }

    @Test
    void otherIndexMethodsAreKept() {
        Index index = new Index("ix_docs_tags", false, "CREATE INDEX ix_docs_tags ON archive.docs USING gin (tags)",
                "USING gin (tags)", false, false);

        assertEquals("create index ix_docs_tags on archive.docs using gin (tags)",
                sql.createIndex(QualifiedName.of("archive", "docs"), index));
    }

    @Test
    void uniquePartialIndex() {
        Index index = new Index("ux_orders_open", true, "CREATE UNIQUE INDEX ux_orders_open ON public.orders USING btree (customer_id) WHERE (open)",
                "USING btree (customer_id) WHERE (open)", true, false);

        assertEquals("create unique index ux_orders_open on orders (customer_id) WHERE (open)", sql.createIndex(ORDERS, index));
    }
}
