package io.schemadiff.write;

import io.schemadiff.core.SchemaException;

import java.nio.file.Path;
import java.util.List;

/**
 * Where undo scripts go. Flyway Community does not run undo migrations, and with
 * {@code validateMigrationNaming} it refuses to migrate a folder that holds one, so they go to a
 * folder no Flyway location covers; only a project whose Flyway settings name an
 * {@code undoSqlMigrationPrefix} (Flyway Teams) gets them beside the migration.
 */
public final class UndoFolder {

    /** The default, under the project folder: not a resource folder, so never on the classpath. */
    public static final String DEFAULT = "src/main/schema-undo";

    private UndoFolder() {
    }

    /**
     * @param configured      {@code schema.undoDirectory}, or null for {@value #DEFAULT}
     * @param baseDirectory   the project folder, or null (tests): then beside the first Flyway folder
     * @param flywayFolders   the project folders Flyway scans (recursively)
     * @param migrationFolder where the migration the undo belongs to goes
     */
    public static Path resolve(Path configured, Path baseDirectory, List<Path> flywayFolders, MigrationNaming naming,
                               Path migrationFolder) {
        if (naming.runsUndo()) {
            return migrationFolder;
        }
        Path undo = (configured != null ? configured
                : baseDirectory != null ? baseDirectory.resolve(DEFAULT)
                : (flywayFolders.isEmpty() ? migrationFolder : flywayFolders.get(0)).toAbsolutePath().getParent()
                .resolve("schema-undo")).toAbsolutePath().normalize();
        for (Path flyway : flywayFolders) {
            if (undo.startsWith(flyway.toAbsolutePath().normalize())) {
                throw new SchemaException("Undo scripts would go to " + undo + ", inside the Flyway location " + flyway
                        + ", where Flyway Community refuses them: set <undoDirectory> (schema.undoDirectory) to a "
                        + "folder outside every Flyway location, or name Flyway's undoSqlMigrationPrefix if the "
                        + "project runs Flyway Teams.");
            }
        }
        return undo;
    }
}
