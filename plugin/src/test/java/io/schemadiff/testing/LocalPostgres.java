package io.schemadiff.testing;

import io.schemadiff.reference.ServerConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's own PostgreSQL server (127.0.0.1:5432, user postgres, trust), standing in for a team's
 * server and for a live production database. {@code .ci/run} starts it when it is not running.
 */
public final class LocalPostgres {

    public static final String URL = System.getProperty("schemadiff.test.serverUrl",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = System.getProperty("schemadiff.test.serverUser", "postgres");

    private LocalPostgres() {
    }

    public static ServerConnection server() {
        return ServerConnection.of(URL, USER, null);
    }

    /** A connection to {@code database} on the server, read-write: for setting up what the plugin then reads. */
    public static ServerConnection database(String database) {
        return ServerConnection.of(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), USER, null);
    }

    public static void execute(DataSource dataSource, String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static List<String> column(DataSource dataSource, String query) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
