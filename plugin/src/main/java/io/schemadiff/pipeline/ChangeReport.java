package io.schemadiff.pipeline;

import io.schemadiff.diff.SafetyLint;

import io.schemadiff.render.RenderedChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list of changes people read in the build log: grouped by table, each line traced to its source. */
public final class ChangeReport {

    private ChangeReport() {
    }

    public static List<String> lines(Comparison comparison) {
        Map<String, List<RenderedChange>> byTable = new LinkedHashMap<>();
        for (RenderedChange change : comparison.changes()) {
            byTable.computeIfAbsent(change.table(), k -> new ArrayList<>()).add(change);
        }
        byTable = new java.util.TreeMap<>(byTable);
        Map<RenderedChange, SafetyLint.Finding> findings = new java.util.IdentityHashMap<>();
        List<SafetyLint.Finding> safety = comparison.safety();
        for (int i = 0; i < comparison.changes().size(); i++) {
            findings.put(comparison.changes().get(i), safety.get(i));
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<RenderedChange>> group : byTable.entrySet()) {
            String entity = comparison.model().sources().ofTable(group.getValue().get(0).change().subject())
                    .orElse(null);
            lines.add(group.getKey() + (entity != null && !group.getKey().startsWith("sequence ")
                    && !group.getKey().startsWith("schema ") ? "  (" + entity + ")" : ""));
            for (RenderedChange change : group.getValue()) {
                String source = change.source() != null && !change.source().equals(entity)
                        ? "  <- " + shortSource(change.source(), entity) : "";
                SafetyLint.Finding finding = findings.get(change);
                lines.add("  " + change.marker() + " " + change.summary() + source + (finding.safe() ? ""
                        : "  [" + String.join(", ", finding.risks().stream().map(SafetyLint.Risk::id).toList()) + "]")
                        // what cannot be made online says why, so the reviewer can plan a window for it
                        + (finding.has(SafetyLint.Risk.LOCK_HEAVY)
                        ? ": " + String.join("; ", finding.reasons(SafetyLint.Risk.LOCK_HEAVY)) : ""));
            }
        }
        return lines;
    }

    public static String summary(Comparison comparison) {
        List<String> subjects = comparison.changes().stream().map(RenderedChange::table).distinct().toList();
        boolean allTables = subjects.stream().noneMatch(s -> s.startsWith("sequence ") || s.startsWith("schema "));
        String noun = allTables ? "table" : "object";
        int count = comparison.changes().size();
        return count + (count == 1 ? " change" : " changes") + " to " + subjects.size() + " "
                + noun + (subjects.size() == 1 ? "" : "s");
    }

    /** {@code com.x.Account.phone} under the {@code com.x.Account} heading reads better as {@code Account.phone}. */
    private static String shortSource(String source, String entity) {
        if (entity != null && source.startsWith(entity + ".")) {
            String simple = entity.substring(entity.lastIndexOf('.') + 1);
            return simple + source.substring(entity.length());
        }
        return source;
    }
}
