package io.schemadiff.report;

import io.schemadiff.diff.Change;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.render.RenderedChange;

import java.util.List;

/**
 * One change as every report shows it: what it is, what caused it, how risky it is, and its SQL.
 *
 * @param entity the entity class behind the change's table, or {@code null} (e.g. a dropped table)
 * @param field  the attribute path within {@code entity} behind the change, or {@code null}
 */
record ReportedChange(RenderedChange rendered, String entity, String field) {

    /** How a change can hurt: {@code destructive} changes lose data; {@code safe} ones do not. */
    enum Safety {
        SAFE, DESTRUCTIVE;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static List<ReportedChange> of(Comparison comparison) {
        return comparison.changes().stream().map(rendered -> {
            Change change = rendered.change();
            String entity = comparison.model().sources().ofTable(change.subject()).orElse(null);
            String source = rendered.source();
            String field = null;
            if (source != null && entity != null && source.startsWith(entity + ".")) {
                field = source.substring(entity.length() + 1);
            } else if (source != null && entity == null) {
                entity = source;
            }
            return new ReportedChange(rendered, entity, field);
        }).toList();
    }

    Change change() {
        return rendered.change();
    }

    Safety safety() {
        return change().destructive() ? Safety.DESTRUCTIVE : Safety.SAFE;
    }

    /** {@code com.x.Account.phone}, {@code com.x.Account}, or {@code null}. */
    String cause() {
        if (entity == null) {
            return null;
        }
        return field == null ? entity : entity + "." + field;
    }
}
