package io.schemadiff.core;

/**
 * The database and version Hibernate writes DDL for, and migrations are rendered for: the
 * reference's own version, so the model is what production would get.
 */
public record TargetDatabase(Dialect dialect, int major, int minor) implements java.io.Serializable {

    public static TargetDatabase postgresql(int major) {
        return new TargetDatabase(Dialect.POSTGRESQL, major, 0);
    }

    /**
     * @param version a server's version, e.g. {@code 11.4.5}, {@code 10.11.19-MariaDB-0+deb12u1} or {@code 15.19}
     */
    public static TargetDatabase of(Dialect dialect, String version) {
        String[] parts = version.trim().split("[.\\-+ ]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = dialect == Dialect.POSTGRESQL || parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
            return new TargetDatabase(dialect, major, minor);
        } catch (NumberFormatException e) {
            throw new SchemaException("Cannot read a " + dialect.productName() + " version from '" + version + "'.", e);
        }
    }

    /** e.g. {@code PostgreSQL 14} or {@code MariaDB 11.4}. */
    public String describe() {
        return dialect.productName() + " " + major + (dialect == Dialect.POSTGRESQL ? "" : "." + minor);
    }
}
