package io.schemadiff.render;

import io.schemadiff.diff.Change;

/**
 * A change with its SQL and where it comes from, as the migration template sees it.
 *
 * @param source the entity (and field) that caused the change, or {@code null} when none did
 *               (a table whose entity was removed)
 */
public record RenderedChange(Change change, String table, String summary, String source, String sql) {

    public char marker() {
        return change.marker();
    }

    public boolean destructive() {
        return change.destructive();
    }
}
