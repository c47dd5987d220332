package io.schemadiff.testing;

import io.schemadiff.reference.NamedMariaDbServer;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;

/**
 * The machine's MariaDB server (see {@link LocalMariaDb}) as the scratch server of MariaDB pipelines:
 * every test works in databases of its own, which the pipeline or the test drops again.
 */
public final class SharedMariaDb {

    private static NamedMariaDbServer server;

    private SharedMariaDb() {
    }

    public static synchronized ScratchServer server() {
        if (server == null) {
            server = NamedMariaDbServer.connect(ServerConnection.of(LocalMariaDb.URL, "root", ""));
        }
        return ScratchServer.lent(server);
    }

    /** The server's version, e.g. {@code 10.11.19}: the model is written for it. */
    public static String version() {
        return server().version();
    }

    public static SharedPostgres.Database newDatabase(String purpose) {
        return SharedPostgres.Database.create(server(), purpose);
    }
}
