package io.schemadiff.testing;

import io.schemadiff.catalog.PostgresCatalogReader;
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
        try (Connection connection = database.getConnection()) {
            PostgresCatalogReader reader = new PostgresCatalogReader(Set.of(MigrationReplay.HISTORY_TABLE));
            return SchemaFingerprint.of(reader.read(connection, reader.userSchemas(connection)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
