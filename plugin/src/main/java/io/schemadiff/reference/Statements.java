package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The one-statement conversations every server here has, with errors that name the server and the statement. */
final class Statements {

    private Statements() {
    }

    /** The first column of the first row of {@code sql}, on a connection of its own. */
    static String queryOne(DataSource dataSource, String sql, String server) {
        try (Connection connection = dataSource.getConnection()) {
            return queryOne(connection, sql, server);
        } catch (SQLException e) {
            throw new SchemaException(server + " did not answer '" + sql + "': " + e.getMessage() + note(e), e);
        }
    }

    /** The first column of the first row of {@code sql}, on {@code connection}. */
    static String queryOne(Connection connection, String sql, String server) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new SchemaException(server + " did not answer '" + sql + "': " + e.getMessage() + note(e), e);
        }
    }

    /** The first column of every row of {@code sql}. */
    static List<String> queryColumn(DataSource dataSource, String sql, String server) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new SchemaException(server + " did not answer '" + sql + "': " + e.getMessage() + note(e), e);
        }
    }

    /** For a wait that ran out: which setting sets how long. */
    private static String note(SQLException e) {
        return ServerConnection.timedOut(e) ? " (the wait is limited by <timeout> (schema.timeout))" : "";
    }

    /** @param hint appended to the error, e.g. the privilege the statement needs; empty for none */
    static void execute(DataSource dataSource, String sql, String server, String hint) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SchemaException(server + " refused '" + sql + "': " + e.getMessage() + note(e) + hint, e);
        }
    }
}
