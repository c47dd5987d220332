package io.schemadiff.reference;

import io.schemadiff.config.FlywaySettings;
import io.schemadiff.core.FolderFiles;
import io.schemadiff.core.QuietFlywayLogging;
import io.schemadiff.core.Dialect;
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
 * Runs a project's Flyway migrations into a scratch database through Flyway's own API, with the
 * project's Flyway settings, so the result is exactly what Flyway would build in production.
 */
public final class MigrationReplay {

    /** Flyway's default history table: bookkeeping, never part of a schema comparison. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private final FlywayProject project;
    private final Dialect dialect;

    /** Replays plain folders of SQL with Flyway's defaults. */
    public MigrationReplay() {
        this(FlywayProject.ofFolders(List.of()));
    }

    public MigrationReplay(FlywayProject project) {
        this(project, Dialect.POSTGRESQL);
    }

    /** @param dialect how SQL of this plugin's own quotes the history table */
    public MigrationReplay(FlywayProject project, Dialect dialect) {
        this.project = project;
        this.dialect = dialect;
    }

    /** The history table, which the project may have renamed ({@code table}). */
    public String historyTable() {
        String table = project.settings().table();
        return table == null || table.isBlank() ? HISTORY_TABLE : table;
    }

    /** The history table as SQL can name it: in Flyway's default schema when the project sets one. */
    public String qualifiedHistoryTable() {
        FlywaySettings settings = project.settings();
        String schema = settings.defaultSchema() != null ? settings.defaultSchema()
                : settings.schemas() != null && !settings.schemas().isEmpty() ? settings.schemas().get(0) : null;
        return (schema == null ? "" : quote(schema) + ".") + quote(historyTable());
    }

    private String quote(String name) {
        String quote = dialect == Dialect.MARIADB ? "`" : "\"";
        return quote + name.replace(quote, quote + quote) + quote;
    }

    private static boolean containsFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            return FolderFiles.anyRegularFile(folder);
        } catch (java.io.IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The project's locations plus {@code extraFolders}, leaving out folders with nothing in them. */
    List<String> locations(List<Path> extraFolders) {
        List<String> locations = new ArrayList<>();
        for (String location : project.locations()) {
            if (!location.startsWith("filesystem:") || containsFiles(Path.of(location.substring("filesystem:".length())))) {
                locations.add(location);
            }
        }
        for (Path folder : extraFolders) {
            if (containsFiles(folder)) {
                locations.add("filesystem:" + folder.toAbsolutePath());
            }
        }
        return locations;
    }

    /** Flyway as the project configures it, on {@code database}: one configuration for replay and status. */
    FluentConfiguration configure(DataSource database, List<String> locations) {
        FlywaySettings settings = project.settings();
        FluentConfiguration configuration = Flyway.configure(project.classLoader())
                .dataSource(database)
                .locations(locations.toArray(String[]::new))
                .table(historyTable())
                // names are checked before the replay (MigrationFolderCheck), with clearer messages and
                // without rejecting undo (U) files, which Flyway Community does not run but must tolerate
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .loggers(QuietFlywayLogging.class.getName());
        if (!project.javaMigrations().isEmpty()) {
            configuration.javaMigrations(project.javaMigrations().toArray(org.flywaydb.core.api.migration.JavaMigration[]::new));
        }
        if (!settings.placeholders().isEmpty()) {
            configuration.placeholders(settings.placeholders());
        }
        if (settings.placeholderPrefix() != null) {
            configuration.placeholderPrefix(settings.placeholderPrefix());
        }
        if (settings.placeholderSuffix() != null) {
            configuration.placeholderSuffix(settings.placeholderSuffix());
        }
        if (settings.placeholderReplacement() != null) {
            configuration.placeholderReplacement(settings.placeholderReplacement());
        }
        if (settings.schemas() != null && !settings.schemas().isEmpty()) {
            configuration.schemas(settings.schemas().toArray(String[]::new));
        }
        if (settings.defaultSchema() != null) {
            configuration.defaultSchema(settings.defaultSchema());
        }
        if (settings.sqlMigrationPrefix() != null) {
            configuration.sqlMigrationPrefix(settings.sqlMigrationPrefix());
        }
        if (settings.sqlMigrationSeparator() != null) {
            configuration.sqlMigrationSeparator(settings.sqlMigrationSeparator());
        }
        if (settings.sqlMigrationSuffixes() != null && !settings.sqlMigrationSuffixes().isEmpty()) {
            configuration.sqlMigrationSuffixes(settings.sqlMigrationSuffixes().toArray(String[]::new));
        }
        if (settings.repeatableSqlMigrationPrefix() != null) {
            configuration.repeatableSqlMigrationPrefix(settings.repeatableSqlMigrationPrefix());
        }
        if (settings.baselineVersion() != null) {
            configuration.baselineVersion(settings.baselineVersion());
        }
        if (settings.baselineOnMigrate() != null) {
            configuration.baselineOnMigrate(settings.baselineOnMigrate());
        }
        if (settings.outOfOrder() != null) {
            configuration.outOfOrder(settings.outOfOrder());
        }
        if (settings.encoding() != null) {
            configuration.encoding(settings.encoding());
        }
        if (dialect == Dialect.POSTGRESQL) {
            // a transaction-level advisory lock would make create index concurrently wait forever for the
            // transaction that holds it (Flyway issue 3854); a session-level lock does not
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        }
        return configuration;
    }

    /**
     * Applies the project's migrations and those in {@code folders} (plain folders of SQL; missing or
     * empty ones are skipped).
     *
     * @return how many migrations ran
     */
    public int replay(DataSource database, List<Path> folders) {
        List<String> locations = locations(folders);
        if (locations.isEmpty() && project.javaMigrations().isEmpty()) {
            return 0;
        }
        Flyway flyway = configure(database, locations).load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new SchemaException("Replaying the migrations in " + String.join(", ", locations)
                    + " failed: " + ReplayFailure.describe(e.getMessage(), dialect), e);
        }
    }

    /** Applies the project's migrations. */
    public int replay(DataSource database) {
        return replay(database, List.of());
    }
}
