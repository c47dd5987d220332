package io.schemadiff.testing;

import io.schemadiff.core.Console;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.model.EntityModel;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.MigrationReplay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small model (classes compiled into test-classes) plus a migrations folder, run through the
 * real pipeline on the shared embedded PostgreSQL.
 */
public final class Scenario {

    public static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath();

    private final Path migrations;
    private final List<String> packages;
    private final List<String> classes = new ArrayList<>();
    private Map<String, String> hibernateProperties = Map.of();
    private final List<String> warnings = new ArrayList<>();
    private List<String> exclude = List.of();
    private List<String> keep = List.of();
    private boolean keepUndeclaredIndexes;
    private Dialect dialect = Dialect.POSTGRESQL;
    private java.util.function.Supplier<ScratchServer> mariadb = SharedMariaDb::server;

    private Scenario(Path migrations, List<String> packages) {
        this.migrations = migrations;
        this.packages = packages;
    }

    /** A scenario whose model is every mapped class under {@code packagePattern}. */
    public static Scenario of(Path directory, String... packagePatterns) {
        Path migrations = directory.resolve("db/migration");
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scenario(migrations, List.of(packagePatterns));
    }

    /** Runs on the MariaDB server {@link LocalMariaDb} names instead of the shared embedded PostgreSQL. */
    public Scenario on(Dialect value) {
        this.dialect = value;
        return this;
    }

    /** Runs on {@code servers}, a MariaDB (e.g. {@link SharedMariaDb#embedded()}). */
    public Scenario onMariaDb(java.util.function.Supplier<ScratchServer> servers) {
        this.dialect = Dialect.MARIADB;
        this.mariadb = servers;
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Scenario hibernate(Map<String, String> properties) {
        this.hibernateProperties = properties;
        return this;
    }

    /** Tables SQL owns ({@code schema.exclude}). */
    public Scenario exclude(String... patterns) {
        exclude = List.of(patterns);
        return this;
    }

    /** Indexes and constraints SQL owns ({@code schema.keep}, {@code schema.keepUndeclaredIndexes}). */
    public Scenario keep(List<String> patterns, boolean undeclaredIndexes) {
        keep = patterns;
        keepUndeclaredIndexes = undeclaredIndexes;
        return this;
    }

    public Scenario classes(String... names) {
        classes.addAll(List.of(names));
        return this;
    }

    /** Adds a hand-written migration file. */
    public Scenario migration(String fileName, String sql) {
        try {
            Files.writeString(migrations.resolve(fileName), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path migrations() {
        return migrations;
    }

    public List<String> warnings() {
        return warnings;
    }

    public PipelineSettings settings() {
        return new PipelineSettings()
                .dialect(dialect)
                .mariadbVersion(dialect == Dialect.MARIADB ? mariadb.get().version() : null)
                .classesDirectory(TEST_CLASSES)
                .projectClassLoader(Scenario.class.getClassLoader())
                .packages(packages)
                .classes(classes)
                .migrationsDirectory(migrations)
                .hibernateProperties(hibernateProperties)
                .exclude(exclude)
                .keep(keep, keepUndeclaredIndexes)
                .generator("schema-maven-plugin test");
    }

    public SchemaPipeline pipeline(PipelineSettings settings) {
        return pipeline(settings, dialect == Dialect.MARIADB ? mariadb : SharedPostgres::server);
    }

    /** With scratch databases on {@code servers} instead of the shared embedded server. */
    public SchemaPipeline pipeline(PipelineSettings settings, java.util.function.Supplier<io.schemadiff.reference.ScratchServer> servers) {
        return pipeline(settings, servers, message -> { });
    }

    /** As {@link #pipeline(PipelineSettings, java.util.function.Supplier)}, with each info line given to {@code info}. */
    public SchemaPipeline pipeline(PipelineSettings settings, java.util.function.Supplier<io.schemadiff.reference.ScratchServer> servers,
                                   java.util.function.Consumer<String> info) {
        Console console = new Console() {
            public void info(String message) { info.accept(message); }
            public void warn(String message) { warnings.add(message); }
            public void debug(String message) { }
        };
        return new SchemaPipeline(settings, console, servers, Clock.systemUTC());
    }

    public Comparison compare() {
        return pipeline(settings()).compare();
    }

    public SchemaPipeline.Generation generate() {
        return pipeline(settings()).generate();
    }

    /**
     * The quality bar: a database built by Flyway from every migration has exactly the schema a
     * database built from Hibernate's own DDL has, names aside.
     */
    public void assertMigrationsBuildTheModel() {
        ModelRoundTrip.assertMigrationsBuildTheModel(dialect,
                dialect == Dialect.MARIADB ? mariadb.get() : SharedPostgres.server(), List.of(migrations),
                TEST_CLASSES, packages, classes, Scenario.class.getClassLoader(), hibernateProperties);
    }
}
