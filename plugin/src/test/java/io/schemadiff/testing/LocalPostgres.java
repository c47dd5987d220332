package io.schemadiff.testing;

import io.schemadiff.reference.ServerConnection;

import javax.sql.DataSource;
import java.util.List;

/**
 * The PostgreSQL server standing in for a team's server and for a live production database: the one
 * {@code -Dschemadiff.test.postgresUrl} names (with {@code schemadiff.test.postgresUser}, default
 * {@code postgres}, and {@code schemadiff.test.postgresPassword}), else the test JVM's embedded
 * PostgreSQL ({@link SharedPostgres}), so that the tests need no server on the machine.
 */
public final class LocalPostgres {

    public static final String URL;
    public static final String USER;
    private static final String PASSWORD;

    static {
        String named = System.getProperty("schemadiff.test.postgresUrl", "");
        if (named.isBlank()) {
            ServerConnection embedded = SharedPostgres.embeddedConnection();
            URL = "jdbc:postgresql://" + embedded.describe();
            USER = "postgres";
            PASSWORD = null;
        } else {
            URL = named.trim();
            USER = System.getProperty("schemadiff.test.postgresUser", "postgres");
            PASSWORD = System.getProperty("schemadiff.test.postgresPassword");
        }
    }

    private LocalPostgres() {
    }

    public static ServerConnection server() {
        return ServerConnection.of(URL, USER, PASSWORD);
    }

    /** A connection to {@code database} on the server, read-write: for setting up what the plugin then reads. */
    public static ServerConnection database(String database) {
        return ServerConnection.of(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), USER, PASSWORD);
    }

    public static void execute(DataSource dataSource, String... statements) {
        Jdbc.execute(dataSource, statements);
    }

    public static List<String> column(DataSource dataSource, String query) {
        return Jdbc.column(dataSource, query);
    }
}
