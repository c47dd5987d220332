package io.schemadiff.reference;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Folders an embedded server needs once per binaries, machine and user (extracted binaries, an initialised data
 * folder), kept in the temporary folder and made so that two builds preparing the same one at once never see half
 * of it: each fills a temporary sibling, then renames it into place; the second rename loses and is discarded.
 */
final class PreparedFolder {

    private PreparedFolder() {
    }

    /** Filled once: {@link #once} hands it a fresh, empty folder. */
    interface Fill {
        void into(Path folder) throws IOException;
    }

    /**
     * {@code <java.io.tmpdir>/schemadiff-<product>-<user>/<jar name>-<jar size>}: per user (another user's folder is
     * not ours to write), per binaries jar.
     */
    static Path cache(String product, Path jar) throws IOException {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + Files.size(jar);
        return Path.of(System.getProperty("java.io.tmpdir"), "schemadiff-" + product + "-" + user, name);
    }

    /** {@code target}, filled by {@code fill} unless an earlier build did. */
    static Path once(Path target, Fill fill) throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        publish(target, fill);
        return target;
    }

    /**
     * Fills a temporary sibling of {@code target} and renames it to {@code target}; when another build was first,
     * its folder stays and this one is deleted.
     */
    static void publish(Path target, Fill fill) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
        try {
            fill.into(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (FileSystemException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // another build was first
            }
        } finally {
            ServerRegistry.deleteRecursively(partial);
        }
    }

    /** Copies the tree {@code from} into the existing folder {@code to}, keeping the files' permissions. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
