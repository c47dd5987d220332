package com.example.finance;

import io.schemadiff.core.TargetDatabase;
import io.schemadiff.catalog.PostgresCatalogReader;
import io.schemadiff.core.Console;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.EntityModel;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.schema.SchemaFingerprint;
import io.schemadiff.write.MigrationFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's promise, checked on this project: with the newest migration deleted, the plugin
 * generates a replacement, and every migration applied by Flyway builds exactly the schema
 * Hibernate itself creates for these entities (names aside).
 */
class MigrationRoundTripTest {

    private static final Path CLASSES = Paths.get("target", "classes").toAbsolutePath();
    private static final Path MIGRATIONS = Paths.get("src", "main", "resources", "db", "migration").toAbsolutePath();
    /** The same Hibernate settings the plugin is configured with in this project's pom.xml. */
    private static final Map<String, String> HIBERNATE = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void regeneratedNewestMigrationBuildsHibernatesSchema(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("migration");
        Files.createDirectories(migrations);
        MigrationFolder original = MigrationFolder.scan(MIGRATIONS);
        MigrationFolder.Migration newest = original.latest().orElseThrow();
        for (MigrationFolder.Migration migration : original.migrations()) {
            if (!migration.equals(newest)) {
                Files.copy(migration.file(), migrations.resolve(migration.file().getFileName()));
            }
        }

        SchemaPipeline pipeline = new SchemaPipeline(settings(migrations), Console.SILENT, () -> ScratchServer.lent(postgres),
                Clock.systemUTC());
        SchemaPipeline.Generation generation = pipeline.generate();
        Path generated = generation.written().orElseThrow(() -> new AssertionError("nothing was generated"));
        assertTrue(generated.getFileName().toString().startsWith("V" + newest.version() + "__"),
                "the replacement takes the deleted migration's version: " + generated);
        assertTrue(pipeline.compare().inSync(), "in sync after generating");

        String hibernate = fingerprint(hibernateSchema());
        assertEquals(hibernate, fingerprint(replayed(migrations)),
                "existing + generated migrations must build exactly Hibernate's schema");
        assertEquals(hibernate, fingerprint(replayed(MIGRATIONS)),
                "the project's hand-written migrations build the same schema too");
    }

    private PipelineSettings settings(Path migrations) {
        return new PipelineSettings()
                .classesDirectory(CLASSES)
                .projectClassLoader(getClass().getClassLoader())
                .migrationsDirectory(migrations)
                .hibernateProperties(HIBERNATE);
    }

    private DataSource replayed(Path migrations) {
        DataSource database = postgres.createDatabase("replayed_" + System.nanoTime());
        new MigrationReplay().replay(database, List.of(migrations));
        return database;
    }

    private DataSource hibernateSchema() throws Exception {
        List<String> classes = new EntityScanner().scan(CLASSES, List.of(),
                List.of(PackagePattern.of(PipelineSettings.DEFAULT_PACKAGES)), List.of()).classes();
        EntityModel model = new HibernateModelBuilder().build(classes, getClass().getClassLoader(),
                TargetDatabase.postgresql(PipelineSettings.DEFAULT_POSTGRES_MAJOR), HIBERNATE);
        DataSource database = postgres.createDatabase("hibernate_" + System.nanoTime());
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : model.ddl()) {
                statement.execute(ddl);
            }
        }
        return database;
    }

    private static String fingerprint(DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            PostgresCatalogReader reader = new PostgresCatalogReader(Set.of(MigrationReplay.HISTORY_TABLE));
            return SchemaFingerprint.of(reader.read(connection, reader.userSchemas(connection)));
        }
    }
}
