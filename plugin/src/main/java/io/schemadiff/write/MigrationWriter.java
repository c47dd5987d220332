package io.schemadiff.write;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a file all at once or not at all, and never over an existing one. */
public final class MigrationWriter {

    /**
     * Writes {@code files} in order, all or none: when one cannot be written, or the JVM is asked to exit while
     * they are (Ctrl-C, SIGTERM), those already written are deleted again, so a migration never stands without
     * the undo or follow-up it was generated with.
     */
    public List<Path> writeAll(Map<Path, String> files) {
        List<Path> written = new ArrayList<>();
        boolean[] cancelled = {false};
        Thread takeBack = new Thread(() -> {
            synchronized (written) {
                cancelled[0] = true;
                written.forEach(MigrationWriter::deleteQuietly);
            }
        }, "schemadiff-migration-take-back");
        Runtime.getRuntime().addShutdownHook(takeBack);
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                synchronized (written) {
                    if (cancelled[0]) {
                        throw new SchemaException("Nothing was written: the build is being stopped.");
                    }
                    written.add(write(file.getKey(), file.getValue()));
                }
            }
        } catch (RuntimeException e) {
            synchronized (written) {
                written.forEach(MigrationWriter::deleteQuietly);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(takeBack);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook takes the files back
            }
        }
        return written;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // reported by the folder check of the next run, which sees the file
        }
    }

    public Path write(Path file, String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("Refusing to write an empty migration to " + file);
        }
        if (Files.exists(file)) {
            throw new SchemaException("Will not overwrite " + file + ": it already exists.");
        }
        Path temporary = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // not Files.createTempFile: its owner-only permissions would stick to the migration, a source file
            temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                // a hard link appears complete at once and fails if the name is taken, even by a racing writer
                // (a rename would silently replace it)
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw (FileAlreadyExistsException) e;
                }
                Files.move(temporary, file);
            }
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new SchemaException("Will not overwrite " + file + ": it already exists.", e);
        } catch (IOException e) {
            throw new SchemaException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: the real file is either complete or absent
                }
            }
        }
    }
}
