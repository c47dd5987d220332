package io.schemadiff.diff;

import io.schemadiff.core.Dialect;
import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.schemadiff.diff.OnlinePlan.Form.COMPLETE;
import static io.schemadiff.diff.OnlinePlan.Form.ONLINE;
import static io.schemadiff.diff.OnlinePlan.Form.PLAIN;
import static io.schemadiff.diff.OnlinePlan.Form.PREPARE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which part of each change goes to the first migration and which to the lock-safe follow-up. */
class OnlinePlanTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    private static final QualifiedName FRESH = QualifiedName.of("public", "fresh");
    private static final Set<QualifiedName> WITH_ROWS = Set.of(USERS, ORDERS);

    private static Column column(String name, boolean nullable) {
        return new Column(name, "bigint", nullable, null, Column.Generation.NONE);
    }

    private static Index index(String name) {
        return new Index(name, false, "create index " + name + " on users (email)", "(email)", false, false);
    }

    private static ForeignKey fk(QualifiedName target, String column) {
        return new ForeignKey("fk_" + column, List.of(column), target, List.of(column), ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION, false, false);
    }

    @Test
    void constraintsAndNotNullAreSplitIndexesAndUniqueKeysMoveWhole() {
        Change check = new Change.AddCheck(USERS, CheckConstraint.fromCatalog("ck", "CHECK ((id > 0))", List.of("id")));
        Change fk = new Change.AddForeignKey(ORDERS, fk(USERS, "id"));
        Change notNull = new Change.AlterColumn(USERS, column("age", true), column("age", false));
        Change typeOnly = new Change.AlterColumn(USERS, new Column("n", "integer", true, null, Column.Generation.NONE),
                column("n", true));
        Change create = new Change.CreateIndex(USERS, index("ix_new"));
        Change drop = new Change.DropIndex(USERS, index("ix_old"));
        Change unique = new Change.AddUniqueKey(USERS, new UniqueKey("uk_email", List.of("email"), false));
        OnlinePlan plan = OnlinePlan.of(List.of(drop, notNull, typeOnly, check, unique, create, fk), WITH_ROWS,
                OnlinePlan.Mode.ONLINE, false);

        assertEquals(List.of(new OnlinePlan.Step(notNull, PREPARE), new OnlinePlan.Step(typeOnly, PLAIN),
                new OnlinePlan.Step(check, PREPARE), new OnlinePlan.Step(fk, PREPARE)), plan.first());
        assertEquals(List.of(new OnlinePlan.Step(drop, ONLINE), new OnlinePlan.Step(notNull, COMPLETE),
                new OnlinePlan.Step(check, COMPLETE), new OnlinePlan.Step(unique, ONLINE),
                new OnlinePlan.Step(create, ONLINE), new OnlinePlan.Step(fk, COMPLETE)), plan.followUp());
        assertEquals(List.of(notNull, typeOnly, check, fk, drop, unique, create), plan.changes());
    }

    @Test
    void aTableTheMigrationCreatesKeepsThePlainForms() {
        Change create = new Change.CreateIndex(FRESH, index("ix_fresh"));
        Change fk = new Change.AddForeignKey(FRESH, fk(USERS, "id"));
        OnlinePlan plan = OnlinePlan.of(List.of(create, fk), WITH_ROWS, OnlinePlan.Mode.ONLINE, false);
        assertEquals(List.of(new OnlinePlan.Step(create, PLAIN), new OnlinePlan.Step(fk, PLAIN)), plan.first());
        assertTrue(plan.followUp().isEmpty());
    }

    @Test
    void aForeignKeyOnAUniqueKeyTheFollowUpBuildsComesAfterItThere() {
        Change unique = new Change.AddUniqueKey(USERS, new UniqueKey("uk_code", List.of("code"), false));
        Change fk = new Change.AddForeignKey(ORDERS, fk(USERS, "code"));
        OnlinePlan plan = OnlinePlan.of(List.of(unique, fk), WITH_ROWS, OnlinePlan.Mode.ONLINE, false);
        assertTrue(plan.first().isEmpty(), "NOT VALID still needs the unique index the follow-up builds");
        assertEquals(List.of(new OnlinePlan.Step(unique, ONLINE), new OnlinePlan.Step(fk, ONLINE)), plan.followUp());
    }

    @Test
    void anIndexDroppedWithItsColumnStaysWithTheColumnDrop() {
        Change dropColumn = new Change.DropColumn(USERS, column("email", true));
        Change dropIndex = new Change.DropIndex(USERS, index("ix_email"));
        OnlinePlan plan = OnlinePlan.of(List.of(dropIndex, dropColumn), WITH_ROWS, OnlinePlan.Mode.ONLINE, false);
        assertEquals(List.of(new OnlinePlan.Step(dropIndex, PLAIN), new OnlinePlan.Step(dropColumn, PLAIN)),
                plan.first());
    }

    @Test
    void concurrentIndexesAloneMovesOnlyIndexBuildsAndPlainMovesNothing() {
        Change create = new Change.CreateIndex(USERS, index("ix_new"));
        Change check = new Change.AddCheck(USERS, CheckConstraint.fromCatalog("ck", "CHECK ((id > 0))", List.of("id")));
        OnlinePlan indexes = OnlinePlan.of(List.of(check, create), WITH_ROWS, OnlinePlan.Mode.INDEXES, false);
        assertEquals(List.of(new OnlinePlan.Step(check, PLAIN)), indexes.first());
        assertEquals(List.of(new OnlinePlan.Step(create, ONLINE)), indexes.followUp());
        OnlinePlan plain = OnlinePlan.of(List.of(check, create), WITH_ROWS, OnlinePlan.Mode.PLAIN, false);
        assertTrue(plain.followUp().isEmpty());
    }

    @Test
    void whatIsBuiltOnlineIsNotLockHeavyWhatRewritesStillIs() {
        Table users = new Table(USERS, List.of(column("id", false)), null, List.of(), List.of(), List.of(), List.of());
        DatabaseSchema reference = DatabaseSchema.of(Set.of("public"), Map.of(USERS, users), Map.of());
        Change create = new Change.CreateIndex(USERS, index("ix_new"));
        Change unique = new Change.AddUniqueKey(USERS, new UniqueKey("uk_email", List.of("email"), false));
        Change rewrite = new Change.AlterColumn(USERS, new Column("n", "integer", true, null, Column.Generation.NONE),
                column("n", true));
        List<SafetyLint.Finding> plain = SafetyLint.review(List.of(create, unique, rewrite), reference,
                Dialect.POSTGRESQL, OnlinePlan.Mode.PLAIN);
        List<SafetyLint.Finding> online = SafetyLint.review(List.of(create, unique, rewrite), reference,
                Dialect.POSTGRESQL, OnlinePlan.Mode.ONLINE);
        assertTrue(plain.get(0).has(SafetyLint.Risk.LOCK_HEAVY) && plain.get(1).has(SafetyLint.Risk.LOCK_HEAVY));
        assertFalse(online.get(0).has(SafetyLint.Risk.LOCK_HEAVY));
        assertFalse(online.get(1).has(SafetyLint.Risk.LOCK_HEAVY));
        assertTrue(online.get(1).has(SafetyLint.Risk.DATA_DEPENDENT), "duplicates still fail the build");
        assertEquals(List.of("rewrites the table under an exclusive lock"),
                online.get(2).reasons(SafetyLint.Risk.LOCK_HEAVY));
    }
}
