package io.schemadiff.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Stopped servers' data folders, each holding one database worth keeping between builds (the migrations replayed),
 * under a key of what built it. A build whose migrations did not change starts its server on the kept folder and
 * finds the database there, instead of replaying every migration again. The embedded PostgreSQL moves the folder
 * out while it runs (no other build can start on it then) and puts it back at a clean stop unless its database was
 * written to; the embedded MariaDB, which cannot try a migration on a copy of a database, starts on a copy of the
 * folder. Kept in the temporary folder beside the prepared data folder of the same binaries; the least recently used
 * go first, {@value #KEPT} are kept unless the build says otherwise.
 * A folder is published whole, by a rename, so a build never sees half of one; a damaged one is removed by the build
 * that could not start from it.
 */
public final class DatabaseSnapshots {

    /**
     * How many are kept unless the build says otherwise ({@code schema.keptDatabases}): a few projects, or
     * branches of one, each keep theirs, and a data folder is 40 MB and more.
     */
    public static final int KEPT = 3;

    private static final String ABOUT = "schemadiff-snapshot.properties";
    private static final String DATABASE = "database";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,120}");

    private final Path folder;
    private final int kept;

    public DatabaseSnapshots(Path folder) {
        this(folder, KEPT);
    }

    /** @param kept how many folders are kept at most, the least recently used going first; at least one */
    public DatabaseSnapshots(Path folder, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("At least one kept folder, or no DatabaseSnapshots: " + kept);
        }
        this.folder = folder;
        this.kept = kept;
    }

    /** A kept data folder: the database in it, and what its keeper noted about it. */
    public record Snapshot(Path dataFolder, String database, Map<String, String> notes) {
    }

    /** What a server's owner asked to keep when the server stops ({@link ScratchServer#keepOnClose}). */
    record Keep(String key, String database, Map<String, String> notes) {
        Keep {
            notes = Map.copyOf(notes);
        }
    }

    /** A server started on a kept folder (or a copy of it), or how to start one on {@code source}. */
    interface Start<T> {
        T on(Snapshot source);
    }

    /**
     * A server that {@code start} started on the folder kept under {@code key} (or of one {@code older}
     * accepts); empty when none is kept, or when {@code snapshots} is {@code null}, or when the server did not start
     * from it, which then is removed (a cleaner of old files or an eviction got to it first): the migrations are
     * replayed instead.
     */
    static <T> Optional<T> startOnKept(DatabaseSnapshots snapshots, String key,
                                       java.util.function.Predicate<Map<String, String>> older, Start<T> start,
                                       io.schemadiff.core.Console console, String product) {
        Optional<Snapshot> snapshot = snapshots == null || key == null ? Optional.empty() : snapshots.find(key, older);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(start.on(snapshot.get()));
        } catch (io.schemadiff.core.SchemaException e) {
            console.debug("The embedded " + product + " did not start from the kept " + snapshot.get().dataFolder()
                    + " (" + e.getMessage() + "): starting afresh.");
            snapshots.discard(snapshot.get());
            return Optional.empty();
        }
    }

    /** Keeps the stopped server's {@code dataFolder} as {@code request} asks; false when it is not kept. */
    boolean keep(Keep request, Path dataFolder) {
        return keep(request.key(), dataFolder, request.database(), request.notes());
    }

    /**
     * The data folder kept under {@code key}; else the most recently used one whose notes {@code older} accepts. It
     * is marked as just used. Empty when there is none (or it is unreadable).
     */
    public Optional<Snapshot> find(String key, java.util.function.Predicate<Map<String, String>> older) {
        Optional<Snapshot> exact = find(key);
        if (exact.isPresent()) {
            return exact;
        }
        List<Path> folders = kept(null);
        folders.sort(Comparator.comparing(DatabaseSnapshots::lastUsed).reversed());
        for (Path candidate : folders) {
            Optional<Snapshot> snapshot = read(candidate);
            if (snapshot.isPresent() && older.test(snapshot.get().notes())) {
                touch(candidate);
                return snapshot;
            }
        }
        return Optional.empty();
    }

    /** The data folder kept under {@code key}, marked as just used; empty when there is none (or it is unreadable). */
    public Optional<Snapshot> find(String key) {
        Optional<Snapshot> snapshot = read(folder.resolve(checked(key)));
        snapshot.ifPresent(found -> touch(found.dataFolder()));
        return snapshot;
    }

    private static void touch(Path data) {
        try {
            // least recently used goes first: a use counts as new
            Files.setLastModifiedTime(data, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // evicted a little early, at worst
        }
    }

    private static Optional<Snapshot> read(Path data) {
        Path about = data.resolve(ABOUT);
        if (!Files.isRegularFile(about)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(about)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String database = properties.getProperty(DATABASE);
        if (database == null) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.equals(DATABASE)) {
                notes.put(name, properties.getProperty(name));
            }
        }
        return Optional.of(new Snapshot(data, database, notes));
    }

    /**
     * Moves the stopped server's {@code dataFolder} here under {@code key}. When another build kept one under the
     * same key first, or the move fails, the folder stays where it is (its owner deletes it).
     *
     * @return whether it was kept
     */
    public boolean keep(String key, Path dataFolder, String database, Map<String, String> notes) {
        Path target = folder.resolve(checked(key));
        if (Files.isDirectory(target)) {
            return false;
        }
        Properties properties = new Properties();
        notes.forEach(properties::setProperty);
        properties.setProperty(DATABASE, database);
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(dataFolder.resolve(ABOUT))) {
                properties.store(out, "a database kept between builds by schema-maven-plugin");
            }
            // the copy has its template's times: kept now counts as used now
            Files.setLastModifiedTime(dataFolder, FileTime.fromMillis(System.currentTimeMillis()));
            Files.move(dataFolder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return false;
        } catch (FileSystemException e) {
            // another build was first, or the folder is not ours to write
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        evict(target);
        return true;
    }

    /** Removes a kept folder a server could not start from. */
    public void discard(Snapshot snapshot) {
        ServerRegistry.deleteRecursively(snapshot.dataFolder());
    }

    /** Keeps the most recently used ({@link #kept} of them), {@code justKept} among them. */
    private void evict(Path justKept) {
        List<Path> folders = kept(justKept);
        folders.sort(Comparator.comparing(DatabaseSnapshots::lastUsed).reversed());
        for (Path old : folders.subList(Math.min(folders.size(), kept - 1), folders.size())) {
            // renamed away first, so that no build starts from a folder half deleted
            Path doomed = old.resolveSibling(old.getFileName() + ".evicted-" + ProcessHandle.current().pid());
            try {
                Files.move(old, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                continue;
            }
            ServerRegistry.deleteRecursively(doomed);
        }
    }

    /** The kept folders but {@code except}. */
    private List<Path> kept(Path except) {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && !entry.equals(except) && Files.isRegularFile(entry.resolve(ABOUT))) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            // none, as far as this build can tell
        }
        return folders;
    }

    private static long lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a snapshot key: " + key);
        }
        return key;
    }
}
