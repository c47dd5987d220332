package io.schemadiff.diff;

import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tables (and sequences) that SQL owns, not the entity model: a scheduler's lock table, a reporting
 * table, a queue. They are taken out of both sides before the diff, so they are never created,
 * altered or dropped, and the ones the migrations create are reported as left alone.
 *
 * <p>A pattern is {@code name} (in any schema) or {@code schema.name}; {@code *} stands for any
 * characters within a name. Matching ignores case, as PostgreSQL does for unquoted names.
 */
public final class Exclusions {

    private static final Exclusions NONE = new Exclusions(List.of(), List.of());

    private final List<String> patterns;
    private final List<Pattern> regexes;

    private Exclusions(List<String> patterns, List<Pattern> regexes) {
        this.patterns = patterns;
        this.regexes = regexes;
    }

    public static Exclusions none() {
        return NONE;
    }

    public static Exclusions of(List<String> patterns) {
        List<String> kept = new ArrayList<>();
        List<Pattern> regexes = new ArrayList<>();
        for (String raw : patterns) {
            String[] parts = parts(raw, 2, "a table pattern",
                    "table, schema.table, or * within a name, e.g. shedlock or audit.*_log");
            if (parts == null) {
                continue;
            }
            String pattern = raw.trim();
            String schema = parts.length == 2 ? glob(parts[0]) : "[^.]+";
            regexes.add(Pattern.compile(schema + "\\." + glob(parts[parts.length - 1]), Pattern.CASE_INSENSITIVE));
            kept.add(pattern);
        }
        return kept.isEmpty() ? NONE : new Exclusions(List.copyOf(kept), List.copyOf(regexes));
    }

    /**
     * The dot-separated parts of a user's pattern, or {@code null} for a blank one.
     *
     * @throws IllegalArgumentException naming the pattern, when it has more than {@code maxParts} or an empty one
     */
    static String[] parts(String raw, int maxParts, String kind, String usage) {
        String pattern = raw == null ? "" : raw.trim();
        if (pattern.isEmpty()) {
            return null;
        }
        String[] parts = pattern.split("\\.", -1);
        if (parts.length > maxParts || List.of(parts).contains("")) {
            throw new IllegalArgumentException("Not " + kind + ": '" + raw + "' (use " + usage + ")");
        }
        return parts;
    }

    /** {@code *} as any characters, the rest literal: one part of a dotted pattern, as a regex. */
    static String glob(String part) {
        StringBuilder regex = new StringBuilder();
        String[] literals = part.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(literals[i]));
        }
        return regex.toString();
    }

    public boolean excludes(QualifiedName name) {
        String qualified = (name.schema() + "." + name.name()).toLowerCase(Locale.ROOT);
        return regexes.stream().anyMatch(r -> r.matcher(qualified).matches());
    }

    public List<String> patterns() {
        return patterns;
    }

    /**
     * {@code schema} without the excluded tables and sequences; when {@code report} is set, each one
     * removed is added to the unmanaged objects, so the output says it was left alone on purpose.
     */
    public DatabaseSchema removeFrom(DatabaseSchema schema, boolean report) {
        if (regexes.isEmpty()) {
            return schema;
        }
        List<String> unmanaged = new ArrayList<>(schema.unmanaged());
        SortedMap<QualifiedName, Table> tables = new TreeMap<>();
        schema.tables().forEach((name, table) -> {
            if (!excludes(name)) {
                tables.put(name, table);
            } else if (report) {
                unmanaged.add("table " + name.display() + " (schema.exclude)");
            }
        });
        SortedMap<QualifiedName, Sequence> sequences = new TreeMap<>();
        schema.sequences().forEach((name, sequence) -> {
            if (!excludes(name)) {
                sequences.put(name, sequence);
            } else if (report) {
                unmanaged.add("sequence " + name.display() + " (schema.exclude)");
            }
        });
        return new DatabaseSchema(schema.schemas(), tables, sequences, unmanaged);
    }
}
