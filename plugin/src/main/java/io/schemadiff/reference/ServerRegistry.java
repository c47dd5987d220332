package io.schemadiff.reference;

import io.schemadiff.core.Console;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every embedded server the plugin runs on this machine, for this user: one small file per server in
 * {@code <java.io.tmpdir>/schemadiff-servers-<user>/}, naming the JVM that owns it (pid and start time), the
 * server's process and its data folder. A JVM ended by {@code kill -9} (a CI timeout, the OOM killer) runs no
 * shutdown hook and leaves its server running; the next run of the plugin, in any project, finds the server here,
 * stops it and deletes its data folder.
 */
final class ServerRegistry {

    /** Data folders the plugin makes start with this; nothing else is ever deleted by a reaper. */
    static final String DATA_PREFIX = "schemadiff-";
    private static final String ENTRY = ".server";
    private static final String CLAIMED = ".reaping-";

    private final Path folder;

    ServerRegistry(Path folder) {
        this.folder = folder;
    }

    /** The machine's registry of this user (another user's servers are not ours to stop). */
    static ServerRegistry standard() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ServerRegistry(Path.of(System.getProperty("java.io.tmpdir"), "schemadiff-servers-" + user));
    }

    Path folder() {
        return folder;
    }

    /**
     * Records a server about to start in {@code dataDir}, before its process exists: a JVM killed while the
     * server starts leaves an entry the next run can act on.
     */
    Entry register(String product, Path dataDir) {
        return register(OwnerProcess.current(), product, dataDir);
    }

    /** Records a server of {@code owner}. */
    Entry register(OwnerProcess owner, String product, Path dataDir) {
        Entry entry = new Entry(folder.resolve(owner.pid() + "-" + UUID.randomUUID() + ENTRY), product, owner,
                dataDir.toAbsolutePath(), -1, -1);
        entry.save();
        return entry;
    }

    /**
     * Stops the servers whose owning JVM is gone and deletes their data folders, saying so in one line. Two runs
     * reaping at once never both act on one entry: each first claims it by renaming it.
     */
    void reapOrphans(Console console) {
        List<String> reaped = new ArrayList<>();
        for (Path file : entries()) {
            Entry entry;
            try {
                entry = Entry.load(file);
            } catch (IOException | RuntimeException e) {
                console.debug("Ignoring unreadable server registry entry " + file + ": " + e.getMessage());
                continue;
            }
            if (!entry.owner.isGone() && !file.getFileName().toString().contains(CLAIMED)) {
                continue;
            }
            Path claim = file.resolveSibling(baseName(file) + CLAIMED + ProcessHandle.current().pid());
            try {
                Files.move(file, claim, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                continue; // another run claimed it first
            }
            String what = entry.reap();
            if (what != null) {
                reaped.add(what);
            }
            try {
                Files.deleteIfExists(claim);
            } catch (IOException e) {
                console.debug("Could not remove " + claim + ": " + e.getMessage());
            }
        }
        if (!reaped.isEmpty()) {
            console.info("Stopped " + reaped.size() + " embedded server(s) left running by builds that were killed: "
                    + String.join("; ", reaped) + ".");
        }
    }

    /** Registered servers, and claims of reapers that died before finishing. */
    private List<Path> entries() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.endsWith(ENTRY) || name.contains(CLAIMED) && reaperGone(name)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            // a registry that cannot be read reaps nothing; the run itself goes on
        }
        return files;
    }

    private static boolean reaperGone(String claimName) {
        try {
            long reaper = Long.parseLong(claimName.substring(claimName.lastIndexOf(CLAIMED) + CLAIMED.length()));
            return ProcessHandle.of(reaper).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int claimed = name.indexOf(CLAIMED);
        return claimed >= 0 ? name.substring(0, claimed) : name.substring(0, name.length() - ENTRY.length());
    }

    /** One server: who owns it, its process once started, its data folder. */
    static final class Entry {

        private final Path file;
        private final String product;
        private final OwnerProcess owner;
        private final Path dataDir;
        private long serverPid;
        private int port;

        private Entry(Path file, String product, OwnerProcess owner, Path dataDir, long serverPid, int port) {
            this.file = file;
            this.product = product;
            this.owner = owner;
            this.dataDir = dataDir;
            this.serverPid = serverPid;
            this.port = port;
        }

        /** The server's process is running and listens on {@code port}. */
        void started(long pid, int port) {
            this.serverPid = pid;
            this.port = port;
            save();
        }

        /** The server was stopped by its owner: nothing left to reap. */
        void remove() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale entry whose owner is gone is removed by the next run
            }
        }

        /** For a server that failed to start: whatever of it runs is stopped, its data folder deleted. */
        void reapNow() {
            reap();
            remove();
        }

        Path file() {
            return file;
        }

        Path dataDir() {
            return dataDir;
        }

        long serverPid() {
            return serverPid;
        }

        /** Written to a temporary file and renamed, so a reader never sees half an entry. */
        private void save() {
            Properties properties = new Properties();
            properties.setProperty("product", product);
            properties.setProperty("owner.pid", Long.toString(owner.pid()));
            properties.setProperty("owner.start", Long.toString(owner.startSeconds()));
            properties.setProperty("owner.host", owner.host());
            properties.setProperty("data", dataDir.toString());
            properties.setProperty("server.pid", Long.toString(serverPid));
            properties.setProperty("port", Integer.toString(port));
            Path folder = file.getParent();
            try {
                if (!Files.isDirectory(folder)) {
                    Files.createDirectories(folder);
                    try {
                        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: its defaults apply
                    }
                }
                Path partial = folder.resolve("." + file.getFileName() + ".partial");
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    properties.store(out, "a server of schema-maven-plugin; removed when it stops");
                }
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record the embedded server in " + folder + ": " + e.getMessage(), e);
            }
        }

        private static Entry load(Path file) throws IOException {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            OwnerProcess owner = new OwnerProcess(Long.parseLong(properties.getProperty("owner.pid")),
                    Long.parseLong(properties.getProperty("owner.start")), properties.getProperty("owner.host"));
            return new Entry(file, properties.getProperty("product"), owner, Path.of(properties.getProperty("data")),
                    Long.parseLong(properties.getProperty("server.pid", "-1")),
                    Integer.parseInt(properties.getProperty("port", "-1")));
        }

        /**
         * Stops the server's processes and deletes its data folder.
         *
         * @return what was stopped and deleted, or {@code null} when nothing was left
         */
        private String reap() {
            List<ProcessHandle> servers = processes();
            servers.forEach(Entry::stop);
            boolean deleted = isOurs(dataDir) && Files.exists(dataDir) && ServerRegistry.deleteRecursively(dataDir);
            if (servers.isEmpty() && !deleted) {
                return null;
            }
            return product + (servers.isEmpty() ? "" : " pid " + servers.get(0).pid())
                    + (port > 0 ? " on port " + port : "") + " of " + owner + " (data folder " + dataDir
                    + (deleted ? " deleted" : "") + ")";
        }

        /**
         * The server's processes: the recorded pid, when it still runs on this data folder (a pid can be reused), and
         * any process started on the data folder before its pid was recorded.
         */
        private List<ProcessHandle> processes() {
            Set<ProcessHandle> found = new LinkedHashSet<>();
            if (serverPid > 0) {
                ProcessHandle.of(serverPid).filter(this::runsOnDataDir).ifPresent(found::add);
            }
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                all.filter(this::runsOnDataDir).forEach(found::add);
            }
            return new ArrayList<>(found);
        }

        /** {@code postgres -D <dataDir> …} or {@code mariadbd --datadir=<dataDir> …}. */
        private boolean runsOnDataDir(ProcessHandle process) {
            if (process.pid() == ProcessHandle.current().pid()) {
                return false;
            }
            Optional<String[]> arguments = process.info().arguments();
            if (arguments.isEmpty()) {
                return false;
            }
            String folder = dataDir.toString();
            for (String argument : arguments.get()) {
                if (argument.equals(folder) || argument.equals("--datadir=" + folder)) {
                    return true;
                }
            }
            return false;
        }

        /** Asks it to stop (a server flushes and exits), kills it if it does not, and its children with it. */
        private static void stop(ProcessHandle server) {
            List<ProcessHandle> children = server.descendants().toList();
            server.destroy();
            try {
                server.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                server.destroyForcibly();
                try {
                    server.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported by the next run if it survived even that
                }
            }
            children.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the system reaps what it could not
                }
            }
        }

        /** Only folders the plugin names, in case an entry was edited to name another. */
        private static boolean isOurs(Path dataDir) {
            return dataDir.isAbsolute() && dataDir.getFileName() != null
                    && dataDir.getFileName().toString().startsWith(DATA_PREFIX);
        }
    }
}
