package io.schemadiff.diff;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Constraint and index names are no difference, unless the model states them: an
 * {@code @Index(name = "idx_orders_placed")} spelled {@code orders_by_placed_at} in the migrations is
 * the same index under another name, so the plan renames it. Objects are matched by what they do,
 * exactly as the differ matches them.
 */
public final class ExplicitNames {

    private ExplicitNames() {
    }

    /**
     * @param explicit per table, the names the model states (from Hibernate's metamodel)
     */
    public static List<Change> renames(DatabaseSchema reference, DatabaseSchema model,
                                       Map<QualifiedName, Set<String>> explicit) {
        return renames(reference, model, explicit, true);
    }

    /**
     * @param renamesConstraints whether the database renames foreign keys and checks in place; MariaDB
     *                           does not, so there they are dropped and added again under the model's name
     */
    public static List<Change> renames(DatabaseSchema reference, DatabaseSchema model,
                                       Map<QualifiedName, Set<String>> explicit, boolean renamesConstraints) {
        List<Change> renames = new ArrayList<>();
        for (Map.Entry<QualifiedName, Set<String>> entry : explicit.entrySet()) {
            Table wanted = model.tables().get(entry.getKey());
            Table existing = reference.tables().get(entry.getKey());
            if (wanted == null || existing == null) {
                continue;
            }
            for (String name : entry.getValue()) {
                renames.addAll(rename(wanted, existing, name, renamesConstraints));
            }
        }
        return renames;
    }

    private static List<Change> rename(Table wanted, Table existing, String name, boolean renamesConstraints) {
        QualifiedName table = wanted.name();
        for (Index index : wanted.indexes()) {
            if (index.name().equals(name)) {
                return counterpart(existing.indexes(), Index::identity, index.identity(), Index::name)
                        .filter(old -> !old.equals(name))
                        .map(old -> List.<Change>of(new Change.RenameConstraint(table, old, name, true))).orElse(List.of());
            }
        }
        for (UniqueKey unique : wanted.uniqueKeys()) {
            if (unique.name().equals(name)) {
                return existing.uniqueKeys().stream().filter(u -> u.identity().equals(unique.identity())).findFirst()
                        .filter(old -> !old.name().equals(name))
                        // a unique index is renamed as an index; a constraint's index follows its constraint
                        .map(old -> List.<Change>of(new Change.RenameConstraint(table, old.name(), name,
                                old.backedByIndexOnly()))).orElse(List.of());
            }
        }
        for (ForeignKey foreignKey : wanted.foreignKeys()) {
            if (foreignKey.name().equals(name)) {
                return existing.foreignKeys().stream().filter(fk -> fk.identity().equals(foreignKey.identity()))
                        .findFirst().filter(old -> !old.name().equals(name))
                        .map(old -> renamesConstraints
                                ? List.<Change>of(new Change.RenameConstraint(table, old.name(), name, false))
                                : List.<Change>of(new Change.DropForeignKey(table, old),
                                new Change.AddForeignKey(table, foreignKey))).orElse(List.of());
            }
        }
        for (CheckConstraint check : wanted.checks()) {
            if (Objects.equals(check.name(), name)) {
                return existing.checks().stream().filter(c -> c.identity().equals(check.identity()))
                        .findFirst().filter(old -> !Objects.equals(old.name(), name))
                        .map(old -> renamesConstraints
                                ? List.<Change>of(new Change.RenameConstraint(table, old.name(), name, false))
                                : List.<Change>of(new Change.DropCheck(table, old), new Change.AddCheck(table, check)))
                        .orElse(List.of());
            }
        }
        return List.of();
    }

    private static <T> Optional<String> counterpart(List<T> candidates, Function<T, Object> identity, Object wanted,
                                                    Function<T, String> name) {
        return candidates.stream().filter(c -> identity.apply(c).equals(wanted)).map(name).findFirst();
    }
}
