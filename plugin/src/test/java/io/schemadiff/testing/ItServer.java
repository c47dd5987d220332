package io.schemadiff.testing;

import io.schemadiff.core.Dialect;
import io.schemadiff.reference.EmbeddedMariaDbServer;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.ServerConnection;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The "team server" or "production database" of an invoker IT, for its {@code setup.groovy} and
 * {@code verify.groovy}: the server {@code -Dschemadiff.test.postgresUrl} / {@code mariadbUrl} names
 * (the outer build's {@code -D} properties are system properties of the JVM the scripts run in), else
 * an embedded server started for this IT alone. The URL reaches the IT's build as user properties in
 * {@value #PROPERTIES} (name it with {@code invoker.userPropertiesFile} in {@code invoker.properties}:
 * the invoker reads that file after the setup script ran). The server object travels to
 * {@code verify.groovy} in the invoker's {@code context} map, which both scripts share; a server whose
 * verify script never runs (a build that ended other than expected) is stopped by its shutdown hook
 * when the invoking build ends.
 */
public final class ItServer {

    /** The user properties file the setup script writes into the IT's folder. */
    public static final String PROPERTIES = "server.properties";
    private static final String SERVER_KEY = "schemadiff.itServer";

    private ItServer() {
    }

    /** A server as the IT's scripts and build reach it: its URL (naming no database for MariaDB) and credentials. */
    public record Server(String url, String user, String password) {

        public ServerConnection connection() {
            return ServerConnection.of(url, user, password);
        }

        /** The URL of {@code database} on this server. */
        public String url(String database) {
            return url.startsWith("jdbc:mariadb:") ? url + database : url.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        }

        /** {@code schema.url} (of {@code database}, or the server's), {@code schema.user}, {@code schema.password}. */
        public Map<String, String> schemaProperties(String database) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("schema.url", database == null ? url : url(database));
            properties.put("schema.user", user);
            if (password != null) {
                properties.put("schema.password", password);
            }
            return properties;
        }
    }

    /**
     * Names or starts the IT's server of {@code vendor} ({@code postgresql} or {@code mariadb});
     * {@link #stop(Map)} stops what was started here.
     */
    public static Server start(String vendor, Map<String, Object> context) {
        boolean mariaDb = Dialect.parse(vendor) == Dialect.MARIADB;
        String prefix = mariaDb ? "schemadiff.test.mariadb" : "schemadiff.test.postgres";
        String named = System.getProperty(prefix + "Url", "");
        if (!named.isBlank()) {
            String url = mariaDb ? named.trim().replaceFirst("^(jdbc:mariadb://[^/?]*).*$", "$1/") : named.trim();
            return new Server(url, System.getProperty(prefix + "User", mariaDb ? "root" : "postgres"),
                    System.getProperty(prefix + "Password"));
        }
        if (mariaDb) {
            EmbeddedMariaDbServer server = EmbeddedMariaDbServer.start(SharedMariaDb.binariesJar());
            context.put(SERVER_KEY, server);
            return new Server("jdbc:mariadb://" + server.connection().describe() + "/", "root", null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        context.put(SERVER_KEY, server);
        return new Server("jdbc:postgresql://" + server.connection().describe(), "postgres", null);
    }

    /** Stops the server {@link #start} started for this IT, if it started one. */
    public static void stop(Map<String, Object> context) throws Exception {
        // the object was made by the setup script's class loader: reach it through a JDK interface
        Object server = context.remove(SERVER_KEY);
        if (server instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Writes {@code properties} (e.g. {@code schema.url}) into the IT folder's {@value #PROPERTIES},
     * for the IT's build to receive as {@code -D} user properties.
     */
    public static void handToBuild(File basedir, Map<String, String> properties) {
        Properties file = new Properties();
        file.putAll(properties);
        try (Writer out = Files.newBufferedWriter(new File(basedir, PROPERTIES).toPath(), StandardCharsets.UTF_8)) {
            file.store(out, "written by setup.groovy (ItServer): the server this IT's build uses");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server {@link #handToBuild} named, for {@code verify.groovy}: {@code schema.url} and the
     * credentials as written ({@code schema.user} defaulting to {@code postgres} or {@code root}).
     */
    public static Server handedToBuild(File basedir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(new File(basedir, PROPERTIES).toPath(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = properties.getProperty("schema.url");
        String user = properties.getProperty("schema.user", url.startsWith("jdbc:mariadb:") ? "root" : "postgres");
        return new Server(url, user, properties.getProperty("schema.password"));
    }
}
