package io.schemadiff.reference;

import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.ChildBuild;
import io.schemadiff.testing.ChildJvm;
import io.schemadiff.testing.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds killed in a JVM of their own ({@code kill -9}, SIGTERM) while they replay migrations: what they leave
 * behind, and the next run that cleans it up.
 */
class KilledBuildTest {

    private static final String SLOW = "select pg_sleep(600);\n";
    private static final Duration RUN = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private Path tmp() {
        return dir.resolve("tmp");
    }

    private Path project() {
        return dir.resolve("project");
    }

    @Test
    void killNineDuringReplayLeavesAServerThatTheNextRunStopsAndDeletes() throws Exception {
        ShopMigrations.inSync(project()).migration("V3__slow.sql", SLOW);
        Registered server;
        long firstPid;
        try (ChildJvm first = ChildJvm.start(tmp(), dir.resolve("first.log"), ChildBuild.class, "compare",
                project().toString())) {
            firstPid = first.pid();
            server = awaitServer(first);
            first.await("the replay of V3__slow.sql", RUN, () -> sleeping(server.port()));

            assertEquals(137, first.kill(), "killed by SIGKILL");
        }
        ProcessHandle postgres = ProcessHandle.of(server.pid()).orElseThrow();
        assertTrue(postgres.isAlive(), "no hook runs on kill -9: the server is left running");
        assertTrue(Files.isDirectory(server.data()), "and its data folder");

        Files.delete(project().resolve("db/migration/V3__slow.sql"));
        Map<String, String> before = files(project());
        try (ChildJvm second = ChildJvm.start(tmp(), dir.resolve("second.log"), ChildBuild.class, "compare",
                project().toString())) {
            assertEquals(0, second.exitCode(RUN), second::output);
            String output = second.output();
            assertTrue(output.contains("[INFO] Stopped 1 embedded server(s) left running by builds that were killed: "
                    + "PostgreSQL pid " + server.pid() + " on port " + server.port() + " of JVM " + firstPid
                    + " (data folder " + server.data() + " deleted)."), output);
            assertEquals(1, output.lines().filter(l -> l.contains("Stopped")).count(), "one line says so");
            assertTrue(output.contains("RESULT in sync"), output);
        }
        assertFalse(postgres.isAlive(), "the first run's server is stopped");
        assertFalse(Files.exists(server.data()), "its data folder deleted");
        assertEquals(List.of(), leftovers(), "the second run's own server is gone too");
        assertEquals(before, files(project()), "no file of the project is new or changed");
    }

    @Test
    void sigtermDuringGenerateStopsTheServerAndWritesNoMigration() throws Exception {
        // the model has orders too, so generate would write V3 after the slow V2
        ShopMigrations.inSync(project());
        Files.delete(project().resolve("db/migration/V2__orders.sql"));
        Files.writeString(project().resolve("db/migration/V2__slow.sql"), SLOW);
        Map<String, String> before = files(project());
        Registered server;
        try (ChildJvm build = ChildJvm.start(tmp(), dir.resolve("build.log"), ChildBuild.class, "generate",
                project().toString())) {
            server = awaitServer(build);
            build.await("the replay of V2__slow.sql", RUN, () -> sleeping(server.port()));

            assertEquals(143, build.terminate(), "ended by SIGTERM, after its shutdown hooks");
            assertFalse(build.output().contains("RESULT"), build.output());
        }
        // the shutdown hook has told it to stop (pg_ctl stop -m fast); on a busy machine it may take a moment more
        // than pg_ctl waits to be gone
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(ProcessHandle.of(server.pid()).map(p -> !p.isAlive()).orElse(true), "the server is stopped");
        assertFalse(Files.exists(server.data()), "its data folder deleted");
        assertEquals(List.of(), leftovers(), "nothing left in the temporary folder, nor in the server registry");
        assertEquals(before, files(project()), "no migration, whole or half");
    }

    @Test
    void killNineDuringReplayOnANamedServerLeavesScratchDatabasesThatTheNextRunDrops() throws Exception {
        try (EmbeddedPostgresServer named = EmbeddedPostgresServer.start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + named.port() + "/postgres";
            // what must survive: a running build's database, another host's, and a name the plugin does not give
            String running = ScratchDatabases.name("model");
            String otherHost = "schemadiff_model_0123abcd_p1_s1_hffffffff";
            String foreign = "schemadiff_keep";
            for (String database : List.of(running, otherHost, foreign)) {
                named.createDatabase(database);
            }
            ShopMigrations.inSync(project()).migration("V3__slow.sql", SLOW);
            long firstPid;
            try (ChildJvm first = ChildJvm.start(tmp(), dir.resolve("first.log"), ChildBuild.class, "compare",
                    project().toString(), url)) {
                firstPid = first.pid();
                first.await("the replay of V3__slow.sql", RUN, () -> sleeping(named.port()));
                assertEquals(137, first.kill());
            }
            List<String> left = scratchDatabases(named.port());
            left.removeAll(List.of(running, otherHost, foreign));
            // the reference and the model database: both exist while the replay runs (the model's DDL runs
            // beside it), both named after the killed build
            assertEquals(2, left.size(), left::toString);
            left.sort(null);
            assertTrue(left.get(0).matches("schemadiff_model_[0-9a-f]{8}_p" + firstPid + "_s[0-9a-z]+_h[0-9a-f]{8}"),
                    left::toString);
            assertTrue(left.get(1).matches("schemadiff_reference_[0-9a-f]{8}_p" + firstPid + "_s[0-9a-z]+_h[0-9a-f]{8}"),
                    left::toString);

            Files.delete(project().resolve("db/migration/V3__slow.sql"));
            Map<String, String> before = files(project());
            try (ChildJvm second = ChildJvm.start(tmp(), dir.resolve("second.log"), ChildBuild.class, "compare",
                    project().toString(), url)) {
                assertEquals(0, second.exitCode(RUN), second::output);
                String output = second.output();
                String dropped = output.lines().filter(l -> l.contains("[INFO] Dropped 2 scratch database(s) on PostgreSQL"
                        + " at 127.0.0.1:" + named.port() + "/postgres as postgres left by builds that were killed: "))
                        .findFirst().orElseThrow(() -> new AssertionError(output));
                assertTrue(dropped.contains(left.get(0)) && dropped.contains(left.get(1)), dropped);
                assertTrue(output.contains("RESULT in sync"), output);
            }
            List<String> after = scratchDatabases(named.port());
            after.sort(null);
            List<String> kept = new ArrayList<>(List.of(running, otherHost, foreign));
            kept.sort(null);
            assertEquals(kept, after, "only the killed build's database is dropped, and the second run's own");
            assertEquals(before, files(project()));
            assertEquals(List.of(), leftovers());
        }
    }

    private record Registered(long pid, int port, Path data) {
    }

    /** The child's server, once its registry entry names the server's process. */
    private Registered awaitServer(ChildJvm child) throws InterruptedException {
        Registered[] found = new Registered[1];
        child.await("a registered server", RUN, () -> {
            for (Properties entry : entries()) {
                if (Long.parseLong(entry.getProperty("server.pid")) > 0) {
                    found[0] = new Registered(Long.parseLong(entry.getProperty("server.pid")),
                            Integer.parseInt(entry.getProperty("port")), Path.of(entry.getProperty("data")));
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private List<Properties> entries() {
        List<Properties> entries = new ArrayList<>();
        Path registry = tmp().resolve("schemadiff-servers-"
                + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"));
        try (Stream<Path> files = Files.list(registry)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".server")).toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
                entries.add(properties);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // not there yet, or being replaced
        }
        return entries;
    }

    /** Whether a session of the server is in the slow migration's {@code pg_sleep}, in a scratch database. */
    private static boolean sleeping(int port) {
        return !query(port, "select datname from pg_stat_activity where query like 'select pg_sleep(600)%' "
                + "and datname like 'schemadiff\\_reference\\_%'").isEmpty();
    }

    private static List<String> scratchDatabases(int port) {
        return query(port, "select datname from pg_database where datname like 'schemadiff\\_%'");
    }

    private static List<String> query(int port, String sql) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        dataSource.setUser("postgres");
        try {
            return new ArrayList<>(Jdbc.column(dataSource, sql));
        } catch (IllegalStateException notYet) {
            return new ArrayList<>();
        }
    }

    /**
     * Everything in the children's temporary folder but the (empty) registry folder, the prepared data folder that
     * servers are copied from (kept on purpose, for the next build), and zonky's one-line probe of the Linux
     * distribution, which zonky deletes when its JVM exits and kill -9 leaves: not a server, not ours.
     */
    private List<String> leftovers() throws IOException {
        Path prepared = tmp().resolve("schemadiff-postgres-"
                + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"));
        try (Stream<Path> paths = Files.walk(tmp())) {
            return paths.filter(p -> !p.equals(tmp()))
                    .filter(p -> !p.startsWith(prepared))
                    .filter(p -> !p.getFileName().toString().matches("detect_linux_distribution_\\d+\\.sh"))
                    .filter(p -> !(Files.isDirectory(p) && p.getFileName().toString().startsWith("schemadiff-servers-")))
                    .map(p -> tmp().relativize(p).toString()).sorted().toList();
        }
    }

    /** Every file of the project, with its content. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
