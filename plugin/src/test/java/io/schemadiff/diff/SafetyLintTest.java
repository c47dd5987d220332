package io.schemadiff.diff;

import io.schemadiff.core.Dialect;
import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.schemadiff.diff.SafetyLint.Risk.DATA_DEPENDENT;
import static io.schemadiff.diff.SafetyLint.Risk.DESTRUCTIVE;
import static io.schemadiff.diff.SafetyLint.Risk.INTEGRITY;
import static io.schemadiff.diff.SafetyLint.Risk.PERFORMANCE;
import static io.schemadiff.diff.SafetyLint.Risk.LOCK_HEAVY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyLintTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");
    private static final QualifiedName NEW_TABLE = QualifiedName.of("public", "fresh");

    private static Column column(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Column.Generation.NONE);
    }

    private static final Table USERS_TABLE = new Table(USERS, List.of(column("id", "bigint", false)), null,
            List.of(), List.of(), List.of(), List.of());
    private static final DatabaseSchema REFERENCE = DatabaseSchema.of(Set.of("public"), Map.of(USERS, USERS_TABLE), Map.of());

    private static Set<SafetyLint.Risk> risks(Change change) {
        return SafetyLint.review(List.of(change), REFERENCE).get(0).risks();
    }

    private static Set<SafetyLint.Risk> typeChange(String from, String to) {
        return risks(new Change.AlterColumn(USERS, column("c", from, true), column("c", to, true)));
    }

    @Test
    void dropsLoseData() {
        assertEquals(EnumSet.of(DESTRUCTIVE), risks(new Change.DropTable(USERS_TABLE)));
        assertEquals(EnumSet.of(DESTRUCTIVE), risks(new Change.DropColumn(USERS, column("email", "text", true))));
    }

    @Test
    void widerTypesAreSafeNarrowerOnesLoseData() {
        assertEquals(Set.of(), typeChange("character varying(20)", "character varying(40)"));
        assertEquals(Set.of(), typeChange("character varying(20)", "text"));
        assertEquals(Set.of(), typeChange("numeric(10,2)", "numeric(19,2)"));
        assertEquals(Set.of(), typeChange("timestamp(3) without time zone", "timestamp(6) without time zone"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("character varying(40)", "character varying(20)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("text", "character varying(20)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("numeric(19,4)", "numeric(19,2)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("double precision", "real"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY),
                typeChange("timestamp(6) with time zone", "timestamp(0) with time zone"));
    }

    @Test
    void wideningsAreNeverNarrowingsInEitherDialectsSpelling() {
        for (String[] widening : new String[][]{
                {"datetime", "datetime(6)"}, {"timestamp(3)", "timestamp(6)"}, {"time", "time(3)"},
                {"character(64)", "character varying(64)"}, {"char(64)", "varchar(64)"}, {"char(10)", "varchar(20)"},
                {"varchar(50)", "varchar(100)"}, {"varchar(255)", "longtext"}, {"numeric(10,2)", "numeric(12,2)"},
                {"decimal(10,2)", "decimal(12,2)"}, {"int", "bigint"}, {"integer", "bigint"}, {"smallint", "int"},
                {"tinyint", "mediumint"}}) {
            Set<SafetyLint.Risk> risks = typeChange(widening[0], widening[1]);
            assertTrue(!risks.contains(DESTRUCTIVE) && !risks.contains(DATA_DEPENDENT),
                    widening[0] + " -> " + widening[1] + " is a widening, not " + risks);
        }
    }

    @Test
    void trueNarrowingsStillLoseData() {
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("datetime(6)", "datetime"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("timestamp(6)", "timestamp(3)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("varchar(100)", "varchar(50)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("character varying(64)", "character(32)"));
        assertEquals(EnumSet.of(DESTRUCTIVE, LOCK_HEAVY), typeChange("decimal(12,4)", "decimal(12,2)"));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY), typeChange("bigint", "int"));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY), typeChange("int", "tinyint"));
    }

    @Test
    void removingUniquenessIsAnIntegrityRiskAndAnIndexAPerformanceOne() {
        Index plain = new Index("ix_users_email", false, "create index ix on users (email)", "(email)", false, false);
        Index unique = new Index("ux_users_email", true, "create unique index ux on users (email)", "(email)", false, false);
        assertEquals(EnumSet.of(PERFORMANCE), risks(new Change.DropIndex(USERS, plain)));
        assertEquals(EnumSet.of(INTEGRITY, PERFORMANCE), risks(new Change.DropIndex(USERS, unique)));
        assertEquals(EnumSet.of(INTEGRITY),
                risks(new Change.DropUniqueKey(USERS, new UniqueKey("uk_users_email", List.of("email"), false))));
        assertEquals(EnumSet.of(INTEGRITY), risks(new Change.DropCheck(USERS,
                CheckConstraint.fromCatalog("ck_age", "CHECK ((age > 0))", List.of("age")))));
        assertEquals("integrity", SafetyLint.review(List.of(new Change.DropUniqueKey(USERS,
                new UniqueKey("uk_users_email", List.of("email"), false))), REFERENCE).get(0).severity());
    }

    @Test
    void aRemovalThePlanPutsBackIsNoRemoval() {
        UniqueKey old = new UniqueKey("uk_old", List.of("email"), false);
        UniqueKey renamed = new UniqueKey("uk_new", List.of("email"), false);
        assertTrue(SafetyLint.review(List.of(new Change.DropUniqueKey(USERS, old), new Change.AddUniqueKey(USERS, renamed)),
                REFERENCE).get(0).safe(), "dropped and added again under another name");
    }

    @Test
    void aForeignKeyRuleChangeIsAnIntegrityRiskThatSaysWhatChanges() {
        io.schemadiff.schema.ForeignKey cascade = new io.schemadiff.schema.ForeignKey("fk", List.of("team_id"),
                QualifiedName.of("public", "teams"), List.of("id"), io.schemadiff.schema.ForeignKey.Action.CASCADE,
                io.schemadiff.schema.ForeignKey.Action.NO_ACTION, false, false);
        io.schemadiff.schema.ForeignKey noAction = new io.schemadiff.schema.ForeignKey("fk", List.of("team_id"),
                QualifiedName.of("public", "teams"), List.of("id"), io.schemadiff.schema.ForeignKey.Action.NO_ACTION,
                io.schemadiff.schema.ForeignKey.Action.NO_ACTION, false, false);
        SafetyLint.Finding finding = SafetyLint.review(List.of(new Change.AlterForeignKey(USERS, cascade, noAction)),
                REFERENCE).get(0);
        assertEquals(EnumSet.of(INTEGRITY), finding.risks());
        assertTrue(finding.reasons().get(0).contains("on delete cascade -> no action"), finding.reasons().toString());
    }

    @Test
    void integerWideningRewritesAndNarrowingCanFail() {
        assertEquals(EnumSet.of(LOCK_HEAVY), typeChange("integer", "bigint"));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY), typeChange("bigint", "integer"));
    }

    @Test
    void aCastBetweenFamiliesDependsOnTheData() {
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY), typeChange("character varying(20)", "integer"));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY),
                typeChange("timestamp(6) without time zone", "timestamp(6) with time zone"));
    }

    @Test
    void notNullOnExistingRowsDependsOnTheData() {
        assertEquals(EnumSet.of(DATA_DEPENDENT),
                risks(new Change.AddColumn(USERS, column("phone", "text", false))));
        assertEquals(Set.of(), risks(new Change.AddColumn(USERS,
                new Column("phone", "text", false, "'none'::text", Column.Generation.NONE))), "a default fills the rows");
        assertEquals(Set.of(), risks(new Change.AddColumn(USERS, column("phone", "text", true))));
        assertEquals(EnumSet.of(DATA_DEPENDENT),
                risks(new Change.AlterColumn(USERS, column("email", "text", true), column("email", "text", false))));
        assertEquals(Set.of(),
                risks(new Change.AlterColumn(USERS, column("email", "text", false), column("email", "text", true))));
    }

    @Test
    void indexesAndConstraintsOnExistingTablesLockOrDependOnTheData() {
        Index plain = new Index("ix", false, "create index ix on users (email)", "(email)", false, false);
        Index unique = new Index("ux", true, "create unique index ux on users (email)", "(email)", false, false);
        assertEquals(EnumSet.of(LOCK_HEAVY), risks(new Change.CreateIndex(USERS, plain)));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY), risks(new Change.CreateIndex(USERS, unique)));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY),
                risks(new Change.AddUniqueKey(USERS, new UniqueKey("uk", List.of("email"), false))));
        assertEquals(EnumSet.of(DATA_DEPENDENT), risks(new Change.AddCheck(USERS,
                CheckConstraint.fromCatalog("ck", "CHECK ((age > 0))", List.of("age")))));
    }

    @Test
    void onMariaDbIndexesAreBuiltOnlineButAPrimaryKeyRebuildsTheTable() {
        Index unique = new Index("ux", true, "create unique index ux on users (email)", "(email)", false, false);
        assertEquals(EnumSet.of(DATA_DEPENDENT), mariadb(new Change.CreateIndex(USERS, unique)));
        assertEquals(EnumSet.of(DATA_DEPENDENT),
                mariadb(new Change.AddUniqueKey(USERS, new UniqueKey("uk", List.of("email"), false))));
        assertEquals(EnumSet.of(DATA_DEPENDENT, LOCK_HEAVY),
                mariadb(new Change.AddPrimaryKey(USERS, new io.schemadiff.schema.PrimaryKey("PRIMARY", List.of("id")))));
        assertTrue(SafetyLint.review(List.of(new Change.CreateIndex(USERS, unique)), REFERENCE, Dialect.MARIADB).get(0)
                .reasons().stream().noneMatch(r -> r.contains("CONCURRENTLY")), "no PostgreSQL advice on MariaDB");
    }

    private static Set<SafetyLint.Risk> mariadb(Change change) {
        return SafetyLint.review(List.of(change), REFERENCE, Dialect.MARIADB).get(0).risks();
    }

    @Test
    void aTableTheMigrationCreatesRisksNothing() {
        Index plain = new Index("ix", false, "create index ix on fresh (email)", "(email)", false, false);
        assertTrue(SafetyLint.review(List.of(new Change.CreateIndex(NEW_TABLE, plain),
                new Change.AddColumn(NEW_TABLE, column("phone", "text", false))), REFERENCE).stream()
                .allMatch(SafetyLint.Finding::safe));
    }

    @Test
    void theMostSevereRiskNamesTheFindingAndEveryRiskHasAReason() {
        SafetyLint.Finding finding = SafetyLint.review(List.of(new Change.AlterColumn(USERS,
                column("c", "character varying(40)", true), column("c", "character varying(20)", false))), REFERENCE).get(0);
        assertEquals("destructive", finding.severity());
        assertEquals(3, finding.reasons().size(), "NOT NULL, narrowing and the rewrite each give a reason");
        assertEquals(EnumSet.of(DESTRUCTIVE, DATA_DEPENDENT, LOCK_HEAVY), finding.risks());
    }
}
