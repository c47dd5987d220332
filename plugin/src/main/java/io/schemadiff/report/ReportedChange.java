package io.schemadiff.report;

import io.schemadiff.diff.Change;
import io.schemadiff.diff.SafetyLint;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.render.RenderedChange;

import java.util.List;

/**
 * One change as every report shows it: what it is, what caused it, how risky it is, and its SQL.
 *
 * @param entity the entity class behind the change's table, or {@code null} (e.g. a dropped table)
 * @param field  the attribute path within {@code entity} behind the change, or {@code null}
 */
record ReportedChange(RenderedChange rendered, String entity, String field, SafetyLint.Finding finding) {

    static List<ReportedChange> of(Comparison comparison) {
        List<SafetyLint.Finding> findings = comparison.safety();
        java.util.Iterator<SafetyLint.Finding> finding = findings.iterator();
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
            return new ReportedChange(rendered, entity, field, finding.next());
        }).toList();
    }

    Change change() {
        return rendered.change();
    }

    boolean destructive() {
        return finding.has(SafetyLint.Risk.DESTRUCTIVE);
    }

    /** e.g. {@code [destructive, lock-heavy]}, or empty when safe. */
    String tags() {
        return finding.safe() ? "" : finding.risks().stream().map(SafetyLint.Risk::id)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** {@code com.x.Account.phone}, {@code com.x.Account}, or {@code null}. */
    String cause() {
        if (entity == null) {
            return null;
        }
        return field == null ? entity : entity + "." + field;
    }
}
