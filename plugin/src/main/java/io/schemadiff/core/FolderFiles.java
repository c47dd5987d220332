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
}
