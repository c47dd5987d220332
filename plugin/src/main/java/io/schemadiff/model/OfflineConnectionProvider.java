package io.schemadiff.model;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import java.sql.Connection;

/**
 * Tells Hibernate there is deliberately no database while it builds the model (instead of a
 * warning that none was configured). Asking it for a connection is a bug in the plugin.
 */
public final class OfflineConnectionProvider implements ConnectionProvider {

    @Override
    public Connection getConnection() {
        throw new UnsupportedOperationException("The entity model is built offline; no connection is available");
    }

    @Override
    public void closeConnection(Connection connection) {
        // never opened
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("Cannot unwrap " + type);
    }
}
