package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.LiveDatabase;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.NamedMariaDbServer;
import io.schemadiff.reference.NamedPostgresServer;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.reference.ServerConnection;
import io.schemadiff.testing.Catalogs;
import io.schemadiff.testing.Jdbc;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named servers and live databases that do not answer, hold a lock, refuse the password or the right to create
 * databases: the build ends in bounded time with a message that names the server and never the password.
 * The "team's server" and "production" here are an embedded PostgreSQL this test starts, with password logins.
 */
class RemoteWaitsTest {

    private static final String PASSWORD = "s3cret-Pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Generous for a loaded machine, far below "hangs": a run without limits would wait forever. */
    private static final long BOUND_MILLIS = 30_000;

    private static EmbeddedPostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServerWithPasswords() {
        server = EmbeddedPostgresServer.start();
        DataSource admin = admin("postgres");
        // postgres keeps trust, every other role must give its password
        String hba = Jdbc.column(admin, "show hba_file").get(0);
        Jdbc.execute(admin, "copy (select unnest(array['local all all trust', 'host all postgres 127.0.0.1/32 trust',"
                        + " 'host all all 127.0.0.1/32 scram-sha-256'])) to '" + hba + "'",
                "select pg_reload_conf()",
                "create role app login createdb password '" + PASSWORD + "'",
                "create role reader login password '" + PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database;
    }

    private static DataSource admin(String database) {
        return ServerConnection.of(url(database), "postgres", null).dataSource(null, false);
    }

    private ServerConnection as(String user, String password, String database) {
        return ServerConnection.of(url(database), user, password).withTimeout(TIMEOUT);
    }

    private SchemaException boundedFailure(Executable run) {
        long start = System.nanoTime();
        SchemaException e = assertThrows(SchemaException.class, run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "ended after " + millis + " ms: " + e.getMessage());
        assertNoPassword(e);
        return e;
    }

    /** Nowhere in the message or its causes. */
    private static void assertNoPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
            assertFalse(t.toString().contains(PASSWORD), t.toString());
        }
    }

    private Comparison compare(Scenario scenario, PipelineSettings.Reference reference, ServerConnection connection) {
        ScratchServer scratch = ScratchServer.lent(server);
        return scenario.pipeline(scenario.settings().reference(reference, connection),
                reference == PipelineSettings.Reference.SERVER ? () -> NamedPostgresServer.connect(connection)
                        : () -> scratch).compare();
    }

    // --- a server that accepts and never answers ------------------------------------------------------

    @Test
    void aServerThatAcceptsButNeverAnswersEndsTheBuildInBoundedTime() throws Exception {
        try (Silent silent = new Silent()) {
            Scenario scenario = ShopMigrations.inSync(dir);
            ServerConnection live = ServerConnection.of("jdbc:postgresql://127.0.0.1:" + silent.port() + "/app", "app",
                    PASSWORD).withTimeout(TIMEOUT);

            SchemaException e = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.LIVE, live));

            // the first thing asked is the server's version, for Hibernate's dialect
            assertTrue(e.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + silent.port() + "/app as app did not"
                    + " answer 'show server_version_num': Connection attempt timed out."), e.getMessage());
            assertTrue(e.getMessage().endsWith("(the wait is limited by <timeout> (schema.timeout))"), e.getMessage());
            SchemaException direct = boundedFailure(() -> new LiveDatabase(live).checkReadOnly());
            assertTrue(direct.getMessage().startsWith("Cannot connect to the live database PostgreSQL at 127.0.0.1:"
                    + silent.port() + "/app as app"), direct.getMessage());
            assertTrue(direct.getMessage().endsWith("(<timeout> (schema.timeout) is 3 s)"), direct.getMessage());
            assertTrue(silent.accepted() > 0, "the driver did connect, and then waited for an answer");

            SchemaException named = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.SERVER, live));
            assertTrue(named.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + silent.port() + "/app as app"),
                    named.getMessage());
        }
    }

    @Test
    void aMariaDbServerThatNeverAnswersEndsInBoundedTimeToo() throws Exception {
        try (Silent silent = new Silent()) {
            ServerConnection live = ServerConnection.of("jdbc:mariadb://127.0.0.1:" + silent.port() + "/app", "app",
                    PASSWORD).withTimeout(TIMEOUT);

            SchemaException e = boundedFailure(() -> new LiveDatabase(live).checkReadOnly());
            assertTrue(e.getMessage().startsWith("Cannot connect to the live database MariaDB at 127.0.0.1:"
                    + silent.port() + "/app as app"), e.getMessage());
            SchemaException named = boundedFailure(() -> NamedMariaDbServer.connect(live));
            assertTrue(named.getMessage().startsWith("MariaDB at 127.0.0.1:" + silent.port() + "/app as app"),
                    named.getMessage());
        }
    }

    // --- a lock held on the live database --------------------------------------------------------------

    @Test
    void aLockHeldOnTheLiveDatabaseEndsTheReadInBoundedTimeWithoutWaitingOnIt() throws Exception {
        String live = "live_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        Jdbc.execute(admin("postgres"), "create database " + live + " owner app");
        try {
            Scenario scenario = ShopMigrations.inSync(dir);
            DataSource production = as("app", PASSWORD, live).withTimeout(Duration.ZERO).dataSource(null, false);
            new MigrationReplay().replay(production, List.of(scenario.migrations()));
            String before = Catalogs.fingerprint(production);
            try (Connection deployment = production.getConnection(); Statement statement = deployment.createStatement()) {
                // a deployment's migration, mid-way: it holds the history table
                deployment.setAutoCommit(false);
                statement.execute("lock table flyway_schema_history in access exclusive mode");

                // the default's proportions: the lock limit (5 s) ends the read before the statement limit
                SchemaException e = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.LIVE,
                        as("reader", PASSWORD, live).withTimeout(Duration.ofSeconds(10))));

                assertTrue(e.getMessage().startsWith("Cannot read the migration history of PostgreSQL at 127.0.0.1:"
                        + server.port() + "/" + live + " as reader"), e.getMessage());
                assertTrue(e.getMessage().contains("lock timeout"), e.getMessage());
                assertTrue(e.getMessage().contains("waits at most 5 s for a lock"), e.getMessage());
                deployment.rollback();
            }
            assertEquals(before, Catalogs.fingerprint(production), "nothing was written");
        } finally {
            Jdbc.execute(admin("postgres"), "drop database " + live + " with (force)");
        }
    }

    // --- wrong password, no CREATEDB ---------------------------------------------------------------------

    @Test
    void aWrongPasswordIsNamedWithoutThePassword() {
        Scenario scenario = ShopMigrations.inSync(dir);
        ServerConnection wrong = as("app", PASSWORD + "x", "postgres");

        SchemaException named = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.SERVER, wrong));
        assertTrue(named.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + server.port() + "/postgres as app"),
                named.getMessage());
        assertTrue(named.getMessage().contains("password authentication failed for user \"app\""), named.getMessage());

        SchemaException live = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.LIVE, wrong));
        assertTrue(live.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + server.port() + "/postgres as app"),
                live.getMessage());
        assertTrue(live.getMessage().contains("password authentication failed for user \"app\""), live.getMessage());
        assertNoPassword(assertThrows(SchemaException.class, () -> new LiveDatabase(wrong).checkReadOnly()));
    }

    @Test
    void aUserWithoutCreateDbIsToldWhatItNeedsAndNothingIsLeft() {
        Scenario scenario = ShopMigrations.inSync(dir);
        List<String> before = Jdbc.column(admin("postgres"), "select datname from pg_database order by 1");

        SchemaException e = boundedFailure(() -> compare(scenario, PipelineSettings.Reference.SERVER,
                as("reader", PASSWORD, "postgres")));

        assertTrue(e.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + server.port() + "/postgres as reader refused"
                + " 'create database schemadiff_reference_"), e.getMessage());
        assertTrue(e.getMessage().contains("permission denied to create database"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the user needs the CREATEDB privilege)"), e.getMessage());
        assertEquals(before, Jdbc.column(admin("postgres"), "select datname from pg_database order by 1"),
                "no scratch database left");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A port that accepts connections and never says a word, like a server stuck or a proxy with no backend. */
    private static final class Silent implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-server");

        Silent() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        synchronized int accepted() {
            return accepted.size();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = socket.accept();
                    synchronized (this) {
                        accepted.add(client);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Override
        public synchronized void close() throws IOException {
            socket.close();
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
