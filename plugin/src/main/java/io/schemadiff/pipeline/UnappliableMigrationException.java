package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;

/**
 * The migration the model needs does not run on the data the existing migrations put in the
 * database (a NOT NULL column on a table with rows, say): a person has to decide. Nothing was written.
 */
public final class UnappliableMigrationException extends SchemaException {

    public UnappliableMigrationException(String message) {
        super(message);
    }
}
