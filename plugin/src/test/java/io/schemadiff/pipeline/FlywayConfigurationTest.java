package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own Flyway configuration decides what is replayed: several locations, placeholders,
 * repeatable and Java migrations, its history table, its file naming, its Spring Boot settings.
 */
class FlywayConfigurationTest {

    /** The shop's customers, with the e-mail length left to a placeholder. */
    private static final String CUSTOMERS_WITH_PLACEHOLDER = ShopMigrations.CUSTOMERS
            .replace("character varying(320)", "character varying(${email_length})");

    @TempDir
    Path project;

    private Path resources() throws IOException {
        return Files.createDirectories(project.resolve("src/main/resources"));
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A project whose migrations are wherever its Flyway settings say: no schema.migrations. */
    private PipelineSettings settings(Map<String, String> flywayPlugin) throws IOException {
        Scenario scenario = Scenario.of(project.resolve("unused"), ShopMigrations.PACKAGES);
        return scenario.settings().migrationsDirectory(null).baseDirectory(project)
                .resourceDirectories(List.of(resources())).flywayPluginConfiguration(flywayPlugin);
    }

    private Comparison compare(PipelineSettings settings) {
        return Scenario.of(project.resolve("unused"), ShopMigrations.PACKAGES).pipeline(settings).compare();
    }

    @Test
    void locationsPlaceholdersRepeatablesAndJavaMigrationsReplayAsFlywayWould() throws IOException {
        // classpath:db/shopmigrations: SQL in the sources, a Java migration compiled with the tests
        write(resources().resolve("db/shopmigrations/V1__customers.sql"), CUSTOMERS_WITH_PLACEHOLDER);
        // a second, filesystem location with a repeatable migration
        write(project.resolve("sql/views/R__customer_emails.sql"),
                "create or replace view customer_emails as select email from customers;");

        Comparison comparison = compare(settings(Map.of(
                "locations", "classpath:db/shopmigrations,filesystem:sql/views",
                "placeholders.email_length", "320",
                "table", "schema_history")));

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertEquals(3, comparison.migrationsReplayed(), "V1, the Java V2 and the repeatable");
        assertTrue(comparison.diff().unmanaged().stream().anyMatch(u -> u.contains("customer_emails")),
                comparison.diff().unmanaged().toString());
        assertEquals(resources().resolve("db/shopmigrations").toAbsolutePath(), comparison.migrationsFolder());
    }

    @Test
    void theNextMigrationComesAfterTheJavaOnesAndGoesToTheFirstLocation() throws IOException {
        write(resources().resolve("db/shopmigrations/V1__customers.sql"), CUSTOMERS_WITH_PLACEHOLDER);
        PipelineSettings settings = settings(Map.of("locations", "classpath:db/shopmigrations",
                "placeholders.email_length", "200"));

        SchemaPipeline.Generation generation = Scenario.of(project.resolve("unused"), ShopMigrations.PACKAGES)
                .pipeline(settings).generate();

        Path written = generation.written().orElseThrow();
        assertEquals("V3__change_email_type_in_customers.sql", written.getFileName().toString(),
                "V2 is a Java migration the folder does not show");
        assertEquals(resources().resolve("db/shopmigrations"), written.getParent());
    }

    @Test
    void placeholdersOfThePluginWinOverTheProjects() throws IOException {
        write(resources().resolve("db/shopmigrations/V1__customers.sql"), CUSTOMERS_WITH_PLACEHOLDER);
        Comparison comparison = compare(settings(Map.of("locations", "classpath:db/shopmigrations",
                "placeholders.email_length", "200")).placeholders(Map.of("email_length", "320")));
        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
    }

    @Test
    void springBootFlywaySettingsApplyWhenNothingElseSaysSo() throws IOException {
        write(resources().resolve("db/shop/postgresql/V1__customers.sql"), CUSTOMERS_WITH_PLACEHOLDER);
        write(resources().resolve("db/shop/postgresql/V2__orders.sql"), ShopMigrations.ORDERS);
        write(resources().resolve("application.yml"), """
                spring:
                  flyway:
                    locations: classpath:db/shop/{vendor}
                    placeholders:
                      email-length: 320
                """.replace("email-length", "email_length"));

        Comparison comparison = compare(settings(Map.of()));

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertEquals(2, comparison.migrationsReplayed());
    }

    @Test
    void projectFileNamingIsFollowedAndNotJudgedByFlywaysDefaults() throws IOException {
        write(resources().resolve("db/migration/V1__customers.pgsql"), ShopMigrations.CUSTOMERS);
        PipelineSettings settings = settings(Map.of("sqlMigrationSuffixes", ".pgsql"));

        SchemaPipeline.Generation generation = Scenario.of(project.resolve("unused"), ShopMigrations.PACKAGES)
                .pipeline(settings).generate();

        assertEquals(1, generation.comparison().migrationsReplayed(), "the .pgsql file is a migration here");
        assertEquals("V2__create_purchase_orders_table.pgsql",
                generation.written().orElseThrow().getFileName().toString());
    }

    @Test
    void baselineMigrationsStandInForTheHistoryBeforeThem() throws IOException {
        // V1 and V2 were squashed into B2; a new database starts from B2 and skips what it replaces
        write(resources().resolve("db/migration/V1__legacy.sql"), "create table legacy_things (id int primary key);");
        write(resources().resolve("db/migration/B2__baseline.sql"), ShopMigrations.CUSTOMERS + ShopMigrations.ORDERS);
        write(resources().resolve("db/migration/V3__seed.sql"), "insert into customers (createdAt, email) values (now(), 'a@b.c');");

        Comparison comparison = compare(settings(Map.of()));

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
    }

    @Test
    void flywaysSchemasAndDefaultSchemaPlaceTablesAndHistoryWhereHibernateExpectsThem() throws IOException {
        // Flyway creates schema "shop", runs every migration with it first on the search path, and
        // keeps its history there; the application's Hibernate maps the same schema
        write(resources().resolve("db/migration/V1__customers.sql"), ShopMigrations.CUSTOMERS);
        PipelineSettings settings = settings(Map.of("schemas", "shop", "defaultSchema", "shop", "table", "history"))
                .hibernateProperties(Map.of("hibernate.default_schema", "shop"));

        SchemaPipeline.Generation generation = Scenario.of(project.resolve("unused"), ShopMigrations.PACKAGES)
                .pipeline(settings).generate();

        Comparison comparison = generation.comparison();
        assertEquals(List.of(Change.Kind.CREATE_SEQUENCE, Change.Kind.CREATE_TABLE, Change.Kind.CREATE_INDEX,
                Change.Kind.ADD_FOREIGN_KEY), comparison.diff().changes().stream().map(Change::kind).toList(),
                "only the orders are missing: the customers and the history are found in schema shop");
        assertEquals("V2__create_purchase_orders_table.sql", generation.written().orElseThrow().getFileName().toString());
        assertTrue(compare(settings).inSync(), "the generated migration, replayed by Flyway into schema shop, closes the gap");
    }

    @Test
    void anUnknownLocationSchemeIsNamed() throws IOException {
        SchemaException e = assertThrows(SchemaException.class,
                () -> compare(settings(Map.of("locations", "s3:bucket/migrations"))));
        assertTrue(e.getMessage().contains("s3:bucket/migrations"), e.getMessage());
    }
}
