package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.reference.NamedPostgresServer;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.testing.Catalogs;
import io.schemadiff.testing.LocalPostgres;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema.reference=server} and {@code live}, against the machine's real PostgreSQL server
 * (a different major version from the embedded one, as production often is).
 */
class ReferencesTest {

    @TempDir
    Path dir;

    private String liveName;
    private DataSource liveAdmin;

    @BeforeEach
    void createLiveDatabase() {
        liveName = "live_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        LocalPostgres.execute(LocalPostgres.server().dataSource(null, false), "create database " + liveName);
        liveAdmin = LocalPostgres.database(liveName).dataSource(null, false);
    }

    @AfterEach
    void dropLiveDatabase() {
        LocalPostgres.execute(LocalPostgres.server().dataSource(null, false),
                "drop database if exists " + liveName + " with (force)");
    }

    private PipelineSettings settings(Scenario scenario, PipelineSettings.Reference reference, ServerConnection connection) {
        return scenario.settings().reference(reference, connection);
    }

    private List<String> scratchDatabases() {
        return LocalPostgres.column(LocalPostgres.server().dataSource(null, false),
                "select datname from pg_database where datname like 'schemadiff\\_%'");
    }

    // --- server -----------------------------------------------------------------------------------

    @Test
    void aNamedServerReplaysInScratchDatabasesItDropsAfterwards() {
        Scenario scenario = ShopMigrations.inSync(dir);
        List<String> before = scratchDatabases();

        Comparison comparison = scenario.pipeline(settings(scenario, PipelineSettings.Reference.SERVER,
                LocalPostgres.server()), () -> NamedPostgresServer.connect(LocalPostgres.server())).compare();

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertTrue(comparison.reference().contains("scratch database of PostgreSQL at " + LocalPostgres.server().describe()),
                comparison.reference());
        assertEquals(before, scratchDatabases(), "every scratch database is dropped again");
    }

    @Test
    void aNamedServerGeneratesAVerifiedMigration() {
        Scenario scenario = Scenario.of(dir, ShopMigrations.PACKAGES).migration("V1__customers.sql", ShopMigrations.CUSTOMERS);

        SchemaPipeline.Generation generation = scenario.pipeline(settings(scenario, PipelineSettings.Reference.SERVER,
                LocalPostgres.server()), () -> NamedPostgresServer.connect(LocalPostgres.server())).generate();

        assertTrue(generation.written().isPresent());
        int serverMajor = LocalPostgres.server().majorVersion();
        assertTrue(generation.comparison().migrationSql().contains(", PostgreSQL " + serverMajor + ")"),
                "with no major set, Hibernate writes DDL for the named server's own: " + generation.comparison().migrationSql());
        assertTrue(generation.comparison().serverVersion().startsWith(
                LocalPostgres.column(LocalPostgres.server().dataSource(null, false), "show server_version").get(0)));
        scenario.assertMigrationsBuildTheModel();
    }

    @Test
    void aServerThatRefusesNamesItselfWithoutThePassword() {
        ServerConnection wrong = ServerConnection.of("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", "s3cret");
        SchemaException e = assertThrows(SchemaException.class, () -> NamedPostgresServer.connect(wrong));
        assertTrue(e.getMessage().contains("127.0.0.1:1/postgres"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(wrong.toString().contains("s3cret"));
    }

    // --- live -------------------------------------------------------------------------------------

    /** Production, as Flyway left it: both migrations applied, and some rows. */
    private Scenario migratedLiveDatabase() {
        Scenario scenario = ShopMigrations.inSync(dir);
        new MigrationReplay().replay(liveAdmin, List.of(scenario.migrations()));
        LocalPostgres.execute(liveAdmin,
                "insert into customers (createdAt, email, name) values (now(), 'a@example.com', 'A')",
                "insert into customers (createdAt, email, name) values (now(), 'b@example.com', 'B')");
        return scenario;
    }

    private String snapshot() {
        return Catalogs.fingerprint(liveAdmin) + "\nrows: " + LocalPostgres.column(liveAdmin,
                "select (select count(*) from customers) || '/' || (select count(*) from purchase_orders)"
                        + " || '/' || (select count(*) from flyway_schema_history)")
                + "\nhistory: " + LocalPostgres.column(liveAdmin,
                "select string_agg(installed_rank || ':' || version || ':' || success, ',') from flyway_schema_history");
    }

    private Comparison compareLive(Scenario scenario) {
        return scenario.pipeline(settings(scenario, PipelineSettings.Reference.LIVE, LocalPostgres.database(liveName)))
                .compare();
    }

    @Test
    void aLiveDatabaseThatMatchesReportsNoDriftAndItsHistory() {
        Scenario scenario = migratedLiveDatabase();
        String before = snapshot();

        Comparison comparison = compareLive(scenario);

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertTrue(comparison.live());
        MigrationStatus status = comparison.migrationStatus();
        assertEquals(new MigrationStatus(true, 2, List.of(), List.of(), List.of(), List.of()), status);
        assertTrue(comparison.reference().startsWith("live database " + LocalPostgres.database(liveName).describe()), comparison.reference());
        assertEquals(before, snapshot(), "a live database is only read");
    }

    @Test
    void driftByHandIsReportedAndTheDatabaseIsLeftExactlyAsItWas() {
        Scenario scenario = migratedLiveDatabase();
        // a hotfix someone ran by hand in production
        LocalPostgres.execute(liveAdmin, "alter table customers add column nickname varchar(40)",
                "alter table customers alter column name type varchar(200)");
        String before = snapshot();

        Comparison comparison = compareLive(scenario);

        assertEquals(List.of(Change.Kind.DROP_COLUMN, Change.Kind.ALTER_COLUMN),
                comparison.diff().changes().stream().map(Change::kind).sorted().toList(),
                comparison.diff().changes().toString());
        assertFalse(comparison.migrationStatus().broken());
        assertTrue(comparison.migrationSql().contains("drop column nickname"), comparison.migrationSql());
        var json = io.schemadiff.testing.ReportSchema.validJson(comparison);
        assertEquals(2, json.get("migrationStatus").get("applied").asInt());
        assertTrue(json.get("reference").asText().startsWith("live database " + LocalPostgres.database(liveName).describe()), json.toString());
        assertEquals(before, snapshot(), "a live database is only read");
    }

    @Test
    void pendingMissingAndEditedMigrationsAreTold() throws Exception {
        Scenario scenario = migratedLiveDatabase();
        // locally: V1 edited after release, V2 gone, V3 new and not yet deployed
        Files.writeString(scenario.migrations().resolve("V1__customers.sql"), ShopMigrations.CUSTOMERS + "\n-- edited\n");
        Files.delete(scenario.migrations().resolve("V2__orders.sql"));
        scenario.migration("V3__orders_again.sql", ShopMigrations.ORDERS.replace("purchase_orders", "purchase_orders2")
                .replace("idx_orders_placed", "idx_orders2_placed"));
        String before = snapshot();

        MigrationStatus status = compareLive(scenario).migrationStatus();

        assertEquals(List.of("V3__orders_again.sql"), status.pending());
        assertEquals(1, status.missingLocally().size(), status.toString());
        assertTrue(status.missingLocally().get(0).contains("V2__orders.sql"), status.toString());
        assertEquals(1, status.changedAfterApply().size(), status.toString());
        assertTrue(status.changedAfterApply().get(0).startsWith("V1__customers.sql"), status.toString());
        assertTrue(status.broken());
        assertEquals(before, snapshot(), "a live database is only read");
    }

    @Test
    void aFailedMigrationIsTold() {
        Scenario scenario = migratedLiveDatabase();
        // what Flyway records when a migration fails on a database without transactional DDL
        LocalPostgres.execute(liveAdmin, "insert into flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success) values (3, '3', 'broken', 'SQL',"
                + " 'V3__broken.sql', 1, 'ci', 1, false)");
        scenario.migration("V3__broken.sql", "select 1;");

        MigrationStatus status = compareLive(scenario).migrationStatus();

        assertEquals(List.of("V3__broken.sql"), status.failed(), status.toString());
        assertTrue(status.broken());
    }

    @Test
    void theLiveConnectionCannotWriteEvenIfAskedTo() throws SQLException {
        migratedLiveDatabase();
        DataSource readOnly = LocalPostgres.database(liveName).dataSource(null, true);
        try (Connection c = readOnly.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("create table sneaky (id int)"));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            assertThrows(SQLException.class, () -> s.execute("delete from customers"));
        }
        assertEquals(List.of("2"), LocalPostgres.column(liveAdmin, "select count(*) from customers"));
    }

    @Test
    void generateRefusesALiveReference() {
        Scenario scenario = migratedLiveDatabase();
        SchemaException e = assertThrows(SchemaException.class, () -> scenario.pipeline(settings(scenario,
                PipelineSettings.Reference.LIVE, LocalPostgres.database(liveName))).generate());
        assertTrue(e.getMessage().contains("-Dschema.reference=live"), e.getMessage());
    }

    @Test
    void aServerOrLiveReferenceNeedsAConnection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PipelineSettings().reference(PipelineSettings.Reference.LIVE, null));
        assertTrue(e.getMessage().contains("schema.url"), e.getMessage());
    }
}
