package io.schemadiff.testing;

import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One embedded PostgreSQL for the whole test JVM; every test works in databases of its own.
 * The pipeline "closes" the server it is lent, so it gets a view whose close does nothing.
 */
public final class SharedPostgres {

    private static EmbeddedPostgresServer server;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedPostgres() {
    }

    public static ScratchServer server() {
        return ScratchServer.lent(embedded());
    }

    /** How to reach the embedded server as its superuser, for tests that need a URL (see {@link LocalPostgres}). */
    public static ServerConnection embeddedConnection() {
        return embedded().connection();
    }

    private static synchronized EmbeddedPostgresServer embedded() {
        if (server == null) {
            server = EmbeddedPostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A fresh, uniquely named database. */
    public static Database newDatabase(String purpose) {
        return Database.create(server(), purpose);
    }

    /** A scratch database on a test server; {@link #close()} drops it. */
    public record Database(String name, DataSource dataSource, ScratchServer server) implements AutoCloseable {

        /** A database named {@code schemadiff_<purpose>_<random>}: the only names servers lend out. */
        public static Database create(ScratchServer server, String purpose) {
            String name = "schemadiff_" + purpose + "_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
            return new Database(name, server.createDatabase(name), server);
        }

        @Override
        public void close() {
            server.dropDatabase(name);
        }
    }
}
