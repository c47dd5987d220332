package io.schemadiff.reference;

import javax.sql.DataSource;

/**
 * A database server the pipeline may create scratch databases on (PostgreSQL, MariaDB). Every database it creates is
 * dropped again by the pipeline; {@link #close()} stops the server when this object owns it.
 */
public interface ScratchServer extends AutoCloseable {

    /** Creates an empty database and returns a way to connect to it. */
    DataSource createDatabase(String name);

    void dropDatabase(String name);

    /** e.g. {@code 14.22}. */
    String version();

    @Override
    void close();

    /**
     * A view of {@code server} whose {@link #close()} does nothing: for lending one long-running
     * server (tests, tools) to pipelines that close what they are given.
     */
    static ScratchServer lent(ScratchServer server) {
        return new ScratchServer() {
            @Override
            public DataSource createDatabase(String name) {
                return server.createDatabase(name);
            }

            @Override
            public void dropDatabase(String name) {
                server.dropDatabase(name);
            }

            @Override
            public String version() {
                return server.version();
            }

            @Override
            public void close() {
                // the lender stops the server
            }
        };
    }
}
