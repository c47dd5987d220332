package io.schemadiff.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Class archives: written once, published whole, and few of them kept. */
class ClassArchiveTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void aNewArchiveTakesItsPlaceAndOnlyTheLastUsedAreKept(@TempDir Path folder) throws IOException {
        Path archives = Files.createDirectories(folder.resolve("archives"));
        Instant now = Instant.now();
        for (int hours = 1; hours <= 5; hours++) {
            Path old = Files.write(archives.resolve("model-old" + hours + ".jsa"), new byte[]{1});
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(hours))));
        }
        Path forgotten = Files.write(archives.resolve("model-forgotten.jsa"), new byte[]{1});
        Files.setLastModifiedTime(forgotten, FileTime.from(now.minus(Duration.ofDays(30))));
        // left by a build killed while its model JVM wrote an archive, and by one writing now
        Path abandoned = Files.write(archives.resolve("model-abc.jsa123.partial"), new byte[]{1});
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));
        Path writing = Files.write(archives.resolve("model-def.jsa456.partial"), new byte[]{1});
        List<Path> classpath = List.of(Files.write(folder.resolve("plugin.jar"), new byte[]{1, 2, 3}));

        ClassArchive launch = ClassArchive.in(archives, JAVA, classpath).forLaunch();
        assertTrue(launch.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), launch.jvmOptions().toString());
        writeAsTheJvmDoes(launch);
        launch.publish(true);

        assertTrue(ClassArchive.in(archives, JAVA, classpath).forLaunch().jvmOptions().get(0)
                .startsWith("-XX:SharedArchiveFile="));
        try (Stream<Path> files = Files.list(archives)) {
            List<String> left = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(ClassArchive.KEPT + 1, left.size(), left.toString());
            assertTrue(left.contains(writing.getFileName().toString()), left.toString());
            assertTrue(left.containsAll(List.of("model-old1.jsa", "model-old2.jsa", "model-old3.jsa")), left.toString());
        }
    }

    @Test
    void aJdkThatWritesNoArchiveIsNotAskedAgain(@TempDir Path folder) throws IOException {
        List<Path> classpath = List.of(Files.write(folder.resolve("plugin.jar"), new byte[]{1}));
        ClassArchive launch = ClassArchive.in(folder, JAVA, classpath).forLaunch();
        assertTrue(launch.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
        launch.publish(true);
        assertEquals(List.of(), ClassArchive.in(folder, JAVA, classpath).forLaunch().jvmOptions());
    }

    @Test
    void aJvmThatFailedPublishesNothingAndTheNextTriesAgain(@TempDir Path folder) throws IOException {
        List<Path> classpath = List.of(Files.write(folder.resolve("plugin.jar"), new byte[]{1}));
        ClassArchive launch = ClassArchive.in(folder, JAVA, classpath).forLaunch();
        writeAsTheJvmDoes(launch);
        launch.publish(false);
        try (Stream<Path> files = Files.list(folder)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")
                    || p.getFileName().toString().endsWith(".partial")));
        }
        assertTrue(ClassArchive.in(folder, JAVA, classpath).forLaunch().jvmOptions().get(0)
                .startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void anArchiveAJvmFailedOnIsWrittenAgain(@TempDir Path folder) throws IOException {
        List<Path> classpath = List.of(Files.write(folder.resolve("plugin.jar"), new byte[]{1}));
        ClassArchive writing = ClassArchive.in(folder, JAVA, classpath).forLaunch();
        writeAsTheJvmDoes(writing);
        writing.publish(true);
        // a JVM that mapped it ended without a model
        ClassArchive.in(folder, JAVA, classpath).forLaunch().discardIfMapped();
        assertTrue(ClassArchive.in(folder, JAVA, classpath).forLaunch().jvmOptions().get(0)
                .startsWith("-XX:ArchiveClassesAtExit="));
    }

    /** What the JVM writes at its exit to the file {@code -XX:ArchiveClassesAtExit} names. */
    private static void writeAsTheJvmDoes(ClassArchive launch) throws IOException {
        String option = launch.jvmOptions().get(0);
        Files.write(Path.of(option.substring(option.indexOf('=') + 1)), new byte[]{4, 5, 6});
    }
}
