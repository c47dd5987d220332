package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach a PostgreSQL server the user named: a JDBC URL and credentials. The password never
 * leaves this object: {@link #toString()} and {@link #describe()} show only where the server is.
 */
public final class ServerConnection {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(\\?.*)?");

    private final String url;
    private final String user;
    private final String password;
    private final String where;

    private ServerConnection(String url, String user, String password, String where) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.where = where;
    }

    /**
     * @param url e.g. {@code jdbc:postgresql://db.internal:5432/app}; parameters in the URL are kept
     *            (say {@code sslmode}) but never shown
     */
    public static ServerConnection of(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new SchemaException("No server URL: set <url> (schema.url), e.g. jdbc:postgresql://localhost:5432/app.");
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new SchemaException("<url> (schema.url) is not a PostgreSQL JDBC URL: "
                    + redact(url) + " (expected jdbc:postgresql://host:port/database).");
        }
        String database = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        return new ServerConnection(url.trim(), blankToNull(user), password == null ? null : password,
                m.group(1) + "/" + database);
    }

    /** {@code host:port/database}, safe for logs and reports. */
    public String describe() {
        return where;
    }

    /** The database the URL names, e.g. {@code app}. */
    public String database() {
        return where.substring(where.indexOf('/') + 1);
    }

    /** The database the URL names, or {@code database} on the same server. */
    public DataSource dataSource(String database, boolean readOnly) {
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

    /** The server's major version, e.g. {@code 15}, asked over a read-only session. */
    public int majorVersion() {
        String number = Statements.queryOne(dataSource(null, true), "show server_version_num", toString());
        return Integer.parseInt(number.trim()) / 10_000;
    }

    @Override
    public String toString() {
        return "PostgreSQL at " + where + (user == null ? "" : " as " + user);
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
