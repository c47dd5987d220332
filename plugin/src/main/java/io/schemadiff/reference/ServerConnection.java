package io.schemadiff.reference;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach a PostgreSQL or MariaDB server the user named: a JDBC URL and credentials. The password
 * never leaves this object: {@link #toString()} and {@link #describe()} show only where the server is.
 */
public final class ServerConnection {

    static {
        // Connector/J logs a WARN line for every error a server returns, which the plugin reports
        // itself with its context; Maven's SLF4J reads levels when a logger is created, so default it
        // to errors unless the user chose otherwise
        String driverLevel = "org.slf4j.simpleLogger.log.org.mariadb.jdbc";
        if (System.getProperty(driverLevel) == null) {
            System.setProperty(driverLevel, "error");
        }
    }

    private static final Pattern URL = Pattern.compile("jdbc:(postgresql|mariadb)://([^/?]*)(?:/([^?]*))?(\\?.*)?");
    /** The numbers at the start of {@code select version()}, e.g. {@code 10.11.19} of {@code 10.11.19-MariaDB-0+deb12u1}. */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?");
    /** MariaDB's read-only sessions: {@code tx_read_only} is understood by 10.x and 11.x alike. */
    private static final String MARIADB_READ_ONLY = "tx_read_only=1";

    private final Dialect vendor;
    private final String url;
    private final String hostAndPort;
    private final String database;
    private final String parameters;
    private final String user;
    private final String password;

    private ServerConnection(Dialect vendor, String url, String hostAndPort, String database, String parameters,
                             String user, String password) {
        this.vendor = vendor;
        this.url = url;
        this.hostAndPort = hostAndPort;
        this.database = database;
        this.parameters = parameters;
        this.user = user;
        this.password = password;
    }

    /**
     * @param url e.g. {@code jdbc:postgresql://db.internal:5432/app} or {@code jdbc:mariadb://db.internal:3306/app};
     *            parameters in the URL are kept (say {@code sslmode}) but never shown
     */
    public static ServerConnection of(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new SchemaException("No server URL: set <url> (schema.url), e.g. jdbc:postgresql://localhost:5432/app"
                    + " or jdbc:mariadb://localhost:3306/app.");
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new SchemaException("<url> (schema.url) is neither a PostgreSQL nor a MariaDB JDBC URL: " + redact(url)
                    + " (expected jdbc:postgresql://host:port/database or jdbc:mariadb://host:port/database).");
        }
        Dialect vendor = Dialect.parse(m.group(1));
        String database = m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3);
        if (database == null && vendor == Dialect.POSTGRESQL) {
            database = "postgres";
        }
        return new ServerConnection(vendor, url.trim(), m.group(2), database, m.group(4) == null ? "" : m.group(4),
                blankToNull(user), password);
    }

    /** Which database the URL names; its scheme is the dialect's id. */
    public Dialect vendor() {
        return vendor;
    }

    /** {@code host:port/database} ({@code host:port} for a MariaDB URL naming no database), safe for logs and reports. */
    public String describe() {
        return database == null ? hostAndPort : hostAndPort + "/" + database;
    }

    /** The database the URL names, e.g. {@code app}; {@code null} for a MariaDB URL that names none. */
    public String database() {
        return database;
    }

    /**
     * The database the URL names, or {@code database} on the same server.
     *
     * @param readOnly every transaction of every session is read-only, enforced by the server
     */
    public DataSource dataSource(String database, boolean readOnly) {
        return vendor == Dialect.MARIADB ? mariaDbDataSource(database, readOnly) : postgresDataSource(database, readOnly);
    }

    private DataSource postgresDataSource(String database, boolean readOnly) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("schema-maven-plugin");
        if (readOnly) {
            // enforced by the server, not by good intentions: every transaction of the session is read-only
            dataSource.setReadOnly(true);
            dataSource.setReadOnlyMode("always");
            dataSource.setOptions("-c default_transaction_read_only=on");
        }
        return dataSource;
    }

    private DataSource mariaDbDataSource(String database, boolean readOnly) {
        String name = database != null ? database : this.database;
        // scratch databases run whole scripts (a generated undo) in one statement, as PostgreSQL does
        String query = readOnly ? withReadOnlySession(parameters)
                : parameters + (parameters.isEmpty() ? "?" : parameters.equals("?") ? "" : "&") + "allowMultiQueries=true";
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource();
            // Connector/J 3 names the database only in the URL
            dataSource.setUrl("jdbc:mariadb://" + hostAndPort + "/" + (name == null ? "" : name) + query);
            if (user != null) {
                dataSource.setUser(user);
            }
            if (password != null) {
                dataSource.setPassword(password);
            }
            return dataSource;
        } catch (SQLException e) {
            // the driver's message may repeat the URL, parameters and all: say only where
            throw new SchemaException("<url> (schema.url) is not a URL MariaDB Connector/J accepts: " + this, e);
        }
    }

    /**
     * The URL's parameters with the session variable that makes every transaction read-only on the
     * server's side (refusing DDL too), added after any session variables the user set so that it wins.
     */
    private static String withReadOnlySession(String parameters) {
        if (parameters.isEmpty() || parameters.equals("?")) {
            return "?sessionVariables=" + MARIADB_READ_ONLY;
        }
        Matcher existing = Pattern.compile("([?&]sessionVariables=)([^&]*)").matcher(parameters);
        if (existing.find()) {
            return parameters.substring(0, existing.end()) + "," + MARIADB_READ_ONLY + parameters.substring(existing.end());
        }
        return parameters + "&sessionVariables=" + MARIADB_READ_ONLY;
    }

    /** The server's major version, e.g. {@code 15} or {@code 11}, asked over a read-only session. */
    public int majorVersion() {
        return Integer.parseInt(version().split("\\.")[0]);
    }

    /**
     * The server's major and minor version, e.g. {@code 16.4} or {@code 10.11} (Hibernate's MariaDB dialect
     * depends on both), asked over a read-only session.
     */
    public String version() {
        if (vendor == Dialect.MARIADB) {
            String full = mariaDbVersion(Statements.queryOne(dataSource(null, true), "select version()", toString()));
            return full.substring(0, full.lastIndexOf('.'));
        }
        int number = Integer.parseInt(
                Statements.queryOne(dataSource(null, true), "show server_version_num", toString()).trim());
        return number / 10_000 + "." + number % 10_000;
    }

    /** {@code major.minor.patch} of what MariaDB's {@code select version()} says, e.g. {@code 10.11.19}. */
    static String mariaDbVersion(String selectVersion) {
        Matcher m = MARIADB_VERSION.matcher(selectVersion.trim());
        if (!m.lookingAt()) {
            throw new SchemaException("Not a MariaDB version: '" + selectVersion + "'.");
        }
        return m.group(1) + "." + m.group(2) + (m.group(3) == null ? ".0" : m.group(3));
    }

    @Override
    public String toString() {
        return vendor.productName() + " at " + describe() + (user == null ? "" : " as " + user);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerConnection other && url.equals(other.url) && Objects.equals(user, other.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user);
    }

    /** The URL without its parameters, which may hold a password. */
    static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
