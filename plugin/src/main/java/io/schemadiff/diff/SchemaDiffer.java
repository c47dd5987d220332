package io.schemadiff.diff;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a reference schema (what the migrations build) with a model schema (what Hibernate
 * builds) and plans the changes that turn the first into the second.
 *
 * <p>Tables, columns and sequences are matched by name; constraints and indexes by what they do,
 * because their names are generated differently on each side.
 */
public final class SchemaDiffer {

    public SchemaDiff diff(DatabaseSchema reference, DatabaseSchema model) {
        List<Change> changes = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>(reference.unmanaged());

        for (String schema : model.schemas()) {
            if (!reference.schemas().contains(schema)) {
                changes.add(new Change.CreateSchema(schema));
            }
        }
        diffSequences(reference, model, changes);

        for (Table table : model.tables().values()) {
            Table existing = reference.tables().get(table.name());
            if (existing == null) {
                changes.add(new Change.CreateTable(table));
                table.foreignKeys().forEach(fk -> changes.add(new Change.AddForeignKey(table.name(), fk)));
                table.indexes().forEach(ix -> changes.add(new Change.CreateIndex(table.name(), ix)));
                table.uniqueKeys().stream().filter(UniqueKey::backedByIndexOnly)
                        .forEach(uk -> changes.add(new Change.AddUniqueKey(table.name(), uk)));
            } else {
                diffTable(existing, table, changes, unmanaged);
            }
        }
        Set<QualifiedName> dropped = new java.util.TreeSet<>(reference.tables().keySet());
        dropped.removeAll(model.tables().keySet());
        for (QualifiedName name : dropped) {
            Table table = reference.tables().get(name);
            changes.add(new Change.DropTable(table));
            // a dropped table's own keys go with it, except those between two dropped tables:
            // dropping those first lets the tables go in any order
            table.foreignKeys().stream()
                    .filter(fk -> !fk.referencedTable().equals(name) && dropped.contains(fk.referencedTable()))
                    .forEach(fk -> changes.add(new Change.DropForeignKey(name, fk)));
        }
        return new SchemaDiff(ChangePlan.order(changes), unmanaged);
    }

    private static void diffSequences(DatabaseSchema reference, DatabaseSchema model, List<Change> changes) {
        for (Sequence sequence : model.sequences().values()) {
            Sequence existing = reference.sequences().get(sequence.name());
            if (existing == null) {
                changes.add(new Change.CreateSequence(sequence));
            } else if (!existing.sameDefinitionAs(sequence)) {
                changes.add(new Change.AlterSequence(existing, sequence));
            }
        }
        for (Sequence sequence : reference.sequences().values()) {
            if (!model.sequences().containsKey(sequence.name())) {
                changes.add(new Change.DropSequence(sequence));
            }
        }
    }

    private static void diffTable(Table reference, Table model, List<Change> changes, List<String> unmanaged) {
        QualifiedName name = model.name();
        for (Column column : model.columns()) {
            reference.column(column.name()).ifPresentOrElse(
                    existing -> {
                        if (!sameColumn(existing, column)) {
                            changes.add(new Change.AlterColumn(name, existing, column));
                        }
                    },
                    () -> changes.add(new Change.AddColumn(name, column)));
        }
        for (Column column : reference.columns()) {
            if (model.column(column.name()).isEmpty()) {
                changes.add(new Change.DropColumn(name, column));
            }
        }

        List<String> referenceKey = reference.primaryKeyIfAny().map(pk -> pk.columns()).orElse(List.of());
        List<String> modelKey = model.primaryKeyIfAny().map(pk -> pk.columns()).orElse(List.of());
        if (!referenceKey.equals(modelKey)) {
            reference.primaryKeyIfAny().ifPresent(pk -> changes.add(new Change.DropPrimaryKey(name, pk)));
            model.primaryKeyIfAny().ifPresent(pk -> changes.add(new Change.AddPrimaryKey(name, pk)));
        }

        List<ForeignKey> droppedKeys = new ArrayList<>();
        List<ForeignKey> addedKeys = new ArrayList<>();
        matchByIdentity(reference.foreignKeys(), model.foreignKeys(), ForeignKey::identity, droppedKeys::add,
                addedKeys::add);
        pairRuleChanges(name, droppedKeys, addedKeys, changes);
        matchByIdentity(reference.uniqueKeys(), model.uniqueKeys(), UniqueKey::identity,
                uk -> changes.add(new Change.DropUniqueKey(name, uk)),
                uk -> changes.add(new Change.AddUniqueKey(name, uk)));
        matchByIdentity(reference.checks(), model.checks(), CheckConstraint::identity,
                ck -> changes.add(new Change.DropCheck(name, ck)),
                ck -> changes.add(new Change.AddCheck(name, ck)));
        matchByIdentity(reference.indexes(), model.indexes(), Index::identity,
                ix -> {
                    if (ix.modelCannotExpress()) {
                        unmanaged.add((ix.partial() ? "partial" : "expression") + " index " + ix.name() + " on " + name);
                    } else {
                        changes.add(new Change.DropIndex(name, ix));
                    }
                },
                ix -> changes.add(new Change.CreateIndex(name, ix)));
    }

    /**
     * A foreign key dropped and one added over the same columns and referenced columns differ in their
     * rules only: that is one change of rule ({@code on delete cascade -> no action}), not a loss and a gain.
     */
    private static void pairRuleChanges(QualifiedName table, List<ForeignKey> dropped, List<ForeignKey> added,
                                        List<Change> changes) {
        List<ForeignKey> unpaired = new ArrayList<>(dropped);
        for (ForeignKey wanted : added) {
            ForeignKey same = unpaired.stream().filter(old -> old.columns().equals(wanted.columns())
                    && old.referencedTable().equals(wanted.referencedTable())
                    && old.referencedColumns().equals(wanted.referencedColumns())).findFirst().orElse(null);
            if (same != null) {
                unpaired.remove(same);
                changes.add(new Change.AlterForeignKey(table, same, wanted));
            } else {
                changes.add(new Change.AddForeignKey(table, wanted));
            }
        }
        unpaired.forEach(fk -> changes.add(new Change.DropForeignKey(table, fk)));
    }

    /** Columns agree when type, nullability, default and generation behaviour agree. */
    static boolean sameColumn(Column reference, Column model) {
        return reference.type().equals(model.type())
                && reference.nullable() == model.nullable()
                && Objects.equals(reference.defaultExpression(), model.defaultExpression())
                && reference.generation().sameBehaviourAs(model.generation());
    }

    /**
     * Pairs up objects with the same identity (as a multiset, so duplicates on one side are not
     * lost), reporting the leftovers on each side.
     */
    private static <T> void matchByIdentity(List<T> reference, List<T> model, Function<T, Object> identity,
                                            java.util.function.Consumer<T> onlyInReference,
                                            java.util.function.Consumer<T> onlyInModel) {
        Map<Object, List<T>> unmatched = new LinkedHashMap<>();
        for (T item : reference) {
            unmatched.computeIfAbsent(identity.apply(item), k -> new ArrayList<>()).add(item);
        }
        for (T item : model) {
            List<T> candidates = unmatched.get(identity.apply(item));
            if (candidates != null && !candidates.isEmpty()) {
                candidates.remove(0);
            } else {
                onlyInModel.accept(item);
            }
        }
        unmatched.values().forEach(items -> items.forEach(onlyInReference));
    }
}
