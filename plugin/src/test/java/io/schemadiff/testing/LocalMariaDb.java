package io.schemadiff.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The machine's MariaDB server (127.0.0.1:3306, root, no password): one connection, and the scratch
 * databases a test makes on it, dropped again by {@link #close()}. {@code .ci/run} starts the server
 * when it is not running.
 */
public final class LocalMariaDb implements AutoCloseable {

    public static final String URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final Connection connection;
    private final String prefix;
    private final List<String> databases = new ArrayList<>();

    private LocalMariaDb(Connection connection, String prefix) {
        this.connection = connection;
        this.prefix = prefix;
    }

    /** @param prefix of the scratch databases' names, e.g. {@code schemadiff_t_} */
    public static LocalMariaDb connect(String prefix) throws SQLException {
        return new LocalMariaDb(DriverManager.getConnection(URL, "root", ""), prefix);
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
