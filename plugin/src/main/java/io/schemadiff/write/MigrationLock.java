package io.schemadiff.write;

import io.schemadiff.core.SchemaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A lock file of released migrations: each file's path (relative to the migrations folder) and
 * Flyway's checksum. Editing a released migration makes Flyway's validate fail on every database
 * that already ran it, so the build catches it first; a new migration numbered below a released one
 * is one Flyway refuses (unless outOfOrder is on).
 *
 * <p>Format, one migration per line, {@code #} starts a comment: {@code V1__create_users.sql 1234567}.
 */
public final class MigrationLock {

    private final Path file;
    private final Map<String, Integer> checksums;

    private MigrationLock(Path file, Map<String, Integer> checksums) {
        this.file = file;
        this.checksums = checksums;
    }

    /** The lock at {@code file}, if it exists. */
    public static Optional<MigrationLock> read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Integer> checksums = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaException("Cannot read the migration lock " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException("two fields expected");
                }
                checksums.put(parts[0], Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw new SchemaException(file + ":" + (i + 1) + ": not '<migration file> <checksum>': " + line, e);
            }
        }
        return Optional.of(new MigrationLock(file, checksums));
    }

    /** Records every versioned and baseline migration in {@code folder} as released, with Flyway's default naming. */
    public static Path write(Path lockFile, Path folder) {
        return write(lockFile, folder, MigrationNaming.FLYWAY_DEFAULTS);
    }

    /**
     * Records every versioned and baseline migration Flyway picks up from {@code folder} with the project's
     * {@code naming} as released: in a multi-vendor folder, only the files of the vendor Flyway runs.
     */
    public static Path write(Path lockFile, Path folder, MigrationNaming naming) {
        StringBuilder text = new StringBuilder("# Released Flyway migrations and their checksums, written by schema:lock.\n"
                + "# schema:diff fails when one of them is edited or removed. Update it when you release.\n");
        for (MigrationFolder.Migration migration : MigrationFolder.scan(folder, naming).migrations()) {
            text.append(key(folder, migration.file())).append(' ').append(checksum(migration.file())).append('\n');
        }
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(lockFile.toAbsolutePath().getParent(), ".schema-lock", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, lockFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return lockFile;
        } catch (IOException e) {
            throw new SchemaException("Cannot write the migration lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** @param outOfOrder Flyway's {@code outOfOrder}: a new migration below a released one then runs, late */
    List<MigrationFolderCheck.Problem> verify(Path folder, MigrationFolder scanned, boolean outOfOrder) {
        List<MigrationFolderCheck.Problem> problems = new ArrayList<>();
        Map<String, MigrationFolder.Migration> present = new LinkedHashMap<>();
        scanned.migrations().forEach(m -> present.put(key(folder, m.file()), m));
        org.flywaydb.core.api.MigrationVersion highestReleased = null;
        for (Map.Entry<String, Integer> locked : checksums.entrySet()) {
            MigrationFolder.Migration migration = present.get(locked.getKey());
            if (migration == null) {
                problems.add(new MigrationFolderCheck.Problem(true, locked.getKey() + " was released (" + file.getFileName()
                        + ") but is gone from the migrations folder: databases that ran it would fail Flyway's validate. Restore it."));
                continue;
            }
            if (highestReleased == null || migration.flywayVersion().compareTo(highestReleased) > 0) {
                highestReleased = migration.flywayVersion();
            }
            int actual = checksum(migration.file());
            if (actual != locked.getValue()) {
                problems.add(new MigrationFolderCheck.Problem(true, locked.getKey() + " was released (" + file.getFileName()
                        + ", checksum " + locked.getValue() + ") and has been edited (checksum now " + actual
                        + "): Flyway's validate would fail on every database that ran it. Revert the edit and put the"
                        + " change in a new migration."));
            }
        }
        for (Map.Entry<String, MigrationFolder.Migration> entry : present.entrySet()) {
            MigrationFolder.Migration migration = entry.getValue();
            if (!checksums.containsKey(entry.getKey()) && highestReleased != null
                    && migration.flywayVersion().compareTo(highestReleased) < 0) {
                problems.add(outOfOrder
                        ? new MigrationFolderCheck.Problem(false, entry.getKey() + " is not released yet, and its version "
                        + migration.flywayVersion() + " is below the released " + highestReleased + ": with outOfOrder,"
                        + " Flyway runs it after " + highestReleased + " on databases already there; make sure it does"
                        + " not depend on what it is numbered before.")
                        : new MigrationFolderCheck.Problem(true, entry.getKey() + " is not released yet, but its version "
                        + migration.flywayVersion() + " is below the released " + highestReleased
                        + ": Flyway refuses it as out of order on databases already at " + highestReleased
                        + ". Renumber it above the latest migration (or set Flyway's outOfOrder)."));
            }
        }
        return problems;
    }

    private static String key(Path folder, Path migration) {
        return folder.relativize(migration).toString().replace('\\', '/');
    }

    /**
     * Flyway's checksum of a SQL migration: CRC32 over the UTF-8 bytes of each line without its line
     * break (so CRLF and LF give the same value), a leading byte-order mark ignored.
     */
    public static int checksum(Path migration) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = Files.newBufferedReader(migration, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new SchemaException("Cannot read " + migration + ": " + e.getMessage(), e);
        }
        return (int) crc.getValue();
    }
}
