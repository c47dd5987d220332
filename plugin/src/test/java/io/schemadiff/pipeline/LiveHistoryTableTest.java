package io.schemadiff.pipeline;

import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.testing.Catalogs;
import io.schemadiff.testing.Jdbc;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live database whose Flyway history is missing, or kept by a Flyway older than the project's: the status says
 * so, and nothing is written to production (the database this test starts stands in for it).
 */
class LiveHistoryTableTest {

    private static EmbeddedPostgresServer server;

    @TempDir
    Path dir;

    private String live;
    private DataSource production;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createLiveDatabase() {
        live = "live_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        Jdbc.execute(connection("postgres").dataSource(null, false), "create database " + live);
        production = connection(live).dataSource(null, false);
    }

    @AfterEach
    void dropLiveDatabase() {
        Jdbc.execute(connection("postgres").dataSource(null, false), "drop database " + live + " with (force)");
    }

    private ServerConnection connection(String database) {
        return ServerConnection.of("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, "postgres", null);
    }

    private Comparison compareLive(Scenario scenario) {
        ScratchServer scratch = ScratchServer.lent(server);
        return scenario.pipeline(scenario.settings().reference(PipelineSettings.Reference.LIVE, connection(live)),
                () -> scratch).compare();
    }

    @Test
    void aDatabaseWithoutHistoryTableIsStatedAndLeftAlone() {
        Scenario scenario = ShopMigrations.inSync(dir);
        // built by hand, or by a tool other than Flyway
        Jdbc.execute(production, ShopMigrations.CUSTOMERS, ShopMigrations.ORDERS);
        String before = Catalogs.fingerprint(production);

        Comparison comparison = compareLive(scenario);

        MigrationStatus status = comparison.migrationStatus();
        assertFalse(status.historyTable());
        assertEquals("no Flyway history table: no migration was ever applied here (2 pending)", status.lines().get(0));
        assertTrue(comparison.inSync(), "the schema itself matches");
        assertEquals(before, Catalogs.fingerprint(production), "nothing was created or changed");
        assertEquals("f", Jdbc.value(production, "select to_regclass('flyway_schema_history') is not null"),
                "no history table either");
    }

    @Test
    void aHistoryTableOfAnOlderFlywayIsStatedAndLeftAlone() {
        Scenario scenario = ShopMigrations.inSync(dir);
        // Flyway 4 and older: schema_version, which Flyway 5 and newer do not read
        Jdbc.execute(production, ShopMigrations.CUSTOMERS, ShopMigrations.ORDERS,
                "create table schema_version (installed_rank int primary key, version varchar(50),"
                        + " description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null,"
                        + " checksum int, installed_by varchar(100) not null, installed_on timestamp not null default now(),"
                        + " execution_time int not null, success boolean not null)",
                "insert into schema_version values (1, '1', 'customers', 'SQL', 'V1__customers.sql', 0, 'flyway', now(),"
                        + " 5, true), (2, '2', 'orders', 'SQL', 'V2__orders.sql', 0, 'flyway', now(), 5, true)");
        String before = Catalogs.fingerprint(production);

        Comparison comparison = compareLive(scenario);

        MigrationStatus status = comparison.migrationStatus();
        assertFalse(status.historyTable());
        assertEquals("schema_version", status.olderHistoryTable());
        assertTrue(status.broken(), "the next deployment's Flyway would not know what was applied");
        assertTrue(status.lines().get(0).startsWith("no Flyway history table, but schema_version, the history table of"
                + " Flyway 4 and older"), status.lines().get(0));
        assertTrue(status.lines().get(0).contains("set flyway.table=schema_version"), status.lines().get(0));
        assertEquals(before, Catalogs.fingerprint(production), "nothing was written");
        assertEquals("f", Jdbc.value(production, "select to_regclass('flyway_schema_history') is not null"),
                "no history table of the new kind beside it");
        assertEquals("2", Jdbc.value(production, "select count(*) from schema_version"));
    }
}
