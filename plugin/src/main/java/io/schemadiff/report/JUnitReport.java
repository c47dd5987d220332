package io.schemadiff.report;

import io.schemadiff.diff.Change;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code TEST-schema-diff.xml}: a JUnit XML report with one test case per table checked, failed when
 * a migration is missing for it, so Jenkins, GitLab and GitHub test summaries show the result with
 * no extra tooling. Sequences and schemas with changes get a test case each too.
 */
public final class JUnitReport {

    public static final String FILE_NAME = "TEST-schema-diff.xml";

    private JUnitReport() {
    }

    public static String of(Comparison comparison) {
        Map<String, List<ReportedChange>> bySubject = new LinkedHashMap<>();
        for (QualifiedName table : Tables.checked(comparison)) {
            bySubject.put(caseName(table), new ArrayList<>());
        }
        for (ReportedChange change : ReportedChange.of(comparison)) {
            bySubject.computeIfAbsent(caseKey(change.change()), k -> new ArrayList<>()).add(change);
        }
        long failures = bySubject.values().stream().filter(c -> !c.isEmpty()).count();
        double seconds = comparison.timings().values().stream().mapToLong(Long::longValue).sum() / 1000.0;

        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"schema-diff\" tests=\"").append(bySubject.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(String.format(java.util.Locale.ROOT, "%.3f", seconds)).append("\">\n");
        for (Map.Entry<String, List<ReportedChange>> entry : bySubject.entrySet()) {
            String[] parts = entry.getKey().split(" ", 2);
            // a MariaDB database has no namespaces inside it: no "public" that does not exist there
            xml.append("  <testcase classname=\"schema").append(comparison.dialect() == io.schemadiff.core.Dialect.MARIADB
                    ? "" : "." + escape(parts[0])).append("\" name=\"")
                    .append(escape(parts[1])).append("\" time=\"0\"");
            List<ReportedChange> changes = entry.getValue();
            if (changes.isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            String message = "No migration covers " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                    + " to " + parts[1] + "; run mvn compile schema:generate";
            String details = changes.stream()
                    .map(c -> c.change().marker() + " " + c.rendered().summary()
                            + (c.cause() == null ? "" : "  <- " + c.cause())
                            + (c.finding().safe() ? "" : "  " + c.tags()))
                    .collect(Collectors.joining("\n"));
            xml.append(">\n    <failure type=\"MissingMigration\" message=\"").append(escape(message)).append("\">")
                    .append(escape(details)).append("</failure>\n  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** "{schema} {display name}": the schema becomes the class name, the object the test name. */
    private static String caseName(QualifiedName table) {
        return table.schema() + " " + table.name();
    }

    private static String caseKey(Change change) {
        return switch (change.kind()) {
            case CREATE_SCHEMA -> change.subject().schema() + " schema " + change.subject().schema();
            case CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE ->
                    change.subject().schema() + " sequence " + change.subject().name();
            default -> caseName(change.subject());
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 has no way to write other control characters
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
