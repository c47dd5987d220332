package io.schemadiff.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Catalogs read from scratch databases, kept in a folder that outlives {@code mvn clean}, so that a
 * catalog whose inputs did not change is read from a file instead of rebuilt on a server. Entries are
 * named by a SHA-256 of their inputs ({@link CatalogKeys}) and of this cache's {@code context} (plugin
 * and server), so a folder can serve every project and version on a machine. Written atomically; a
 * file that cannot be read whole is ignored and removed, never trusted. The folder is kept under
 * {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes by removing the least recently used.
 */
public final class CatalogCache {

    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final String SUFFIX = ".catalog";

    private final Path folder;
    private final String context;

    /**
     * @param context what every catalog depends on beyond its own inputs: the plugin's build, the
     *                server's product and binaries
     */
    public CatalogCache(Path folder, String context) {
        this.folder = folder.toAbsolutePath().normalize();
        this.context = context;
    }

    public Path folder() {
        return folder;
    }

    /** The file name of the catalog with these inputs: {@code kind-<sha256>[-<part>]}. */
    public String name(String kind, String inputs, String part) {
        return kind + "-" + CatalogCodec.sha256(context + "\u0000" + inputs) + (part == null ? "" : "-" + part);
    }

    /** The entry stored under {@code name}, when there is a whole one. */
    public Optional<CatalogCodec.Entry> load(String name) {
        Path file = folder.resolve(name + SUFFIX);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // none stored (or unreadable): built on the server
            return Optional.empty();
        }
        try {
            CatalogCodec.Entry entry = CatalogCodec.decode(text);
            touch(file);
            return Optional.of(entry);
        } catch (RuntimeException e) {
            // cut short by a killed build, or not ours: rebuilt and written again
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    /** Whether some entry's name starts with {@code prefix}, e.g. a reference of the same migrations. */
    public boolean hasAny(String prefix) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*" + SUFFIX)) {
            return files.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the entry under {@code name} (a temporary file moved into place, so a reader never sees half
     * of it), then trims the folder.
     *
     * @throws UncheckedIOException when it cannot be written; the caller decides whether that matters
     */
    public void store(String name, CatalogCodec.Entry entry) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, name, ".tmp");
            try {
                Files.writeString(temporary, CatalogCodec.encode(entry), StandardCharsets.UTF_8);
                Path target = folder.resolve(name + SUFFIX);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a catalog into " + folder, e);
        }
    }

    /** Removes the least recently used entries beyond the bounds, and temporary files a killed build left. */
    void trim() throws IOException {
        record Stored(Path file, long size, long used) {
        }
        List<Stored> entries = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                try {
                    long used = Files.getLastModifiedTime(file).toMillis();
                    String fileName = file.getFileName().toString();
                    if (fileName.endsWith(SUFFIX)) {
                        entries.add(new Stored(file, Files.size(file), used));
                    } else if (fileName.endsWith(".tmp") && used < hourAgo) {
                        deleteQuietly(file);
                    }
                } catch (IOException e) {
                    // removed meanwhile by another build
                }
            }
        }
        entries.sort(Comparator.comparingLong(Stored::used).reversed());
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += entries.get(i).size();
            if (i >= MAX_FILES || bytes > MAX_BYTES) {
                deleteQuietly(entries.get(i).file());
            }
        }
    }

    /** A hit counts as a use: the least recently used go first. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // read-only cache folder: it still serves
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // another build's, or read-only: left alone
        }
    }
}
