package io.schemadiff.diff;

import java.util.List;

/**
 * The ordered plan that turns the reference schema into the model, plus what was deliberately left alone.
 *
 * @param changes   in the order a migration must run them
 * @param unmanaged objects only the migrations know about (views, partial indexes…), never dropped
 */
public record SchemaDiff(List<Change> changes, List<String> unmanaged) {

    public SchemaDiff {
        changes = List.copyOf(changes);
        unmanaged = List.copyOf(unmanaged);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
