package io.schemadiff.write;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Whether schema:generate can write its migration, asked before anything runs: a read-only folder
 * found only at the end would waste a server start and a replay, and say less.
 */
public final class WritableFolder {

    private WritableFolder() {
    }

    /**
     * Creates and deletes a probe file in {@code folder} (or, when it does not exist yet, in the
     * nearest folder above it, where the writer will create it): the only test that sees read-only
     * mounts, immutable folders and permissions alike, for every user including root.
     */
    public static void require(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path probe = existing.resolve(".schemadiff-write-probe-" + UUID.randomUUID());
        try {
            Files.createFile(probe);
        } catch (IOException e) {
            throw new SchemaException("The migrations folder " + folder + " is not writable (" + describe(e)
                    + "): schema:generate writes the next migration there. Make it writable, or point "
                    + "<migrations> (schema.migrations) at a folder that is.", e);
        }
        try {
            Files.delete(probe);
        } catch (IOException e) {
            throw new SchemaException("Cannot delete " + probe + " again: " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
