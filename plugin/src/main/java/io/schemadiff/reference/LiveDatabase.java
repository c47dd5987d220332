package io.schemadiff.reference;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real database as it is ({@code schema.reference=live}), for drift checks in release pipelines.
 * Every session is read-only on the server's side (PostgreSQL's {@code default_transaction_read_only},
 * MariaDB's {@code tx_read_only}), so no statement this plugin or Flyway sends can change it.
 */
public final class LiveDatabase {

    private final ServerConnection connection;
    private final DataSource dataSource;

    public LiveDatabase(ServerConnection connection) {
        this.connection = connection;
        this.dataSource = connection.dataSource(null, true);
    }

    /** Read-only connections to the database. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String version() {
        return Statements.queryOne(dataSource, mariadb() ? "select version()" : "show server_version",
                connection.toString());
    }

    private boolean mariadb() {
        return connection.vendor() == Dialect.MARIADB;
    }

    public String describe() {
        return connection.describe();
    }

    /** Checks the database answers and refuses writes before anything else reads it. */
    public void checkReadOnly() {
        try (Connection c = dataSource.getConnection()) {
            boolean readOnly = mariadb()
                    ? "1".equals(Statements.queryOne(c, "select @@session.tx_read_only", connection.toString()))
                    : "on".equals(Statements.queryOne(c, "show default_transaction_read_only", connection.toString()))
                    && c.isReadOnly();
            if (!readOnly) {
                throw new SchemaException("Refusing to read " + connection + ": its session is not read-only.");
            }
        } catch (SQLException e) {
            throw new SchemaException("Cannot connect to the live database " + connection + ": " + e.getMessage()
                    + connection.timeoutNote(e), e);
        }
    }

    /** What Flyway would say about this database and the project's migrations, read-only. */
    public MigrationStatus status(MigrationReplay project) {
        var flyway = project.configure(dataSource, project.locations(List.of())).load();
        try {
            var info = flyway.info();
            MigrationInfo[] all = info.all();
            boolean historyTable = info.applied().length > 0 || hasHistoryTable(project);
            int applied = 0;
            List<String> pending = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (MigrationInfo migration : all) {
                MigrationState state = migration.getState();
                String name = name(migration);
                if (state == MigrationState.PENDING || state == MigrationState.OUTDATED) {
                    pending.add(name);
                } else if (state.isFailed()) {
                    failed.add(name);
                } else if (state == MigrationState.MISSING_SUCCESS || state == MigrationState.FUTURE_SUCCESS) {
                    missing.add(name);
                } else if (state.isApplied()) {
                    applied++;
                }
            }
            List<String> changed = new ArrayList<>();
            ValidateResult validation = flyway.validateWithResult();
            for (ValidateOutput invalid : validation.invalidMigrations) {
                ErrorCode code = invalid.errorDetails == null ? null : invalid.errorDetails.errorCode;
                if (code == CoreErrorCode.CHECKSUM_MISMATCH || code == CoreErrorCode.DESCRIPTION_MISMATCH
                        || code == CoreErrorCode.TYPE_MISMATCH) {
                    changed.add((invalid.filepath == null || invalid.filepath.isEmpty()
                            ? "version " + invalid.version : Path.of(invalid.filepath).getFileName().toString())
                            + ": " + invalid.errorDetails.errorMessage.strip());
                }
            }
            return new MigrationStatus(historyTable, applied, pending, failed, missing, changed,
                    historyTable ? null : olderHistoryTable(project));
        } catch (FlywayException e) {
            throw new SchemaException("Cannot read the migration history of " + connection + ": " + e.getMessage()
                    + connection.timeoutNote(e), e);
        }
    }

    private boolean hasHistoryTable(MigrationReplay project) {
        return exists(project.historyTable(), project.qualifiedHistoryTable());
    }

    /** Flyway 4 and older kept their history in {@code schema_version}, which newer ones do not read. */
    private String olderHistoryTable(MigrationReplay project) {
        String older = "schema_version";
        String qualified = project.qualifiedHistoryTable();
        String schema = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.') + 1) : "";
        return !project.historyTable().equals(older) && exists(older, schema + "\"" + older + "\"") ? older : null;
    }

    /** @param qualified the table as PostgreSQL names it, in quotes and with its schema when there is one */
    private boolean exists(String table, String qualified) {
        if (mariadb()) {
            return !"0".equals(Statements.queryOne(dataSource, "select count(*) from information_schema.tables "
                    + "where table_schema = database() and table_name = '" + table.replace("'", "''") + "'",
                    connection.toString()));
        }
        return "t".equals(Statements.queryOne(dataSource,
                "select to_regclass('" + qualified.replace("'", "''") + "') is not null", connection.toString()));
    }

    private static String name(MigrationInfo info) {
        if (info.getScript() != null && !info.getScript().isEmpty()) {
            String script = info.getScript();
            return script.substring(Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\')) + 1);
        }
        return (info.getVersion() == null ? "repeatable" : "version " + info.getVersion()) + " " + info.getDescription();
    }
}
