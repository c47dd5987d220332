package io.schemadiff.diff;

import io.schemadiff.schema.Column;
import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MariaDB (and MySQL) accept {@code auto_increment} only on a column that leads a key ("there can be
 * only one auto column and it must be defined as a key"). A plan ordered by phase drops keys before
 * columns and adds columns before keys, so around an auto-increment column it would fail both ways:
 * <ul>
 *   <li>a key of an auto-increment column the plan drops is dropped after the column loses
 *       {@code auto_increment} (an alteration just before the key goes);</li>
 *   <li>an auto-increment column the plan adds (an undo puts a dropped one back) is added plain and
 *       gets {@code auto_increment} once its key exists.</li>
 * </ul>
 */
public final class AutoIncrementKeys {

    private AutoIncrementKeys() {
    }

    /** {@code ordered} (a plan in dependency order) with the steps around auto-increment keys placed. */
    public static List<Change> arrange(List<Change> ordered) {
        List<Change> changes = new ArrayList<>(ordered);
        for (Change change : ordered) {
            if (change instanceof Change.DropColumn drop && drop.definition().generation() != Column.Generation.NONE) {
                int firstKeyDrop = firstIndexOf(changes, c -> keyDropOn(c, drop.table(), drop.definition().name()));
                if (firstKeyDrop >= 0 && firstKeyDrop < changes.indexOf(drop)) {
                    changes.add(firstKeyDrop, new Change.AlterColumn(drop.table(), drop.definition(),
                            plain(drop.definition())));
                }
            }
        }
        for (Change change : List.copyOf(changes)) {
            if (change instanceof Change.AddColumn add && add.definition().generation() != Column.Generation.NONE) {
                placeAfterKey(changes, add);
            }
        }
        return changes;
    }

    /** The column added plain, and made auto-increment right after the last key the plan adds on it. */
    private static void placeAfterKey(List<Change> changes, Change.AddColumn add) {
        QualifiedName table = add.table();
        String column = add.definition().name();
        int lastKeyAdd = -1;
        for (int i = 0; i < changes.size(); i++) {
            if (keyAddOn(changes.get(i), table, column)) {
                lastKeyAdd = i;
            }
        }
        if (lastKeyAdd < changes.indexOf(add)) {
            return; // no key comes after it: the template says what is missing
        }
        Column plain = plain(add.definition());
        // an undo already holds the step that gives the column auto_increment back: it moves after the key
        Change.AlterColumn makeAuto = changes.stream()
                .filter(c -> c instanceof Change.AlterColumn a && a.table().equals(table)
                        && a.to().name().equalsIgnoreCase(column) && a.to().generation() != Column.Generation.NONE)
                .map(Change.AlterColumn.class::cast).findFirst()
                .orElse(new Change.AlterColumn(table, plain, add.definition()));
        changes.set(changes.indexOf(add), new Change.AddColumn(table, plain));
        changes.remove(makeAuto);
        lastKeyAdd = -1;
        for (int i = 0; i < changes.size(); i++) {
            if (keyAddOn(changes.get(i), table, column)) {
                lastKeyAdd = i;
            }
        }
        changes.add(lastKeyAdd + 1, new Change.AlterColumn(table, plain, makeAuto.to()));
    }

    private static boolean keyDropOn(Change change, QualifiedName table, String column) {
        boolean drop = change instanceof Change.DropPrimaryKey || change instanceof Change.DropUniqueKey
                || change instanceof Change.DropIndex;
        return drop && keyOn(change, table, column);
    }

    private static boolean keyAddOn(Change change, QualifiedName table, String column) {
        boolean add = change instanceof Change.AddPrimaryKey || change instanceof Change.AddUniqueKey
                || change instanceof Change.CreateIndex;
        return add && keyOn(change, table, column);
    }

    /** Whether {@code change} adds or drops a key or index of {@code table} that holds {@code column}. */
    private static boolean keyOn(Change change, QualifiedName table, String column) {
        List<String> columns = null;
        if (change instanceof Change.DropPrimaryKey drop) columns = drop.primaryKey().columns();
        if (change instanceof Change.AddPrimaryKey add) columns = add.primaryKey().columns();
        if (change instanceof Change.DropUniqueKey drop) columns = drop.uniqueKey().columns();
        if (change instanceof Change.AddUniqueKey add) columns = add.uniqueKey().columns();
        if (change instanceof Change.DropIndex drop) columns = ForeignKeyIndexes.wholeColumns(drop.index());
        if (change instanceof Change.CreateIndex add) columns = ForeignKeyIndexes.wholeColumns(add.index());
        return columns != null && change.subject().equals(table) && contains(columns, column);
    }

    private static Column plain(Column column) {
        return new Column(column.name(), column.type(), column.nullable(), column.defaultExpression(),
                Column.Generation.NONE);
    }

    private static boolean contains(List<String> columns, String column) {
        return columns.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)));
    }

    private static int firstIndexOf(List<Change> changes, java.util.function.Predicate<Change> test) {
        for (int i = 0; i < changes.size(); i++) {
            if (test.test(changes.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
