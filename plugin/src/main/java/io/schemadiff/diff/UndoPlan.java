package io.schemadiff.diff;

import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reverse of a migration plan: applied after it, the database's schema is what it was before.
 * Data a step removed cannot come back; those steps are named in {@link #irreversible()}.
 *
 * @param changes        the inverse changes, in dependency order
 * @param droppedSchemas schemas the plan created, to drop last
 * @param irreversible   what the undo cannot restore, one sentence each
 */
public record UndoPlan(List<Change> changes, List<String> droppedSchemas, List<String> irreversible) {

    public UndoPlan {
        changes = List.copyOf(changes);
        droppedSchemas = List.copyOf(droppedSchemas);
        irreversible = List.copyOf(irreversible);
    }

    public static UndoPlan of(List<Change> plan) {
        // a set: a dropped table's foreign keys come back with it and from their own drop steps
        Set<Change> inverses = new LinkedHashSet<>();
        List<String> schemas = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        // the other steps undo under the new names; then columns, then tables get their old names back
        List<Change> columnRenames = new ArrayList<>();
        List<Change> tableRenames = new ArrayList<>();
        for (Change change : plan) {
            if (change instanceof Change.RenameColumn rename) {
                columnRenames.add(new Change.RenameColumn(rename.table(), rename.to(), rename.from()));
            } else if (change instanceof Change.RenameTable rename) {
                tableRenames.add(new Change.RenameTable(rename.to(), rename.from()));
            } else if (change instanceof Change.CreateSchema create) {
                schemas.add(create.schema());
            } else if (change instanceof Change.DropTable drop) {
                inverses.addAll(recreate(drop.table()));
                irreversible.add("the rows of table " + drop.table().name().display());
            } else if (change instanceof Change.DropColumn drop) {
                inverses.add(new Change.AddColumn(drop.table(), drop.definition()));
                irreversible.add("the values of column " + drop.table().display() + "." + drop.definition().name());
            } else if (change instanceof Change.DropSequence drop) {
                inverses.add(new Change.CreateSequence(drop.sequence()));
                irreversible.add("the current value of sequence " + drop.sequence().name().display());
            } else {
                inverses.add(inverse(change));
                if (change instanceof Change.AlterColumn alter && alter.typeChanged()) {
                    irreversible.add("values of " + alter.table().display() + "." + alter.from().name()
                            + " that did not survive the conversion " + alter.from().type() + " -> " + alter.to().type());
                }
            }
        }
        List<Change> ordered = new ArrayList<>(ChangePlan.order(new ArrayList<>(inverses)));
        ordered.addAll(columnRenames);
        ordered.addAll(tableRenames);
        return new UndoPlan(ordered, schemas, irreversible);
    }

    /** A dropped table comes back as the differ would create it: the table, then its keys and indexes. */
    private static List<Change> recreate(Table table) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.CreateTable(table));
        table.foreignKeys().forEach(fk -> changes.add(new Change.AddForeignKey(table.name(), fk)));
        table.indexes().forEach(ix -> changes.add(new Change.CreateIndex(table.name(), ix)));
        table.uniqueKeys().stream().filter(UniqueKey::backedByIndexOnly)
                .forEach(uk -> changes.add(new Change.AddUniqueKey(table.name(), uk)));
        return changes;
    }

    private static Change inverse(Change change) {
        if (change instanceof Change.RenameConstraint c) return new Change.RenameConstraint(c.table(), c.to(), c.from(), c.index());
        if (change instanceof Change.CreateSequence c) return new Change.DropSequence(c.sequence());
        if (change instanceof Change.AlterSequence c) return new Change.AlterSequence(c.to(), c.from());
        if (change instanceof Change.CreateTable c) return new Change.DropTable(c.table());
        if (change instanceof Change.AddColumn c) return new Change.DropColumn(c.table(), c.definition());
        if (change instanceof Change.AlterColumn c) return new Change.AlterColumn(c.table(), c.to(), c.from());
        if (change instanceof Change.AddPrimaryKey c) return new Change.DropPrimaryKey(c.table(), c.primaryKey());
        if (change instanceof Change.DropPrimaryKey c) return new Change.AddPrimaryKey(c.table(), c.primaryKey());
        if (change instanceof Change.AddForeignKey c) return new Change.DropForeignKey(c.table(), c.foreignKey());
        if (change instanceof Change.DropForeignKey c) return new Change.AddForeignKey(c.table(), c.foreignKey());
        if (change instanceof Change.AlterForeignKey c) return new Change.AlterForeignKey(c.table(), c.to(), c.from());
        if (change instanceof Change.AddUniqueKey c) return new Change.DropUniqueKey(c.table(), c.uniqueKey());
        if (change instanceof Change.DropUniqueKey c) return new Change.AddUniqueKey(c.table(), c.uniqueKey());
        if (change instanceof Change.CreateIndex c) return new Change.DropIndex(c.table(), c.index());
        if (change instanceof Change.DropIndex c) return new Change.CreateIndex(c.table(), c.index());
        if (change instanceof Change.AddCheck c) return new Change.DropCheck(c.table(), c.check());
        if (change instanceof Change.DropCheck c) return new Change.AddCheck(c.table(), c.check());
        throw new IllegalArgumentException("No inverse for " + change.kind() + ": " + change.describe());
    }
}
