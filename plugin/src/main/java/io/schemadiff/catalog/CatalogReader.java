package io.schemadiff.catalog;

import io.schemadiff.core.Dialect;
import io.schemadiff.schema.DatabaseSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Reads a database's catalog into the neutral schema model; one implementation per dialect. */
public interface CatalogReader {

    /** The schemas that hold the user's objects (on MariaDB: the current database, as {@code public}). */
    Set<String> userSchemas(Connection connection) throws SQLException;

    /** Every table, sequence and unmanaged object of {@code schemas}. */
    DatabaseSchema read(Connection connection, Set<String> schemas) throws SQLException;

    /**
     * @param excludedTables tables never part of a schema, such as Flyway's history table
     */
    static CatalogReader of(Dialect dialect, Set<String> excludedTables) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogReader(excludedTables);
            case MARIADB -> new MariaDbCatalogReader(excludedTables);
        };
    }
}
