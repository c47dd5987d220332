package io.schemadiff.reference;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** {@code schema.timeout}'s default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The longest a read-only session of a live database waits for a lock. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How much longer than a statement may take the driver waits for the server to say anything: the server
     * cancels a slow statement with a clear error first, and a server that stopped answering is still given up on.
     */
    private static final Duration SOCKET_SLACK = Duration.ofSeconds(10);

    private final Dialect vendor;
    private final String url;
    private final String hostAndPort;
    private final String database;
    private final String parameters;
    private final String user;
    private final String password;
    private final Duration timeout;

    private ServerConnection(Dialect vendor, String url, String hostAndPort, String database, String parameters,
                             String user, String password, Duration timeout) {
        this.vendor = vendor;
        this.url = url;
        this.hostAndPort = hostAndPort;
        this.database = database;
        this.parameters = parameters;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
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
                blankToNull(user), password, DEFAULT_TIMEOUT);
    }

    /**
     * The same server, waited on for at most {@code timeout}: to connect and log in, and for any one statement
     * (the server cancels it). Read-only sessions of a live database wait on a lock for at most
     * {@link #LOCK_TIMEOUT} of it, so that a read never queues in front of production's writes.
     *
     * @param timeout {@link Duration#ZERO} for no limit
     */
    public ServerConnection withTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new SchemaException("<timeout> (schema.timeout) must be 0 (no limit) or more seconds, not "
                    + timeout.toSeconds() + ".");
        }
        return new ServerConnection(vendor, url, hostAndPort, database, parameters, user, password, timeout);
    }

    /** How long a connection or a statement may take; {@link Duration#ZERO} for no limit. */
    public Duration timeout() {
        return timeout;
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
        List<String> options = new ArrayList<>();
        if (readOnly) {
            // enforced by the server, not by good intentions: every transaction of the session is read-only
            dataSource.setReadOnly(true);
            dataSource.setReadOnlyMode("always");
            options.add("-c default_transaction_read_only=on");
        }
        if (limited()) {
            // the URL's own settings win
            int seconds = seconds(timeout);
            if (!userSets("connectTimeout")) {
                dataSource.setConnectTimeout(seconds);
            }
            if (!userSets("loginTimeout")) {
                dataSource.setLoginTimeout(seconds);
            }
            if (!userSets("socketTimeout")) {
                dataSource.setSocketTimeout(seconds(timeout.plus(SOCKET_SLACK)));
            }
            options.add("-c statement_timeout=" + timeout.toMillis());
            if (readOnly) {
                options.add("-c lock_timeout=" + lockTimeout().toMillis());
            }
        }
        if (!options.isEmpty()) {
            // after the URL's own options, so that read-only wins
            if (dataSource.getOptions() != null && !dataSource.getOptions().isBlank()) {
                options.add(0, dataSource.getOptions());
            }
            dataSource.setOptions(String.join(" ", options));
        }
        return dataSource;
    }

    private DataSource mariaDbDataSource(String database, boolean readOnly) {
        String name = database != null ? database : this.database;
        List<String> sessionVariables = new ArrayList<>();
        String query = parameters;
        if (readOnly) {
            sessionVariables.add(MARIADB_READ_ONLY);
        }
        if (limited()) {
            // the URL's own settings win
            if (!userSets("connectTimeout")) {
                query = withParameter(query, "connectTimeout=" + timeout.toMillis());
            }
            if (!userSets("socketTimeout")) {
                query = withParameter(query, "socketTimeout=" + timeout.plus(SOCKET_SLACK).toMillis());
            }
            sessionVariables.add("max_statement_time=" + seconds(timeout));
            if (readOnly) {
                // metadata locks (DDL, LOCK TABLES) and row locks
                sessionVariables.add("lock_wait_timeout=" + seconds(lockTimeout()));
                sessionVariables.add("innodb_lock_wait_timeout=" + seconds(lockTimeout()));
            }
        }
        if (!readOnly) {
            // scratch databases run whole scripts (a generated undo) in one statement, as PostgreSQL does
            query = withParameter(query, "allowMultiQueries=true");
        }
        query = withSessionVariables(query, sessionVariables);
        try {
            // connectTimeout (in the URL) also bounds the login; setLoginTimeout would override the URL's own
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

    private static String withParameter(String parameters, String parameter) {
        return parameters + (parameters.isEmpty() ? "?" : parameters.equals("?") ? "" : "&") + parameter;
    }

    /**
     * The URL's parameters with {@code variables} (e.g. the one that makes every transaction read-only on the
     * server's side, refusing DDL too), added after any session variables the user set so that they win.
     */
    private static String withSessionVariables(String parameters, List<String> variables) {
        if (variables.isEmpty()) {
            return parameters;
        }
        String added = String.join(",", variables);
        Matcher existing = Pattern.compile("([?&]sessionVariables=)([^&]*)").matcher(parameters);
        if (existing.find()) {
            return parameters.substring(0, existing.end()) + "," + added + parameters.substring(existing.end());
        }
        return withParameter(parameters, "sessionVariables=" + added);
    }

    /**
     * What a failure that came from one of this connection's limits should add to its message, e.g.
     * {@code  (<timeout> (schema.timeout) is 30 s)}; empty for any other failure.
     */
    public String timeoutNote(Throwable failure) {
        if (limited() && mentions(failure, "lock timeout", "lock wait timeout")) {
            return " (a read of a live database waits at most " + seconds(lockTimeout())
                    + " s for a lock, so that it never holds up production)";
        }
        return limited() && timedOut(failure) ? " (<timeout> (schema.timeout) is " + seconds(timeout) + " s)" : "";
    }

    /** Whether {@code failure} is a connect, socket or statement timeout of either driver or server. */
    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return mentions(failure, "timed out", "timeout", "max_statement_time");
    }

    private static boolean mentions(Throwable failure, String... phrases) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            for (String phrase : phrases) {
                if (message.contains(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean userSets(String parameter) {
        return Pattern.compile("[?&]" + parameter + "=", Pattern.CASE_INSENSITIVE).matcher(parameters).find();
    }

    private boolean limited() {
        return !timeout.isZero();
    }

    private Duration lockTimeout() {
        return timeout.compareTo(LOCK_TIMEOUT) < 0 ? timeout : LOCK_TIMEOUT;
    }

    /** Whole seconds, at least one: the drivers' and servers' unit. */
    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (duration.toMillis() + 999) / 1000));
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
