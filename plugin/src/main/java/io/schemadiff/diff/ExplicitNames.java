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
        List<Change> renames = new ArrayList<>();
        for (Map.Entry<QualifiedName, Set<String>> entry : explicit.entrySet()) {
            Table wanted = model.tables().get(entry.getKey());
            Table existing = reference.tables().get(entry.getKey());
            if (wanted == null || existing == null) {
                continue;
            }
            for (String name : entry.getValue()) {
                rename(wanted, existing, name).ifPresent(renames::add);
            }
        }
        return renames;
    }

    private static Optional<Change> rename(Table wanted, Table existing, String name) {
        QualifiedName table = wanted.name();
        for (Index index : wanted.indexes()) {
            if (index.name().equals(name)) {
                return counterpart(existing.indexes(), Index::identity, index.identity(), Index::name)
                        .filter(old -> !old.equals(name))
                        .map(old -> new Change.RenameConstraint(table, old, name, true));
            }
        }
        for (UniqueKey unique : wanted.uniqueKeys()) {
            if (unique.name().equals(name)) {
                return existing.uniqueKeys().stream().filter(u -> u.identity().equals(unique.identity())).findFirst()
                        .filter(old -> !old.name().equals(name))
                        // a unique index is renamed as an index; a constraint's index follows its constraint
                        .map(old -> new Change.RenameConstraint(table, old.name(), name, old.backedByIndexOnly()));
            }
        }
        for (ForeignKey foreignKey : wanted.foreignKeys()) {
            if (foreignKey.name().equals(name)) {
                return counterpart(existing.foreignKeys(), ForeignKey::identity, foreignKey.identity(), ForeignKey::name)
                        .filter(old -> !old.equals(name))
                        .map(old -> new Change.RenameConstraint(table, old, name, false));
            }
        }
        for (CheckConstraint check : wanted.checks()) {
            if (Objects.equals(check.name(), name)) {
                return counterpart(existing.checks(), CheckConstraint::identity, check.identity(), CheckConstraint::name)
                        .filter(old -> !old.equals(name))
                        .map(old -> new Change.RenameConstraint(table, old, name, false));
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<String> counterpart(List<T> candidates, Function<T, Object> identity, Object wanted,
                                                    Function<T, String> name) {
        return candidates.stream().filter(c -> identity.apply(c).equals(wanted)).map(name).findFirst();
    }
}
