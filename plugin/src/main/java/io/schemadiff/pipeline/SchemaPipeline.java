package io.schemadiff.pipeline;

import io.schemadiff.catalog.CatalogReader;
import io.schemadiff.catalog.MariaDbCatalogReader;
import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.QuarkusProperties;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.KeyedServers;
import io.schemadiff.core.Console;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.FolderFiles;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.AutoIncrementKeys;
import io.schemadiff.diff.Change;
import io.schemadiff.diff.Exclusions;
import io.schemadiff.diff.OnlinePlan;
import io.schemadiff.diff.ExplicitNames;
import io.schemadiff.diff.ForeignKeyIndexes;
import io.schemadiff.diff.Renames;
import io.schemadiff.diff.SafetyLint;
import io.schemadiff.diff.SchemaDiff;
import io.schemadiff.diff.SchemaDiffer;
import io.schemadiff.diff.UndoPlan;
import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.ClassFileVersions;
import io.schemadiff.model.EntityModel;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.model.ModelJvm;
import io.schemadiff.model.SourceMap;
import io.schemadiff.overlap.ServerInBackground;
import io.schemadiff.cache.CatalogKeys;
import io.schemadiff.reference.LiveDatabase;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.render.MigrationDocument;
import io.schemadiff.render.MigrationRenderer;
import io.schemadiff.render.MigrationSession;
import io.schemadiff.render.SessionTimeouts;
import io.schemadiff.render.GeneratedStatements;
import io.schemadiff.render.RenderedChange;
import io.schemadiff.render.ReviewChecklist;
import io.schemadiff.render.UndoDocument;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.SchemaFingerprint;
import io.schemadiff.write.MigrationFolder;
import io.schemadiff.write.MigrationFolderCheck;
import io.schemadiff.write.MigrationTextCheck;
import io.schemadiff.write.WritableFolder;
import io.schemadiff.write.MigrationLock;
import io.schemadiff.write.MigrationNamer;
import io.schemadiff.write.MigrationNaming;
import io.schemadiff.write.UndoFolder;
import io.schemadiff.write.MigrationWriter;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * discover → model → reference → diff → render (→ write): the whole comparison, with no Maven in sight.
 *
 * <p>Both schemas are built on one server of the dialect: the reference by replaying the project's
 * Flyway migrations, the model by running Hibernate's own create DDL. One catalog reader reads
 * both, so the server normalises every spelling the same way before anything is compared. Before
 * a migration is trusted it is applied to the replayed database and the comparison is repeated:
 * anything left over is reported as an internal error, and nothing is written.
 */
public final class SchemaPipeline {


    private final PipelineSettings settings;
    private final Console console;
    private final Supplier<ScratchServer> servers;
    private final Clock clock;
    private TargetDatabase resolvedTarget;

    /**
     * @param servers starts (or lends) the server of the dialect; the pipeline closes what it gets,
     *                and drops every database it created on it
     */
    /** Set by {@link #generate()}: the migrations folder must then be writable before anything runs. */
    private boolean writing;

    public SchemaPipeline(PipelineSettings settings, Console console, Supplier<ScratchServer> servers, Clock clock) {
        settings.validate();
        this.settings = settings;
        this.console = console;
        this.servers = servers;
        this.clock = clock;
    }

    /** Compares and, when the model has changed, writes the next migration. */
    public Generation generate() {
        if (settings.reference() == PipelineSettings.Reference.LIVE) {
            throw new SchemaException("schema:generate writes the migration that follows the project's migrations, "
                    + "so it replays them; a live database is for drift checks: mvn compile schema:diff "
                    + "-Dschema.reference=live.");
        }
        writing = true;
        Comparison comparison = compare();
        if (comparison.inSync()) {
            return new Generation(comparison, Optional.empty(), List.of());
        }
        if (comparison.dataProblem() != null) {
            throw new UnappliableMigrationException("Nothing was written: " + comparison.dataProblem());
        }
        List<SafetyLint.Finding> destructive = comparison.destructive();
        if (!destructive.isEmpty()) {
            if (settings.destructive() == PipelineSettings.Policy.FAIL) {
                throw new DestructiveChangesException("Nothing was written:", destructive);
            }
            console.warn(comparison.migrationFileName() + " loses data; review these before it is applied:\n"
                    + DestructiveChangesException.describe(destructive));
        }
        // undo scripts (and the Flyway script configuration of one) go where Flyway does not look
        Path folder = comparison.migrationsFolder();
        Path undoFolder = comparison.undoFolder() != null ? comparison.undoFolder() : folder;
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(folder.resolve(comparison.migrationFileName()), comparison.migrationSql());
        if (comparison.undoSql() != null) {
            files.put(undoFolder.resolve(comparison.undoFileName()), comparison.undoSql());
        }
        Comparison.FollowUp followUp = comparison.followUp();
        if (followUp != null) {
            files.put(folder.resolve(followUp.fileName()), followUp.sql());
            if (followUp.undoSql() != null) {
                files.put(undoFolder.resolve(followUp.undoFileName()), followUp.undoSql());
            }
        }
        Set<String> undos = new java.util.HashSet<>();
        undos.add(comparison.undoFileName());
        undos.add(followUp == null ? null : followUp.undoFileName());
        // Flyway's script configuration: these run outside a transaction (create index concurrently)
        for (String name : comparison.outsideTransaction()) {
            files.put((undos.contains(name) ? undoFolder : folder).resolve(name + ".conf"),
                    MigrationSession.OUTSIDE_TRANSACTION_CONF);
        }
        refuseIfFolderChanged(comparison.migrationFileName(), null);
        // a migration without the undo or follow-up it was promised with is half a result: all or none
        List<Path> written = new MigrationWriter().writeAll(files);
        keepVerifiedCatalog(written);
        return new Generation(comparison, Optional.of(written.get(0)), List.copyOf(written));
    }

    /**
     * A migration written into the folders since they were checked (a second {@code schema:generate} at once,
     * an editor) was not replayed, or was replayed without being counted for the next version: writing now
     * would duplicate its changes under another version.
     */
    private void refuseIfFolderChanged(String migrationFileName, Throwable cause) {
        CheckedMigrations checked = lastChecked;
        List<Path> appeared = MigrationFolder.appearedSince(checked.versionedFiles(), checked.migrations().folders(),
                checked.naming());
        if (!appeared.isEmpty()) {
            throw new SchemaException("Nothing was written: " + appeared.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + " appeared in the migrations folder while this build "
                    + "compared (another build or an editor wrote it), so " + migrationFileName
                    + " could repeat its changes. Run again to compare with it.", cause);
        }
    }

    /** The migrations the last {@link #compare()} checked, for {@link #refuseIfFolderChanged}. */
    private CheckedMigrations lastChecked;

    /**
     * The replayed catalog a verification read after applying the generated migrations, to be kept for the
     * next run once they are written.
     */
    private record VerifiedCatalog(ScratchCatalogs catalogs, DatabaseSchema catalog, Set<String> staged) {
    }

    /**
     * Keeps the verified catalog under the inputs the migrations have now that the files are written, so the
     * {@code schema:diff} after a {@code schema:generate} replays nothing: only when what was written into
     * Flyway's folders is exactly what the verification applied.
     */
    private void keepVerifiedCatalog(List<Path> written) {
        VerifiedCatalog kept = verified;
        verified = null;
        if (kept == null || settings.catalogCache() == null) {
            return;
        }
        FlywayProject after = ProjectMigrations.resolve(settings, ApplicationProperties.load(
                settings.applicationConfigurationFolders(), settings.profiles()), new ArrayList<>());
        List<Path> inFlywayFolders = written.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> after.folders().stream().anyMatch(f -> p.startsWith(f.toAbsolutePath().normalize())))
                .toList();
        Set<String> names = inFlywayFolders.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        if (inFlywayFolders.size() != kept.staged().size() || !names.equals(kept.staged())) {
            console.debug("The replayed catalog is not kept: the files written into Flyway's folders, " + names
                    + ", are not the ones verified, " + kept.staged());
            return;
        }
        String inputs = referenceInputs(after);
        long migrations = kept.staged().stream().filter(name -> !name.endsWith(".conf")).count();
        kept.catalogs().keepVerified(inputs, kept.catalog(), kept.catalogs().replayed() + (int) migrations);
    }

    /** Set by a verification that passed, for {@link #keepVerifiedCatalog}. */
    private VerifiedCatalog verified;

    /**
     * The result of {@link #generate()}: the comparison, the migration written, if any, and every file
     * written (the migration, its undo, a follow-up and its undo).
     */
    public record Generation(Comparison comparison, Optional<Path> written, List<Path> files) {
    }

    /**
     * Compares the entity model with the schema the existing migrations build. Writes nothing. The
     * server starts at once, on a thread of its own, while the model is scanned and built.
     */
    public Comparison compare() {
        // the model JVM starts at once and waits for the classes the scan finds
        try (ModelJvm.Started modelJvm = settings.modelJvm() == null ? null : settings.modelJvm().start()) {
            return compare(modelJvm);
        }
    }

    private Comparison compare(ModelJvm.Started modelJvm) {
        // the folder checks cost file reads only: a bad folder fails before any server starts
        long start = System.nanoTime();
        ApplicationProperties application = ApplicationProperties.load(settings.applicationConfigurationFolders(),
                settings.profiles());
        CheckedMigrations checked = checkedMigrations(application);
        lastChecked = checked;
        // kept catalogs may make the server unnecessary: then it starts when it is needed
        // a server of the plugin's own may start with these migrations replayed by an earlier build
        Supplier<ScratchServer> starting = KeyedServers.startingWith(servers,
                ScratchCatalogs.snapshotKey(settings.catalogCache(), checked.referenceInputs()),
                ReplayCatchUp.from(checked.referenceInputs(), checked.naming(), settings.catalogCache()));
        try (ServerInBackground server = ServerForecast.open(starting, settings.catalogCache(), checked.referenceInputs(),
                settings.differenceExpected() || settings.modelChanged())) {
            return compare(server, modelJvm, application, checked, elapsed(start));
        }
    }

    /**
     * The project's migrations, their folders checked before anything runs.
     *
     * @param referenceInputs what the replayed catalog depends on, when it may be kept ({@link CatalogKeys})
     * @param versionedFiles the versioned migration files in the folders, listed before anything was replayed
     */
    private record CheckedMigrations(FlywayProject migrations, List<String> flywaySources, MigrationNaming naming,
                                     String referenceInputs, Set<Path> versionedFiles) {
    }

    /** The inputs of the migrations' catalog, when catalogs are kept and the reference is replayed here. */
    private String referenceInputs(FlywayProject migrations) {
        if (settings.catalogCache() == null || settings.reference() != PipelineSettings.Reference.EMBEDDED) {
            return null;
        }
        try {
            return CatalogKeys.migrations(migrations, settings.dialect(), new MigrationReplay(migrations,
                    settings.dialect()).historyTable(), settings.classesDirectory(), settings.classpath());
        } catch (java.io.UncheckedIOException e) {
            console.debug("No replayed catalog kept: " + e.getMessage());
            return null;
        }
    }

    private CheckedMigrations checkedMigrations(ApplicationProperties application) {
        List<String> flywaySources = new ArrayList<>();
        FlywayProject migrations = ProjectMigrations.resolve(settings, application, flywaySources);
        if (settings.dialect() == Dialect.MARIADB && (migrations.settings().defaultSchema() != null
                || migrations.settings().schemas() != null && !migrations.settings().schemas().isEmpty())) {
            // Flyway would create those databases beside the scratch one, on a server that may not be ours
            throw new SchemaException("Flyway's schemas/defaultSchema name databases on MariaDB; the plugin replays "
                    + "the migrations into one scratch database. Remove them from the Flyway settings read from "
                    + String.join(", ", flywaySources) + ".");
        }
        // duplicate versions, misnamed files, edited released migrations: before anything runs
        MigrationNaming naming = MigrationNaming.of(migrations.settings());
        Path undoHint = naming.runsUndo() || !settings.undo() ? null : UndoFolder.resolve(settings.undoDirectory(), settings.baseDirectory(),
                migrations.folders(), naming, migrations.writableFolder());
        for (Path migrationFolder : migrations.folders()) {
            MigrationFolderCheck.enforce(MigrationFolderCheck.check(migrationFolder,
                    migrationFolder.equals(migrations.writableFolder()) ? MigrationLock.read(settings.lockFile())
                            : java.util.Optional.empty(), naming,
                    Boolean.TRUE.equals(migrations.settings().outOfOrder()), shown(undoHint)), console::warn);
            MigrationFolderCheck.enforce(MigrationTextCheck.check(migrationFolder, migrations.settings().encoding()),
                    console::warn);
        }
        if (writing) {
            WritableFolder.require(migrations.writableFolder());
        }
        Set<Path> versionedFiles = MigrationFolder.versionedFiles(migrations.folders(), naming);
        return new CheckedMigrations(migrations, flywaySources, naming, referenceInputs(migrations), versionedFiles);
    }

    /**
     * @param modelJvm    the model JVM, started; {@code null} to build the model in this JVM
     * @param checkMillis how long the folder checks and the migrations' inputs took
     */
    private Comparison compare(ServerInBackground servers, ModelJvm.Started modelJvm, ApplicationProperties application,
                               CheckedMigrations checked, long checkMillis) {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("check migrations", checkMillis);
        long start = System.nanoTime();

        ProjectHibernateSettings hibernate = ProjectHibernateSettings.resolve(settings, application,
                QuarkusProperties.load(settings.applicationConfigurationFolders(), settings.profiles()), console);
        DiscoveredModel discovered = discover(hibernate.classes(), modelJvm);
        ClassFileVersions.requireLoadable(discovered.classFileMajors(), settings.projectClassLoader());
        String classesKey = settings.catalogCache() == null ? null
                : ServerForecast.classesKey(discovered, settings.projectClassLoader(), hibernate.properties());
        String notedModel = ServerForecast.afterScan(servers, settings.catalogCache(), classesKey);
        timings.put("discover", elapsed(start));

        long t = System.nanoTime();
        List<Path> projectClasspath = new ArrayList<>();
        projectClasspath.add(settings.classesDirectory());
        projectClasspath.addAll(settings.classpath());
        EntityModel model = (modelJvm == null ? Optional.<EntityModel>empty()
                : modelJvm.build(discovered.classes(), projectClasspath, target(), hibernate.properties(),
                console)).orElseGet(() -> new HibernateModelBuilder().build(discovered.classes(),
                settings.projectClassLoader(), projectClasspath, target(), hibernate.properties()));
        timings.put("model", elapsed(t));
        console.info("Model: " + discovered.entities().size() + " entities in packages matching " + settings.packages()
                + ", DDL by " + model.producedBy() + " for " + target().describe()
                + (modelJvm != null && modelJvm.builtByKeptJvm() ? ", in the model JVM kept from an earlier build"
                + " (-Dschema.modelJvmKeep=0 ends it with its build)" : ""));
        model.sources().untraced().ifPresent(reason -> console.warn("Changes will not name their entities and fields: "
                + reason + "."));
        if (settings.dialect() == Dialect.MARIADB) {
            refuseOtherDatabases(model);
        }

        FlywayProject migrations = checked.migrations();
        List<String> flywaySources = checked.flywaySources();
        MigrationNaming naming = checked.naming();
        Dialect dialect = settings.dialect();
        console.info("Migrations: " + migrations.describe(settings.baseDirectory()) + (flywaySources.isEmpty() ? ""
                : " (Flyway settings from " + String.join(", ", flywaySources) + ")"));
        MigrationReplay replay = new MigrationReplay(migrations, dialect);
        CatalogReader reader = CatalogReader.of(dialect, Set.of(replay.historyTable()));
        boolean live = settings.reference() == PipelineSettings.Reference.LIVE;
        MigrationStatus status = null;
        DataSource liveReference = null;
        String referenceLabel = null;
        if (live) {
            t = System.nanoTime();
            LiveDatabase database = new LiveDatabase(settings.connection());
            database.checkReadOnly();
            liveReference = database.dataSource();
            status = database.status(replay);
            referenceLabel = "live database " + database.describe() + " (" + dialect.productName() + " " + database.version()
                    + ", read-only)";
            timings.put("read live", elapsed(t));
        }
        try (ScratchCatalogs catalogs = new ScratchCatalogs(servers, settings.catalogCache(), checked.referenceInputs(),
                replay, model, dialect, reader, liveReference, timings, console,
                settings.baseDirectory() == null ? null : settings.baseDirectory().toAbsolutePath().normalize()
                        + "\n" + replay.historyTable()).recomputingInputsWith(() -> referenceInputs(migrations))) {
            DatabaseSchema modelCatalog = catalogs.modelCatalog();
            if (catalogs.modelEntry() != null && !catalogs.modelEntry().equals(notedModel)) {
                ServerForecast.remember(settings.catalogCache(), classesKey, catalogs.modelEntry());
            }
            DatabaseSchema referenceCatalog = catalogs.referenceCatalog(modelCatalog.schemas());
            int replayed = catalogs.replayed();
            if (!live) {
                referenceLabel = catalogs.describeReference(settings.reference() == PipelineSettings.Reference.SERVER
                        ? "a scratch database of " + settings.connection() + ", version"
                        : "embedded " + dialect.productName(), folder -> homeRelative(shown(folder)));
            }
            console.info("Reference: " + referenceLabel);

            t = System.nanoTime();
            Exclusions exclusions = Exclusions.of(settings.exclude());
            DatabaseSchema modelSchema = exclusions.removeFrom(
                    withHibernateChecks(modelCatalog, model.sources()), false);
            DatabaseSchema referenceSchema = exclusions.removeFrom(referenceCatalog, true);
            SchemaDiff diff = Renames.parse(settings.renames(), model.defaultSchema()).diff(referenceSchema, modelSchema)
                    .plus(ExplicitNames.renames(referenceSchema, modelSchema, model.sources().explicitNames(),
                            dialect == Dialect.POSTGRESQL));
            diff = settings.kept().applyTo(diff);
            if (dialect == Dialect.MARIADB) {
                diff = ForeignKeyIndexes.arrange(diff, referenceSchema);
                diff = new SchemaDiff(AutoIncrementKeys.arrange(diff.changes()), diff.unmanaged());
            }
            timings.put("diff", elapsed(t));
            Renames.probable(diff.changes()).forEach(console::warn);

            if (diff.isEmpty()) {
                return new Comparison(discovered, model, diff, List.of(), null, null, catalogs.serverVersion(), replayed,
                        timings, modelSchema, referenceSchema, null, null, null, null, referenceLabel, status, migrations.writableFolder(), dialect,
                        null, OnlinePlan.Mode.PLAIN, List.of());
            }

            // on tables with rows, what would block writes while it scans or builds goes lock-safe to a
            // follow-up migration, outside a transaction (schema.online, schema.concurrentIndexes)
            OnlinePlan.Mode mode = settings.online() ? OnlinePlan.Mode.ONLINE
                    : settings.concurrentIndexes() ? OnlinePlan.Mode.INDEXES : OnlinePlan.Mode.PLAIN;
            OnlinePlan online = OnlinePlan.of(diff.changes(), referenceSchema.tables().keySet(), mode,
                    settings.backfill());
            diff = new SchemaDiff(online.changes(), diff.unmanaged());

            // a difference is rendered and proven on the databases themselves, kept catalogs or not
            catalogs.databases();
            t = System.nanoTime();
            // a live database is never written to: its SQL is proven only where migrations are replayed
            boolean verifying = settings.verify() && !live;
            Rendering rendered = render(catalogs, reader, migrations, replay, naming, live, diff, referenceSchema,
                    online, mode, model);
            timings.put("render", elapsed(t));
            NextMigration next = rendered.next();
            GeneratedMigration first = rendered.first();
            GeneratedMigration followUp = rendered.followUp();
            List<SafetyLint.Finding> reviewed = rendered.findings();

            String dataProblem = null;
            if (verifying) {
                t = System.nanoTime();
                Map<String, String> files = new LinkedHashMap<>();
                first.addFiles(files, false);
                if (followUp != null) {
                    followUp.addFiles(files, false);
                }
                dataProblem = verify(new StagedReplay(replay, migrations, modelJvm, projectClasspath), catalogs,
                        next.placement().folder(), modelSchema, files, reviewed, model.sources().explicitNames());
                if (first.undoSql() != null && dataProblem == null) {
                    // undone in the reverse order of doing
                    Map<String, String> undos = new LinkedHashMap<>();
                    Set<String> outsideTransaction = new java.util.HashSet<>();
                    for (GeneratedMigration migration : followUp == null ? List.of(first) : List.of(followUp, first)) {
                        undos.put(migration.undoFileName(), migration.undoSql());
                        if (!migration.transactional()) {
                            outsideTransaction.add(migration.undoFileName());
                        }
                    }
                    verifyUndo(catalogs.verificationDatabase(), reader, referenceSchema, undos, outsideTransaction);
                }
                timings.put("verify", elapsed(t));
            }
            return new Comparison(discovered, model, diff, rendered.changes(), first.fileName(), first.sql(),
                    catalogs.serverVersion(), replayed, timings, modelSchema, referenceSchema, first.undoFileName(),
                    first.undoSql(), dataProblem, followUp == null ? null : followUp.asFollowUp(), referenceLabel, status,
                    next.placement().folder(), dialect, next.undoFolder(), mode, outsideTransaction(first, followUp));
        }
    }

    /** The difference as migration files (and undo files), with the safety review of its steps. */
    private record Rendering(NextMigration next, List<SafetyLint.Finding> findings, GeneratedMigration first,
                             GeneratedMigration followUp, List<RenderedChange> changes) {
    }

    private Rendering render(ScratchCatalogs catalogs, CatalogReader reader, FlywayProject migrations,
                             MigrationReplay replay, MigrationNaming naming, boolean live, SchemaDiff diff,
                             DatabaseSchema referenceSchema, OnlinePlan online, OnlinePlan.Mode mode,
                             EntityModel model) {
        MigrationRenderer renderer = new MigrationRenderer(settings.dialect().id(), settings.templatesDirectory(),
                spellings(reader, catalogs));
                // after every version Flyway applied, Java migrations and jars included
        MigrationFolder folder = MigrationFolder.scan(migrations.folders(),
                live ? List.of() : appliedVersions(catalogs.referenceDatabase(), replay.qualifiedHistoryTable()), naming);
        // the folder's own pattern: a vendor's sub-folder and suffix, the way names end
        MigrationFolder.Placement found = folder.placement(naming);
        // no migrations folder yet: the first one goes where the project's Flyway settings say
        MigrationFolder.Placement placement = found.folder() != null ? found
                : new MigrationFolder.Placement(migrations.writableFolder(), found.suffix(), found.joiner());
        NextMigration next = new NextMigration(naming, placement,
                settings.undo() ? UndoFolder.resolve(settings.undoDirectory(), settings.baseDirectory(),
                        migrations.folders(), naming, placement.folder()) : null);
        String version = folder.nextVersion(clock, settings.versionScheme());
        String description = settings.message() != null && !settings.message().isBlank()
                ? MigrationNamer.slug(settings.message()) : null;
        Map<Change, SafetyLint.Finding> findings = new java.util.HashMap<>();
        List<SafetyLint.Finding> reviewed = SafetyLint.review(diff.changes(), referenceSchema, settings.dialect(), mode);
        for (int i = 0; i < reviewed.size(); i++) {
            findings.put(diff.changes().get(i), reviewed.get(i));
        }
        boolean split = !online.first().isEmpty() && !online.followUp().isEmpty();
        String followUpVersion = MigrationFolder.after(version);
        String followUpName = split ? fileNames(followUpVersion, followUpDescription(online.followUp()),
                next)[0] : null;
        GeneratedMigration first = online.first().isEmpty()
                ? renderMigration(renderer, online.followUp(), version, description, false, null, null, model,
                referenceSchema, next, findings)
                : renderMigration(renderer, online.first(), version, description, true, followUpName, null, model,
                referenceSchema, next, findings);
        GeneratedMigration followUp = split
                ? renderMigration(renderer, online.followUp(), followUpVersion, null, false, null,
                first.fileName(), model, referenceSchema, next, findings)
                : null;
        return new Rendering(next, reviewed, first, followUp, combined(diff.changes(), first, followUp));
    }

    /**
     * A MariaDB schema is a database: the comparison covers the one the migrations run in, and
     * Hibernate's DDL would create the others on the server. Tables mapped elsewhere
     * ({@code @Table(schema = …)}, {@code hibernate.default_schema}) are refused before any server starts.
     */
    private static void refuseOtherDatabases(EntityModel model) {
        List<String> elsewhere = model.sources().tables().entrySet().stream()
                .filter(table -> !table.getKey().schema().equals(MariaDbCatalogReader.CURRENT_DATABASE))
                .map(table -> table.getKey().schema() + "." + table.getKey().name() + " (" + table.getValue() + ")")
                .toList();
        if (!elsewhere.isEmpty()) {
            throw new SchemaException("On MariaDB a schema is another database, and the comparison covers the one "
                    + "the migrations run in; these tables are mapped elsewhere:\n  " + String.join("\n  ", elsewhere)
                    + "\nRemove schema = … from their @Table, or hibernate.default_schema from <hibernateProperties> "
                    + "(schema.hibernateProperties) or spring.jpa.properties.");
        }
    }

    /**
     * The database Hibernate writes DDL for: on PostgreSQL the major set, else the named server's or
     * live database's own (production's version, by definition), else the default; on MariaDB the
     * named server's version, else the embedded one's.
     */
    private TargetDatabase target() {
        if (resolvedTarget == null) {
            boolean embedded = settings.reference() == PipelineSettings.Reference.EMBEDDED;
            resolvedTarget = switch (settings.dialect()) {
                case POSTGRESQL -> TargetDatabase.postgresql(settings.postgresMajorSet() || embedded
                        ? settings.postgresMajor() : settings.connection().majorVersion());
                case MARIADB -> TargetDatabase.of(Dialect.MARIADB,
                        embedded ? settings.mariadbVersion() : settings.connection().version());
            };
        }
        return resolvedTarget;
    }

    /** A folder in the user's home as {@code ~/…}, the way the user would type it. */
    private static String homeRelative(Path folder) {
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath();
        return folder.isAbsolute() && folder.startsWith(home) && !folder.equals(home)
                ? "~/" + home.relativize(folder).toString().replace('\\', '/') : folder.toString();
    }

    /** A folder as messages show it: relative to the project when it is inside. */
    private Path shown(Path folder) {
        return folder == null || settings.baseDirectory() == null || !folder.startsWith(settings.baseDirectory())
                ? folder : settings.baseDirectory().relativize(folder);
    }

    /** The versions in Flyway's history of a replayed database. */
    private static List<String> appliedVersions(DataSource database, String historyTable) {
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("select version from " + historyTable
                     + " where version is not null and success")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // nothing replayed, so no history table: the folders alone decide
        }
        return versions;
    }

    /**
     * @param listedClasses classes the application's files list (persistence.xml, hibernate.cfg.xml), with where
     * @param modelJvm      the model JVM, which scans when it is one kept from an earlier build; else {@code null}
     */
    private DiscoveredModel discover(Map<String, String> listedClasses, ModelJvm.Started modelJvm) {
        List<PackagePattern> patterns;
        try {
            patterns = settings.packages().stream().map(PackagePattern::of).toList();
        } catch (IllegalArgumentException e) {
            throw new SchemaException(e.getMessage() + " in <packages> (schema.packages).", e);
        }
        Path classes = settings.classesDirectory();
        boolean noOwnClasses = classes == null || !Files.isDirectory(classes) || isEmpty(classes);
        Map<String, String> explicit = new LinkedHashMap<>(listedClasses);
        settings.classes().forEach(name -> explicit.put(name, "<classes> (schema.classes)"));
        // the kept model JVM has run ClassGraph before; Maven's JVM would load it for this scan alone
        DiscoveredModel discovered = (modelJvm == null ? Optional.<DiscoveredModel>empty()
                : modelJvm.scan(new ModelJvm.Scan(classes == null ? null : classes.toString(),
                settings.classpath().stream().map(Path::toString).toList(), settings.packages(),
                new LinkedHashMap<>(explicit)), console))
                .orElseGet(() -> new EntityScanner().scan(classes, settings.classpath(), patterns, explicit));
        reportUnregistered(discovered.unregistered());
        if (discovered.entities().isEmpty()) {
            console.debug("Searched for entities: " + EntityScanner.describe(discovered.searched()));
            if (noOwnClasses) {
                throw new SchemaException("No compiled classes in " + classes
                        + " and no entity on the classpath. Compile first: mvn compile schema:diff (or schema:generate).");
            }
            throw new SchemaException("No @Entity class found in packages matching " + settings.packages()
                    + (explicit.isEmpty() ? "" : " or among the classes " + explicit.keySet())
                    + ". Searched: " + EntityScanner.summarize(discovered.searched(), settings.baseDirectory())
                    + ". Set <packages> (schema.packages) to where your entities live (patterns such as "
                    + "com.example.**.model, or list them in <classes>).");
        }
        return discovered;
    }

    /** Entities outside the configured packages: the classic "table doesn't exist" bug, by policy. */
    private void reportUnregistered(List<String> unregistered) {
        if (unregistered.isEmpty() || settings.unregistered() == PipelineSettings.Unregistered.IGNORE) {
            return;
        }
        List<String> lines = unregistered.stream().map(name -> {
            String packageName = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
            return name + " (package " + packageName + "; include it with <package>" + packageName + "</package>)";
        }).toList();
        String heading = "Mapped classes outside the model packages " + settings.packages()
                + " are not part of the comparison:";
        if (settings.unregistered() == PipelineSettings.Unregistered.FAIL) {
            throw new SchemaException(heading + "\n  " + String.join("\n  ", lines)
                    + "\nAdd their packages to <packages> (schema.packages), list them in <classes>, or set "
                    + "<unregistered>warn</unregistered> (schema.unregistered).");
        }
        console.warn(heading);
        lines.forEach(line -> console.warn("  " + line));
    }

    private static boolean isEmpty(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** New checks are written with Hibernate's expression: PostgreSQL's printed form may not parse back the same. */
    private static DatabaseSchema withHibernateChecks(DatabaseSchema schema, SourceMap sources) {
        java.util.SortedMap<io.schemadiff.schema.QualifiedName, io.schemadiff.schema.Table> tables = new java.util.TreeMap<>();
        for (io.schemadiff.schema.Table t : schema.tables().values()) {
            List<io.schemadiff.schema.CheckConstraint> checks = t.checks().stream()
                    .map(c -> sources.checkExpression(t.name(), c.columns()).map(c::withExpression).orElse(c))
                    .toList();
            tables.put(t.name(), new io.schemadiff.schema.Table(t.name(), t.columns(), t.primaryKey(),
                    t.foreignKeys(), t.uniqueKeys(), t.indexes(), checks));
        }
        return new DatabaseSchema(schema.schemas(), tables, schema.sequences(), schema.unmanaged());
    }

    /**
     * How the model spells the names a reader reports in lower case (MariaDB), for the SQL it writes: read in the
     * model's database, built whole for it.
     */
    private static Map<String, String> spellings(CatalogReader reader, ScratchCatalogs catalogs) {
        if (!(reader instanceof MariaDbCatalogReader mariadb)) {
            return Map.of();
        }
        try (Connection connection = catalogs.modelDatabase().getConnection()) {
            return mariadb.spellings(connection);
        } catch (SQLException e) {
            throw new SchemaException("Cannot read the model database's names: " + e.getMessage(), e);
        }
    }

    /**
     * How the next migration is named and where it and its undo go.
     *
     * @param undoFolder where the undo goes, or null when undo scripts are off
     */
    private record NextMigration(MigrationNaming naming, MigrationFolder.Placement placement, Path undoFolder) {
        String fileName(String prefix, String version, String description) {
            return naming.fileName(prefix, version, description, placement.joiner(), placement.suffix());
        }
    }

    /** One migration file rendered, with its undo (when undo files are on) and the changes it holds. */
    private record GeneratedMigration(String fileName, String sql, String undoFileName, String undoSql,
                                      List<RenderedChange> rendered, boolean transactional) {
        Comparison.FollowUp asFollowUp() {
            return new Comparison.FollowUp(fileName, sql, undoFileName, undoSql);
        }

        /** The migration (and its undo) as Flyway finds them, with the script configuration it needs. */
        void addFiles(Map<String, String> files, boolean withUndo) {
            files.put(fileName, sql);
            if (!transactional) {
                files.put(fileName + ".conf", MigrationSession.OUTSIDE_TRANSACTION_CONF);
            }
            if (withUndo && undoSql != null) {
                files.put(undoFileName, undoSql);
            }
        }
    }

    private static List<String> outsideTransaction(GeneratedMigration first, GeneratedMigration followUp) {
        List<String> names = new ArrayList<>();
        for (GeneratedMigration migration : followUp == null ? List.of(first) : List.of(first, followUp)) {
            if (!migration.transactional()) {
                names.add(migration.fileName());
                if (migration.undoFileName() != null) {
                    names.add(migration.undoFileName());
                }
            }
        }
        return names;
    }

    /** {@code U3__x.sql} for {@code V3__x.sql}, as {@link #fileNames} names them. */
    private static String undoFileName(String migration) {
        return "U" + migration.replaceFirst("^[^0-9]*", "");
    }

    /** The follow-up's name: what it does, built concurrently with the application's writes. */
    private static String followUpDescription(List<OnlinePlan.Step> steps) {
        return new MigrationNamer().describe(distinctChanges(steps)) + "_concurrently";
    }

    private static List<Change> distinctChanges(List<OnlinePlan.Step> steps) {
        return steps.stream().map(OnlinePlan.Step::change).distinct().toList();
    }

    /**
     * {@code V4__name.sql} and its undo's name ({@code U4__name.sql}, or null when undo scripts are off), in
     * the project's own naming: its prefix, separator and the suffix of the folder's own files.
     */
    private static String[] fileNames(String version, String description, NextMigration next) {
        return new String[] {next.fileName(next.naming().prefix(), version, description),
                next.undoFolder() == null ? null
                        : next.fileName(next.naming().runsUndo() ? next.naming().undoPrefix() : "U", version, description)};
    }

    /**
     * @param transactional whether Flyway runs it in a transaction; if not, it holds the lock-safe steps
     * @param followUp      the migration that completes this one, or {@code null}
     * @param completes     the migration this one completes, or {@code null}
     */
    private GeneratedMigration renderMigration(MigrationRenderer renderer, List<OnlinePlan.Step> steps, String version,
                                               String message, boolean transactional, String followUp, String completes,
                                               EntityModel model, DatabaseSchema referenceSchema, NextMigration next,
                                               Map<Change, SafetyLint.Finding> findings) {
        List<Change> changes = distinctChanges(steps);
        String[] names = fileNames(version, message != null ? message
                : transactional ? new MigrationNamer().describe(changes) : followUpDescription(steps), next);
        String fileName = names[0];
        String undoFileName = names[1];
        // the checklist says where the undo is when it is not beside the migration
        String undoShown = undoFileName == null || next.undoFolder().equals(next.placement().folder()) ? undoFileName
                : shown(next.undoFolder()).resolve(undoFileName).toString();
        // the timeouts come with the lock-safe forms; plain rendering stays as it always was
        SessionTimeouts timeouts = settings.online()
                ? new SessionTimeouts(settings.lockTimeout(), settings.statementTimeout()) : SessionTimeouts.NONE;
        MigrationSession session = settings.online() || !transactional || followUp != null
                ? MigrationSession.of(timeouts, transactional, followUp, completes) : null;
        List<RenderedChange> rendered = new ArrayList<>();
        for (OnlinePlan.Step step : steps) {
            rendered.add(render(renderer, step, model.sources(), referenceSchema.tables().keySet(),
                    findings.get(step.change())));
        }
        String sql = renderer.render(new MigrationDocument(fileName, settings.generator(),
                "Hibernate ORM " + model.hibernateVersion() + ", " + target().describe(),
                rendered, ReviewChecklist.of(changes, changes.stream().map(findings::get).toList(), undoShown),
                session));
        String undoSql = null;
        if (undoFileName != null) {
            // a step the follow-up completes is undone whole by the first migration's undo, which runs after
            UndoPlan undo = UndoPlan.of(steps.stream().filter(s -> s.form() != OnlinePlan.Form.COMPLETE)
                    .map(OnlinePlan.Step::change).distinct().toList());
            OnlinePlan.Form form = transactional ? OnlinePlan.Form.PLAIN : OnlinePlan.Form.ONLINE;
            List<RenderedChange> undoSteps = new ArrayList<>();
            List<Change> undoChanges = settings.dialect() == Dialect.MARIADB ? AutoIncrementKeys.arrange(undo.changes())
                    : undo.changes();
            for (Change change : undoChanges) {
                undoSteps.add(render(renderer, new OnlinePlan.Step(change, form), new SourceMap(), Set.of(), null));
            }
            undoSql = renderer.render(new UndoDocument(undoFileName, fileName, settings.generator(), undoSteps,
                    undo.droppedSchemas(), undo.irreversible(),
                    session == null ? null : new MigrationSession(transactional, session.opening(), session.closing(),
                            null, completes == null ? null : undoFileName(completes))));
        }
        return new GeneratedMigration(fileName, sql, undoFileName, undoSql, rendered, transactional);
    }

    /**
     * One change as the whole plan shows it (console, reports): its steps in both files, in one.
     */
    private static List<RenderedChange> combined(List<Change> changes, GeneratedMigration first,
                                                 GeneratedMigration followUp) {
        List<RenderedChange> all = new ArrayList<>(first.rendered());
        if (followUp != null) {
            all.addAll(followUp.rendered());
        }
        List<RenderedChange> combined = new ArrayList<>();
        for (Change change : changes) {
            List<RenderedChange> parts = all.stream().filter(r -> r.change() == change).toList();
            RenderedChange head = parts.get(0);
            String sql = parts.stream().map(RenderedChange::sql).collect(Collectors.joining("\n"));
            combined.add(new RenderedChange(change, head.table(), head.summary(), head.source(), sql));
        }
        return combined;
    }

    /**
     * @param tablesWithRows where a NOT NULL step is backfilled, when the user asked for backfills
     * @param finding        what the change risks; a lock-heavy one is marked so in the SQL, with why
     */
    private RenderedChange render(MigrationRenderer renderer, OnlinePlan.Step step, SourceMap sources,
                                  Set<io.schemadiff.schema.QualifiedName> tablesWithRows, SafetyLint.Finding finding) {
        Change change = step.change();
        String source = change.column() != null
                ? sources.ofColumn(change.subject(), change.column()).or(() -> sources.ofTable(change.subject())).orElse(null)
                : sources.ofTable(change.subject()).orElse(null);
        try {
            boolean backfill = settings.backfill() && tablesWithRows.contains(change.subject());
            String sql = renderer.render(change, backfill, false, step.form());
            if (finding != null && finding.has(SafetyLint.Risk.LOCK_HEAVY) && step.form() != OnlinePlan.Form.COMPLETE) {
                sql = "-- [lock-heavy] " + String.join("; ", finding.reasons(SafetyLint.Risk.LOCK_HEAVY)) + "\n" + sql;
            }
            return new RenderedChange(change, subjectLabel(change), change.describe(), source, sql);
        } catch (MigrationRenderer.RenderException e) {
            throw new SchemaException(e.getMessage(), e);
        }
    }

    static String subjectLabel(Change change) {
        return switch (change.kind()) {
            case CREATE_SCHEMA -> "schema " + change.subject().schema();
            case CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE -> "sequence " + change.subject();
            default -> change.subject().display();
        };
    }

    /**
     * Runs the undo scripts, in order, on the database the migrations were just applied to: its
     * schema must then be the one the existing migrations built, exactly (names aside).
     */
    private void verifyUndo(DataSource reference, CatalogReader reader, DatabaseSchema before,
                            Map<String, String> undos, Set<String> outsideTransaction) {
        String names = String.join(" and ", undos.keySet());
        for (Map.Entry<String, String> undo : undos.entrySet()) {
            try (Connection connection = reference.getConnection(); Statement statement = connection.createStatement()) {
                if (outsideTransaction.contains(undo.getKey())) {
                    // one statement at a time, as Flyway runs it: concurrently refuses a multi-statement string
                    for (String sql : GeneratedStatements.split(undo.getValue())) {
                        statement.execute(sql);
                    }
                } else {
                    statement.execute(undo.getValue());
                }
            } catch (SQLException e) {
                throw new SchemaException("Internal error: the generated undo " + undo.getKey() + " does not run "
                        + "after its migration, so nothing was written: " + e.getMessage() + listing(undos), e);
            }
        }
        DatabaseSchema after = Exclusions.of(settings.exclude()).removeFrom(
                ScratchCatalogs.read(reader, reference, before.schemas()), false);
        if (!SchemaFingerprint.of(after).equals(SchemaFingerprint.of(before))) {
            SchemaDiff left = new SchemaDiffer().diff(after, before);
            throw new SchemaException("Internal error: after the migration and its undo " + names
                    + ", the schema is not what it was before, so nothing was written:\n"
                    + describe(left) + "\nPlease report this with the entity classes involved." + listing(undos));
        }
    }

    /**
     * Applies the migrations to the replayed database with Flyway, as production would, and compares
     * again: what is left over would be a migration that does not do what it says.
     *
     * @return why the migrations do not run on the data the existing ones insert, or {@code null}
     */
    private String verify(StagedReplay replay, ScratchCatalogs catalogs, Path folder,
                          DatabaseSchema model, Map<String, String> files, List<SafetyLint.Finding> findings,
                          Map<io.schemadiff.schema.QualifiedName, Set<String>> explicitNames) {
        DataSource reference = catalogs.verificationDatabase();
        String names = String.join(" and ", files.keySet());
        Path staging = null;
        try {
            staging = Files.createTempDirectory("schemadiff-verify");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue());
            }
            replay.replay(reference, staging, console);
        } catch (IOException e) {
            throw new SchemaException("Cannot stage the migration for verification: " + e.getMessage(), e);
        } catch (SchemaException e) {
            refuseIfWrittenMeanwhile(folder, files.keySet(), e);
            refuseIfFolderChanged(files.keySet().iterator().next(), e);
            java.util.Optional<RefusedStatement> refused = RefusedStatement.in(e.getMessage(), files);
            if (refused.isPresent() && refused.get().onAnEmptyTable(reference)) {
                throw new SchemaException(refused.get().internalError(settings.dialect(), SchemaException.rootCause(e))
                        + listing(files), e);
            }
            List<SafetyLint.Finding> dataDependent = findings.stream()
                    .filter(f -> f.has(SafetyLint.Risk.DATA_DEPENDENT)).toList();
            if (!dataDependent.isEmpty()) {
                // the existing migrations put rows in the database, and a step cannot run on them
                return names + " does not run on the data the existing migrations insert: "
                        + SchemaException.rootCause(e) + "\nSteps that depend on the data:\n"
                        + DestructiveChangesException.describe(dataDependent)
                        + "\nGive the column a default (@ColumnDefault), render NOT NULL with a backfill "
                        + "(-Dschema.backfill=true, then replace the placeholder), or write this migration by hand.";
            }
            throw new SchemaException("Internal error: the generated migration " + names
                    + " does not apply cleanly to the replayed schema, so it was not written. " + e.getMessage()
                    + listing(files), e);
        } finally {
            FolderFiles.deleteQuietly(staging);
        }
        DatabaseSchema appliedCatalog = catalogs.read(reference, model.schemas());
        DatabaseSchema applied = Exclusions.of(settings.exclude()).removeFrom(appliedCatalog, false);
        SchemaDiff remaining = settings.kept().applyTo(new SchemaDiffer().diff(applied, model)
                .plus(ExplicitNames.renames(applied, model, explicitNames, settings.dialect() == Dialect.POSTGRESQL)));
        if (!remaining.isEmpty()) {
            throw new SchemaException("Internal error: after applying the generated migration " + names
                    + ", these changes still separate the migrations from the model, so it was not written:\n"
                    + describe(remaining) + "\nPlease report this with the entity classes involved." + listing(files));
        }
        verified = new VerifiedCatalog(catalogs, appliedCatalog, files.keySet());
        return null;
    }

    /**
     * Another build of the project (a second {@code schema:generate} at once) wrote a migration of this
     * name while this one compared: the replay failed on the two together, not on the migration itself.
     */
    private static void refuseIfWrittenMeanwhile(Path folder, Set<String> names, SchemaException failure) {
        if (folder == null) {
            return;
        }
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                throw new SchemaException("Will not overwrite " + file + ": it already exists. Another build wrote"
                        + " it while this one compared; run again to compare with it.", failure);
            }
        }
    }

    private static String describe(SchemaDiff diff) {
        return diff.changes().stream().map(c -> "    " + subjectLabel(c) + ": " + c.describe())
                .collect(Collectors.joining("\n"));
    }

    /** The files, in full, for a bug report. */
    private static String listing(Map<String, String> files) {
        StringBuilder text = new StringBuilder();
        files.forEach((name, sql) -> text.append("\n--- ").append(name).append(" ---\n").append(sql));
        return text.toString();
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
