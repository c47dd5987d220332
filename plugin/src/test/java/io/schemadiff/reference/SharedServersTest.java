package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.testing.Jdbc;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servers the modules of one build share, on real embedded PostgreSQL servers. */
class SharedServersTest {

    /** What the holder said, line by line. */
    private static final class Lines implements Console {
        final List<String> info = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
            info.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
        }
    }

    /** Starts real servers, counting them and keeping them for the test to inspect. */
    private static final class Starts implements Supplier<ScratchServer> {
        final AtomicInteger count = new AtomicInteger();
        final List<EmbeddedPostgresServer> started = new CopyOnWriteArrayList<>();

        @Override
        public ScratchServer get() {
            count.incrementAndGet();
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            started.add(server);
            return server;
        }
    }

    @Test
    void twoUsersGetOneServerWhoseLentHandleKeepsItRunningUntilStopAll() {
        SharedServers servers = new SharedServers();
        Starts starts = new Starts();
        Lines console = new Lines();
        try {
            ScratchServer first = servers.lend("PostgreSQL", "(default)", "module a", starts, console);
            String a = ScratchDatabases.name("reference");
            first.createDatabase(a);
            first.close();

            ScratchServer second = servers.lend("PostgreSQL", "(default)", "module b", starts, console);
            assertEquals(1, starts.count.get(), "the second user gets the running server");
            String b = ScratchDatabases.name("reference");
            DataSource database = second.createDatabase(b);
            assertEquals(List.of("1"), Jdbc.column(database, "select 1"), "closing a lent handle left it running");
            List<String> databases = Jdbc.column(starts.started.get(0).connection().dataSource("postgres", false),
                    "select datname from pg_database where datname like 'schemadiff\\_%' order by 1");
            assertTrue(databases.containsAll(List.of(a, b)), "both users' databases on one server: " + databases);
            assertEquals(List.of("Reusing the embedded PostgreSQL " + second.version() + " started by module a."),
                    console.info);
            second.close();
            assertEquals(1, servers.running());

            servers.stopAll(console);
            assertEquals(0, servers.running());
            assertEquals("Stopped the embedded PostgreSQL " + second.version()
                    + " that 2 modules shared (module a, module b).", console.info.get(1));
            ServerConnection stopped = starts.started.get(0).connection();
            assertThrows(RuntimeException.class, () -> Jdbc.column(stopped.dataSource("postgres", false), "select 1"),
                    "the server is stopped");

            ScratchServer after = servers.lend("PostgreSQL", "(default)", "module c", starts, console);
            assertEquals(2, starts.count.get(), "a later build starts its own");
            after.close();
        } finally {
            servers.stopAll(Console.SILENT);
        }
    }

    @Test
    void concurrentUsersStartOneServer() throws Exception {
        SharedServers servers = new SharedServers();
        Starts starts = new Starts();
        Lines console = new Lines();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> versions = new ArrayList<>();
            for (String module : List.of("a", "b", "c")) {
                versions.add(threads.submit(() -> {
                    go.await();
                    try (ScratchServer server = servers.lend("PostgreSQL", "(default)", "module " + module, starts,
                            console)) {
                        String name = ScratchDatabases.name("model");
                        server.createDatabase(name);
                        server.dropDatabase(name);
                        return server.version();
                    }
                }));
            }
            go.countDown();
            for (Future<String> version : versions) {
                assertFalse(version.get(180, TimeUnit.SECONDS).isBlank());
            }
            assertEquals(1, starts.count.get(), "one start for three concurrent users");
            assertEquals(2, console.info.stream().filter(l -> l.startsWith("Reusing the embedded PostgreSQL")).count(),
                    console.info::toString);
        } finally {
            threads.shutdownNow();
            servers.stopAll(Console.SILENT);
        }
    }

    @Test
    void scratchDatabaseNamesOfOneJvmNeverRepeat() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 5000; i++) {
            assertTrue(names.add(ScratchDatabases.name("model")));
        }
        String name = names.iterator().next();
        assertEquals(OwnerProcess.current().pid(), ScratchDatabases.owner(name).orElseThrow().pid(),
                "the name still says which JVM made it");
    }
}
