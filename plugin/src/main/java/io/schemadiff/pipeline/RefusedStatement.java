package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement of a generated migration that the database refused during verification, as Flyway
 * reports it, and the table it changes. A statement that fails on a table without rows cannot have
 * failed because of the data: the plugin wrote SQL the database does not accept.
 *
 * @param statement the statement, as Flyway quotes it
 * @param table     the table it alters, creates an index on or drops one from, as the statement writes
 *                  it (quoted or qualified); {@code null} when the statement names none this recognises
 */
record RefusedStatement(String statement, String table) {

    private static final Pattern STATEMENT = Pattern.compile("(?ms)^Statement\\s*:\\s*(.+?)\\s*\\z");
    private static final String NAME = "(?:`[^`]+`|\"[^\"]+\"|[^\\s(;.`\"]+)";
    private static final Pattern TABLE = Pattern.compile("(?i)^\\s*(?:alter\\s+table|(?:create\\s+(?:unique\\s+)?"
            + "|drop\\s+)index\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?\\S+\\s+on)\\s+(" + NAME + "(?:\\." + NAME + ")?)");

    /** The statement Flyway names in {@code message} (its "Statement :" line), if it names one. */
    static Optional<RefusedStatement> in(String message) {
        Matcher statement = STATEMENT.matcher(message == null ? "" : message);
        if (!statement.find()) {
            return Optional.empty();
        }
        String sql = statement.group(1).strip();
        Matcher table = TABLE.matcher(sql);
        return Optional.of(new RefusedStatement(sql, table.find() ? table.group(1) : null));
    }

    /**
     * Whether the table the statement changes is known to have no rows in {@code database}: then the
     * failure is structural. {@code false} when it has rows or cannot be told.
     */
    boolean onAnEmptyTable(DataSource database) {
        if (table == null) {
            return false;
        }
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
             var rows = query.executeQuery("select 1 from " + table + " limit 1")) {
            return !rows.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The message for a statement the database refuses on an empty table: the plugin's fault. */
    String internalError(Dialect dialect, String error) {
        return "Internal error: the plugin wrote SQL that " + dialect.productName() + " refuses, on a table without "
                + "rows (so not because of the data): " + statement + ": " + error + "\nPlease report this with the "
                + "entity classes involved; nothing was written.";
    }
}
