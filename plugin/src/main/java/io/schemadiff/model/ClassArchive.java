package io.schemadiff.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model JVM's class data sharing archive (JDK CDS): Hibernate's classes as the JVM had them parsed and
 * verified after one model stage, mapped from a file by the next JVM instead of loaded again, which halves
 * the stage in a fresh JVM. One archive per JDK and plugin classpath (paths, sizes, times), made by the first
 * model JVM that finds none, in the temporary folder, like the servers' prepared folders. A JDK that cannot
 * write one (no base archive) leaves a marker, so that the next builds do not try again.
 */
final class ClassArchive {

    /** Archives nobody used for this long are deleted when a new one is made. */
    private static final Duration UNUSED = Duration.ofDays(14);
    /** At most this many archives are kept (a snapshot rebuilt all day makes one per build), the last used. */
    static final int KEPT = 4;
    /** A partial archive this old was left by a build that was killed; a live one is minutes old at most. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path archive;
    private final Path writing;

    private ClassArchive(Path archive, Path writing) {
        this.archive = archive;
        this.writing = writing;
    }

    /** No archive: the classpath holds a folder, which the JVM does not archive from. */
    static ClassArchive none() {
        return new ClassArchive(null, null);
    }

    /** The archive in {@code folder} for the JVM {@code java} with {@code classpath}. */
    static ClassArchive in(Path folder, Path java, List<Path> classpath) {
        if (classpath.stream().anyMatch(Files::isDirectory)) {
            return none();
        }
        return new ClassArchive(folder.resolve("model-" + key(java, classpath) + ".jsa"), null);
    }

    /** The JDK's and the classpath's stamp: a short hash of the JVM and each jar's path, size and time. */
    static String key(Path java, List<Path> classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((java.toAbsolutePath() + "\n" + System.getProperty("java.vm.version") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path element : classpath) {
                String stamp = element.toAbsolutePath() + "\t" + sizeAndTime(element) + "\n";
                digest.update(stamp.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sizeAndTime(Path file) {
        try {
            return Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /** The JVM options that use the archive, or that write it at the JVM's exit when there is none yet. */
    ClassArchive forLaunch() {
        if (archive == null || Files.exists(marker())) {
            return none();
        }
        if (Files.isRegularFile(archive)) {
            try {
                // in use: not deleted as unused by another build
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
            } catch (IOException ignored) {
                // read-only: used all the same
            }
            return this;
        }
        try {
            Files.createDirectories(archive.getParent());
            return new ClassArchive(archive, Files.createTempFile(archive.getParent(),
                    archive.getFileName().toString(), ".partial"));
        } catch (IOException e) {
            return none();
        }
    }

    /** Whether the JVM writes the archive at its exit (it must then exit for the next builds to map it). */
    boolean writes() {
        return writing != null;
    }

    List<String> jvmOptions() {
        if (archive == null) {
            return List.of();
        }
        return writing == null ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + writing);
    }

    /** After the JVM exited: the archive it wrote takes its place (the first of two builds at once wins). */
    void publish(boolean exitedCleanly) {
        if (writing == null) {
            return;
        }
        try {
            if (exitedCleanly && Files.size(writing) > 0) {
                try {
                    Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(writing, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                deleteUnused();
            } else if (exitedCleanly) {
                // the JDK wrote nothing (no base archive, an unsupported option): not tried again
                Files.writeString(marker(), "this JDK wrote no class archive\n");
            }
        } catch (IOException ignored) {
            // the next build tries again
        } finally {
            try {
                Files.deleteIfExists(writing);
            } catch (IOException ignored) {
                // a temporary file, in the temporary folder
            }
        }
    }

    /**
     * After a JVM that mapped this archive ended without a result: the archive goes, in case it was what
     * failed (a file cut short), and the next model JVM writes it again.
     */
    void discardIfMapped() {
        if (archive != null && writing == null) {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException ignored) {
                // read-only: the JVM ignores an archive it cannot map
            }
        }
    }

    private Path marker() {
        return archive.resolveSibling(archive.getFileName() + ".none");
    }

    private void deleteUnused() throws IOException {
        Instant before = Instant.now().minus(UNUSED);
        List<Path> archives;
        List<Path> partial;
        try (Stream<Path> files = Files.list(archive.getParent())) {
            List<Path> ours = files.filter(f -> f.getFileName().toString().startsWith("model-")).toList();
            archives = ours.stream().filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .sorted(ClassArchive::lastUsedFirst).toList();
            partial = ours.stream().filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
        Instant abandoned = Instant.now().minus(ABANDONED);
        for (Path file : partial) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
                    // a model JVM whose build was killed wrote it at its exit, and nobody published it
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // gone already
            }
        }
        for (int i = 0; i < archives.size(); i++) {
            Path file = archives.get(i);
            try {
                if (!file.equals(archive) && (i >= KEPT
                        || Files.getLastModifiedTime(file).toInstant().isBefore(before))) {
                    // a JVM that maps it keeps its mapping; the next build of that plugin makes another
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // another build's, in use
            }
        }
    }

    private static int lastUsedFirst(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
        } catch (IOException e) {
            return 0;
        }
    }
}
