package io.schemadiff.diff;

import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExclusionsTest {

    private static QualifiedName name(String schema, String table) {
        return QualifiedName.of(schema, table);
    }

    @Test
    void aBareNameMatchesThatTableInEverySchemaOnly() {
        Exclusions exclusions = Exclusions.of(List.of("shedlock"));
        assertTrue(exclusions.excludes(name("public", "shedlock")));
        assertTrue(exclusions.excludes(name("jobs", "shedlock")));
        assertFalse(exclusions.excludes(name("public", "shedlocks")));
        assertFalse(exclusions.excludes(name("public", "my_shedlock")));
    }

    @Test
    void aQualifiedNameMatchesOneSchema() {
        Exclusions exclusions = Exclusions.of(List.of("audit.events"));
        assertTrue(exclusions.excludes(name("audit", "events")));
        assertFalse(exclusions.excludes(name("public", "events")));
    }

    @Test
    void starStandsForAnyCharactersWithinAName() {
        Exclusions exclusions = Exclusions.of(List.of("audit.*_log", "*.qrtz_*"));
        assertTrue(exclusions.excludes(name("audit", "login_log")));
        assertTrue(exclusions.excludes(name("audit", "_log")));
        assertFalse(exclusions.excludes(name("audit", "log_entries")));
        assertTrue(exclusions.excludes(name("scheduler", "qrtz_triggers")));
        assertFalse(exclusions.excludes(name("scheduler", "triggers")));
    }

    @Test
    void matchingIgnoresCaseAsPostgresDoesForUnquotedNames() {
        assertTrue(Exclusions.of(List.of("ShedLock")).excludes(name("public", "shedlock")));
    }

    @Test
    void regexCharactersAreLiteral() {
        Exclusions exclusions = Exclusions.of(List.of("a+b"));
        assertTrue(exclusions.excludes(name("public", "a+b")));
        assertFalse(exclusions.excludes(name("public", "aab")));
    }

    @Test
    void blankPatternsAreIgnoredAndNoPatternsExcludeNothing() {
        assertSame(Exclusions.none(), Exclusions.of(List.of(" ", "")));
        assertFalse(Exclusions.none().excludes(name("public", "users")));
    }

    @Test
    void aMalformedPatternIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exclusions.of(List.of("a.b.c")));
        assertTrue(e.getMessage().contains("'a.b.c'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Exclusions.of(List.of("audit.")));
    }

    @Test
    void removedTablesAndSequencesAreReportedOnlyWhenAsked() {
        Table users = new Table(name("public", "users"),
                List.of(new Column("id", "bigint", false, null, Column.Generation.NONE)),
                null, List.of(), List.of(), List.of(), List.of());
        Table lock = new Table(name("public", "shedlock"),
                List.of(new Column("name", "character varying(64)", false, null, Column.Generation.NONE)),
                null, List.of(), List.of(), List.of(), List.of());
        Sequence sequence = new Sequence(name("public", "shedlock_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        DatabaseSchema schema = DatabaseSchema.of(Set.of("public"),
                Map.of(users.name(), users, lock.name(), lock), Map.of(sequence.name(), sequence));

        Exclusions exclusions = Exclusions.of(List.of("shedlock*"));
        DatabaseSchema reported = exclusions.removeFrom(schema, true);
        assertEquals(Set.of(users.name()), reported.tables().keySet());
        assertTrue(reported.sequences().isEmpty());
        assertEquals(List.of("table shedlock (schema.exclude)", "sequence shedlock_seq (schema.exclude)"),
                reported.unmanaged());
        assertEquals(List.of(), exclusions.removeFrom(schema, false).unmanaged());
    }
}
