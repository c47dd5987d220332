package io.schemadiff.reference;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;

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

    /** The database a previous build kept in the data folder this server started on ({@link DatabaseSnapshots}). */
    default Optional<DatabaseSnapshots.Snapshot> startedWith() {
        return Optional.empty();
    }

    /** Connects to a database of this server that exists already (one it {@link #startedWith started with}). */
    default DataSource database(String name) {
        throw new UnsupportedOperationException("This server lends no existing databases");
    }

    /** Whether {@link #keepOnClose} can keep a database of this server for the next builds. */
    default boolean canKeep() {
        return false;
    }

    /** Whether {@link #copyDatabase} can copy a database of this server. */
    default boolean canCopy() {
        return false;
    }

    /** Creates {@code copy} as a copy of {@code original}, which nobody may be connected to. */
    default DataSource copyDatabase(String original, String copy) {
        throw new UnsupportedOperationException("This server copies no databases");
    }

    /**
     * Keeps {@code database} for the next builds, under {@code key}, when {@link #close()} stops the server; the
     * caller has dropped every other database it made by then. Does nothing unless {@link #canKeep()}.
     */
    default void keepOnClose(String key, String database, Map<String, String> notes) {
    }

    /**
     * Whether the server runs on the kept data folder it {@link #startedWith started with} itself, moved rather
     * than copied: {@link #close()} puts it back under its key after a clean stop, unless {@link #keepOnClose} or
     * {@link #discardOnClose} say otherwise. Its database must then be left as it was found, or said to be changed.
     */
    default boolean runsOnKeptFolder() {
        return false;
    }

    /** {@link #close()} deletes the data folder after all: what it was kept for no longer holds. */
    default void discardOnClose() {
    }

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
