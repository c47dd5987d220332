package io.schemadiff.core;

import java.util.Locale;

/**
 * The database family migrations are written for ({@code schema.dialect}): it decides Hibernate's
 * target, the reference server, the catalog reader and the template set.
 */
public enum Dialect {

    POSTGRESQL("postgresql", "PostgreSQL"),
    MARIADB("mariadb", "MariaDB");

    private final String id;
    private final String productName;

    Dialect(String id, String productName) {
        this.id = id;
        this.productName = productName;
    }

    /** The parameter's spelling and the name of the template set, e.g. {@code mariadb}. */
    public String id() {
        return id;
    }

    /** The product name as JDBC metadata and Hibernate spell it, e.g. {@code MariaDB}. */
    public String productName() {
        return productName;
    }

    /** Whether the database folds unquoted names to lower case (PostgreSQL), or keeps them as written. */
    public boolean foldsToLowerCase() {
        return this == POSTGRESQL;
    }

    public static Dialect parse(String value) {
        String id = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.id.equals(id)) {
                return dialect;
            }
        }
        if (id.equals("mysql")) {
            // MySQL 8 differs from MariaDB in sequences, check clauses, json and defaults, and no MySQL
            // server is available to prove templates and catalog reading against; better no answer than a wrong one
            throw new IllegalArgumentException("<dialect> (schema.dialect) 'mysql' is not supported yet: its "
                    + "templates and catalog reading have not been proven against a MySQL server. Use postgresql or "
                    + "mariadb.");
        }
        throw new IllegalArgumentException("Unknown <dialect> (schema.dialect) '" + value
                + "': use postgresql or mariadb.");
    }
}
