package io.schemadiff.render;

import java.util.List;

/**
 * How a PostgreSQL migration runs, for the header and first and last lines the templates write
 * ({@code $migration.session}, {@code $undo.session}).
 *
 * @param transactional whether Flyway runs it in a transaction; a follow-up that builds indexes
 *                      {@code concurrently} runs outside one (its {@code .sql.conf} says so)
 * @param opening       the statements before the changes: the timeouts
 * @param closing       the statements after them: outside a transaction, the timeouts reset
 * @param followUp      the migration that completes this one (validations, concurrent index builds), or
 *                      {@code null}
 * @param completes     the migration this one completes, or {@code null}
 */
public record MigrationSession(boolean transactional, List<String> opening, List<String> closing, String followUp,
                               String completes) {

    public MigrationSession {
        opening = List.copyOf(opening);
        closing = List.copyOf(closing);
    }

    public static MigrationSession of(SessionTimeouts timeouts, boolean transactional, String followUp,
                                      String completes) {
        return new MigrationSession(transactional, timeouts.set(transactional), timeouts.reset(transactional),
                followUp, completes);
    }

    /** What Flyway reads from {@code <file>.conf} beside a migration that runs outside a transaction. */
    public static final String OUTSIDE_TRANSACTION_CONF = "executeInTransaction=false\n";
}
