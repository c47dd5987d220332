package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
    private static final Pattern LOCATION = Pattern.compile("(?ms)^Location\\s*:\\s*(\\S+).*?^Line\\s*:\\s*(\\d+)");
    private static final String NAME = "(?:`[^`]+`|\"[^\"]+\"|[^\\s(;.`\"]+)";
    private static final Pattern TABLE = Pattern.compile("(?i)^\\s*(?:alter\\s+table|(?:create\\s+(?:unique\\s+)?"
            + "|drop\\s+)index\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?\\S+\\s+on)\\s+(" + NAME + "(?:\\." + NAME + ")?)");

    /**
     * The statement Flyway reports in {@code message}: its "Statement :" line, or, since Flyway prints
     * that only at debug level, the statement of {@code files} that starts at its "Location" and "Line".
     *
     * @param files the generated migrations Flyway ran, by file name
     */
    static Optional<RefusedStatement> in(String message, Map<String, String> files) {
        String text = message == null ? "" : message;
        String sql = null;
        Matcher statement = STATEMENT.matcher(text);
        if (statement.find() && !statement.group(1).startsWith("Run Flyway with -X")) {
            sql = statement.group(1).strip();
        }
        Matcher location = LOCATION.matcher(text);
        if (sql == null && location.find()) {
            String file = files.entrySet().stream().filter(f -> location.group(1).contains(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            sql = file == null ? null : statementAt(file, Integer.parseInt(location.group(2)));
        }
        if (sql == null) {
            return Optional.empty();
        }
        Matcher table = TABLE.matcher(sql);
        return Optional.of(new RefusedStatement(sql, table.find() ? table.group(1) : null));
    }

    /** The statement that starts on {@code line} (1-based) of {@code script}, up to its semicolon. */
    private static String statementAt(String script, int line) {
        List<String> lines = script.lines().toList();
        if (line < 1 || line > lines.size()) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        for (String text : lines.subList(line - 1, lines.size())) {
            sql.append(sql.length() == 0 ? "" : " ").append(text.strip());
            if (text.strip().endsWith(";")) {
                break;
            }
        }
        return sql.toString().replaceAll(";$", "");
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
