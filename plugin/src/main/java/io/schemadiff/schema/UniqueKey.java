package io.schemadiff.schema;

import java.util.List;
import java.util.TreeSet;

/**
 * A uniqueness rule over plain columns. A {@code unique} constraint and a unique index on the same
 * columns are the same thing to a user, so both are read into this type and compared by column set.
 */
public record UniqueKey(String name, List<String> columns, boolean backedByIndexOnly) {

    public UniqueKey {
        columns = List.copyOf(columns);
    }

    /** Uniqueness does not depend on column order. */
    public Object identity() {
        return new TreeSet<>(columns);
    }
}
