package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;
import io.schemadiff.diff.Change;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.reference.NamedMariaDbServer;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.testing.Catalogs;
import io.schemadiff.testing.LocalMariaDb;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema.reference=server} and {@code live} with {@code dialect=mariadb}, against the machine's
 * MariaDB server: scratch databases dropped again, and a live database only ever read.
 */
class MariaDbReferencesTest {

    private static final String PACKAGES = "io.schemadiff.fixtures.exact.cycle.domains.*.model";
    private static final String V1 = """
            create table departments (id bigint not null primary key, head_id bigint);
            create table employees (id bigint not null primary key, department_id bigint not null, manager_id bigint);
            alter table departments add constraint fk_departments_head foreign key (head_id) references employees (id);
            alter table employees add constraint fk_employees_department foreign key (department_id) references departments (id);
            alter table employees add constraint fk_employees_manager foreign key (manager_id) references employees (id);
            """;

    @TempDir
    Path dir;

    private LocalMariaDb local;
    private String liveName;
    private DataSource liveAdmin;

    @BeforeEach
    void createLiveDatabase() throws SQLException {
        local = LocalMariaDb.connect("schemadiff_live_");
        liveName = local.database(List.of());
        liveAdmin = LocalMariaDb.database(liveName).dataSource(null, false);
    }

    @AfterEach
    void dropLiveDatabase() throws SQLException {
        local.close();
    }

    private Scenario scenario() {
        return Scenario.of(dir, PACKAGES).on(Dialect.MARIADB).migration("V1__cycle.sql", V1);
    }

    /** Production, as Flyway left it: the migration applied, and some rows. */
    private Scenario migratedLiveDatabase() throws SQLException {
        Scenario scenario = scenario();
        new MigrationReplay(FlywayProject.ofFolders(List.of(scenario.migrations())), Dialect.MARIADB).replay(liveAdmin);
        execute(liveAdmin, "insert into departments (id) values (1), (2)",
                "insert into employees (id, department_id) values (10, 1)");
        return scenario;
    }

    private String snapshot() throws SQLException {
        return Catalogs.fingerprint(liveAdmin, Dialect.MARIADB) + "\nrows: "
                + query(liveAdmin, "select concat((select count(*) from departments), '/', "
                + "(select count(*) from employees), '/', (select count(*) from flyway_schema_history))")
                + "\nhistory: " + query(liveAdmin, "select group_concat(concat(installed_rank, ':', version, ':', "
                + "success, ':', checksum) order by installed_rank) from flyway_schema_history");
    }

    private Comparison compareLive(Scenario scenario) {
        return scenario.pipeline(scenario.settings().reference(PipelineSettings.Reference.LIVE,
                LocalMariaDb.database(liveName))).compare();
    }

    @Test
    void aNamedServerReplaysInScratchDatabasesAndWritesForItsVersion() throws SQLException {
        ServerConnection server = LocalMariaDb.server();
        Scenario scenario = Scenario.of(dir, PACKAGES).on(Dialect.MARIADB);

        SchemaPipeline.Generation generation = scenario.pipeline(scenario.settings()
                .reference(PipelineSettings.Reference.SERVER, server), () -> NamedMariaDbServer.connect(server)).generate();

        assertTrue(generation.written().isPresent());
        String version = query(liveAdmin, "select version()");
        String majorMinor = version.substring(0, version.indexOf('.', version.indexOf('.') + 1));
        assertTrue(generation.comparison().migrationSql().contains(", MariaDB " + majorMinor + ")"),
                generation.comparison().migrationSql());
        assertTrue(generation.comparison().reference().matches("0 migration\\(s\\) replayed on a scratch database of "
                        + Pattern.quote(server.toString()) + ", version \\d+\\.\\d+\\.\\d+"),
                generation.comparison().reference());
        assertEquals("0", query(liveAdmin, "select count(*) from information_schema.schemata "
                + "where schema_name like 'schemadiff\\_reference\\_%' or schema_name like 'schemadiff\\_model\\_%'"),
                "every scratch database is dropped again");
        scenario.assertMigrationsBuildTheModel();
    }

    @Test
    void aLiveDatabaseThatMatchesReportsNoDriftAndItsHistory() throws SQLException {
        Scenario scenario = migratedLiveDatabase();
        String before = snapshot();

        Comparison comparison = compareLive(scenario);

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertEquals(new MigrationStatus(true, 1, List.of(), List.of(), List.of(), List.of()),
                comparison.migrationStatus());
        assertTrue(comparison.reference().startsWith("live database " + LocalMariaDb.database(liveName).describe() + " (MariaDB "),
                comparison.reference());
        assertEquals(before, snapshot(), "a live database is only read");
    }

    @Test
    void driftByHandAndAPendingMigrationAreReportedAndTheDatabaseIsLeftAsItWas() throws SQLException {
        Scenario scenario = migratedLiveDatabase();
        execute(liveAdmin, "alter table employees add column nickname varchar(40)");
        scenario.migration("V2__later.sql", "create table later (id int primary key);");
        String before = snapshot();

        Comparison comparison = compareLive(scenario);

        assertEquals(List.of(Change.Kind.DROP_COLUMN), comparison.diff().changes().stream().map(Change::kind).toList(),
                comparison.diff().changes().toString());
        assertEquals(List.of("V2__later.sql"), comparison.migrationStatus().pending());
        var json = io.schemadiff.testing.ReportSchema.validJson(comparison);
        assertEquals("mariadb", json.get("database").get("dialect").asText(), json.toString());
        assertTrue(json.get("postgresVersion").isNull(), json.toString());
        assertEquals(before, snapshot(), "a live database is only read");
    }

    @Test
    void theLiveConnectionRefusesWritesOnTheServersSide() throws SQLException {
        migratedLiveDatabase();
        DataSource readOnly = LocalMariaDb.database(liveName).dataSource(null, true);
        assertThrows(SQLException.class, () -> execute(readOnly, "insert into departments (id) values (3)"));
        assertThrows(SQLException.class, () -> execute(readOnly, "create table sneaky (id int)"));
        assertEquals("2", query(liveAdmin, "select count(*) from departments"));
        assertFalse(query(liveAdmin, "select count(*) from information_schema.tables where table_schema = database() "
                + "and table_name = 'sneaky'").equals("1"));
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
