package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import io.schemadiff.testing.LocalMariaDb;
import io.schemadiff.testing.LocalPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A MariaDB server the user named: scratch databases come and go, nothing else is touched. */
class NamedMariaDbServerTest {

    private static final ServerConnection LOCAL = LocalMariaDb.server();

    @Test
    void createsUsesAndDropsAScratchDatabase() throws SQLException {
        try (NamedMariaDbServer server = NamedMariaDbServer.connect(LOCAL)) {
            String name = "schemadiff_named_test";
            server.dropDatabase(name);
            DataSource scratch = server.createDatabase(name);
            try {
                try (Connection c = scratch.getConnection(); Statement s = c.createStatement()) {
                    s.execute("create table person (id bigint primary key)");
                    try (ResultSet rs = s.executeQuery("select database()")) {
                        rs.next();
                        assertEquals(name, rs.getString(1));
                    }
                }
            } finally {
                server.dropDatabase(name);
            }
            assertFalse(exists(name));
        }
    }

    @Test
    void theVersionIsJustTheNumbers() {
        try (NamedMariaDbServer server = NamedMariaDbServer.connect(LOCAL)) {
            assertTrue(server.version().matches("\\d+\\.\\d+\\.\\d+"), server.version());
            assertTrue(server.version().startsWith(LOCAL.version() + "."), server.version());
        }
    }

    @Test
    void onlyScratchDatabasesAreCreatedOrDropped() {
        try (NamedMariaDbServer server = NamedMariaDbServer.connect(LOCAL)) {
            assertThrows(IllegalArgumentException.class, () -> server.dropDatabase("mysql"));
            assertThrows(IllegalArgumentException.class, () -> server.createDatabase("schemadiff_x`; drop database mysql"));
        }
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldWhichPrivilegeIsMissing() throws SQLException {
        try (LocalMariaDb local = LocalMariaDb.connect("schemadiff_priv_");
             Statement s = local.connection().createStatement()) {
            s.execute("create or replace user 'schemadiff_weak'@'127.0.0.1' identified by 'weak-pw'");
            try {
                NamedMariaDbServer server = NamedMariaDbServer.connect(
                        ServerConnection.of(LocalMariaDb.URL, "schemadiff_weak", "weak-pw"));
                SchemaException e = assertThrows(SchemaException.class, () -> server.createDatabase("schemadiff_denied"));
                assertTrue(e.getMessage().contains("CREATE privilege"), e.getMessage());
                assertTrue(e.getMessage().contains("MariaDB at " + LOCAL.describe() + " as schemadiff_weak"), e.getMessage());
                assertFalse(e.getMessage().contains("weak-pw"), e.getMessage());
            } finally {
                s.execute("drop user 'schemadiff_weak'@'127.0.0.1'");
            }
        }
    }

    @Test
    void aPostgresUrlIsNotAMariaDbServer() {
        SchemaException e = assertThrows(SchemaException.class, () -> NamedMariaDbServer.connect(LocalPostgres.server()));
        assertTrue(e.getMessage().contains("jdbc:mariadb://"), e.getMessage());
    }

    private static boolean exists(String database) throws SQLException {
        try (LocalMariaDb local = LocalMariaDb.connect("schemadiff_unused_");
             Statement s = local.connection().createStatement();
             ResultSet rs = s.executeQuery("select count(*) from information_schema.schemata where schema_name = '"
                     + database + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
