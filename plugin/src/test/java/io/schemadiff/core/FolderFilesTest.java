package io.schemadiff.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing a migrations folder while another build writes and deletes files in it. */
class FolderFilesTest {

    @Test
    void listsRegularFilesSortedAndLeavesFoldersOut(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("postgresql"));
        Files.writeString(folder.resolve("V2__b.sql"), "b");
        Files.writeString(folder.resolve("postgresql").resolve("V1__a.sql"), "a");
        Files.writeString(folder.resolve("V1__a.sql"), "a");
        assertEquals(List.of(folder.resolve("V1__a.sql"), folder.resolve("V2__b.sql"),
                folder.resolve("postgresql").resolve("V1__a.sql")), FolderFiles.regularFiles(folder));
    }

    @Test
    void anyRegularFileLooksBelowFoldersThatHoldNone(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("postgresql").resolve("empty"));
        assertFalse(FolderFiles.anyRegularFile(folder));
        Files.writeString(folder.resolve("postgresql").resolve("V1__a.sql"), "a");
        assertTrue(FolderFiles.anyRegularFile(folder));
    }

    @Test
    void deletingQuietlyRemovesTheTreeAndToleratesNone(@TempDir Path folder) throws IOException {
        Path tree = Files.createDirectories(folder.resolve("work").resolve("inner"));
        Files.writeString(tree.resolve("result"), "x");
        FolderFiles.deleteQuietly(folder.resolve("work"));
        assertFalse(Files.exists(folder.resolve("work")));
        FolderFiles.deleteQuietly(folder.resolve("work"));
        FolderFiles.deleteQuietly(null);
    }

    @Test
    void aMissingFolderIsAnError(@TempDir Path folder) {
        assertThrows(NoSuchFileException.class, () -> FolderFiles.regularFiles(folder.resolve("missing")));
    }

    /**
     * Another build's write probe comes and goes while this one lists the folder: Files.walk failed such a
     * build now and then with an UncheckedIOException naming the probe; the listing leaves it out instead.
     */
    @Test
    void aFileDeletedWhileTheFolderIsListedWasNotThere(@TempDir Path folder) throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(folder.resolve("V" + i + "__m.sql"), "select 1;");
        }
        AtomicBoolean listing = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            int n = 0;
            while (listing.get()) {
                Path probe = folder.resolve(".schemadiff-write-probe-" + (n++ % 4));
                try {
                    Files.createFile(probe);
                    Files.delete(probe);
                } catch (IOException ignored) {
                    // the next one
                }
            }
        });
        prober.start();
        AtomicInteger walkFailures = new AtomicInteger();
        try {
            for (int i = 0; i < 3000; i++) {
                List<Path> files = FolderFiles.regularFiles(folder);
                assertTrue(files.size() >= 50, files.toString());
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.count();
                } catch (UncheckedIOException e) {
                    // what the plugin did before: counted, to show the race is real on this machine
                    walkFailures.incrementAndGet();
                }
            }
        } finally {
            listing.set(false);
            prober.join();
        }
        System.out.println("Files.walk failed " + walkFailures.get() + " times in 3,000 listings beside a writer");
    }
}
