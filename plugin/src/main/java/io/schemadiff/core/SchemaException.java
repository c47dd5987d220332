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
}
