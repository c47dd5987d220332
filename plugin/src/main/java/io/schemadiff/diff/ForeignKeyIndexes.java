package io.schemadiff.diff;

import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders a plan around the indexes InnoDB (MariaDB, MySQL) needs for foreign keys. InnoDB checks a
 * foreign key through an index whose leading columns are the key's, on both tables: a primary key or
 * unique key can be that index, and when there is none, adding the key creates one, named after it.
 * So:
 * <ul>
 *   <li>an index the model's database has only because a foreign key the plan adds made it is not
 *       created separately: adding the key creates it; likewise the index a dropped foreign key
 *       leaves behind, named after it, goes with it (the MariaDB template drops both);</li>
 *   <li>a key or index that a foreign key relies on cannot be dropped while the foreign key exists
 *       ({@code errno: 150 "Foreign key constraint is incorrectly formed"}, or "needed in a foreign key
 *       constraint"): when the plan drops every index that can serve a foreign key it keeps, the foreign
 *       key is dropped first and added again at the end, once the model's keys and indexes exist.</li>
 * </ul>
 * PostgreSQL needs none of this: its foreign keys need no index on the referencing side.
 */
public final class ForeignKeyIndexes {

    private static final Pattern BTREE = Pattern.compile("^USING btree \\((.*)\\)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_COLUMN = Pattern.compile("^`?([^`()]+)`?(?: DESC)?$", Pattern.CASE_INSENSITIVE);

    private ForeignKeyIndexes() {
    }

    /** {@code diff} in an order InnoDB accepts. */
    public static SchemaDiff arrange(SchemaDiff diff, DatabaseSchema reference) {
        List<Change> changes = new ArrayList<>(diff.changes());
        for (Table table : reference.tables().values()) {
            if (droppedTable(table.name(), changes)) {
                continue;
            }
            for (ForeignKey key : table.foreignKeys()) {
                if (!dropped(table.name(), key, changes) && loosesItsIndex(table, key, reference, changes)) {
                    rebuild(table.name(), key, changes);
                }
            }
        }
        List<Change> madeOrTakenByKeys = changes.stream().filter(change -> change instanceof Change.CreateIndex create
                && namedAfterKey(create.table(), create.index(), changes, Change.AddForeignKey.class)
                || change instanceof Change.DropIndex drop
                && namedAfterKey(drop.table(), drop.index(), changes, Change.DropForeignKey.class)).toList();
        changes.removeAll(madeOrTakenByKeys);
        return new SchemaDiff(ChangePlan.order(changes), diff.unmanaged());
    }

    /**
     * Whether {@code index} is InnoDB's own for a foreign key the plan adds (or drops): named after it,
     * on exactly its columns.
     */
    private static boolean namedAfterKey(QualifiedName table, Index index, List<Change> changes,
                                         Class<? extends Change> kind) {
        List<String> columns = wholeColumns(index);
        return !index.unique() && columns != null && changes.stream().filter(kind::isInstance).anyMatch(change -> {
            ForeignKey key = change instanceof Change.AddForeignKey add ? add.foreignKey()
                    : ((Change.DropForeignKey) change).foreignKey();
            return change.subject().equals(table) && key.name().equalsIgnoreCase(index.name())
                    && lower(key.columns()).equals(columns);
        });
    }

    /** Whether every index that serves {@code key}, on its own table or on the referenced one, is dropped. */
    private static boolean loosesItsIndex(Table table, ForeignKey key, DatabaseSchema reference, List<Change> changes) {
        if (!servedAfterDrops(table, key.columns(), changes)) {
            return true;
        }
        Table referenced = reference.tables().get(key.referencedTable());
        return referenced != null && !droppedTable(referenced.name(), changes)
                && !servedAfterDrops(referenced, key.referencedColumns(), changes);
    }

    /** Whether some key or index of {@code table} leading with {@code columns} is still there after the drops. */
    private static boolean servedAfterDrops(Table table, List<String> columns, List<Change> changes) {
        QualifiedName name = table.name();
        List<String> wanted = lower(columns);
        if (table.primaryKey() != null && leadsWith(lower(table.primaryKey().columns()), wanted)
                && changes.stream().noneMatch(c -> c instanceof Change.DropPrimaryKey d && d.table().equals(name))
                && !dropsAColumnOf(name, table.primaryKey().columns(), changes)) {
            return true;
        }
        for (UniqueKey unique : table.uniqueKeys()) {
            if (leadsWith(lower(unique.columns()), wanted)
                    && changes.stream().noneMatch(c -> c instanceof Change.DropUniqueKey d && d.table().equals(name)
                    && d.uniqueKey().name().equals(unique.name()))
                    && !dropsAColumnOf(name, unique.columns(), changes)) {
                return true;
            }
        }
        for (Index index : table.indexes()) {
            List<String> indexed = wholeColumns(index);
            if (indexed != null && leadsWith(indexed, wanted)
                    && changes.stream().noneMatch(c -> c instanceof Change.DropIndex d && d.table().equals(name)
                    && d.index().name().equals(index.name()))
                    && !dropsAColumnOf(name, indexed, changes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The foreign key is dropped before the plan's drops and added again after its creates. A rule change
     * of the same key becomes that drop and add.
     */
    private static void rebuild(QualifiedName table, ForeignKey key, List<Change> changes) {
        ForeignKey wanted = key;
        for (Change change : List.copyOf(changes)) {
            if (change instanceof Change.AlterForeignKey alter && alter.table().equals(table)
                    && alter.from().name().equals(key.name())) {
                changes.remove(change);
                wanted = alter.to();
            }
        }
        changes.add(new Change.DropForeignKey(table, key));
        changes.add(new Change.AddForeignKey(table, wanted));
    }

    private static boolean dropped(QualifiedName table, ForeignKey key, List<Change> changes) {
        return changes.stream().anyMatch(c -> c instanceof Change.DropForeignKey d && d.table().equals(table)
                && d.foreignKey().name().equals(key.name()));
    }

    private static boolean droppedTable(QualifiedName table, List<Change> changes) {
        return changes.stream().anyMatch(c -> c instanceof Change.DropTable d && d.table().name().equals(table));
    }

    private static boolean dropsAColumnOf(QualifiedName table, List<String> columns, List<Change> changes) {
        List<String> lower = lower(columns);
        return changes.stream().anyMatch(c -> c instanceof Change.DropColumn d && d.table().equals(table)
                && lower.contains(d.definition().name().toLowerCase(Locale.ROOT)));
    }

    /**
     * The columns of a B-tree index on whole columns, lower case ({@code USING btree (a, b DESC)} ->
     * {@code [a, b]}); {@code null} for any other index (prefixes, hash, full-text), which cannot serve a
     * foreign key.
     */
    static List<String> wholeColumns(Index index) {
        Matcher body = BTREE.matcher(index.body());
        if (!body.matches()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (String part : body.group(1).split(",\\s*")) {
            Matcher column = WHOLE_COLUMN.matcher(part.strip());
            if (!column.matches()) {
                return null;
            }
            columns.add(column.group(1).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    private static boolean leadsWith(List<String> indexed, List<String> wanted) {
        return indexed.size() >= wanted.size() && indexed.subList(0, wanted.size()).equals(wanted);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
