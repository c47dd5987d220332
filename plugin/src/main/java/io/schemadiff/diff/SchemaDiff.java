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

    /** This plan with {@code more} changes, all in dependency order. */
    public SchemaDiff plus(List<Change> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Change> all = new java.util.ArrayList<>(changes);
        all.addAll(more);
        return new SchemaDiff(ChangePlan.order(all), unmanaged);
    }
}
