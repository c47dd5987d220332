package io.schemadiff.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name-free, sorted text form of a schema: two schemas with equal fingerprints have the same
 * tables, columns (type, nullability, default, generation), primary keys, foreign keys with their
 * actions, unique sets, indexes, checks and sequences. Constraint and index names and column order
 * are left out: they are not part of what a migration must reproduce.
 *
 * <p>Deliberately independent of the differ, so that the differ can be checked against it.
 */
public final class SchemaFingerprint {

    private SchemaFingerprint() {
    }

    public static String of(DatabaseSchema schema) {
        List<String> lines = new ArrayList<>();
        lines.add("schemas " + schema.schemas());
        for (Table table : schema.tables().values()) {
            lines.add("table " + table.name());
            for (Column c : table.columns().stream().sorted(Comparator.comparing(Column::name)).toList()) {
                Column.Generation generation = c.generation() == Column.Generation.SERIAL
                        ? Column.Generation.IDENTITY_BY_DEFAULT : c.generation();
                lines.add("  column " + c.name() + " " + c.type() + (c.nullable() ? " null" : " not null")
                        + (c.hasDefault() ? " default " + c.defaultExpression() : "") + " " + generation);
            }
            lines.add("  primary key " + table.primaryKeyIfAny().map(pk -> pk.columns().toString()).orElse("none"));
            Set<String> parts = new TreeSet<>();
            table.foreignKeys().forEach(fk -> parts.add("  foreign key " + fk.identity()));
            table.uniqueKeys().forEach(uk -> parts.add("  unique " + uk.identity()));
            table.indexes().forEach(ix -> parts.add("  index " + ix.identity()));
            table.checks().forEach(ck -> parts.add("  check " + ck.identity()));
            lines.addAll(parts);
        }
        schema.sequences().values().forEach(s -> lines.add("sequence " + s.name() + " " + s.dataType() + " start "
                + s.start() + " increment " + s.increment() + " min " + s.minValue() + " max " + s.maxValue()
                + " cache " + s.cache() + (s.cycle() ? " cycle" : "")));
        return String.join("\n", lines);
    }
}
