package io.schemadiff.testing;

import io.schemadiff.catalog.CatalogReader;
import io.schemadiff.core.Dialect;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.schema.SchemaFingerprint;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Reads a whole database (every user schema) into its name-free fingerprint. */
public final class Catalogs {

    private Catalogs() {
    }

    public static String fingerprint(DataSource database) {
        return fingerprint(database, Dialect.POSTGRESQL);
    }

    public static String fingerprint(DataSource database, Dialect dialect) {
        try (Connection connection = database.getConnection()) {
            CatalogReader reader = CatalogReader.of(dialect, Set.of(MigrationReplay.HISTORY_TABLE));
            return SchemaFingerprint.of(reader.read(connection, reader.userSchemas(connection)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
