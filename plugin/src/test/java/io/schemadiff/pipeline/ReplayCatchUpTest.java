package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.CatalogKeys;
import io.schemadiff.write.MigrationNaming;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kept replay is brought up to date only where Flyway's catching up equals a replay from scratch. */
class ReplayCatchUpTest {

    private static final MigrationNaming NAMING = MigrationNaming.FLYWAY_DEFAULTS;

    @Test
    void filesAddedAfterEveryKeptVersionAreCaughtUp() {
        assertTrue(ReplayCatchUp.canCatchUp(List.of("V1__a.sql aa", "V2__b.sql bb"),
                List.of("V1__a.sql aa", "V2__b.sql bb", "V2_1__c.sql cc", "V10__d.sql dd"), NAMING));
        assertTrue(ReplayCatchUp.canCatchUp(List.of("postgresql/V1_20_4__a__POSTGRESQL.sql aa"),
                List.of("postgresql/V1_20_4__a__POSTGRESQL.sql aa", "postgresql/V1_20_5__b__POSTGRESQL.sql bb"),
                new MigrationNaming("V", "__", List.of("__POSTGRESQL.sql", ".sql"), "R", null, false)));
    }

    @Test
    void whatAReplayFromScratchWouldDoOtherwiseIsNot() {
        List<String> kept = List.of("V1__a.sql aa", "V3__c.sql cc");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V1__a.sql aa", "V3__c.sql cc"), NAMING), "nothing added");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V1__a.sql a2", "V3__c.sql cc", "V4__d.sql dd"), NAMING),
                "a kept file edited in place");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V3__c.sql cc", "V4__d.sql dd"), NAMING), "a file removed");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V1__a.sql aa", "V2__b.sql bb", "V3__c.sql cc"), NAMING),
                "added before a kept version: out of order");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V1__a.sql aa", "V3__c.sql cc", "R__views.sql rr"), NAMING),
                "a repeatable migration runs last in a replay");
        assertFalse(ReplayCatchUp.canCatchUp(List.of("V1__a.sql aa", "afterMigrate.sql cb"),
                List.of("V1__a.sql aa", "afterMigrate.sql cb", "V2__b.sql bb"), NAMING), "a callback runs again");
        assertFalse(ReplayCatchUp.canCatchUp(kept, List.of("V1__a.sql aa", "V3__c.sql cc", "V4__d.sql dd",
                "V4__d.sql.conf ee"), NAMING), "a script configuration");
    }

    @Test
    void notesMatchOnlyTheSameSettingsLocationsPluginAndServer() {
        CatalogCache cache = new CatalogCache(Path.of("unused"), "plugin 1, server 14.22");
        String before = inputs("flyway settings A", "V1__a.sql aa");
        Map<String, String> notes = ReplayCatchUp.notes(before, cache);
        String after = inputs("flyway settings A", "V1__a.sql aa", "V2__b.sql bb");
        assertTrue(ReplayCatchUp.from(after, NAMING, cache).test(notes));
        assertFalse(ReplayCatchUp.from(inputs("flyway settings B", "V1__a.sql aa", "V2__b.sql bb"), NAMING, cache)
                .test(notes));
        assertFalse(ReplayCatchUp.from(after, NAMING, new CatalogCache(Path.of("unused"), "plugin 2, server 14.22"))
                .test(notes), "another build of the plugin");
        assertFalse(ReplayCatchUp.from(null, NAMING, cache).test(notes));
    }

    @Test
    void theInputsAreReadBackLineByLineEvenWithNewlinesInAValue() {
        String inputs = "dialect 10 postgresql\nflyway 9 a\nb\nc=1 2\nhistory -1 null\nfile 9 V1__a.sql\nfile 5 R__ok\n";
        assertEquals(List.of("V1__a.sql", "R__ok"), CatalogKeys.files(inputs));
        assertEquals("dialect 10 postgresql\nflyway 9 a\nb\nc=1 2\nhistory -1 null\n", CatalogKeys.withoutFiles(inputs));
    }

    private static String inputs(String settings, String... files) {
        StringBuilder text = new StringBuilder("flyway " + settings.length() + " " + settings + "\n");
        for (String file : files) {
            text.append("file ").append(file.length()).append(' ').append(file).append('\n');
        }
        return text.toString();
    }
}
