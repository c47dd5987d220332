package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.CatalogCodec;
import io.schemadiff.cache.CatalogKeys;
import io.schemadiff.catalog.CatalogReader;
import io.schemadiff.catalog.ModelCatalogDelta;
import io.schemadiff.core.Console;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.model.EntityModel;
import io.schemadiff.overlap.ServerInBackground;
import io.schemadiff.overlap.StepTimes;
import io.schemadiff.reference.DatabaseSnapshots;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.ScratchDatabases;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.schema.DatabaseSchema;

import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;

/**
 * The two schemas a comparison needs: the reference (the migrations replayed, or a live database) and
 * the model (Hibernate's DDL applied), each in a scratch database of its own. A catalog whose inputs did
 * not change since it was last read comes from the {@link CatalogCache} instead, and the server starts
 * only when something must be built: after {@code mvn clean}, or after {@code schema:generate}, a
 * comparison that finds nothing to do needs no server at all. Rendering and verifying a difference work
 * on the databases themselves, which are then built on demand ({@link #databases()}).
 */
final class ScratchCatalogs implements AutoCloseable {

    private static final String SERVER_VERSION = "server";
    private static final String MIGRATIONS = "migrations";

    private final ServerInBackground servers;
    private final CatalogCache cache;
    private final String referenceInputs;
    private final MigrationReplay replay;
    private final EntityModel model;
    private final Dialect dialect;
    private final CatalogReader reader;
    private final DataSource liveReference;
    private final Map<String, Long> timings;
    private final Console console;

    private ScratchServer server;
    private String serverVersion;
    private String referenceName;
    private String modelName;
    private DataSource referenceDatabase;
    private DataSource modelDatabase;
    private int replayed;
    private boolean referenceReused;
    private final String snapshotKey;
    /** The migrations were replayed (or caught up) here, to the end. */
    private boolean replayedHere;
    /** The reference database was written to here: a replay or catch-up began. */
    private boolean referenceWritten;
    private DatabaseSnapshots.Snapshot startedWith;
    private int caughtUpFrom = -1;
    private boolean verifiedInPlace;
    private String verificationName;
    private DataSource verificationDatabase;
    private DatabaseSchema modelCatalog;
    private String modelEntry;
    /** Where the name of this project's last model catalog is noted; {@code null} when edits apply everything. */
    private final String lastModelNote;
    /** The model database holds only what a {@link ModelCatalogDelta} applied, not the whole model. */
    private boolean modelPartial;
    /** The migrations' inputs as they are now, to tell whether a file changed while Flyway replayed them. */
    private Supplier<String> inputsNow;
    /** A migration changed while this build replayed: what it replayed is not kept under the inputs it had. */
    private boolean inputsMoved;

    /**
     * @param cache           where catalogs are kept, or {@code null} to build both every time
     * @param referenceInputs the migrations' {@link CatalogKeys#migrations inputs}, or {@code null} when the
     *                        reference is not kept (a live database, or a server of the user's)
     * @param liveReference   the live database that is the reference, or {@code null} to replay the migrations
     * @param timings         where the steps' times go, as the pipeline's other stages' do
     * @param projectKey      what tells this project's model from others' (its folder), for the model catalog
     *                        an edit starts from; {@code null} for none
     */
    ScratchCatalogs(ServerInBackground servers, CatalogCache cache, String referenceInputs, MigrationReplay replay,
                    EntityModel model, Dialect dialect, CatalogReader reader, DataSource liveReference,
                    Map<String, Long> timings, Console console, String projectKey) {
        this.servers = servers;
        this.cache = cache;
        this.referenceInputs = cache == null || liveReference != null ? null : referenceInputs;
        this.replay = replay;
        this.model = model;
        this.dialect = dialect;
        this.reader = reader;
        this.liveReference = liveReference;
        this.timings = timings;
        this.console = console;
        this.lastModelNote = cache == null || projectKey == null || dialect != Dialect.POSTGRESQL ? null
                : cache.name("last-model", projectKey, null);
        this.snapshotKey = snapshotKey(cache, this.referenceInputs);
    }

    /**
     * Recomputes the migrations' inputs after a replay: when a file was edited, added or removed while Flyway
     * read the folders (an editor saving, another build writing), the replayed catalog and database are not
     * kept under the inputs computed before, which they may no longer match.
     */
    ScratchCatalogs recomputingInputsWith(Supplier<String> now) {
        this.inputsNow = now;
        return this;
    }

    /**
     * The key the replayed database of these migrations is kept under ({@link DatabaseSnapshots}), or {@code null}
     * when nothing is kept: the cache is off, or the reference is not replayed on a server of the plugin's.
     */
    static String snapshotKey(CatalogCache cache, String referenceInputs) {
        return cache == null || referenceInputs == null ? null : cache.name("snapshot", referenceInputs, null);
    }

    /**
     * Whether a comparison of these migrations probably needs no replay, so that the server need not be
     * started before the model is known: a catalog of the same migrations is kept (read for some set of
     * namespaces, which the model decides).
     */
    static boolean referenceProbablyKept(CatalogCache cache, String referenceInputs) {
        return cache != null && referenceInputs != null
                && cache.hasAny(cache.name("reference", referenceInputs, null) + "-");
    }

    /** The model's catalog, as its database has it. */
    DatabaseSchema modelCatalog() {
        if (modelCatalog != null) {
            return modelCatalog;
        }
        String name = cache == null ? null : cache.name("model", CatalogKeys.model(model.ddl(), dialect,
                replay.historyTable()), null);
        Optional<CatalogCodec.Entry> kept = load(name);
        if (kept.isPresent()) {
            modelEntry = name;
            remember(kept.get());
            modelCatalog = kept.get().schema();
            rememberLastModel(name);
            return modelCatalog;
        }
        // the replay goes alongside, kept catalog or not: a model that changed is almost always a difference,
        // which is rendered and verified on the replayed database; the two databases do not wait for each other
        boolean replayAlongside = liveReference == null && referenceDatabase == null;
        // an edit: only the tables it touched are applied, the rest comes from this project's last model catalog
        Optional<CatalogCodec.Entry> last = lastModel();
        Optional<ModelCatalogDelta> delta = last.flatMap(entry -> ModelCatalogDelta.plan(ddl(entry), model.ddl()));
        if (delta.isPresent()) {
            build(replayAlongside, true, delta.get().statements());
            replayAlongside = false;
            DatabaseSchema fresh = timedRead(modelDatabase, null);
            modelCatalog = delta.get().merge(last.get().schema(), fresh).orElse(null);
            if (modelCatalog != null) {
                modelPartial = true;
                console.debug("Model catalog: " + delta.get().affected().size() + " table(s) applied, "
                        + delta.get().removed().size() + " removed, the others as the last comparison read them.");
            } else {
                console.debug("Model catalog: the edit's tables do not merge with the last one's; applying all.");
                discardModelDatabase();
            }
        }
        if (modelCatalog == null) {
            build(replayAlongside, true, null);
            modelCatalog = timedRead(modelDatabase, null);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        if (lastModelNote != null) {
            for (int i = 0; i < model.ddl().size(); i++) {
                notes.put(DDL + i, model.ddl().get(i));
            }
        }
        if (store(name, modelCatalog, notes)) {
            modelEntry = name;
            rememberLastModel(name);
        }
        return modelCatalog;
    }

    private static final String DDL = "ddl.";
    private static final String ENTRY = "entry";

    /** The model catalog this project's last comparison kept, with the DDL it was read from. */
    private Optional<CatalogCodec.Entry> lastModel() {
        if (lastModelNote == null) {
            return Optional.empty();
        }
        return load(lastModelNote).map(pointer -> pointer.meta().get(ENTRY))
                .flatMap(this::load).filter(entry -> entry.meta().containsKey(DDL + 0));
    }

    private static List<String> ddl(CatalogCodec.Entry entry) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; entry.meta().containsKey(DDL + i); i++) {
            statements.add(entry.meta().get(DDL + i));
        }
        return statements;
    }

    private void rememberLastModel(String name) {
        if (lastModelNote == null
                || load(lastModelNote).map(entry -> name.equals(entry.meta().get(ENTRY))).orElse(false)) {
            return;
        }
        try {
            cache.store(lastModelNote, CatalogCodec.Entry.note(Map.of(ENTRY, name)));
        } catch (RuntimeException e) {
            // the next edit applies the whole model
        }
    }

    /** The reference's catalog in {@code schemas}, the model's namespaces. */
    DatabaseSchema referenceCatalog(Set<String> schemas) {
        if (liveReference != null) {
            return timedRead(liveReference, schemas);
        }
        String name = referenceInputs == null ? null
                : cache.name("reference", referenceInputs, CatalogKeys.schemas(schemas));
        Optional<CatalogCodec.Entry> kept = load(name);
        if (referenceDatabase == null) {
            if (kept.isPresent()) {
                referenceReused = true;
                remember(kept.get());
                replayed = Integer.parseInt(kept.get().meta().getOrDefault(MIGRATIONS, "0"));
                return kept.get().schema();
            }
            build(true, false);
        } else if (kept.isPresent()) {
            // built beside the model's apply for a difference: the same inputs' catalog, not read again
            return kept.get().schema();
        }
        DatabaseSchema catalog = timedRead(referenceDatabase, schemas);
        if (!inputsMoved) {
            store(name, catalog, Map.of(MIGRATIONS, String.valueOf(replayed)));
        }
        return catalog;
    }

    /**
     * Keeps the catalog a verification read after the generated migrations were applied, for the run after
     * they are written, under the inputs the migrations will have then ({@code inputsAfterWriting}).
     */
    void keepVerified(String inputsAfterWriting, DatabaseSchema catalog, int migrationsAfterWriting) {
        if (cache == null || inputsAfterWriting == null || liveReference != null || inputsMoved) {
            return;
        }
        store(cache.name("reference", inputsAfterWriting, CatalogKeys.schemas(catalog.schemas())), catalog,
                Map.of(MIGRATIONS, String.valueOf(migrationsAfterWriting)));
    }

    /**
     * Builds the databases a difference is rendered and verified on that are not there yet: the replayed one,
     * and on MariaDB the model's too (its spellings of names are read there).
     */
    void databases() {
        boolean replayNow = liveReference == null && referenceDatabase == null;
        boolean applyNow = modelDatabase == null && dialect == Dialect.MARIADB;
        if (replayNow || applyNow) {
            build(replayNow, applyNow);
        }
    }

    /**
     * Where a generated migration is tried: the replayed database itself, or a copy of it when that database is
     * kept for the next builds, which must find it as the migrations left it.
     */
    DataSource verificationDatabase() {
        DataSource reference = referenceDatabase();
        if (!keepsReference()) {
            return reference;
        }
        if (!server().canCopy()) {
            // MariaDB: the migration is tried on the replayed database itself, which is then not kept
            verifiedInPlace = true;
            return reference;
        }
        if (verificationDatabase == null) {
            verificationName = ScratchDatabases.name("verify");
            verificationDatabase = server().copyDatabase(referenceName, verificationName);
        }
        return verificationDatabase;
    }

    /**
     * Whether the replayed database is kept for the next builds when the server stops: the one replayed or caught
     * up in this run, or the kept one the server runs on, untouched.
     */
    private boolean keepsReference() {
        return !verifiedInPlace && !inputsMoved && snapshotKey != null && server != null && server.canKeep()
                && (replayedHere || server.runsOnKeptFolder() && !referenceWritten);
    }

    /**
     * Where the reference came from, for the pipeline's "Reference:" line: a kept catalog, a kept database brought
     * up to date or as it was, or a replay in this run.
     *
     * @param server how the scratch server is named, e.g. {@code embedded PostgreSQL} (its version follows)
     * @param shown  how a folder is shown
     */
    String describeReference(String server, java.util.function.Function<java.nio.file.Path, String> shown) {
        int count = replayed();
        String on = server + " " + serverVersion();
        if (referenceReused) {
            return "the catalog of " + count + " migration(s) replayed earlier on " + on + ", kept in "
                    + shown.apply(cache.folder()) + " (-Dschema.cache=false replays them)";
        }
        if (caughtUpFrom >= 0) {
            return count + " migration(s) on " + on + ": " + caughtUpFrom + " replayed by an earlier build and kept in "
                    + shown.apply(keptDatabaseFolder()) + ", " + (count - caughtUpFrom)
                    + " added since replayed now (-Dschema.cache=false replays them all)";
        }
        if (keptDatabaseFolder() != null) {
            return "the database " + count + " migration(s) were replayed into earlier on " + on + ", kept in "
                    + shown.apply(keptDatabaseFolder()) + " (-Dschema.cache=false replays them)";
        }
        return count + " migration(s) replayed on " + on;
    }

    /** Where the replayed database came from, when an earlier build kept it; otherwise {@code null}. */
    java.nio.file.Path keptDatabaseFolder() {
        return startedWith == null ? null : startedWith.dataFolder().getParent();
    }

    /** The replayed database, or the live one; built on demand. */
    DataSource referenceDatabase() {
        if (liveReference != null) {
            return liveReference;
        }
        if (referenceDatabase == null) {
            build(true, false);
        }
        return referenceDatabase;
    }

    /** The database the model's DDL was applied to, all of it; built on demand. */
    DataSource modelDatabase() {
        if (modelPartial) {
            discardModelDatabase();
        }
        if (modelDatabase == null) {
            build(false, true);
        }
        return modelDatabase;
    }

    /** Drops a model database that holds less than the whole model, for one that holds all of it. */
    private void discardModelDatabase() {
        dropQuietly(modelName);
        modelName = null;
        modelDatabase = null;
        modelPartial = false;
    }

    /** The migrations the reference holds: replayed now, or when its kept catalog was read. */
    int replayed() {
        return replayed;
    }

    /** The name the model's catalog is kept under, once it was read from or written to the cache. */
    String modelEntry() {
        return modelEntry;
    }

    /** The scratch server's version, from the server or from the kept catalogs when none was started. */
    String serverVersion() {
        return serverVersion;
    }

    private void build(boolean replayNow, boolean applyNow) {
        build(replayNow, applyNow, null);
    }

    /** @param statements what of the model's DDL to apply, or {@code null} for all of it */
    private void build(boolean replayNow, boolean applyNow, List<String> statements) {
        ScratchServer scratch = server();
        // the migrations replayed by an earlier build, in the data folder the server started on: these migrations,
        // or earlier files of them that Flyway brings up to date (ReplayCatchUp)
        DatabaseSnapshots.Snapshot kept = replayNow && snapshotKey != null ? scratch.startedWith().orElse(null) : null;
        if (kept != null) {
            startedWith = kept;
            referenceName = kept.database();
            referenceDatabase = scratch.database(referenceName);
            replayed = Integer.parseInt(kept.notes().getOrDefault(MIGRATIONS, "0"));
            if (kept.dataFolder().getFileName().toString().equals(snapshotKey)) {
                replayNow = false;
            } else {
                caughtUpFrom = replayed;
            }
        } else if (replayNow) {
            referenceName = ScratchDatabases.name("reference");
            referenceDatabase = scratch.createDatabase(referenceName);
        }
        // a replay that fails half-way leaves a database nobody may start from
        referenceWritten |= replayNow;
        if (applyNow) {
            modelName = ScratchDatabases.name("model");
            modelDatabase = scratch.createDatabase(modelName);
        }
        DataSource reference = referenceDatabase;
        DataSource modelTarget = modelDatabase;
        boolean replaying = replayNow;
        // two databases, two sessions: the replay and the model's DDL do not wait for each other
        StepTimes steps = StepTimes.replayAndApply(() -> replaying ? replay.replay(reference) : 0,
                () -> {
                    if (applyNow) {
                        ModelDdl.apply(modelTarget, statements == null ? model : new EntityModel(statements,
                                model.sources(), model.hibernateVersion(), model.defaultSchema(), model.origin()),
                                dialect);
                    }
                });
        if (replayNow) {
            replayedHere = true;
            replayed = Math.max(caughtUpFrom, 0) + steps.replayed();
            timings.put("replay", steps.replayMillis());
            if (referenceInputs != null && inputsNow != null && !referenceInputs.equals(inputsNow.get())) {
                inputsMoved = true;
                console.debug("A migration changed while it was replayed: the replayed catalog is not kept.");
            }
        }
        if (applyNow) {
            timings.put("apply model", steps.applyMillis());
        }
    }

    private ScratchServer server() {
        if (server == null) {
            long start = System.nanoTime();
            server = servers.get();
            serverVersion = server.version();
            timings.put("server", elapsed(start));
        }
        return server;
    }

    private Optional<CatalogCodec.Entry> load(String name) {
        if (name == null) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<CatalogCodec.Entry> entry = cache.load(name);
        timings.merge("cached catalogs", elapsed(start), Long::sum);
        return entry;
    }

    private void remember(CatalogCodec.Entry entry) {
        if (server == null && serverVersion == null) {
            serverVersion = entry.meta().get(SERVER_VERSION);
        }
    }

    /** @return whether the catalog is kept */
    private boolean store(String name, DatabaseSchema catalog, Map<String, String> meta) {
        if (name == null) {
            return false;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put(SERVER_VERSION, serverVersion());
        all.putAll(meta);
        try {
            cache.store(name, new CatalogCodec.Entry(all, catalog));
            return true;
        } catch (UncheckedIOException | SecurityException e) {
            // a full disk or a read-only folder costs the next run a replay, not this one its verdict
            console.debug("Could not keep a catalog in " + cache.folder() + ": " + e.getMessage());
            return false;
        }
    }

    private DatabaseSchema timedRead(DataSource database, Set<String> schemas) {
        long start = System.nanoTime();
        DatabaseSchema catalog = read(database, schemas);
        timings.merge("read catalogs", elapsed(start), Long::sum);
        return catalog;
    }

    /** Reads {@code schemas} of the database, or every namespace the user made when {@code null}. */
    DatabaseSchema read(DataSource database, Set<String> schemas) {
        return read(reader, database, schemas);
    }

    static DatabaseSchema read(CatalogReader reader, DataSource database, Set<String> schemas) {
        try (Connection connection = database.getConnection()) {
            Set<String> wanted = schemas != null ? schemas : reader.userSchemas(connection);
            return reader.read(connection, new TreeSet<>(wanted));
        } catch (SQLException e) {
            throw new SchemaException("Cannot read the database catalog: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the scratch databases made here and stops (or gives back) the server; a database replayed here is kept
     * for the next builds instead, when the server can keep it, and a kept one the server runs on goes back
     * unless it was written to.
     */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            boolean keep = keepsReference();
            if (!keep) {
                dropQuietly(referenceName);
            }
            dropQuietly(modelName);
            dropQuietly(verificationName);
            if (keep && replayedHere) {
                Map<String, String> notes = new LinkedHashMap<>(ReplayCatchUp.notes(referenceInputs, cache));
                notes.put(MIGRATIONS, String.valueOf(replayed));
                notes.put(SERVER_VERSION, String.valueOf(serverVersion));
                server.keepOnClose(snapshotKey, referenceName, notes);
            } else if (!keep && server.runsOnKeptFolder()) {
                server.discardOnClose();
            }
        } finally {
            server.close();
            timings.put("stop", elapsed(start));
        }
    }

    private void dropQuietly(String database) {
        if (database == null) {
            return;
        }
        try {
            server.dropDatabase(database);
        } catch (RuntimeException e) {
            console.debug("Could not drop scratch database " + database + ": " + e.getMessage());
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
