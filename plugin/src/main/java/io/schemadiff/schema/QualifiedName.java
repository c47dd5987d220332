package io.schemadiff.schema;

import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified object name exactly as the database catalog stores it (already case-folded). */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName>, java.io.Serializable {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** {@code name} in the default schema, {@code schema.name} elsewhere: how people talk about tables. */
    public String display() {
        return "public".equals(schema) ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return display();
    }
}
