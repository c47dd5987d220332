package io.schemadiff.schema;

import java.util.List;

/**
 * A check constraint, compared by its {@code pg_get_constraintdef()} text: PostgreSQL has already
 * rewritten {@code IN (...)}, {@code BETWEEN} and casts the same way on both sides.
 *
 * @param definition the catalog's text, e.g. {@code CHECK (amount >= 0::numeric)}: the identity
 * @param columns    the columns it reads
 * @param expression what to write inside {@code check (...)} to create it. PostgreSQL's printed
 *                   form does not always parse back to the same stored form, so for the model side
 *                   this is Hibernate's own expression where one is known.
 */
public record CheckConstraint(String name, String definition, List<String> columns, String expression) {

    public CheckConstraint {
        columns = List.copyOf(columns);
    }

    /** A constraint read from the catalog, to be created from its printed form. */
    public static CheckConstraint fromCatalog(String name, String definition, List<String> columns) {
        String expression = definition.startsWith("CHECK (") && definition.endsWith(")")
                ? definition.substring("CHECK (".length(), definition.length() - 1) : definition;
        return new CheckConstraint(name, definition, columns, expression);
    }

    public CheckConstraint withExpression(String sourceExpression) {
        return new CheckConstraint(name, definition, columns, sourceExpression);
    }

    public Object identity() {
        return definition;
    }
}
