package io.schemadiff.schema;

import java.util.List;

/** A primary key; its name is kept for drops only, never compared. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
