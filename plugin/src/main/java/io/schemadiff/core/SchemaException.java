package io.schemadiff.core;

/**
 * The plugin could not decide whether the schema is in sync: bad input (a mapping Hibernate
 * rejects, a migration PostgreSQL rejects, a missing folder) or a broken environment. The message
 * names the culprit and, where there is one, the fix.
 */
public class SchemaException extends RuntimeException {

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first line of the innermost cause's message: what a database said, without Flyway's framing around
     * it.
     */
    public static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).strip();
        return message.lines().findFirst().orElse(message);
    }
}
