package io.schemadiff.core;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The regular files under a folder, listed while other programs may write there: another build of the same
 * project (its write probe, its new migration), an editor's swap file. A file that goes away between the
 * folder's listing and the reading of its attributes was not there, instead of failing the build as
 * {@code Files.walk} does with an {@code UncheckedIOException}.
 */
public final class FolderFiles {

    private FolderFiles() {
    }

    /** Every regular file under {@code folder} (symbolic links not followed), sorted by path. */
    public static List<Path> regularFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !file.equals(folder)) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    /** Whether {@code folder} holds a regular file anywhere below it; stops at the first. */
    public static boolean anyRegularFile(Path folder) throws IOException {
        boolean[] found = {false};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found[0] = attributes.isRegularFile();
                return found[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !file.equals(folder)) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return found[0];
    }

    /** Deletes {@code folder} and everything in it as far as it can (a temporary folder); {@code null} is none. */
    public static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temporary folder: the OS cleans it eventually
        }
    }
}
