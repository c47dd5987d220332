package io.schemadiff.reference;

import io.schemadiff.core.Console;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the user named ({@code schema.reference=server}): for teams whose reference
 * must be their production major version. Scratch databases are created on it and dropped again;
 * nothing else on the server is touched, and closing does not stop it.
 */
public final class NamedPostgresServer implements ScratchServer {

    private static final Pattern SCRATCH_NAME = Pattern.compile("schemadiff_[a-z0-9_]{1,50}");

    private final ServerConnection connection;
    private final DataSource admin;
    private final String version;

    private NamedPostgresServer(ServerConnection connection) {
        this.connection = connection;
        this.admin = connection.dataSource(null, false);
        this.version = Statements.queryOne(admin, "show server_version", connection.toString());
    }

    /** Connects once to check the server answers (and to learn its version). */
    public static NamedPostgresServer connect(ServerConnection connection) {
        return connect(connection, Console.SILENT);
    }

    /**
     * Like {@link #connect(ServerConnection)}, then drops the scratch databases of killed builds,
     * telling {@code console}.
     */
    public static NamedPostgresServer connect(ServerConnection connection, Console console) {
        NamedPostgresServer server = new NamedPostgresServer(connection);
        ScratchDatabases.dropOrphans(server.admin, "select datname from pg_database where datname like 'schemadiff\\_%'",
                server::dropDatabase, console, connection.toString());
        return server;
    }

    @Override
    public DataSource createDatabase(String name) {
        execute("create database " + scratch(name));
        return connection.dataSource(name, false);
    }

    @Override
    public void dropDatabase(String name) {
        execute("drop database if exists " + scratch(name) + " with (force)");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    private void execute(String sql) {
        Statements.execute(admin, sql, connection.toString(),
                sql.startsWith("create database") ? " (the user needs the CREATEDB privilege)" : "");
    }

    /** Only databases this plugin names are ever created or dropped on someone else's server. */
    private static String scratch(String name) {
        if (!SCRATCH_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a scratch database name: " + name);
        }
        return name;
    }
}
