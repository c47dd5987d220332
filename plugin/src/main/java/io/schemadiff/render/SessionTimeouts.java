package io.schemadiff.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code lock_timeout} and {@code statement_timeout} a PostgreSQL migration sets for itself, so a
 * statement that waits for a lock fails fast (and Flyway can be re-run) instead of queueing every other
 * query of the application behind it.
 *
 * @param lockTimeout      e.g. {@code 5s}; {@code 0} or {@code null} writes no line
 * @param statementTimeout e.g. {@code 1h}; {@code 0} or {@code null} writes no line
 */
public record SessionTimeouts(String lockTimeout, String statementTimeout) {

    /** A PostgreSQL duration: a number of milliseconds, or a number with one of its units. */
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)?");

    /** None: the migration keeps the server's settings. */
    public static final SessionTimeouts NONE = new SessionTimeouts(null, null);

    /** @throws IllegalArgumentException naming {@code setting} when {@code value} is no PostgreSQL duration */
    public static void check(String value, String setting) {
        if (value != null && !DURATION.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(setting + " is '" + value + "'; give a PostgreSQL duration such as "
                    + "500ms, 5s, 10min or 1h, or 0 for none.");
        }
    }

    /**
     * The statements that open the migration. In a transaction ({@code set local}) they end with it; outside
     * one they hold for the connection, so {@link #reset(boolean)} ends the file.
     */
    public List<String> set(boolean transactional) {
        List<String> lines = new ArrayList<>();
        String set = transactional ? "set local " : "set ";
        if (on(lockTimeout)) {
            lines.add(set + "lock_timeout = '" + lockTimeout.strip() + "';");
        }
        if (on(statementTimeout)) {
            lines.add(set + "statement_timeout = '" + statementTimeout.strip() + "';");
        }
        return lines;
    }

    /** The statements that end a migration run outside a transaction: Flyway's next one gets the server's settings. */
    public List<String> reset(boolean transactional) {
        List<String> lines = new ArrayList<>();
        if (!transactional && on(lockTimeout)) {
            lines.add("reset lock_timeout;");
        }
        if (!transactional && on(statementTimeout)) {
            lines.add("reset statement_timeout;");
        }
        return lines;
    }

    private static boolean on(String value) {
        return value != null && !value.isBlank() && !value.strip().matches("0+\\s*[a-z]*");
    }
}
