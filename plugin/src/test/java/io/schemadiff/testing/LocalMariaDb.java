package io.schemadiff.testing;

import io.schemadiff.reference.ServerConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The MariaDB server standing in for a team's server and for a live production database: the one
 * {@code -Dschemadiff.test.mariadbUrl} names (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}, with
 * {@code schemadiff.test.mariadbUser}, default {@code root}, and {@code schemadiff.test.mariadbPassword}),
 * else the test JVM's embedded MariaDB ({@link SharedMariaDb#embedded()}). One connection, and the scratch
 * databases a test makes on it, dropped again by {@link #close()}.
 */
public final class LocalMariaDb implements AutoCloseable {

    /** The server's URL naming no database, ending in {@code /}: append a database's name to reach it. */
    public static final String URL;
    public static final String USER;
    public static final String PASSWORD;

    static {
        String named = System.getProperty("schemadiff.test.mariadbUrl", "");
        if (named.isBlank()) {
            ServerConnection embedded = SharedMariaDb.embeddedConnection();
            URL = "jdbc:mariadb://" + embedded.describe() + "/";
            USER = "root";
            PASSWORD = "";
        } else {
            URL = named.trim().replaceFirst("^(jdbc:mariadb://[^/?]*).*$", "$1/");
            USER = System.getProperty("schemadiff.test.mariadbUser", "root");
            PASSWORD = System.getProperty("schemadiff.test.mariadbPassword", "");
        }
    }

    private final Connection connection;
    private final String prefix;
    private final List<String> databases = new ArrayList<>();

    private LocalMariaDb(Connection connection, String prefix) {
        this.connection = connection;
        this.prefix = prefix;
    }

    /** The server, as its administrator. */
    public static ServerConnection server() {
        return ServerConnection.of(URL, USER, PASSWORD);
    }

    /** {@code database} on the server, as its administrator. */
    public static ServerConnection database(String database) {
        return ServerConnection.of(URL + database, USER, PASSWORD);
    }

    /** @param prefix of the scratch databases' names, e.g. {@code schemadiff_t_} */
    public static LocalMariaDb connect(String prefix) throws SQLException {
        return new LocalMariaDb(DriverManager.getConnection(URL, USER, PASSWORD), prefix);
    }

    public Connection connection() {
        return connection;
    }

    /** A new database, current on the connection, with {@code statements} run in it. */
    public String database(List<String> statements) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        databases.add(name);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create database `" + name + "`");
            statement.execute("use `" + name + "`");
        }
        execute(statements);
        return name;
    }

    /** Runs {@code statements} in order; a failure names the statement. */
    public void execute(List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " in: " + sql, e);
                }
            }
        }
    }

    /** Drops every database made here, then closes the connection. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statement.execute("drop database if exists `" + database + "`");
            }
        } finally {
            connection.close();
        }
    }
}
