package io.schemadiff.reference;

import io.schemadiff.core.QuietFlywayLogging;
import io.schemadiff.core.SchemaException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a project's Flyway migrations into a scratch database through Flyway's own API, so the
 * result is exactly what Flyway would build in production.
 */
public final class MigrationReplay {

    /** Flyway's default history table: bookkeeping, never part of a schema comparison. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static boolean containsSql(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".sql"));
        } catch (java.io.IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The folders that hold SQL, as Flyway locations. */
    static List<String> locations(List<Path> folders) {
        List<String> locations = new ArrayList<>();
        for (Path folder : folders) {
            if (containsSql(folder)) {
                locations.add("filesystem:" + folder.toAbsolutePath());
            }
        }
        return locations;
    }

    /** Flyway as the project configures it, on {@code database}: one configuration for replay and status. */
    static FluentConfiguration configure(DataSource database, List<String> locations) {
        FluentConfiguration configuration = Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(database)
                .locations(locations.toArray(String[]::new))
                .table(HISTORY_TABLE)
                // names are checked before the replay (MigrationFolderCheck), with clearer messages and
                // without rejecting undo (U) files, which Flyway Community does not run but must tolerate
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .loggers(QuietFlywayLogging.class.getName());
        // a transaction-level advisory lock would make create index concurrently wait forever for the
        // transaction that holds it (Flyway issue 3854); a session-level lock does not
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    /**
     * Applies every pending migration found in {@code folders} (missing folders are skipped).
     *
     * @return how many migrations ran
     */
    public int replay(DataSource database, List<Path> folders) {
        List<String> locations = locations(folders);
        if (locations.isEmpty()) {
            return 0;
        }
        Flyway flyway = configure(database, locations).load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new SchemaException("Replaying the migrations in " + String.join(", ", locations)
                    + " failed: " + e.getMessage(), e);
        }
    }
}
