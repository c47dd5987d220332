package io.schemadiff.diff;

import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Indexes and constraints that SQL owns on tables the model owns: performance indexes tuned by hand,
 * a check the entities do not state. The plan never drops them; each one it would have dropped is
 * reported as left alone instead, naming the setting that keeps it. (Whole tables SQL owns are
 * {@link Exclusions}.)
 *
 * <p>A pattern is {@code name} (an index or constraint of that name on any table), {@code table.name}
 * or {@code schema.table.name}; {@code *} stands for any characters within a part. Matching ignores
 * case. {@code undeclaredIndexes} keeps every index the model does not declare (unique indexes
 * included, unique constraints not: those are integrity rules the model states or drops).
 */
public final class KeptObjects {

    private static final KeptObjects NONE = new KeptObjects(List.of(), false);

    private final List<Pattern> patterns;
    private final boolean undeclaredIndexes;

    private KeptObjects(List<Pattern> patterns, boolean undeclaredIndexes) {
        this.patterns = patterns;
        this.undeclaredIndexes = undeclaredIndexes;
    }

    public static KeptObjects none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException naming a pattern that is not {@code name}, {@code table.name} or
     *                                  {@code schema.table.name}
     */
    public static KeptObjects of(List<String> patterns, boolean undeclaredIndexes) {
        List<Pattern> regexes = new ArrayList<>();
        for (String raw : patterns) {
            String[] parts = Exclusions.parts(raw, 3, "an index or constraint pattern",
                    "name, table.name or schema.table.name, * within a part, e.g. idx_orders_* or orders.chk_*");
            if (parts == null) {
                continue;
            }
            String schema = parts.length == 3 ? Exclusions.glob(parts[0]) : "[^.]+";
            String table = parts.length >= 2 ? Exclusions.glob(parts[parts.length - 2]) : "[^.]+";
            regexes.add(Pattern.compile(schema + "\\." + table + "\\." + Exclusions.glob(parts[parts.length - 1]),
                    Pattern.CASE_INSENSITIVE));
        }
        return regexes.isEmpty() && !undeclaredIndexes ? NONE : new KeptObjects(List.copyOf(regexes), undeclaredIndexes);
    }

    /** {@code diff} without the drops of kept objects, each reported as left alone instead. */
    public SchemaDiff applyTo(SchemaDiff diff) {
        if (this == NONE) {
            return diff;
        }
        List<Change> changes = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>(diff.unmanaged());
        for (Change change : diff.changes()) {
            String kept = keptBy(change);
            if (kept == null) {
                changes.add(change);
            } else {
                unmanaged.add(what(change) + " on " + change.subject().display() + " (" + kept + ")");
            }
        }
        return new SchemaDiff(changes, unmanaged);
    }

    /** The setting that keeps what {@code change} drops, or {@code null} when the drop stays in the plan. */
    private String keptBy(Change change) {
        String name = droppedName(change);
        if (name == null) {
            return null;
        }
        if (matches(change.subject(), name)) {
            return "schema.keep";
        }
        boolean index = change instanceof Change.DropIndex
                || change instanceof Change.DropUniqueKey drop && drop.uniqueKey().backedByIndexOnly();
        return undeclaredIndexes && index ? "schema.keepUndeclaredIndexes" : null;
    }

    private boolean matches(QualifiedName table, String name) {
        String qualified = (table.schema() + "." + table.name() + "." + name).toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(qualified).matches());
    }

    private static String droppedName(Change change) {
        if (change instanceof Change.DropIndex drop) return drop.index().name();
        if (change instanceof Change.DropUniqueKey drop) return drop.uniqueKey().name();
        if (change instanceof Change.DropCheck drop) return drop.check().name();
        if (change instanceof Change.DropForeignKey drop) return drop.foreignKey().name();
        return null;
    }

    private static String what(Change change) {
        if (change instanceof Change.DropIndex drop) return "index " + drop.index().name();
        if (change instanceof Change.DropUniqueKey drop) return "unique " + drop.uniqueKey().name();
        if (change instanceof Change.DropCheck drop) return "check " + drop.check().name();
        return "foreign key " + ((Change.DropForeignKey) change).foreignKey().name();
    }
}
