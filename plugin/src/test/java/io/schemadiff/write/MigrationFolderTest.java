package io.schemadiff.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFolderTest {

    /** Far from any timestamp version used below; must not matter for plain versions. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path migrations() {
        return dir.resolve("db/migration");
    }

    private void touch(String relative) throws IOException {
        Path file = migrations().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;\n");
    }

    private String next(String... files) throws IOException {
        for (String file : files) {
            touch(file);
        }
        return MigrationFolder.scan(migrations()).nextVersion(CLOCK);
    }

    @Test
    void missingFolderStartsAtOne() {
        MigrationFolder folder = MigrationFolder.scan(dir.resolve("does-not-exist"));

        assertTrue(folder.migrations().isEmpty());
        assertTrue(folder.latest().isEmpty());
        assertEquals("1", folder.nextVersion(CLOCK));
    }

    @Test
    void emptyFolderStartsAtOne() throws IOException {
        Files.createDirectories(migrations());

        assertEquals("1", MigrationFolder.scan(migrations()).nextVersion(CLOCK));
    }

    @Test
    void folderWithoutVersionedMigrationsStartsAtOne() throws IOException {
        assertEquals("1", next("R__views.sql", "README.md", "V__no_version.sql", "1__no_prefix.sql"));
    }

    @Test
    void integersContinue() throws IOException {
        assertEquals("4", next("V1__init.sql", "V2__users.sql", "V3__orders.sql"));
    }

    @Test
    void underscoreSeparatedVersionsIncrementTheLastPart() throws IOException {
        assertEquals("1_2", next("V1__init.sql", "V1_1__users.sql"));
    }

    @Test
    void dotSeparatedVersionsIncrementTheLastPart() throws IOException {
        assertEquals("1.3", next("V1.1__init.sql", "V1.2__users.sql"));
    }

    @Test
    void zeroPaddingIsKept() throws IOException {
        assertEquals("008", next("V006__a.sql", "V007__b.sql"));
    }

    @Test
    void nineBecomesTen() throws IOException {
        assertEquals("10", next("V8__a.sql", "V9__b.sql"));
    }

    @Test
    void paddedVersionGrowsIntoItsPadding() throws IOException {
        assertEquals("100", next("V098__a.sql", "V099__b.sql"));
    }

    @Test
    void mixedSchemesContinueFromTheHighest() throws IOException {
        assertEquals("3", next("V1__init.sql", "V1_1__hotfix.sql", "V2__users.sql"));
    }

    @Test
    void versionsAreComparedNumericallyNotAsText() throws IOException {
        touch("V2__b.sql");
        touch("V9__c.sql");
        touch("V10__d.sql");
        touch("V1__a.sql");
        MigrationFolder folder = MigrationFolder.scan(migrations());

        assertEquals("10", folder.latest().orElseThrow().version());
        assertEquals(List.of("1", "2", "9", "10"),
                folder.migrations().stream().map(MigrationFolder.Migration::version).toList());
        assertEquals("11", folder.nextVersion(CLOCK));
    }

    @Test
    void subFoldersRepeatablesAndOtherFilesAreHandled() throws IOException {
        touch("V1__init.sql");
        touch("2024/V2__users.sql");
        touch("2025/q1/V3__orders.sql");
        touch("R__views.sql");                  // repeatable: no version
        touch("R__zz_late_repeatable.sql");
        touch("U3__undo_orders.sql");           // undo: not a versioned migration
        touch("V4__draft.sql.bak");             // not .sql
        touch("V5__notes.txt");
        touch("notes.md");
        Files.createDirectories(migrations().resolve("V7__a_folder.sql")); // a directory, not a file
        MigrationFolder folder = MigrationFolder.scan(migrations());

        assertEquals(List.of("1", "2", "3"),
                folder.migrations().stream().map(MigrationFolder.Migration::version).toList());
        MigrationFolder.Migration latest = folder.latest().orElseThrow();
        assertEquals(migrations().resolve("2025/q1/V3__orders.sql"), latest.file());
        assertEquals("orders", latest.description());
        assertEquals("4", folder.nextVersion(CLOCK));
    }

    @Test
    void latestIsTheHighestVersionWhateverTheFileOrder() throws IOException {
        touch("a/V3__c.sql");
        touch("z/V1_5__b.sql");
        touch("V1__a.sql");
        touch("m/V2_10__d.sql");
        touch("V2_9__e.sql");

        MigrationFolder.Migration latest = MigrationFolder.scan(migrations()).latest().orElseThrow();

        assertEquals("3", latest.version());
        assertEquals("c", latest.description());
    }

    @Test
    void multiPartVersionsCompareEachPartNumerically() throws IOException {
        assertEquals("2_11", next("V2_9__a.sql", "V2_10__b.sql"));
    }

    @Test
    void timestampVersionBecomesTheClockTimeInUtc() throws IOException {
        touch("V20261124093000__init.sql");
        touch("V20261124100000__users.sql");
        // the clock's own zone (UTC+02:00 here) does not matter: versions are UTC
        Clock later = Clock.fixed(Instant.parse("2026-11-24T10:30:45Z"), ZoneId.of("Europe/Helsinki"));

        assertEquals("20261124103045", MigrationFolder.scan(migrations()).nextVersion(later));
    }

    @Test
    void timestampVersionNeverGoesBackwardsWithAnEarlierClock() throws IOException {
        touch("V20261124093000__init.sql");
        Clock earlier = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

        assertEquals("20261124093001", MigrationFolder.scan(migrations()).nextVersion(earlier));
    }

    @Test
    void timestampVersionNeverRepeatsWithTheSameInstant() throws IOException {
        touch("V20261124093000__init.sql");
        Clock same = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);

        assertEquals("20261124093001", MigrationFolder.scan(migrations()).nextVersion(same));
    }

    /**
     * Flyway (flyway-core's BaselineMigrationResolver, prefix "B") starts a new database from the latest baseline
     * migration and skips versioned migrations at or below it, so the next version must be above the baseline too.
     */
    @Test
    void baselineMigrationVersionIsNotReused() throws IOException {
        touch("archive/V1__init.sql");
        touch("archive/V2__users.sql");
        touch("B5__squashed.sql");

        assertEquals("6", MigrationFolder.scan(migrations()).nextVersion(CLOCK));
    }

    @Test
    void undoMigrationsDoNotCount() throws IOException {
        assertEquals("3", next("V1__init.sql", "V2__users.sql", "U2__undo_users.sql"));
    }

    /** "In the project's own scheme": a yyyyMMddHHmm project must not get a yyyyMMddHHmmss version. */
    @Test
    void minuteTimestampSchemeKeepsItsLength() throws IOException {
        touch("V202611240930__init.sql");
        MigrationFolder folder = MigrationFolder.scan(migrations());

        assertEquals("202611241030",
                folder.nextVersion(Clock.fixed(Instant.parse("2026-11-24T10:30:45Z"), ZoneOffset.UTC)));
        assertEquals("202611240931",
                folder.nextVersion(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void longerTimestampSchemeIsPaddedToItsLength() throws IOException {
        touch("V20261124093000000__init.sql"); // yyyyMMddHHmmssSSS

        assertEquals("20261124103045000", MigrationFolder.scan(migrations())
                .nextVersion(Clock.fixed(Instant.parse("2026-11-24T10:30:45Z"), ZoneOffset.UTC)));
    }

    @Test
    void plainVersionsIgnoreTheClock() throws IOException {
        touch("V41__a.sql");
        MigrationFolder folder = MigrationFolder.scan(migrations());

        assertEquals("42", folder.nextVersion(Clock.fixed(Instant.parse("1999-01-01T00:00:00Z"), ZoneOffset.UTC)));
        assertEquals("42", folder.nextVersion(Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void integerSchemeTakesTheNextWholeNumber() throws IOException {
        touch("V1_2__split.sql");
        assertEquals("2", MigrationFolder.scan(migrations()).nextVersion(CLOCK, MigrationFolder.VersionScheme.INTEGER));
    }

    @Test
    void timestampSchemeTakesTheClockAndNeverGoesBackwards() throws IOException {
        touch("V7__seven.sql");
        MigrationFolder folder = MigrationFolder.scan(migrations());
        assertEquals("20300102030405", folder.nextVersion(CLOCK, MigrationFolder.VersionScheme.TIMESTAMP));

        touch("V20990101000000__future.sql");
        assertEquals("20990101000001", MigrationFolder.scan(migrations())
                .nextVersion(CLOCK, MigrationFolder.VersionScheme.TIMESTAMP));
    }

    @Test
    void autoContinuesTheFoldersSchemeAndUnknownSchemesAreRejected() throws IOException {
        touch("V007__padded.sql");
        assertEquals("008", MigrationFolder.scan(migrations()).nextVersion(CLOCK, MigrationFolder.VersionScheme.AUTO));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MigrationFolder.VersionScheme.parse("semver"));
        assertTrue(e.getMessage().contains("'semver'"), e.getMessage());
    }
}
