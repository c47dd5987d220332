package io.schemadiff.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kept data folders: published whole, found with their notes, the least recently used evicted. */
class DatabaseSnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void aKeptFolderIsMovedInAndFoundWithItsDatabaseAndNotes() throws IOException {
        DatabaseSnapshots snapshots = new DatabaseSnapshots(dir.resolve("snapshots"));
        Path data = stoppedServer("a");

        assertTrue(snapshots.keep("snapshot-a", data, "schemadiff_reference_1", Map.of("migrations", "7")));

        assertFalse(Files.exists(data), "moved, not copied");
        DatabaseSnapshots.Snapshot found = snapshots.find("snapshot-a").orElseThrow();
        assertEquals("schemadiff_reference_1", found.database());
        assertEquals(Map.of("migrations", "7"), found.notes());
        assertEquals("a", Files.readString(found.dataFolder().resolve("PG_VERSION")));
        assertEquals(Optional.empty(), snapshots.find("snapshot-b"));
    }

    @Test
    void theFirstKeeperOfAKeyWinsAndTheSecondFolderStaysWithItsOwner() throws IOException {
        DatabaseSnapshots snapshots = new DatabaseSnapshots(dir.resolve("snapshots"));
        assertTrue(snapshots.keep("snapshot-a", stoppedServer("first"), "db", Map.of()));
        Path second = stoppedServer("second");

        assertFalse(snapshots.keep("snapshot-a", second, "db", Map.of()));

        assertTrue(Files.isDirectory(second));
        assertEquals("first", Files.readString(snapshots.find("snapshot-a").orElseThrow().dataFolder()
                .resolve("PG_VERSION")));
    }

    @Test
    void theLeastRecentlyUsedGoFirst() throws IOException {
        DatabaseSnapshots snapshots = new DatabaseSnapshots(dir.resolve("snapshots"));
        String[] keys = {"one", "two", "three"};
        for (int i = 0; i < keys.length; i++) {
            assertTrue(snapshots.keep("snapshot-" + keys[i], stoppedServer(keys[i]), "db", Map.of()));
            // kept a minute apart, oldest first
            Files.setLastModifiedTime(dir.resolve("snapshots/snapshot-" + keys[i]),
                    FileTime.fromMillis(System.currentTimeMillis() - (3 - i) * 60_000L));
        }
        // used again: now the most recent
        snapshots.find("snapshot-one").orElseThrow();

        assertTrue(snapshots.keep("snapshot-four", stoppedServer("four"), "db", Map.of()));

        assertTrue(snapshots.find("snapshot-one").isPresent());
        assertTrue(snapshots.find("snapshot-four").isPresent());
        try (var folders = Files.list(dir.resolve("snapshots"))) {
            assertEquals(DatabaseSnapshots.KEPT, folders.count());
        }
        assertTrue(snapshots.find("snapshot-three").isPresent());
        assertFalse(snapshots.find("snapshot-two").isPresent(), "the least recently used is gone");
        assertFalse(Files.exists(dir.resolve("snapshots/snapshot-two")));
    }

    @Test
    void fewerAreKeptWhenTheBuildSaysSo() throws IOException {
        DatabaseSnapshots one = new DatabaseSnapshots(dir.resolve("snapshots"), 1);
        assertTrue(one.keep("snapshot-one", stoppedServer("one"), "db", Map.of()));
        assertTrue(one.keep("snapshot-two", stoppedServer("two"), "db", Map.of()));
        assertTrue(one.find("snapshot-two").isPresent());
        assertFalse(one.find("snapshot-one").isPresent(), "only the one just kept stays");
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSnapshots(dir.resolve("snapshots"), 0));
    }

    @Test
    void aFolderWithoutItsNoteIsNotASnapshot() throws IOException {
        Files.createDirectories(dir.resolve("snapshots/snapshot-half"));
        assertEquals(Optional.empty(), new DatabaseSnapshots(dir.resolve("snapshots")).find("snapshot-half"));
    }

    @Test
    void keysThatAreNotFileNamesAreRefused() {
        DatabaseSnapshots snapshots = new DatabaseSnapshots(dir.resolve("snapshots"));
        assertThrows(IllegalArgumentException.class, () -> snapshots.find("../elsewhere"));
    }

    private Path stoppedServer(String version) throws IOException {
        Path data = Files.createTempDirectory(dir, "data-");
        Files.writeString(data.resolve("PG_VERSION"), version);
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("base/1/1259"), "catalog");
        return data;
    }
}
