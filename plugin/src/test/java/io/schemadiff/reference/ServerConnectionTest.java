package io.schemadiff.reference;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.testing.LocalMariaDb;
import io.schemadiff.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server a user names: where it is may be shown, how to get in never. */
class ServerConnectionTest {

    @Test
    void describesTheServerWithoutParametersOrPassword() {
        ServerConnection connection = ServerConnection.of(
                "jdbc:postgresql://db.internal:5433/app?sslmode=require&password=hunter2", "ci", "s3cret");
        assertEquals("db.internal:5433/app", connection.describe());
        assertEquals("app", connection.database());
        assertEquals("PostgreSQL at db.internal:5433/app as ci", connection.toString());
        assertFalse(connection.toString().contains("hunter2") || connection.toString().contains("s3cret"));
    }

    @Test
    void aUrlWithoutDatabaseMeansThePostgresDatabase() {
        assertEquals("localhost/postgres", ServerConnection.of("jdbc:postgresql://localhost", null, null).describe());
    }

    @Test
    void aWrongUrlIsNamedWithoutItsParameters() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ServerConnection.of("jdbc:mysql://db/app?password=hunter2", "u", "p"));
        assertTrue(e.getMessage().contains("schema.url"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://host:port/database")
                && e.getMessage().contains("jdbc:mariadb://host:port/database"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql://db/app"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(SchemaException.class, () -> ServerConnection.of(" ", "u", "p"));
    }

    @Test
    void aReadOnlyDataSourceAsksTheServerToRefuseWrites() {
        PGSimpleDataSource readOnly = (PGSimpleDataSource) ServerConnection
                .of("jdbc:postgresql://localhost:5432/app", "ci", "pw").dataSource(null, true);
        assertTrue(readOnly.isReadOnly());
        assertEquals("always", readOnly.getReadOnlyMode());
        assertTrue(readOnly.getOptions().startsWith("-c default_transaction_read_only=on"), readOnly.getOptions());
        PGSimpleDataSource scratch = (PGSimpleDataSource) ServerConnection
                .of("jdbc:postgresql://localhost:5432/postgres", "ci", "pw").dataSource("schemadiff_x", false);
        assertEquals("schemadiff_x", scratch.getDatabaseName());
        assertFalse(scratch.isReadOnly());
    }

    @Test
    void aMariaDbUrlIsDescribedWithoutParametersOrPassword() {
        ServerConnection connection = ServerConnection.of(
                "jdbc:mariadb://db.internal:3307/app?useSsl=true&password=hunter2", "ci", "s3cret");
        assertEquals(Dialect.MARIADB, connection.vendor());
        assertEquals("db.internal:3307/app", connection.describe());
        assertEquals("app", connection.database());
        assertEquals("MariaDB at db.internal:3307/app as ci", connection.toString());
        assertFalse(connection.toString().contains("hunter2") || connection.toString().contains("s3cret"));
        assertEquals(Dialect.POSTGRESQL,
                ServerConnection.of("jdbc:postgresql://localhost/app", null, null).vendor());
    }

    @Test
    void aMariaDbUrlWithoutDatabaseNamesOnlyTheServer() {
        ServerConnection connection = ServerConnection.of("jdbc:mariadb://127.0.0.1:3306/", "root", null);
        assertEquals("127.0.0.1:3306", connection.describe());
        assertEquals(null, connection.database());
        assertEquals("MariaDB at 127.0.0.1:3306 as root", connection.toString());
    }

    @Test
    void aMariaDbDataSourceNamesTheDatabaseAndKeepsTheParameters() {
        ServerConnection connection = ServerConnection.of("jdbc:mariadb://db:3307/app?connectTimeout=5000", "ci", "pw");
        // the driver rewrites its URL (user, masked password, default port dropped): compare what matters
        String scratch = ((MariaDbDataSource) connection.dataSource("schemadiff_x", false)).getUrl();
        assertTrue(scratch.startsWith("jdbc:mariadb://db:3307/schemadiff_x?"), scratch);
        assertTrue(scratch.contains("connectTimeout=5000"), scratch);
        assertFalse(scratch.contains("tx_read_only"), scratch);
        String same = ((MariaDbDataSource) connection.dataSource(null, false)).getUrl();
        assertTrue(same.startsWith("jdbc:mariadb://db:3307/app?"), same);
        String readOnly = ((MariaDbDataSource) connection.dataSource(null, true)).getUrl();
        assertTrue(readOnly.contains("connectTimeout=5000") && readOnly.contains("sessionVariables=tx_read_only=1"),
                readOnly);
        String theirsAndOurs = ((MariaDbDataSource) ServerConnection
                .of("jdbc:mariadb://db/app?sessionVariables=sql_mode=ANSI&x=1", null, null).dataSource(null, true)).getUrl();
        assertTrue(theirsAndOurs.contains("sessionVariables=sql_mode=ANSI,tx_read_only=1"), theirsAndOurs);
        String noDatabase = ((MariaDbDataSource) ServerConnection.of("jdbc:mariadb://db", null, null)
                .dataSource(null, true)).getUrl();
        assertTrue(noDatabase.startsWith("jdbc:mariadb://db/?") && noDatabase.contains("tx_read_only=1"), noDatabase);
    }

    @Test
    void aReadOnlyMariaDbSessionIsRefusedWritesByTheServer() throws SQLException {
        try (LocalMariaDb local = LocalMariaDb.connect("schemadiff_ro_")) {
            String database = local.database(List.of("create table t (i int)"));
            // with a session variable of the user's own, which ours must join, not replace
            ServerConnection connection = ServerConnection.of(LocalMariaDb.URL + database
                    + "?sessionVariables=wait_timeout=600", LocalMariaDb.USER, LocalMariaDb.PASSWORD);
            try (Connection c = connection.dataSource(null, true).getConnection(); Statement statement = c.createStatement()) {
                try (var rs = statement.executeQuery("select @@session.wait_timeout")) {
                    rs.next();
                    assertEquals(600, rs.getInt(1));
                }
                for (String write : List.of("insert into t values (1)", "create table u (i int)", "drop table t")) {
                    SQLException e = assertThrows(SQLException.class, () -> statement.execute(write), write);
                    assertTrue(e.getMessage().contains("READ ONLY"), e.getMessage());
                }
            }
            try (Connection c = connection.dataSource(null, false).getConnection(); Statement statement = c.createStatement()) {
                statement.execute("insert into t values (1)");
            }
        }
    }

    @Test
    void theMariaDbVersionHasMajorAndMinor() {
        ServerConnection connection = LocalMariaDb.server();
        String version = connection.version();
        assertTrue(version.matches("\\d+\\.\\d+"), version);
        assertEquals(Integer.parseInt(version.split("\\.")[0]), connection.majorVersion());
        assertEquals("10.11.19", ServerConnection.mariaDbVersion("10.11.19-MariaDB-0+deb12u1"));
        assertEquals("11.4.5", ServerConnection.mariaDbVersion("11.4.5-MariaDB"));
        assertThrows(SchemaException.class, () -> ServerConnection.mariaDbVersion("banana"));
    }

    @Test
    void thePostgresVersionHasMajorAndMinor() {
        ServerConnection connection = LocalPostgres.server();
        String version = connection.version();
        assertTrue(version.matches("\\d+\\.\\d+"), version);
        assertEquals(Integer.parseInt(version.split("\\.")[0]), connection.majorVersion());
    }

    @Test
    void theTimeoutBoundsConnectingStatementsAndOnALiveDatabaseLocks() {
        ServerConnection postgres = ServerConnection.of("jdbc:postgresql://db:5432/app", "ci", "pw")
                .withTimeout(Duration.ofSeconds(20));
        PGSimpleDataSource scratch = (PGSimpleDataSource) postgres.dataSource(null, false);
        assertEquals(20, scratch.getConnectTimeout());
        assertEquals(20, scratch.getLoginTimeout());
        assertEquals(30, scratch.getSocketTimeout(), "the server's own statement timeout comes first");
        assertEquals("-c statement_timeout=20000", scratch.getOptions());
        PGSimpleDataSource live = (PGSimpleDataSource) postgres.dataSource(null, true);
        assertEquals("-c default_transaction_read_only=on -c statement_timeout=20000 -c lock_timeout=5000", live.getOptions());

        ServerConnection theirs = ServerConnection.of("jdbc:postgresql://db/app?connectTimeout=2&options=-c%20search_path=x",
                null, null);
        PGSimpleDataSource own = (PGSimpleDataSource) theirs.dataSource(null, true);
        assertEquals(2, own.getConnectTimeout(), "the URL's own setting wins");
        assertTrue(own.getOptions().startsWith("-c search_path=x -c default_transaction_read_only=on"), own.getOptions());

        String mariadb = ((MariaDbDataSource) ServerConnection.of("jdbc:mariadb://db/app", null, null)
                .withTimeout(Duration.ofSeconds(20)).dataSource(null, true)).getUrl();
        assertTrue(mariadb.contains("connectTimeout=20000") && mariadb.contains("socketTimeout=30000"), mariadb);
        assertTrue(mariadb.contains("sessionVariables=tx_read_only=1,max_statement_time=20,lock_wait_timeout=5,"
                + "innodb_lock_wait_timeout=5"), mariadb);

        PGSimpleDataSource unlimited = (PGSimpleDataSource) postgres
                .withTimeout(Duration.ZERO).dataSource(null, false);
        assertEquals(null, unlimited.getOptions());
        SchemaException negative = assertThrows(SchemaException.class,
                () -> postgres.withTimeout(Duration.ofSeconds(-1)));
        assertTrue(negative.getMessage().startsWith("<timeout> (schema.timeout) must be 0"), negative.getMessage());
    }
}
