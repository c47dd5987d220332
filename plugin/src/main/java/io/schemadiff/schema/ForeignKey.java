package io.schemadiff.schema;

import java.util.List;

/**
 * A foreign key. Two foreign keys are the same when everything but the name matches: names are
 * hashed by Hibernate and free-form in hand-written migrations.
 */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        Action onDelete,
        Action onUpdate,
        boolean deferrable,
        boolean initiallyDeferred) {

    /** Referential actions, by their {@code pg_constraint.confdeltype} codes. */
    public enum Action {
        NO_ACTION("no action"),
        RESTRICT("restrict"),
        CASCADE("cascade"),
        SET_NULL("set null"),
        SET_DEFAULT("set default");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        public static Action fromCode(String code) {
            return switch (code) {
                case "a" -> NO_ACTION;
                case "r" -> RESTRICT;
                case "c" -> CASCADE;
                case "n" -> SET_NULL;
                case "d" -> SET_DEFAULT;
                default -> throw new IllegalArgumentException("Unknown referential action code: " + code);
            };
        }
    }

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** Everything that makes two foreign keys equivalent. */
    public Object identity() {
        return List.of(columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable, initiallyDeferred);
    }
}
