package io.schemadiff.reference;

import io.schemadiff.core.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reaper's rules, on real processes standing in for servers: a shell whose arguments name the data folder, as
 * {@code postgres -D <folder>} and {@code mariadbd --datadir=<folder>} do.
 */
class ServerRegistryTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();
    private final Console console = new Console() {
        public void info(String message) { said.add(message); }
        public void warn(String message) { said.add(message); }
        public void debug(String message) { }
    };

    @Test
    void aServerWhoseOwnerIsGoneIsStoppedWithItsChildrenAndItsFolderDeleted() throws Exception {
        ServerRegistry registry = new ServerRegistry(dir.resolve("registry"));
        Path data = Files.createDirectory(dir.resolve("schemadiff-mariadb-data-1"));
        Process server = fakeServer("--datadir=" + data);
        OwnerProcess gone = goneOwner();
        Path entry = entry(registry, gone, "MariaDB", data, server.pid(), 3307);
        List<ProcessHandle> children = server.descendants().toList();
        for (int i = 0; children.isEmpty() && i < 100; i++) {
            Thread.sleep(50);
            children = server.descendants().toList();
        }
        assertEquals(1, children.size(), "the shell's sleep");

        registry.reapOrphans(console);

        assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server is stopped");
        children.forEach(child -> assertFalse(child.isAlive(), "and its children"));
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(entry));
        assertEquals(List.of("Stopped 1 embedded server(s) left running by builds that were killed: MariaDB pid "
                + server.pid() + " on port 3307 of JVM " + gone.pid() + " (data folder " + data + " deleted)."), said);
    }

    @Test
    void serversOfRunningBuildsAndFoldersNotOursAreLeftAlone() throws Exception {
        ServerRegistry registry = new ServerRegistry(dir.resolve("registry"));
        Path running = Files.createDirectory(dir.resolve("schemadiff-postgres-data-2"));
        Process server = fakeServer(running.toString());
        Path notOurs = Files.createDirectory(dir.resolve("precious"));
        Path stale = dir.resolve("schemadiff-postgres-data-3");
        try {
            Path alive = entry(registry, OwnerProcess.current(), "PostgreSQL", running, server.pid(), 5433);
            Path edited = entry(registry, goneOwner(), "PostgreSQL", notOurs, -1, -1);
            // a server its owner stopped, whose entry a shutdown hook did not get to remove
            Path leftover = entry(registry, goneOwner(), "PostgreSQL", stale, -1, -1);

            registry.reapOrphans(console);

            assertTrue(server.isAlive(), "its owner runs");
            assertTrue(Files.exists(running) && Files.exists(alive));
            assertTrue(Files.exists(notOurs), "a folder the plugin does not name is never deleted");
            assertFalse(Files.exists(edited) || Files.exists(leftover), "entries of gone owners are removed");
            assertEquals(List.of(), said, "nothing was stopped or deleted, so nothing is said");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void anOwnerPidReusedByAnotherProcessCountsAsGone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            long start = other.info().startInstant().orElseThrow().getEpochSecond();
            OwnerProcess current = OwnerProcess.current();
            assertFalse(new OwnerProcess(other.pid(), start, current.host()).isGone());
            assertTrue(new OwnerProcess(other.pid(), start - 3600, current.host()).isGone(), "another process's pid");
            assertFalse(new OwnerProcess(other.pid(), start - 3600, "00000000").isGone(), "another host's: unknowable");
            assertFalse(new OwnerProcess(goneOwner().pid(), -1, current.host()).isGone(), "no start time: unknowable");
        } finally {
            other.destroyForcibly();
        }
    }

    /** A process that ran on this host and ended. */
    private static OwnerProcess goneOwner() throws Exception {
        Process done = new ProcessBuilder("true").start();
        long start = done.info().startInstant().map(i -> i.getEpochSecond()).orElse(System.currentTimeMillis() / 1000);
        done.waitFor();
        return new OwnerProcess(done.pid(), start, OwnerProcess.current().host());
    }

    /** A shell (with a child) whose arguments include {@code dataArgument}. */
    private static Process fakeServer(String dataArgument) throws IOException {
        return new ProcessBuilder("sh", "-c", "sleep 600; true", dataArgument).start();
    }

    private static Path entry(ServerRegistry registry, OwnerProcess owner, String product, Path data, long pid,
                              int port) {
        ServerRegistry.Entry entry = registry.register(owner, product, data);
        if (pid > 0) {
            entry.started(pid, port);
        }
        return entry.file();
    }
}
