package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * A MariaDB server the user named ({@code schema.reference=server}): for teams whose reference must be
 * their production version. Scratch databases are created on it and dropped again; nothing else on
 * the server is touched, and closing does not stop it.
 */
public final class NamedMariaDbServer implements ScratchServer {

    private static final Pattern SCRATCH_NAME = Pattern.compile("schemadiff_[a-z0-9_]{1,50}");

    private final ServerConnection connection;
    private final DataSource admin;
    private final String version;

    private NamedMariaDbServer(ServerConnection connection) {
        this.connection = connection;
        this.admin = connection.dataSource(null, false);
        this.version = ServerConnection.mariaDbVersion(Statements.queryOne(admin, "select version()", connection.toString()));
    }

    /** Connects once to check the server answers (and to learn its version). */
    public static NamedMariaDbServer connect(ServerConnection connection) {
        return connect(connection, Console.SILENT);
    }

    /**
     * Like {@link #connect(ServerConnection)}, then drops the scratch databases of killed builds,
     * telling {@code console}.
     */
    public static NamedMariaDbServer connect(ServerConnection connection, Console console) {
        if (connection.vendor() != Dialect.MARIADB) {
            throw new SchemaException(connection + " is not a MariaDB server: <url> (schema.url) must start with jdbc:mariadb://.");
        }
        NamedMariaDbServer server = new NamedMariaDbServer(connection);
        ScratchDatabases.dropOrphans(server.admin, "select schema_name from information_schema.schemata where schema_name like 'schemadiff\\_%'",
                server::dropDatabase, console, connection.toString());
        return server;
    }

    @Override
    public DataSource createDatabase(String name) {
        Statements.execute(admin, "create database `" + scratch(name) + "`", connection.toString(),
                " (the user needs the CREATE privilege on " + name + ", e.g. GRANT ALL ON `schemadiff\\_%`.* TO the user)");
        return connection.dataSource(name, false);
    }

    @Override
    public void dropDatabase(String name) {
        Statements.execute(admin, "drop database if exists `" + scratch(name) + "`", connection.toString(),
                " (the user needs the DROP privilege on " + name + ")");
    }

    /** e.g. {@code 10.11.19}. */
    @Override
    public String version() {
        return version;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    /** Only databases this plugin names are ever created or dropped on someone else's server. */
    private static String scratch(String name) {
        if (!SCRATCH_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a scratch database name: " + name);
        }
        return name;
    }
}
