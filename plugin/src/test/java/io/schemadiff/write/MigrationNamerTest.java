package io.schemadiff.write;

import io.schemadiff.diff.Change;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationNamerTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");
    private static final QualifiedName ACCOUNTS = QualifiedName.of("public", "accounts");
    private static final QualifiedName BUDGETS = QualifiedName.of("public", "budgets");

    private final MigrationNamer namer = new MigrationNamer();

    private static Column column(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Column.Generation.NONE);
    }

    private static Table budgets() {
        ForeignKey owner = new ForeignKey("fk_budgets_account", List.of("account_id"), ACCOUNTS, List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION, false, false);
        Index byYear = new Index("ix_budgets_year", false, "CREATE INDEX ix_budgets_year ON public.budgets USING btree (year)",
                "USING btree (year)", false, false);
        return new Table(BUDGETS,
                List.of(new Column("id", "bigint", false, null, Column.Generation.IDENTITY_BY_DEFAULT),
                        column("account_id", "bigint", false),
                        column("year", "integer", false),
                        column("amount", "numeric(12,2)", false)),
                new PrimaryKey("budgets_pkey", List.of("id")),
                List.of(owner),
                List.of(new UniqueKey("uk_budgets_account_year", List.of("account_id", "year"), false)),
                List.of(byYear),
                List.of(CheckConstraint.fromCatalog("ck_budgets_amount", "CHECK (amount >= 0::numeric)", List.of("amount"))));
    }

    private static Change.AlterColumn nullability(String name, boolean fromNullable, boolean toNullable) {
        return new Change.AlterColumn(USERS, column(name, "varchar(255)", fromNullable), column(name, "varchar(255)", toNullable));
    }

    @Test
    void aNewTableWithItsKeysIndexesAndSequenceIsOneTopic() {
        Table table = budgets();
        Sequence sequence = new Sequence(QualifiedName.of("public", "budget_seq"), "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false);
        List<Change> changes = List.of(
                new Change.CreateSequence(sequence),
                new Change.CreateTable(table),
                new Change.CreateIndex(BUDGETS, table.indexes().get(0)),
                new Change.AddForeignKey(BUDGETS, table.foreignKeys().get(0)));

        assertEquals("create_budgets_table", namer.describe(changes));
    }

    @Test
    void aNewTableNamesTheMigrationEvenWhenListedAfterOtherWork() {
        Table table = budgets();
        List<Change> changes = List.of(
                new Change.AddForeignKey(BUDGETS, table.foreignKeys().get(0)),
                new Change.CreateTable(table));

        assertEquals("create_budgets_table", namer.describe(changes));
    }

    @Test
    void addedColumn() {
        assertEquals("add_phone_to_accounts",
                namer.describe(List.of(new Change.AddColumn(ACCOUNTS, column("phone", "varchar(20)", true)))));
    }

    @Test
    void columnBecomesNotNull() {
        assertEquals("make_email_not_null_in_users", namer.describe(List.of(nullability("email", true, false))));
    }

    @Test
    void columnBecomesNullable() {
        assertEquals("make_email_nullable_in_users", namer.describe(List.of(nullability("email", false, true))));
    }

    @Test
    void columnTypeChange() {
        Change change = new Change.AlterColumn(USERS, column("email", "varchar(100)", true), column("email", "varchar(255)", true));

        assertEquals("change_email_type_in_users", namer.describe(List.of(change)));
    }

    @Test
    void droppedColumn() {
        assertEquals("remove_status_from_users",
                namer.describe(List.of(new Change.DropColumn(USERS, column("status", "varchar(20)", true)))));
    }

    @Test
    void newIndexIsNamedAfterItsColumns() {
        Index index = new Index("ix_users_email", false, "CREATE INDEX ix_users_email ON public.users USING btree (email)",
                "USING btree (email)", false, false);

        assertEquals("add_index_to_users_email", namer.describe(List.of(new Change.CreateIndex(USERS, index))));
    }

    @Test
    void newIndexOverSeveralColumnsLeavesOutSortOrder() {
        Index index = new Index("ix_users_name", false, "CREATE INDEX ix_users_name ON public.users USING btree (last_name DESC, first_name)",
                "USING btree (last_name DESC, first_name)", false, false);

        assertEquals("add_index_to_users_last_name_first_name",
                namer.describe(List.of(new Change.CreateIndex(USERS, index))));
    }

    @Test
    void twoTopicsNameTheFirstAndCountTheRest() {
        List<Change> changes = List.of(
                new Change.AddColumn(ACCOUNTS, column("phone", "varchar(20)", true)),
                new Change.DropColumn(USERS, column("status", "varchar(20)", true)));

        assertEquals("add_phone_to_accounts_and_1_more", namer.describe(changes));
    }

    /**
     * The build says "4 changes to 3 objects" beside the file name: "and N more" counts changes too, so a
     * reader adds one and N and finds the summary's count, even where one topic (a new table with its
     * sequence and key) holds several changes.
     */
    @Test
    void theCountIsOfChangesAsInTheSummaryNotOfTopics() {
        Table table = budgets();
        Sequence sequence = new Sequence(QualifiedName.of("public", "budget_seq"), "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false);
        List<Change> changes = List.of(
                new Change.CreateSequence(sequence),
                new Change.CreateTable(table),
                new Change.AddForeignKey(BUDGETS, table.foreignKeys().get(0)),
                new Change.AddColumn(ACCOUNTS, column("phone", "varchar(20)", true)));

        assertEquals("create_budgets_table_and_3_more", namer.describe(changes));
    }

    @Test
    void eachColumnOfOneTableIsItsOwnTopic() {
        List<Change> changes = List.of(
                new Change.AddColumn(ACCOUNTS, column("phone", "varchar(20)", true)),
                new Change.AddColumn(ACCOUNTS, column("fax", "varchar(20)", true)),
                nullability("email", true, false));

        assertEquals("add_phone_to_accounts_and_2_more", namer.describe(changes));
    }

    @Test
    void onlyASequenceStillGetsAName() {
        Sequence sequence = new Sequence(QualifiedName.of("public", "invoice_numbers"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);

        assertEquals("create_invoice_numbers_sequence", namer.describe(List.of(new Change.CreateSequence(sequence))));
    }

    @Test
    void slugOfAMessage() {
        assertEquals("add_phone_to_accounts", MigrationNamer.slug("Add phone, to Accounts!"));
        assertEquals("add_phone_to_accounts", MigrationNamer.slug("  --Add   phone to accounts--  "));
    }

    @Test
    void slugOfAccentedTextIsAscii() {
        String slug = MigrationNamer.slug("Ajouter le numéro de téléphone à la tâche, Übersicht");

        assertEquals("ajouter_le_numero_de_telephone_a_la_tache_ubersicht", slug);
        assertTrue(slug.chars().allMatch(c -> c < 128), slug);
    }

    @Test
    void slugOfNothingUsableIsStillAName() {
        assertEquals("migration", MigrationNamer.slug("!!! ???"));
    }

    @Test
    void longSlugsAreCutAtAWordBoundary() {
        String message = "add the customer loyalty programme membership tier and expiry date columns to the accounts table today";

        String slug = MigrationNamer.slug(message);

        assertTrue(slug.length() <= 80, slug.length() + ": " + slug);
        assertFalse(slug.endsWith("_"), slug);
        assertTrue(("_" + message.replace(' ', '_') + "_").startsWith("_" + slug + "_"), "cut between words: " + slug);
    }

    @Test
    void longSlugWithoutLateWordBreaksIsCutHard() {
        String slug = MigrationNamer.slug("a_" + "x".repeat(200));

        assertEquals(80, slug.length());
        assertFalse(slug.endsWith("_"));
    }

    @Test
    void longDescriptionsAreAtMostEightyCharacters() {
        QualifiedName table = QualifiedName.of("public", "customer_loyalty_programme_membership_history_entries");
        Change change = new Change.AddColumn(table, column("membership_tier_expiry_reminder_sent_at", "timestamp(6)", true));

        String name = namer.describe(List.of(change));

        assertTrue(name.length() <= 80, name.length() + ": " + name);
        assertFalse(name.endsWith("_"), name);
        assertTrue(name.startsWith("add_membership_tier_expiry_reminder_sent_at_to_customer_"), name);
    }

    /** Cutting a long "<main>_and_N_more" must not leave a dangling "_and" (or "_and_1") that says nothing. */
    @Test
    void cuttingALongMultiTopicNameLeavesNoDanglingConjunction() {
        QualifiedName table = QualifiedName.of("public", "x".repeat(62)); // "add_phone_to_" + 62 = 75 characters
        List<Change> changes = List.of(
                new Change.AddColumn(table, column("phone", "varchar(20)", true)),
                new Change.DropColumn(USERS, column("status", "varchar(20)", true)));

        String name = namer.describe(changes);

        assertTrue(name.length() <= 80, name);
        assertFalse(name.matches(".*_and(_\\d+)?$"), name);
    }

    @Test
    void quotedOrMixedCaseNamesBecomeLowerCaseWords() {
        Change change = new Change.AddColumn(QualifiedName.of("public", "Order Lines"), column("unitPrice", "numeric", true));

        assertEquals("add_unitprice_to_order_lines", namer.describe(List.of(change)));
    }
}
