package io.schemadiff.report;

import io.schemadiff.diff.Change;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diff.md}: a summary a reviewer can paste into a pull request, with a Mermaid
 * {@code erDiagram} of the tables the change touches (GitHub renders it).
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String of(Comparison comparison) {
        StringBuilder md = new StringBuilder();
        if (comparison.live()) {
            md.append("### Live database: ").append(comparison.inSync() ? "matches the model"
                    : io.schemadiff.pipeline.ChangeReport.summary(comparison) + " of drift").append("\n\n")
                    .append("Compared with ").append(comparison.reference()).append(".\n\n");
            comparison.migrationStatus().lines().forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
            if (comparison.inSync()) {
                appendUnmanaged(comparison, md);
                return md.toString();
            }
        } else if (comparison.inSync()) {
            md.append("### Schema: in sync\n\nThe ").append(comparison.migrationsReplayed())
                    .append(" migration(s) build exactly what the ").append(comparison.discovered().entities().size())
                    .append(" entities map to (").append(comparison.model().producedBy()).append(").\n");
            appendUnmanaged(comparison, md);
            return md.toString();
        }
        List<ReportedChange> changes = ReportedChange.of(comparison);
        long destructive = changes.stream().filter(ReportedChange::destructive).count();
        if (comparison.live()) {
            md.append("What the live database needs to match the model");
        } else {
            md.append("### Schema: ").append(io.schemadiff.pipeline.ChangeReport.summary(comparison))
                    .append(" without a migration\n\n");
            md.append("`mvn compile schema:generate` writes `").append(comparison.migrationFileName()).append("`");
        }
        md.append(destructive > 0 ? "; **" + destructive + " destructive** (data is lost).\n\n" : ".\n\n");
        md.append("| | Table | Change | Caused by |\n|---|---|---|---|\n");
        for (ReportedChange change : changes) {
            md.append("| ").append(change.change().marker() == '+' ? "➕" : change.change().marker() == '-' ? "➖" : "✏️")
                    .append(" | `").append(cell(change.rendered().table())).append("` | ")
                    .append(cell(change.rendered().summary()))
                    .append(change.finding().safe() ? "" : " **" + change.tags() + "**")
                    .append(" | ").append(change.cause() == null ? "" : "`" + cell(change.cause()) + "`").append(" |\n");
        }
        String diagram = erDiagram(comparison);
        if (!diagram.isEmpty()) {
            md.append("\nTables touched, as the entity model defines them:\n\n```mermaid\n").append(diagram).append("```\n");
        }
        md.append("\n<details><summary>SQL of the missing migration</summary>\n\n```sql\n")
                .append(comparison.migrationSql().strip()).append("\n```\n\n</details>\n");
        appendUnmanaged(comparison, md);
        return md.toString();
    }

    private static void appendUnmanaged(Comparison comparison, StringBuilder md) {
        if (!comparison.diff().unmanaged().isEmpty()) {
            md.append("\nLeft alone (only the migrations define them): ")
                    .append(String.join(", ", comparison.diff().unmanaged().stream().map(u -> "`" + u + "`").toList()))
                    .append(".\n");
        }
    }

    /** The touched tables with their columns, and the foreign keys between touched tables and their neighbours. */
    static String erDiagram(Comparison comparison) {
        Set<QualifiedName> touched = new LinkedHashSet<>();
        for (ReportedChange change : ReportedChange.of(comparison)) {
            Change.Kind kind = change.change().kind();
            if (kind != Change.Kind.CREATE_SCHEMA && kind != Change.Kind.CREATE_SEQUENCE
                    && kind != Change.Kind.ALTER_SEQUENCE && kind != Change.Kind.DROP_SEQUENCE) {
                touched.add(change.change().subject());
            }
        }
        if (touched.isEmpty()) {
            return "";
        }
        StringBuilder er = new StringBuilder("erDiagram\n");
        for (QualifiedName name : touched) {
            Table table = table(comparison, name);
            if (table == null) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>(table.primaryKeyIfAny().map(pk -> pk.columns()).orElse(List.of()));
            Set<String> foreign = new LinkedHashSet<>();
            table.foreignKeys().forEach(fk -> foreign.addAll(fk.columns()));
            er.append("    ").append(entityName(name)).append(" {\n");
            for (Column column : table.columns()) {
                er.append("        ").append(word(column.type())).append(' ').append(word(column.name()));
                String marks = (keys.contains(column.name()) ? "PK" : "")
                        + (foreign.contains(column.name()) ? (keys.contains(column.name()) ? ", FK" : "FK") : "");
                er.append(marks.isEmpty() ? "" : " " + marks).append('\n');
            }
            er.append("    }\n");
            for (ForeignKey fk : table.foreignKeys()) {
                boolean optional = fk.columns().stream().anyMatch(c -> table.columns().stream()
                        .anyMatch(col -> col.name().equals(c) && col.nullable()));
                er.append("    ").append(entityName(name)).append(optional ? " }o--o| " : " }o--|| ")
                        .append(entityName(fk.referencedTable())).append(" : \"")
                        .append(String.join(", ", fk.columns())).append("\"\n");
            }
        }
        return er.toString();
    }

    /** As the model defines it; a table being dropped only exists in the migrations. */
    private static Table table(Comparison comparison, QualifiedName name) {
        DatabaseSchema model = comparison.modelSchema();
        Table table = model.tables().get(name);
        return table != null ? table : comparison.referenceSchema().tables().get(name);
    }

    private static String entityName(QualifiedName name) {
        return word(name.display().replace('.', '_'));
    }

    /** Mermaid names and types are single words: letters, digits, _, -, brackets. */
    private static String word(String text) {
        String word = text.replace(",", "-").replaceAll("[^A-Za-z0-9_()\\[\\]-]+", "_");
        return word.isEmpty() ? "_" : word;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
