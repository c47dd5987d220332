package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server a user names: where it is may be shown, how to get in never. */
class ServerConnectionTest {

    @Test
    void describesTheServerWithoutParametersOrPassword() {
        ServerConnection connection = ServerConnection.of(
                "jdbc:postgresql://db.internal:5433/app?sslmode=require&password=hunter2", "ci", "s3cret");
        assertEquals("db.internal:5433/app", connection.describe());
        assertEquals("app", connection.database());
        assertEquals("PostgreSQL at db.internal:5433/app as ci", connection.toString());
        assertFalse(connection.toString().contains("hunter2") || connection.toString().contains("s3cret"));
    }

    @Test
    void aUrlWithoutDatabaseMeansThePostgresDatabase() {
        assertEquals("localhost/postgres", ServerConnection.of("jdbc:postgresql://localhost", null, null).describe());
    }

    @Test
    void aWrongUrlIsNamedWithoutItsParameters() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ServerConnection.of("jdbc:mysql://db/app?password=hunter2", "u", "p"));
        assertTrue(e.getMessage().contains("schema.url"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql://db/app"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(SchemaException.class, () -> ServerConnection.of(" ", "u", "p"));
    }

    @Test
    void aReadOnlyDataSourceAsksTheServerToRefuseWrites() {
        PGSimpleDataSource readOnly = (PGSimpleDataSource) ServerConnection
                .of("jdbc:postgresql://localhost:5432/app", "ci", "pw").dataSource(null, true);
        assertTrue(readOnly.isReadOnly());
        assertEquals("always", readOnly.getReadOnlyMode());
        assertEquals("-c default_transaction_read_only=on", readOnly.getOptions());
        PGSimpleDataSource scratch = (PGSimpleDataSource) ServerConnection
                .of("jdbc:postgresql://localhost:5432/postgres", "ci", "pw").dataSource("schemadiff_x", false);
        assertEquals("schemadiff_x", scratch.getDatabaseName());
        assertFalse(scratch.isReadOnly());
    }
}
