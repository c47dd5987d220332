package io.schemadiff.schema;

/**
 * A non-unique index, or a unique one that a {@link UniqueKey} cannot express (partial, expression).
 *
 * @param definition  {@code pg_get_indexdef()} output
 * @param body        the definition after {@code ON table}, e.g. {@code USING btree (email DESC, last_name)}
 * @param partial     has a {@code WHERE} predicate
 * @param expression  indexes an expression rather than plain columns
 */
public record Index(String name, boolean unique, String definition, String body, boolean partial, boolean expression) {

    /** Two indexes are the same when they differ by name only. */
    public Object identity() {
        return (unique ? "unique " : "") + body;
    }

    /** JPA's {@code @Index} cannot express these, so they belong to migrations alone. */
    public boolean modelCannotExpress() {
        return partial || expression;
    }
}
